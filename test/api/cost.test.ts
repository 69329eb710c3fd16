/**
 * What a request costs in DynamoDB, as every response reports it in `extensions.cost`: a page of N objects with
 * their related objects costs the same number of calls whatever N (DataLoader over BatchGetItem); a mutation is one
 * TransactWriteItems; and no request path Scans.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { eventOf } from '../../functions/domain/audit';
import { changeOf } from '../../functions/domain/change';
import { SystemRecord } from '../../functions/domain/systems';
import { changesOf } from '../../functions/store/kinds';
import { Table } from '../../functions/store/table';
import { logger } from '../../functions/api/log';
import { Api, Response, gid, setupApi, v2Event, writesNothing } from '../support/api';
import { captured } from '../support/telemetry';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const DIRECTOR = 'soumu-director';
/** The information manager of each department (demo city). */
const MANAGERS: Record<string, string> = {
  shimin: 'shimin-manager',
  kenkou: 'kenkou-manager',
  fukushi: 'fukushi-manager',
  zaisei: 'zaisei-manager',
  kyouiku: 'kyouiku-manager',
  digital: 'digital-manager',
  soumu: 'soumu-manager',
};
const DEPARTMENTS = Object.keys(MANAGERS);

interface Cost {
  dynamodbCalls: number;
  estimatedCalls?: number;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  calls: Record<string, number>;
}

function costOf(res: Response): Cost {
  const cost = res.body?.extensions?.cost;
  if (!cost) throw new Error(`no extensions.cost in the response (${res.status}): ${res.raw.slice(0, 300)}`);
  return cost;
}

/** A request that must succeed; returns its data and its cost. */
async function measured(personId: string, query: string, variables?: Record<string, unknown>): Promise<{ data: any; cost: Cost }> {
  const res = await api.gql(personId, query, variables);
  expect({ status: res.status, errors: res.body?.errors }).toEqual({ status: 200, errors: undefined });
  return { data: res.body.data, cost: costOf(res) };
}

const REGISTER = `mutation($input: RegisterSystemInput!) {
  registerSystem(input: $input) { system { id version } userErrors { code message } }
}`;
const DRAFT = `mutation($input: DraftConsultationInput!) {
  draftConsultation(input: $input) { consultation { id status version } userErrors { code message } }
}`;
const DECIDE = `mutation($input: DecideConsultationInput!) {
  decideConsultation(input: $input) { consultation { id status system { status } } userErrors { code message } }
}`;

const extraSystemIds: string[] = [];

