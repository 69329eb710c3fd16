/**
 * The export figure of the bench: a register of 100,000 systems (and one of 10,000) exported to .xlsx and .csv through
 * a sink that only counts bytes, each run in a fresh process sampling its own memory (process.memoryUsage every 5 ms),
 * so the peaks of 10,000 and 100,000 rows can be compared: memory must not grow with the rows.
 *
 * Run alone: `npm run -s build && node dist/test/bench/export.js [rows…]` (starts its own DynamoDB Local); `npm run
 * bench` runs it on its engine (run.ts).
 */
// The API's code (the exports, the schema) is decorated: its metadata polyfill first, as the handler loads it.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createContext } from '../../functions/api/server';
import { ensureTable } from '../../functions/store/createTable';
import { StoreConfig } from '../../functions/store/client';
import { Store, documentClient } from '../../functions/store/store';
import { systemItem } from '../../functions/store/systems';
import { seedDemoCity } from '../../functions/local/seed';
import { startDynamoLocal } from '../../functions/local/dynamoLocal';
import { SystemRecord } from '../../functions/domain/systems';
import { Format, exportRegister } from '../../functions/export/export';
import { mb, table } from './measure';

/** The department the smaller register belongs to: the 10,000 exported with `departmentId`. */
const SMALL_DEPARTMENT = 'bench-small';

export interface ExportFigure {
  rows: number;
  format: Format;
  bytes: number;
  ms: number;
  /** Resident set and JavaScript heap at the start of the export and at their highest during it. */
  rssStart: number;
  rssPeak: number;
  heapStart: number;
  heapPeak: number;
}

function system(n: number, departmentId: string, now: string): SystemRecord {
  const id = `bench-${String(n).padStart(7, '0')}`;
  return {
    id, name: `ベンチ用システム${n}`, description: '書出しの計測のためのシステム。', category: n % 2 ? 'INFORMATION' : 'BUSINESS', network: 'INTERNAL',
    purposes: ['EFFICIENCY'], status: 'INSTALLED', owningDepartmentId: departmentId, processingDepartmentIds: [departmentId],
    maintenance: { departmentId, basis: 'DESIGNATED', assignedBy: 'soumu-director', assignedAt: now }, documents: [], educationOrResearchOnly: false,
    connectedSystemIds: [], version: 1, createdAt: now, updatedAt: now, decidedAt: now, installedAt: now,
  };
}

/** A table with the demo city and `total` systems, `small` of them in one department: BatchWriteItem, 25 a call, 16 at once. */
export async function seedSystems(config: StoreConfig, total: number, small: number): Promise<void> {
  await ensureTable(config, { stream: false });
  await seedDemoCity(new Store(config));
  const doc = documentClient(config);
  const now = new Date().toISOString();
  let next = 0;
  async function lane(): Promise<void> {
    while (next < total) {
      const from = next;
      next = Math.min(total, next + 25);
      let pending = Array.from({ length: next - from }, (_, i) => ({ PutRequest: { Item: systemItem(system(from + i, from + i < small ? SMALL_DEPARTMENT : 'bench-large', now)) } }));
      while (pending.length) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [config.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[config.tableName] ?? []) as typeof pending;
      }
    }
  }
  await Promise.all(Array.from({ length: 16 }, lane));
}

/** In the child: one export through a counting sink, with its memory sampled. */
async function child(config: StoreConfig, format: Format, departmentId: string | undefined): Promise<ExportFigure> {
  const ctx = await createContext({ personId: 'soumu-director' }, config, randomUUID(), 'ja');
  global.gc?.();
  const start = process.memoryUsage();
  let rssPeak = start.rss;
  let heapPeak = start.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const at = process.hrtime.bigint();
  const { rows } = await exportRegister(ctx, 'systems', { format, dates: 'WAREKI', filters: { departmentId } }, sink);
  const ms = Number(process.hrtime.bigint() - at) / 1e6;
  clearInterval(timer);
  sample();
  return { rows, format, bytes, ms, rssStart: start.rss, rssPeak, heapStart: start.heapUsed, heapPeak };
}

