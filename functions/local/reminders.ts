/**
 * `npm run reminders [-- --at <ISO instant>]`: runs the reminders job once against the local table (.data/, made by
 * `npm start`) and prints what it found. While `npm start` runs, it uses the DynamoDB Local that server started;
 * otherwise it starts the engine on the same data folder for the run and stops it after. DYNAMODB_ENDPOINT names
 * another endpoint. `--at` runs the job with a fixed clock (e.g. `--at 2026-07-01T00:00:00+09:00`).
 */
import 'reflect-metadata';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { REMINDER_KINDS } from '../domain/reminders';
import { configFromEnv } from '../store/client';
import { Store } from '../store/store';
import { ReminderSummary, runReminders } from '../reminders/run';
import { useLocalEngine } from './dynamoLocal';
import { runCommand } from './command';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run reminders [-- --at <ISO instant, e.g. 2026-07-01T00:00:00+09:00>]`);
  process.exit(2);
}

export function parseArgs(argv: string[]): { at: string } {
  let at = new Date().toISOString();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg.startsWith('--at=') ? arg.slice(5) : arg === '--at' ? argv[++i] : usage(`Unknown argument ${arg}`);
    if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) usage(`--at needs an ISO instant, got ${value ?? 'nothing'}`);
    at = new Date(Date.parse(value)).toISOString();
  }
  return { at };
}

async function tableExists(endpoint: string | undefined, tableName: string): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region: 'ap-northeast-1', credentials: endpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (e) {
    if ((e as { name?: string }).name === 'ResourceNotFoundException') return false;
    throw e;
  } finally {
    client.destroy();
  }
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export function report(summary: ReminderSummary): string {
  const lines: string[] = [];
  lines.push(`Reminders at ${summary.at} (Asia/Tokyo ${new Date(Date.parse(summary.at) + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')})`);
  lines.push('');
  const header = ['', 'kind', 'addressee', 'due', 'stage', 'subject', 'article'];
  const widths = [1, 23, 16, 10, 11, 48, 16];
  const row = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ');
  lines.push(row(header));
  lines.push(row(widths.map((w) => '-'.repeat(w))));
  for (const n of summary.notices) {
    lines.push(row([n.new ? '+' : ' ', n.kind, n.addresseeId, n.dueOn, n.stage, `${n.subjectType} ${n.subjectId}`, n.article]));
    lines.push(`${' '.repeat(widths[0] + 2)}${n.message}`);
  }
  if (summary.notices.length === 0) lines.push('(nothing due)');
  for (const item of summary.unaddressed ? summary.unaddressedItems : []) {
    const to = 'role' in item.to ? `${item.to.role}${item.to.departmentId ? ` of ${item.to.departmentId}` : ''}` : item.to.personId;
    lines.push(row(['!', item.kind, '(nobody)', item.dueOn, item.stage, `${item.subjectType} ${item.subjectId}`, `nobody holds ${to}`]));
  }
  lines.push('');
  for (const d of summary.digests) lines.push(`${d.new ? '+' : ' '}  DAILY_DIGEST to ${d.addresseeId}: ${d.title}`);
  if (summary.digests.length === 0) lines.push('(no digest: nothing recorded today)');
  lines.push('');
  lines.push(`found: ${REMINDER_KINDS.map((k) => `${k} ${summary.found[k]}`).join(', ')}`);
  lines.push(`notices: ${summary.written} written (+), ${summary.alreadyRecorded} already recorded, ${summary.unaddressed} unaddressed (!)`);
  lines.push(`digests (one mail a person): ${summary.digestsWritten} written (+), ${summary.digests.length - summary.digestsWritten} already recorded`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { at } = parseArgs(process.argv.slice(2));
  const started = process.env.DYNAMODB_ENDPOINT ? undefined : await useLocalEngine();
  try {
    const config = configFromEnv();
    if (!(await tableExists(config.endpoint, config.tableName))) {
      throw new Error(`Table ${config.tableName} does not exist: run \`npm start\` once to create it and seed the demo city.`);
    }
    const summary = await runReminders(new Store(config), at, (level, message, fields) => {
      if (level !== 'info') console.error(`${level}: ${message} ${JSON.stringify(fields ?? {})}`);
    });
    console.log(report(summary));
  } finally {
    await started?.stop();
  }
}

if (require.main === module) runCommand(main);
