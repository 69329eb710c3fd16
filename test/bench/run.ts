/**
 * npm run bench [-- --quick] [-- --json FILE]
 *
 * Builds the production bundle, starts DynamoDB Local in memory, generates a small and a large city, and measures:
 * the fixed operations through the handler as deployed (the bundle, under the Lambda's Node major: lambdaNode.ts)
 * beside their floor (the same DynamoDB calls made directly), their cost in calls and capacity, how reads scale from
 * the small to the large table, the memory of the handler over a mix of requests, the cold start of the bundle in
 * fresh processes, and the bundle's size. Prints the figures, each target met or not met, and the performance
 * issue's goals in one table.
 * `--quick`: small data and few iterations only (a smoke run). Not a test: nothing here asserts a timing.
 */
// The API's code (the exports, the schema) is decorated: its metadata polyfill first, as the handler loads it.
import 'reflect-metadata';
import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { terminalProgress } from '../../functions/admin/progress';
import { startDynamoLocal } from '../../functions/local/dynamoLocal';
import type { CostReport } from '../../functions/store/client';
import { coldStart, ColdStartResult } from './coldStart';
import { ExportFigure, exportSection, measureExports } from './export';
import { measureSearch, searchSection } from './search';
import { CITY, DataSet, LARGE, SMALL, fixturesPerSide, loadDataSet } from './data';
import { LAMBDA_NODE_ARGS, lambdaEnvironment, lambdaNode, lambdaRuntime } from './lambdaNode';
import { Latency, MemoryFigure, handlerMemory, kb, mb, ms, percentile, round, summarize, table } from './measure';
import type { Chunk, CollectionFigure, OperationInfo, PageCalls, PageSizeResult, WorkerReply, WorkerRequest } from './operations';

const ROOT = resolve(__dirname, '..', '..', '..');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'api', 'index.js');

const TARGETS = {
  ratio: 1.2,
  scale: 1.2,
  coldStartMs: 150,
  bundleBytes: 1.5 * 1024 * 1024,
  /** Peak resident set of the handler's process over the mix of requests. */
  rssBytes: 200 * 1024 * 1024,
};

interface Options {
  quick: boolean;
  json?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { quick: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') options.quick = true;
    else if (argv[i] === '--json' && argv[i + 1]) options.json = resolve(argv[++i]);
    else throw new Error(`bench: unknown argument ${argv[i]} (use --quick, --json FILE)`);
  }
  return options;
}

/** A step of the run, always said; the progress within a step only on a terminal (functions/admin/progress.ts). */
const line = terminalProgress();
const note = (s: string) => {
  line?.done();
  process.stderr.write(`bench: ${s}\n`);
};

interface BundleResult {
  /** The JavaScript Lambda loads at start: index.js, and the bundle it loads when it is a loader (api.js beside it). */
  bytes: number;
  gzipBytes: number;
  /** Those files, with their sizes. */
  files: [string, number][];
  /** The source map of the bundle's code (esbuild's, in dist/bundle/api.meta/). */
  sourceMap: string;
  largest: [string, number][];
}

