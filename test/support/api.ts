/**
 * Drives the real Lambda handler with API Gateway HTTP API (payload v2) events against DynamoDB Local.
 * Each test file gets its own table with the demo city seeded, so files do not see each other's writes.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import { signLocalToken } from '../../functions/api/auth';
import { configFromEnv } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/createTable';
import { Store, documentClient } from '../../functions/store/store';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { seedDemoCity } from '../../functions/local/seed';
import { changesOf, getObject } from '../../functions/store/kinds';
import { fromGlobalId, toGlobalId, NodeType } from '../../graphql/globalId';

export interface Response {
  status: number;
  headers: Record<string, string>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  raw: string;
}

export function v2Event(options: {
  body?: string;
  headers?: Record<string, string>;
  method?: string;
  claims?: Record<string, string>;
  rawQueryString?: string;
  /** The path asked for. @default '/graphql' */
  path?: string;
}): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const path = options.path ?? '/graphql';
  const now = new Date();
  const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: options.rawQueryString ?? '',
    headers: {
      host: 'abc123.execute-api.ap-northeast-1.amazonaws.com',
      'user-agent': 'jest',
      'x-forwarded-for': '192.0.2.10',
      'x-forwarded-proto': 'https',
      ...(options.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(options.body)) } : {}),
      ...options.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-northeast-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.10', userAgent: 'jest' },
      requestId: randomUUID(),
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: null } } } : {}),
    },
    body: options.body,
    isBase64Encoded: false,
  };
  return event;
}

function lambdaContext(): LambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'regulation-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:ap-northeast-1:123456789012:function:regulation-api',
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/regulation-api',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

