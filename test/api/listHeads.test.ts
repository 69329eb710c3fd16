/**
 * The head of a nested list (functions/store/heads.ts): the first page of a system's consultations (newest first) and
 * of its datasets (in order of registration) is read from one item beside the system, written by the one write path
 * with each new consultation or dataset; it answers what the Query of the list answers, cursors included, at once
 * after the write, and a system written before heads existed is read by Query until `npm run reindex` completes it.
 */
import { reindex } from '../../functions/admin/reindex';
import { Api, DRAFT_CONSULTATION, REGISTER_SYSTEM, gid, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const MANAGER = 'shimin-manager';

async function registerSystem(name: string): Promise<string> {
  const res = await api.data(MANAGER, REGISTER_SYSTEM, {
    input: { name, category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: gid('Department', 'shimin') },
  });
  expect(res.registerSystem.userErrors).toEqual([]);
  return res.registerSystem.system.id;
}

async function draft(systemId: string, title: string): Promise<string> {
  const res = await api.data(MANAGER, DRAFT_CONSULTATION, { input: { systemId, action: 'DECIDE', title, details: `${title}の詳細。` } });
  expect(res.draftConsultation.userErrors).toEqual([]);
  return res.draftConsultation.consultation.id;
}

async function registerDataset(systemId: string, name: string): Promise<string> {
  const res = await api.data(
    MANAGER,
    `mutation($input: RegisterDatasetInput!) { registerDataset(input: $input) { dataset { id } userErrors { code message } } }`,
    { input: { systemId, name, containsPersonalInformation: false } },
  );
  expect(res.registerDataset.userErrors).toEqual([]);
  return res.registerDataset.dataset.id;
}

const PAGE = `query($id: ID!, $first: Int!, $after: String) {
  node(id: $id) { ... on System {
    consultations(first: $first, after: $after) { nodes { id title } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  } }
}`;

type Page = { nodes: { id: string; title: string }[]; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } };

async function page(systemId: string, first: number, after?: string): Promise<{ page: Page; calls: Record<string, number> }> {
  const res = await api.gql(MANAGER, PAGE, { id: systemId, first, after });
  expect(res.body.errors).toBeUndefined();
  return { page: res.body.data.node.consultations, calls: res.body.extensions.cost.calls };
}

/** The head item of a system's list, as stored. */
const headOf = async (systemKey: string, sk: string) => api.store().table.get(`SYSTEM#${systemKey}`, sk);
const keyOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':').slice(1).join(':');

describe('a system’s consultations: the first page from its head', () => {
  let systemId: string;
  const drafted: string[] = [];

  beforeAll(async () => {
    systemId = await registerSystem('先頭試験システム');
    for (const title of ['一件目', '二件目', '三件目']) drafted.push(await draft(systemId, title));
  });

  it('a new system has an empty head: its first page is empty, read without a Query', async () => {
    const fresh = await registerSystem('先頭試験システム(空)');
    const { page: p, calls } = await page(fresh, 2);
    expect(p).toEqual({ nodes: [], edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    expect(calls.Query).toBeUndefined();
    expect(await headOf(keyOf(fresh), 'HEAD#CONSULT')).toMatchObject({ ids: [], complete: true, version: 1 });
  });

  it('newest first, each the moment it is drafted, with hasNextPage as the Query answers it', async () => {
    const two = await page(systemId, 2);
    expect(two.page.nodes.map((n) => n.title)).toEqual(['三件目', '二件目']);
    expect(two.page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(two.calls.Query).toBeUndefined();
    const three = await page(systemId, 3);
    expect(three.page.nodes.map((n) => n.id)).toEqual([...drafted].reverse());
    expect(three.page.pageInfo.hasNextPage).toBe(false);
  });

  it('its cursors are those of the Query: a page after one read from the head goes on with the next', async () => {
    const first = await page(systemId, 2);
    const rest = await page(systemId, 2, first.page.pageInfo.endCursor!);
    expect(rest.calls.Query).toBe(1);
    expect(rest.page.nodes.map((n) => n.title)).toEqual(['一件目']);
    // A page too large for the head is the Query's, with the same nodes and cursors.
    const queried = await page(systemId, 21);
    expect(queried.calls.Query).toBe(1);
    expect(queried.page.nodes).toEqual(first.page.nodes.concat(rest.page.nodes));
    expect(queried.page.edges.slice(0, 2)).toEqual(first.page.edges);
  });

  it('two consultations drafted at once on one system are both in its head (one loses the head’s version and runs again)', async () => {
    const target = await registerSystem('先頭試験システム(同時)');
    const ids = await Promise.all(['同時A', '同時B', '同時C'].map((t) => draft(target, t)));
    const { page: p } = await page(target, 5);
    expect(p.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect((await headOf(keyOf(target), 'HEAD#CONSULT'))?.ids).toHaveLength(3);
  });
});

describe('a system’s datasets: the first page from its head, in order of registration', () => {
  it('the oldest first; a head already full keeps its ids when a newer one is registered', async () => {
    const systemId = await registerSystem('先頭試験システム(データ)');
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) ids.push(await registerDataset(systemId, `データ${String(i).padStart(2, '0')}`));
    const head = await headOf(keyOf(systemId), 'HEAD#DATASET');
    // HEAD_SIZE + 1 ids: the 22nd left the head as it was after the 21st.
    expect(head).toMatchObject({ ids: ids.slice(0, 21).map(keyOf), complete: true, version: 22 });
    const res = await api.gql(MANAGER, `query($id: ID!) { node(id: $id) { ... on System { datasets(first: 20) { nodes { id } pageInfo { hasNextPage } } } } }`, { id: systemId });
    expect(res.body.data.node.datasets).toEqual({ nodes: ids.slice(0, 20).map((id) => ({ id })), pageInfo: { hasNextPage: true } });
    expect(res.body.extensions.cost.calls.Query).toBeUndefined();
  });
});

describe('a system written before heads existed', () => {
  it('is read by Query; a consultation drafted then starts an incomplete head, which `npm run reindex` completes', async () => {
    const systemId = await registerSystem('先頭試験システム(移行前)');
    const older = await draft(systemId, '移行前の協議');
    const key = keyOf(systemId);
    // As a table written before heads: the system and its consultation, no head.
    await api.store().table.transact([{ remove: { pk: `SYSTEM#${key}`, sk: 'HEAD#CONSULT' } }]);

    let read = await page(systemId, 5);
    expect(read.calls.Query).toBe(1);
    expect(read.page.nodes.map((n) => n.id)).toEqual([older]);

    const newer = await draft(systemId, '移行後の協議');
    expect(await headOf(key, 'HEAD#CONSULT')).toMatchObject({ ids: [keyOf(newer)], complete: false });
    read = await page(systemId, 5);
    expect(read.calls.Query).toBe(1);
    expect(read.page.nodes.map((n) => n.id)).toEqual([newer, older]);

    const done = await reindex(api.store());
    expect(done.heads).toBeGreaterThanOrEqual(1);
    expect(await headOf(key, 'HEAD#CONSULT')).toMatchObject({ ids: [keyOf(newer), keyOf(older)], complete: true });
    read = await page(systemId, 5);
    expect(read.calls.Query).toBeUndefined();
    expect(read.page.nodes.map((n) => n.id)).toEqual([newer, older]);
    // Run again, it leaves complete heads as they are.
    expect((await reindex(api.store())).heads).toBe(0);
  });
});
