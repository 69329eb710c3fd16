/**
 * Bad input through the real Lambda handler: every malformed request, every value over a limit and every id or
 * cursor that is not what it claims gets a clear 4xx (or a userError) that names what is wrong, never a 500, never
 * a stack trace or a DynamoDB internal, never the submitted value echoed back, and writes nothing.
 */
import { Api, DRAFT_CONSULTATION, REGISTER_SYSTEM, Response, expectNoInternals as expectNoInternalsIn, gid, setupApi, topError, v2Event, writesNothing } from '../support/api';

let api: Api;
let token: string;
beforeAll(async () => {
  api = await setupApi();
  token = await api.token('shimin-manager');
});


/** A registration 市民課's information manager may make: every test spoils one part of it. */
const validSystem = () => ({
  name: '窓口予約システム',
  category: 'BUSINESS',
  network: 'EXTERNAL',
  purposes: ['CITIZEN_WELFARE'],
  owningDepartmentId: gid('Department', 'shimin'),
});
const registerBody = (input: Record<string, unknown> = validSystem()) => JSON.stringify({ query: REGISTER_SYSTEM, variables: { input } });
const asManager = () => ({ authorization: `Bearer ${token}` });

/** Nothing internal in what the client receives, and never a 500. */
const expectNoInternals = (res: Response) =>
  expectNoInternalsIn(api, res, {
    internals: /ValidationException|ResourceNotFound|ExclusiveStartKey|LastEvaluatedKey|TableName|ConditionalCheck|aws-sdk|\$metadata/,
    absent: ['INTERNAL_SERVER_ERROR'],
  });

