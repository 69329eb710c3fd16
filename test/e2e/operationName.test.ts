/**
 * GraphQL over HTTP: an empty operation name is no operation name. GraphiQL sends `"operationName": ""` for an
 * anonymous query such as `{ viewer { name } }`; other clients send `operationName=` in a GET. Both entry points
 * (the Lambda handler, with API Gateway v2 events, and the local server, over real HTTP) drop it before Apollo sees
 * the request (functions/api/request.ts), so the query runs.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signLocalToken } from '../../functions/api/auth';
import { normaliseOperationNameInBody, normaliseOperationNameInQuery } from '../../functions/api/request';
import { createLocalServer } from '../../functions/local/http';
import { seedDemoCity } from '../../functions/local/seed';
import { configFromEnv } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/createTable';
import { Store } from '../../functions/store/store';
import { Api, setupApi, v2Event } from '../support/api';

const QUERY = '{ viewer { name } }';
const TWO = 'query First { viewer { name } } query Second { viewer { personId } }';

describe('normalising the operation name (functions/api/request.ts)', () => {
  it('drops "operationName": "" from a POST body, and from each request of a batch', () => {
    expect(normaliseOperationNameInBody({ query: QUERY, operationName: '' })).toEqual({ query: QUERY });
    expect(normaliseOperationNameInBody([{ query: QUERY, operationName: '' }, { query: QUERY, operationName: 'A' }])).toEqual([{ query: QUERY }, { query: QUERY, operationName: 'A' }]);
  });

  it('leaves a body alone otherwise (the same object)', () => {
    for (const body of [{ query: QUERY }, { query: QUERY, operationName: 'A' }, { query: QUERY, operationName: null }, 'text', null, [{ query: QUERY }]]) {
      expect(normaliseOperationNameInBody(body)).toBe(body);
    }
  });

  it('drops operationName= from a query string, leaving the rest as written', () => {
    expect(normaliseOperationNameInQuery('?query=%7B%20viewer%20%7D&operationName=&variables=%7B%7D')).toBe('?query=%7B%20viewer%20%7D&variables=%7B%7D');
    expect(normaliseOperationNameInQuery('query=%7B+viewer+%7D&operationName')).toBe('query=%7B+viewer+%7D');
    expect(normaliseOperationNameInQuery('?operationName=')).toBe('');
    expect(normaliseOperationNameInQuery('operation%4Eame=&query=x')).toBe('query=x');
  });

  it('leaves a query string alone when the name is given, absent, or given twice with a value', () => {
    for (const search of ['?query=x&operationName=A', '?query=x', '', '?operationName=&operationName=A', '?query=x&xoperationName=']) {
      expect(normaliseOperationNameInQuery(search)).toBe(search);
    }
  });
});

describe('the Lambda handler', () => {
  let api: Api;
  let auth: Record<string, string>;
  beforeAll(async () => {
    api = await setupApi();
    auth = { authorization: `Bearer ${await api.token('shimin-manager')}` };
  });

  it('runs an anonymous query sent with "operationName": "" (as GraphiQL sends it)', async () => {
    const res = await api.invoke(v2Event({ body: JSON.stringify({ query: QUERY, variables: {}, operationName: '' }), headers: auth }));
    expect(res.body).toEqual({ data: { viewer: { name: expect.any(String) } }, extensions: expect.anything() });
    expect(res.status).toBe(200);
  });

  it('… also when API Gateway hands the body over base64-encoded', async () => {
    const event = v2Event({ body: Buffer.from(JSON.stringify({ query: QUERY, operationName: '' })).toString('base64'), headers: auth });
    event.isBase64Encoded = true;
    const res = await api.invoke(event);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ viewer: { name: expect.any(String) } });
  });

  it('runs a GET with operationName=', async () => {
    const res = await api.invoke(
      v2Event({ method: 'GET', rawQueryString: `query=${encodeURIComponent(QUERY)}&operationName=`, headers: { ...auth, 'apollo-require-preflight': 'true' } }),
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ viewer: { name: expect.any(String) } });
  });

  it('still picks the named operation of several', async () => {
    const res = await api.invoke(v2Event({ body: JSON.stringify({ query: TWO, operationName: 'Second' }), headers: auth }));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ viewer: { personId: 'shimin-manager' } });
  });
});

describe('the local server, over HTTP', () => {
  let server: Server | undefined;
  let url = '';
  let auth: Record<string, string>;
  beforeAll(async () => {
    const config = configFromEnv({ ...process.env, TABLE_NAME: `operation-name-${randomUUID()}` });
    await ensureTable(config);
    await seedDemoCity(new Store(config));
    auth = { authorization: `Bearer ${await signLocalToken('shimin-manager', process.env.LOCAL_JWT_SECRET!)}` };
    server = await createLocalServer({ config, localSecret: process.env.LOCAL_JWT_SECRET! });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
  });

  it('runs an anonymous query POSTed with "operationName": "" (as GraphiQL sends it)', async () => {
    const res = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: {}, operationName: '' }) });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(body.data).toEqual({ viewer: { name: expect.any(String) } });
  });

  it('runs a GET with operationName=', async () => {
    const res = await fetch(`${url}?query=${encodeURIComponent(QUERY)}&operationName=`, { headers: { ...auth, accept: 'application/json', 'apollo-require-preflight': 'true' } });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(body.data).toEqual({ viewer: { name: expect.any(String) } });
  });
});
