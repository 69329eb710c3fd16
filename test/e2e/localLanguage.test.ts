/**
 * The local server speaks as the Lambda does: Japanese, English on `Accept-Language: en` — for the answers it gives
 * itself (not found, a body too large), for authentication, and for a refusal inside a mutation. Over real HTTP,
 * against the in-process server (functions/local/http.ts) with DynamoDB Local behind it.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signLocalToken } from '../../functions/api/auth';
import { createLocalServer } from '../../functions/local/http';
import { seedDemoCity } from '../../functions/local/seed';
import { configFromEnv } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/createTable';
import { Store } from '../../functions/store/store';
import { gid } from '../support/api';

let server: Server | undefined;
let base = '';
let token = '';

beforeAll(async () => {
  const config = configFromEnv({ ...process.env, TABLE_NAME: `language-${randomUUID()}` });
  await ensureTable(config);
  await seedDemoCity(new Store(config));
  token = await signLocalToken('shimin-manager', process.env.LOCAL_JWT_SECRET!);
  server = await createLocalServer({ config, localSecret: process.env.LOCAL_JWT_SECRET! });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server!.close(() => resolve()));
});

async function post(body: string, headers: Record<string, string> = {}, path = '/graphql') {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] } }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const EN = { 'accept-language': 'en-US,en;q=0.9' };
const viewer = JSON.stringify({ query: '{ viewer { name } }' });

describe('the local server: Japanese, English on Accept-Language: en', () => {
  it('a path that is not /graphql: 404', async () => {
    const ja = await post(viewer, {}, '/nothing');
    const en = await post(viewer, EN, '/nothing');
    expect(ja.status).toBe(404);
    expect(ja.body.errors?.[0].message).toBe('ここには何もありません: API は /graphql です。');
    expect(en.body.errors?.[0].message).toBe('Not found: the API is at /graphql.');
  });

  it('a body over 64 KiB: 413', async () => {
    const big = JSON.stringify({ query: `{ viewer { name } } # ${'x'.repeat(70 * 1024)}` });
    expect((await post(big)).body.errors?.[0].message).toBe('リクエストの本文が 65536 バイトを超えています。');
    expect((await post(big, EN)).body.errors?.[0].message).toBe('The request body is larger than 65536 bytes.');
  });

  it('no token: 401', async () => {
    const ja = await post(viewer);
    const en = await post(viewer, EN);
    expect(ja.status).toBe(401);
    expect(ja.body.errors?.[0].message).toBe('サインインしてください: `Authorization: Bearer <トークン>` を送ってください。');
    expect(en.body.errors?.[0].message).toBe('Sign in: send `Authorization: Bearer <token>`.');
  });

  it('a token that is not valid: 401', async () => {
    expect((await post(viewer, { authorization: 'Bearer nope' })).body.errors?.[0].message).toBe('トークンが正しくないか、有効期限が切れています。');
    expect((await post(viewer, { authorization: 'Bearer nope', ...EN })).body.errors?.[0].message).toBe('The token is not valid or has expired.');
  });

  it('第7条: a refused mutation’s userError', async () => {
    const body = JSON.stringify({
      query: 'mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id } userErrors { code message article } } }',
      variables: { input: { name: '窓口予約', category: 'BUSINESS', network: 'EXTERNAL', purposes: ['CITIZEN_WELFARE'], owningDepartmentId: gid('Department', 'kenkou') } },
    });
    const auth = { authorization: `Bearer ${token}` };
    expect((await post(body, auth)).body.data.registerSystem.userErrors).toEqual([
      { code: 'WRONG_DEPARTMENT', article: '第7条', message: 'このシステムの記録を扱うことができるのは、所管課の情報管理責任者のみです。' },
    ]);
    expect((await post(body, { ...auth, ...EN })).body.data.registerSystem.userErrors).toEqual([
      { code: 'WRONG_DEPARTMENT', article: '第7条', message: "Only the information manager of the department concerned may act on this system's record." },
    ]);
  });

  it('input over its limit: class-validator, per field', async () => {
    const body = JSON.stringify({ query: 'query($n: Int!) { systems(first: $n) { nodes { id } } }', variables: { n: 0 } });
    const auth = { authorization: `Bearer ${token}` };
    expect((await post(body, auth)).body.errors?.[0].message).toBe('入力内容が正しくありません: first: 1以上の値を指定してください。');
    expect((await post(body, { ...auth, ...EN })).body.errors?.[0].message).toBe('Invalid input: first: first must not be less than 1');
  });
});