function runChild(config: StoreConfig, format: Format, departmentId: string | undefined): Promise<ExportFigure> {
  return new Promise((resolve, reject) => {
    const p = fork(__filename, ['--child', format, departmentId ?? ''], {
      env: { ...process.env, DYNAMODB_ENDPOINT: config.endpoint, TABLE_NAME: config.tableName, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      execArgv: ['--expose-gc'],
    });
    p.on('message', (m) => resolve(m as ExportFigure));
    p.on('error', reject);
    p.on('exit', (code) => code && reject(new Error(`export child exited with ${code}`)));
  });
}

/** Seeds `large` systems (`small` of them in one department) and exports both registers in both formats. */
export async function measureExports(endpoint: string, small: number, large: number, onStep: (s: string) => void = () => undefined): Promise<{ figures: ExportFigure[]; seedSeconds: number }> {
  const config: StoreConfig = { tableName: `bench-export-${randomUUID()}`, endpoint, region: 'ap-northeast-1' };
  const at = Date.now();
  onStep(`export: seeding ${large.toLocaleString('en')} systems`);
  await seedSystems(config, large, small);
  const seedSeconds = (Date.now() - at) / 1000;
  const figures: ExportFigure[] = [];
  for (const format of ['csv', 'xlsx'] as Format[]) {
    for (const departmentId of [SMALL_DEPARTMENT, undefined]) {
      onStep(`export: ${format}, ${departmentId ? small.toLocaleString('en') : 'all'} rows`);
      figures.push(await runChild(config, format, departmentId));
    }
  }
  return { figures, seedSeconds };
}

/** The figures as the bench prints them, and whether the peak stayed flat (the larger export's peak RSS within 1.5× the smaller's). */
export function exportSection(figures: ExportFigure[]): { lines: string[]; flat: boolean; measured: string } {
  const lines = [
    table(
      ['format', 'rows', 'file', 'time', 'rows/s', 'RSS start', 'RSS peak', 'heap start', 'heap peak'],
      figures.map((f) => [f.format, f.rows.toLocaleString('en'), mb(f.bytes), `${(f.ms / 1000).toFixed(1)} s`, Math.round(f.rows / (f.ms / 1000)).toLocaleString('en'), mb(f.rssStart), mb(f.rssPeak), mb(f.heapStart), mb(f.heapPeak)]),
    ),
    'The systems register (行政システム台帳) read page by page (500 a Query) from DynamoDB Local and written to a sink that counts',
    'bytes, in a fresh process per export (node --expose-gc, collected before the start), memory sampled every 5 ms.',
  ];
  const growth = (['csv', 'xlsx'] as Format[]).map((format) => {
    const [a, b] = figures.filter((f) => f.format === format).sort((x, y) => x.rows - y.rows);
    return { format, ratio: b.rssPeak / a.rssPeak, rows: b.rows / a.rows };
  });
  const flat = growth.every((g) => g.ratio <= 1.5);
  return { lines, flat, measured: growth.map((g) => `${g.format}: peak RSS ×${g.ratio.toFixed(2)} for ×${g.rows.toFixed(0)} rows`).join('; ') };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const figure = await child({ tableName: process.env.TABLE_NAME!, endpoint: process.env.DYNAMODB_ENDPOINT, region: 'ap-northeast-1' }, process.argv[3] as Format, process.argv[4] || undefined);
    process.send!(figure, () => process.exit(0));
    return;
  }
  const [small, large] = [Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 100_000)];
  const dynamo = await startDynamoLocal();
  try {
    const { figures, seedSeconds } = await measureExports(dynamo.endpoint, small, large, (s) => process.stderr.write(`bench: ${s}\n`));
    const { lines, flat, measured } = exportSection(figures);
    process.stdout.write([`## Export (${large.toLocaleString('en')} systems seeded in ${seedSeconds.toFixed(0)} s)`, '', ...lines, '', `${flat ? 'met' : 'NOT MET'}  memory does not grow with rows: ${measured}`, ''].join('\n'));
  } finally {
    await dynamo.stop();
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