function buildBundle(): BundleResult {
  execFileSync(process.execPath, [join(ROOT, 'functions', 'api', 'bundle.js'), '--code-cache'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const metaDir = join(ROOT, 'dist', 'bundle', 'api.meta');
  const meta = JSON.parse(readFileSync(join(metaDir, 'meta.json'), 'utf8')) as {
    outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const [outputPath, output] = Object.entries(meta.outputs).find(([, o]) => o.entryPoint) ?? [];
  if (!outputPath || !output) throw new Error('bench: dist/bundle/api.meta/meta.json names no entry point');
  // The entry's code is index.js itself, or (with a loader as index.js) a file beside it that index.js loads at start.
  const code = resolve(ROOT, outputPath);
  const files = [...new Set([BUNDLE, code])].map((f): [string, number] => [f.slice(ROOT.length + 1), statSync(f).size]);
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? '(this project)';
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return {
    bytes: files.reduce((a, [, n]) => a + n, 0),
    gzipBytes: gzipSync(Buffer.concat([...new Set([BUNDLE, code])].map((f) => readFileSync(f))), { level: 9 }).length,
    files,
    sourceMap: join(metaDir, `${basename(code)}.map`),
    largest: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8),
  };
}

/**
 * A process measuring one table (operations.ts), driven one request at a time: the bundle's handler under the
 * Lambda's Node, with the environment Lambda gives the function. Its stdout, where the function writes its log line
 * and metrics of each request as on Lambda, goes nowhere; its stderr stays visible.
 */
class Worker {
  private readonly child: ChildProcess;
  private pending?: { resolve: (r: WorkerReply) => void; reject: (e: Error) => void };

  constructor(
    readonly data: DataSet,
    endpoint: string,
  ) {
    this.child = fork(join(__dirname, 'operations.js'), [BUNDLE], {
      execPath: lambdaNode().path,
      execArgv: [...LAMBDA_NODE_ARGS],
      env: lambdaEnvironment({ tableName: data.tableName, endpoint }),
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: WorkerReply) => {
      const p = this.pending;
      this.pending = undefined;
      if (m.type === 'error') p?.reject(new Error(`bench: the ${data.spec.label} table's process failed: ${m.message}`));
      else p?.resolve(m);
    });
    this.child.on('exit', (code) => this.pending?.reject(new Error(`bench: the ${data.spec.label} table's process exited (${code})`)));
  }

  request<T extends WorkerReply['type']>(r: WorkerRequest): Promise<Extract<WorkerReply, { type: T }>> {
    return new Promise((resolvePromise, reject) => {
      this.pending = { resolve: resolvePromise as (r: WorkerReply) => void, reject };
      this.child.send(r);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

interface OperationResult extends OperationInfo {
  /** What the handler's response reported in `extensions.cost`. */
  cost: CostReport;
  /** What the floor's own calls consumed, metered the same way. */
  floorCost: CostReport;
  handler: Latency;
  floor: Latency;
  ratio: number;
  /** Each recorded chunk's p50, handler and floor, in the order run. */
  chunks: { handler: number; floor: number }[];
}

interface Run {
  data: DataSet;
  operations: OperationResult[];
  pageSizes: PageSizeResult[];
}

/**
 * Every operation on every table: a warm-up, then the rounds in chunks alternating between the tables (small,
 * large, large, small, …), so that a change in the machine's load during the run falls on both tables alike.
 */
async function measureOperations(workers: Worker[], iterations: { reads: number; writes: number; warmup: number }, chunks: number): Promise<Run[]> {
  let infos: OperationInfo[] = [];
  for (const w of workers) {
    infos = (await w.request<'ready'>({ type: 'init', fixtures: w.data.fixtures, fixturesPerSide: fixturesPerSide(iterations) })).operations;
  }
  const collected = workers.map(() =>
    infos.map(() => ({ handler: [] as number[], floor: [] as number[], chunks: [] as OperationResult['chunks'], cost: undefined as CostReport | undefined, floorCost: undefined as CostReport | undefined })),
  );
  for (const [op, info] of infos.entries()) {
    const rounds = info.kind === 'write' ? iterations.writes : iterations.reads;
    note(`${info.name}: ${iterations.warmup} warm-up and ${rounds} rounds on each table`);
    for (const w of workers) await w.request<'chunk'>({ type: 'run', op, rounds: iterations.warmup, record: false });
    for (let c = 0; c < chunks; c++) {
      const size = Math.floor(rounds / chunks) + (c < rounds % chunks ? 1 : 0);
      const order = c % 2 === 0 ? workers.map((w, i) => [w, i] as const) : workers.map((w, i) => [w, i] as const).reverse();
      line?.show(`bench: ${info.name}: ${Math.round((100 * c) / chunks)}% (${op + 1}/${infos.length} operations)`);
      for (const [w, i] of order) {
        const chunk: Chunk = await w.request<'chunk'>({ type: 'run', op, rounds: size, record: true });
        const into = collected[i][op];
        into.handler.push(...chunk.handler);
        into.floor.push(...chunk.floor);
        into.chunks.push({ handler: percentile(chunk.handler, 50), floor: percentile(chunk.floor, 50) });
        into.cost = chunk.cost;
        into.floorCost = chunk.floorCost;
      }
    }
  }
  const runs: Run[] = [];
  for (const [i, w] of workers.entries()) {
    const pageSizes = (await w.request<'pageSizes'>({ type: 'pageSizes' })).pageSizes;
    const operations = infos.map((info, op) => {
      const c = collected[i][op];
      const handler = summarize(c.handler);
      const floor = summarize(c.floor);
      return { ...info, cost: c.cost as CostReport, floorCost: c.floorCost as CostReport, handler, floor, ratio: handler.p50 / floor.p50, chunks: c.chunks };
    });
    runs.push({ data: w.data, operations, pageSizes });
  }
  return runs;
}

interface Target {
  target: string;
  /** undefined: not measured in this run. */
  met: boolean | undefined;
  measured: string;
  cause?: string;
}

const x = (n: number) => `${n.toFixed(2)}×`;

/** A page's calls, and what on it can make them grow. */
const pageCell = (p: PageSizeResult, c: PageCalls) => `${c.calls} (${c.related} ${p.kind === 'nested' ? 'systems' : 'related'}${c.refused ? ', refused as deployed*' : ''})`;

/** How many times each operation ran: `50`, or `50–51`. */
const countsOf = (ns: number[]) => (Math.min(...ns) === Math.max(...ns) ? `×${ns[0]}` : `×${Math.min(...ns)}–${Math.max(...ns)}`);

/** The root field of an operation's name, its arguments kept: `systems(filter: { text: "住民" })` of the whole selection. */
function rootOf(name: string): string {
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '(') depth++;
    else if (name[i] === ')') depth--;
    else if (depth === 0 && name.startsWith(' {', i)) return name.slice(0, i);
  }
  return name;
}

/** What the asterisk of a refused page says. */
const refusals = (pages: PageSizeResult[]) =>
  pages.flatMap((p) =>
    [p.small, p.large]
      .filter((c) => c.refused)
      .map(
        (c) =>
          `* ${p.name.replace(/ \(.*$/, '')}, first: ${c.first}: refused before it runs as deployed (QUERY_TOO_COSTLY: estimate ${c.refused?.estimatedCalls}` +
          ` calls > budget ${c.refused?.budget}); its calls counted with the budget lifted for that one request.`,
      ),
  );

/** A page of 100 costs what a page of 10 does, but for the BatchGetItem calls its keys need at 100 keys a call. */
const flat = (p: PageSizeResult) => p.large.calls - p.large.extraBatches === p.small.calls - p.small.extraBatches;
const callsCell = (p: PageSizeResult) =>
  `${p.small.calls} and ${p.large.calls}` + (p.large.extraBatches > p.small.extraBatches ? ` (of which ${p.large.extraBatches - p.small.extraBatches} more BatchGetItem: 100 keys a call)` : '');

/** Why a page's calls grow with its size. */
function growthCause(p: PageSizeResult): string {
  if (p.kind === 'related') return `first: 100 names ${p.large.related} related objects and BatchGetItem takes 100 keys a call: calls grow by one per 100`;
  const more = p.large.related - p.small.related;
  const perParent = more > 0 ? (p.large.calls - p.small.calls) / more : NaN;
  return (
    `the connection under each system is read system by system: ${p.large.calls - p.small.calls} calls more for ${more} systems more` +
    ` (${perParent.toFixed(2)} a system), not one batch per page` +
    (p.large.refused ? `; as deployed, first: 100 is refused (estimate ${p.large.refused.estimatedCalls} > ${p.large.refused.budget})` : '')
  );
}
const writeCalls = (o: OperationResult) =>
  Object.entries(o.cost.calls)
    .filter(([op]) => !['GetItem', 'BatchGetItem', 'Query'].includes(op))
    .reduce((a, [, n]) => a + n, 0);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const loadBefore = loadavg()[0];
  const iterations = options.quick ? { reads: 30, writes: 20, warmup: 5 } : { reads: 200, writes: 100, warmup: 20 };
  const chunks = options.quick ? 2 : 10;
  const coldSamples = options.quick ? 3 : 10;
  // The mix replayed for memory: the operations in turn, so writes need fixtures of their own (one per op round).
  // 2,000 in quick runs too (about a minute): the resident set still grows after a few hundred requests.
  const memoryRequests = 2_000;
  const mixFixtures = Math.ceil(memoryRequests / 4);
  const started = Date.now();

  // First: without the Lambda's Node there is nothing to measure (lambdaNode throws, saying how to get it).
  const node = lambdaNode();
  note(`the handler runs under Node ${node.version} (${lambdaRuntime().name}, infra/lambdaFunction.ts): ${node.path}`);

  note('bundling as deployed (node functions/api/bundle.js --code-cache)');
  const bundle = buildBundle();

  note('starting DynamoDB Local (in memory)');
  const dynamo = await startDynamoLocal();
  let runs: Run[];
  let cold: ColdStartResult;
  let collections: CollectionFigure[];
  let exported: { figures: ExportFigure[]; seedSeconds: number };
  let searched: Awaited<ReturnType<typeof measureSearch>>;
  let memory: MemoryFigure;
  const collectionRounds = options.quick ? 5 : 20;
  const workers: Worker[] = [];
  try {
    const datasets: DataSet[] = [];
    for (const spec of options.quick ? [SMALL] : [SMALL, LARGE]) {
      note(`loading ${spec.label} data`);
      const d = await loadDataSet(dynamo.endpoint, spec, { fixtures: 2 * fixturesPerSide(iterations) + mixFixtures, onProgress: line && ((s) => line.show(`bench: ${s}`)) });
      note(`${spec.label}: ${Object.values(d.items).reduce((a, b) => a + b, 0).toLocaleString('en')} items in ${d.loadSeconds.toFixed(0)} s`);
      datasets.push(d);
    }
    workers.push(...datasets.map((d) => new Worker(d, dynamo.endpoint)));
    runs = await measureOperations(workers, iterations, chunks);
    const last = workers[workers.length - 1];
    note(`memory: ${memoryRequests.toLocaleString('en')} requests, the operations in turn, in a fresh process of the bundle alone (${last.data.spec.label} table)`);
    const mix = await last.request<'mix'>({ type: 'mix', requests: memoryRequests });
    memory = await handlerMemory({
      execPath: node.path,
      execArgv: LAMBDA_NODE_ARGS,
      env: lambdaEnvironment({ tableName: last.data.tableName, endpoint: dynamo.endpoint }),
      bundle: BUNDLE,
      template: mix.event,
      requests: mix.requests,
    });
    note(`growing collections: 999 findings of 4,000 characters, then the 1,000th and ${collectionRounds} more through the handler`);
    collections = (await workers[workers.length - 1].request<'collections'>({ type: 'collections', rounds: collectionRounds })).figures;
    note(`cold start: ${coldSamples} fresh processes + 1 profiled`);
    cold = await coldStart({
      bundle: BUNDLE,
      sourceMap: bundle.sourceMap,
      node: node.path,
      endpoint: dynamo.endpoint,
      tableName: datasets[0].tableName,
      samples: coldSamples,
      profile: true,
    });
    const exportRows = options.quick ? [1_000, 10_000] : [10_000, 100_000];
    exported = await measureExports(dynamo.endpoint, exportRows[0], exportRows[1], note);
    // The register searched at 100 and 10,000 systems, in quick runs too: systems alone load in minutes.
    searched = await measureSearch(dynamo.endpoint, options.quick ? { rounds: 40, warmup: 5, chunks: 2 } : { rounds: 200, warmup: 20, chunks: 4 }, note);
  } finally {
    for (const w of workers) w.stop();
    await dynamo.stop();
  }

  const out: string[] = [];
  const section = (title: string) => out.push('', `## ${title}`, '');
  const primary = runs[runs.length - 1];
  const small = runs.find((r) => r.data.spec.label === 'small');
  const large = runs.find((r) => r.data.spec.label === 'large');

  out.push(
    `npm run bench${options.quick ? ' --quick' : ''}: ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), DynamoDB Local in memory on the same machine`,
    `The handler: dist/bundle/api/index.js (what CDK deploys) under Node ${node.version}, the Lambda's ${lambdaRuntime().name} (the bench itself: Node ${process.version}).`,
    `Load average (1 min) of the machine: ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (other work on it slows every figure).`,
  );

  section('Data');
  out.push(
    table(
      ['size', 'systems', 'consultations', 'in the inbox', 'audit events', 'items in all', 'load time'],
      runs.map(({ data }) => [
        data.spec.label,
        data.spec.systems.toLocaleString('en'),
        data.spec.consultations.toLocaleString('en'),
        data.spec.submitted.toLocaleString('en'),
        (data.items['audit event'] ?? 0).toLocaleString('en'),
        Object.values(data.items).reduce((a, b) => a + b, 0).toLocaleString('en'),
        `${data.loadSeconds.toFixed(0)} s`,
      ]),
    ),
    `Both in a city of ${CITY.departments} departments and ${CITY.people} people (the demo city's 8 and 13, the rest generated: test/bench/data.ts),`,
    `with the demo's 7 systems and the write fixtures (${primary.data.fixtures.systems} registered systems, ${primary.data.fixtures.drafts.length} drafts, ${primary.data.fixtures.submitted.length} submitted consultations),`,
    'counted under items in all and audit events only. The systems are spread over every department with an information manager.',
  );

  for (const run of runs) {
    section(`Operations on the ${run.data.spec.label} table`);
    const floorSays = (h: number, f: number) => (h !== f ? ` (floor ${f})` : '');
    out.push(
      table(
        ['operation', 'calls', 'RCU', 'WCU', 'handler p50', 'p95', 'floor p50', 'p95', 'ratio p50'],
        run.operations.map((o) => [
          o.name,
          `${o.cost.dynamodbCalls}${floorSays(o.cost.dynamodbCalls, o.floorCost.dynamodbCalls)}`,
          `${o.cost.readCapacityUnits}${floorSays(o.cost.readCapacityUnits, o.floorCost.readCapacityUnits)}`,
          `${o.cost.writeCapacityUnits}${floorSays(o.cost.writeCapacityUnits, o.floorCost.writeCapacityUnits)}`,
          ms(o.handler.p50),
          ms(o.handler.p95),
          ms(o.floor.p50),
          ms(o.floor.p95),
          x(o.ratio),
        ]),
      ),
    );
  }
  out.push(
    '',
    `Milliseconds over ${iterations.reads} runs of each read and ${iterations.writes} of each write after ${iterations.warmup} warm-up, handler and floor`,
    `interleaved, the two tables alternating in chunks. handler: the bundle's handler, called in a process of Node ${node.version} per`,
    'table with the environment Lambda gives the function (its log line and metrics of each request written, to nowhere), an',
    "API Gateway v2 event whose caller is the JWT authorizer's claims, as on Lambda (no token). floor: the same DynamoDB calls with",
    'the same keys (BatchGetItem, Query, TransactWriteItems) straight from the DocumentClient, no GraphQL. calls, RCU, WCU:',
    'extensions.cost of the response; the floor consumed the same unless shown.',
  );

  section(`Calls by page size (${primary.data.spec.label} table)`);
  out.push(
    table(
      ['page', 'first: 10', 'first: 100', 'equal'],
      primary.pageSizes.map((p) => [p.name, pageCell(p, p.small), pageCell(p, p.large), flat(p) ? 'yes' : 'no']),
    ),
    'related: the distinct objects the page names beside its own (departments; systems and applicants), one BatchGetItem per 100.',
    'systems: the systems on the page, each with a connection of its own under it (its first page read from the system\'s head:',
    'functions/store/heads.ts).',
    'equal: the same calls, but for the BatchGetItem calls the page\'s keys need at 100 keys a call (a page naming 145 related',
    'objects needs two; a nested page of 100 systems, 100 heads and up to 200 consultations in two waves).',
    ...refusals(primary.pageSizes),
  );
  const writes = primary.operations.filter((o) => o.kind === 'write');
  out.push('', table(['mutation', 'write calls', 'calls by operation'], writes.map((o) => [o.name, writeCalls(o), JSON.stringify(o.cost.calls)])));

  if (small && large) {
    section('Scale: p50 on the large table against the small one');
    out.push(
      table(
        ['operation', 'small p50', 'large p50', 'large / small', 'floor: small', 'large', 'large / small'],
        large.operations.map((o, i) => {
          const s = small.operations[i];
          return [o.name, ms(s.handler.p50), ms(o.handler.p50), x(o.handler.p50 / s.handler.p50), ms(s.floor.p50), ms(o.floor.p50), x(o.floor.p50 / s.floor.p50)];
        }),
      ),
    );
  }

  section(`Growing collections: an investigation's findings (${primary.data.spec.label} table)`);
  out.push(
    table(
      ['operation', 'calls', 'RCU', 'WCU', 'samples', 'p50 ms', 'max ms'],
      collections.map((f) => {
        const l = summarize(f.samples);
        return [f.name, `${f.cost.dynamodbCalls} ${JSON.stringify(f.cost.calls)}`, f.cost.readCapacityUnits, f.cost.writeCapacityUnits, l.samples, ms(l.p50), ms(l.max)];
      }),
    ),
    'Each finding is an item of its own beside its investigation (4,000 Japanese characters: about 12 kB). An addition writes the',
    'finding, the investigation (its version and count) and one audit event holding the new finding only, in one',
    'TransactWriteItems; its cost does not grow with the findings before it. A page is one Query on the partition; DynamoDB returns',
    'at most 1 MB a Query, so a page of findings this large holds fewer than 100 and says hasNextPage.',
  );

  section(`Cold start of dist/bundle/api/index.js (${cold.samples.length} fresh processes under Node ${node.version} with Lambda's options, medians; V8 code cache: ${cold.median.codeCache})`);
  const c = cold.median;
  out.push(
    table(
      ['phase', 'ms'],
      [
        ['node boot (before the bundle; not counted)', ms(c.bootMs)],
        ['module load: require() of the bundle, schema build and Apollo server included', ms(c.requireMs)],
        [`first request { __typename }, signed in (${c.firstDbCalls} DynamoDB call: the viewer)`, ms(c.firstMs)],
        ['  of which its DynamoDB call was in flight (node:http, request to end of response)', ms(c.firstDbMs)],
        ['to first answer (module load + first request)', ms(c.toFirstAnswerMs)],
        ['to first answer excluding the database', ms(c.toFirstAnswerExclDbMs)],
        [`second request (warm), of which DynamoDB ${ms(c.secondDbMs)}`, ms(c.secondMs)],
      ],
    ),
    'The caller is identified as on Lambda, by the JWT authorizer\'s claims in the event. Excluding the database: module load and',
    'first request, less the time the first request\'s DynamoDB call was in flight.',
  );
  if (cold.profile) {
    const p = cold.profile;
    const share = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;
    const top = (b: typeof p.require, n: number) => b.byPackage.slice(0, n).map(([k, v]) => `${k} ${share(v, b.totalMs)}`).join(', ');
    out.push(
      '',
      `Where the time goes (one more run, under --cpu-prof, so slower: module load ${ms(p.requireMs)} ms, first request ${ms(p.firstMs)} ms):`,
      `- schema build (getSchema, type-graphql's buildSchemaSync): ${ms(p.schemaBuildMs)} ms, ${share(p.schemaBuildMs, p.requireMs)} of module load` +
        ` (the Apollo server with it: ${ms(p.apolloServerMs)} ms)`,
      `- module load, self time by package: ${top(p.require, 8)}`,
      `- first request, self time by package: ${top(p.first, 6)}`,
    );
  }

  section('Bundle');
  out.push(
    `${bundle.files.map(([f]) => f).join(' + ')} (the JavaScript loaded at start): ${mb(bundle.bytes)} (${bundle.bytes.toLocaleString('en')} bytes; ${mb(bundle.gzipBytes)} gzipped)` +
      (bundle.files.length > 1 ? `; of which ${bundle.files.map(([f, n]) => `${basename(f)} ${mb(n)}`).join(', ')}` : ''),
  );
  out.push(`largest: ${bundle.largest.map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);

  section(`Memory of the handler: ${memory.requests.toLocaleString('en')} requests (${primary.data.spec.label} table)`);
  out.push(
    table(
      ['resident set (RSS)', 'MB'],
      [
        ['Node alone, before the bundle', mb(memory.beforeLoadBytes)],
        ['after require() of the bundle', mb(memory.afterLoadBytes)],
        ['after the last request', mb(memory.endBytes)],
        ["peak: the kernel's high-water mark of the process (VmHWM)", mb(memory.peakBytes)],
        [`highest sampled, every ${memory.sampleEveryMs} ms`, mb(memory.sampledPeakBytes)],
      ],
    ),
    `A fresh process of Node ${node.version} with the function's environment, loading the bundle alone (none of the bench's modules), answering`,
    `the ${Object.keys(memory.byOperation).length} operations above in turn (${countsOf(Object.values(memory.byOperation))} each), one at a time, in ${memory.seconds.toFixed(0)} s;`,
    'each write on a fixture of its own.',
  );

  // ---- targets -------------------------------------------------------------------------------------------------
  const targets: Target[] = [];
  const fixedCost = primary.operations.find((o) => o.kind === 'reference');
  for (const o of primary.operations.filter((op) => op.kind !== 'reference')) {
    const met = o.ratio <= TARGETS.ratio;
    targets.push({
      target: `handler/floor p50 ≤ ${TARGETS.ratio}: ${o.name}`,
      met,
      measured: `${x(o.ratio)} (${ms(o.handler.p50)} vs ${ms(o.floor.p50)} ms)`,
      cause: met
        ? undefined
        : `${ms(o.handler.p50 - o.floor.p50)} ms of handler work over ${ms(o.floor.p50)} ms of DynamoDB calls; every request pays` +
          ` ~${ms(fixedCost ? fixedCost.handler.p50 - fixedCost.floor.p50 : NaN)} ms (viewer { id } row), which weighs most on the cheapest reads`,
    });
  }
  for (const p of primary.pageSizes) {
    const met = flat(p);
    targets.push({
      target: `${p.kind === 'nested' ? p.name.replace(/ \(.*$/, '') : rootOf(p.name)} page: first 10 and first 100 cost the same calls, but for BatchGetItem's 100 keys a call`,
      met,
      measured: callsCell(p),
      cause: met ? undefined : growthCause(p),
    });
  }
  targets.push({
    target: 'every mutation is one write call (TransactWriteItems)',
    met: writes.every((o) => writeCalls(o) === 1 && o.cost.calls.TransactWriteItems === 1),
    measured: writes.map((o) => `${o.name.split(' ')[0]} ${writeCalls(o)}`).join(', '),
  });
  if (small && large) {
    large.operations.forEach((o, i) => {
      if (o.kind !== 'read') return;
      const s = small.operations[i];
      const r = o.handler.p50 / s.handler.p50;
      const floor = o.floor.p50 / s.floor.p50;
      const met = r <= TARGETS.scale;
      targets.push({
        target: `scale large/small p50 ≤ ${TARGETS.scale}: ${o.name}`,
        met,
        measured: x(r),
        cause: met
          ? undefined
          : floor >= r - 0.1
            ? `the floor, the same DynamoDB calls without the API, slows ${x(floor)} too: DynamoDB Local on the larger table`
            : `the handler slows more than its DynamoDB calls (floor ${x(floor)})`,
      });
    });
  } else {
    targets.push({ target: `scale large/small p50 ≤ ${TARGETS.scale}`, met: undefined, measured: 'not measured (--quick: small data only)' });
  }
  const coldMet = c.toFirstAnswerExclDbMs <= TARGETS.coldStartMs;
  targets.push({
    target: `cold start to first answer excluding the database ≤ ${TARGETS.coldStartMs} ms`,
    met: coldMet,
    measured: `${ms(c.toFirstAnswerExclDbMs)} ms median (p95 ${ms(cold.p95ToFirstAnswerExclDbMs)})`,
    cause: coldMet
      ? undefined
      : `module load ${ms(c.requireMs)} ms` +
        (cold.profile ? `, ${Math.round((100 * cold.profile.schemaBuildMs) / cold.profile.requireMs)}% of it the schema build at load` : '') +
        `; first request ${ms(c.firstMs - c.firstDbMs)} ms without its DynamoDB call`,
  });
  targets.push({ target: `bundle ≤ ${mb(TARGETS.bundleBytes)}`, met: bundle.bytes <= TARGETS.bundleBytes, measured: mb(bundle.bytes) });
  targets.push({
    target: `peak RSS of the handler's process ≤ ${mb(TARGETS.rssBytes)} (${memory.requests.toLocaleString('en')} requests)`,
    met: memory.peakBytes <= TARGETS.rssBytes,
    measured: `${mb(memory.peakBytes)} (${mb(memory.afterLoadBytes)} after load)`,
  });

  section(`Export (${Math.max(...exported.figures.map((f) => f.rows)).toLocaleString('en')} systems seeded in ${exported.seedSeconds.toFixed(0)} s)`);
  const exportFigures = exportSection(exported.figures);
  out.push(...exportFigures.lines);
  targets.push({ target: 'export: memory does not grow with rows (peak RSS of the larger ≤ 1.5× the smaller)', met: exportFigures.flat, measured: exportFigures.measured });

  section('Searching the register: 100 and 10,000 systems');
  const search = searchSection(searched, TARGETS.scale);
  out.push(...search.lines);
  targets.push({ target: `search: p50 at 10,000 systems ≤ ${TARGETS.scale}× at 100 (filtered by name, by words)`, met: search.scaleMet, measured: search.measured });
  targets.push({ target: 'search: a page of 10 and of 100 make the same calls', met: search.callsMet, measured: searched.figures.map((f) => `${f.largeCalls.ten}/${f.largeCalls.hundred}`).join(', ') });

  section('Targets');
  const state = (t: Target) => (t.met === undefined ? 'skipped' : t.met ? 'met' : 'NOT MET');
  out.push(table(['', 'target', 'measured'], targets.map((t) => [state(t), t.target, t.measured + (t.cause ? `: ${t.cause}` : '')]), ['l', 'l', 'l']));
  const measured = targets.filter((t) => t.met !== undefined);
  out.push('', `${measured.filter((t) => t.met).length} of ${measured.length} targets met.`);

  section("The performance issue's goals");
  const goals = goalsOf({ primary, small, large, cold, bundleBytes: bundle.bytes, bundleFiles: bundle.files, memory, searched });
  out.push(
    table(
      ['', 'goal', 'target', 'measured: median [spread]'],
      goals.map((g) => [g.met === undefined ? 'skipped' : g.met ? 'met' : 'NOT MET', g.goal, g.target, g.measured]),
      ['l', 'l', 'l', 'l'],
    ),
    'median [spread]: for handler/floor and for 10,000/100, the ratio of the p50s over all rounds, as in the tables above [min–max',
    "of the same ratio chunk by chunk, each chunk's p50; for 10,000/100, the chunks of the two tables paired in the order run]; a",
    "chunk's p50 is of fewer rounds, so the ratio over all rounds can fall outside the chunks' range. Cold start: the median [p95]",
    'of the fresh processes, as coldStart.ts reports them. Calls, bundle and peak RSS: one measurement each, no spread.',

    '',
    `The bench took ${Math.round((Date.now() - started) / 1000)} s.`,
  );

  process.stdout.write(out.join('\n') + '\n');

  if (options.json) {
    const figures = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: { start: loadBefore, end: loadavg()[0] },
      quick: options.quick,
      iterations,
      data: runs.map(({ data }) => ({ size: data.spec, tableName: data.tableName, items: data.items, loadSeconds: round(data.loadSeconds, 1) })),
      operations: Object.fromEntries(runs.map(({ data, operations }) => [data.spec.label, operations])),
      pageSizes: primary.pageSizes,
      collections,
      coldStart: cold,
      bundle,
      exports: exported.figures,
      search: searched.figures,
      memory,
      lambdaNode: node,
      targets,
      goals,
    };
    writeFileSync(options.json, JSON.stringify(figures, null, 2) + '\n');
    note(`figures written to ${options.json}`);
  }
}

