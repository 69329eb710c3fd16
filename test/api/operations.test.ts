/**
 * What the functions tell operations (functions/api/log.ts, telemetry.ts, requestTelemetry.ts): their log lines and
 * their metrics in CloudWatch's Embedded Metric Format, read from what the real handlers write to stdout, as on
 * Lambda (the API deployed: the caller named by the authorizer's claims), against DynamoDB Local.
 */
import '../support/telemetryOn';
import { captured, blobOf, dimensionsOf, emf, Line } from '../support/telemetry';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext, DynamoDBRecord, ScheduledEvent } from 'aws-lambda';
import { DRAFT_CONSULTATION, gid, setupApi, v2Event } from '../support/api';
import { handler as remindersHandler } from '../../functions/reminders/handler';
import { handler as mailHandler } from '../../functions/mail/handler';

type Handler = (event: APIGatewayProxyEventV2, context: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2>;

let handler: Handler;
const saved = { ...process.env };

beforeAll(async () => {
  await setupApi();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  handler = (require('../../functions/api/handler') as { handler: Handler }).handler;
  Object.assign(process.env, { MAIL_FROM: 'joho@city.shiroishi.example', MAIL_LINK_BASE_URL: 'https://portal.city.shiroishi.example/graphql' });
});

afterAll(() => {
  process.env = saved;
});

function lambdaContext(): LambdaContext {
  const awsRequestId = randomUUID();
  return {
    awsRequestId,
    functionName: 'regulation-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:ap-northeast-1:123456789012:function:regulation-api',
    memoryLimitInMB: '1024',
    logGroupName: '/aws/lambda/regulation-api',
    logStreamName: 'test',
  } as LambdaContext;
}

/** A request as API Gateway passes it once its JWT authorizer has verified the caller (or anonymous: no claims). */
async function request(personId: string | null, query: string, variables?: Record<string, unknown>) {
  const context = lambdaContext();
  const event = v2Event({ body: JSON.stringify({ query, variables }), claims: personId ? { username: personId, token_use: 'access' } : undefined });
  const { result, lines } = await captured(() => handler(event, context));
  return { status: result.statusCode, body: JSON.parse(result.body as string), lines, requestId: context.awsRequestId };
}

const logLines = (lines: Line[]) => lines.filter((l) => typeof l.message === 'string');

describe('the API function: a log line and metrics for every request', () => {
  it('every log line of a request carries its Lambda request id, the person and the operation; one line ends it with its status and cost', async () => {
    const res = await request('shimin-manager', 'query SystemsScreen { systems(first: 2) { nodes { id name } } }');
    expect(res.status).toBe(200);
    const logged = logLines(res.lines);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      expect(line).toMatchObject({ function_request_id: res.requestId, personId: 'shimin-manager', operation: 'systems', operationName: 'SystemsScreen', service: 'regulation-api' });
    }
    const cost = res.body.extensions.cost;
    expect(logged.find((l) => l.message === 'api: request')).toMatchObject({
      status: 200,
      durationMs: expect.any(Number),
      dynamodbCalls: cost.dynamodbCalls,
      readCapacityUnits: cost.readCapacityUnits,
      writeCapacityUnits: 0,
    });
    // Never the request itself.
    expect(JSON.stringify(res.lines)).not.toContain('nodes { id name }');
  });

  it('Requests, DynamoDbCalls and ConsumedCapacity per operation (EMF), as the response’s extensions.cost counts them', async () => {
    const res = await request('shimin-manager', '{ systems(first: 2) { nodes { id } } }');
    const cost = res.body.extensions.cost;
    expect(cost.dynamodbCalls).toBeGreaterThan(0);
    expect(cost.readCapacityUnits).toBeGreaterThan(0); // DynamoDB Local reports ConsumedCapacity when asked
    const blob = blobOf(res.lines, 'Requests');
    expect(blob?._aws.CloudWatchMetrics[0].Namespace).toBe('ShiroishiRegulation');
    expect(dimensionsOf(blob)).toEqual(['service', 'operation']);
    expect(blob).toMatchObject({
      service: 'regulation-api',
      operation: 'systems',
      Requests: 1,
      Faults: 0,
      DynamoDbCalls: cost.dynamodbCalls,
      ConsumedCapacity: cost.readCapacityUnits + cost.writeCapacityUnits,
    });
    // One flush for the request: the metrics in one blob, and no refusal blob for a request nothing refused.
    expect(emf(res.lines)).toHaveLength(1);
  });

  it('a refused mutation counts in Refusals under its userError code; the operation is the mutation’s name', async () => {
    const res = await request('digital-manager', DRAFT_CONSULTATION, {
      input: { systemId: gid('System', 'demo-groupware'), action: 'CONNECT', title: '接続先なし', details: 'x' },
    });
    expect(res.body.data.draftConsultation.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第9条' })]);
    const refusals = blobOf(res.lines, 'Refusals');
    expect(dimensionsOf(refusals)).toEqual(['service', 'code']);
    expect(refusals).toMatchObject({ service: 'regulation-api', code: 'INVALID_VALUE', Refusals: 1 });
    expect(blobOf(res.lines, 'Requests')).toMatchObject({ operation: 'draftConsultation', Requests: 1 });
    expect(logLines(res.lines).find((l) => l.message === 'api: request')).toMatchObject({ personId: 'digital-manager', refusals: ['INVALID_VALUE'] });
  });

  it('a top-level refusal (no sign-in) counts in Refusals under its code; nothing of the request before it stays on this one’s lines', async () => {
    const res = await request(null, '{ systems(first: 1) { nodes { id } } }');
    expect(res.status).toBe(401);
    expect(blobOf(res.lines, 'Refusals')).toMatchObject({ code: 'UNAUTHENTICATED', Refusals: 1 });
    for (const line of logLines(res.lines)) {
      expect(line.function_request_id).toBe(res.requestId);
      expect(line).not.toHaveProperty('personId');
    }
  });

  it('the operation dimension is bounded by the schema: aliases are not new values, several root fields are (multiple)', async () => {
    const aliased = await request('shimin-manager', '{ a: systems(first: 1) { nodes { id } } b: systems(first: 2) { nodes { id } } }');
    expect(blobOf(aliased.lines, 'Requests')).toMatchObject({ operation: 'systems' });
    const several = await request('shimin-manager', 'query Free_Text_Name { viewer { name } systems(first: 1) { nodes { id } } }');
    expect(blobOf(several.lines, 'Requests')).toMatchObject({ operation: '(multiple)' });
    expect(logLines(several.lines).find((l) => l.message === 'api: request')).toMatchObject({ operationName: 'Free_Text_Name', rootFields: ['viewer', 'systems'] });
  });

  it('a body refused before GraphQL reads it counts as a request of no operation, refused under its code', async () => {
    const context = lambdaContext();
    const event = v2Event({ body: '{"query": ', claims: { username: 'shimin-manager', token_use: 'access' } });
    const { result, lines } = await captured(() => handler(event, context));
    expect(result.statusCode).toBe(400);
    const code = JSON.parse(result.body as string).errors[0].extensions.code;
    expect(blobOf(lines, 'Refusals')).toMatchObject({ code, Refusals: 1 });
    expect(blobOf(lines, 'Requests')).toMatchObject({ operation: '(none)', Requests: 1, DynamoDbCalls: 0 });
  });
});

describe('the jobs: their metrics once per invocation', () => {
  it('the reminders job: a run, the notices and digests it wrote, the items nobody holds, its DynamoDB calls and capacity', async () => {
    const event = { id: randomUUID(), time: '2030-06-15T00:00:00Z' } as ScheduledEvent;
    const context = { awsRequestId: randomUUID() };
    const { result, lines } = await captured(() => remindersHandler(event, context));
    const blob = blobOf(lines, 'ReminderRuns');
    expect(emf(lines)).toHaveLength(1);
    expect(blob).toMatchObject({
      ReminderRuns: 1,
      NoticesWritten: result.written,
      DigestsWritten: result.digestsWritten,
      UnaddressedItems: result.unaddressed,
      DynamoDbCalls: expect.any(Number),
      ConsumedCapacity: expect.any(Number),
    });
    expect(blob?.DynamoDbCalls).toBeGreaterThan(0);
    for (const line of logLines(lines)) expect(line).toMatchObject({ function_request_id: context.awsRequestId, eventId: event.id });
  });

  it('the mail sender: mails undeliverable, then skipped as already done; no SES call for either', async () => {
    const id = `ops-test-${randomUUID()}`;
    const image = { pk: `NOTICE#${id}`, sk: 'NOTICE', entity: 'Notice', id, kind: 'APPLICATION_DECIDED', addresseeId: 'nobody-here', article: '第7条', subjectType: 'System', subjectId: 'demo-groupware', title: 't', message: 'm', dueOn: '2030-06-15', createdAt: '2030-06-15T00:00:00.000Z', updatedAt: '2030-06-15T00:00:00.000Z', version: 1 };
    const record: DynamoDBRecord = {
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: '1', NewImage: Object.fromEntries(Object.entries(image).map(([k, v]) => [k, typeof v === 'number' ? { N: String(v) } : { S: v }])) },
    };
    const first = await captured(() => mailHandler({ Records: [record] }, { awsRequestId: randomUUID() }));
    expect(first.result).toEqual({ batchItemFailures: [] });
    expect(blobOf(first.lines, 'MailsSent')).toMatchObject({ MailsSent: 0, MailsUndeliverable: 1, MailsSkipped: 0, MailsFailed: 0, DynamoDbCalls: expect.any(Number) });
    const again = await captured(() => mailHandler({ Records: [record] }, { awsRequestId: randomUUID() }));
    expect(blobOf(again.lines, 'MailsSent')).toMatchObject({ MailsSent: 0, MailsUndeliverable: 0, MailsSkipped: 1, MailsFailed: 0 });
    expect(blobOf(again.lines, 'MailsSent')?.service).toBeDefined();
  });
});
