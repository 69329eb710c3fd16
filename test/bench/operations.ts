/**
 * The bench's fixed operations, run in a process of their own per table (the handler binds its table when it is
 * loaded): each through the REAL Lambda handler with API Gateway v2 events, and beside it its FLOOR, the same
 * DynamoDB calls with the same keys made directly with the DocumentClient, without GraphQL. Forked by run.ts, which
 * drives it over IPC in chunks of rounds, alternating between the small and the large table's processes so that
 * drift in the machine's load falls on both alike.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import { BatchGetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { BatchGetCommandOutput, QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { signLocalToken } from '../../functions/api/auth';
import { diff, AuditEvent } from '../../functions/domain/audit';
import { Consultation } from '../../functions/domain/consultations';
import { Finding, Investigation } from '../../functions/domain/oversight';
import { SystemRecord } from '../../functions/domain/systems';
import { newId } from '../../functions/resolvers/support';
import { CostMeter, CostReport, configFromEnv } from '../../functions/store/client';
import { consultationItem, consultationKey, inboxPartition } from '../../functions/store/consultations';
import { findingItem, investigationItem, investigationKey } from '../../functions/store/oversight';
import { personKey, departmentKey } from '../../functions/store/people';
import { auditItem, documentClient, fromItem } from '../../functions/store/store';
import { systemEntries, systemItem, systemKey, systemPartitions } from '../../functions/store/systems';
import { entryChanges, foldText } from '../../functions/store/registerIndex';
import { Item } from '../../functions/store/table';
import { fromGlobalId, toGlobalId } from '../../graphql/globalId';
import { v2Event } from '../support/api';
import { ADMINISTRATOR, Fixtures } from './data';

export interface OperationInfo {
  name: string;
  /** reference: not a target, shown for what every request costs the handler (one call, the viewer). */
  kind: 'read' | 'write' | 'reference';
}

