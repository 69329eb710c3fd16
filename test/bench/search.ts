/**
 * The register searched, at 100 and at 10,000 systems: two tables of systems only (the demo city, then the systems
 * with their index entries, functions/store/registerIndex.ts), each read through the Lambda handler as deployed (the
 * bundle, under the Lambda's Node with its options and environment, the caller as the JWT authorizer passes it) in a
 * fresh process of its own — a page of 50 filtered by status and category and ordered by name (two partitions merged), a
 * page found by words of a name, and the plain register as the reference — chunks alternating between the two
 * tables. Prints p50 and p95, the calls of each, the p50 on the large table against the small, and the calls of a
 * page of 10 and of 100. Run by `npm run bench` (run.ts), or alone: node dist/test/bench/search.js (it bundles first).
 */
// The API's code is decorated: its metadata polyfill first, as the handler loads it.
import 'reflect-metadata';
import { execFileSync, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { BatchGetCommand, BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import { SystemRecord } from '../../functions/domain/systems';
import { startDynamoLocal } from '../../functions/local/dynamoLocal';
import { seedDemoCity } from '../../functions/local/seed';
import { StoreConfig } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/createTable';
import { entryItem, foldText } from '../../functions/store/registerIndex';
import { Store, documentClient } from '../../functions/store/store';
import { systemEntries, systemItem, systemPartitions } from '../../functions/store/systems';
import { Item } from '../../functions/store/table';
import { LAMBDA_NODE_ARGS, lambdaEnvironment, lambdaNode } from './lambdaNode';
import { Latency, ms, summarize, table } from './measure';

/** The API's bundle as deployed (functions/api/bundle.js), which the children load. */
const BUNDLE = join(__dirname, '..', '..', 'bundle', 'api', 'index.js');

export const SEARCH_SIZES = [100, 10_000] as const;
const DEPARTMENTS = ['soumu', 'zaisei', 'shimin', 'kenkou', 'fukushi', 'kyouiku', 'digital'];
const STEMS = ['住民記録', '税務', '介護保険', '国民健康保険', '図書館', '水道料金', '学校給食', '財務会計', '文書管理', '選挙', '戸籍', '児童手当', '道路台帳', '施設予約', '電子申請', '人事給与', '固定資産', '農地', 'ごみ収集', '防災'];
// Every search below finds at least 50 of the 100 systems, so the page of 50 is full at both sizes and the two are the
// same work: 55 of 100 are INSTALLED and BUSINESS (n % 6 < 4, n % 5 < 4), and every name holds システム.
const STATUSES = ['INSTALLED', 'INSTALLED', 'INSTALLED', 'INSTALLED', 'DECIDED', 'ABOLISHED'] as const;

export const SEARCH_QUERIES = {
  'systems(first: N, filter: { status: [INSTALLED], category: BUSINESS }, orderBy: NAME)': (first: number) =>
    `query Filtered { systems(first: ${first}, filter: { status: [INSTALLED], category: BUSINESS }, orderBy: { field: NAME }) { nodes { id name owningDepartment { id name } } } }`,
  'systems(first: N, filter: { text: "システム" })': (first: number) => `query Searched { systems(first: ${first}, filter: { text: "システム" }) { nodes { id name owningDepartment { id name } } } }`,
  'systems(first: N) (reference: byKind, no entries)': (first: number) => `query Plain { systems(first: ${first}) { nodes { id name owningDepartment { id name } } } }`,
};
type QueryName = keyof typeof SEARCH_QUERIES;

function system(n: number, at: string): SystemRecord {
  const business = n % 5 < 4;
  return {
    id: `bench-search-${String(n).padStart(6, '0')}`,
    name: `${STEMS[n % STEMS.length]}${business ? '業務' : '情報'}システム${n}`,
    category: business ? 'BUSINESS' : 'INFORMATION',
    network: n % 10 < 3 ? 'EXTERNAL' : 'INTERNAL',
    purposes: ['EFFICIENCY'],
    status: STATUSES[n % STATUSES.length],
    owningDepartmentId: DEPARTMENTS[n % DEPARTMENTS.length],
    processingDepartmentIds: [],
    documents: [],
    educationOrResearchOnly: false,
    connectedSystemIds: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** A table of `size` systems with their entries, written by BatchWriteItem in parallel lanes (data loading, not a request path). */
async function loadTable(config: StoreConfig, size: number): Promise<number> {
  await ensureTable(config, { stream: false });
  await seedDemoCity(new Store(config));
  const doc = documentClient(config);
  const at = new Date().toISOString();
  function* items(): Generator<Item> {
    for (let n = 0; n < size; n++) {
      const s = system(n, at);
      yield systemItem(s);
      for (const e of systemEntries(s)) yield entryItem('System', s.id, e);
    }
  }
  const source = items();
  let written = 0;
  const lane = async () => {
    for (;;) {
      const batch: Item[] = [];
      for (let r = source.next(); !r.done; r = batch.length < 25 ? source.next() : { done: true, value: undefined }) batch.push(r.value);
      if (batch.length === 0) return;
      let pending = batch.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [config.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[config.tableName] ?? []) as typeof pending;
      }
      written += batch.length;
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  return written;
}

interface ChildResult {
  samples: Record<QueryName, number[]>;
  /** The floor: the same DynamoDB calls with the same keys straight from the SDK, no GraphQL. */
  floor: Record<QueryName, number[]>;
  calls: Record<QueryName, { ten: number; hundred: number; fifty: string }>;
}

// ---- the child: one table, through the handler ----------------------------------------------------------------------

async function child(rounds: number, warmup: number): Promise<ChildResult> {
  const { v2Event } = await import('../support/api');
  // The handler as deployed: the bundle, under the Lambda's Node (runChild), the caller as the JWT authorizer passes it.
  const { handler } = require(BUNDLE) as { handler: (e: APIGatewayProxyEventV2, c: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2> };
  const claims = { username: 'soumu-director', token_use: 'access' };
  const context = { awsRequestId: randomUUID(), functionName: 'regulation-api', getRemainingTimeInMillis: () => 10_000 } as unknown as LambdaContext;
  const ask = async (query: string) => {
    const event = v2Event({ body: JSON.stringify({ query }), claims });
    const start = process.hrtime.bigint();
    const res = await handler(event, context);
    const took = Number(process.hrtime.bigint() - start) / 1e6;
    const body = JSON.parse(String(res.body));
    if (res.statusCode !== 200 || body.errors) throw new Error(`bench: ${query.slice(0, 60)}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    return { ms: took, found: (body.data.systems.nodes as unknown[]).length, cost: body.extensions.cost as { dynamodbCalls: number; calls: Record<string, number> } };
  };
  const names = Object.keys(SEARCH_QUERIES) as QueryName[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as ChildResult['samples'];
  const calls = {} as ChildResult['calls'];
  for (const name of names) {
    const query = SEARCH_QUERIES[name];
    for (let i = 0; i < warmup; i++) await ask(query(50));
    const [ten, hundred, fifty] = [await ask(query(10)), await ask(query(100)), await ask(query(50))];
    // A page that is not full would be less work on the small table than on the large one: not the same measurement.
    if (fifty.found !== 50) throw new Error(`bench: ${name}: a page of 50 found ${fifty.found}; the data must give every search 50`);
    calls[name] = { ten: ten.cost.dynamodbCalls, hundred: hundred.cost.dynamodbCalls, fifty: JSON.stringify(fifty.cost.calls) };
  }
  const floor = Object.fromEntries(names.map((n) => [n, [] as number[]])) as ChildResult['floor'];
  const floors = floorsOf();
  for (let i = 0; i < rounds; i++) {
    for (const name of names) {
      samples[name].push((await ask(SEARCH_QUERIES[name](50))).ms);
      const start = process.hrtime.bigint();
      await floors[name]();
      floor[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return { samples, floor, calls };
}

/** Each page's calls made directly: the viewer, the Query (or Queries, merged), the systems, their departments. */
function floorsOf(): Record<QueryName, () => Promise<void>> {
  const config = { tableName: process.env.TABLE_NAME as string, endpoint: process.env.DYNAMODB_ENDPOINT, region: 'ap-northeast-1' };
  const doc = documentClient(config);
  const T = config.tableName;
  const batchGet = async (keys: { pk: string; sk: string }[]) =>
    ((await doc.send(new BatchGetCommand({ RequestItems: { [T]: { Keys: keys, ConsistentRead: true } } }))).Responses?.[T] ?? []) as Item[];
  const query = async (input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) => ((await doc.send(new QueryCommand({ TableName: T, ...input }))).Items ?? []) as Item[];
  const page = async (systems: Item[]) => {
    await batchGet([...new Set(systems.map((s) => String(s.owningDepartmentId)))].map((d) => ({ pk: `DEPT#${d}`, sk: 'DEPARTMENT' })));
  };
  const entries = async (partitions: string[], prefix?: string) => {
    const read = await Promise.all(
      partitions.map((p) =>
        query({
          KeyConditionExpression: prefix ? 'pk = :p AND begins_with(sk, :s)' : 'pk = :p',
          ExpressionAttributeValues: prefix ? { ':p': p, ':s': prefix } : { ':p': p },
          Limit: 51,
          ConsistentRead: true,
        }),
      ),
    );
    const ids = read.flat().sort((a, b) => Buffer.compare(Buffer.from(a.sk), Buffer.from(b.sk))).slice(0, 50).map((e) => String(e.objectId));
    await page(await batchGet(ids.map((id) => ({ pk: `SYSTEM#${id}`, sk: 'SYSTEM' }))));
  };
  const viewer = () => batchGet([{ pk: 'PERSON#soumu-director', sk: 'PERSON' }]);
  const names = Object.keys(SEARCH_QUERIES) as QueryName[];
  return {
    [names[0]]: async () => {
      await viewer();
      await entries(systemPartitions({ statuses: ['INSTALLED'], category: 'BUSINESS', order: 'NAME' }) ?? []);
    },
    [names[1]]: async () => {
      await viewer();
      await entries(systemPartitions({ text: 'システム' }) ?? [], foldText('システム'));
    },
    [names[2]]: async () => {
      await viewer();
      await page(await query({ IndexName: 'byKind', KeyConditionExpression: 'kindPk = :p', ExpressionAttributeValues: { ':p': 'System' }, Limit: 50 }));
    },
  } as Record<QueryName, () => Promise<void>>;
}

function runChild(config: StoreConfig, rounds: number, warmup: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    if (!existsSync(BUNDLE)) return reject(new Error(`bench: ${BUNDLE} not found: node functions/api/bundle.js --code-cache first`));
    // As operations.ts runs: the Lambda's Node with its options and environment; the function's log lines go nowhere.
    const p = fork(__filename, ['--child', String(rounds), String(warmup)], {
      execPath: lambdaNode().path,
      execArgv: [...LAMBDA_NODE_ARGS],
      env: lambdaEnvironment({ tableName: config.tableName, endpoint: config.endpoint as string }),
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    p.on('message', (m: ChildResult | { error: string }) => ('error' in m ? reject(new Error(m.error)) : resolve(m)));
    p.on('exit', (code) => code && reject(new Error(`bench: the search child exited (${code})`)));
  });
}

export interface SearchFigure {
  name: QueryName;
  small: Latency;
  large: Latency;
  ratio: number;
  floorSmall: Latency;
  floorLarge: Latency;
  calls: ChildResult['calls'][QueryName];
  largeCalls: ChildResult['calls'][QueryName];
}

/** Both tables loaded, then `chunks` rounds of each query on each, the tables alternating. */
export async function measureSearch(endpoint: string, options: { rounds: number; warmup: number; chunks: number }, onStep: (s: string) => void = () => undefined): Promise<{ figures: SearchFigure[]; items: number[]; loadSeconds: number }> {
  const configs = SEARCH_SIZES.map((size) => ({ tableName: `bench-search-${size}-${Date.now()}`, endpoint, region: 'ap-northeast-1' }));
  const loadStart = Date.now();
  const items: number[] = [];
  for (const [i, config] of configs.entries()) {
    onStep(`search: loading ${SEARCH_SIZES[i].toLocaleString('en')} systems with their index entries`);
    items.push(await loadTable(config, SEARCH_SIZES[i]));
  }
  const loadSeconds = (Date.now() - loadStart) / 1000;
  const results: ChildResult[][] = configs.map(() => []);
  for (let c = 0; c < options.chunks; c++) {
    onStep(`search: chunk ${c + 1} of ${options.chunks}`);
    const order = c % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) results[i].push(await runChild(configs[i], Math.ceil(options.rounds / options.chunks), options.warmup));
  }
  const figures = (Object.keys(SEARCH_QUERIES) as QueryName[]).map((name) => {
    const small = summarize(results[0].flatMap((r) => r.samples[name]));
    const large = summarize(results[1].flatMap((r) => r.samples[name]));
    const floorSmall = summarize(results[0].flatMap((r) => r.floor[name]));
    const floorLarge = summarize(results[1].flatMap((r) => r.floor[name]));
    return { name, small, large, ratio: large.p50 / small.p50, floorSmall, floorLarge, calls: results[0][0].calls[name], largeCalls: results[1][0].calls[name] };
  });
  return { figures, items, loadSeconds };
}

/** The section run.ts prints, and whether both targets hold for the searches. */
export function searchSection(r: { figures: SearchFigure[]; items: number[]; loadSeconds: number }, target: number): { lines: string[]; scaleMet: boolean; callsMet: boolean; measured: string } {
  const x = (n: number) => `${n.toFixed(2)}×`;
  const searches = r.figures.filter((f) => !f.name.includes('reference'));
  const lines = [
    table(
      ['page of 50', 'calls', '100: p50', 'p95', '10,000: p50', 'p95', '10,000 / 100', 'floor 100', 'floor 10,000', 'floor 10,000 / 100', 'calls first: 10 / 100'],
      r.figures.map((f) => [
        f.name.replace('first: N', 'first: 50'),
        f.largeCalls.fifty,
        ms(f.small.p50),
        ms(f.small.p95),
        ms(f.large.p50),
        ms(f.large.p95),
        x(f.ratio),
        ms(f.floorSmall.p50),
        ms(f.floorLarge.p50),
        x(f.floorLarge.p50 / f.floorSmall.p50),
        `${f.largeCalls.ten} / ${f.largeCalls.hundred}`,
      ]),
    ),
    `Tables of 100 and 10,000 systems (${r.items.map((n) => n.toLocaleString('en')).join(' and ')} items with their index entries, loaded in ${r.loadSeconds.toFixed(0)} s) beside the demo city;`,
    'each query through the Lambda handler in a fresh process per table and chunk, the tables alternating, each beside its floor (the',
    'same DynamoDB calls with the same keys straight from the SDK, no GraphQL). Milliseconds.',
  ];
  const scaleMet = searches.every((f) => f.ratio <= target);
  const callsMet = searches.every((f) => f.largeCalls.ten === f.largeCalls.hundred);
  return { lines, scaleMet, callsMet, measured: searches.map((f) => `${x(f.ratio)}`).join(', ') };
}

if (process.argv[2] === '--child') {
  child(Number(process.argv[3]), Number(process.argv[4])).then(
    (r) => process.send?.(r, () => process.exit(0)),
    (e: Error) => process.send?.({ error: e.message }, () => process.exit(1)),
  );
} else if (require.main === module) {
  (async () => {
    execFileSync(process.execPath, [join(__dirname, '..', '..', '..', 'functions', 'api', 'bundle.js'), '--code-cache'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const dynamo = await startDynamoLocal();
    try {
      const r = await measureSearch(dynamo.endpoint, { rounds: 100, warmup: 10, chunks: 4 }, (s) => process.stderr.write(`bench: ${s}\n`));
      console.log(searchSection(r, 1.2).lines.join('\n'));
    } finally {
      await dynamo.stop();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
