/**
 * Cold start of the production bundle (dist/bundle/api/index.js): each sample is a fresh `node` process, as a new
 * Lambda execution environment would be. It loads the bundle (module load; the Apollo server and its schema are
 * built at load, see functions/api/handler.ts), then answers one signed-in request, `{ __typename }`, whose only
 * database call is the viewer lookup, then a second one (warm). Each DynamoDB call is timed inside the process (at
 * node:http, which the SDK uses), so the first answer can be told apart from the database it waited for.
 *
 * The caller is identified as on Lambda: by the claims API Gateway's JWT authorizer passes in the event (the
 * deployed function never verifies a token itself).
 *
 * One more sample runs under `node --cpu-prof` to say where the time goes: by package, and the schema build
 * (functions/api/schema.ts getSchema), mapped through the bundle's source map.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { SourceMap, SourceMapPayload } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMINISTRATOR } from './data';
import { LAMBDA_NODE_ARGS, lambdaEnvironment } from './lambdaNode';
import { percentile, round } from './measure';

export interface ColdSample {
  /** Node's own start, before our first line runs. */
  bootMs: number;
  /** require() of the bundle: module evaluation, the schema build, the Apollo server. */
  requireMs: number;
  /** The first request, from the handler call to its answer. */
  firstMs: number;
  /** Of which its DynamoDB calls were in flight (timed at node:http). */
  firstDbMs: number;
  /** Of which the process sat idle (event loop utilization): waiting, for DynamoDB, since nothing else is pending. */
  firstIdleMs: number;
  firstDbCalls: number;
  /** A second request, warm. */
  secondMs: number;
  secondDbMs: number;
  /** Whether V8 took the bundle's code cache (functions/api/codeCacheLoader.js): accepted, rejected or absent. */
  codeCache: string;
}

export interface Breakdown {
  /** Self time by package (or V8/Node category), ms in the profiled run, largest first. */
  byPackage: [string, number][];
  totalMs: number;
}

export interface ColdStartResult {
  samples: ColdSample[];
  median: ColdSample & { toFirstAnswerExclDbMs: number; toFirstAnswerMs: number };
  p95ToFirstAnswerExclDbMs: number;
  profile?: {
    requireMs: number;
    firstMs: number;
    /** Inclusive time of getSchema (type-graphql's buildSchemaSync and graphql), during require. */
    schemaBuildMs: number;
    /** Inclusive time of createApolloServer, the schema build included. */
    apolloServerMs: number;
    require: Breakdown;
    first: Breakdown;
  };
}

/** Where the sample's figures start in what the child prints: the function's own log lines and metrics come before. */
const RESULT_MARK = '@@cold-start ';

/** The child's figures, after the function's log lines and EMF metrics on the same stdout. */
function resultOf(stdout: string): { sample: ColdSample; marks: Record<string, number> } {
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (!line) throw new Error(`cold start sample printed no result: ${stdout.slice(-500)}`);
  return JSON.parse(line.slice(RESULT_MARK.length));
}

