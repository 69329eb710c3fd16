/**
 * `npm run export -- <register> <file> [--as <person id>] [--dates wareki|iso] [--department <code>] [--object <id>]
 * [--person <id>] [--status <s,s>] [--category <c>] [--network <n>] [--text <words>] [--order-by REGISTERED|NAME]
 * [--direction ASC|DESC]`: a register of the local city (.data/, made by `npm start`) to an .xlsx or .csv file, as the person
 * named would download it (their read rules; the system administrator by default). While `npm start` runs, it uses
 * that server's DynamoDB Local; otherwise it starts the engine on the same data folder for the run.
 */
import 'reflect-metadata';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createContext } from '../api/server';
import { Refusal } from '../domain/refusal';
import { configFromEnv } from '../store/client';
import { DATE_STYLES, DateStyle, ExportFilters } from '../export/columns';
import { FORMATS, Format, REGISTERS, exportRegister, isRegister } from '../export/export';
import { useLocalEngine } from './dynamoLocal';
import { runCommand } from './command';

const USAGE = `Usage: npm run export -- <${Object.keys(REGISTERS).join('|')}> <file.xlsx|file.csv> [--as <person id>] [--dates wareki|iso] [--department <code>] [--object <global id>] [--person <id>] [--status <s,s>] [--category <c>] [--network <n>] [--text <words>] [--order-by REGISTERED|NAME] [--direction ASC|DESC]`;

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

export function parseArgs(argv: string[]): { register: keyof typeof REGISTERS; file: string; format: Format; as: string; dates: DateStyle; filters: ExportFilters } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) positional.push(arg);
    else if (['--as', '--dates', '--department', '--object', '--person', '--status', '--category', '--network', '--text', '--order-by', '--direction'].includes(arg) && argv[i + 1]) named[arg.slice(2)] = argv[++i];
    else usage(`不明な引数です / Unknown argument: ${arg}`);
  }
  const [register, file] = positional;
  if (!register || !isRegister(register)) usage(`台帳の名前が正しくありません / Unknown register: ${register ?? '(none)'}`);
  const format = file?.split('.').pop()?.toLowerCase() ?? '';
  if (!file || !(FORMATS as readonly string[]).includes(format)) usage('ファイル名は .xlsx 又は .csv で終えてください / The file ends in .xlsx or .csv');
  const dates = (named.dates ?? 'wareki').toUpperCase();
  if (!(DATE_STYLES as readonly string[]).includes(dates)) usage('--dates は wareki 又は iso です / --dates is wareki or iso');
  return {
    register,
    file,
    format: format as Format,
    as: named.as ?? 'soumu-director',
    dates: dates as DateStyle,
    filters: {
      departmentId: named.department,
      objectId: named.object,
      personId: named.person,
      status: named.status,
      category: named.category,
      network: named.network,
      text: named.text,
      orderBy: named['order-by'],
      direction: named.direction,
    },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = process.env.DYNAMODB_ENDPOINT ? undefined : await useLocalEngine();
  try {
    const ctx = await createContext({ personId: args.as }, configFromEnv(), randomUUID(), 'ja');
    if (ctx.rejection) throw new Error(ctx.rejection.message);
    const at = Date.now();
    const { rows } = await exportRegister(ctx, args.register, { format: args.format, dates: args.dates, filters: args.filters }, createWriteStream(args.file));
    console.log(`${REGISTERS[args.register].title}: ${rows}行を ${args.file} に書き出しました(${Date.now() - at} ms)。`);
  } catch (e) {
    if (e instanceof Refusal) throw new Error(`${e.ja}${e.article ? `(${e.article})` : ''}`);
    throw e;
  } finally {
    await started?.stop();
  }
}

if (require.main === module) runCommand(main);