/** 120 registered systems across the departments, written directly through the store with their audit events. */
async function seedSystems(count: number): Promise<void> {
  const store = api.store();
  const now = new Date().toISOString();
  const records: SystemRecord[] = Array.from({ length: count }, (_, i) => {
    const dept = DEPARTMENTS[i % DEPARTMENTS.length];
    return {
      id: `cost-${String(i).padStart(3, '0')}`,
      name: `費用試験システム${i}`,
      category: 'INFORMATION',
      network: 'INTERNAL',
      purposes: ['EFFICIENCY'],
      status: 'REGISTERED',
      owningDepartmentId: dept,
      processingDepartmentIds: [],
      documents: [],
      educationOrResearchOnly: false,
      connectedSystemIds: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let i = 0; i < records.length; i += 20) {
    await Promise.all(
      records.slice(i, i + 20).map((s, j) => {
        const t = changeOf('System', undefined, s, 'system.registered', '第7条');
        return store.commit(changesOf(t), [eventOf(t.changes[0], MANAGERS[s.owningDepartmentId], now, `costseed${String(i + j).padStart(4, '0')}`)]);
      }),
    );
  }
  extraSystemIds.push(...records.map((r) => r.id));
}

describe('every response says what it cost (extensions.cost)', () => {
  const reg = (dept: string) =>
    `mutation { registerSystem(input: { name: "費用表示", category: INFORMATION, network: INTERNAL, purposes: [EFFICIENCY], owningDepartmentId: "${gid('Department', dept)}" }) { system { id } userErrors { code } } }`;
  const cases: [string, () => Promise<Response>][] = [
    ['a query', () => api.gql('shimin-manager', '{ viewer { name } systems(first: 3) { nodes { name owningDepartment { name } } } }')],
    ['a mutation that writes', () => api.gql('shimin-manager', reg('shimin'))],
    ['a mutation refused with a userError', () => api.gql('shimin-manager', reg('kenkou'))],
    ['a read with a bad argument (BAD_USER_INPUT)', () => api.gql('shimin-manager', '{ systems(first: 2, after: "not-a-cursor") { nodes { id } } }')],
    ['a page larger than the cap', () => api.gql('shimin-manager', '{ systems(first: 101) { nodes { id } } }')],
    ['a query over the call budget (400)', () => api.gql('shimin-manager', '{ systems(first: 100) { nodes { consultations(first: 100) { nodes { auditTrail(first: 100) { nodes { action } } } } } } }')],
    ['an invalid query (400)', () => api.gql('shimin-manager', '{ nope }')],
    ['a query that does not parse (400)', () => api.gql('shimin-manager', '{ viewer { name ')],
    ['anonymous introspection', () => api.gql(null, '{ __typename }')],
    ['an anonymous query (401)', () => api.gql(null, '{ viewer { name } }')],
    ['a token that is not valid (401)', () => api.invoke(v2Event({ body: JSON.stringify({ query: '{ viewer { name } }' }), headers: { authorization: 'Bearer not-a-token' } }))],
    ['a signed-in person who is not city staff (403)', () => api.gql('nobody-here', '{ viewer { name } }')],
    ['a body that is not JSON (400)', () => api.invoke(v2Event({ body: '{"query": ' }))],
    ['a body over the size limit (413)', () => api.invoke(v2Event({ body: JSON.stringify({ query: `{ viewer { name } } # ${'x'.repeat(70 * 1024)}` }) }))],
  ];

  it.each(cases)('%s carries extensions.cost { dynamodbCalls, readCapacityUnits, writeCapacityUnits, calls }', async (_name, send) => {
    const res = await send();
    expect(res.body).toEqual(expect.objectContaining({ extensions: expect.objectContaining({ cost: expect.anything() }) }));
    const cost = costOf(res);
    // A body refused before GraphQL reads it (functions/api/request.ts) ran nothing and carries no estimate.
    const beforeGraphQL = res.status === 413 || /正しい JSON ではありません/.test(res.raw);
    expect(cost).toEqual({
      dynamodbCalls: expect.any(Number),
      readCapacityUnits: expect.any(Number),
      writeCapacityUnits: expect.any(Number),
      calls: expect.any(Object),
      ...(beforeGraphQL ? {} : { estimatedCalls: expect.any(Number) }),
    });
    expect(cost.dynamodbCalls).toBeLessThanOrEqual(cost.estimatedCalls ?? 0);
    const byOperation = Object.values(cost.calls);
    for (const n of byOperation) expect(Number.isInteger(n) && n > 0).toBe(true);
    expect(byOperation.reduce((a, b) => a + b, 0)).toBe(cost.dynamodbCalls);
    expect(cost.readCapacityUnits).toBeGreaterThanOrEqual(0);
    expect(cost.writeCapacityUnits).toBeGreaterThanOrEqual(0);
  });

  it('a successful read reports read capacity and no write; a write reports write capacity', async () => {
    const read = costOf(await api.gql('shimin-manager', '{ systems(first: 3) { nodes { name } } }'));
    expect(read.dynamodbCalls).toBeGreaterThan(0);
    expect(read.readCapacityUnits).toBeGreaterThan(0);
    expect(read.writeCapacityUnits).toBe(0);
    const write = costOf(await api.gql('shimin-manager', reg('shimin')));
    expect(write.writeCapacityUnits).toBeGreaterThan(0);
  });
});

describe('a page costs the same number of DynamoDB calls whatever its size', () => {
  /** Page sizes measured, reported at the end. */
  const figures: Record<string, Cost> = {};

  beforeAll(async () => {
    await seedSystems(120);
  });

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(
      'DynamoDB calls per page:\n' +
        Object.entries(figures)
          .map(([q, c]) => `  ${q}: ${c.dynamodbCalls} calls ${JSON.stringify(c.calls)}, ${c.readCapacityUnits} RCU`)
          .join('\n'),
    );
  });

  it('systems with their owning departments: first 10 and first 100 cost the same calls', async () => {
    const q = `query($first: Int!) { systems(first: $first) { nodes { name owningDepartment { name } } } }`;
    const small = await measured('shimin-manager', q, { first: 10 });
    const large = await measured('shimin-manager', q, { first: 100 });
    expect(small.data.systems.nodes).toHaveLength(10);
    expect(large.data.systems.nodes).toHaveLength(100);
    for (const n of large.data.systems.nodes) expect(n.owningDepartment.name).toEqual(expect.any(String));
    expect(new Set(large.data.systems.nodes.map((n: { owningDepartment: { name: string } }) => n.owningDepartment.name)).size).toBeGreaterThanOrEqual(DEPARTMENTS.length);
    figures['systems(first: 10)'] = small.cost;
    figures['systems(first: 100)'] = large.cost;
    expect(large.cost.dynamodbCalls).toBe(small.cost.dynamodbCalls);
    expect(large.cost.calls).toEqual(small.cost.calls);
    expect(large.cost.calls.Scan).toBeUndefined();
  });

  it('one department’s systems with their owning department: first 5 and first 17 cost the same calls', async () => {
    const q = `query($first: Int!, $dept: ID!) { systems(first: $first, departmentId: $dept) { nodes { name owningDepartment { name } } } }`;
    const dept = gid('Department', 'fukushi');
    const small = await measured('fukushi-manager', q, { first: 5, dept });
    const large = await measured('fukushi-manager', q, { first: 17, dept });
    expect(small.data.systems.nodes).toHaveLength(5);
    expect(large.data.systems.nodes).toHaveLength(17);
    figures['systems(first: 5, departmentId: fukushi)'] = small.cost;
    figures['systems(first: 17, departmentId: fukushi)'] = large.cost;
    expect(large.cost.dynamodbCalls).toBe(small.cost.dynamodbCalls);
  });

  it('people with their departments and current roles: first 5 and first 12 cost the same calls', async () => {
    const q = `query($first: Int!) { people(first: $first) { nodes { name department { name } currentRoles { role department { name } } } } }`;
    const small = await measured('shimin-manager', q, { first: 5 });
    const large = await measured('shimin-manager', q, { first: 12 });
    expect(small.data.people.nodes).toHaveLength(5);
    expect(large.data.people.nodes).toHaveLength(12);
    for (const n of large.data.people.nodes) expect(n.department.name).toEqual(expect.any(String));
    expect(large.data.people.nodes.filter((n: { currentRoles: unknown[] }) => n.currentRoles.length > 0).length).toBeGreaterThan(5);
    figures['people(first: 5)'] = small.cost;
    figures['people(first: 12)'] = large.cost;
    expect(large.cost.dynamodbCalls).toBe(small.cost.dynamodbCalls);
    expect(large.cost.calls).toEqual(small.cost.calls);
  });

  it('第7条: the system administrator’s inbox with each system, its owning department and the applicant: first 5 and first 50 cost the same calls', async () => {
    // Each department's information manager submits a 様式第1号 consultation on 8 of its own systems: 56 in all.
    const bySystem = extraSystemIds.map((id, i) => ({ id, dept: DEPARTMENTS[i % DEPARTMENTS.length] }));
    const chosen = DEPARTMENTS.flatMap((dept) => bySystem.filter((s) => s.dept === dept).slice(0, 8));
    for (let i = 0; i < chosen.length; i += 14) {
      const results = await Promise.all(
        chosen.slice(i, i + 14).map((s) =>
          api.data(MANAGERS[s.dept], DRAFT, {
            input: { systemId: gid('System', s.id), action: 'DECIDE', title: `${s.id} の決定`, details: '様式第1号による協議。', submit: true },
          }),
        ),
      );
      for (const r of results) expect(r.draftConsultation.userErrors).toEqual([]);
    }

    const q = `query($first: Int!) { myInbox(first: $first) { nodes { title applicant { name } ... on Consultation { system { name owningDepartment { name } } } } } }`;
    const small = await measured(DIRECTOR, q, { first: 5 });
    const large = await measured(DIRECTOR, q, { first: 50 });
    expect(small.data.myInbox.nodes).toHaveLength(5);
    expect(large.data.myInbox.nodes).toHaveLength(50);
    for (const n of large.data.myInbox.nodes) {
      expect(n.system.owningDepartment.name).toEqual(expect.any(String));
      expect(n.applicant.name).toEqual(expect.any(String));
    }
    expect(new Set(large.data.myInbox.nodes.map((n: { applicant: { name: string } }) => n.applicant.name)).size).toBeGreaterThan(1);
    figures['myInbox(first: 5)'] = small.cost;
    figures['myInbox(first: 50)'] = large.cost;
    expect(large.cost.dynamodbCalls).toBe(small.cost.dynamodbCalls);
    expect(large.cost.calls).toEqual(small.cost.calls);
  });
});

