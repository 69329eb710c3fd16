/**
 * Every register exported to .xlsx and .csv on DynamoDB Local, each file opened with the library that reads it
 * (exceljs, csv-parse) and checked against what the API lists to the same person; the read rules; 和暦 and ISO; the
 * BOM; the HTTP route through the real Lambda handler.
 */
import { PassThrough } from 'node:stream';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { Api, gid, setupApi, v2Event } from '../support/api';
import { createContext } from '../../functions/api/server';
import { configFromEnv } from '../../functions/store/client';
import { Refusal } from '../../functions/domain/refusal';
import { CLAUSES } from '../../functions/domain/externalProvision';
import { DataUseApplication } from '../../functions/domain/dataUse';
import { ExternalProvision } from '../../functions/domain/externalProvision';
import { seedOf, seeded } from '../../functions/local/demo/seedBatch';
import { DateStyle, ExportFilters } from '../../functions/export/columns';
import { Format, REGISTERS, RegisterName, exportRegister } from '../../functions/export/export';

let api: Api;
const now = new Date().toISOString();
const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

const grant: DataUseApplication = {
  id: 'export-grant-1', form: 'FORM_6', title: '健診の受診勧奨のための住民データ利用', datasetId: 'demo-ds-juumin', owningDepartmentId: 'shimin',
  requestingDepartmentId: 'kenkou', purpose: '受診勧奨', items: ['氏名', '住所'], period: { from: day(-30), until: day(300) },
  status: 'APPROVED', applicantId: 'kenkou-manager', version: 1, submittedAt: now,
  decision: { outcome: 'APPROVED', decidedBy: 'shimin-manager', decidedAt: now, conditions: ['目的外利用の禁止'] }, createdAt: now, updatedAt: now,
} as DataUseApplication;

const provision: ExternalProvision = {
  id: 'export-provision-1', form: 'FORM_8', title: '統計調査のための住民データの提供', departmentId: 'shimin', datasetIds: ['demo-ds-juumin'],
  recipient: '宮城県統計課', recipientAbroad: false, includesPersonalInformation: true, purpose: '統計調査, "人口動態"', items: ['年齢', '性別'],
  method: '暗号化した電子媒体', period: { from: day(-10), until: day(100) }, requiredItems: [],
  agreement: { clauses: ['CONFIDENTIALITY', 'NO_COPYING'].map((clause) => ({ clause, text: '定める', recordedBy: 'shimin-manager', recordedAt: now })) as ExternalProvision['agreement']['clauses'] },
  inspectionCount: 0, incidentCount: 0, status: 'APPROVED', applicantId: 'shimin-manager', version: 1, submittedAt: now,
  decision: { outcome: 'APPROVED', decidedBy: 'fuku-shichou', decidedAt: now, conditions: [] }, createdAt: now, updatedAt: now,
} as ExternalProvision;

beforeAll(async () => {
  api = await setupApi();
  const store = api.store();
  for (const b of [seeded(seedOf('DataUseApplication', grant), now, 'export-seed-1'), seeded(seedOf('ExternalProvision', provision), now, 'export-seed-2')]) {
    await store.commit(b.changes, b.events);
  }
});

async function exportAs(personId: string, register: RegisterName, format: Format, filters: ExportFilters = {}, dates: DateStyle = 'WAREKI'): Promise<Buffer> {
  const ctx = await createContext({ personId }, configFromEnv(), randomUUID(), 'ja');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportRegister(ctx, register, { format, dates, filters }, out);
  return Buffer.concat(chunks);
}

async function xlsxRows(file: Buffer): Promise<{ rows: string[][]; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as never);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => (values[i + 1] === undefined || values[i + 1] === null ? '' : String(values[i + 1]))));
  });
  return { rows, sheet };
}

function csvRows(file: Buffer): string[][] {
  return parse(file, { bom: true, relax_column_count: false }) as string[][];
}

