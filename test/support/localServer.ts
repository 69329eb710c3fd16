/**
 * `npm start`'s compiled entry (dist/functions/local/main.js) run as a child process on a free port with a data folder
 * of its own, as the end-to-end tests meet it: it starts DynamoDB Local, seeds the demo city on its first start and
 * prints GraphiQL's and the mail catcher's addresses. The local scripts (`npm run token`, `npm run reminders`) run
 * against the same data folder. Needs `npm run build` first.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../functions/local/dynamoLocal';

/** The repository: two folders up from here, three when run compiled (dist/test/support, `npm run screenshot:print`). */
const root = [join(__dirname, '..', '..'), join(__dirname, '..', '..', '..')].find((r) => existsSync(join(r, 'package.json'))) as string;
const compiled = (name: string) => join(root, 'dist', 'functions', 'local', `${name}.js`);

/** A mail as the local catcher's REST API gives it. */
export interface CaughtMail {
  subject: string;
  text: string;
  to: { address: string }[];
}

export class LocalServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'regulation-e2e-'));
  /** http://127.0.0.1:<port> of the running server. */
  base = '';
  /** What the server printed (at its last start). */
  output = '';
  private child: ChildProcess | undefined;

  /** The environment of the server and its scripts: this data folder, nothing of the caller's DynamoDB, S3 or secret. */
  env(port = 0): NodeJS.ProcessEnv {
    const { DYNAMODB_ENDPOINT: _endpoint, TABLE_NAME: _table, LOCAL_JWT_SECRET: _secret, S3_ENDPOINT: _s3, ATTACHMENTS_BUCKET: _bucket, ...rest } = process.env;
    return { ...rest, PORT: String(port), DATA_DIR: this.dataDir, LOG_LEVEL: 'silent' };
  }

  /** Starts the server (again) and waits until it has printed GraphiQL's and the mail catcher's addresses. */
  async start(): Promise<void> {
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [compiled('main')], { cwd: root, env: this.env(port), stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.output = '';
    child.stdout?.on('data', (b) => (this.output += b));
    child.stderr?.on('data', (b) => (this.output += b));
    const deadline = Date.now() + 120_000;
    while (!this.output.includes('GraphiQL and the API') || !/^Mail \(/m.test(this.output)) {
      if (child.exitCode !== null) throw new Error(`the server exited: ${this.output}`);
      if (Date.now() > deadline) throw new Error(`the server did not start: ${this.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  /** Stops the server and removes its data folder. */
  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Runs a local script (`token`, `reminders`) as `npm run <name> -- <args>` does; returns what it printed. */
  script(name: string, ...args: string[]): string {
    return execFileSync(process.execPath, [compiled(name), ...args], { cwd: root, env: this.env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** A bearer token for a person, as `npm run token -- <person id>` prints it (its last line). */
  token(person: string): string {
    return this.script('token', person).trim().split('\n').pop() as string;
  }

  /** A GraphQL request over HTTP as `person` (a token as `npm run token` prints it); fails on any error; its data. */
  async gql(person: string, query: string, variables?: object): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token(person)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    if (res.status !== 200 || body.errors) throw new Error(`${res.status} ${JSON.stringify(body)}`);
    return body.data;
  }

  /** The one mail to `to` with `subject` the catcher has caught, waiting up to `withinMs` for it to arrive. */
  async caughtMail(to: string, subject: string, withinMs = 10_000): Promise<CaughtMail> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const mails = (await (await fetch(`${this.mailPage()}/api/email`)).json()) as CaughtMail[];
      const found = mails.filter((m) => m.to[0].address === to && m.subject === subject);
      if (found.length > 1) throw new Error(`${found.length} mails "${subject}" to ${to}: one expected`);
      if (found.length === 1) return found[0];
      if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${to}; caught: ${JSON.stringify(mails.map((m) => [m.to[0].address, m.subject]))}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The mail catcher's page, as the server printed it at its last start. */
  mailPage(): string {
    const pages = [...this.output.matchAll(/^Mail \(.*\): (http:\/\/\S+)$/gm)];
    if (pages.length === 0) throw new Error(`the server printed no mail catcher: ${this.output}`);
    return pages[pages.length - 1][1].replace(/\/$/, '');
  }
}
