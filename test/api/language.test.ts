/**
 * CONVENTIONS: messages are Japanese (the city staff's language); English only when the client asks with
 * `Accept-Language: en` (its first language tag), the same way everywhere. Through the real Lambda handler with API
 * Gateway events: a refused mutation, a refused read, input over its limit, authentication, a bad cursor, a body
 * refused before GraphQL runs, and a document graphql-js rejects.
 */
import { Api, REGISTER_SYSTEM, Response, gid, setupApi, v2Event } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const EN = { 'accept-language': 'en' };
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

const systemFor = (department: string, extra: Record<string, unknown> = {}) => ({
  name: '窓口予約システム',
  category: 'BUSINESS',
  network: 'EXTERNAL',
  purposes: ['CITIZEN_WELFARE'],
  owningDepartmentId: gid('Department', department),
  ...extra,
});

const topMessage = (res: Response): string => {
  expect(res.body.errors).toHaveLength(1);
  return res.body.errors[0].message;
};

describe('a refused mutation: its userError speaks Japanese, English on Accept-Language: en', () => {
  it("第7条: 市民課's information manager registering a system for 健康推進課 (WRONG_DEPARTMENT)", async () => {
    const ja = await api.gql('shimin-manager', REGISTER_SYSTEM, { input: systemFor('kenkou') });
    const en = await api.gql('shimin-manager', REGISTER_SYSTEM, { input: systemFor('kenkou') }, EN);
    const same = { code: 'WRONG_DEPARTMENT', article: '第7条', field: ['owningDepartmentId'] };
    expect(ja.body.data.registerSystem.userErrors).toEqual([
      { ...same, message: 'このシステムの記録を扱うことができるのは、所管課の情報管理責任者のみです。' },
    ]);
    expect(en.body.data.registerSystem.userErrors).toEqual([
      { ...same, message: "Only the information manager of the department concerned may act on this system's record." },
    ]);
    // A cache between client and API must not hand one language's answer to the other.
    for (const res of [ja, en]) expect(res.headers.vary).toMatch(/accept-language/i);
  });

  it('STALE_VERSION: an expectedVersion that is not the one stored', async () => {
    const Q = `mutation($input: UpdateSystemInput!) { updateSystem(input: $input) { system { id } userErrors { code message field } } }`;
    const input = { systemId: gid('System', 'demo-juumin'), expectedVersion: 999, changes: { description: '説明' } };
    const ja = (await api.data('shimin-manager', Q, { input })).updateSystem.userErrors;
    const en = (await api.gql('shimin-manager', Q, { input }, EN)).body.data.updateSystem.userErrors;
    expect(ja).toEqual([{ code: 'STALE_VERSION', field: ['expectedVersion'], message: expect.stringMatching(/^読み込んだ後に、他の操作でこの記録が更新されています/) }]);
    expect(en).toEqual([{ code: 'STALE_VERSION', field: ['expectedVersion'], message: expect.stringMatching(/^This record has changed since you read it/) }]);
  });
});

