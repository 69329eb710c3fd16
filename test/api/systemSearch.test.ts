/**
 * The register of systems searched and ordered (functions/store/systems.ts, functions/store/registerIndex.ts), on
 * DynamoDB Local through the Lambda handler: each filter and order against the whole register read page by page and
 * filtered here; pages forward and backward across merged partitions; words of a name with width, kana and case
 * folded; the entries kept by the one write path as systems are registered, renamed and moved; what is refused; and
 * the calls a page makes, the same at 10 and at 100.
 */
import { Api, gid, ok, setupApi } from '../support/api';
import { seedOf, seeded } from '../../functions/local/demo/seedBatch';
import { SystemRecord } from '../../functions/domain/systems';
import { foldText } from '../../functions/store/registerIndex';
import { systemItem } from '../../functions/store/systems';
import { INDEX_VERSION, indexVersion, reindex } from '../../functions/admin/reindex';

let api: Api;

const NODE = 'id name status category network owningDepartment { code }';
interface Row {
  id: string;
  name: string;
  status: string;
  category: string;
  network: string;
  owningDepartment: { code: string };
}

const STATUSES = ['REGISTERED', 'DECIDED', 'INSTALLED', 'ABOLISHED'] as const;
const NAMES = ['ｺﾝﾋﾞﾆ交付', 'こんびに予約', 'Ｗｅｂ会議', 'web申請', '住民記録', '住民記録照会', '介護保険', '固定資産税', '電子 決裁', '図書館 蔵書'];
const DEPTS = ['shimin', 'kenkou', 'zaisei'];
const CATEGORIES = ['INFORMATION', 'BUSINESS'] as const;
const NETWORKS = ['INTERNAL', 'EXTERNAL'] as const;

