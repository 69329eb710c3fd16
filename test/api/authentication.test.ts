/**
 * Who is calling, through the real Lambda handler: locally a token signed with LOCAL_JWT_SECRET, deployed the
 * claims of API Gateway's JWT authorizer. Without a valid identity nothing but introspection is answered and
 * nothing is written; a token says who someone is, and the roles read from the table decide what they may do
 * (第5条, 第7条: only the information manager of the department files for it).
 */
import { SignJWT } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../functions/api/auth';
import { Api, DRAFT_CONSULTATION, REGISTER_SYSTEM, Response, expectNoInternals as expectNoInternalsIn, gid, onlyError, setupApi, v2Event, writesNothing } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const VIEWER = '{ viewer { personId } }';

const systemFor = (department: string) => ({
  name: '窓口予約システム',
  category: 'BUSINESS',
  network: 'EXTERNAL',
  purposes: ['CITIZEN_WELFARE'],
  owningDepartmentId: gid('Department', department),
});
const registerBody = (department = 'shimin') => JSON.stringify({ query: REGISTER_SYSTEM, variables: { input: systemFor(department) } });

const now = () => Math.floor(Date.now() / 1000);

/** A token like the local ones, with one thing changed. */
function sign(changes: { secret?: string; issuer?: string; audience?: string; expires?: number; username?: string } = {}): Promise<string> {
  return new SignJWT({ username: changes.username ?? 'shimin-manager' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(changes.username ?? 'shimin-manager')
    .setIssuer(changes.issuer ?? LOCAL_ISSUER)
    .setAudience(changes.audience ?? LOCAL_AUDIENCE)
    .setIssuedAt(now() - 7200)
    .setExpirationTime(changes.expires ?? now() + 3600)
    .sign(new TextEncoder().encode(changes.secret ?? (process.env.LOCAL_JWT_SECRET as string)));
}

/** Nothing internal in what the client receives, nor the JWT library's words, nor the signing secret. */
const expectNoInternals = (res: Response) =>
  expectNoInternalsIn(api, res, {
    internals: /ValidationException|ResourceNotFound|ExclusiveStartKey|TableName|aws-sdk|\$metadata|JWS|JWT[A-Z]\w+|ERR_J/,
    absent: [process.env.LOCAL_JWT_SECRET as string],
  });

describe('without a token only the schema can be read', () => {
  it('a missing token on a query is a 401 UNAUTHENTICATED that says how to sign in', async () => {
    const res = await api.gql(null, VIEWER);
    const error = onlyError(res);
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/Authorization: Bearer/);
    expectNoInternals(res);
    expect(res.status).toBe(401);
  });

  it('a missing token on a mutation is a 401 and writes nothing', async () => {
    const res = await writesNothing(api, () => api.invoke(v2Event({ body: registerBody() })));
    const error = onlyError(res);
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/^サインインしてください/);
    expectNoInternals(res);
    expect(res.status).toBe(401);
  });

  it('introspection without a token works (GraphiQL loads the schema before sign-in)', async () => {
    const res = await api.gql(null, '{ __schema { queryType { name } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect(res.body.extensions.cost).toMatchObject({ dynamodbCalls: 0 });
    expect(res.status).toBe(200);
  });

  it('introspection cannot carry a data field past the sign-in check: 401', async () => {
    const res = await api.gql(null, '{ __schema { queryType { name } } systems(first: 1) { nodes { name } } }');
    expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
    expect(res.raw).not.toContain('住民情報システム');
    expect(res.status).toBe(401);
  });

  it('a fragment of data fields without a token is a 401', async () => {
    const res = await api.gql(null, '{ ...F } fragment F on Query { systems(first: 1) { nodes { name } } }');
    expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
    expect(res.status).toBe(401);
  });
});

describe('a token that is not a valid local token is a 401 and writes nothing', () => {
  it.each([
    { rule: 'an Authorization header that is not a Bearer token', header: async () => 'Token abc.def.ghi', message: /Authorization: Bearer/ },
    { rule: 'a Basic Authorization header', header: async () => 'Basic c2hpbWluLW1hbmFnZXI6cGFzc3dvcmQ=', message: /Authorization: Bearer/ },
    { rule: '"Bearer" with no token', header: async () => 'Bearer', message: /Authorization: Bearer/ },
    { rule: 'a Bearer header with two tokens', header: async () => 'Bearer abc def', message: /Authorization: Bearer/ },
    { rule: 'a Bearer token that is not a JWT', header: async () => 'Bearer not-a-jwt', message: /^トークンが正しくないか、有効期限が切れています。$/ },
    {
      rule: 'a token signed with another secret (forged)',
      header: async () => `Bearer ${await sign({ secret: 'someone-elses-secret-someone-elses-secret' })}`,
      message: /^トークンが正しくないか、有効期限が切れています。$/,
    },
    {
      rule: 'a token with its payload altered after signing',
      header: async () => {
        const [head, , signature] = (await sign()).split('.');
        const payload = Buffer.from(
          JSON.stringify({ username: 'soumu-director', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now(), exp: now() + 3600 }),
        ).toString('base64url');
        return `Bearer ${head}.${payload}.${signature}`;
      },
      message: /^トークンが正しくないか、有効期限が切れています。$/,
    },
    {
      rule: 'an unsigned token (alg "none")',
      header: async () => {
        const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part({ username: 'shimin-manager', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: now() + 3600 })}.`;
      },
      message: /^トークンが正しくないか、有効期限が切れています。$/,
    },
    { rule: 'an expired token', header: async () => `Bearer ${await sign({ expires: now() - 60 })}`, message: /^トークンが正しくないか、有効期限が切れています。$/ },
    { rule: 'a token with the wrong issuer', header: async () => `Bearer ${await sign({ issuer: 'https://evil.example' })}`, message: /^トークンが正しくないか、有効期限が切れています。$/ },
    { rule: 'a token with the wrong audience', header: async () => `Bearer ${await sign({ audience: 'another-api' })}`, message: /^トークンが正しくないか、有効期限が切れています。$/ },
  ])('$rule is a 401 UNAUTHENTICATED, and writes nothing', async ({ header, message }) => {
    const authorization = await header();
    const res = await writesNothing(api, () => api.invoke(v2Event({ body: registerBody(), headers: { authorization } })));
    const error = onlyError(res);
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(message);
    expectNoInternals(res);
    expect(res.status).toBe(401);
  });

  it('a valid token for someone not registered as city staff is a 403 FORBIDDEN, and writes nothing', async () => {
    const authorization = `Bearer ${await sign({ username: 'not-on-the-staff' })}`;
    const res = await writesNothing(api, () => api.invoke(v2Event({ body: registerBody(), headers: { authorization } })));
    const error = onlyError(res);
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toBe('not-on-the-staff は職員として登録されていません。');
    expectNoInternals(res);
    expect(res.status).toBe(403);
  });

  it('a valid local token identifies the person', async () => {
    const res = await api.invoke(v2Event({ body: JSON.stringify({ query: VIEWER }), headers: { authorization: `Bearer ${await sign()}` } }));
    expect(res.body.data).toEqual({ viewer: { personId: 'shimin-manager' } });
    expect(res.status).toBe(200);
  });
});

describe("deployed, API Gateway's JWT authorizer has verified the token and passes its claims", () => {
  it('claims with a username identify the person without an Authorization header', async () => {
    const res = await api.invoke(v2Event({ body: JSON.stringify({ query: VIEWER }), claims: { username: 'shimin-manager', token_use: 'access' } }));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ viewer: { personId: 'shimin-manager' } });
    expect(res.status).toBe(200);
  });

  it('claims identify the person who writes', async () => {
    const res = await api.invoke(v2Event({ body: registerBody(), claims: { username: 'shimin-manager' } }));
    expect(res.body.data.registerSystem.userErrors).toEqual([]);
    const id = res.body.data.registerSystem.system.id;
    const trail = await api.data('shimin-manager', 'query($id: ID!) { auditTrail(objectId: $id, first: 5) { nodes { action actor { personId } } } }', { id });
    expect(trail.auditTrail.nodes).toEqual([{ action: 'system.registered', actor: { personId: 'shimin-manager' } }]);
  });

  it('claims that name no user are a 401 UNAUTHENTICATED, and write nothing', async () => {
    const res = await writesNothing(api, () => api.invoke(v2Event({ body: registerBody(), claims: { sub: '0f1e2d3c', token_use: 'access' } })));
    const error = onlyError(res);
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('トークンに利用者 (username) が含まれていません。');
    expectNoInternals(res);
    expect(res.status).toBe(401);
  });

  it('claims naming someone not registered are a 403 FORBIDDEN, and write nothing', async () => {
    const res = await writesNothing(api, () => api.invoke(v2Event({ body: registerBody(), claims: { username: 'not-on-the-staff' } })));
    expect(onlyError(res).extensions.code).toBe('FORBIDDEN');
    expectNoInternals(res);
    expect(res.status).toBe(403);
  });
});

describe('第5条・第7条: a signed-in person acts only for the department they manage', () => {
  it("第7条: 市民課's information manager cannot register a system for 健康推進課: WRONG_DEPARTMENT, nothing written", async () => {
    const res = await writesNothing(api, () => api.gql('shimin-manager', REGISTER_SYSTEM, { input: systemFor('kenkou') }));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.registerSystem.system).toBeNull();
    expect(res.body.data.registerSystem.userErrors).toEqual([
      expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第7条', message: expect.stringMatching(/できるのは、所管課の情報管理責任者のみです。$/) }),
    ]);
    expectNoInternals(res);
    expect(res.status).toBe(200);
  });

  it('第7条: the refusal names the input field at fault, owningDepartmentId', async () => {
    const res = await writesNothing(api, () => api.gql('shimin-manager', REGISTER_SYSTEM, { input: systemFor('kenkou') }));
    // RegisterSystemInput has no `systemId`: a client highlighting the field must be told `owningDepartmentId`.
    expect(res.body.data.registerSystem.userErrors).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', field: ['owningDepartmentId'] })]);
  });

  it('第7条: staff (職員等) of 市民課, not an information manager, cannot register a system even for their own department: FORBIDDEN, nothing written', async () => {
    const res = await writesNothing(api, () => api.gql('shimin-staff', REGISTER_SYSTEM, { input: systemFor('shimin') }));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.registerSystem.system).toBeNull();
    const [error, ...more] = res.body.data.registerSystem.userErrors;
    expect(more).toEqual([]);
    expect(error).toMatchObject({ code: 'FORBIDDEN', article: '第7条', field: ['owningDepartmentId'], message: expect.stringMatching(/できるのは、情報管理責任者のみです。$/) });
    expect(res.status).toBe(200);
  });

  it("第8条: 健康推進課's information manager cannot file a consultation on 市民課's 住民情報システム: WRONG_DEPARTMENT, nothing written", async () => {
    const res = await writesNothing(api, () =>
      api.gql('kenkou-manager', DRAFT_CONSULTATION, {
        input: { systemId: gid('System', 'demo-juumin'), action: 'CHANGE', title: '項目の追加', details: '健診結果との連携項目を追加する。', submit: true },
      }),
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.draftConsultation).toEqual({
      consultation: null,
      userErrors: [{ code: 'WRONG_DEPARTMENT', article: '第8条', field: ['systemId'], message: 'この協議を行うことができるのは、所管課の情報管理責任者のみです。' }],
    });
    expectNoInternals(res);
    expect(res.status).toBe(200);
  });

  it("第7条: 健康推進課's information manager cannot file a decision consultation (様式第1号) on 市民課's system either", async () => {
    const res = await writesNothing(api, () =>
      api.gql('kenkou-manager', DRAFT_CONSULTATION, { input: { systemId: gid('System', 'demo-juumin'), action: 'DECIDE', title: '決定', details: '決定を求める。' } }),
    );
    expect(res.body.data.draftConsultation.userErrors).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第7条' })]);
  });

  it('第7条: the same information manager may register a system for their own department (市民課)', async () => {
    const res = await api.gql('shimin-manager', REGISTER_SYSTEM, { input: systemFor('shimin') });
    expect(res.body.data.registerSystem.userErrors).toEqual([]);
    expect(res.body.data.registerSystem.system).toMatchObject({ name: '窓口予約システム' });
    expect(res.body.extensions.cost.calls.TransactWriteItems).toBe(1);
  });
});