interface Goal {
  goal: string;
  target: string;
  measured: string;
  /** undefined: not measured in this run. */
  met: boolean | undefined;
}

/** The goals of the performance issue, one row each, from the figures measured above. */
function goalsOf(r: {
  primary: Run;
  small?: Run;
  large?: Run;
  cold: ColdStartResult;
  bundleBytes: number;
  bundleFiles: [string, number][];
  memory: MemoryFigure;
  searched: Awaited<ReturnType<typeof measureSearch>>;
}): Goal[] {
  const spread = (xs: number[], f: (n: number) => string) => (xs.length ? `[${f(Math.min(...xs))}–${f(Math.max(...xs))}]` : '[-]');
  const goals: Goal[] = [];

  const page = r.primary.operations.find((o) => o.name.startsWith('systems(first: 50) {'));
  goals.push(
    page
      ? {
          goal: `handler p50 / floor p50, a page of 50 systems (${r.primary.data.spec.label} table)`,
          target: `≤ ${TARGETS.ratio}×`,
          measured: `${x(page.ratio)} ${spread(page.chunks.map((c) => c.handler / c.floor), x)} (${ms(page.handler.p50)} / ${ms(page.floor.p50)} ms)`,
          met: page.ratio <= TARGETS.ratio,
        }
      : { goal: 'handler p50 / floor p50, a page of 50 systems', target: `≤ ${TARGETS.ratio}×`, measured: 'not measured (no such operation)', met: undefined },
  );

  const nested = r.primary.pageSizes.find((p) => p.kind === 'nested');
  goals.push(
    nested
      ? {
          goal: 'DynamoDB calls, a page of 10 vs 100 systems with a nested connection (consultations(first: 2))',
          target: 'equal, but for BatchGetItem\'s 100 keys a call',
          measured: callsCell(nested) + (nested.large.refused ? ` (first: 100 refused as deployed: estimate ${nested.large.refused.estimatedCalls} > ${nested.large.refused.budget})` : ''),
          met: flat(nested),
        }
      : { goal: 'DynamoDB calls, a page of 10 vs 100 with a nested connection', target: 'equal', measured: 'not measured', met: undefined },
  );

  const scaleGoal = `read p50 at 10,000 systems vs 100`;
  if (r.small && r.large) {
    const { small, large } = r;
    const reads = large.operations
      .map((o, i) => ({ o, s: small.operations[i] }))
      .filter(({ o }) => o.kind === 'read')
      .map(({ o, s }) => ({ name: o.name, ratio: o.handler.p50 / s.handler.p50, chunks: o.chunks.map((c, k) => c.handler / s.chunks[k].handler) }));
    const worst = reads.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    goals.push({
      goal: `${scaleGoal} (the worst of ${reads.length} reads: ${rootOf(worst.name)})`,
      target: `≤ ${TARGETS.scale}×`,
      measured: `${x(worst.ratio)} ${spread(worst.chunks, x)}`,
      met: worst.ratio <= TARGETS.scale,
    });
  } else {
    // --quick: the operations run on the small table only; the search part measures 100 and 10,000 systems anyway.
    const searches = r.searched.figures.filter((f) => !f.name.includes('reference'));
    const worst = searches.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    goals.push({
      goal: `${scaleGoal} (--quick: the search part's tables, the worse of ${searches.length} searches)`,
      target: `≤ ${TARGETS.scale}×`,
      measured: `${x(worst.ratio)} [spread not reported by the search part]`,
      met: worst.ratio <= TARGETS.scale,
    });
  }

  const c = r.cold.median;
  goals.push({
    goal: 'cold start to first answer, excluding the database',
    target: `≤ ${TARGETS.coldStartMs} ms`,
    measured: `${ms(c.toFirstAnswerExclDbMs)} ms [p95 ${ms(r.cold.p95ToFirstAnswerExclDbMs)} ms]`,
    met: c.toFirstAnswerExclDbMs <= TARGETS.coldStartMs,
  });
  goals.push({ goal: `bundle: ${r.bundleFiles.map(([f]) => basename(f)).join(' + ')}, the JavaScript loaded at start`, target: `≤ ${mb(TARGETS.bundleBytes)}`, measured: `${mb(r.bundleBytes)} (${r.bundleBytes.toLocaleString('en')} bytes)`, met: r.bundleBytes <= TARGETS.bundleBytes });
  goals.push({
    goal: `peak RSS of the handler's process, ${r.memory.requests.toLocaleString('en')} requests of the operations in turn`,
    target: `≤ ${mb(TARGETS.rssBytes)}`,
    measured: mb(r.memory.peakBytes),
    met: r.memory.peakBytes <= TARGETS.rssBytes,
  });
  return goals;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
