/**
 * Relay connections through the real Lambda handler against DynamoDB Local: every edge has its own cursor, a list
 * reads forward (`first`/`after`) and backward (`last`/`before`) with neither skip nor repeat, a backward page costs
 * one Query as a forward one does, and page arguments that make no page are a 400 naming what is wrong.
 */
import { Api, DRAFT_CONSULTATION, gid, setupApi, topError } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
  // Five 様式第2号 of 市民課 submitted: each awaits the system administrator (myInbox) and is the applicant's (myApplications).
  for (let i = 1; i <= 5; i++) {
    const data = await api.data('shimin-manager', DRAFT_CONSULTATION, {
      input: { systemId: gid('System', 'demo-juumin'), action: 'CHANGE', title: `住民記録の変更 ${i}`, details: `変更 ${i}`, proposedChanges: { description: `概要 ${i}` }, submit: true },
    });
    expect(data.draftConsultation.userErrors).toEqual([]);
  }
});

interface Edge {
  cursor: string;
  node: { id: string };
}
interface Conn {
  edges: Edge[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

/** A list of the API: its root field, who reads it, and how its nodes are told apart. */
const LISTS = [
  { field: 'systems', as: 'shimin-manager', node: 'id' }, // byKind, ascending
  { field: 'people', as: 'shimin-manager', node: 'id' }, // byKind, ascending
  { field: 'myInbox', as: 'soumu-director', node: 'id' }, // inbox partitions merged, oldest first
  { field: 'myApplications', as: 'shimin-manager', node: 'id' }, // byApplicant, newest first (descending)
  { field: 'auditTrailByPerson', as: 'soumu-director', node: 'id', args: { personId: gid('Person', 'shimin-manager') } }, // byActor
];

const pageQuery = (field: string, args: Record<string, unknown> = {}) => {
  const declared = Object.keys(args).map((a) => `, $${a}: ID!`).join('');
  const passed = Object.keys(args).map((a) => `, ${a}: $${a}`).join('');
  return `query($first: Int, $after: String, $last: Int, $before: String${declared}) {
    list: ${field}(first: $first, after: $after, last: $last, before: $before${passed}) {
      edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
    }
  }`;
};

async function page(list: (typeof LISTS)[number], vars: Record<string, unknown>): Promise<Conn> {
  return (await api.data(list.as, pageQuery(list.field, list.args), { ...vars, ...list.args })).list;
}

const ids = (edges: Edge[]) => edges.map((e) => e.node.id);

describe.each(LISTS)('$field: a Relay connection', (list) => {
  let all: Edge[];
  beforeAll(async () => {
    all = (await page(list, { first: 100 })).edges;
  });

  it('has items enough to page through, each edge with a cursor of its own', () => {
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((e) => e.cursor)).size).toBe(all.length);
    expect(all.every((e) => e.cursor.length > 0)).toBe(true);
  });

  it('forward by two with first/after, then backward by two with last/before: the same list, no skip, no repeat', async () => {
    const forward: Edge[] = [];
    let after: string | null = null;
    for (let n = 0; n < 100; n++) {
      const p: Conn = await page(list, { first: 2, after });
      forward.push(...p.edges);
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      if (p.edges.length) expect([p.pageInfo.startCursor, p.pageInfo.endCursor]).toEqual([p.edges[0].cursor, p.edges[p.edges.length - 1].cursor]);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(ids(forward)).toEqual(ids(all));

    const backward: Edge[] = [];
    let before: string | null = null;
    for (let n = 0; n < 100; n++) {
      const p: Conn = await page(list, { last: 2, before });
      backward.unshift(...p.edges);
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(ids(backward)).toEqual(ids(all));
  });

  it('every edge’s cursor resumes right after it (after) and right before it (before)', async () => {
    for (let i = 0; i < all.length; i++) {
      const next = await page(list, { first: 1, after: all[i].cursor });
      expect(ids(next.edges)).toEqual(ids(all.slice(i + 1, i + 2)));
      const previous = await page(list, { last: 1, before: all[i].cursor });
      expect(ids(previous.edges)).toEqual(ids(all.slice(Math.max(0, i - 1), i)));
    }
  });

  it('`last` without `before` is the end of the list, in the list’s own order', async () => {
    const p = await page(list, { last: 3 });
    expect(ids(p.edges)).toEqual(ids(all.slice(-3)));
    expect(p.pageInfo.hasPreviousPage).toBe(all.length > 3);
    expect(p.pageInfo.hasNextPage).toBe(false);
  });
});

describe('a backward page costs what a forward one does', () => {
  it('systems(last: 3, before) is one Query, as systems(first: 3, after) is', async () => {
    const cost = async (vars: Record<string, unknown>) => (await api.gql('shimin-manager', pageQuery('systems'), vars)).body.extensions.cost;
    const all = (await page(LISTS[0], { first: 100 })).edges;
    const forward = await cost({ first: 3, after: all[0].cursor });
    const backward = await cost({ last: 3, before: all[all.length - 1].cursor });
    expect(backward.calls).toEqual(forward.calls);
    expect(backward.calls.Query).toBe(1);
    expect(backward.estimatedCalls).toBe(forward.estimatedCalls);
  });
});

describe('page arguments that make no page are a 400 BAD_USER_INPUT that says why', () => {
  it.each([
    { rule: 'neither first nor last', vars: {}, message: /^first.*か last.*のどちらかを指定してください。$/ },
    { rule: 'both first and last', vars: { first: 2, last: 2 }, message: /^first と last はどちらか一方だけを指定してください。$/ },
    { rule: 'before with first', vars: { first: 2, before: 'x' }, message: /^before は last と共に指定してください/ },
    { rule: 'after with last', vars: { last: 2, after: 'x' }, message: /^after は first と共に指定してください/ },
  ])('$rule', async ({ vars, message }) => {
    const res = await api.gql('shimin-manager', pageQuery('systems'), vars);
    const error = topError(res);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.problems).toEqual([{ field: ['firstOrLast'], message: expect.stringMatching(message) }]);
    expect(res.body.data ?? null).toBeNull();
    expect(res.status).toBe(400);
    expect(res.body.extensions.cost.calls.Query ?? 0).toBe(0);
  });

  it.each([
    { last: 0, message: /^1以上の値を指定してください。$/ },
    { last: 101, message: /^100以下の値を指定してください。$/ },
  ])('last: $last is out of 1–100', async ({ last, message }) => {
    const res = await api.gql('shimin-manager', pageQuery('systems'), { last });
    expect(topError(res).extensions.problems).toEqual([{ field: ['last'], message: expect.stringMatching(message) }]);
    expect(res.status).toBe(400);
  });

  it.each([
    { rule: 'garbage', cursor: async () => 'garbage!!' },
    { rule: 'a cursor of another list (people, passed to systems)', cursor: async () => (await page(LISTS[1], { first: 1 })).pageInfo.endCursor },
  ])('a `before` cursor that is $rule is a 400 on `before`', async ({ cursor }) => {
    const res = await api.gql('shimin-manager', pageQuery('systems'), { last: 1, before: await cursor() });
    const error = topError(res);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'before' });
    expect(error.message).toMatch(/^このカーソルはこの一覧のものではありません。`before` を付けずに/);
    expect(res.status).toBe(400);
  });

  it('an inbox cursor of another shape is a 400 on `after`', async () => {
    const res = await api.gql('soumu-director', pageQuery('myInbox'), { first: 1, after: (await page(LISTS[0], { first: 1 })).pageInfo.endCursor });
    expect(topError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(res.status).toBe(400);
  });
});
