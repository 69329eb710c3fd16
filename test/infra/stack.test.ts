import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Token, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { RegulationApiStack, RegulationApiStackProps } from '../../infra/stack';
import { API_INDEX_ACTIONS, API_TABLE_ACTIONS } from '../../infra/api';
import { API_ATTACHMENT_BUCKET_ACTIONS, API_ATTACHMENT_OBJECT_ACTIONS } from '../../infra/attachments';
import { REMINDERS_INDEXES, REMINDERS_TABLE_READ_ACTIONS, REMINDERS_TABLE_WRITE_ACTIONS } from '../../infra/reminders';
import { MAIL_READ_KEYS, MAIL_TABLE_READ_ACTIONS, MAIL_TABLE_WRITE_ACTIONS, MAIL_WRITE_KEYS } from '../../infra/mail';
import { THROTTLE_ALARM_OPERATIONS } from '../../infra/alarms';
import { stackPropsFromContext } from '../../infra/context';
import { addNagChecks } from '../../infra/nag';
import { GLOBAL_INDEXES, TABLE_KEYS } from '../../functions/store/tableSchema';

/** The feature flags the real app synthesizes with. */
const cdkJsonContext = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')).context;

/** A stand-in for the API bundle, so these tests need neither tsc nor esbuild. */
const codeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulation-api-code-'));
fs.writeFileSync(path.join(codeDir, 'index.js'), 'exports.handler = async () => ({ statusCode: 200, body: "{}" });\n');
const outdirs: string[] = [];
afterAll(() => {
  for (const dir of [codeDir, ...outdirs]) fs.rmSync(dir, { recursive: true, force: true });
});

function synth(props: RegulationApiStackProps = {}) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulation-api-cdkout-'));
  outdirs.push(outdir);
  const app = new App({ context: cdkJsonContext, outdir });
  const stack = new RegulationApiStack(app, 'TestRegulationApi', { apiCodePath: codeDir, remindersCodePath: codeDir, mailCodePath: codeDir, graphiqlCodePath: codeDir, ...props });
  addNagChecks(app);
  // Throws with the report if any cdk-nag finding is neither fixed nor acknowledged.
  app.synth();
  return { app, stack, template: Template.fromStack(stack) };
}

const { app, stack, template } = synth();

function logicalId(type: string): string {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
}
/** The logical id of the one resource of `type` whose id starts with `prefix` (the construct id). */
function logicalIdOf(type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0];
}
const tableId = logicalId('AWS::DynamoDB::Table');
const userPoolId = logicalId('AWS::Cognito::UserPool');
const clientId = stack.getLogicalId(stack.userPoolClient.node.defaultChild as CfnUserPoolClient);
const graphiqlClientId = logicalIdOf('AWS::Cognito::UserPoolClient', 'UserPoolGraphiqlClient');
const graphiqlFunctionId = stack.getLogicalId(stack.graphiqlFunction.node.defaultChild as CfnFunction);
const apiFunctionId = stack.getLogicalId(stack.apiFunction.node.defaultChild as CfnFunction);
const remindersFunctionId = stack.getLogicalId(stack.remindersFunction.node.defaultChild as CfnFunction);
const roleId = (fn: { role?: unknown }) => stack.getLogicalId((fn.role as { node: { defaultChild: CfnRole } }).node.defaultChild);
const mailFunctionId = stack.getLogicalId(stack.mailFunction.node.defaultChild as CfnFunction);
const apiRoleId = roleId(stack.apiFunction);
const remindersRoleId = roleId(stack.remindersFunction);
const mailRoleId = roleId(stack.mailFunction);
const remindersQueueId = () => logicalIdOf('AWS::SQS::Queue', 'RemindersDeadLetterQueue');
const mailQueueId = () => logicalIdOf('AWS::SQS::Queue', 'MailDeadLetterQueue');

describe('environment', () => {
  it('is environment-agnostic: no account or region baked in', () => {
    expect(Token.isUnresolved(stack.account)).toBe(true);
    expect(Token.isUnresolved(stack.region)).toBe(true);
  });
});

