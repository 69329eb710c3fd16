/**
 * `npm run import -- <departments|people|roles|systems|datasets|dataUse> <file.csv|file.xlsx> --as <person id> [--apply] [--aws]`:
 * brings the city's organisation register, and the ledger of its systems, their data and the approvals of its use in
 * force (附則第3項), in from its files (functions/import). First, without `--apply`, a dry run: every row
 * checked by the API's rules, each problem listed by row, column and Japanese message, nothing written. With
 * `--apply` and no problem, each row not yet on record is written with its audit event (by the person `--as`, who must
 * keep the register: the system administrator or the general manager, 第4条; what the former rules decided, the system
 * administrator); the same file twice adds nothing.
 * Locally it uses the table of `npm start` (its running DynamoDB Local, or one started on its data for the run);
 * with `--aws`, the table TABLE_NAME in AWS_REGION with the credentials of the environment.
 */
import 'reflect-metadata';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { terminalProgress } from './progress';
import { importSheet, ImportReport, REGISTERS, Register } from '../import/registers';
import { readSheet } from '../import/read';
import { useLocalEngine } from '../local/dynamoLocal';
import { configFromEnv } from '../store/client';
import { getPersonWithRoles } from '../store/people';
import { Store } from '../store/store';

const USAGE = `使い方 / Usage: npm run import -- <${REGISTERS.join('|')}> <ファイル.csv|.xlsx> --as <職員ID> [--apply] [--aws]`;

export function parseArgs(argv: string[]): { register: Register; file: string; as: string; apply: boolean; aws: boolean } {
  const positional: string[] = [];
  let as: string | undefined;
  let apply = false;
  let aws = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--apply') apply = true;
    else if (a === '--aws') aws = true;
    else if (a === '--as') as = argv[++i];
    else if (a.startsWith('--as=')) as = a.slice(5);
    else if (a.startsWith('--')) throw new Error(`${USAGE}\n不明な引数 / unknown argument: ${a}`);
    else positional.push(a);
  }
  const [register, file] = positional;
  if (!(REGISTERS as readonly string[]).includes(register ?? '')) throw new Error(`${USAGE}\n登録簿は ${REGISTERS.join(' / ')} のいずれかです / the register is one of ${REGISTERS.join(', ')}`);
  if (!file) throw new Error(`${USAGE}\nファイルを指定してください / give the file`);
  if (!as) throw new Error(`${USAGE}\n--as で取り込む職員(情報システム管理者など)を指定してください / name who imports with --as`);
  return { register: register as Register, file, as, apply, aws };
}

export function describe(report: ImportReport, apply: boolean): string {
  const lines = [`${report.register}: ${report.rows} 行 / rows`];
  for (const p of report.problems) lines.push(`  ${p.line}行目${p.column ? `「${p.column}」` : ''}: ${p.message}`);
  if (report.problems.length) {
    lines.push(`問題 ${report.problems.length} 件。何も書き込んでいません / ${report.problems.length} problem(s): nothing written.`);
  } else if (apply) {
    lines.push(`書き込み ${report.written} 行、登録済み ${report.already} 行 / written ${report.written}, already on record ${report.already}.`);
  } else {
    lines.push(`問題なし(試行)。書き込む行 ${report.toWrite}、登録済み ${report.already}。--apply で書き込みます / no problems (dry run): ${report.toWrite} to write, ${report.already} already on record; --apply writes them.`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = args.aws || process.env.DYNAMODB_ENDPOINT ? undefined : await useLocalEngine();
  try {
    const store = new Store(configFromEnv());
    const actor = await getPersonWithRoles(store, args.as);
    if (!actor) throw new Error(`職員 ${args.as} は登録されていません / ${args.as} is not registered`);
    const sheet = await readSheet(args.file);
    console.log(`${args.file} (${sheet.encoding}): ${sheet.columns.join(', ')}`);
    const line = terminalProgress();
    const progress = line && ((done: number, total: number, problems: number) => line.show(`${done}/${total} 行、問題 ${problems} 件`));
    const report = await importSheet(store, args.register, sheet, { actor: { person: actor.person, roles: actor.roles }, apply: args.apply, now: new Date().toISOString(), progress });
    line?.done();
    console.log(describe(report, args.apply));
    return report.problems.length ? 1 : 0;
  } finally {
    await started?.stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(2);
    },
  );
}
