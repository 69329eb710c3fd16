/**
 * The bench's fixed operations, run in a process of their own per table: each through the API's handler AS DEPLOYED
 * (the esbuild bundle dist/bundle/api/index.js, whose path run.ts passes as the first argument), under the Lambda's
 * Node major (run.ts forks this file with lambdaNode()'s binary and the environment Lambda gives the function), with
 * API Gateway v2 events whose caller is identified as on Lambda: by the JWT authorizer's claims in the event, no token.
 * Beside each, its FLOOR: the same DynamoDB calls with the same keys made directly with the DocumentClient, without
 * GraphQL. Only the handler comes from the bundle: this file and the floor are tsc's output in dist/ (with their own
 * copy of the AWS SDK), which never loads the API's handler or server (checked when the bundle is loaded).
 * run.ts drives it over IPC in chunks of rounds, alternating between the small and the large table's processes so
 * that drift in the machine's load falls on both alike.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import { BatchGetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { BatchGetCommandOutput, QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { eventOf } from '../../functions/domain/audit';
import { Consultation, consultationForm } from '../../functions/domain/consultations';
import { decided, submitted } from '../../functions/domain/forms';
import { Transition } from '../../functions/domain/change';
import { RoleAssignment } from '../../functions/domain/people';
import { changesOf } from '../../functions/store/kinds';
import { Finding, Investigation } from '../../functions/domain/oversight';
import { SystemRecord } from '../../functions/domain/systems';
import { newId } from '../../functions/resolvers/support';
import { CostMeter, CostReport, configFromEnv } from '../../functions/store/client';
import { consultationKey, inboxPartition } from '../../functions/store/consultations';
import { findingItem, investigationItem, investigationKey } from '../../functions/store/oversight';
import { personFromItem, personKey, departmentKey } from '../../functions/store/people';
import { auditItem, documentClient, fromItem } from '../../functions/store/store';
import { systemKey, systemPartitions } from '../../functions/store/systems';
import { foldText } from '../../functions/store/registerIndex';
import { Item } from '../../functions/store/table';
import { fromGlobalId, toGlobalId } from '../../graphql/globalId';
import { v2Event } from '../support/api';
import { ADMINISTRATOR, Fixtures } from './data';

export interface OperationInfo {
  name: string;
  /** reference: not a target, shown for what every request costs the handler (one call, the viewer). */
  kind: 'read' | 'write' | 'reference';
}

/** The calls of one page, and what on it can make calls grow. */
export interface PageCalls {
  first: number;
  calls: number;
  /** `related`: the distinct related objects the page names (BatchGetItem, 100 keys a call); `nested`: the parents on the page. */
  related: number;
  /**
   * The BatchGetItem calls its keys need at DynamoDB's 100 keys a call, beyond one a wave: what the same page costs more
   * at 100 than at 10 however it is read (the related objects; a nested page's heads and the items they name).
   */
  extraBatches: number;
  /** As deployed, the request is refused before it runs (QUERY_TOO_COSTLY): its estimate is over the budget. `calls` are then
   * those it makes with the budget lifted for that one request. */
  refused?: { estimatedCalls: number; budget: number };
}

export interface PageSizeResult {
  name: string;
  /** related: related objects of the page loaded in batches; nested: a connection under each item of the page. */
  kind: 'related' | 'nested';
  small: PageCalls;
  large: PageCalls;
}

/** One request of the mix run.ts replays in a process holding only the bundle, for its memory: who asks, and the body. */
export interface MixRequest {
  operation: string;
  personId: string;
  body: string;
}

export interface Chunk {
  handler: number[];
  floor: number[];
  cost: CostReport;
  floorCost: CostReport;
}

/** One figure of a growing collection: the cost reported by the handler and the time of each sample. */
export interface CollectionFigure {
  name: string;
  cost: CostReport;
  samples: number[];
}