describe('a refused read (FORBIDDEN) is a top-level error in the request’s language', () => {
  it('第24条第3項: the passwords falling due are the system administrator’s', async () => {
    const Q = '{ overduePasswords(first: 5) { nodes { id } } }';
    const ja = await api.gql('shimin-staff', Q);
    const en = await api.gql('shimin-staff', Q, undefined, EN);
    for (const res of [ja, en]) expect(res.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', article: '第24条第3項' });
    expect(topMessage(ja)).toBe('期限の近いパスワードの一覧は、情報システム管理者のみが参照できます。');
    expect(topMessage(en)).toBe('The system administrator reads the passwords falling due.');
  });

  it('第26条: a refusal to read at the root (openVirusIncidents)', async () => {
    const Q = '{ openVirusIncidents(first: 5) { nodes { id } } }';
    expect(topMessage(await api.gql('shimin-staff', Q))).toBe('ウィルス事案は、情報システム管理者、総括管理責任者及び情報管理責任者が参照できます。');
    expect(topMessage(await api.gql('shimin-staff', Q, undefined, EN))).toBe(
      'The system administrator, the general manager and the information managers read virus incidents.',
    );
  });
});

describe('input over its limit (class-validator) names the field, in Japanese or in class-validator’s English', () => {
  it('a system name of 201 characters (limit 200)', async () => {
    const input = systemFor('shimin', { name: 'あ'.repeat(201) });
    const ja = await api.gql('shimin-manager', REGISTER_SYSTEM, { input });
    const en = await api.gql('shimin-manager', REGISTER_SYSTEM, { input }, EN);
    for (const res of [ja, en]) {
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(topMessage(ja)).toBe('入力内容が正しくありません: name: 200文字以内で入力してください。');
    expect(ja.body.errors[0].extensions.problems).toEqual([{ field: ['name'], message: '200文字以内で入力してください。' }]);
    expect(topMessage(en)).toBe('Invalid input: name: name must be shorter than or equal to 200 characters');
    expect(en.body.errors[0].extensions.problems).toEqual([{ field: ['name'], message: 'name must be shorter than or equal to 200 characters' }]);
  });

  it('`first` over 100', async () => {
    const Q = 'query($n: Int!) { systems(first: $n) { nodes { id } } }';
    expect((await api.gql('shimin-manager', Q, { n: 101 })).body.errors[0].extensions.problems).toEqual([{ field: ['first'], message: '100以下の値を指定してください。' }]);
    expect((await api.gql('shimin-manager', Q, { n: 101 }, EN)).body.errors[0].extensions.problems).toEqual([
      { field: ['first'], message: 'first must not be greater than 100' },
    ]);
  });
});

describe('authentication', () => {
  it('no token: 401 UNAUTHENTICATED, saying how to sign in', async () => {
    const ja = await api.gql(null, '{ viewer { name } }');
    const en = await api.gql(null, '{ viewer { name } }', undefined, EN);
    for (const res of [ja, en]) {
      expect(res.status).toBe(401);
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(topMessage(ja)).toBe('サインインしてください: `Authorization: Bearer <トークン>` を送ってください。');
    expect(topMessage(en)).toBe('Sign in: send `Authorization: Bearer <token>`.');
  });

  it('a token that is not valid: 401 UNAUTHENTICATED', async () => {
    const body = JSON.stringify({ query: '{ viewer { name } }' });
    const ja = await api.invoke(v2Event({ body, headers: { authorization: 'Bearer not-a-token' } }));
    const en = await api.invoke(v2Event({ body, headers: { authorization: 'Bearer not-a-token', ...EN } }));
    expect(topMessage(ja)).toBe('トークンが正しくないか、有効期限が切れています。');
    expect(topMessage(en)).toBe('The token is not valid or has expired.');
  });

  it('someone not registered as city staff: 403 FORBIDDEN', async () => {
    expect(topMessage(await api.gql('nobody-here', '{ viewer { name } }'))).toBe('nobody-here は職員として登録されていません。');
    expect(topMessage(await api.gql('nobody-here', '{ viewer { name } }', undefined, EN))).toBe('nobody-here is not registered as city staff.');
  });
});

describe('a bad cursor and an id of the wrong type', () => {
  it('a cursor that is not of the list: 400 BAD_USER_INPUT on `after`', async () => {
    const Q = 'query($after: String) { systems(first: 1, after: $after) { nodes { id } } }';
    const ja = await api.gql('shimin-manager', Q, { after: 'garbage!!' });
    const en = await api.gql('shimin-manager', Q, { after: 'garbage!!' }, EN);
    for (const res of [ja, en]) expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(topMessage(ja)).toBe('このカーソルはこの一覧のものではありません。`after` を付けずに最初から読み直してください。');
    expect(topMessage(en)).toBe('The cursor is not valid for this list. Start again without `after`.');
  });

  it('the id of a System where a Department is wanted: NOT_FOUND naming the field', async () => {
    const input = systemFor('shimin', { owningDepartmentId: gid('System', 'demo-juumin') });
    expect((await api.data('shimin-manager', REGISTER_SYSTEM, { input })).registerSystem.userErrors[0].message).toBe(
      'owningDepartmentId は主管課のIDではありません。',
    );
    expect((await api.gql('shimin-manager', REGISTER_SYSTEM, { input }, EN)).body.data.registerSystem.userErrors[0].message).toBe(
      'owningDepartmentId is not the id of a department.',
    );
  });
});

describe('before GraphQL runs, and graphql-js’s own words', () => {
  it('a body that is not JSON: 400 BAD_REQUEST', async () => {
    expect(topMessage(await api.invoke(v2Event({ body: '{"query": ' })))).toBe('リクエストの本文が正しい JSON ではありません。');
    expect(topMessage(await api.invoke(v2Event({ body: '{"query": ', headers: EN })))).toBe('The request body is not valid JSON.');
  });

  it('an unknown field: graphql-js’s message, after a Japanese lead unless English is asked for', async () => {
    const ja = await api.gql('shimin-manager', '{ viewer { salary } }');
    const en = await api.gql('shimin-manager', '{ viewer { salary } }', undefined, EN);
    expect(topMessage(ja)).toBe('リクエストが正しくありません: Cannot query field "salary" on type "Person".');
    expect(topMessage(en)).toBe('Cannot query field "salary" on type "Person".');
  });
});

describe('which requests get English: the first tag of Accept-Language is en', () => {
  it.each([
    { header: 'en', english: true },
    { header: 'en-US,en;q=0.9,ja;q=0.8', english: true },
    { header: 'EN-gb', english: true },
    { header: 'ja', english: false },
    { header: 'ja,en;q=0.9', english: false },
    { header: 'fr-FR,en;q=0.5', english: false },
    { header: '*', english: false },
    { header: 'eng', english: false },
  ])('Accept-Language: $header → English: $english', async ({ header, english }) => {
    const message = topMessage(await api.gql(null, '{ viewer { name } }', undefined, { 'accept-language': header }));
    expect(JAPANESE.test(message.replace('<トークン>', ''))).toBe(!english);
    expect(message.startsWith('Sign in')).toBe(english);
  });

  it('without the header, Japanese only: no English appended', async () => {
    const message = topMessage(await api.gql(null, '{ viewer { name } }'));
    expect(message).not.toMatch(/Sign in|send/);
  });
});
