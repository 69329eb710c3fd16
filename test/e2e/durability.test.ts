/**
 * Durability of `npm start` (the compiled local server, with DynamoDB Local keeping its data in DATA_DIR): a stream
 * of registrations over HTTP, the server killed with SIGKILL in the middle of it (and the DynamoDB Local java
 * process it spawned, which a SIGKILL leaves behind as an orphan), then started again on the same folder. Every
 * registration the server acknowledged (a system id and no userErrors) is there, with its audit event; whatever
 * else was in flight is either wholly there (system and event) or not at all; and no java process is left behind.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signLocalToken } from '../../functions/api/auth';
import { freePort } from '../../functions/local/dynamoLocal';
import { toGlobalId } from '../../graphql/globalId';

const root = join(__dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'regulation-durability-'));
const PREFIX = '耐久試験';
/** Acknowledged writes before the kill. */
const TARGET = 40;
const STREAMS = 3;

let server: ChildProcess | undefined;
let base = '';
/** Every process this file started or that its servers spawned: the only ones it may kill. */
const ours = new Set<number>();

// ─── Processes, from /proc ──────────────────────────────────────────────────────────────────────────────────────

interface Proc {
  pid: number;
  ppid: number;
  state: string;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(ppid), state };
  } catch {
    return undefined;
  }
}

function allProcs(): Proc[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProc(Number(d)))
    .filter((p): p is Proc => p !== undefined);
}

/** Running (a zombie has exited; only its parent's bookkeeping remains). */
function alive(pid: number): boolean {
  const p = readProc(pid);
  return p !== undefined && p.state !== 'Z';
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The children, grandchildren, … of `pid`, read before it dies (after, they belong to init). */
function descendants(pid: number): number[] {
  const procs = allProcs();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift() as number;
    for (const p of procs) {
      if (p.ppid === parent && !found.includes(p.pid)) {
        found.push(p.pid);
        queue.push(p.pid);
      }
    }
  }
  return found;
}

/** Running processes whose command line names this test's data folder (DynamoDB Local's -dbPath). */
function processesOnDataDir(): number[] {
  return allProcs()
    .filter((p) => p.state !== 'Z' && p.pid !== process.pid && cmdline(p.pid).includes(dataDir))
    .map((p) => p.pid);
}

async function until(what: string, condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ─── The server ─────────────────────────────────────────────────────────────────────────────────────────────────

async function start(): Promise<void> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const { DYNAMODB_ENDPOINT: _endpoint, TABLE_NAME: _table, LOCAL_JWT_SECRET: _secret, ...rest } = process.env;
  const child = spawn(process.execPath, [join(root, 'dist', 'functions', 'local', 'main.js')], {
    cwd: root,
    env: { ...rest, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  if (child.pid) ours.add(child.pid);
  let output = '';
  child.stdout?.on('data', (b) => (output += b));
  child.stderr?.on('data', (b) => (output += b));
  const deadline = Date.now() + 120_000;
  while (!output.includes('GraphiQL and the API')) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const pid of descendants(child.pid as number)) ours.add(pid);
}

/** The newest change to the files in `dir`, and their total size: what an engine writing there changes. */
function footprint(dir: string): string {
  return readdirSync(dir)
    .map((f) => {
      try {
        const st = statSync(join(dir, f));
        return `${f}:${st.size}:${st.mtimeMs}`;
      } catch {
        return `${f}:gone`;
      }
    })
    .sort()
    .join('|');
}

/**
 * A crash: SIGKILL to the server in the middle of its work. What it spawned (DynamoDB Local's java) is found first,
 * since once the server is gone it belongs to init, and it survives as an orphan; it is killed with SIGKILL in
 * turn once it has stopped writing (its data files unchanged for a moment), as whoever cleans up after the crash
 * would. Killed at the very instant of an acknowledgement, DynamoDB Local can lose the last transaction it
 * acknowledged (see the report of this suite); that window is the emulator's, not this API's.
 */
async function crash(): Promise<{ spawned: number[]; orphaned: number[] }> {
  const child = server as ChildProcess;
  const spawned = descendants(child.pid as number);
  for (const pid of spawned) ours.add(pid);
  const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  child.kill('SIGKILL');
  await exited;
  const orphaned = spawned.filter(alive);
  const dir = join(dataDir, 'dynamodb');
  let last = footprint(dir);
  let stableSince = Date.now();
  await until('the orphaned DynamoDB Local to stop writing', () => {
    const now = footprint(dir);
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
    return Date.now() - stableSince >= 500;
  });
  for (const pid of orphaned) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  await until('the orphaned processes to die', () => spawned.every((pid) => !alive(pid)));
  return { spawned, orphaned };
}

/** SIGTERM, as Ctrl-C: the server stops DynamoDB Local itself. */
async function stopGracefully(): Promise<number[]> {
  const child = server as ChildProcess;
  const spawned = descendants(child.pid as number);
  for (const pid of spawned) ours.add(pid);
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
  await until('DynamoDB Local to stop with the server', () => spawned.every((pid) => !alive(pid)));
  return spawned;
}

async function gql(token: string, query: string, variables?: object): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: await res.json() };
}