describe('a request body that is not a GraphQL request is a 4xx before GraphQL runs', () => {
  it.each([
    {
      rule: 'malformed JSON is a 400 BAD_REQUEST and writes nothing',
      event: () => v2Event({ body: registerBody().slice(0, 60), headers: asManager() }),
      status: 400,
      code: 'BAD_REQUEST',
      message: /^リクエストの本文が正しい JSON ではありません。$/,
    },
    {
      rule: 'a text/plain body (a CSRF-able content type) is a 400 BAD_REQUEST and writes nothing',
      event: () => v2Event({ body: registerBody(), headers: { ...asManager(), 'content-type': 'text/plain' } }),
      status: 400,
      code: 'BAD_REQUEST',
      message: /Cross-Site Request Forgery|content-type/i,
    },
    {
      rule: 'a body that is not JSON (application/graphql) is a 400 BAD_REQUEST and writes nothing',
      event: () => v2Event({ body: `mutation { registerSystem(input: {}) { userErrors { code } } }`, headers: { ...asManager(), 'content-type': 'application/graphql' } }),
      status: 400,
      code: 'BAD_REQUEST',
      message: /POST body missing|Content-Type/i,
    },
    {
      rule: 'an empty body is a 400 BAD_REQUEST',
      event: () => v2Event({ body: '', headers: asManager() }),
      status: 400,
      code: 'BAD_REQUEST',
      message: /body missing/i,
    },
    {
      rule: 'JSON that is not a request object is a 400 BAD_REQUEST',
      event: () => v2Event({ body: '"registerSystem"', headers: asManager() }),
      status: 400,
      code: 'BAD_REQUEST',
      message: /body missing|no keys/i,
    },
    {
      rule: 'a body over 64 KiB is a 413 PAYLOAD_TOO_LARGE and writes nothing',
      event: () => v2Event({ body: registerBody({ ...validSystem(), description: 'あ'.repeat(22_000) }), headers: asManager() }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: /^リクエストの本文が 65536 バイトを超えています。$/,
    },
  ])('$rule', async ({ event, status, code, message }) => {
    const res = await writesNothing(api, () => api.invoke(event()));
    const error = topError(res);
    expect(error.extensions.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(res.body.data).toBeUndefined();
    expectNoInternals(res);
    expect(res.status).toBe(status);
  });
});

describe('a document the schema rejects is a 400 that says where it is wrong', () => {
  it.each([
    {
      rule: 'a query that does not parse is a 400 GRAPHQL_PARSE_FAILED',
      query: '{ viewer { personId ',
      code: 'GRAPHQL_PARSE_FAILED',
      message: /Syntax Error/,
    },
    {
      rule: 'an unknown field is a 400 GRAPHQL_VALIDATION_FAILED naming the field',
      query: '{ viewer { salary } }',
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /Cannot query field "salary" on type "Person"/,
    },
    {
      rule: 'a wrong enum value written in the query is a 400 GRAPHQL_VALIDATION_FAILED naming the enum',
      query: `mutation { registerSystem(input: { name: "x", category: MAINFRAME, network: INTERNAL, purposes: [], owningDepartmentId: "${gid('Department', 'shimin')}" }) { userErrors { code } } }`,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /"MAINFRAME" does not exist in "SystemCategory"/,
    },
    {
      rule: 'a string written for an Int is a 400 GRAPHQL_VALIDATION_FAILED',
      query: '{ systems(first: "ten") { nodes { id } } }',
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /Int cannot represent/,
    },
  ])('$rule, and writes nothing', async ({ query, code, message }) => {
    const res = await writesNothing(api, () => api.gql('shimin-manager', query));
    const error = topError(res);
    expect(error.extensions.code).toBe(code);
    // graphql-js's own words about the document, after a Japanese lead (functions/api/language.ts aboutTheRequest).
    expect(error.message).toMatch(/^リクエストが正しくありません: /);
    expect(error.message).toMatch(message);
    expect(res.body.data).toBeUndefined();
    expectNoInternals(res);
    expect(res.status).toBe(400);
  });
});

describe('variables the schema rejects are a 400 BAD_USER_INPUT, never a 500', () => {
  it.each([
    {
      rule: 'unknown fields in an input object passed as a variable are a 400 BAD_USER_INPUT naming the field',
      query: REGISTER_SYSTEM,
      variables: { input: { ...validSystem(), bogus: 1 } },
      message: /bogus/,
    },
    {
      rule: 'a wrong enum value passed as a variable is a 400 BAD_USER_INPUT naming the enum',
      query: REGISTER_SYSTEM,
      variables: { input: { ...validSystem(), category: 'MAINFRAME' } },
      message: /SystemCategory/,
    },
    {
      rule: 'a missing required input field passed as a variable is a 400 BAD_USER_INPUT naming the field',
      query: REGISTER_SYSTEM,
      variables: { input: { ...validSystem(), network: undefined } },
      message: /network/,
    },
    {
      rule: 'a string passed for an Int variable is a 400 BAD_USER_INPUT',
      query: 'query($n: Int!) { systems(first: $n) { nodes { id } } }',
      variables: { n: 'ten' },
      message: /Int/,
    },
  ])('$rule, and writes nothing', async ({ query, variables, message }) => {
    const res = await writesNothing(api, () => api.gql('shimin-manager', query, variables));
    const error = topError(res);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
    expect(res.body.data).toBeUndefined();
    expectNoInternals(res);
    expect(res.status).toBe(400);
  });
});

describe('strings over their limit are BAD_USER_INPUT naming the field, without echoing the value', () => {
  // A marker that cannot occur in any message, so finding a run of it means the value came back.
  const long = (n: number) => 'ZQ'.repeat(n).slice(0, n);

  it.each([
    {
      rule: 'a system name of 201 characters (limit 200)',
      query: REGISTER_SYSTEM,
      variables: () => ({ input: { ...validSystem(), name: long(201) } }),
      field: ['name'],
    },
    {
      rule: 'a system description of 4001 characters (limit 4000)',
      query: REGISTER_SYSTEM,
      variables: () => ({ input: { ...validSystem(), description: long(4001) } }),
      field: ['description'],
    },
    {
      rule: 'a document title of 201 characters inside a list of inputs',
      query: REGISTER_SYSTEM,
      variables: () => ({ input: { ...validSystem(), documents: [{ kind: 'DESIGN', title: long(201) }] } }),
      field: ['documents', '0', 'title'],
    },
    {
      rule: 'consultation details of 4001 characters (limit 4000)',
      query: DRAFT_CONSULTATION,
      variables: () => ({ input: { systemId: gid('System', 'demo-juumin'), action: 'CHANGE', title: '変更', details: long(4001) } }),
      field: ['details'],
    },
  ])('$rule is a 400 BAD_USER_INPUT, and writes nothing', async ({ query, variables, field }) => {
    const res = await writesNothing(api, () => api.gql('shimin-manager', query, variables()));
    const error = topError(res);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.problems).toEqual([{ field, message: expect.stringMatching(/^\d+文字以内で入力してください。$/) }]);
    expect(error.message).toMatch(/^入力内容が正しくありません: /);
    expect(error.message).toContain(field[field.length - 1]);
    expect(res.raw).not.toContain('ZQZQZQZQ');
    expect(res.body.data ?? null).toBeNull();
    expectNoInternals(res);
    // CONVENTIONS: "string lengths. Over a limit: a 400 with a clear code".
    expect(res.status).toBe(400);
  });
});

describe('page arguments: `first` is 1–100, cursors are opaque and belong to one list', () => {
  it.each([
    { rule: '`first` over 100', first: 101, message: /^100以下の値を指定してください。$/ },
    { rule: '`first` below 1', first: 0, message: /^1以上の値を指定してください。$/ },
    { rule: 'a negative `first`', first: -5, message: /^1以上の値を指定してください。$/ },
  ])('$rule is a 400 BAD_USER_INPUT naming `first`', async ({ first, message }) => {
    const res = await api.gql('shimin-manager', 'query($n: Int!) { systems(first: $n) { nodes { id } } }', { n: first });
    const error = topError(res);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.problems).toEqual([{ field: ['first'], message: expect.stringMatching(message) }]);
    expect(res.body.data ?? null).toBeNull();
    expectNoInternals(res);
    // README: `first` is "at most 100"; top-level errors are for malformed requests (400) and limits (400/413).
    expect(res.status).toBe(400);
  });

  const SYSTEMS_AFTER = 'query($after: String, $dept: ID) { systems(first: 1, after: $after, departmentId: $dept) { nodes { id } } }';

  it.each([
    { rule: 'an `after` cursor that is garbage', cursor: async () => 'garbage!!' },
    { rule: 'an `after` cursor that is base64 of something else', cursor: async () => Buffer.from('hello', 'utf8').toString('base64url') },
    {
      rule: 'a cursor from another list (people, passed to systems)',
      cursor: async () => (await api.data('shimin-manager', '{ people(first: 1) { pageInfo { endCursor } } }')).people.pageInfo.endCursor,
    },
    {
      rule: "a cursor from another list in the same department (市民課's people, passed to 市民課's systems)",
      cursor: async () =>
        (await api.data('shimin-manager', 'query($d: ID) { people(first: 1, departmentId: $d) { pageInfo { endCursor } } }', { d: gid('Department', 'shimin') }))
          .people.pageInfo.endCursor,
      dept: gid('Department', 'shimin'),
    },
    {
      rule: 'a cursor naming the right list but not a key of it',
      cursor: async () => Buffer.from(JSON.stringify({ kindPk: 'System', kindSk: 'zzz' }), 'utf8').toString('base64url'),
    },
  ])('$rule is a 400 BAD_USER_INPUT on `after`, not a 500', async ({ cursor, dept }) => {
    const after = await cursor();
    expect(typeof after).toBe('string');
    const res = await api.gql('shimin-manager', SYSTEMS_AFTER, { after, dept });
    const error = topError(res);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.argumentName).toBe('after');
    expect(error.message).toMatch(/^このカーソルはこの一覧のものではありません。/);
    expect(res.body.data ?? null).toBeNull();
    expectNoInternals(res);
    // README: top-level errors are for sign-in (401/403), malformed requests (400), limits (400/413) and faults.
    expect(res.status).toBe(400);
  });

  it('a cursor from one page of a list reads on in that list', async () => {
    const first = await api.data('shimin-manager', '{ systems(first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } }');
    expect(first.systems.pageInfo.hasNextPage).toBe(true);
    const next = await api.data('shimin-manager', SYSTEMS_AFTER, { after: first.systems.pageInfo.endCursor });
    expect(next.systems.nodes).toHaveLength(1);
    expect(first.systems.nodes).not.toContainEqual(next.systems.nodes[0]);
  });

  it('`nodes(ids:)` with more than 100 ids is a 400 BAD_USER_INPUT, not a 500', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => gid('System', `none-${i}`));
    const res = await api.gql('shimin-manager', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    const error = topError(res);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('一度に指定できるIDは 100 件までです。');
    expectNoInternals(res);
    expect(res.status).toBe(400);
  });
});

