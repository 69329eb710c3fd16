/**
 * The local mail catcher: maildev (npm, an ES module) in a child process of its own, its SMTP server and its web
 * page (with a REST API, `GET /api/email`) on ports the system picks, both on 127.0.0.1 only. The child watches its
 * stdin: when this process goes, however it goes (even SIGKILL), the pipe closes and the catcher stops too.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RunningMailCatcher {
  smtp: { host: string; port: number };
  /** Its web page (the mails caught) and REST API (`<webUrl>/api/email`). */
  webUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** maildev's entry (its package exports only `import`, so it is found by path, not by require.resolve). */
function maildevEntry(): string {
  for (const dir of require.resolve.paths('maildev') ?? []) {
    const pkg = join(dir, 'maildev', 'package.json');
    if (existsSync(pkg)) {
      const { main } = JSON.parse(readFileSync(pkg, 'utf8')) as { main?: string };
      return pathToFileURL(join(dir, 'maildev', main ?? 'dist/index.js')).href;
    }
  }
  throw new Error('maildev is not installed (npm install)');
}

/** The line the child reports its ports on (maildev prints lines of its own). */
const PORTS = 'mail-catcher-ports ';

/** What the child runs: maildev on ports 0 (the system picks free ones), reporting them on a line of their own. */
const CHILD = `
const PORTS = ${JSON.stringify(PORTS)};
const { MailDev } = await import(process.env.MAILDEV_ENTRY);
const maildev = new MailDev({ smtp: 0, web: 0, ip: '127.0.0.1', webIp: '127.0.0.1', mailDirectory: process.env.MAILDEV_DIRECTORY, silent: true, verbose: false });
const servers = await maildev.start();
let stopping = false;
const stop = () => { if (stopping) return; stopping = true; maildev.stop().finally(() => process.exit(0)); setTimeout(() => process.exit(0), 3000).unref(); };
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(PORTS + JSON.stringify({ smtp: servers.smtp.getAddress().port, web: servers.api.getAddress().port }) + '\\n');
`;

/** Starts the catcher, keeping the mails it catches in `mailDirectory` (they survive a restart). */
export async function startMailCatcher(options: { mailDirectory: string }): Promise<RunningMailCatcher> {
  mkdirSync(options.mailDirectory, { recursive: true });
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
    env: { ...process.env, MAILDEV_ENTRY: maildevEntry(), MAILDEV_DIRECTORY: options.mailDirectory },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-4000)));
  const ports = await new Promise<{ smtp: number; web: number }>((resolve, reject) => {
    let line = '';
    const timer = setTimeout(() => fail(new Error(`the mail catcher (maildev) did not start within 30 s: ${output}`)), 30_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    child.once('exit', (code) => fail(new Error(`the mail catcher (maildev) exited (${code}): ${output}`)));
    const onData = (b: Buffer) => {
      line += b.toString();
      const reported = line.split('\n').find((l, i, all) => l.startsWith(PORTS) && i < all.length - 1);
      if (!reported) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout?.off('data', onData);
      child.stdout?.resume(); // what maildev prints from now on is dropped
      resolve(JSON.parse(reported.slice(PORTS.length)));
    };
    child.stdout?.on('data', onData);
  });
  return {
    smtp: { host: '127.0.0.1', port: ports.smtp },
    webUrl: `http://127.0.0.1:${ports.web}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin?.end();
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
