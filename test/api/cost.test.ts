/**
 * What a request costs in DynamoDB, as every response reports it in `extensions.cost`: a page of N objects with
 * their related objects costs the same number of calls whatever N (DataLoader over BatchGetItem); a mutation is one
 * TransactWriteItems; and no request path Scans.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AuditEvent } from '../../functions/domain/audit';
import { SystemRecord } from '../../functions/domain/systems';
import { systemChange } from '../../functions/store/systems';
import { Api, Response, gid, setupApi, v2Event } from '../support/api';

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
        const event: AuditEvent = {
          id: `costseed${String(i + j).padStart(4, '0')}`,
          objectType: 'System',
          objectId: s.id,
          action: 'system.registered',
          actorId: MANAGERS[s.owningDepartmentId],
          at: now,
          article: '第7条',
          before: {},
          after: { ...s },
        };
        return store.commit([systemChange(s)], [event]);
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
    ['a query over the cost limit (400)', () => api.gql('shimin-manager', '{ systems(first: 100) { nodes { consultations(first: 100) { nodes { auditTrail(first: 100) { nodes { action } } } } } } }')],
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
    expect(cost).toEqual({
      dynamodbCalls: expect.any(Number),
      readCapacityUnits: expect.any(Number),
      writeCapacityUnits: expect.any(Number),
      calls: expect.any(Object),
    });
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