describe('ids that are not what they claim', () => {
  it.each([
    { rule: 'the global id of a System given as owningDepartmentId', id: gid('System', 'demo-juumin'), message: /^owningDepartmentId は主管課のIDではありません。$/ },
    { rule: 'garbage given as owningDepartmentId', id: 'garbage', message: /^owningDepartmentId は主管課のIDではありません。$/ },
    { rule: 'a Department id of no department', id: gid('Department', 'no-such-department'), message: /^指定されたIDの主管課は見つかりません。$/ },
  ])('$rule is a NOT_FOUND userError naming the field, and writes nothing', async ({ id, message }) => {
    const res = await writesNothing(api, () => api.gql('shimin-manager', REGISTER_SYSTEM, { input: { ...validSystem(), owningDepartmentId: id } }));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.registerSystem.system).toBeNull();
    expect(res.body.data.registerSystem.userErrors).toEqual([{ code: 'NOT_FOUND', message: expect.stringMatching(message), field: ['owningDepartmentId'], article: null }]);
    expectNoInternals(res);
    expect(res.status).toBe(200);
  });

  it('a System id of the wrong type in draftConsultation is a NOT_FOUND userError on systemId, and writes nothing', async () => {
    const res = await writesNothing(api, () =>
      api.gql('shimin-manager', DRAFT_CONSULTATION, { input: { systemId: gid('Department', 'shimin'), action: 'CHANGE', title: '変更', details: '変更する。' } }),
    );
    expect(res.body.data.draftConsultation).toEqual({
      consultation: null,
      userErrors: [{ code: 'NOT_FOUND', message: 'systemId は行政システムのIDではありません。', field: ['systemId'], article: null }],
    });
    expectNoInternals(res);
    expect(res.status).toBe(200);
  });

  it.each([
    { rule: 'garbage', id: 'garbage' },
    { rule: 'not base64url at all', id: '!!! ::: ???' },
    { rule: 'an id of an unknown type', id: Buffer.from('Secret:1', 'utf8').toString('base64url') },
    { rule: 'a well-formed id of nothing', id: gid('System', 'no-such-system') },
  ])('node(id:) with $rule is null, not an error', async ({ id }) => {
    const res = await api.gql('shimin-manager', 'query($id: ID!) { node(id: $id) { id } }', { id });
    expect(res.body).toMatchObject({ data: { node: null } });
    expect(res.body.errors).toBeUndefined();
    expectNoInternals(res);
    expect(res.status).toBe(200);
  });
});