describe('DynamoDB table', () => {
  it('is on demand, with point-in-time recovery and deletion protection', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
    });
  });

  it('is retained when the stack is deleted or the table replaced', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it.each(GLOBAL_INDEXES.map((index) => [index.indexName, index]))('has the GSI %s from tableSchema.ts', (_name, index) => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ]),
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: index.partitionKey, AttributeType: 'S' },
        { AttributeName: index.sortKey, AttributeType: 'S' },
      ]),
    });
  });

  it('has no GSI that tableSchema.ts does not list', () => {
    const table = template.findResources('AWS::DynamoDB::Table')[tableId];
    expect(table.Properties.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName).sort()).toEqual(
      GLOBAL_INDEXES.map((i) => i.indexName).sort(),
    );
  });
});

describe('Lambda function', () => {
  const fn = () => template.findResources('AWS::Lambda::Function')[apiFunctionId].Properties;

  it('there are four: the API, the reminders job, the mail sender and the GraphiQL page', () => {
    expect(Object.keys(template.findResources('AWS::Lambda::Function')).sort()).toEqual([apiFunctionId, remindersFunctionId, mailFunctionId, graphiqlFunctionId].sort());
  });

  it('runs on Node.js 22 or newer, on arm64', () => {
    const major = Number(/^nodejs(\d+)\.x$/.exec(fn().Runtime)?.[1]);
    expect(major).toBeGreaterThanOrEqual(22);
    expect(fn().Architectures).toEqual(['arm64']);
    expect(fn().Handler).toBe('index.handler');
  });

  it('has 1024 MB and a 10 s timeout', () => {
    expect(fn().MemorySize).toBe(1024);
    expect(fn().Timeout).toBe(10);
  });

  it('finds the table through TABLE_NAME and runs in production mode', () => {
    expect(fn().Environment.Variables).toMatchObject({ TABLE_NAME: { Ref: tableId }, NODE_ENV: 'production' });
  });

  it('tells Powertools its service, metrics namespace and log level; traces its own segment, not each DynamoDB call', () => {
    expect(fn().Environment.Variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'regulation-api',
      POWERTOOLS_METRICS_NAMESPACE: 'ShiroishiRegulation',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      POWERTOOLS_TRACE_ENABLED: 'false',
    });
    expect(fn().TracingConfig).toEqual({ Mode: 'Active' });
    for (const id of [remindersFunctionId, mailFunctionId]) {
      const jobs = template.findResources('AWS::Lambda::Function')[id].Properties.Environment.Variables;
      expect(jobs).toMatchObject({ POWERTOOLS_METRICS_NAMESPACE: 'ShiroishiRegulation', POWERTOOLS_LOG_LEVEL: 'INFO' });
      expect(jobs.POWERTOOLS_TRACE_ENABLED).toBeUndefined();
    }
  });

  it('logs to its own log group, kept for a year', () => {
    const logGroupRef = fn().LoggingConfig.LogGroup.Ref;
    template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
    expect(template.findResources('AWS::Logs::LogGroup')[logGroupRef].Properties.RetentionInDays).toBe(365);
  });
});

type Statement = { Sid?: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** The statements of the policies attached to one role (or to every role). */
function statementsOf(role?: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => !role || JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: role }]))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}
const actions = (s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const dynamoStatements = (role?: string) => statementsOf(role).filter((s) => actions(s).some((a) => a.startsWith('dynamodb:')));
const resourcesOf = (statements: Statement[]) => statements.flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));

