/**
 * The city's organisation register imported from its files (npm run import), against DynamoDB Local: an empty city
 * with only its first administrator takes the sample files (departments.csv in UTF-8 with BOM, people.csv in
 * Shift_JIS as Excel writes it, roles.xlsx) — first a dry run with no problem that writes nothing, then for real,
 * each row with its audit event; a second run adds nothing; a file with bad rows is refused row by row, by column, in
 * Japanese, and nothing of it is written.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { bootstrap } from '../../functions/admin/bootstrap';
import { Register, importSheet } from '../../functions/import/registers';
import { decodeCsv, readSheet } from '../../functions/import/read';
import { configFromEnv } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/createTable';
import { getPersonWithRoles } from '../../functions/store/people';
import { Store, documentClient } from '../../functions/store/store';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const SAMPLES = join(root, 'samples', 'organisation');
const saved = process.env.TABLE_NAME;
let store: Store;

beforeAll(async () => {
  process.env.TABLE_NAME = `t-${randomUUID()}`;
  await ensureTable(configFromEnv(), { stream: false });
  store = new Store(configFromEnv());
  await bootstrap(store, { personId: 'soumu-director', name: '佐藤 健一', title: '総務部長', departmentCode: 'soumu', departmentName: '総務課', division: '総務部' }, new Date().toISOString());
});
afterAll(() => {
  process.env.TABLE_NAME = saved;
});

const everything = async () => {
  const out = await documentClient(configFromEnv()).send(new ScanCommand({ TableName: process.env.TABLE_NAME, ConsistentRead: true }));
  return (out.Items ?? []).map((i) => `${i.pk}|${i.sk}|${i.version ?? ''}`).sort();
};
const admin = async () => {
  const a = await getPersonWithRoles(store, 'soumu-director');
  return { person: a!.person, roles: a!.roles };
};
const importFile = async (register: Register, file: string, apply: boolean) =>
  importSheet(store, register, await readSheet(file), { actor: await admin(), apply, now: new Date().toISOString() });

describe('reading the files as Excel in Japan writes them', () => {
  it('UTF-8 with BOM, Shift_JIS, and .xlsx (dates as calendar dates)', async () => {
    expect((await readSheet(join(SAMPLES, 'departments.csv'))).encoding).toBe('UTF-8');
    const people = await readSheet(join(SAMPLES, 'people.csv'));
    expect(people.encoding).toBe('Shift_JIS');
    expect(people.rows[0]).toEqual({ line: 2, cells: { 職員ID: 'fuku-shichou', 氏名: '白石 一郎', 職名: '副市長', 課コード: 'tokubetsu', メールアドレス: 'fuku-shichou@city.shiroishi.example' } });
    const roles = await readSheet(join(SAMPLES, 'roles.xlsx'));
    expect(roles.rows[0]).toEqual({ line: 2, cells: { 職員ID: 'fuku-shichou', 役割: '総括管理責任者', 課コード: '', 開始日: '2023-04-01', 終了日: '' } });
    expect(decodeCsv(Buffer.from('課コード,課名\n', 'utf8')).encoding).toBe('UTF-8');
  });
});

describe('the sample organisation into an empty city', () => {
  it('dry runs with no problem and write nothing; then each file for real, in order; a second run adds nothing', async () => {
    const before = await everything();
    const dry = await importFile('departments', join(SAMPLES, 'departments.csv'), false);
    expect(dry).toMatchObject({ rows: 6, problems: [], toWrite: 5, already: 1, written: 0 }); // 総務課 came with the administrator
    expect(await everything()).toEqual(before);

    for (const [register, file, rows] of [['departments', 'departments.csv', 5], ['people', 'people.csv', 8], ['roles', 'roles.xlsx', 10]] as const) {
      const checked = await importFile(register, join(SAMPLES, file), false);
      expect(checked.problems).toEqual([]);
      const applied = await importFile(register, join(SAMPLES, file), true);
      expect(applied).toMatchObject({ problems: [], written: rows });
    }
    const manager = await getPersonWithRoles(store, 'shimin-manager');
    expect(manager?.roles).toEqual([expect.objectContaining({ role: 'INFORMATION_MANAGER', departmentId: 'shimin', validFrom: '2023-04-01' })]);

    const after = await everything();
    for (const [register, file] of [['departments', 'departments.csv'], ['people', 'people.csv'], ['roles', 'roles.xlsx']] as const) {
      expect(await importFile(register, join(SAMPLES, file), true)).toMatchObject({ problems: [], toWrite: 0, written: 0 });
    }
    expect(await everything()).toEqual(after);
  });

  it('each imported row has its audit event, by the administrator, noted as an import', async () => {
    const out = await documentClient(configFromEnv()).send(new ScanCommand({ TableName: process.env.TABLE_NAME, ConsistentRead: true }));
    const events = (out.Items ?? []).filter((i) => i.entity === 'AuditEvent' && i.objectId === 'shimin-manager');
    expect(events.map((e) => [e.action, e.actorId, e.note])).toEqual(
      expect.arrayContaining([
        ['person.created', 'soumu-director', '登録簿の取込み(npm run import)'],
        ['role.assigned', 'soumu-director', '登録簿の取込み(npm run import)'],
      ]),
    );
  });
});

describe('the ledger of systems the city already runs (附則第3項)', () => {
  it('comes in as decided and installed under the former rules, noted as such; a second run adds nothing', async () => {
    const file = join(root, 'samples', 'systems', 'systems.csv');
    expect(await importFile('systems', file, false)).toMatchObject({ rows: 5, problems: [], toWrite: 5 });
    expect(await importFile('systems', file, true)).toMatchObject({ problems: [], written: 5 });
    const { getSystem } = await import('../../functions/store/systems');
    expect(await getSystem(store, 'juumin')).toMatchObject({
      name: '住民情報システム',
      category: 'BUSINESS',
      network: 'INTERNAL',
      purposes: ['CITIZEN_WELFARE', 'EFFICIENCY'],
      owningDepartmentId: 'shimin',
      status: 'INSTALLED',
      decidedAt: '2004-03-14T15:00:00.000Z',
      installedAt: '2004-09-30T15:00:00.000Z',
    });
    expect(await getSystem(store, 'groupware')).toMatchObject({ status: 'DECIDED', category: 'INFORMATION' });
    const out = await documentClient(configFromEnv()).send(new ScanCommand({ TableName: process.env.TABLE_NAME, ConsistentRead: true }));
    const event = (out.Items ?? []).find((i) => i.entity === 'AuditEvent' && i.objectId === 'juumin');
    expect(event).toMatchObject({ action: 'system.carriedOver', article: '附則第3項', actorId: 'soumu-director', note: expect.stringContaining('附則第3項により') });
    expect(await importFile('systems', file, true)).toMatchObject({ problems: [], toWrite: 0, already: 5, written: 0 });
  });

  it('bad rows: a category that is neither 情報系 nor 業務系, a purpose not of 第6条, an installation before its decision', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'systems.csv');
    writeFileSync(file, [
      'システムID,システム名,概要,区分,ネットワーク,目的,所管課,状態,決定日,設置日',
      'kaigi,会議室予約,,その他,内部,事務の効率化,soumu,設置済,2020-04-01,2020-05-01',
      'kyuyo,給与システム,,業務系,内部,給与計算,soumu,設置済,2020-04-01,2020-05-01',
      'bunsho,文書管理,,業務系,内部,事務の効率化,soumu,設置済,2020-04-01,2019-05-01',
    ].join('\n'));
    const before = await everything();
    expect((await importFile('systems', file, true)).problems).toEqual([
      { line: 2, column: '区分', message: '「区分」は 情報系・業務系 のいずれかです(「その他」)。' },
      { line: 3, column: '目的', message: expect.stringContaining('「目的」は 市民福祉の向上・労働の軽減・経費の節減・事務の効率化') },
      { line: 4, column: '設置日', message: '設置済のシステムには、決定日以後の設置日を入力してください。' },
    ]);
    expect(await everything()).toEqual(before);
  });
});

describe('a file with bad rows is refused row by row, and nothing of it is written', () => {
  it('people: an unknown department, a bad mail address, a duplicate, a missing name — each by row and column, in Japanese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'people.csv');
    writeFileSync(file, ['職員ID,氏名,職名,課コード,メールアドレス', 'kaikei-staff,会計 一郎,,kaikei,', 'new-person,新 花子,,shimin,not-an-address', 'new-person,新 花子,,shimin,', 'no-name,,,shimin,', 'good-person,良 太郎,,shimin,'].join('\n'));
    const before = await everything();
    const report = await importFile('people', file, true);
    expect(report.problems).toEqual([
      { line: 2, column: '課コード', message: '課コード kaikei の主管課は登録されていません(先に departments を取り込んでください)。' },
      { line: 3, column: 'メールアドレス', message: 'メールアドレスの形式で入力してください。' },
      { line: 4, message: '3行目と同じものです(重複)。' },
      { line: 5, column: '氏名', message: '「氏名」を入力してください。' },
    ]);
    expect(report.written).toBe(0);
    expect(await everything()).toEqual(before);
  });

  it('roles: a second holder of a one-holder role (第5条) and a role the regulation does not name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'roles.csv');
    writeFileSync(file, ['職員ID,役割,課コード,開始日,終了日', 'shimin-staff,情報管理責任者,shimin,2026-04-01,', 'shimin-staff,係長,shimin,2026-04-01,', 'shimin-staff,職員等,shimin,2026/04/01,'].join('\n'));
    const report = await importFile('roles', file, true);
    expect(report.problems).toEqual([
      { line: 2, column: '開始日', message: expect.stringContaining('情報管理責任者は一人が充てられる役割です') },
      { line: 3, column: '役割', message: expect.stringContaining('役割「係長」は規程の役割ではありません') },
      { line: 4, column: '開始日', message: expect.stringContaining('開始日') },
    ]);
  });

  it('the command: a dry run prints each problem and exits 1; the sample files pass and print what they would write', async () => {
    const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const ok = await run(process.execPath, [join(root, 'dist', 'functions', 'admin', 'import.js'), 'departments', join(SAMPLES, 'departments.csv'), '--as', 'soumu-director'], { cwd: root, env });
    expect(ok.stdout).toContain('問題なし(試行)。書き込む行 0、登録済み 6');
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const bad = join(dir, 'departments.csv');
    writeFileSync(bad, '課名,部\n会計課,会計管理者\n');
    await expect(run(process.execPath, [join(root, 'dist', 'functions', 'admin', 'import.js'), 'departments', bad, '--as', 'soumu-director', '--apply'], { cwd: root, env })).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('1行目「課コード」: 列「課コード」がありません。'),
    });
  });
});
