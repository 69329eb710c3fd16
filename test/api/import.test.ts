/**
 * The city's registers imported from its files (npm run import), against DynamoDB Local: an empty city with only its
 * first administrator takes the sample files — the organisation (departments.csv in UTF-8 with BOM, people.csv in
 * Shift_JIS as Excel writes it, roles.xlsx), then what the former rules decided (附則第3項: systems.csv in Shift_JIS,
 * datasets.csv, dataUse.xlsx) — first a dry run with no problem that writes nothing, then for real,
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
import { signLocalToken } from '../../functions/api/auth';
import { CARRIED_OVER_GRANT_NOTE } from '../../functions/domain/dataUse';
import { Register, importSheet } from '../../functions/import/registers';
import { decodeCsv, readSheet } from '../../functions/import/read';
import { configFromEnv } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/createTable';
import { getDataUse, getDataset } from '../../functions/store/data';
import { getPersonWithRoles } from '../../functions/store/people';
import { Store, documentClient } from '../../functions/store/store';
import { getSystem } from '../../functions/store/systems';
import { gid, v2Event } from '../support/api';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const SAMPLES = join(root, 'samples', 'organisation');
const SYSTEMS = join(root, 'samples', 'systems');
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
const auditEvents = async () => {
  const out = await documentClient(configFromEnv()).send(new ScanCommand({ TableName: process.env.TABLE_NAME, ConsistentRead: true }));
  return (out.Items ?? []).filter((i) => i.entity === 'AuditEvent');
};
/** A file of the city's, written for one test. */
const csv = (name: string, lines: string[]) => {
  const file = join(mkdtempSync(join(tmpdir(), 'import-')), name);
  writeFileSync(file, lines.join('\n'));
  return file;
};
/** The problems of a file applied, having checked that nothing of it was written. */
const refused = async (register: Register, file: string) => {
  const before = await everything();
  const report = await importFile(register, file, true);
  expect(report.written).toBe(0);
  expect(await everything()).toEqual(before);
  return report.problems;
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
  const file = join(SYSTEMS, 'systems.csv');

  it('comes in as decided and installed under the former rules, with its departments, responsibilities and documents, noted as such; a second run adds nothing', async () => {
    const before = await everything();
    expect(await importFile('systems', file, false)).toMatchObject({ rows: 5, problems: [], toWrite: 5 });
    expect(await everything()).toEqual(before);
    expect(await importFile('systems', file, true)).toMatchObject({ problems: [], written: 5 });
    expect(await getSystem(store, 'juumin')).toMatchObject({
      name: '住民情報システム',
      category: 'BUSINESS',
      network: 'INTERNAL',
      purposes: ['CITIZEN_WELFARE', 'EFFICIENCY'],
      owningDepartmentId: 'shimin',
      status: 'INSTALLED',
      decidedAt: '2004-03-14T15:00:00.000Z',
      installedAt: '2004-09-30T15:00:00.000Z',
      processingDepartmentIds: ['shimin'],
      maintenance: { departmentId: 'shimin', basis: 'PROCESSING_DEPARTMENT', assignedBy: 'soumu-director' },
      documents: [
        { kind: 'DESIGN', title: '住民情報システム設計書', location: '市民課書庫' },
        { kind: 'OPERATIONS_MANUAL', title: '住民情報システム運用マニュアル', location: '市民課書庫' },
      ],
    });
    // 第10条第2項: two departments process its work, so no default; 第23条第3項: the cost borne by agreement.
    expect(await getSystem(store, 'kenshin')).toMatchObject({
      processingDepartmentIds: ['kenkou', 'shimin'],
      maintenance: { departmentId: 'kenkou', basis: 'PROCESSING_DEPARTMENT' },
      costBearing: { departmentId: 'zaisei', basis: 'AGREED_OVERRIDE', override: { agreedOn: '2014-12-01', reference: '財第102号', consentedBy: 'soumu-director' } },
    });
    // 第10条第1項・第23条第1項: a 情報系 system's departments are designated by the system administrator.
    expect(await getSystem(store, 'homepage')).toMatchObject({ processingDepartmentIds: [], maintenance: { departmentId: 'digital', basis: 'DESIGNATED' }, costBearing: { departmentId: 'digital', basis: 'DESIGNATED' } });
    expect(await getSystem(store, 'groupware')).toMatchObject({ status: 'DECIDED', category: 'INFORMATION', documents: [{ kind: 'DESIGN', title: '庁内グループウェア基本設計書' }] });
    const events = (await auditEvents()).filter((e) => e.objectId === 'kenshin');
    expect(events).toEqual([expect.objectContaining({ action: 'system.carriedOver', article: '附則第3項', actorId: 'soumu-director', note: expect.stringContaining('附則第3項により') })]);
    const after = await everything();
    expect(await importFile('systems', file, true)).toMatchObject({ problems: [], toWrite: 0, already: 5, written: 0 });
    expect(await everything()).toEqual(after);
  });

  it('bad rows: a category that is neither 情報系 nor 業務系, a purpose not of 第6条, an installation before its decision', async () => {
    const file = csv('systems.csv', [
      'システムID,システム名,概要,区分,ネットワーク,目的,所管課,状態,決定日,設置日',
      'kaigi,会議室予約,,その他,内部,事務の効率化,soumu,設置済,2020-04-01,2020-05-01',
      'kyuyo,給与システム,,業務系,内部,給与計算,soumu,設置済,2020-04-01,2020-05-01',
      'bunsho,文書管理,,業務系,内部,事務の効率化,soumu,設置済,2020-04-01,2019-05-01',
    ]);
    expect(await refused('systems', file)).toEqual([
      { line: 2, column: '区分', message: '「区分」は 情報系・業務系 のいずれかです(「その他」)。' },
      { line: 3, column: '目的', message: expect.stringContaining('「目的」は 市民福祉の向上・労働の軽減・経費の節減・事務の効率化') },
      { line: 4, column: '設置日', message: '設置済のシステムには、決定日以後の設置日を入力してください。' },
    ]);
  });

  it('bad rows: processing departments, maintenance, cost bearing and documents the domain refuses, and a system on record with other content', async () => {
    const head = 'システムID,システム名,概要,区分,ネットワーク,目的,所管課,状態,決定日,設置日,処理課,保守,経費負担,文書';
    const file = csv('systems.csv', [
      head,
      'kyuyo,給与システム,,業務系,内部,事務の効率化,soumu,設置済,2020-04-01,2020-05-01,soumu、jinji,,,',
      'kaigi,会議室予約,,情報系,内部,事務の効率化,soumu,設置済,2020-04-01,2020-05-01,,soumu(処理課),,',
      'bunsho,文書管理,,業務系,内部,事務の効率化,soumu,設置済,2020-04-01,2020-05-01,soumu,,digital(処理課),',
      'gikai,議会中継,,業務系,外部,市民福祉の向上,soumu,設置済,2020-04-01,2020-05-01,,,digital(協議),',
      'senkyo,選挙システム,,業務系,内部,事務の効率化,soumu,設置済,2020-04-01,2020-05-01,,,,仕様書:選挙システム仕様書',
      'shisetsu,施設予約,,情報系,外部,市民福祉の向上,soumu,設置済,2020-04-01,2020-05-01,soumu,,,',
      'juumin,住民情報システム,住民基本台帳・印鑑登録の事務。,業務系,内部,市民福祉の向上、事務の効率化,shimin,設置済,2004-03-15,2004-10-01,shimin,shimin,zaisei(協議 2004-03-01 財第1号),',
    ]);
    expect(await refused('systems', file)).toEqual([
      { line: 2, column: '処理課', message: '課コード jinji の主管課は登録されていません。' },
      { line: 3, column: '保守', message: '情報系システムの担当課は指定によって定まり、処理する業務からは定まりません。' },
      { line: 4, column: '経費負担', message: '担当課は、システムが処理する業務を所管する主管課としてください。' },
      { line: 5, column: '経費負担', message: expect.stringContaining('別の区分には、デジタル推進課長、財政課長及び情報管理責任者の協議') },
      { line: 6, column: '文書', message: '「文書」は 設計書・操作手順・運用マニュアル・その他 のいずれかです(「仕様書」)。' },
      { line: 7, column: '処理課', message: expect.stringContaining('「処理課」は業務系システムについて記録します') },
      {
        line: 8,
        column: '経費負担',
        message: 'システムID juumin は登録済みで、内容が異なります: 「経費負担」登録済み「shimin(処理課)」、ファイル「zaisei(協議 2004-03-01 財第1号)」/「文書」登録済み「設計書:住民情報システム設計書@市民課書庫、運用マニュアル:住民情報システム運用マニュアル@市民課書庫」、ファイル「」。',
      },
    ]);
  });
});