/** Both formats of one register, checked to say the same; the rows as objects by heading. */
async function bothFormats(personId: string, register: RegisterName, filters: ExportFilters = {}, dates: DateStyle = 'WAREKI'): Promise<Record<string, string>[]> {
  const [xlsx, csv] = [await exportAs(personId, register, 'xlsx', filters, dates), await exportAs(personId, register, 'csv', filters, dates)];
  const headers = REGISTERS[register].columns.map((c) => c.header);
  const { rows, sheet } = await xlsxRows(xlsx);
  expect(rows[0]).toEqual(headers);
  expect(sheet.getRow(1).font?.bold).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv.toString('utf8')).toMatch(/\r\n$/);
  const fromCsv = csvRows(csv);
  expect(fromCsv).toEqual(rows);
  return rows.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

/** A nested list of every system (or room), asked one parent at a time so each request stays within the call budget. */
async function eachParent(personId: string, list: 'systems' | 'serverRooms', field: string): Promise<any[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const parents = await api.data(personId, `{ ${list}(first: 100) { nodes { id } } }`);
  const out = [];
  for (const { id } of parents[list].nodes) out.push((await api.data(personId, `{ node(id: "${id}") { ... on ${list === 'systems' ? 'System' : 'ServerRoom'} { ${field} } } }`)).node);
  return out;
}