describe('IAM', () => {
  it('never grants Scan or a wildcard action, to any role', () => {
    const all = statementsOf().flatMap(actions);
    expect(all).not.toContain('dynamodb:Scan');
    expect(all.filter((a) => a.includes('*'))).toEqual([]);
  });

  it('grants the API exactly the table actions it uses', () => {
    expect([...new Set(dynamoStatements(apiRoleId).flatMap(actions))].sort()).toEqual([...new Set([...API_TABLE_ACTIONS, ...API_INDEX_ACTIONS])].sort());
  });

  it('grants them on the table and its named indexes only', () => {
    const resources = resourcesOf(dynamoStatements(apiRoleId));
    expect(resources).toHaveLength(1 + GLOBAL_INDEXES.length);
    for (const resource of resources) expect(JSON.stringify(resource)).toContain(`"${tableId}"`);
    expect(JSON.stringify(resources)).not.toContain('/index/*');
  });

  it('attaches no managed policy to any role', () => {
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

const attachmentsBucketId = logicalId('AWS::S3::Bucket');
const s3Statements = (role?: string) => statementsOf(role).filter((st) => actions(st).some((a) => a.startsWith('s3:')));

describe('attachments: the bucket of their files', () => {
  const bucket = () => template.findResources('AWS::S3::Bucket')[attachmentsBucketId];

  it('is encrypted (S3-managed), versioned, blocks all public access and is retained', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    expect(bucket().DeletionPolicy).toBe('Retain');
    expect(bucket().UpdateReplacePolicy).toBe('Retain');
  });

  it('refuses requests without TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: attachmentsBucketId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('expires noncurrent versions after a year, aborts incomplete multipart uploads after a day, and removes exports (exports/) after a day', () => {
    const rules = bucket().Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 365 } }),
        expect.objectContaining({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        expect.objectContaining({ Status: 'Enabled', Prefix: 'exports/', ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 } }),
      ]),
    );
  });

  it('has no CORS without allowed origins; with them, PUT and GET from those origins only', () => {
    expect(bucket().Properties.CorsConfiguration).toBeUndefined();
    const withOrigins = synth({ allowedOrigins: ['https://portal.city.shiroishi.example'] }).template;
    withOrigins.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://portal.city.shiroishi.example'], AllowedMethods: ['PUT', 'GET', 'HEAD'], AllowedHeaders: ['content-type'] })] },
    });
  });

  it('the API function may put and get files under attachments/ and exports/ only (and list the bucket, for a HEAD to answer 404), with the bucket in ATTACHMENTS_BUCKET', () => {
    const statements = s3Statements(apiRoleId);
    expect(statements.flatMap(actions).sort()).toEqual([...API_ATTACHMENT_OBJECT_ACTIONS, ...API_ATTACHMENT_BUCKET_ACTIONS].sort());
    const objects = statements.find((st) => actions(st).includes('s3:GetObject')) as Statement;
    expect(objects.Resource).toEqual([
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [attachmentsBucketId, 'Arn'] }, '/attachments/*']] },
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [attachmentsBucketId, 'Arn'] }, '/exports/*']] },
    ]);
    const list = statements.find((st) => actions(st).includes('s3:ListBucket')) as Statement;
    expect(list.Resource).toEqual({ 'Fn::GetAtt': [attachmentsBucketId, 'Arn'] });
    // No other function touches the files.
    for (const role of [remindersRoleId, mailRoleId]) expect(s3Statements(role)).toEqual([]);
    const functions = template.findResources('AWS::Lambda::Function');
    expect(functions[apiFunctionId].Properties.Environment.Variables.ATTACHMENTS_BUCKET).toEqual({ Ref: attachmentsBucketId });
  });
});