export type WorkerRequest =
  | { type: 'init'; fixtures: Fixtures; fixturesPerSide: number }
  | { type: 'run'; op: number; rounds: number; record: boolean }
  | { type: 'pageSizes' }
  | { type: 'collections'; rounds: number }
  /** `requests` of the operations in turn, writes on the fixtures after the handler's and the floor's (2 × fixturesPerSide on). */
  | { type: 'mix'; requests: number };

export type WorkerReply =
  | { type: 'ready'; operations: OperationInfo[] }
  | ({ type: 'chunk' } & Chunk)
  | { type: 'pageSizes'; pageSizes: PageSizeResult[] }
  | { type: 'collections'; figures: CollectionFigure[] }
  | { type: 'mix'; event: APIGatewayProxyEventV2; requests: MixRequest[] }
  | { type: 'error'; message: string };

type Handler = (event: APIGatewayProxyEventV2, context: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2>;

const config = configFromEnv();
const T = config.tableName;
const doc = documentClient(config);

function lambdaContext(): LambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'regulation-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:ap-northeast-1:123456789012:function:regulation-api',
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/regulation-api',
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

// ---- the handler side --------------------------------------------------------------------------------------------

/** The bundle's handler, loaded by `loadHandler` before the first request. */
let handler: Handler;

/** Requires the production bundle, and checks that no other copy of the API (tsc's, in dist/) is loaded beside it. */
function loadHandler(bundle: string): void {
  if (!bundle || !bundle.endsWith('.js')) throw new Error('bench: operations.js takes the path of the bundle (dist/bundle/api/index.js) as its argument');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  handler = (require(bundle) as { handler: Handler }).handler;
  const strays = Object.keys(require.cache).filter((p) => /[\\/]dist[\\/]functions[\\/]api[\\/](handler|server|schema)\.js$|[\\/]node_modules[\\/](type-graphql|@apollo[\\/]server)[\\/]/.test(p));
  if (strays.length) throw new Error(`bench: the API is measured from the bundle only, but the worker loaded ${strays.slice(0, 3).join(', ')}`);
}

/** A caller as API Gateway's JWT authorizer passes them on: the access token's claims, already verified. */
const claimsOf = (personId: string) => ({ username: personId, token_use: 'access' });

interface Request {
  personId: string;
  query: string;
  variables?: Record<string, unknown>;
}

interface Answer {
  ms: number;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  cost: CostReport;
}

/** One GraphQL request through the handler, timed from the call to its answer: the status and the parsed body. */
async function send({ personId, query, variables }: Request): Promise<{ ms: number; status: number | undefined; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const event = v2Event({ body: JSON.stringify({ query, variables }), claims: claimsOf(personId) });
  const context = lambdaContext();
  const start = process.hrtime.bigint();
  const result = await handler(event, context);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: result.statusCode, body: JSON.parse(String(result.body)) };
}