describe('each register to xlsx and csv, as the API lists it', () => {
  it('行政システム台帳: every system, in the order the API lists them, with 和暦 dates', async () => {
    const rows = await bothFormats('shimin-staff', 'systems');
    const api1 = await api.data('shimin-staff', '{ systems(first: 100) { nodes { name category } } }');
    expect(rows.map((r) => r['システム名'])).toEqual(api1.systems.nodes.map((s: { name: string }) => s.name));
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0]['登録日時']).toMatch(/^令和\d+年\d+月\d+日/);
    expect(new Set(rows.map((r) => r['区分']))).toEqual(new Set(['情報系', '業務系']));
  });

  it('行政システム台帳 of one department (departmentId, the global id or the code), and ISO dates', async () => {
    const mine = await api.data('shimin-staff', `{ systems(first: 100, departmentId: "${gid('Department', 'shimin')}") { nodes { name } } }`);
    for (const departmentId of [gid('Department', 'shimin'), 'shimin']) {
      const rows = await bothFormats('shimin-staff', 'systems', { departmentId }, 'ISO');
      expect(rows.map((r) => r['システム名'])).toEqual(mine.systems.nodes.map((s: { name: string }) => s.name));
      expect(rows.every((r) => r['所管課'] === 'shimin')).toBe(true);
      expect(rows[0]['登録日時']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    }
  });

  it('行政システム台帳 as systems(filter, orderBy) lists it: statuses, a category, an order, words of a name', async () => {
    const asked: [ExportFilters, string][] = [
      [{ status: 'INSTALLED,DECIDED', orderBy: 'name', direction: 'desc' }, 'filter: { status: [INSTALLED, DECIDED] }, orderBy: { field: NAME, direction: DESC }'],
      [{ category: 'business', network: 'INTERNAL' }, 'filter: { category: BUSINESS, network: INTERNAL }'],
      [{ text: 'ｼｽﾃﾑ' }, 'filter: { text: "システム" }'],
    ];
    for (const [filters, args] of asked) {
      const listed = await api.data('shimin-staff', `{ systems(first: 100, ${args}) { nodes { name } } }`);
      const rows = await bothFormats('shimin-staff', 'systems', filters);
      expect(rows.map((r) => r['システム名'])).toEqual(listed.systems.nodes.map((s: { name: string }) => s.name));
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it('行政システム台帳: a value no list takes, or words with another condition, refused as the API refuses them', async () => {
    await expect(exportAs('shimin-staff', 'systems', 'csv', { status: 'INSTALLED,RUNNING' })).rejects.toMatchObject({ code: 'INVALID_VALUE', field: ['status'] });
    await expect(exportAs('shimin-staff', 'systems', 'csv', { orderBy: 'DATE' })).rejects.toMatchObject({ code: 'INVALID_VALUE', field: ['orderBy'] });
    await expect(exportAs('shimin-staff', 'systems', 'csv', { text: '住民', category: 'BUSINESS' })).rejects.toMatchObject({ code: 'INVALID_VALUE', field: ['filter', 'text'] });
  });

  it('データ及び利用承認: a row per grant in force, one per dataset without', async () => {
    const rows = await bothFormats('kenkou-staff', 'datasets');
    const listed = await eachParent('kenkou-staff', 'systems', 'datasets(first: 20) { nodes { name currentGrants(first: 3) { nodes { requestingDepartment { name } } } } }');
    const expected = listed.flatMap((s: any) => s.datasets.nodes.flatMap((d: any) => (d.currentGrants.nodes.length ? d.currentGrants.nodes.map((g: any) => `${d.name}|${g.requestingDepartment.name}`) : [`${d.name}|`]))); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(rows.map((r) => `${r['データ名']}|${r['利用課名']}`)).toEqual(expected);
    expect(rows.find((r) => r['利用承認ID'] === grant.id)).toMatchObject({ データ名: '住民基本台帳データ', 利用課: 'kenkou', 利用項目: '氏名、住所', 個人情報: '有' });
  });

  it('データ利用承認一覧: a department’s grants in force, as dataUseGrants', async () => {
    const rows = await bothFormats('kenkou-staff', 'dataUseGrants');
    const listed = await api.data('kenkou-staff', '{ dataUseGrants(first: 100) { nodes { title } } }');
    expect(rows.map((r) => r['件名'])).toEqual(listed.dataUseGrants.nodes.map((g: { title: string }) => g.title));
    expect(rows).toHaveLength(1);
    expect(rows[0]['条件']).toBe('目的外利用の禁止');
    expect(await bothFormats('shimin-staff', 'dataUseGrants')).toEqual([]);
  });

  it('データの外部提供及び協定: 第15条第4項第1号〜第8号 each a column, 有/無 as the agreement states them; quoting kept', async () => {
    const rows = await bothFormats('shimin-staff', 'externalProvisions', {}, 'ISO');
    const listed = await api.data('shimin-staff', '{ externalProvisions(first: 100) { nodes { title purpose } } }');
    expect(rows.map((r) => r['件名'])).toEqual(listed.externalProvisions.nodes.map((p: { title: string }) => p.title));
    const headers = REGISTERS.externalProvisions.columns.map((c) => c.header);
    expect(headers.filter((h) => /^第\d号 /.test(h))).toHaveLength(CLAUSES.length);
    const row = rows.find((r) => r['協議ID'] === provision.id)!;
    expect(row['提供目的']).toBe('統計調査, "人口動態"');
    expect(row['第1号 秘密保持に関する事項']).toBe('有');
    expect(row['第2号 目的外の使用及び第三者への提供の禁止に関する事項']).toBe('無');
    expect(row['第3号 複写又は複製の禁止に関する事項']).toBe('有');
    expect(row['第8号 その他総括管理責任者が必要と認める事項']).toBe('');
    expect(row['提供期間(終了)']).toBe(provision.period.until);
  });

  it('電子メールアドレス台帳: a department’s addresses in use, as mailAddresses', async () => {
    const rows = await bothFormats('digital-contractor', 'mailAddresses');
    const listed = await api.data('digital-contractor', '{ mailAddresses(first: 100) { nodes { address } } }');
    expect(rows.map((r) => r['アドレス'])).toEqual(listed.mailAddresses.nodes.map((m: { address: string }) => m.address));
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each([
    ['操作職員等一覧: who is designated on each system today, as System.operators', 'operators', 'shimin-staff', 'systems', 'operators(first: 50) { nodes { value: person { name } } }', '氏名'],
    ['サーバ室入室記録: every room’s entries, as ServerRoom.entries', 'serverRoomEntries', 'shimin-staff', 'serverRooms', 'entries(first: 50) { nodes { value: purpose } }', '目的'],
    ['ウィルス事案一覧: for the system administrator, as System.virusIncidents', 'virusIncidents', 'soumu-director', 'systems', 'virusIncidents(first: 50) { nodes { value: device } }', '機器'],
  ] as const)('%s', async (_, register, personId, parents, field, column) => {
    const rows = await bothFormats(personId, register);
    const listed = await eachParent(personId, parents, field);
    const expected = listed.flatMap((p) => (Object.values(p)[0] as { nodes: { value: string | { name: string } }[] }).nodes.map((n) => (typeof n.value === 'string' ? n.value : n.value.name)));
    expect(rows.map((r) => r[column])).toEqual(expected);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('監査証跡 of an object, oldest first, as auditTrail(objectId)', async () => {
    const objectId = gid('System', 'demo-juumin');
    const rows = await bothFormats('shimin-staff', 'auditTrail', { objectId });
    const listed = await api.data('shimin-staff', `{ auditTrail(objectId: "${objectId}", first: 100) { nodes { action } } }`);
    expect(rows.map((r) => r['操作'])).toEqual(listed.auditTrail.nodes.map((e: { action: string }) => e.action));
    expect(rows[0]).toMatchObject({ 対象の種類: '行政システム', 操作した者: '佐藤 健一' });
  });
});

describe('the read rules of the API, row by row and register by register', () => {
  it('第26条: a member of staff cannot export virus incidents (FORBIDDEN, citing the article)', async () => {
    const attempt = exportAs('shimin-staff', 'virusIncidents', 'csv');
    await expect(attempt).rejects.toBeInstanceOf(Refusal);
    await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN', article: '第26条' });
  });

  it('第4条: what a person did leaves out events of objects the reader may not read (another department’s mail received, 第28条第2項)', async () => {
    const byAdministrator = await bothFormats('soumu-director', 'auditTrail', { personId: 'shimin-staff' });
    const byGeneralManager = await bothFormats('fuku-shichou', 'auditTrail', { personId: gid('Person', 'shimin-staff') });
    const received = (rows: Record<string, string>[]) => rows.filter((r) => r['対象の種類'] === '電子メールにより受領した文書');
    expect(received(byAdministrator).length).toBeGreaterThan(0);
    expect(received(byGeneralManager)).toEqual([]);
    // Every page of the API's list, as the general manager reads it: the same events.
    const actions: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await api.data('fuku-shichou', `query($p: ID!, $a: String) { auditTrailByPerson(personId: $p, first: 100, after: $a) { nodes { action } pageInfo { endCursor hasNextPage } } }`, { p: gid('Person', 'shimin-staff'), a: after }); // eslint-disable-line @typescript-eslint/no-explicit-any
      actions.push(...page.auditTrailByPerson.nodes.map((e: { action: string }) => e.action));
      after = page.auditTrailByPerson.pageInfo.hasNextPage ? page.auditTrailByPerson.pageInfo.endCursor : null;
    } while (after);
    expect(byGeneralManager.map((r) => r['操作'])).toEqual(actions);
    expect(byAdministrator.length).toBeGreaterThan(byGeneralManager.length);
  });

  it('第4条: another person’s actions are refused to a member of staff', async () => {
    await expect(exportAs('shimin-staff', 'auditTrail', 'xlsx', { personId: 'soumu-director' })).rejects.toMatchObject({ code: 'FORBIDDEN', article: '第4条' });
  });

  it('a filter the register’s list does not take is refused, never ignored', async () => {
    await expect(exportAs('shimin-staff', 'serverRoomEntries', 'csv', { departmentId: 'shimin' })).rejects.toMatchObject({ code: 'INVALID_VALUE' });
  });
});

describe('GET /export/{register}.{xlsx|csv} through the Lambda handler', () => {
  const get = async (path: string, personId: string | null, rawQueryString = '') =>
    api.invoke(v2Event({ method: 'GET', path, rawQueryString, headers: personId ? { authorization: `Bearer ${await api.token(personId)}` } : {} }));

  it('answers the workbook as an attachment with the register’s Japanese name', async () => {
    const res = await get('/export/systems.xlsx', 'shimin-staff', `dates=iso&departmentId=${gid('Department', 'shimin')}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="systems_\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers['content-disposition'].split("UTF-8''")[1])).toMatch(/^行政システム台帳_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { rows } = await xlsxRows(Buffer.from(res.raw, 'base64'));
    expect(rows[0]).toEqual(REGISTERS.systems.columns.map((c) => c.header));
    expect(rows.slice(1).every((r) => r[6] === 'shimin')).toBe(true);
    expect(rows[1][12]).toMatch(/\+09:00$/);
  });

  it('takes the filters of systems(filter, orderBy) from the query string', async () => {
    const res = await get('/export/systems.csv', 'shimin-staff', `status=INSTALLED&orderBy=NAME&text=`);
    expect(res.status).toBe(200);
    const listed = await api.data('shimin-staff', '{ systems(first: 100, filter: { status: [INSTALLED] }, orderBy: { field: NAME }) { nodes { name } } }');
    expect(csvRows(Buffer.from(res.raw, 'base64')).slice(1).map((r) => r[1])).toEqual(listed.systems.nodes.map((s: { name: string }) => s.name));
  });

  it('a file larger than the Lambda may answer: put under exports/ and answered 303 to a presigned download of it, under its Japanese name', async () => {
    process.env.EXPORT_INLINE_BYTES = '500';
    try {
      const res = await get('/export/systems.xlsx', 'shimin-staff', 'dates=iso');
      expect(res.status).toBe(303);
      const location = new URL(res.headers.location);
      expect(location.pathname).toMatch(/\/exports\/[^/]+\/[0-9a-f-]+\.xlsx$/);
      const download = await fetch(location);
      expect(download.status).toBe(200);
      expect(decodeURIComponent(String(download.headers.get('content-disposition')).split("UTF-8''")[1])).toMatch(/^行政システム台帳_\d{4}-\d{2}-\d{2}\.xlsx$/);
      const { rows } = await xlsxRows(Buffer.from(await download.arrayBuffer()));
      const listed = await api.data('shimin-staff', '{ systems(first: 100) { nodes { name } } }');
      expect(rows.slice(1).map((r) => r[1])).toEqual(listed.systems.nodes.map((s: { name: string }) => s.name));
    } finally {
      delete process.env.EXPORT_INLINE_BYTES;
    }
  });

  it('answers the CSV with its BOM', async () => {
    const res = await get('/export/mailAddresses.csv', 'digital-contractor');
    expect(res.status).toBe(200);
    const file = Buffer.from(res.raw, 'base64');
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csvRows(file)[0]).toEqual(REGISTERS.mailAddresses.columns.map((c) => c.header));
  });

  it('refuses: no sign-in 401, virus incidents to staff 403 with 第26条, an unknown register 404, a bad date style 400', async () => {
    expect((await get('/export/systems.csv', null)).status).toBe(401);
    const forbidden = await get('/export/virusIncidents.xlsx', 'shimin-staff');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', article: '第26条' } });
    expect(forbidden.body.errors[0].message).toMatch(/ウィルス事案/);
    expect((await get('/export/passwords.csv', 'soumu-director')).status).toBe(404);
    expect((await get('/export/systems.pdf', 'soumu-director')).status).toBe(404);
    expect((await get('/export/systems.csv', 'soumu-director', 'dates=gregorian')).status).toBe(400);
    expect((await get('/export/systems.csv', 'soumu-director', 'status=RUNNING')).status).toBe(400);
    expect((await get('/export/mailAddresses.csv', 'soumu-director', 'status=INSTALLED')).status).toBe(400);
  });
});

describe('the bundle as deployed (exceljs in a file of its own, functions/api/bundle.js)', () => {
  it('answers GET /export/systems.xlsx from a fresh process that has only the bundle, the claims as the authorizer passes them', async () => {
    const root = join(__dirname, '..', '..');
    execFileSync(process.execPath, [join(root, 'functions', 'api', 'bundle.js')], { cwd: root, stdio: 'pipe' });
    const event = v2Event({ method: 'GET', path: '/export/systems.xlsx', rawQueryString: 'dates=iso', claims: { username: 'soumu-director' } });
    const script = `
      const { handler } = require(${JSON.stringify(join(root, 'dist', 'bundle', 'api', 'index.js'))});
      handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-export', getRemainingTimeInMillis: () => 10000 })
        .then((r) => process.stdout.write(JSON.stringify(r)));
    `;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: '/',
      env: { PATH: process.env.PATH, TABLE_NAME: api.tableName, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT, AWS_REGION: 'ap-northeast-1', NODE_ENV: 'production', LOG_LEVEL: 'silent', NODE_NO_WARNINGS: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const res = JSON.parse(out) as { statusCode: number; body: string; isBase64Encoded: boolean };
    expect(res.statusCode).toBe(200);
    expect(res.isBase64Encoded).toBe(true);
    const { rows } = await xlsxRows(Buffer.from(res.body, 'base64'));
    const listed = await api.data('soumu-director', '{ systems(first: 100) { nodes { name } } }');
    expect(rows[0]).toEqual(REGISTERS.systems.columns.map((c) => c.header));
    expect(rows.slice(1).map((r) => r[1])).toEqual(listed.systems.nodes.map((n: { name: string }) => n.name));
  }, 120_000);
});

describe('exportLink: a signed link a browser opens to download a register', () => {
  const LINK = `query($register: ExportRegister!, $format: ExportFormat!, $status: [SystemStatus!], $orderBy: SystemOrderField, $dates: ExportDates) {
    exportLink(register: $register, format: $format, status: $status, orderBy: $orderBy, dates: $dates)
  }`;
  const open = (link: string) => {
    const url = new URL(link, 'https://api.example');
    return api.invoke(v2Event({ method: 'GET', path: url.pathname, rawQueryString: url.search.slice(1) }));
  };

  it('opens without a token, as the viewer it was made for, with the filters it was made with', async () => {
    const { exportLink } = await api.data('shimin-staff', LINK, { register: 'systems', format: 'csv', status: ['INSTALLED'], orderBy: 'NAME', dates: 'ISO' });
    expect(exportLink).toMatch(/^\/download\/systems\.csv\?/);
    const res = await open(exportLink);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers['content-disposition'].split("UTF-8''")[1])).toMatch(/^行政システム台帳_\d{4}-\d{2}-\d{2}\.csv$/);
    const listed = await api.data('shimin-staff', '{ systems(first: 100, filter: { status: [INSTALLED] }, orderBy: { field: NAME }) { nodes { name } } }');
    const rows = csvRows(Buffer.from(res.raw, 'base64'));
    expect(rows.slice(1).map((r) => r[1])).toEqual(listed.systems.nodes.map((s: { name: string }) => s.name));
    expect(rows[1][12]).toMatch(/\+09:00$/);
  });

  it('a link changed in any part (a filter, the expiry, the viewer) or made up answers 404, saying nothing else', async () => {
    const { exportLink } = await api.data('shimin-staff', LINK, { register: 'systems', format: 'xlsx', status: ['INSTALLED'] });
    const changed = [
      exportLink.replace('status=INSTALLED', 'status=DECIDED'),
      exportLink.replace(/e=(\d+)/, (_: string, e: string) => `e=${Number(e) + 60}`),
      exportLink.replace('v=shimin-staff', 'v=soumu-director'),
      exportLink.replace('/download/systems.xlsx', '/download/systems.csv'),
      '/download/systems.xlsx?dates=wareki',
    ];
    for (const link of changed) {
      const res = await open(link);
      expect(res.status).toBe(404);
      expect(res.body.errors[0].message).toMatch(/有効期限/);
    }
  });

  it('the read rules are asked when it is opened: virus incidents to staff, 403 citing 第26条', async () => {
    const { exportLink } = await api.data('shimin-staff', LINK, { register: 'virusIncidents', format: 'csv' });
    const res = await open(exportLink);
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', article: '第26条' });
  });

  it('a filter the register does not take is refused when the link is asked for', async () => {
    const res = await api.gql('shimin-staff', LINK, { register: 'mailAddresses', format: 'csv', status: ['INSTALLED'] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'status' });
  });
});