describe('the reminders job', () => {
  const fn = () => template.findResources('AWS::Lambda::Function')[remindersFunctionId].Properties;
  const rules = () => Object.values(template.findResources('AWS::Events::Rule')).map((r) => r.Properties);

  it('runs daily at 08:00 in Shiroishi: 23:00 UTC', () => {
    expect(rules()).toHaveLength(1);
    expect(rules()[0]).toMatchObject({ ScheduleExpression: 'cron(0 23 * * ? *)', State: 'ENABLED' });
  });

  it('the rule targets the reminders function, retrying and with a dead-letter queue', () => {
    const [target] = rules()[0].Targets;
    expect(target.Arn).toEqual({ 'Fn::GetAtt': [remindersFunctionId, 'Arn'] });
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 });
    const queueId = remindersQueueId();
    expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expect(fn().DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [remindersFunctionId, 'Arn'] },
      Principal: 'events.amazonaws.com',
    });
  });

  it('is bundled like the API: its own code, Node.js 22 or newer on arm64, the table by TABLE_NAME, its own log group', () => {
    expect(fn().Handler).toBe('index.handler');
    expect(Number(/^nodejs(\d+)\.x$/.exec(fn().Runtime)?.[1])).toBeGreaterThanOrEqual(22);
    expect(fn().Architectures).toEqual(['arm64']);
    expect(fn().Timeout).toBe(300);
    expect(fn().Environment.Variables).toMatchObject({ TABLE_NAME: { Ref: tableId }, NODE_ENV: 'production' });
    expect(fn().LoggingConfig.LogGroup.Ref).not.toBe(template.findResources('AWS::Lambda::Function')[apiFunctionId].Properties.LoggingConfig.LogGroup.Ref);
    expect(template.findResources('AWS::Logs::LogGroup')[fn().LoggingConfig.LogGroup.Ref].Properties.RetentionInDays).toBe(365);
  });

  it('may read by key and query three indexes — byDueDate, inbox, byKind — and nothing else; never Scan, never Query the table', () => {
    const statements = dynamoStatements(remindersRoleId);
    expect([...new Set(statements.flatMap(actions))].sort()).toEqual(
      [...REMINDERS_TABLE_READ_ACTIONS, ...REMINDERS_TABLE_WRITE_ACTIONS, 'dynamodb:Query'].sort(),
    );
    const query = statements.filter((s) => actions(s).includes('dynamodb:Query'));
    const queried = JSON.stringify(resourcesOf(query));
    for (const index of REMINDERS_INDEXES) expect(queried).toContain(`/index/${index}`);
    expect(resourcesOf(query)).toHaveLength(REMINDERS_INDEXES.length);
    expect(queried).not.toContain('/index/*');
  });

  it('writes only notices: PutItem conditioned on partition keys NOTICE#…', () => {
    const [put] = dynamoStatements(remindersRoleId).filter((s) => actions(s).includes('dynamodb:PutItem'));
    expect(actions(put)).toEqual(['dynamodb:PutItem']);
    expect(put.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['NOTICE#*'] } });
    expect(JSON.stringify(put.Resource)).toContain(`"${tableId}"`);
  });

  it('sends its failures to its dead-letter queue, which only takes SSL', () => {
    const sqs = statementsOf(remindersRoleId).filter((s) => actions(s).some((a) => a.startsWith('sqs:')));
    expect(sqs.flatMap(actions)).toEqual(['sqs:SendMessage']);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});