describe('depth and cost limits are refused before anything is read', () => {
  /** A query whose deepest field is `depth` levels below the root (graphql-depth-limit counts the root's fields as 0). */
  const deepQuery = (depth: number) => {
    // System → its department → its first system → …: deep, and cheap enough for the call budget (a list in a list
    // in a list, e.g. connectedSystems 12 deep, would be refused by the budget before the depth limit is tested).
    const cycle = ['owningDepartment', 'systems(first: 1)', 'nodes'];
    const fields = ['systems(first: 1)', 'nodes', ...Array.from({ length: depth - 2 }, (_, i) => cycle[i % cycle.length])];
    return `{ ${fields.reduceRight((inner, field) => `${field} { ${inner} }`, '__typename')} }`;
  };
  /** The calls a response made, without the estimate (which differs with what was asked). */
  const made = (res: Response) => {
    const { estimatedCalls: _estimate, ...cost } = res.body.extensions.cost;
    return cost;
  };

  let baseline: unknown;
  beforeAll(async () => {
    // The cheapest signed-in request: identifying the viewer is all it reads.
    baseline = made(await api.gql('shimin-manager', '{ __typename }'));
  });

  it('a query 12 deep is answered', async () => {
    const res = await api.gql('shimin-manager', deepQuery(12));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.systems.nodes).toHaveLength(1);
    expect(res.status).toBe(200);
  });

  it('a query 13 deep is a 400 GRAPHQL_VALIDATION_FAILED and reads nothing', async () => {
    const res = await api.gql('shimin-manager', deepQuery(13));
    const error = topError(res);
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/exceeds maximum operation depth of 12/);
    expect(res.body.data).toBeUndefined();
    expect(made(res)).toEqual(baseline);
    expectNoInternals(res);
    expect(res.status).toBe(400);
  });

  it('a too-costly query is a 400 QUERY_TOO_COSTLY with its estimate and the budget, and makes no DynamoDB call beyond identifying the viewer', async () => {
    const res = await api.gql(
      'shimin-manager',
      '{ systems(first: 100) { nodes { consultations(first: 100) { nodes { auditTrail(first: 100) { nodes { id } } } } } } }',
    );
    const error = topError(res);
    expect(error.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(error.extensions.budget).toBe(100);
    expect(error.extensions.estimatedCalls).toBeGreaterThan(100);
    expect(error.message).toMatch(/^DynamoDB 呼び出しの見積り \(\d+ 回\) が上限 \(100 回\) を超えています。/);
    expect(res.body.data).toBeUndefined();
    expect(made(res)).toEqual(baseline);
    expectNoInternals(res);
    expect(res.status).toBe(400);
  });

  it('a too-costly mutation is refused the same way and writes nothing', async () => {
    const query = `mutation($input: RegisterSystemInput!) {
      registerSystem(input: $input) { system { owningDepartment { systems(first: 100) { nodes { consultations(first: 100) { nodes { auditTrail(first: 100) { nodes { id } } } } } } } } }
    }`;
    const res = await writesNothing(api, () => api.gql('shimin-manager', query, { input: validSystem() }));
    expect(topError(res).extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(made(res)).toEqual(baseline);
    expectNoInternals(res);
    expect(res.status).toBe(400);
  });
});