/** One GraphQL request through the handler; fails on any error. */
async function gql(request: Request): Promise<Answer> {
  const { ms, status, body } = await send(request);
  if (status !== 200 || body.errors) throw new Error(`bench request failed (${status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  const payload = Object.values(body.data)[0] as { userErrors?: unknown[] } | null;
  if (payload?.userErrors?.length) throw new Error(`bench mutation refused: ${JSON.stringify(payload.userErrors)}`);
  return { ms, data: body.data, cost: body.extensions.cost };
}

// ---- the floor: the same calls, directly ---------------------------------------------------------------------------

/** BatchGetItem as the store's DataLoader sends it (consistent, capacity reported). */
async function batchGet(meter: CostMeter, keys: { pk: string; sk: string }[]): Promise<Item[]> {
  const out: BatchGetCommandOutput = await doc.send(
    new BatchGetCommand({ RequestItems: { [T]: { Keys: keys, ConsistentRead: true } }, ReturnConsumedCapacity: 'TOTAL' }),
  );
  meter.record('BatchGetItem', out.ConsumedCapacity);
  if (out.UnprocessedKeys?.[T]?.Keys?.length) throw new Error('floor: unprocessed keys');
  return (out.Responses?.[T] ?? []) as Item[];
}

async function query(
  meter: CostMeter,
  q: { index?: string; partitionAttribute: string; partition: string; sortAttribute?: string; prefix?: string; limit: number },
): Promise<Item[]> {
  const out: QueryCommandOutput = await doc.send(
    new QueryCommand({
      TableName: T,
      IndexName: q.index,
      KeyConditionExpression: q.prefix ? '#p = :p AND begins_with(#s, :s)' : '#p = :p',
      ExpressionAttributeNames: q.prefix ? { '#p': q.partitionAttribute, '#s': q.sortAttribute as string } : { '#p': q.partitionAttribute },
      ExpressionAttributeValues: q.prefix ? { ':p': q.partition, ':s': q.prefix } : { ':p': q.partition },
      Limit: q.limit,
      ScanIndexForward: true,
      ConsistentRead: q.index ? undefined : true,
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  meter.record('Query', out.ConsumedCapacity);
  return (out.Items ?? []) as Item[];
}

async function transact(meter: CostMeter, writes: ({ item: Item; expectedVersion?: number; derived?: true } | { remove: { pk: string; sk: string } })[]): Promise<void> {
  const out = await doc.send(
    new TransactWriteCommand({
      ReturnConsumedCapacity: 'TOTAL',
      TransactItems: writes.map((w) => {
        if ('remove' in w) return { Delete: { TableName: T, Key: w.remove } };
        const { item, expectedVersion, derived } = w;
        if (derived) return { Put: { TableName: T, Item: item } };
        return {
        Put:
          expectedVersion === undefined
            ? { TableName: T, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                TableName: T,
                Item: item,
                ConditionExpression: '#v = :seen',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':seen': expectedVersion },
              },
        };
      }),
    }),
  );
  meter.record('TransactWriteItems', out.ConsumedCapacity);
}

const unique = (keys: { pk: string; sk: string }[]) => [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];

/**
 * A floor's write: the handler's one transaction (functions/resolvers/write.ts outcomeOf, store/kinds.ts changesOf), from
 * the transition the same pure domain function returns: every changed item and index entry, and an audit event of each.
 */
function commitFloor(meter: CostMeter, t: Transition, actorId: string, now: string): Promise<void> {
  return transact(meter, [...changesOf(t), ...t.changes.map((c) => ({ item: auditItem(eventOf(c, actorId, now, newId(now))) }))]);
}

// ---- the operations ------------------------------------------------------------------------------------------------

interface Operation extends OperationInfo {
  /** The request of a round: writes take the fixture at that index (the handler's rounds from 0, the floor's from
   * fixturesPerSide, the mix's from 2 × fixturesPerSide); reads ignore it. */
  request: (fixture: number) => Request;
  floor: (round: number) => Promise<{ ms: number; cost: CostReport }>;
}

/** Times a floor: from its first call to its last answer. */
async function timed(run: (meter: CostMeter) => Promise<void>): Promise<{ ms: number; cost: CostReport }> {
  const meter = new CostMeter();
  const start = process.hrtime.bigint();
  await run(meter);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cost: meter.snapshot() };
}

const VIEWER = 'query Viewer { viewer { id } }';
const SYSTEMS_PAGE = (first: number) => `query SystemsPage { systems(first: ${first}) { nodes { id name owningDepartment { id name } } } }`;
/** The register as staff search it: installed 業務系 systems by name (two partitions merged), and by words of a name. */
const FILTERED = (first: number) =>
  `query Filtered { systems(first: ${first}, filter: { status: [INSTALLED], category: BUSINESS }, orderBy: { field: NAME }) { nodes { id name owningDepartment { id name } } } }`;
const SEARCHED = (first: number) => `query Searched { systems(first: ${first}, filter: { text: "住民" }) { nodes { id name owningDepartment { id name } } } }`;
const INBOX = (first: number) => `query Inbox { myInbox(first: ${first}) { nodes { id title applicant { id name } ... on Consultation { system { id name } } } } }`;
const CONSULTATION = `query Consultation($id: ID!) {
  node(id: $id) { ... on Consultation { id title status auditTrail(first: 20) { nodes { action at } } } }
}`;
const SUBMIT = `mutation Submit($input: ConsultationTransitionInput!) {
  submitConsultation(input: $input) { consultation { id status version } userErrors { code message } }
}`;
const DECIDE = `mutation Decide($input: DecideConsultationInput!) {
  decideConsultation(input: $input) { consultation { id status system { status } } userErrors { code message } }
}`;

function operations(fixtures: Fixtures, perSide: number): Operation[] {
  const viewerKey = personKey(ADMINISTRATOR);
  // The handler takes fixtures from the front, the floor from perSide on, the mix after both: each is written once.
  return [
    {
      name: 'viewer { id } (reference: 1 call, the viewer)',
      kind: 'reference',
      request: () => ({ personId: ADMINISTRATOR, query: VIEWER }),
      floor: () => timed((m) => batchGet(m, [viewerKey]).then(() => undefined)),
    },
    {
      name: 'systems(first: 50) { owningDepartment { name } }',
      kind: 'read',
      request: () => ({ personId: ADMINISTRATOR, query: SYSTEMS_PAGE(50) }),
      floor: () =>
        timed(async (m) => {
          await batchGet(m, [viewerKey]);
          const page = await query(m, { index: 'byKind', partitionAttribute: 'kindPk', partition: 'System', limit: 50 });
          await batchGet(m, unique(page.map((s) => departmentKey(String(s.owningDepartmentId)))));
        }),
    },
    {
      name: 'systems(first: 50, filter: { status, category }, orderBy: NAME) { owningDepartment { name } }',
      kind: 'read',
      request: () => ({ personId: ADMINISTRATOR, query: FILTERED(50) }),
      floor: () =>
        timed(async (m) => {
          await batchGet(m, [viewerKey]);
          const partitions = systemPartitions({ statuses: ['INSTALLED'], category: 'BUSINESS', order: 'NAME' }) ?? [];
          const pages = await Promise.all(partitions.map((partition) => query(m, { partitionAttribute: 'pk', partition, limit: 51 })));
          const ids = pages.flat().sort((a, b) => Buffer.compare(Buffer.from(a.sk), Buffer.from(b.sk))).slice(0, 50).map((e) => String(e.objectId));
          const systems = await batchGet(m, ids.map(systemKey));
          await batchGet(m, unique(systems.map((s) => departmentKey(String(s.owningDepartmentId)))));
        }),
    },
    {
      name: 'systems(first: 50, filter: { text: "住民" }) { owningDepartment { name } }',
      kind: 'read',
      request: () => ({ personId: ADMINISTRATOR, query: SEARCHED(50) }),
      floor: () =>
        timed(async (m) => {
          await batchGet(m, [viewerKey]);
          const [partition] = systemPartitions({ text: '住民' }) ?? [];
          const entries = await query(m, { partitionAttribute: 'pk', partition, sortAttribute: 'sk', prefix: foldText('住民'), limit: 51 });
          const systems = await batchGet(m, entries.slice(0, 50).map((e) => systemKey(String(e.objectId))));
          await batchGet(m, unique(systems.map((s) => departmentKey(String(s.owningDepartmentId)))));
        }),
    },
    {
      name: 'myInbox(first: 20) { system { name } applicant { name } }',
      kind: 'read',
      request: () => ({ personId: ADMINISTRATOR, query: INBOX(20) }),
      floor: () =>
        timed(async (m) => {
          await batchGet(m, [viewerKey]);
          const page = await query(m, { index: 'inbox', partitionAttribute: 'inboxPk', partition: inboxPartition('SYSTEM_ADMINISTRATOR'), limit: 21 });
          const keys = page.slice(0, 20).flatMap((c) => [systemKey(String(c.systemId)), personKey(String(c.applicantId))]);
          await batchGet(m, unique(keys).filter((k) => k.pk !== viewerKey.pk || k.sk !== viewerKey.sk));
        }),
    },
    {
      name: 'node(id: consultation) { auditTrail(first: 20) }',
      kind: 'read',
      request: () => ({ personId: ADMINISTRATOR, query: CONSULTATION, variables: { id: toGlobalId('Consultation', fixtures.readConsultationId) } }),
      floor: () =>
        timed(async (m) => {
          await batchGet(m, [viewerKey]);
          const [c] = await batchGet(m, [consultationKey(fixtures.readConsultationId)]);
          await query(m, { partitionAttribute: 'pk', partition: c.pk, sortAttribute: 'sk', prefix: 'AUDIT#', limit: 20 });
        }),
    },
    {
      name: 'submitConsultation (a fresh draft)',
      kind: 'write',
      request: (fixture) => {
        const f = fixtures.drafts[fixture];
        return { personId: f.applicantId, query: SUBMIT, variables: { input: { consultationId: toGlobalId('Consultation', f.id), expectedVersion: 1 } } };
      },
      floor: (round) => {
        const f = fixtures.drafts[perSide + round];
        return timed(async (m) => {
          const [viewer] = await batchGet(m, [personKey(f.applicantId)]);
          const [item] = await batchGet(m, [consultationKey(f.id)]);
          const before = fromItem<Consultation>(item);
          const [system] = await batchGet(m, [systemKey(before.systemId)]);
          // Who holds the deciding role, the system administrator's (functions/resolvers/applications.ts stepOf).
          const holders = await query(m, { index: 'byKind', partitionAttribute: 'kindPk', partition: 'Role#SYSTEM_ADMINISTRATOR', limit: 200 });
          const now = new Date().toISOString();
          // The handler's transaction, made by the same pure functions: the consultation, its index entries, the notice to
          // each decider, and an audit event of each (functions/resolvers/write.ts outcomeOf).
          const step = { actor: personFromItem(viewer), now, newId: () => newId(now), cite: toGlobalId, roleHolders: holders.map((h) => fromItem<RoleAssignment>(h)) };
          await commitFloor(m, submitted(consultationForm, step, before, before.version, { system: fromItem<SystemRecord>(system) }), f.applicantId, now);
        });
      },
    },
    {
      name: 'decideConsultation APPROVED (a fresh submitted one)',
      kind: 'write',
      request: (fixture) => {
        const f = fixtures.submitted[fixture];
        return { personId: ADMINISTRATOR, query: DECIDE, variables: { input: { consultationId: toGlobalId('Consultation', f.id), expectedVersion: 2, outcome: 'APPROVED' } } };
      },
      floor: (round) => {
        const f = fixtures.submitted[perSide + round];
        return timed(async (m) => {
          const [viewer] = await batchGet(m, [viewerKey]);
          const [item] = await batchGet(m, [consultationKey(f.id)]);
          const before = fromItem<Consultation>(item);
          const [system] = await batchGet(m, [systemKey(before.systemId)]);
          const now = new Date().toISOString();
          const step = { actor: personFromItem(viewer), now, newId: () => newId(now), cite: toGlobalId };
          const decision = { outcome: 'APPROVED', conditions: [], expectedVersion: before.version } as unknown as Parameters<typeof decided>[3];
          // The consultation approved, its system decided with its index entries moved, the applicant told.
          await commitFloor(m, decided(consultationForm, step, before, decision, { system: fromItem<SystemRecord>(system) }), ADMINISTRATOR, now);
        });
      },
    },
  ];
}

/** Runs `rounds` rounds of one operation, handler and floor interleaved (alternating which goes first). */
async function runChunk(op: Operation, firstRound: number, rounds: number): Promise<Chunk> {
  const chunk: Partial<Chunk> & Pick<Chunk, 'handler' | 'floor'> = { handler: [], floor: [] };
  for (let i = firstRound; i < firstRound + rounds; i++) {
    for (const step of i % 2 === 0 ? ['handler', 'floor'] : ['floor', 'handler']) {
      if (step === 'handler') {
        const a = await gql(op.request(i));
        if (chunk.cost && a.cost.dynamodbCalls !== chunk.cost.dynamodbCalls) throw new Error(`${op.name}: calls vary (${chunk.cost.dynamodbCalls}, ${a.cost.dynamodbCalls})`);
        chunk.cost = a.cost;
        chunk.handler.push(a.ms);
      } else {
        const f = await op.floor(i);
        chunk.floorCost = f.cost;
        chunk.floor.push(f.ms);
      }
    }
  }
  return chunk as Chunk;
}

const distinct = (ids: (string | undefined)[]) => new Set(ids.filter((id) => id !== undefined)).size;

/** Calls of one page as deployed; refused for its estimate (QUERY_TOO_COSTLY), then again with the budget lifted for it. */
async function pageCalls(query: string): Promise<{ answer: Answer; refused?: PageCalls['refused'] }> {
  const first = await send({ personId: ADMINISTRATOR, query });
  const refusal = first.body.errors?.find((e: { extensions?: { code?: string } }) => e.extensions?.code === 'QUERY_TOO_COSTLY');
  if (!refusal) return { answer: await gql({ personId: ADMINISTRATOR, query }) };
  const { estimatedCalls, budget } = refusal.extensions as { estimatedCalls: number; budget: number };
  const deployed = process.env.MAX_DYNAMODB_CALLS;
  process.env.MAX_DYNAMODB_CALLS = String(10 * Math.max(estimatedCalls, budget)); // read per request (functions/api/server.ts)
  try {
    return { answer: await gql({ personId: ADMINISTRATOR, query }), refused: { estimatedCalls, budget } };
  } finally {
    if (deployed === undefined) delete process.env.MAX_DYNAMODB_CALLS;
    else process.env.MAX_DYNAMODB_CALLS = deployed;
  }
}

/** systems(first: N) with a connection under each system: the consultations of every system on the page. */
const NESTED = (first: number) => `query Nested { systems(first: ${first}) { nodes { id name consultations(first: 2) { nodes { id } } } } }`;

async function pageSizes(): Promise<PageSizeResult[]> {
  type SystemsData = { systems: { nodes: { owningDepartment: { id: string } }[] } };
  type InboxData = { myInbox: { nodes: { applicant: { id: string }; system?: { id: string } }[] } };
  const departments = (d: SystemsData) => distinct(d.systems.nodes.map((n) => n.owningDepartment.id));
  const related = (d: InboxData) => distinct(d.myInbox.nodes.flatMap((n) => [n.applicant.id, n.system?.id]));
  const parents = (d: SystemsData) => d.systems.nodes.length;
  type NestedData = { systems: { nodes: { consultations: { nodes: unknown[] } }[] } };
  const beyondOne = (keys: number) => Math.max(0, Math.ceil(keys / 100) - 1);
  const batchesOfRelated = (d: unknown, related: number) => beyondOne(related);
  // The heads of the systems in one wave, the consultations they name in another.
  const batchesOfNested = (d: NestedData) => beyondOne(d.systems.nodes.length) + beyondOne(d.systems.nodes.reduce((n, s) => n + s.consultations.nodes.length, 0));
  type Counted = (d: any) => number; // eslint-disable-line @typescript-eslint/no-explicit-any
  type Batches = (d: any, related: number) => number; // eslint-disable-line @typescript-eslint/no-explicit-any
  const pages: [name: string, kind: PageSizeResult['kind'], query: (first: number) => string, counted: Counted, batches: Batches][] = [
    ['systems { owningDepartment { name } }', 'related', SYSTEMS_PAGE, departments, batchesOfRelated],
    ['systems(filter: { status, category }, orderBy: NAME) { owningDepartment { name } }', 'related', FILTERED, departments, batchesOfRelated],
    ['systems(filter: { text: "住民" }) { owningDepartment { name } }', 'related', SEARCHED, departments, batchesOfRelated],
    ['myInbox { system { name } applicant { name } }', 'related', INBOX, related, batchesOfRelated],
    ['systems { consultations(first: 2) { nodes { id } } } (a connection nested under the page)', 'nested', NESTED, parents, batchesOfNested],
  ];
  const results: PageSizeResult[] = [];
  for (const [name, kind, query, counted, batches] of pages) {
    const [small, large] = [await pageCalls(query(10)), await pageCalls(query(100))];
    const calls = (first: number, p: Awaited<ReturnType<typeof pageCalls>>): PageCalls => ({
      first,
      calls: p.answer.cost.dynamodbCalls,
      related: counted(p.answer.data),
      extraBatches: batches(p.answer.data, counted(p.answer.data)),
      ...(p.refused ? { refused: p.refused } : {}),
    });
    results.push({ name, kind, small: calls(10, small), large: calls(100, large) });
  }
  return results;
}

/** The mix replayed for memory (run.ts): the operations in turn, each write on a fixture of its own after the others'. */
function mix(ops: Operation[], fixtures: Fixtures, perSide: number, requests: number): MixRequest[] {
  const needed = 2 * perSide + Math.ceil(requests / ops.length);
  if (ops.some((o) => o.kind === 'write') && (fixtures.drafts.length < needed || fixtures.submitted.length < needed)) {
    throw new Error(`bench: the mix of ${requests} requests needs ${needed} write fixtures, ${Math.min(fixtures.drafts.length, fixtures.submitted.length)} generated`);
  }
  return Array.from({ length: requests }, (_, r) => {
    const op = ops[r % ops.length];
    const { personId, query, variables } = op.request(2 * perSide + Math.floor(r / ops.length));
    return { operation: op.name, personId, body: JSON.stringify({ query, variables }) };
  });
}

// ---- growing collections: the 1,000th finding of an investigation ---------------------------------------------------

const START_INVESTIGATION = `mutation Start($input: StartInvestigationInput!) { startInvestigation(input: $input) { investigation { id version } userErrors { code message } } }`;
const ADD_FINDING = `mutation AddFinding($input: AddInvestigationFindingInput!) {
  addInvestigationFinding(input: $input) { investigation { id version findingCount } userErrors { code message } }
}`;
const FINDINGS_PAGE = `query Findings($id: ID!, $after: String) {
  node(id: $id) { ... on Investigation { findings(first: 100, after: $after) { nodes { findingId perspective text } pageInfo { hasNextPage endCursor } } } }
}`;
/** 4,000 characters (the most an input takes), Japanese: 12,000 bytes in UTF-8. */
const FINDING_TEXT = (n: number) => `${String(n).padStart(4, '0')}${'窓口端末の画面ロックが未設定。'.repeat(300)}`.slice(0, 4000);

/**
 * An investigation with 999 findings of 4,000 characters (written straight to the table with the items the
 * resolver writes, 99 a transaction), then through the handler: the 1,000th finding, `rounds` more after it (the
 * cost of an addition does not depend on how many came before), and `rounds` reads of a page of 100 findings.
 */
async function collections(rounds: number): Promise<CollectionFigure[]> {
  const started = await gql({ personId: ADMINISTRATOR, query: START_INVESTIGATION, variables: { input: { systemId: toGlobalId('System', 'demo-juumin'), purpose: 'bench: 所見1,000件', startedOn: new Date().toISOString().slice(0, 10) } } });
  let investigation = started.data.startInvestigation.investigation as { id: string; version: number };
  const key = investigation.id ? (fromGlobalId(investigation.id) as { key: string }).key : '';
  const earlier = Date.now() - 60_000;
  const findings: Finding[] = Array.from({ length: 999 }, (_, n) => ({
    id: newId(new Date(earlier + n).toISOString()),
    investigationId: key,
    perspective: 'SAFETY',
    text: FINDING_TEXT(n),
    recordedBy: ADMINISTRATOR,
    recordedAt: new Date(earlier + n).toISOString(),
    version: 1,
  }));
  const meter = new CostMeter();
  for (let n = 0; n < findings.length; n += 99) await transact(meter, findings.slice(n, n + 99).map((f) => ({ item: findingItem(f) })));
  const [parent] = await batchGet(meter, [investigationKey(key)]);
  const before = fromItem<Investigation>(parent);
  const grown: Investigation = { ...before, findingCount: 999, version: before.version + 999 };
  await transact(meter, [{ item: investigationItem(grown), expectedVersion: before.version }]);
  investigation = { id: investigation.id, version: grown.version };

  const add = async (n: number) => {
    const a = await gql({ personId: ADMINISTRATOR, query: ADD_FINDING, variables: { input: { investigationId: investigation.id, expectedVersion: investigation.version, perspective: 'EFFECTIVENESS', text: FINDING_TEXT(n) } } });
    investigation = a.data.addInvestigationFinding.investigation;
    return a;
  };
  const thousandth = await add(999);
  if ((thousandth.data.addInvestigationFinding.investigation as { findingCount: number }).findingCount !== 1000) throw new Error('bench: the 1,000th finding was not counted');
  const more: Answer[] = [];
  for (let r = 0; r < rounds; r++) more.push(await add(1000 + r));
  const pages: Answer[] = [];
  for (let r = 0; r < rounds; r++) pages.push(await gql({ personId: ADMINISTRATOR, query: FINDINGS_PAGE, variables: { id: investigation.id, after: null } }));
  const firstPage = pages[0].data.node.findings as { nodes: unknown[]; pageInfo: { hasNextPage: boolean } };
  return [
    { name: 'addInvestigationFinding: the 1,000th finding, 4,000 characters', cost: thousandth.cost, samples: [thousandth.ms] },
    { name: `addInvestigationFinding: the 1,001st to ${(1000 + rounds).toLocaleString('en')}th`, cost: more[more.length - 1].cost, samples: more.map((a) => a.ms) },
    { name: `Investigation.findings(first: 100) of ${(1000 + rounds).toLocaleString('en')}: ${firstPage.nodes.length} returned${firstPage.pageInfo.hasNextPage ? ', hasNextPage' : ''}`, cost: pages[0].cost, samples: pages.map((a) => a.ms) },
  ];
}

if (require.main === module) {
  loadHandler(process.argv[2]);
  let ops: Operation[] = [];
  let init: Extract<WorkerRequest, { type: 'init' }> | undefined;
  const next: number[] = [];
  const reply = (r: WorkerReply) => new Promise<void>((resolve, reject) => process.send?.(r, (e: Error | null) => (e ? reject(e) : resolve())));
  process.on('message', async (request: WorkerRequest) => {
    try {
      if (request.type === 'init') {
        const { fixtures, fixturesPerSide } = request;
        if (fixtures.drafts.length < 2 * fixturesPerSide || fixtures.submitted.length < 2 * fixturesPerSide) {
          throw new Error(`bench: ${2 * fixturesPerSide} write fixtures needed, ${fixtures.drafts.length} generated`);
        }
        ops = operations(fixtures, fixturesPerSide);
        init = request;
        ops.forEach(() => next.push(0));
        await reply({ type: 'ready', operations: ops.map(({ name, kind }) => ({ name, kind })) });
      } else if (request.type === 'run') {
        const chunk = await runChunk(ops[request.op], next[request.op], request.rounds);
        next[request.op] += request.rounds;
        await reply(request.record ? { type: 'chunk', ...chunk } : { type: 'chunk', ...chunk, handler: [], floor: [] });
      } else if (request.type === 'mix') {
        if (!init) throw new Error('bench: mix before init');
        const requests = mix(ops, init.fixtures, init.fixturesPerSide, request.requests);
        await reply({ type: 'mix', event: v2Event({ body: '{}', claims: claimsOf(ADMINISTRATOR) }), requests });
      } else if (request.type === 'collections') {
        await reply({ type: 'collections', figures: await collections(request.rounds) });
      } else {
        await reply({ type: 'pageSizes', pageSizes: await pageSizes() });
      }
    } catch (e) {
      await reply({ type: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) });
      process.exit(1);
    }
  });
}