async function data(token: string, query: string, variables?: object) {
  const res = await gql(token, query, variables);
  if (res.status !== 200 || res.body.errors) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

const REGISTER = `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id name } userErrors { code message } } }`;
const registration = (name: string) => ({
  name,
  category: 'BUSINESS',
  network: 'INTERNAL',
  purposes: ['EFFICIENCY'],
  owningDepartmentId: toGlobalId('Department', 'shimin'),
});

afterAll(async () => {
  // Whatever of ours is still running (a failed test), and only that.
  for (const pid of ours) {
    if (alive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start survives a SIGKILL in the middle of a stream of writes', () => {
  it(`every registration acknowledged before the kill (${TARGET}+, ${STREAMS} concurrent streams) is there after a restart, with its audit event; nothing is half-written; no java process is left behind`, async () => {
    await start();
    const firstSpawn = descendants(server?.pid as number);
    expect(firstSpawn.some((pid) => cmdline(pid).includes('DynamoDBLocal'))).toBe(true);

    // The local secret is made in DATA_DIR on first start (npm run token reads the same file).
    const secretFile = join(dataDir, 'local-jwt-secret');
    expect(existsSync(secretFile)).toBe(true);
    const token = await signLocalToken('shimin-manager', readFileSync(secretFile, 'utf8').trim());

    const acknowledged: { id: string; name: string }[] = [];
    const attempted = new Set<string>();
    let killing: Promise<{ spawned: number[]; orphaned: number[] }> | undefined;
    const stream = async (s: number) => {
      for (let i = 0; i < 500 && !killing; i++) {
        const name = `${PREFIX}-${s}-${i}`;
        attempted.add(name);
        let res: { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
        try {
          res = await gql(token, REGISTER, { input: registration(name) });
        } catch {
          return; // the server is gone: no answer, no acknowledgement
        }
        const payload = res.body?.data?.registerSystem;
        if (res.status !== 200 || !payload?.system?.id || payload.userErrors.length) {
          throw new Error(`an unexpected answer before the kill: ${res.status} ${JSON.stringify(res.body)}`);
        }
        acknowledged.push({ id: payload.system.id, name });
        if (acknowledged.length >= TARGET && !killing) killing = crash();
      }
    };
    await Promise.all(Array.from({ length: STREAMS }, (_, s) => stream(s)));
    expect(killing).toBeDefined();
    const { spawned } = await (killing as Promise<{ spawned: number[] }>);
    expect(spawned.length).toBeGreaterThan(0);
    expect(spawned.every((pid) => !alive(pid))).toBe(true);
    expect(processesOnDataDir()).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(TARGET);

    // Again on the same folder.
    await start();
    const checkToken = await signLocalToken('soumu-director', readFileSync(secretFile, 'utf8').trim());

    // Every acknowledged registration, with its audit event.
    // Ten at a time: each system's trail is a Query of its own, and the call budget bounds a request (README, Security).
    for (let i = 0; i < acknowledged.length; i += 10) {
      const chunk = acknowledged.slice(i, i + 10);
      const found = await data(
        checkToken,
        `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on System { name status auditTrail(first: 10) { nodes { action article actor { personId } } } } } }`,
        { ids: chunk.map((a) => a.id) },
      );
      expect(found.nodes).toEqual(
        chunk.map((a) => ({
          id: a.id,
          name: a.name,
          status: 'REGISTERED',
          auditTrail: { nodes: [{ action: 'system.registered', article: '第7条', actor: { personId: 'shimin-manager' } }] },
        })),
      );
    }

    // Whatever else was in flight is wholly there (with its event) or not at all, and nothing is there twice.
    const inRegister: { id: string; name: string; auditTrail: { nodes: { action: string }[] } }[] = [];
    let after: string | null = null;
    do {
      const page: any = await data( // eslint-disable-line @typescript-eslint/no-explicit-any
        checkToken,
        `query($d: ID, $after: String) { systems(first: 10, departmentId: $d, after: $after) { nodes { id name auditTrail(first: 5) { nodes { action } } } pageInfo { endCursor hasNextPage } } }`,
        { d: toGlobalId('Department', 'shimin'), after },
      );
      inRegister.push(...page.systems.nodes.filter((n: { name: string }) => n.name.startsWith(PREFIX)));
      after = page.systems.pageInfo.hasNextPage ? page.systems.pageInfo.endCursor : null;
    } while (after);
    const names = inRegister.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of inRegister) {
      expect(attempted.has(s.name)).toBe(true);
      expect(s.auditTrail.nodes.map((n) => n.action)).toEqual(['system.registered']);
    }
    expect(names).toEqual(expect.arrayContaining(acknowledged.map((a) => a.name)));

    // The restarted server takes writes again.
    const again = await data(token, REGISTER, { input: registration(`${PREFIX}-after-restart`) });
    expect(again.registerSystem.userErrors).toEqual([]);

    // Stopped as a person stops it, it leaves no java process behind either.
    const stopped = await stopGracefully();
    expect(stopped.length).toBeGreaterThan(0);
    expect(processesOnDataDir()).toEqual([]);
    expect([...ours].filter((pid) => alive(pid))).toEqual([]);
  }, 300_000);
});