function childScript(bundle: string): string {
  return `
const bootMs = performance.now();
const http = require('node:http');
let dbMs = 0, dbCalls = 0;
const request = http.request;
http.request = function (...args) {
  const start = process.hrtime.bigint();
  const req = request.apply(this, args);
  req.once('response', (res) => res.once('end', () => { dbMs += Number(process.hrtime.bigint() - start) / 1e6; dbCalls++; }));
  return req;
};
const us = () => Number(process.hrtime.bigint() / 1000n);
const event = (id) => ({
  version: '2.0', routeKey: 'POST /graphql', rawPath: '/graphql', rawQueryString: '',
  headers: { 'content-type': 'application/json', host: 'abc123.execute-api.ap-northeast-1.amazonaws.com' },
  requestContext: {
    http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '192.0.2.10', userAgent: 'bench' }, requestId: id,
    authorizer: { jwt: { claims: { username: ${JSON.stringify(ADMINISTRATOR)}, token_use: 'access' }, scopes: null } },
  },
  body: JSON.stringify({ query: '{ __typename }' }), isBase64Encoded: false,
});
(async () => {
  await new Promise((r) => setImmediate(r)); // inside the event loop, so its utilization can be read
  const marks = {};
  marks.requireStart = us();
  const loaded = require(${JSON.stringify(bundle)});
  const { handler } = loaded;
  const codeCache = loaded[Symbol.for('regulation.codeCache')]?.codeCache ?? 'absent';
  marks.requireEnd = us();
  const elu = performance.eventLoopUtilization();
  const first = await handler(event('cold-1'), { awsRequestId: 'cold-1' });
  marks.firstEnd = us();
  const firstIdleMs = performance.eventLoopUtilization(elu).idle;
  const firstDbMs = dbMs, firstDbCalls = dbCalls;
  dbMs = 0;
  dbCalls = 0;
  const secondStart = us();
  const second = await handler(event('cold-2'), { awsRequestId: 'cold-2' });
  const secondMs = (us() - secondStart) / 1000;
  for (const r of [first, second]) {
    const body = JSON.parse(r.body);
    if (r.statusCode !== 200 || body.errors || body.data.__typename !== 'Query') throw new Error('cold start request failed: ' + r.body);
    if (body.extensions.cost.dynamodbCalls !== (r === first ? firstDbCalls : dbCalls)) throw new Error('DynamoDB calls not all timed');
  }
  process.stdout.write('\\n' + ${JSON.stringify(RESULT_MARK)} + JSON.stringify({
    sample: { bootMs, requireMs: (marks.requireEnd - marks.requireStart) / 1000, firstMs: (marks.firstEnd - marks.requireEnd) / 1000, firstDbMs, firstIdleMs, firstDbCalls, secondMs, secondDbMs: dbMs, codeCache },
    marks,
  }));
})().catch((e) => { console.error(e); process.exit(1); });
`;
}