describe('the data the systems hold, and the approvals of its use in force (附則第3項, 第14条)', () => {
  it('datasets then approvals: dry runs with no problem write nothing; applied, each with its audit event; a second run adds nothing', async () => {
    const before = await everything();
    expect(await importFile('datasets', join(SYSTEMS, 'datasets.csv'), false)).toMatchObject({ rows: 3, problems: [], toWrite: 3 });
    expect(await everything()).toEqual(before);
    expect(await importFile('datasets', join(SYSTEMS, 'datasets.csv'), true)).toMatchObject({ problems: [], written: 3 });
    expect(await getDataset(store, 'juumin-kihon')).toMatchObject({ systemId: 'juumin', departmentId: 'shimin', name: '住民基本台帳データ', containsPersonalInformation: true });

    const sheet = await readSheet(join(SYSTEMS, 'dataUse.xlsx'));
    expect(sheet.rows[0].cells).toMatchObject({ 承認ID: 'kenkou-juumin-2024', 開始日: '2024-04-01', 終了日: '2031-03-31', 承認日: '2024-03-15' });
    const between = await everything();
    expect(await importFile('dataUse', join(SYSTEMS, 'dataUse.xlsx'), false)).toMatchObject({ rows: 2, problems: [], toWrite: 2, written: 0 });
    expect(await everything()).toEqual(between);
    expect(await importFile('dataUse', join(SYSTEMS, 'dataUse.xlsx'), true)).toMatchObject({ problems: [], written: 2 });
    expect(await getDataUse(store, 'kenkou-juumin-2024')).toMatchObject({
      form: 'FORM_6',
      status: 'APPROVED',
      datasetId: 'juumin-kihon',
      owningDepartmentId: 'shimin',
      requestingDepartmentId: 'kenkou',
      items: ['氏名', '住所', '生年月日', '性別'],
      period: { from: '2024-04-01', until: '2031-03-31' },
      legalBasis: '健康増進法第19条の2',
      decision: { outcome: 'APPROVED', decidedBy: 'soumu-director', decidedAt: '2024-03-14T15:00:00.000Z', reason: expect.stringContaining('市民第1234号'), conditions: ['目的外の利用をしないこと', '利用期間の終了後に消去すること'] },
    });
    const events = (await auditEvents()).filter((e) => e.objectId === 'kenkou-juumin-2024' || e.objectId === 'juumin-kihon');
    expect(events.map((e) => [e.objectId, e.action, e.article, e.actorId])).toEqual(
      expect.arrayContaining([
        ['juumin-kihon', 'dataset.carriedOver', '附則第3項', 'soumu-director'],
        ['kenkou-juumin-2024', 'dataUse.carriedOver', '附則第3項', 'soumu-director'],
      ]),
    );
    expect(events.find((e) => e.action === 'dataUse.carriedOver')?.note).toBe(CARRIED_OVER_GRANT_NOTE);

    const after = await everything();
    expect(await importFile('datasets', join(SYSTEMS, 'datasets.csv'), true)).toMatchObject({ problems: [], already: 3, written: 0 });
    expect(await importFile('dataUse', join(SYSTEMS, 'dataUse.xlsx'), true)).toMatchObject({ problems: [], already: 2, written: 0 });
    expect(await everything()).toEqual(after);
  });

  it('第14条: the grant carried over is in force through the API — the using department sees it among its grants today', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require('../../functions/api/handler') as { handler: (e: unknown, c: unknown) => Promise<{ body?: string }> };
    const token = await signLocalToken('kenkou-manager', process.env.LOCAL_JWT_SECRET as string);
    const query = '{ dataUseGrants(first: 10) { nodes { id current status dataset { name } owningDepartment { name } decision { conditions } } } }';
    const result = await handler(v2Event({ body: JSON.stringify({ query }), headers: { authorization: `Bearer ${token}` } }), { getRemainingTimeInMillis: () => 10_000 });
    const body = JSON.parse(result.body ?? '{}');
    expect(body.errors).toBeUndefined();
    expect(body.data.dataUseGrants.nodes).toEqual([
      { id: gid('DataUseApplication', 'kenkou-juumin-2024'), current: true, status: 'APPROVED', dataset: { name: '住民基本台帳データ' }, owningDepartment: { name: '市民課' }, decision: { conditions: ['目的外の利用をしないこと', '利用期間の終了後に消去すること'] } },
    ]);
  });

  it('bad rows: a period ending before it starts, one already ended, the department’s own data, a dataset not registered, an approval on record with other content — nothing written', async () => {
    const head = '承認ID,データID,利用課,利用目的,利用項目,根拠法令,開始日,終了日,承認日,文書番号,条件';
    const file = csv('dataUse.csv', [
      head,
      'a-reversed,juumin-kihon,kenkou,健診の案内,氏名,健康増進法,2027-04-01,2026-03-31,2024-03-15,,',
      'a-ended,juumin-kihon,kenkou,健診の案内,氏名,健康増進法,2020-04-01,2021-03-31,2020-03-15,,',
      'a-own,juumin-kihon,shimin,窓口の案内,氏名,住民基本台帳法,2024-04-01,2031-03-31,2024-03-15,,',
      'a-missing,kokuho-kiroku,kenkou,健診の案内,氏名,健康増進法,2024-04-01,2031-03-31,2024-03-15,,',
      'a-later,zaimu-shikkou,soumu,予算の報告,予算科目,白石市財務規則,2024-04-01,2031-03-31,2999-01-01,,',
      'soumu-zaimu-2025,zaimu-shikkou,soumu,予算執行状況の庁議への報告,予算科目、配当額、執行額,白石市財務規則,2025-04-01,2032-03-31,2025-03-28,,',
    ]);
    expect(await refused('dataUse', file)).toEqual([
      { line: 2, column: '終了日', message: '期間の終了日が開始日より前になっています。' },
      { line: 3, column: '終了日', message: '利用期間が終了しています。取り込むのは現に効力のある承認のみです。' },
      { line: 4, column: 'データID', message: expect.stringContaining('自課で所管するデータは申請せずに利用できます') },
      { line: 5, column: 'データID', message: 'データID kokuho-kiroku のデータは登録されていません(先に datasets を取り込んでください)。' },
      { line: 6, column: '承認日', message: '承認日を、今日以前の日付 (YYYY-MM-DD) で入力してください。' },
      { line: 7, column: '終了日', message: '承認ID soumu-zaimu-2025 は登録済みで、内容が異なります: 「終了日」登録済み「2031-03-31」、ファイル「2032-03-31」。' },
    ]);
  });

  it('第4条: only the system administrator brings in what the former rules decided', async () => {
    const manager = await getPersonWithRoles(store, 'kenkou-manager');
    const file = csv('datasets.csv', ['データID,システムID,データ名,概要,個人情報', 'kenshin-yobou,kenshin,予防接種記録,,有']);
    const report = await importSheet(store, 'datasets', await readSheet(file), { actor: { person: manager!.person, roles: manager!.roles }, apply: true, now: new Date().toISOString() });
    expect(report.problems).toEqual([{ line: 2, message: '旧規程による決定・措置の台帳の取込みは情報システム管理者が行います。' }]);
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
    const grants = await run(process.execPath, [join(root, 'dist', 'functions', 'admin', 'import.js'), 'dataUse', join(SYSTEMS, 'dataUse.xlsx'), '--as', 'soumu-director'], { cwd: root, env });
    expect(grants.stdout).toContain('問題なし(試行)。書き込む行 0、登録済み 2');
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const bad = join(dir, 'departments.csv');
    writeFileSync(bad, '課名,部\n会計課,会計管理者\n');
    await expect(run(process.execPath, [join(root, 'dist', 'functions', 'admin', 'import.js'), 'departments', bad, '--as', 'soumu-director', '--apply'], { cwd: root, env })).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('1行目「課コード」: 列「課コード」がありません。'),
    });
  });
});