describe('every mutation is one TransactWriteItems: the change and its audit event together', () => {
  const writesOnly = (cost: Cost) => {
    expect(cost.calls.TransactWriteItems).toBe(1);
    expect(cost.calls.PutItem).toBeUndefined();
    expect(cost.calls.UpdateItem).toBeUndefined();
    expect(cost.calls.DeleteItem).toBeUndefined();
    expect(cost.calls.BatchWriteItem).toBeUndefined();
    expect(cost.writeCapacityUnits).toBeGreaterThan(0);
  };

  it('第7条: registerSystem, draftConsultation (submit: true) and decideConsultation each write once', async () => {
    const registered = await measured('kenkou-manager', REGISTER, {
      input: { name: '一回書込みシステム', category: 'BUSINESS', network: 'INTERNAL', purposes: ['CITIZEN_WELFARE'], owningDepartmentId: gid('Department', 'kenkou') },
    });
    expect(registered.data.registerSystem.userErrors).toEqual([]);
    writesOnly(registered.cost);

    const drafted = await measured('kenkou-manager', DRAFT, {
      input: { systemId: registered.data.registerSystem.system.id, action: 'DECIDE', title: '一回書込み', details: '様式第1号。', submit: true },
    });
    expect(drafted.data.draftConsultation.userErrors).toEqual([]);
    writesOnly(drafted.cost);

    const consultation = drafted.data.draftConsultation.consultation;
    const decided = await measured(DIRECTOR, DECIDE, {
      input: { consultationId: consultation.id, expectedVersion: consultation.version, outcome: 'APPROVED' },
    });
    expect(decided.data.decideConsultation.userErrors).toEqual([]);
    // The approval changes the consultation and the system, with both audit events, in the one transaction.
    expect(decided.data.decideConsultation.consultation).toMatchObject({ status: 'APPROVED', system: { status: 'DECIDED' } });
    writesOnly(decided.cost);
  });

  it('a refused mutation writes nothing', async () => {
    const refused = await measured('kenkou-manager', REGISTER, {
      input: { name: '他課のシステム', category: 'BUSINESS', network: 'INTERNAL', purposes: ['CITIZEN_WELFARE'], owningDepartmentId: gid('Department', 'shimin') },
    });
    expect(refused.data.registerSystem.userErrors).toHaveLength(1);
    expect(refused.cost.calls.TransactWriteItems).toBeUndefined();
    expect(refused.cost.writeCapacityUnits).toBe(0);
  });
});

