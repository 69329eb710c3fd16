/**
 * GraphiQL as a person uses it, in headless Chromium against `npm start` (the compiled server, its own port and data
 * folder): open http://localhost:<port>/graphql, put a token in the Headers tab, type `{ viewer { name } }` into the
 * operation editor, press the run button, and read the viewer's name in the result pane. No request leaves for
 * another host (the page is built to work offline).
 *
 * Needs Debian's `chromium` at /usr/bin/chromium (`apt-get install -y chromium`; .ci/run installs it). Without it
 * this test fails and says so: it is never skipped. playwright-core drives the browser; it downloads nothing.
 * GRAPHIQL_SCREENSHOTS=<folder> keeps what the browser showed.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, BrowserContext, Page, Request } from 'playwright-core';
import { freePort } from '../../functions/local/dynamoLocal';
import { DEMO_PEOPLE } from '../../functions/local/seed';
import { noticeLink } from '../../functions/domain/mail';
import { Notice } from '../../functions/domain/reminders';
import { toGlobalId } from '../../graphql/globalId';

const CHROMIUM = '/usr/bin/chromium';
const PERSON = 'shimin-manager';
const QUERY = '{ viewer { name } }';

const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'regulation-graphiql-browser-'));
const dataDir = join(work, 'data');
/** GRAPHIQL_SCREENSHOTS=<folder> keeps the screenshots (typed, result, failed) to look at; else they go with the rest. */
const screenshots = process.env.GRAPHIQL_SCREENSHOTS || join(work, 'screenshots');
let server: ChildProcess | undefined;
let output = '';
let port = 0;
let browser: BrowserContext | undefined;
/** Every request the browser made (pages and workers), by URL. */
const requests: Request[] = [];

