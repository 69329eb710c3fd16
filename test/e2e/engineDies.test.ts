/**
 * `npm start` when DynamoDB Local dies under it (killed, out of memory): the server says what happened in Japanese
 * first, that the data folder is kept and how to start again, and exits with a non-zero code, instead of answering
 * INTERNAL_SERVER_ERROR to every request from then on. Runs the compiled server (npm test builds first) with its
 * own port and data folder, and kills the java process it spawned.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../functions/local/dynamoLocal';

const root = join(__dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'regulation-engine-dies-'));
/** functions/local/main.ts ENGINE_DIED_EXIT_CODE */
const ENGINE_DIED = 3;

let server: ChildProcess | undefined;
let output = '';
let enginePid: number | undefined;

/** A process still running whose command line names DynamoDB Local and this test's data folder: ours to kill. */
function isOurEngine(pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return cmdline.includes('DynamoDBLocal') && cmdline.includes(dataDir) && state !== 'Z';
  } catch {
    return false;
  }
}

async function waitFor(what: string, done: () => boolean, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${what}: timed out. Server output:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const child = server;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
  if (enginePid !== undefined && isOurEngine(enginePid)) process.kill(enginePid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start, when DynamoDB Local dies', () => {
  it('says what happened, that the data in the data folder is kept and how to start again, and exits non-zero', async () => {
    const port = await freePort();
    const { DYNAMODB_ENDPOINT: _endpoint, TABLE_NAME: _table, LOCAL_JWT_SECRET: _secret, ...rest } = process.env;
    server = spawn(process.execPath, [join(root, 'dist', 'functions', 'local', 'main.js')], {
      cwd: root,
      env: { ...rest, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = server;
    child.stdout?.on('data', (b) => (output += b));
    child.stderr?.on('data', (b) => (output += b));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    await waitFor('the server starts', () => output.includes('GraphiQL and the API') || child.exitCode !== null);
    expect(child.exitCode).toBeNull();

    // The engine the server started (it writes its pid next to the data).
    const pidFile = join(dataDir, 'dynamodb', 'engine.pid');
    expect(existsSync(pidFile)).toBe(true);
    enginePid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(isOurEngine(enginePid)).toBe(true);
    const before = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(before.status).toBe(200);

    process.kill(enginePid, 'SIGKILL');
    let timer: NodeJS.Timeout | undefined;
    const { code, signal } = await Promise.race([
      exited,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the server did not exit. Output:\n${output}`)), 30_000))),
    ]).finally(() => clearTimeout(timer));

    expect({ code, signal }).toEqual({ code: ENGINE_DIED, signal: null });
    const message = output.slice(output.indexOf('エラー: DynamoDB Local'));
    // Japanese first, then English.
    expect(message.split('\n')[0]).toBe('エラー: DynamoDB Local(ローカルのデータベース)が予期せず終了しました(シグナル SIGKILL)。');
    expect(message).toContain(`データは ${join(dataDir, 'dynamodb')} に残っています(消えていません)。もう一度 \`npm start\` で起動してください。`);
    expect(message).toContain('Error: DynamoDB Local (the local database) exited unexpectedly (signal SIGKILL).');
    expect(message.indexOf('Error:')).toBeGreaterThan(message.indexOf('npm start'));
    // Nothing left behind: no server listening, the data folder still there.
    await expect(fetch(`http://127.0.0.1:${port}/graphql`)).rejects.toThrow();
    expect(existsSync(join(dataDir, 'dynamodb'))).toBe(true);
  }, 180_000);
});