describe('request paths Query or GetItem/BatchGetItem; they never Scan', () => {
  const root = join(__dirname, '..', '..', 'functions');
  const tsFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (name === 'node_modules') return [];
      if (statSync(path).isDirectory()) return tsFiles(path);
      return name.endsWith('.ts') ? [path] : [];
    });

  it('no .ts file under functions/ mentions ScanCommand, Scan( or \'Scan\'', () => {
    const files = tsFiles(root);
    expect(files.length).toBeGreaterThan(10);
    const offending = files
      .map((f) => {
        const text = readFileSync(f, 'utf8');
        const found = ['ScanCommand', 'Scan(', "'Scan'", '"Scan"'].filter((needle) => text.includes(needle));
        return found.length ? `${relative(join(root, '..'), f)}: ${found.join(', ')}` : undefined;
      })
      .filter(Boolean);
    expect(offending).toEqual([]);
  });
});

describe('a request runs at most MAX_MUTATIONS_PER_REQUEST mutations (10 by default), refused before any write', () => {
  const registerAs = (alias: string, dept = 'shimin') =>
    `${alias}: registerSystem(input: { name: "一括登録 ${alias}", category: INFORMATION, network: INTERNAL, purposes: [EFFICIENCY], owningDepartmentId: "${gid('Department', dept)}" }) { system { id } userErrors { code } }`;
  const aliases = (n: number) => Array.from({ length: n }, (_, i) => registerAs(`r${i}`));

  it('11 aliased registerSystem: 400 TOO_MANY_MUTATIONS, nothing written, no mutation run', async () => {
    const res = await writesNothing(api, () => api.gql('shimin-manager', `mutation { ${aliases(11).join('\n')} }`));
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_MUTATIONS', mutations: 11, limit: 10 });
    expect(res.body.errors[0].message).toMatch(/^1 回のリクエストで実行できる変更 \(mutation\) は 10 件まで/);
    expect(res.body.data ?? null).toBeNull();
    // Only the viewer's roles were read (before the operation is known): no mutation ran.
    expect(costOf(res).calls).toEqual({ BatchGetItem: 1 });
  });

  it('mutations spread through fragments and inline fragments count too', async () => {
    const q = `mutation { ...six ... on Mutation { ${aliases(11).slice(6).join('\n')} } }
      fragment six on Mutation { ${aliases(6).join('\n')} }`;
    const res = await writesNothing(api, () => api.gql('shimin-manager', q));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('TOO_MANY_MUTATIONS');
  });

  it('10 aliased registerSystem run within the default call budget, each registered', async () => {
    const previous = process.env.MAX_DYNAMODB_CALLS;
    delete process.env.MAX_DYNAMODB_CALLS;
    try {
      const res = await api.gql('shimin-manager', `mutation { ${aliases(10).join('\n')} }`);
      expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
      expect(Object.values(res.body.data)).toHaveLength(10);
      for (const p of Object.values(res.body.data) as { system: { id: string }; userErrors: unknown[] }[]) {
        expect(p.userErrors).toEqual([]);
        expect(p.system.id).toEqual(expect.any(String));
      }
      expect(costOf(res).calls.TransactWriteItems).toBe(10);
    } finally {
      if (previous === undefined) delete process.env.MAX_DYNAMODB_CALLS;
      else process.env.MAX_DYNAMODB_CALLS = previous;
    }
  });

  it('the limit is configurable (MAX_MUTATIONS_PER_REQUEST)', async () => {
    process.env.MAX_MUTATIONS_PER_REQUEST = '2';
    try {
      const res = await writesNothing(api, () => api.gql('shimin-manager', `mutation { ${aliases(3).join('\n')} }`));
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_MUTATIONS', mutations: 3, limit: 2 });
    } finally {
      delete process.env.MAX_MUTATIONS_PER_REQUEST;
    }
  });
});