describe('every successful response reports its cost', () => {
  it.each([
    { rule: 'a query', person: 'shimin-manager', query: '{ viewer { personId department { name } } }', variables: undefined },
    { rule: 'a page of a connection', person: 'shimin-manager', query: '{ systems(first: 3) { nodes { name owningDepartment { name } } } }', variables: undefined },
    { rule: 'node(id:)', person: 'shimin-manager', query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: gid('System', 'demo-juumin') } },
    { rule: 'introspection without a token', person: null, query: '{ __schema { queryType { name } } }', variables: undefined },
    { rule: 'a mutation', person: 'shimin-manager', query: REGISTER_SYSTEM, variables: { input: validSystem() } },
    {
      rule: 'a mutation refused with a userError',
      person: 'shimin-manager',
      query: REGISTER_SYSTEM,
      variables: { input: { ...validSystem(), owningDepartmentId: gid('Department', 'kenkou') } },
    },
  ])('$rule carries extensions.cost with dynamodbCalls', async ({ person, query, variables }) => {
    const res = await api.gql(person, query, variables);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const cost = res.body.extensions?.cost;
    expect(cost).toEqual({
      dynamodbCalls: expect.any(Number),
      readCapacityUnits: expect.any(Number),
      writeCapacityUnits: expect.any(Number),
      calls: expect.any(Object),
      estimatedCalls: expect.any(Number),
    });
    expect(cost.dynamodbCalls).toBeLessThanOrEqual(cost.estimatedCalls);
    const byOperation = Object.values(cost.calls as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(cost.dynamodbCalls).toBe(byOperation);
    if (person) expect(cost.dynamodbCalls).toBeGreaterThan(0);
    if (query === REGISTER_SYSTEM && res.body.data.registerSystem.system) expect(cost.calls.TransactWriteItems).toBe(1);
  });
});
