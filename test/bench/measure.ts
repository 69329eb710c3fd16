/** Timing, memory and formatting helpers of the bench. */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Latency {
  samples: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** Milliseconds since `start` (a process.hrtime.bigint()). */
export function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(samples: number[]): Latency {
  return {
    samples: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
  };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A plain-text table, columns padded to their widest cell (East Asian characters count double). */
export function table(header: string[], rows: (string | number)[][], align: ('l' | 'r')[] = []): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((_, c) => Math.max(...cells.map((r) => width(r[c] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c] - width(cell));
        return (align[c] ?? (c === 0 ? 'l' : 'r')) === 'l' ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** The memory of a process running the API's handler over a mix of requests (`handlerMemory`), in bytes. */
export interface MemoryFigure {
  requests: number;
  /** Requests of each operation in the mix. */
  byOperation: Record<string, number>;
  /** Resident set before the bundle is required (Node alone), after it, and at the end. */
  beforeLoadBytes: number;
  afterLoadBytes: number;
  endBytes: number;
  /** The peak resident set: the kernel's high-water mark of the process (VmHWM), which also sees peaks between samples. */
  peakBytes: number;
  /** The highest resident set sampled every `sampleEveryMs` (process.memoryUsage.rss()), load included. */
  sampledPeakBytes: number;
  sampleEveryMs: number;
  /** How long the requests took, in seconds. */
  seconds: number;
}

/**
 * Runs in a fresh process, with only the bundle loaded: Node's resident set sampled every few ms from before the
 * bundle is required to after the last request, and the kernel's high-water mark read at the end. Every request
 * must answer 200 without errors or userErrors.
 */
const MEMORY_CHILD = `
const { readFileSync } = require('node:fs');
const { randomUUID } = require('node:crypto');
const { bundle, template, requests, every } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let sampledPeak = 0;
const sample = () => { const rss = process.memoryUsage.rss(); if (rss > sampledPeak) sampledPeak = rss; };
const beforeLoad = process.memoryUsage.rss();
const timer = setInterval(sample, every);
sample();
const { handler } = require(bundle);
sample();
const afterLoad = process.memoryUsage.rss();
(async () => {
  const byOperation = {};
  const started = process.hrtime.bigint();
  for (const r of requests) {
    const requestId = randomUUID();
    const event = {
      ...template,
      body: r.body,
      headers: { ...template.headers, 'content-length': String(Buffer.byteLength(r.body)) },
      requestContext: { ...template.requestContext, requestId, authorizer: { jwt: { claims: { username: r.personId, token_use: 'access' }, scopes: null } } },
    };
    const context = {
      callbackWaitsForEmptyEventLoop: true, functionName: 'regulation-api', functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:ap-northeast-1:123456789012:function:regulation-api', memoryLimitInMB: '1024',
      awsRequestId: requestId, logGroupName: '/aws/lambda/regulation-api', logStreamName: 'bench',
      getRemainingTimeInMillis: () => 10000, done: () => undefined, fail: () => undefined, succeed: () => undefined,
    };
    const result = await handler(event, context);
    const body = JSON.parse(result.body);
    const payload = body.data && Object.values(body.data)[0];
    if (result.statusCode !== 200 || body.errors || (payload && payload.userErrors && payload.userErrors.length)) {
      throw new Error(r.operation + ': ' + result.statusCode + ' ' + String(result.body).slice(0, 300));
    }
    byOperation[r.operation] = (byOperation[r.operation] || 0) + 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  sample();
  const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.send({
    requests: requests.length, byOperation, beforeLoadBytes: beforeLoad, afterLoadBytes: afterLoad, endBytes: process.memoryUsage.rss(),
    peakBytes: hwm ? Math.max(Number(hwm[1]) * 1024, sampledPeak) : sampledPeak, sampledPeakBytes: sampledPeak, sampleEveryMs: every, seconds,
  }, () => process.exit(0));
})().catch((e) => process.send({ error: e.stack || String(e) }, () => process.exit(1)));
`;

/**
 * The memory of the handler as a Lambda execution environment would hold it: a fresh process of `execPath` (the
 * Lambda's Node) with `env`, loading `bundle` alone (none of the bench's own modules), answering `requests` in turn.
 */
export async function handlerMemory(options: {
  execPath: string;
  /** Node's options (the Lambda runtime's: heap sizes count in the resident set). */
  execArgv?: readonly string[];
  env: NodeJS.ProcessEnv;
  bundle: string;
  /** An API Gateway v2 event; each request gets its body, a request id and its caller's claims. */
  template: object;
  requests: { operation: string; personId: string; body: string }[];
  sampleEveryMs?: number;
}): Promise<MemoryFigure> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-memory-'));
  try {
    const script = join(dir, 'child.js');
    const input = join(dir, 'requests.json');
    writeFileSync(script, MEMORY_CHILD);
    writeFileSync(input, JSON.stringify({ bundle: options.bundle, template: options.template, requests: options.requests, every: options.sampleEveryMs ?? 5 }));
    return await new Promise<MemoryFigure>((resolve, reject) => {
      // stdout (the function's log lines and EMF metrics, as on Lambda) goes nowhere; stderr stays visible.
      const child = fork(script, [input], { execPath: options.execPath, execArgv: [...(options.execArgv ?? [])], env: options.env, cwd: dir, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      let settled = false;
      child.on('message', (m: MemoryFigure | { error: string }) => {
        settled = true;
        if ('error' in m) reject(new Error(`bench: the memory run failed: ${m.error}`));
        else resolve(m);
      });
      child.on('exit', (code) => settled || reject(new Error(`bench: the memory run exited (${code}) without a result`)));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