describe('an unexpected fault is a 500 with the request id and no detail; refusals stay 4xx', () => {
  afterEach(() => jest.restoreAllMocks());

  it('a DynamoDB fault while reading: HTTP 500, INTERNAL_SERVER_ERROR, requestId, nothing internal', async () => {
    const secret = `Requested resource not found: Table: ${api.tableName} not found`;
    jest.spyOn(Table.prototype, 'query').mockRejectedValueOnce(Object.assign(new Error(secret), { name: 'ResourceNotFoundException' }));
    const logLevel = logger.getLevelName();
    logger.setLogLevel('INFO');
    const { result: res, lines } = await captured(() => api.gql('shimin-manager', '{ systems(first: 2) { nodes { id } } }')).finally(() => logger.setLogLevel(logLevel));
    expect(res.status).toBe(500);
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors;
    expect(error.message).toBe('内部エラーが発生しました。');
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(res.raw).not.toContain(api.tableName);
    expect(res.raw).not.toContain('ResourceNotFound');
    expect(res.raw).not.toMatch(/stack/i);
    // The operator finds the fault's log line by the id the client was given.
    const line = lines.find((l) => l.message === 'unhandled error');
    expect(line).toMatchObject({ requestId: error.extensions.requestId, error: { name: 'ResourceNotFoundException', message: secret } });
  });

  it('a DynamoDB fault while reading the viewer’s roles (before any resolver): 500, requestId, nothing internal', async () => {
    const secret = `Requested resource not found: Table: ${api.tableName} not found`;
    jest.spyOn(Table.prototype, 'batchGet').mockRejectedValueOnce(Object.assign(new Error(secret), { name: 'ResourceNotFoundException' }));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await api.gql('shimin-manager', '{ viewer { name } }');
    expect(res.status).toBe(500);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(res.body.extensions.cost).toBeDefined();
    expect(res.raw).not.toContain(api.tableName);
    expect(res.raw).not.toContain('ResourceNotFound');
  });

  it('an exception that is not a GraphQLError while estimating is internal (500), never shown as BAD_USER_INPUT', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const estimate = jest.requireActual('../../functions/api/estimate') as typeof import('../../functions/api/estimate');
    jest.spyOn(estimate, 'estimateCalls').mockImplementationOnce(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'value')");
    });
    const res = await api.gql('shimin-manager', '{ viewer { name } }');
    expect(res.status).toBe(500);
    expect(res.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(res.raw).not.toContain('Cannot read properties');
  });

  it('refusals stay as they were: 400 for a bad query, 401 anonymous, 403 not staff', async () => {
    expect((await api.gql('shimin-manager', '{ nope }')).status).toBe(400);
    expect((await api.gql(null, '{ viewer { name } }')).status).toBe(401);
    expect((await api.gql('nobody-here', '{ viewer { name } }')).status).toBe(403);
  });
});