describe('notices by mail', () => {
  const fn = () => template.findResources('AWS::Lambda::Function')[mailFunctionId].Properties;
  const mappings = () => Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).map((m) => m.Properties);

  it('the table has a stream of the new image of every write', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
  });

  it('the sender reads it through an event source mapping: only INSERTs of notices, 10 a batch, retried 5 times, halved on error, failures per record, then a dead-letter queue', () => {
    expect(mappings()).toHaveLength(1);
    const [mapping] = mappings();
    expect(mapping).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      FunctionName: { Ref: mailFunctionId },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 10,
      MaximumRetryAttempts: 5,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [mailQueueId(), 'Arn'] } } },
    });
    expect(mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['Notice'] } } } },
    ]);
  });

  it('its dead-letter queue is encrypted and takes only SSL', () => {
    expect(template.findResources('AWS::SQS::Queue')[mailQueueId()].Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86400 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: mailQueueId() }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    const sqs = statementsOf(mailRoleId).filter((s) => actions(s).some((a) => a.startsWith('sqs:')));
    expect(JSON.stringify(resourcesOf(sqs))).toContain(mailQueueId());
  });

  it('is bundled like the others: its own code, Node.js 22 or newer on arm64, its own log group; the sender and the link base from the parameters', () => {
    expect(fn().Handler).toBe('index.handler');
    expect(Number(/^nodejs(\d+)\.x$/.exec(fn().Runtime)?.[1])).toBeGreaterThanOrEqual(22);
    expect(fn().Architectures).toEqual(['arm64']);
    expect(fn().Timeout).toBe(60);
    expect(fn().Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: tableId },
      NODE_ENV: 'production',
      MAIL_FROM: { Ref: 'MailFrom' },
      MAIL_LINK_BASE_URL: { 'Fn::If': ['MailLinkBaseUrlGiven', { Ref: 'MailLinkBaseUrl' }, expect.anything()] },
    });
    expect(template.findResources('AWS::Logs::LogGroup')[fn().LoggingConfig.LogGroup.Ref].Properties.RetentionInDays).toBe(365);
  });

  it('MailFrom is a required deploy parameter (a mail address); MailLinkBaseUrl is optional (the API’s URL when empty)', () => {
    const parameters = template.toJSON().Parameters;
    expect(parameters.MailFrom).toMatchObject({ Type: 'String' });
    expect(parameters.MailFrom.Default).toBeUndefined();
    expect(new RegExp(parameters.MailFrom.AllowedPattern).test('joho@city.shiroishi.example')).toBe(true);
    expect(new RegExp(parameters.MailFrom.AllowedPattern).test('joho')).toBe(false);
    expect(parameters.MailLinkBaseUrl).toMatchObject({ Type: 'String', Default: '' });
    expect(template.toJSON().Conditions.MailLinkBaseUrlGiven).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'MailLinkBaseUrl' }, ''] }] });
  });

  it('may read addressees and deliveries by key, and put deliveries, in those partitions only; never Query, never Scan', () => {
    const statements = dynamoStatements(mailRoleId).filter((s) => !actions(s).some((a) => /Stream/.test(a)));
    expect([...new Set(statements.flatMap(actions))].sort()).toEqual([...MAIL_TABLE_READ_ACTIONS, ...MAIL_TABLE_WRITE_ACTIONS].sort());
    const [read] = statements.filter((s) => actions(s).includes('dynamodb:GetItem'));
    expect(read.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...MAIL_READ_KEYS] } });
    const [put] = statements.filter((s) => actions(s).includes('dynamodb:PutItem'));
    expect(put.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...MAIL_WRITE_KEYS] } });
    for (const s of statements) expect(resourcesOf([s])).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
  });

  it('reads the table’s stream, and that stream only', () => {
    const stream = dynamoStatements(mailRoleId).filter((s) => actions(s).some((a) => a !== 'dynamodb:ListStreams' && /Stream|GetRecords|GetShardIterator/.test(a)));
    expect([...new Set(stream.flatMap(actions))].sort()).toEqual(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']);
    expect(resourcesOf(stream)).toEqual([{ 'Fn::GetAtt': [tableId, 'StreamArn'] }]);
  });

  it('may send mail through SES only as the MailFrom identity (the address, or its domain), From that address', () => {
    const ses = statementsOf(mailRoleId).filter((s) => actions(s).some((a) => a.startsWith('ses:')));
    expect(ses.flatMap(actions)).toEqual(['ses:SendEmail']);
    expect(ses[0].Condition).toEqual({ StringEquals: { 'ses:FromAddress': { Ref: 'MailFrom' } } });
    const resources = JSON.stringify(ses[0].Resource);
    expect(resources).toContain(':identity/');
    expect(resources).toContain('{"Ref":"MailFrom"}');
    expect(resources).toContain('{"Fn::Select":[1,{"Fn::Split":["@",{"Ref":"MailFrom"}]}]}');
    expect(resourcesOf(ses)).toHaveLength(2);
  });
});

describe('Cognito', () => {
  it('第24条: no self sign-up, strong passwords, a required second factor', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: Match.anyValue(),
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
    const min = Object.values(template.findResources('AWS::Cognito::UserPool'))[0].Properties.Policies.PasswordPolicy.MinimumLength;
    expect(min).toBeGreaterThanOrEqual(12);
  });

  it('keeps the user pool when the stack is deleted', () => {
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
    template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });

  it('gives the portal a public client that signs in with SRP', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    });
  });
});