type Handler = (event: APIGatewayProxyEventV2, context: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2>;

export interface Api {
  tableName: string;
  store(): Store;
  /** Sends an event to the handler as it is. */
  invoke(event: APIGatewayProxyEventV2): Promise<Response>;
  /**
   * A GraphQL request as `personId` (signed local token), or anonymous when personId is null; `headers` adds to the
   * request's (`{ 'accept-language': 'en' }` for the English messages).
   */
  gql(personId: string | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  /** Like gql, but fails the test on any top-level error and returns `data`. */
  data(personId: string, query: string, variables?: Record<string, unknown>): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  token(personId: string): Promise<string>;
  /**
   * Every item in the test's table (a Scan: fine in a test, never in a request path), to prove that a refused
   * request wrote nothing: compare before and after.
   */
  snapshot(): Promise<Record<string, unknown>[]>;
}

export const gid = (type: NodeType, key: string) => toGlobalId(type, key);

/** Two mutations that write, for the tests proving that a refused request writes nothing. */
export const REGISTER_SYSTEM = `mutation($input: RegisterSystemInput!) {
  registerSystem(input: $input) { system { id name } userErrors { code message field article } }
}`;
export const DRAFT_CONSULTATION = `mutation($input: DraftConsultationInput!) {
  draftConsultation(input: $input) { consultation { id } userErrors { code message field article } }
}`;

/**
 * Every response of every API test: the DynamoDB calls it made never exceed the estimate made before it ran
 * (`extensions.cost.estimatedCalls`, an upper bound). A response without an estimate (a body refused before GraphQL
 * read it) must have made no call.
 */
export function expectWithinEstimate(event: APIGatewayProxyEventV2, body: unknown): void {
  const cost = (body as { extensions?: { cost?: { dynamodbCalls?: number; estimatedCalls?: number } } } | undefined)?.extensions?.cost;
  if (!cost || typeof cost.dynamodbCalls !== 'number') return;
  const estimated = cost.estimatedCalls ?? 0;
  if (cost.dynamodbCalls > estimated) {
    const request = event.body ?? event.rawQueryString;
    throw new Error(
      `DynamoDB calls ${cost.dynamodbCalls} exceed the estimate ${estimated} (${JSON.stringify((cost as { calls?: unknown }).calls)}) for the request:\n${request}`,
    );
  }
}

/** A fresh table with the demo city, and the handler bound to it. */
/** A fresh table seeded with the demo city; with its stream only for a test that reads it (the mail sender's). */
export async function setupApi({ stream = false }: { stream?: boolean } = {}): Promise<Api> {
  const tableName = `t-${randomUUID()}`;
  process.env.TABLE_NAME = tableName;
  const config = configFromEnv();
  await ensureTable(config, { stream });
  await seedDemoCity(new Store(config));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require('../../functions/api/handler') as { handler: Handler };
  const tokens = new Map<string, string>();
  const token = async (personId: string) => {
    if (!tokens.has(personId)) tokens.set(personId, await signLocalToken(personId, process.env.LOCAL_JWT_SECRET as string));
    return tokens.get(personId) as string;
  };
  const invoke = async (event: APIGatewayProxyEventV2): Promise<Response> => {
    const result = await handler(event, lambdaContext());
    const raw = typeof result.body === 'string' ? result.body : '';
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      /* not JSON: keep the text */
    }
    expectWithinEstimate(event, body);
    return { status: result.statusCode ?? 200, headers: (result.headers ?? {}) as Record<string, string>, body, raw };
  };
  const gql = async (personId: string | null, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    invoke(
      v2Event({
        body: JSON.stringify({ query, variables }),
        headers: { ...(personId ? { authorization: `Bearer ${await token(personId)}` } : {}), ...headers },
      }),
    );
  return {
    tableName,
    store: () => new Store(config),
    invoke,
    gql,
    token,
    async snapshot() {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await documentClient(config).send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
        items.push(...(out.Items ?? []));
        start = out.LastEvaluatedKey;
      } while (start);
      return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
    },
    async data(personId, query, variables) {
      const res = await gql(personId, query, variables);
      if (res.status !== 200 || res.body.errors) {
        throw new Error(`GraphQL request failed (${res.status}): ${JSON.stringify(res.body.errors ?? res.body)}`);
      }
      return res.body.data;
    },
  };
}

/** A top-level GraphQL error as the client receives it. */
export type TopError = { message: string; extensions: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A refusal under the regulation, as a mutation payload's userError. */
export type UserError = { code: string; message: string; article: string | null; field: string[] | null };

/** The response's single top-level error. */
export function topError(res: Response): TopError {
  expect(res.body.errors).toHaveLength(1);
  return res.body.errors[0];
}

/** The response's single top-level error, with no data beside it. */
export function onlyError(res: Response): TopError {
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.data ?? null).toBeNull();
  return res.body.errors[0];
}

/** Sends one request and proves the table is exactly as it was. */
export async function writesNothing(api: Api, send: () => Promise<Response>): Promise<Response> {
  const before = await api.snapshot();
  const res = await send();
  expect(await api.snapshot()).toEqual(before);
  return res;
}

/**
 * No stack trace, no path on this machine, no DynamoDB internals anywhere in what the client receives; `also` adds
 * the internals (a pattern) and the strings the calling file must not see either.
 */
export function expectNoInternals(api: Api, res: Response, also: { internals: RegExp; absent: string[] }): void {
  const raw = res.raw;
  expect(raw).not.toMatch(/stacktrace/i);
  expect(raw).not.toContain('/work/');
  expect(raw).not.toContain('node_modules');
  expect(raw).not.toMatch(/\n\s+at |\bat [\w$.<>]+ \(|\.[jt]s:\d+:\d+/);
  // `extensions.cost.dynamodbCalls` is the documented cost report, and the call budget's refusal speaks of the same
  // calls (`DynamoDB 呼び出し` / `DynamoDB calls`); nothing else may mention DynamoDB.
  expect(raw.replace(/"dynamodbCalls"|DynamoDB 呼び出し|DynamoDB calls/g, '')).not.toMatch(/dynamo/i);
  expect(raw).not.toMatch(also.internals);
  expect(raw).not.toContain(api.tableName);
  for (const s of also.absent) expect(raw).not.toContain(s);
}

/** The payload of a mutation (its single field): its userErrors and the objects it returns (system, person, …). */
function payloadOf(data: Record<string, unknown>): { userErrors: UserError[]; objects: unknown[] } {
  const { userErrors, ...objects } = Object.values(data)[0] as { userErrors: UserError[]; [field: string]: unknown };
  return { userErrors, objects: Object.values(objects) };
}

/** Runs a mutation that must be refused: returns its userErrors and proves that nothing was returned or written. */
export async function refused(api: Api, personId: string, mutation: string, input: Record<string, unknown>): Promise<UserError[]> {
  const before = await api.snapshot();
  const { userErrors, objects } = payloadOf(await api.data(personId, mutation, { input }));
  expect(userErrors).not.toEqual([]);
  for (const object of objects) expect(object ?? null).toBeNull();
  expect(await api.snapshot()).toEqual(before);
  return userErrors;
}

/** Runs a mutation that must succeed and returns the object of its payload (the system, person, consultation, …). */
export async function ok(api: Api, personId: string, mutation: string, input: Record<string, unknown>): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { userErrors, objects } = payloadOf(await api.data(personId, mutation, { input }));
  expect(userErrors).toEqual([]);
  return objects[0];
}

const DAY_MS = 86_400_000;

/** Every date (YYYY-MM-DD) and instant (ISO, UTC) within `value`, `days` earlier; anything else as it is. */
function shiftedBack(value: unknown, days: number): unknown {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(Date.parse(`${value}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) return new Date(Date.parse(value) - days * DAY_MS).toISOString();
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => shiftedBack(v, days));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftedBack(v, days)]));
  return value;
}

/**
 * The clock moved on `days`: the stored object, as the API left it, with everything it went through — its period, its
 * decision, its agreement — `days` earlier, written back through the store with an audit event. For a state the
 * API rightly refuses to make today (a grant approved while in force whose period has since ended: 第14条・第15条
 * あらかじめ); the API tests run on the real clock, so the record moves instead.
 */
export async function movedBack(api: Api, kind: 'DataUseApplication' | 'ExternalProvision', id: string, days: number): Promise<void> {
  const key = fromGlobalId(id)!.key;
  const before = (await getObject(api.store(), kind, key))!;
  const after = { ...(shiftedBack(before, days) as typeof before), version: before.version + 1 };
  const event = { id: randomUUID(), objectType: kind, objectId: key, action: 'test.clockMoved', actorId: 'soumu-director', at: new Date().toISOString(), before: {}, after: {} };
  await api.store().commit(changesOf({ record: after, changes: [{ kind, before, after, action: event.action }] }), [event]);
}