describe('an empty operationName (GraphiQL, for an unnamed query) names no operation', () => {
  it('{"query":"{ viewer { name } }","operationName":""} answers its data and no error', async () => {
    const token = await api.token('shimin-manager');
    const res = await api.invoke(
      v2Event({ body: JSON.stringify({ query: '{ viewer { name } }', operationName: '' }), headers: { authorization: `Bearer ${token}` } }),
    );
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(res.body.data.viewer.name).toEqual(expect.any(String));
  });

  it('an empty operationName with a mutation is counted against the mutation limit too', async () => {
    const token = await api.token('shimin-manager');
    const many = Array.from({ length: 11 }, (_, i) => `m${i}: registerSystem(input: { name: "x${i}", category: INFORMATION, network: INTERNAL, purposes: [EFFICIENCY], owningDepartmentId: "${gid('Department', 'shimin')}" }) { userErrors { code } }`);
    const res = await writesNothing(api, () =>
      api.invoke(v2Event({ body: JSON.stringify({ query: `mutation { ${many.join(' ')} }`, operationName: '' }), headers: { authorization: `Bearer ${token}` } })),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('TOO_MANY_MUTATIONS');
  });
});

describe('the estimate of DynamoDB calls is an upper bound, and a request over the budget (MAX_DYNAMODB_CALLS, 100) is refused before it runs', () => {
  const objectId = () => gid('System', extraSystemIds[0] ?? 'cost-000');

  it('1,000 aliases of auditTrail(objectId:, first: 1): 400 QUERY_TOO_COSTLY, no Query made, nothing written', async () => {
    const q = `query($id: ID!) { ${Array.from({ length: 1000 }, (_, i) => `a${i}: auditTrail(objectId: $id, first: 1) { ...e }`).join('\n')} }
      fragment e on AuditEventConnection { nodes { action } }`;
    const res = await writesNothing(api, () => api.gql('shimin-manager', q, { id: objectId() }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors;
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', budget: 100 });
    expect(error.extensions.estimatedCalls).toBeGreaterThanOrEqual(1000);
    expect(error.message).toMatch(/^DynamoDB 呼び出しの見積り \(\d+ 回\) が上限 \(100 回\) を超えています。/);
    expect(res.body.data ?? null).toBeNull();
    // Only the viewer's roles were read (one BatchGetItem, before the estimate): the aliases never ran.
    const cost = costOf(res);
    expect(cost.calls).toEqual({ BatchGetItem: 1 });
    expect(cost.estimatedCalls).toBe(error.extensions.estimatedCalls);
  });

  it('a connection nested in a page of 100: refused with a message that names the costly field', async () => {
    const q = '{ systems(first: 100) { nodes { auditTrail(first: 2) { nodes { action } } } } }';
    const res = await api.gql('shimin-manager', q);
    expect(res.status).toBe(400);
    const [error] = res.body.errors;
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', budget: 100, costliest: { path: 'systems', calls: 101 } });
    expect(error.message).toContain('ページ (first) を小さくするか');
    expect(error.message).toContain('systems (101 回)');
    expect(costOf(res).calls.Query).toBeUndefined();
  });

  it('the same with first: 10 runs, and makes no more calls than estimated', async () => {
    const q = '{ systems(first: 10) { nodes { auditTrail(first: 2) { nodes { action } } } } }';
    const { data, cost } = await measured('shimin-manager', q);
    expect(data.systems.nodes).toHaveLength(10);
    // The viewer, the page, one Query of its audit trail per system.
    expect(cost.estimatedCalls).toBe(12);
    expect(cost.dynamodbCalls).toBeLessThanOrEqual(cost.estimatedCalls as number);
  });

  it('the first page of a list with a head (a system\'s consultations, datasets, contracts) costs the same calls for a page of 10 and of 100', async () => {
    const q = (n: number) => `{ systems(first: ${n}) { nodes { consultations(first: 2) { nodes { id } } } } }`;
    const ten = await measured('shimin-manager', q(10));
    const hundred = await measured('shimin-manager', q(100));
    expect(hundred.data.systems.nodes).toHaveLength(100);
    // The viewer, the page, every head in one BatchGetItem, every consultation they name in another.
    expect(ten.cost.calls).toEqual({ BatchGetItem: 3, Query: 1 });
    expect(hundred.cost.calls).toEqual(ten.cost.calls);
    expect(hundred.cost.dynamodbCalls).toBeLessThanOrEqual(hundred.cost.estimatedCalls as number);
    // Three lists under each system share the same two waves.
    const three = await measured('shimin-manager', '{ systems(first: 10) { nodes { consultations(first: 2) { nodes { id } } datasets(first: 2) { nodes { id } } outsourcingContracts(first: 2) { nodes { id } } } } }');
    expect(three.cost.calls).toEqual({ BatchGetItem: 3, Query: 1 });
    // A page larger than a head holds is a Query for each system.
    const larger = await measured('shimin-manager', '{ systems(first: 10) { nodes { consultations(first: 21) { nodes { id } } } } }');
    expect(larger.cost.calls.Query).toBe(11);
  });

  it('a related object on each item of a page stays cheap: one batch, whatever the page size', async () => {
    const q = '{ systems(first: 100) { nodes { owningDepartment { name } auditTrail(first: 1) @skip(if: true) { nodes { action } } } } }';
    const { cost } = await measured('shimin-manager', q);
    // The viewer, the page, the departments in one BatchGetItem.
    expect(cost.estimatedCalls).toBe(3);
    expect(cost.dynamodbCalls).toBeLessThanOrEqual(3);
  });

  it('fragments, inline fragments and variables are read as execution reads them', async () => {
    const q = `query($n: Int!, $deep: Boolean!) { ...page }
      fragment page on Query { systems(first: $n) { nodes { ... on System { auditTrail(first: 1) @include(if: $deep) { nodes { action } } } } } }`;
    const shallow = await measured('shimin-manager', q, { n: 20, deep: false });
    const deep = await measured('shimin-manager', q, { n: 20, deep: true });
    expect(shallow.cost.estimatedCalls).toBe(2);
    expect(deep.cost.estimatedCalls).toBe(22);
    expect(deep.cost.dynamodbCalls).toBeLessThanOrEqual(22);
  });

  it('the budget is configurable (MAX_DYNAMODB_CALLS)', async () => {
    process.env.MAX_DYNAMODB_CALLS = '5';
    try {
      const res = await api.gql('shimin-manager', '{ systems(first: 10) { nodes { auditTrail(first: 2) { nodes { action } } } } }');
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', estimatedCalls: 12, budget: 5 });
    } finally {
      delete process.env.MAX_DYNAMODB_CALLS;
    }
  });

  it('a mutation counts its reads and its transaction on every attempt mutate() may make', async () => {
    const res = await api.gql(
      'shimin-manager',
      `mutation { registerSystem(input: { name: "見積り", category: INFORMATION, network: INTERNAL, purposes: [EFFICIENCY], owningDepartmentId: "${gid('Department', 'shimin')}" }) { system { id owningDepartment { name } } userErrors { code } } }`,
    );
    const cost = costOf(res);
    // The viewer; 3 attempts of (the owning department, the processing departments, the transaction); the payload's department.
    expect(cost.estimatedCalls).toBe(1 + 3 * 3 + 1);
    expect(cost.dynamodbCalls).toBeLessThanOrEqual(cost.estimatedCalls as number);
  });

  it('MUTATION_ATTEMPTS agrees with MAX_ATTEMPTS of mutate() (functions/resolvers/support.ts)', () => {
    const source = readFileSync(join(__dirname, '..', '..', 'functions', 'resolvers', 'support.ts'), 'utf8');
    const { MUTATION_ATTEMPTS } = jest.requireActual('../../functions/api/dynamodbCalls') as typeof import('../../functions/api/dynamodbCalls');
    expect(source).toMatch(new RegExp(`const MAX_ATTEMPTS = ${MUTATION_ATTEMPTS};`));
  });

  it('every field with a resolver declares its calls (functions/api/dynamodbCalls.ts)', () => {
    const { undeclaredResolverFields } = jest.requireActual('../../functions/api/estimate') as typeof import('../../functions/api/estimate');
    expect(undeclaredResolverFields()).toEqual([]);
  });
});