describe('HTTP API', () => {
  it('has a JWT authorizer trusting the user pool, for the portal client and GraphiQL', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }, { Ref: graphiqlClientId }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: userPoolId }]],
        },
      },
    });
  });

  it('routes POST and GET /graphql through the authorizer; only GraphiQL’s page and assets are public', () => {
    const all = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    expect(all.map((r) => r.RouteKey).sort()).toEqual(['GET /download/{file}', 'GET /export/{file}', 'GET /graphiql', 'GET /graphiql/{file}', 'GET /graphql', 'GET /print/{id}', 'POST /graphql']);
    const integrationOf = (r: { Target: { 'Fn::Join': [string, unknown[]] } }) => JSON.stringify(r.Target);
    const publicRoutes = all.filter((r) => r.RouteKey.startsWith('GET /graphiql'));
    for (const route of publicRoutes) {
      expect(route.AuthorizationType).toBe('NONE');
      // …and they reach the page function, never the API's.
      const integrationId = integrationOf(route).match(/"Ref":"([^"]+)"/)![1];
      expect(template.findResources('AWS::ApiGatewayV2::Integration')[integrationId].Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [graphiqlFunctionId, 'Arn'] });
    }
    const signedLinks = ['GET /print/{id}', 'GET /download/{file}'];
    const routes = all.filter((r) => !publicRoutes.includes(r) && !signedLinks.includes(r.RouteKey));
    const authorizerId = logicalId('AWS::ApiGatewayV2::Authorizer');
    for (const route of routes) {
      expect(route.AuthorizationType).toBe('JWT');
      expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
    }
  });

  it.each(['GET /print/{id}', 'GET /download/{file}'])('routes %s to the API function without an authorizer: the signed link is the check', (key) => {
    const [route] = Object.values(template.findResources('AWS::ApiGatewayV2::Route'))
      .map((r) => r.Properties)
      .filter((r) => r.RouteKey === key);
    expect(route.AuthorizationType).toBe('NONE');
    const integrationId = JSON.stringify(route.Target).match(/"Ref":"([^"]+)"/)![1];
    expect(template.findResources('AWS::ApiGatewayV2::Integration')[integrationId].Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [apiFunctionId, 'Arn'] });
  });

  it('sends the Lambda a payload format 2.0 event', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
  });

  it('logs every request as JSON to a log group, and throttles the default stage', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
    expect(stage.StageName).toBe('$default');
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    const logGroupId = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(template.findResources('AWS::Logs::LogGroup')[logGroupId].Properties.RetentionInDays).toBe(365);
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
      user: '$context.authorizer.claims.username',
    });
  });

  it('allows no cross-origin browser calls unless origins are configured', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
    const withCors = synth({ allowedOrigins: ['https://portal.city.shiroishi.example'] }).template;
    withCors.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://portal.city.shiroishi.example'],
        AllowHeaders: Match.arrayWith(['authorization', 'content-type']),
      }),
    });
  });
});

describe('GraphiQL on the deployed stack', () => {
  const client = () => template.findResources('AWS::Cognito::UserPoolClient')[graphiqlClientId].Properties;
  const page = () => template.findResources('AWS::Lambda::Function')[graphiqlFunctionId].Properties;

  it('has its own public app client: the authorization code grant only (PKCE, no secret), back to the page', () => {
    expect(client()).toMatchObject({
      ClientName: 'graphiql',
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: expect.arrayContaining(['openid']),
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
    });
    const pageUrl = JSON.stringify(client().CallbackURLs[0]);
    expect(pageUrl).toContain('/graphiql');
    expect(client().LogoutURLs).toEqual(client().CallbackURLs);
  });

  it('signs in on the managed login pages of the hosted domain (by default shiroishi-regulation-<account>), styled for its client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: { 'Fn::Join': ['', ['shiroishi-regulation-', { Ref: 'AWS::AccountId' }]] }, ManagedLoginVersion: 2 });
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { ClientId: { Ref: graphiqlClientId }, UseCognitoProvidedValues: true });
    template.hasOutput('HostedSignInDomain', {});
    template.hasOutput('GraphiqlUrl', {});
  });

  it('a portal given callback URLs signs in on the same managed login pages, with a style of its own', () => {
    const withPortal = synth({ oauthCallbackUrls: ['https://portal.city.shiroishi.example/callback'] }).template;
    const styled = Object.values(withPortal.findResources('AWS::Cognito::ManagedLoginBranding')).map((r) => r.Properties.ClientId.Ref);
    expect(styled).toHaveLength(2);
    withPortal.hasResourceProperties('AWS::Cognito::UserPoolClient', { ClientName: 'portal', AllowedOAuthFlows: ['code'], CallbackURLs: ['https://portal.city.shiroishi.example/callback'] });
  });

  it('the page function knows the domain, its client and its own URL, and may touch nothing of the city’s', () => {
    expect(page().Environment.Variables).toMatchObject({ COGNITO_CLIENT_ID: { Ref: graphiqlClientId }, COGNITO_DOMAIN: expect.anything(), GRAPHIQL_URL: expect.anything() });
    expect(page().Environment.Variables.TABLE_NAME).toBeUndefined();
    expect(dynamoStatements(roleId(stack.graphiqlFunction))).toEqual([]);
  });

  it('a notice’s mail links to GraphiQL unless MailLinkBaseUrl names a portal', () => {
    const mailEnv = template.findResources('AWS::Lambda::Function')[mailFunctionId].Properties.Environment.Variables;
    expect(JSON.stringify(mailEnv.MAIL_LINK_BASE_URL)).toContain('/graphiql');
  });
});