function run(node: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(node, [...LAMBDA_NODE_ARGS, ...args], { env, cwd: tmpdir(), timeout: 60_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`cold start sample failed: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
}

const median = (xs: number[]) => percentile(xs, 50);

export async function coldStart(options: {
  bundle: string;
  sourceMap: string;
  endpoint: string;
  tableName: string;
  samples: number;
  profile: boolean;
  /** The Node binary to run each sample under (the Lambda's major: test/bench/lambdaNode.ts); this process's when absent. */
  node?: string;
  /** Variables to set or override (`POWERTOOLS_TRACE_ENABLED: 'true'`, say). */
  environment?: NodeJS.ProcessEnv;
}): Promise<ColdStartResult> {
  // What Lambda gives the function (lambdaEnvironment: infra/lambdaFunction.ts's variables, and the runtime's: active
  // tracing, so the function logs, records its metrics and traces as deployed; X-Ray segments, when the Tracer is
  // on, go to a UDP port nobody reads), and nothing of this machine's (no LOCAL_JWT_SECRET, no AWS profile).
  const env: NodeJS.ProcessEnv = { ...lambdaEnvironment({ tableName: options.tableName, endpoint: options.endpoint }), ...options.environment };
  const script = childScript(options.bundle);
  const node = options.node ?? process.execPath;
  const samples: ColdSample[] = [];
  for (let i = 0; i < options.samples; i++) samples.push(resultOf(await run(node, ['-e', script], env)).sample);

  // Excluding the database: from require() to the first answer, less the time its DynamoDB calls were in flight (from
  // the request's start to its response's end at node:http; during it the process has nothing else to do).
  const excl = samples.map((s) => s.requireMs + s.firstMs - s.firstDbMs);
  const pick = (k: Exclude<keyof ColdSample, 'codeCache'>) => round(median(samples.map((s) => s[k])));
  const result: ColdStartResult = {
    samples,
    median: {
      bootMs: pick('bootMs'),
      requireMs: pick('requireMs'),
      firstMs: pick('firstMs'),
      firstDbMs: pick('firstDbMs'),
      firstIdleMs: pick('firstIdleMs'),
      firstDbCalls: pick('firstDbCalls'),
      secondMs: pick('secondMs'),
      secondDbMs: pick('secondDbMs'),
      codeCache: [...new Set(samples.map((s) => s.codeCache))].join(', '),
      toFirstAnswerExclDbMs: round(median(excl)),
      toFirstAnswerMs: round(median(samples.map((s) => s.requireMs + s.firstMs))),
    },
    p95ToFirstAnswerExclDbMs: round(percentile(excl, 95)),
  };
  if (options.profile) result.profile = await profiled(node, script, env, options.sourceMap);
  return result;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

async function profiled(node: string, script: string, env: NodeJS.ProcessEnv, sourceMapFile: string): Promise<ColdStartResult['profile']> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cpuprof-'));
  try {
    const out = resultOf(await run(node, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100', '-e', script], env));
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) return undefined;
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const payload = JSON.parse(readFileSync(sourceMapFile, 'utf8')) as SourceMapPayload & { sourcesContent?: string[] };
    const map = new SourceMap(payload);
    const sourceLines = new Map<string, string[]>();
    const lineOf = (source: string, line: number) => {
      if (!sourceLines.has(source)) sourceLines.set(source, payload.sourcesContent?.[payload.sources.indexOf(source)]?.split('\n') ?? []);
      return sourceLines.get(source)?.[line] ?? '';
    };

    // Each profile node: its package, and whether it is getSchema or createApolloServer.
    const parent = new Map<number, number>();
    const info = new Map<number, { pkg: string; fn?: 'schema' | 'apollo' }>();
    for (const n of profile.nodes) {
      for (const c of n.children ?? []) parent.set(c, n.id);
      const { url, lineNumber, columnNumber, functionName } = n.callFrame;
      if (!url.endsWith('api.js') || !url.includes('bundle')) {
        // wrapSafe is where Node hands the whole bundle to V8 to compile: its self time is parsing the bundle.
        const internal = functionName === 'wrapSafe' ? '(parsing the bundle)' : '(node internals)';
        info.set(n.id, { pkg: url.startsWith('node:') ? internal : functionName.startsWith('(') ? functionName : url ? '(other)' : '(V8: compile, builtins)' });
        continue;
      }
      const entry = map.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number };
      const source = entry.originalSource ?? '';
      // Unmapped: esbuild's module wrappers, whose self time is mostly V8 compiling the module code they first call.
      const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? (source ? 'this project' : '(module wrappers: lazy compiling)');
      const text = source ? lineOf(source, entry.originalLine ?? -1) : '';
      const fn = /functions\/api\/schema\.ts$/.test(source) && /function getSchema\b/.test(text)
        ? 'schema'
        : /functions\/api\/server\.ts$/.test(source) && /function createApolloServer\b/.test(text)
          ? 'apollo'
          : undefined;
      info.set(n.id, { pkg, fn });
    }
    const within = (id: number, fn: 'schema' | 'apollo') => {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) if (info.get(cur)?.fn === fn) return true;
      return false;
    };

    const windows = { require: [out.marks.requireStart, out.marks.requireEnd], first: [out.marks.requireEnd, out.marks.firstEnd] } as const;
    const tally = { require: new Map<string, number>(), first: new Map<string, number>() };
    let schemaUs = 0;
    let apolloUs = 0;
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i];
      const dt = profile.timeDeltas[i + 1] ?? 0; // the time until the next sample is this sample's
      const id = profile.samples[i];
      for (const [w, [from, to]] of Object.entries(windows) as ['require' | 'first', readonly [number, number]][]) {
        if (t < from || t >= to) continue;
        const pkg = info.get(id)?.pkg ?? '(unknown)';
        tally[w].set(pkg, (tally[w].get(pkg) ?? 0) + dt);
        if (w === 'require' && within(id, 'schema')) schemaUs += dt;
        if (w === 'require' && within(id, 'apollo')) apolloUs += dt;
      }
    }
    const breakdown = (m: Map<string, number>): Breakdown => ({
      byPackage: [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v / 1000, 1)]),
      totalMs: round([...m.values()].reduce((a, b) => a + b, 0) / 1000, 1),
    });
    return {
      requireMs: round(out.sample.requireMs, 1),
      firstMs: round(out.sample.firstMs, 1),
      schemaBuildMs: round(schemaUs / 1000, 1),
      apolloServerMs: round(apolloUs / 1000, 1),
      require: breakdown(tally.require),
      first: breakdown(tally.first),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