function env(): NodeJS.ProcessEnv {
  const { DYNAMODB_ENDPOINT: _endpoint, TABLE_NAME: _table, LOCAL_JWT_SECRET: _secret, ...rest } = process.env;
  return { ...rest, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
}

async function startServer(): Promise<void> {
  port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist', 'functions', 'local', 'main.js')], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  child.stdout?.on('data', (b) => (output += b));
  child.stderr?.on('data', (b) => (output += b));
  const deadline = Date.now() + 150_000;
  while (!output.includes('GraphiQL and the API')) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The token `npm run token -- <person>` prints for this data folder (its last line). */
function token(person: string): string {
  const out = execFileSync(process.execPath, [join(root, 'dist', 'functions', 'local', 'token.js'), person], { cwd: root, env: env(), encoding: 'utf8' });
  return out.trim().split('\n').pop() as string;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium が見つかりません(${CHROMIUM})。GraphiQL のブラウザー試験に必要です: apt-get install -y chromium\n` +
        `Chromium not found at ${CHROMIUM}; the GraphiQL browser test needs it: apt-get install -y chromium (Debian). .ci/run installs it.`,
    );
  }
  await startServer();
  browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  browser.on('request', (r) => requests.push(r));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  const child = server;
  if (child && child.exitCode === null && child.signalCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
  rmSync(work, { recursive: true, force: true });
});

/** The text of a Monaco editor as shown (Monaco renders spaces as no-break spaces). */
async function editorText(page: Page, selector: string): Promise<string> {
  return (await page.locator(`${selector} .view-lines`).first().innerText()).replace(/\u00a0/g, ' ');
}

/** The editor's text once it shows `expected` (Monaco renders a moment after the keys), or what it shows after 5 s. */
async function settledText(page: Page, selector: string, expected: string): Promise<string> {
  const deadline = Date.now() + 5000;
  let text = await editorText(page, selector);
  while (text !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    text = await editorText(page, selector);
  }
  return text;
}

/** Click into a Monaco editor, select all, type `text`; Monaco closes brackets and quotes as one types, so the
 * closers it added after the cursor are deleted, as a person would. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(`${selector} .monaco-editor`).first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape'); // closes a completion list, if one opened
  await page.keyboard.press('Shift+ControlOrMeta+End');
  await page.keyboard.press('Delete');
}

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true; // not a network request
  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
};

describe('GraphiQL in a browser', () => {
  it('a query typed into GraphiQL, with a token in the Headers tab, shows the viewer\'s name', async () => {
    const page = browser!.pages()[0] ?? (await browser!.newPage());
    try {
      await page.goto(`http://localhost:${port}/graphql`);
      const operationEditor = '.graphiql-query-editor';
      const headersEditor = '.graphiql-editor-tool .graphiql-editor:not(.hidden)';
      await page.locator(`${operationEditor} .monaco-editor`).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Headers', exact: true }).click();
      await page.locator(`${headersEditor} .monaco-editor`).waitFor();

      const bearer = token(PERSON);
      await typeInto(page, headersEditor, `{"Authorization":"Bearer ${bearer}"}`);
      await typeInto(page, operationEditor, QUERY);
      expect(await settledText(page, operationEditor, QUERY)).toBe(QUERY);
      await page.screenshot({ path: join(screenshots, 'typed.png') });

      const sent = page.waitForRequest((r) => r.method() === 'POST' && (r.postData() ?? '').includes('viewer'));
      await page.locator('.graphiql-execute-button').click();
      const request = await sent;
      expect(request.headers().authorization).toBe(`Bearer ${bearer}`);
      const params = JSON.parse(request.postData() as string) as { query: string; operationName?: string | null };
      expect(params.query).toBe(QUERY);
      // No name, or an empty one ("" is no name, GraphQL over HTTP; the server drops it).
      expect([undefined, null, '']).toContain(params.operationName);

      await page.locator('.graphiql-response .view-lines').filter({ hasText: /"(data|errors)"/ }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(screenshots, 'result.png') });
      const shown = JSON.parse(await editorText(page, '.graphiql-response')) as { data?: unknown; errors?: unknown };
      expect(shown.errors).toBeUndefined();
      const name = DEMO_PEOPLE.find((p) => p[0] === PERSON)![1];
      expect(shown.data).toEqual({ viewer: { name } });
    } catch (e) {
      await page.screenshot({ path: join(screenshots, 'failed.png') }).catch(() => undefined);
      throw e;
    }

    // Everything came from the local server: the page, its scripts, fonts and workers, and the API.
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.map((r) => r.url()).filter((url) => !isLocal(url))).toEqual([]);
  }, 180_000);

  it('「サインイン」: choosing a person of the local city runs the query as them, with no token typed', async () => {
    const page = await browser!.newPage();
    try {
      await page.goto(`http://localhost:${port}/graphql`);
      await page.evaluate('localStorage.clear()'); // no token kept in the Headers tab from another test
      await page.reload();
      const operationEditor = '.graphiql-query-editor';
      await page.locator(`${operationEditor} .monaco-editor`).waitFor({ timeout: 60_000 });
      const picker = page.getByLabel('サインイン / Sign in as');
      await picker.waitFor();
      const chosen = page.waitForResponse((r) => r.url().endsWith('/local/token'));
      await picker.selectOption('soumu-director');
      expect((await chosen).status()).toBe(200);
      await typeInto(page, operationEditor, QUERY);
      expect(await settledText(page, operationEditor, QUERY)).toBe(QUERY);
      // GraphiQL reads the operations of the edited document a moment after the last key.
      await page.waitForTimeout(1000);
      const sent = page.waitForRequest((r) => r.method() === 'POST' && (r.postData() ?? '').includes('viewer'));
      await page.locator('.graphiql-execute-button').click();
      expect((await sent).headers().authorization).toMatch(/^Bearer \S+$/);
      await page.locator('.graphiql-response .view-lines').filter({ hasText: /"(data|errors)"/ }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(screenshots, 'signed-in-as.png') });
      const shown = JSON.parse(await editorText(page, '.graphiql-response')) as { data?: unknown; errors?: unknown };
      expect(shown).toEqual({ data: { viewer: { name: DEMO_PEOPLE.find((p) => p[0] === 'soumu-director')![1] } }, extensions: expect.anything() });
    } catch (e) {
      await page.screenshot({ path: join(screenshots, 'signed-in-as-failed.png') }).catch(() => undefined);
      throw e;
    } finally {
      await page.close();
    }
  }, 120_000);

  it('the sign-in routes: the people of the local city, and a token only for someone registered', async () => {
    const people = (await (await fetch(`http://127.0.0.1:${port}/local/people`)).json()) as { personId: string }[];
    expect(people.map((p) => p.personId)).toContain('soumu-director');
    const unknown = await fetch(`http://127.0.0.1:${port}/local/token`, { method: 'POST', body: JSON.stringify({ personId: 'nobody' }) });
    expect(unknown.status).toBe(404);
  });

  it('the link of a notice’s mail opens GraphiQL with node(id) of what it is about in the operation editor', async () => {
    const systemId = toGlobalId('System', 'demo-juumin');
    const link = noticeLink({ kind: 'APPLICATION_DECIDED' } as Notice, { baseUrl: `http://localhost:${port}/graphql`, subjectGlobalId: systemId });
    const page = await browser!.newPage();
    try {
      await page.goto(link);
      const operationEditor = '.graphiql-query-editor';
      await page.locator(`${operationEditor} .view-lines`).filter({ hasText: 'NoticeSubject' }).waitFor({ timeout: 60_000 });
      const text = await editorText(page, operationEditor);
      expect(text).toContain('query NoticeSubject {');
      expect(text).toContain(`node(id: "${systemId}")`);
      await page.screenshot({ path: join(screenshots, 'mail-link.png') });
    } catch (e) {
      await page.screenshot({ path: join(screenshots, 'mail-link-failed.png') }).catch(() => undefined);
      throw e;
    } finally {
      await page.close();
    }
  }, 120_000);
});