describe('alarms', () => {
  const topicId = logicalId('AWS::SNS::Topic');
  type Alarm = { Properties: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const alarms = () => template.findResources('AWS::CloudWatch::Alarm') as Record<string, Alarm>;
  /** The one alarm on `namespace`/`metricName` whose dimensions include `dimension`. */
  const alarmOn = (namespace: string, metricName: string, dimension: { Name: string; Value: unknown }) => {
    const found = Object.values(alarms()).filter(
      (a) => a.Properties.Namespace === namespace && a.Properties.MetricName === metricName && JSON.stringify(a.Properties.Dimensions).includes(JSON.stringify(dimension)),
    );
    expect(found).toHaveLength(1);
    return found[0].Properties;
  };

  it('every alarm tells the alarm topic, when it fires and when it clears', () => {
    expect(Object.keys(alarms())).toHaveLength(12);
    for (const alarm of Object.values(alarms())) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
    }
  });

  it('every alarm is described in Japanese first, then English', () => {
    for (const alarm of Object.values(alarms())) {
      const [ja, en] = alarm.Properties.AlarmDescription.split(' / ');
      expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(en).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('the HTTP API: any 5xx in five minutes', () => {
    const alarm = alarmOn('AWS/ApiGateway', '5xx', { Name: 'ApiId', Value: { Ref: logicalId('AWS::ApiGatewayV2::Api') } });
    expect(alarm).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it.each(['Errors', 'Throttles'])('every Lambda function: any %s in five minutes', (metricName) => {
    const functions = Object.keys(template.findResources('AWS::Lambda::Function'));
    expect(functions.sort()).toEqual([apiFunctionId, remindersFunctionId, mailFunctionId, graphiqlFunctionId].sort());
    for (const fn of functions) {
      const alarm = alarmOn('AWS/Lambda', metricName, { Name: 'FunctionName', Value: { Ref: fn } });
      expect(alarm).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
  });

  it.each([
    ['reminders', remindersQueueId],
    ['mail', mailQueueId],
  ])('the %s dead-letter queue: not empty', (_name, queueId) => {
    const alarm = alarmOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible', { Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId(), 'QueueName'] } });
    expect(alarm).toMatchObject({ Statistic: 'Maximum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it('the table: any throttled request, whatever the operation', () => {
    const [alarm] = Object.values(alarms()).filter((a) => a.Properties.Metrics);
    const metrics = alarm.Properties.Metrics as { Id: string; Expression?: string; ReturnData: boolean; MetricStat?: any }[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const stats = metrics.filter((m) => m.MetricStat);
    expect(stats.map((m) => m.MetricStat.Metric.Dimensions.find((d: { Name: string }) => d.Name === 'Operation').Value).sort()).toEqual([...THROTTLE_ALARM_OPERATIONS].sort());
    for (const m of stats) {
      expect(m.MetricStat).toMatchObject({ Metric: { Namespace: 'AWS/DynamoDB', MetricName: 'ThrottledRequests' }, Stat: 'Sum', Period: 300 });
      expect(m.MetricStat.Metric.Dimensions).toContainEqual({ Name: 'TableName', Value: { Ref: tableId } });
    }
    // Each term filled with 0: a sum is missing wherever one of its terms is.
    const [expression] = metrics.filter((m) => m.ReturnData);
    expect(expression.Expression).toBe(stats.map((m) => `FILL(${m.Id}, 0)`).join(' + '));
    expect(alarm.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('the topic is encrypted with its own rotated key, which CloudWatch of this account may use, and takes only SSL', () => {
    const topic = template.findResources('AWS::SNS::Topic')[topicId].Properties;
    const keyId = logicalId('AWS::KMS::Key');
    expect(topic.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    const key = template.findResources('AWS::KMS::Key')[keyId].Properties;
    expect(key.EnableKeyRotation).toBe(true);
    expect(key.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }),
    );
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
  });

  it('has no subscriber unless alarmEmails is given', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('subscribes each address of the deploy parameter alarmEmails (-c alarmEmails=a,b) by e-mail', () => {
    const context = new App({ context: { alarmEmails: 'joho@city.shiroishi.example, tantou@city.shiroishi.example' } });
    const props = stackPropsFromContext(context);
    expect(props.alarmEmails).toEqual(['joho@city.shiroishi.example', 'tantou@city.shiroishi.example']);
    const withEmails = synth({ alarmEmails: props.alarmEmails }).template;
    const topic = Object.keys(withEmails.findResources('AWS::SNS::Topic'))[0];
    const subscriptions = Object.values(withEmails.findResources('AWS::SNS::Subscription')).map((s) => s.Properties);
    expect(subscriptions).toEqual([
      { Protocol: 'email', Endpoint: 'joho@city.shiroishi.example', TopicArn: { Ref: topic } },
      { Protocol: 'email', Endpoint: 'tantou@city.shiroishi.example', TopicArn: { Ref: topic } },
    ]);
    expect(stackPropsFromContext(new App({ context: { alarmEmails: ['joho@city.shiroishi.example'] } })).alarmEmails).toEqual(['joho@city.shiroishi.example']);
    expect(stackPropsFromContext(new App()).alarmEmails).toEqual([]);
    expect(() => stackPropsFromContext(new App({ context: { alarmEmails: 'joho' } }))).toThrow('alarmEmails: joho is not an e-mail address');
  });
});

describe('outputs', () => {
  it.each(['GraphqlUrl', 'GraphiqlUrl', 'HostedSignInDomain', 'UserPoolId', 'UserPoolClientId', 'TableName', 'RemindersFunctionName', 'AlarmTopicArn', 'MailFunctionName', 'MailDeadLetterQueueUrl', 'AttachmentsBucketName'])('exports %s', (name) => {
    template.hasOutput(name, {});
  });
});

describe('cdk-nag', () => {
  it.each([
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['Serverless', () => new ServerlessChecks()],
  ])('%s reports nothing unacknowledged', (_name, pack) => {
    const report = pack().validateScope(app);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('CDK itself reports no errors', () => {
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  it('acknowledges only the reviewed findings, each with a reason', () => {
    const acknowledged: Record<string, string> = {};
    const visit = (c: IConstruct) => {
      for (const entry of c.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
          for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
            acknowledged[id.replace(/^annotation::/i, '')] = reason;
          }
        }
      }
      c.node.children.forEach(visit);
    };
    visit(app);
    // With alarm e-mail subscribers, also theirs.
    visit(synth({ alarmEmails: ['joho@city.shiroishi.example'] }).app);
    // A new acknowledgement is a review decision: add it here and to infra/README.md.
    expect(Object.keys(acknowledged).sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-IAM5[Resource::*]',
      `AwsSolutions-IAM5[Resource::<${attachmentsBucketId}.Arn>/attachments/*]`,
      `AwsSolutions-IAM5[Resource::<${attachmentsBucketId}.Arn>/exports/*]`,
      'AwsSolutions-S1',
      'AwsSolutions-SQS3',
      'Serverless-LambdaDLQ',
      'Serverless-SNSRedrivePolicy',
      'Serverless-SQSRedrivePolicy',
    ]);
    for (const reason of Object.values(acknowledged)) expect(reason.length).toBeGreaterThan(40);
  });
});