/** Thirty systems across statuses, categories, networks and departments, written by the seed's write path. */
function record(n: number, now: string): SystemRecord {
  return {
    id: `search-${String(n).padStart(3, '0')}`,
    name: `${NAMES[n % NAMES.length]}${n >= NAMES.length ? `システム${n}` : ''}`,
    category: CATEGORIES[n % 2],
    network: NETWORKS[Math.floor(n / 2) % 2],
    purposes: ['EFFICIENCY'],
    status: STATUSES[n % 4],
    owningDepartmentId: DEPTS[n % 3],
    processingDepartmentIds: [],
    documents: [],
    educationOrResearchOnly: false,
    connectedSystemIds: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

beforeAll(async () => {
  api = await setupApi();
  const now = new Date().toISOString();
  for (let n = 0; n < 30; n++) {
    const b = seeded(seedOf('System', record(n, now)), now, `search-seed-${n}`);
    await api.store().commit(b.changes, b.events);
  }
  const twice = seeded(seedOf('System', { ...record(30, now), name: 'システム連携システム' }), now, 'search-seed-twice');
  await api.store().commit(twice.changes, twice.events);
});

const QUERY = `query($first: Int, $after: String, $last: Int, $before: String, $departmentId: ID, $filter: SystemFilter, $orderBy: SystemOrder) {
  systems(first: $first, after: $after, last: $last, before: $before, departmentId: $departmentId, filter: $filter, orderBy: $orderBy) {
    edges { cursor node { ${NODE} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** Every page of a list, forward, `size` at a time. */
async function all(args: Record<string, unknown>, size = 4): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const { systems } = await api.data('shimin-staff', QUERY, { ...args, first: size, after });
    rows.push(...systems.edges.map((e: { node: Row }) => e.node));
    if (!systems.pageInfo.hasNextPage) return rows;
    after = systems.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

/** Every page of a list, backward from the end, `size` at a time, in the list's order. */
async function allBackward(args: Record<string, unknown>, size = 4): Promise<Row[]> {
  const rows: Row[] = [];
  let before: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const { systems } = await api.data('shimin-staff', QUERY, { ...args, last: size, before });
    rows.unshift(...systems.edges.map((e: { node: Row }) => e.node));
    if (!systems.pageInfo.hasPreviousPage) return rows;
    before = systems.pageInfo.startCursor;
  }
  throw new Error('more than 100 pages');
}

const byName = (a: Row, b: Row) => Buffer.compare(Buffer.from(`${foldText(a.name)}\u0001${a.id}`), Buffer.from(`${foldText(b.name)}\u0001${b.id}`));
const ids = (rows: Row[]) => rows.map((r) => r.id);

describe('filters: exactly the systems that match, in the order asked, page after page', () => {
  let register: Row[];
  beforeAll(async () => {
    register = await all({}, 100);
  });

  const cases: [string, Record<string, unknown>, (r: Row) => boolean][] = [
    ['one status', { filter: { status: ['INSTALLED'] } }, (r) => r.status === 'INSTALLED'],
    ['two statuses (two partitions merged)', { filter: { status: ['REGISTERED', 'ABOLISHED'] } }, (r) => ['REGISTERED', 'ABOLISHED'].includes(r.status)],
    ['a category (eight partitions merged)', { filter: { category: 'BUSINESS' } }, (r) => r.category === 'BUSINESS'],
    ['a network and a status', { filter: { network: 'EXTERNAL', status: ['DECIDED'] } }, (r) => r.network === 'EXTERNAL' && r.status === 'DECIDED'],
    ['a department, a category and a network', { departmentId: gid('Department', 'kenkou'), filter: { category: 'INFORMATION', network: 'INTERNAL' } }, (r) => r.owningDepartment.code === 'kenkou' && r.category === 'INFORMATION' && r.network === 'INTERNAL'],
    ['a department and statuses', { departmentId: gid('Department', 'zaisei'), filter: { status: ['INSTALLED', 'DECIDED'] } }, (r) => r.owningDepartment.code === 'zaisei' && ['INSTALLED', 'DECIDED'].includes(r.status)],
  ];

  it.each(cases)('%s, in order of registration', async (_name, args, keep) => {
    const expected = register.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await all(args))).toEqual(ids(expected));
    expect(ids(await allBackward(args))).toEqual(ids(expected));
    expect(ids(await all({ ...args, orderBy: { field: 'REGISTERED', direction: 'DESC' } }))).toEqual(ids(expected).reverse());
  });

  it.each(cases)('%s, by name', async (_name, args, keep) => {
    const expected = register.filter(keep).sort(byName);
    expect(ids(await all({ ...args, orderBy: { field: 'NAME' } }))).toEqual(ids(expected));
    expect(ids(await allBackward({ ...args, orderBy: { field: 'NAME' } }))).toEqual(ids(expected));
    expect(ids(await all({ ...args, orderBy: { field: 'NAME', direction: 'DESC' } }, 3))).toEqual(ids(expected).reverse());
  });

  it('the whole register by name: half-width katakana sorts with full-width, hiragana with katakana, ＡＢＣ with ABC', async () => {
    const named = await all({ orderBy: { field: 'NAME' } }, 7);
    expect(ids(named)).toEqual(ids([...register].sort(byName)));
    const names = named.map((r) => r.name);
    const run = (first: string, length: number) => names.slice(names.indexOf(first), names.indexOf(first) + length);
    // ｺﾝﾋﾞﾆ交付 and こんびに予約 both fold to コンビニ… (予 U+4E88 before 交 U+4EA4); Ｗｅｂ会議 and web申請 to web….
    expect(run('こんびに予約', 6)).toEqual(['こんびに予約', 'こんびに予約システム11', 'こんびに予約システム21', 'ｺﾝﾋﾞﾆ交付', 'ｺﾝﾋﾞﾆ交付システム10', 'ｺﾝﾋﾞﾆ交付システム20']);
    expect(run('Ｗｅｂ会議', 6)).toEqual(['Ｗｅｂ会議', 'Ｗｅｂ会議システム12', 'Ｗｅｂ会議システム22', 'web申請', 'web申請システム13', 'web申請システム23']);
  });

  it('a department and the order of registration is read from its key, as before', async () => {
    const shimin = await all({ departmentId: gid('Department', 'shimin') });
    expect(ids(shimin)).toEqual(ids(register.filter((r) => r.owningDepartment.code === 'shimin')));
  });
});

describe('text: systems found by part of their name', () => {
  const found = async (text: string) => (await all({ filter: { text } }, 3)).map((r) => r.name).sort();

  it('whatever the width, kana or case the words are typed in', async () => {
    const konbini = ['ｺﾝﾋﾞﾆ交付', 'こんびに予約', 'ｺﾝﾋﾞﾆ交付システム10', 'こんびに予約システム11', 'ｺﾝﾋﾞﾆ交付システム20', 'こんびに予約システム21'].sort();
    expect(await found('コンビニ')).toEqual(konbini);
    expect(await found('ｺﾝﾋﾞﾆ')).toEqual(konbini);
    expect(await found('こんびに')).toEqual(konbini);
    expect(await found('WEB')).toEqual(['Ｗｅｂ会議', 'web申請', 'Ｗｅｂ会議システム12', 'web申請システム13', 'Ｗｅｂ会議システム22', 'web申請システム23'].sort());
  });

  it('words in the middle of a name, and spaces ignored on both sides', async () => {
    expect(await found('記録照会')).toEqual(['住民記録照会', '住民記録照会システム15', '住民記録照会システム25']);
    expect(await found('電子決裁')).toEqual(['電子 決裁', '電子 決裁システム18', '電子 決裁システム28']);
    expect(await found('館蔵')).toEqual(['図書館 蔵書', '図書館 蔵書システム19', '図書館 蔵書システム29']);
    expect(await found('存在しない名称')).toEqual([]);
  });

  it('a name where the words occur twice is listed once, at the first, whatever the pages', async () => {
    for (const size of [1, 3, 100]) {
      const rows = await all({ filter: { text: 'システム' } }, size);
      expect(new Set(ids(rows)).size).toBe(rows.length);
      expect(ids(rows)).toContain(gid('System', 'search-030'));
    }
    expect(ids(await allBackward({ filter: { text: 'システム' } }, 1))).toEqual(ids(await all({ filter: { text: 'システム' } }, 100)));
  });
});

describe('the entries follow every change of a system through the one write path', () => {
  it('registering, renaming, moving to another network: found by the new name and filter only', async () => {
    const registered = await ok(api, 'shimin-manager', `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id version } userErrors { code message } } }`, {
      name: '窓口予約システム',
      category: 'BUSINESS',
      network: 'EXTERNAL',
      purposes: ['CITIZEN_WELFARE'],
      owningDepartmentId: gid('Department', 'shimin'),
    });
    const found = async (args: Record<string, unknown>) => ids(await all(args, 100)).includes(registered.id);
    expect(await found({ filter: { text: '窓口予約' } })).toBe(true);
    expect(await found({ filter: { network: 'EXTERNAL', status: ['REGISTERED'] } })).toBe(true);

    await ok(api, 'shimin-manager', `mutation($input: UpdateSystemInput!) { updateSystem(input: $input) { system { id version } userErrors { code message } } }`, {
      systemId: registered.id,
      expectedVersion: registered.version,
      changes: { name: '証明書交付予約システム', network: 'INTERNAL' },
    });
    expect(await found({ filter: { text: '窓口予約' } })).toBe(false);
    expect(await found({ filter: { text: 'しょうめいしょ' } })).toBe(false); // kanji are not read as kana
    expect(await found({ filter: { text: '交付予約' } })).toBe(true);
    expect(await found({ filter: { network: 'EXTERNAL', status: ['REGISTERED'] } })).toBe(false);
    expect(await found({ filter: { network: 'INTERNAL', status: ['REGISTERED'] }, departmentId: gid('Department', 'shimin') })).toBe(true);
    const byName = await all({ orderBy: { field: 'NAME' }, departmentId: gid('Department', 'shimin') }, 100);
    expect(byName.filter((r) => r.id === registered.id).map((r) => r.name)).toEqual(['証明書交付予約システム']);
  });
});

describe('npm run reindex: a table written before the entries existed', () => {
  it('a system stored without entries is found by its filters and name once re-indexed; running it again changes nothing', async () => {
    const old = { ...record(40, new Date().toISOString()), id: 'search-old', name: '旧台帳から来た水道システム', status: 'INSTALLED' as const };
    await api.store().table.transact([{ item: systemItem(old) }]);
    const found = async () => [ids(await all({ filter: { text: '水道' } }, 100)), ids(await all({ filter: { status: ['INSTALLED'] }, orderBy: { field: 'NAME' } }, 100))];
    expect((await found()).map((list) => list.includes(gid('System', 'search-old')))).toEqual([false, false]);
    const { objects, entries } = await reindex(api.store());
    expect(objects).toBeGreaterThan(30);
    expect(entries).toBeGreaterThan(objects * 5);
    expect(await indexVersion(api.store())).toBe(INDEX_VERSION);
    expect((await found()).map((list) => list.includes(gid('System', 'search-old')))).toEqual([true, true]);
    const before = await api.snapshot();
    await reindex(api.store());
    expect(await api.snapshot()).toEqual(before);
  });
});

describe('refused, changing nothing', () => {
  const refusal = async (args: Record<string, unknown>) => {
    const res = await api.gql('shimin-staff', QUERY, { first: 10, ...args });
    expect(res.status).toBe(400);
    return res.body.errors[0];
  };

  it('words of a name with any other condition or an order (BAD_USER_INPUT naming filter)', async () => {
    for (const args of [{ filter: { text: '住民', status: ['INSTALLED'] } }, { filter: { text: '住民' }, departmentId: gid('Department', 'shimin') }, { filter: { text: '住民' }, orderBy: { field: 'NAME' } }]) {
      const error = await refusal(args);
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter' } });
      expect(error.message).toMatch(/併用できません/);
    }
  });

  it('words that are only spaces or marks, an empty list of statuses', async () => {
    expect((await refusal({ filter: { text: ' 　・' } })).message).toMatch(/検索語に文字がありません/);
    expect((await refusal({ filter: { status: [] } })).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a cursor of another list or another order (BAD_USER_INPUT naming after)', async () => {
    const byName = await api.data('shimin-staff', QUERY, { first: 2, orderBy: { field: 'NAME' } });
    const registered = await api.data('shimin-staff', QUERY, { first: 2, filter: { status: ['INSTALLED'] } });
    expect((await refusal({ filter: { status: ['INSTALLED'] }, after: byName.systems.pageInfo.endCursor })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect((await refusal({ filter: { text: '住民' }, after: registered.systems.pageInfo.endCursor })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const text = await api.data('shimin-staff', QUERY, { first: 1, filter: { text: '住民' } });
    expect((await refusal({ filter: { text: '介護' }, after: text.systems.pageInfo.endCursor })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });
});

describe('what a page costs', () => {
  const calls = async (args: Record<string, unknown>, first: number) => {
    const res = await api.gql('shimin-staff', `query($first: Int, $filter: SystemFilter, $orderBy: SystemOrder) { systems(first: $first, filter: $filter, orderBy: $orderBy) { nodes { id name } } }`, { first, ...args });
    expect(res.body.errors).toBeUndefined();
    return res.body.extensions.cost;
  };

  it.each([
    // BatchGetItem: the viewer, then the page's systems.
    ['by name', { orderBy: { field: 'NAME' } }, { Query: 1, BatchGetItem: 2 }],
    ['two statuses', { filter: { status: ['INSTALLED', 'DECIDED'] } }, { Query: 2, BatchGetItem: 2 }],
    ['a category: every status and network of it', { filter: { category: 'BUSINESS' } }, { Query: 8, BatchGetItem: 2 }],
    ['a category and a network', { filter: { category: 'BUSINESS', network: 'INTERNAL' } }, { Query: 4, BatchGetItem: 2 }],
    ['words of a name', { filter: { text: 'システム' } }, { Query: 1, BatchGetItem: 2 }],
  ])('%s: the same calls for 10 and for 100, within the estimate', async (_name, args, expected) => {
    const [ten, hundred] = [await calls(args, 10), await calls(args, 100)];
    expect(ten.calls).toMatchObject(expected);
    expect(hundred.calls).toEqual(ten.calls);
    expect(hundred.dynamodbCalls).toBeLessThanOrEqual(hundred.estimatedCalls);
  });
});