export interface PageSizeResult {
  name: string;
  /** Calls, and the distinct related objects the page names (loaded by BatchGetItem, 100 keys a call). */
  small: { first: number; calls: number; related: number };
  large: { first: number; calls: number; related: number };
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
  | { type: 'collections'; rounds: number };

export type WorkerReply =
  | { type: 'ready'; operations: OperationInfo[] }
  | ({ type: 'chunk' } & Chunk)
  | { type: 'pageSizes'; pageSizes: PageSizeResult[] }
  | { type: 'collections'; figures: CollectionFigure[] }
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

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { handler } = require('../../functions/api/handler') as { handler: Handler };
const tokens = new Map<string, string>();

async function token(personId: string): Promise<string> {
  if (!tokens.has(personId)) tokens.set(personId, await signLocalToken(personId, process.env.LOCAL_JWT_SECRET as string));
  return tokens.get(personId) as string;
}

interface Answer {
  ms: number;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  cost: CostReport;
}

/** One GraphQL request through the handler, timed from the call to its answer; fails on any error. */
async function gql(personId: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const event = v2Event({ body: JSON.stringify({ query, variables }), headers: { authorization: `Bearer ${await token(personId)}` } });
  const context = lambdaContext();
  const start = process.hrtime.bigint();
  const result = await handler(event, context);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const body = JSON.parse(String(result.body));
  if (result.statusCode !== 200 || body.errors) throw new Error(`bench request failed (${result.statusCode}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
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

function event(actorId: string, now: string, objectType: AuditEvent['objectType'], objectId: string, action: string, before: object, after: object, extra: object): AuditEvent {
  return { id: newId(now), objectType, objectId, action, actorId, at: now, ...diff(before, after), ...extra };
}

// ---- the operations ------------------------------------------------------------------------------------------------

interface Operation extends OperationInfo {
  handler: (round: number) => Promise<Answer>;
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
  // The handler takes fixtures from the front, the floor from the middle on: each is written once.
  const draftFor = (side: 0 | 1, round: number) => fixtures.drafts[side * perSide + round];
  const submittedFor = (side: 0 | 1, round: number) => fixtures.submitted[side * perSide + round];
  return [
    {
      name: 'viewer { id } (reference: 1 call, the viewer)',
      kind: 'reference',
      handler: () => gql(ADMINISTRATOR, VIEWER),
      floor: () => timed((m) => batchGet(m, [viewerKey]).then(() => undefined)),
    },
    {
      name: 'systems(first: 50) { owningDepartment { name } }',
      kind: 'read',
      handler: () => gql(ADMINISTRATOR, SYSTEMS_PAGE(50)),
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
      handler: () => gql(ADMINISTRATOR, FILTERED(50)),
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
      handler: () => gql(ADMINISTRATOR, SEARCHED(50)),
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
      handler: () => gql(ADMINISTRATOR, INBOX(20)),
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
      handler: () => gql(ADMINISTRATOR, CONSULTATION, { id: toGlobalId('Consultation', fixtures.readConsultationId) }),
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
      handler: (round) => {
        const f = draftFor(0, round);
        return gql(f.applicantId, SUBMIT, { input: { consultationId: toGlobalId('Consultation', f.id), expectedVersion: 1 } });
      },
      floor: (round) => {
        const f = draftFor(1, round);
        return timed(async (m) => {
          await batchGet(m, [personKey(f.applicantId)]);
          const [item] = await batchGet(m, [consultationKey(f.id)]);
          const before = fromItem<Consultation>(item);
          await batchGet(m, [systemKey(before.systemId)]);
          const now = new Date().toISOString();
          const after: Consultation = { ...before, status: 'SUBMITTED', submittedAt: now, decision: undefined, version: before.version + 1, updatedAt: now };
          await transact(m, [
            { item: consultationItem(after), expectedVersion: before.version },
            { item: auditItem(event(f.applicantId, now, 'Consultation', after.id, 'consultation.submitted', before, after, { article: '第7条' })) },
          ]);
        });
      },
    },
    {
      name: 'decideConsultation APPROVED (a fresh submitted one)',
      kind: 'write',
      handler: (round) => {
        const f = submittedFor(0, round);
        return gql(ADMINISTRATOR, DECIDE, { input: { consultationId: toGlobalId('Consultation', f.id), expectedVersion: 2, outcome: 'APPROVED' } });
      },
      floor: (round) => {
        const f = submittedFor(1, round);
        return timed(async (m) => {
          await batchGet(m, [viewerKey]);
          const [item] = await batchGet(m, [consultationKey(f.id)]);
          const before = fromItem<Consultation>(item);
          const [systemItemRead] = await batchGet(m, [systemKey(before.systemId)]);
          const system = fromItem<SystemRecord>(systemItemRead);
          const now = new Date().toISOString();
          const after: Consultation = {
            ...before,
            status: 'APPROVED',
            decision: { outcome: 'APPROVED', decidedBy: ADMINISTRATOR, decidedAt: now, conditions: [] },
            version: before.version + 1,
            updatedAt: now,
          };
          const decided: SystemRecord = { ...system, status: 'DECIDED', decidedAt: now, version: system.version + 1, updatedAt: now };
          await transact(m, [
            // In the order Store.commit writes them: the changes, then their audit events.
            { item: consultationItem(after), expectedVersion: before.version },
            { item: systemItem(decided), expectedVersion: system.version },
            { item: auditItem(event(ADMINISTRATOR, now, 'Consultation', after.id, 'consultation.approved', before, after, { article: '第7条' })) },
            { item: auditItem(event(ADMINISTRATOR, now, 'System', system.id, 'system.decideApproved', system, decided, { article: '第7条' })) },
            // The system's index entries of its old status taken away, those of the new put (store/registerIndex.ts).
            ...entryChanges('System', system.id, systemEntries(system), systemEntries(decided)),
          ]);
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
        const a = await op.handler(i);
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

async function pageSizes(): Promise<PageSizeResult[]> {
  const [systems10, systems100, inbox10, inbox100, filtered10, filtered100, searched10, searched100] = [
    await gql(ADMINISTRATOR, SYSTEMS_PAGE(10)),
    await gql(ADMINISTRATOR, SYSTEMS_PAGE(100)),
    await gql(ADMINISTRATOR, INBOX(10)),
    await gql(ADMINISTRATOR, INBOX(100)),
    await gql(ADMINISTRATOR, FILTERED(10)),
    await gql(ADMINISTRATOR, FILTERED(100)),
    await gql(ADMINISTRATOR, SEARCHED(10)),
    await gql(ADMINISTRATOR, SEARCHED(100)),
  ];
  type SystemsData = { systems: { nodes: { owningDepartment: { id: string } }[] } };
  type InboxData = { myInbox: { nodes: { applicant: { id: string }; system?: { id: string } }[] } };
  const departments = (d: SystemsData) => distinct(d.systems.nodes.map((n) => n.owningDepartment.id));
  const related = (d: InboxData) => distinct(d.myInbox.nodes.flatMap((n) => [n.applicant.id, n.system?.id]));
  return [
    {
      name: 'systems { owningDepartment { name } }',
      small: { first: 10, calls: systems10.cost.dynamodbCalls, related: departments(systems10.data) },
      large: { first: 100, calls: systems100.cost.dynamodbCalls, related: departments(systems100.data) },
    },
    {
      name: 'systems(filter: { status, category }, orderBy: NAME) { owningDepartment { name } }',
      small: { first: 10, calls: filtered10.cost.dynamodbCalls, related: departments(filtered10.data) },
      large: { first: 100, calls: filtered100.cost.dynamodbCalls, related: departments(filtered100.data) },
    },
    {
      name: 'systems(filter: { text: "住民" }) { owningDepartment { name } }',
      small: { first: 10, calls: searched10.cost.dynamodbCalls, related: departments(searched10.data) },
      large: { first: 100, calls: searched100.cost.dynamodbCalls, related: departments(searched100.data) },
    },
    {
      name: 'myInbox { system { name } applicant { name } }',
      small: { first: 10, calls: inbox10.cost.dynamodbCalls, related: related(inbox10.data) },
      large: { first: 100, calls: inbox100.cost.dynamodbCalls, related: related(inbox100.data) },
    },
  ];
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
  const started = await gql(ADMINISTRATOR, START_INVESTIGATION, { input: { systemId: toGlobalId('System', 'demo-juumin'), purpose: 'bench: 所見1,000件', startedOn: new Date().toISOString().slice(0, 10) } });
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
    const a = await gql(ADMINISTRATOR, ADD_FINDING, { input: { investigationId: investigation.id, expectedVersion: investigation.version, perspective: 'EFFECTIVENESS', text: FINDING_TEXT(n) } });
    investigation = a.data.addInvestigationFinding.investigation;
    return a;
  };
  const thousandth = await add(999);
  if ((thousandth.data.addInvestigationFinding.investigation as { findingCount: number }).findingCount !== 1000) throw new Error('bench: the 1,000th finding was not counted');
  const more: Answer[] = [];
  for (let r = 0; r < rounds; r++) more.push(await add(1000 + r));
  const pages: Answer[] = [];
  for (let r = 0; r < rounds; r++) pages.push(await gql(ADMINISTRATOR, FINDINGS_PAGE, { id: investigation.id, after: null }));
  const firstPage = pages[0].data.node.findings as { nodes: unknown[]; pageInfo: { hasNextPage: boolean } };
  return [
    { name: 'addInvestigationFinding: the 1,000th finding, 4,000 characters', cost: thousandth.cost, samples: [thousandth.ms] },
    { name: `addInvestigationFinding: the 1,001st to ${(1000 + rounds).toLocaleString('en')}th`, cost: more[more.length - 1].cost, samples: more.map((a) => a.ms) },
    { name: `Investigation.findings(first: 100) of ${(1000 + rounds).toLocaleString('en')}: ${firstPage.nodes.length} returned${firstPage.pageInfo.hasNextPage ? ', hasNextPage' : ''}`, cost: pages[0].cost, samples: pages.map((a) => a.ms) },
  ];
}

if (require.main === module) {
  let ops: Operation[] = [];
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
        ops.forEach(() => next.push(0));
        await reply({ type: 'ready', operations: ops.map(({ name, kind }) => ({ name, kind })) });
      } else if (request.type === 'run') {
        const chunk = await runChunk(ops[request.op], next[request.op], request.rounds);
        next[request.op] += request.rounds;
        await reply(request.record ? { type: 'chunk', ...chunk } : { type: 'chunk', ...chunk, handler: [], floor: [] });
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
