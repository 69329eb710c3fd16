import * as fs from 'node:fs';
import * as path from 'node:path';
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
// Pure data with no runtime dependencies: the table's keys cannot drift from what the store expects.
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../functions/store/tableSchema';

/**
 * What the API function may do to the table. Request paths read with GetItem/BatchGetItem/Query and write every
 * state change with its audit event in one TransactWriteItems. TransactWriteItems (and TransactGetItems) is not an
 * IAM action of its own: IAM checks each item's action (Put → PutItem, Update → UpdateItem,
 * ConditionCheck → ConditionCheckItem, Delete → DeleteItem). No Scan, no DeleteItem: nothing in the regulation's
 * record is deleted. If the store ever needs Delete, add 'dynamodb:DeleteItem' here.
 */
export const API_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;
/** On the global secondary indexes only Query is possible (and Scan, which is not granted). */
export const API_INDEX_ACTIONS = ['dynamodb:Query'] as const;

/**
 * What the reminders job (functions/reminders/) may do: read items by key (BatchGetItem: notices recorded before,
 * systems' names), and put notices with their audit events (TransactWriteItems of Puts → PutItem), only in notice
 * partitions (`NOTICE#…`, where a notice's audit events live too). It queries indexes, never the table, and never scans.
 */
export const REMINDERS_TABLE_READ_ACTIONS = ['dynamodb:BatchGetItem'] as const;
export const REMINDERS_TABLE_WRITE_ACTIONS = ['dynamodb:PutItem'] as const;
/** The partitions the job writes: a notice's item and its audit events (functions/store/store.ts OBJECT_PREFIX). */
export const REMINDERS_WRITE_KEYS = ['NOTICE#*'] as const;
/** The indexes the job reads: what falls due (byDueDate), what waits (inbox), role holders and departments (byKind). */
export const REMINDERS_INDEXES = ['byDueDate', 'inbox', 'byKind'] as const;
/** 08:00 in Shiroishi (Asia/Tokyo has no daylight saving time): 23:00 UTC the day before. */
export const REMINDERS_SCHEDULE = { minute: '0', hour: '23' } as const;

/**
 * The table operations whose throttling raises the alarm: every call the API and the reminders job make
 * (TransactWriteItems carries their writes; ConditionCheck has no operation of its own).
 */
export const THROTTLE_ALARM_OPERATIONS = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.BATCH_GET_ITEM,
  dynamodb.Operation.QUERY,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.TRANSACT_WRITE_ITEMS,
  dynamodb.Operation.TRANSACT_GET_ITEMS,
] as const;

export interface RegulationApiStackProps extends StackProps {
  /**
   * Directory holding the bundled API (index.js exporting `handler`), as written by functions/api/bundle.js.
   * Relative paths resolve against the current directory (the repository root when run by the CDK CLI).
   * @default 'dist/bundle/api'
   */
  readonly apiCodePath?: string;
  /** Browser origins allowed by CORS, e.g. ['https://portal.example.jp']. @default - none: no CORS preflight */
  readonly allowedOrigins?: string[];
  /** Steady-state requests per second on the default stage. @default 50 */
  readonly throttleRateLimit?: number;
  /** Burst requests on the default stage. @default 100 */
  readonly throttleBurstLimit?: number;
  /**
   * Portal URLs Cognito may redirect to after sign-in with the authorization code flow. Requires
   * `cognitoDomainPrefix`. @default - none: portals sign in with SRP only (no hosted sign-in page)
   */
  readonly oauthCallbackUrls?: string[];
  /** Prefix of the Cognito hosted domain (<prefix>.auth.<region>.amazoncognito.com), for the code flow. */
  readonly cognitoDomainPrefix?: string;
  /** Retention of the function's and the API's logs. @default ONE_YEAR (city audit) */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Directory holding the bundled reminders job (index.js exporting `handler`):
   * `node functions/api/bundle.js dist/functions/reminders/handler.js dist/bundle/reminders`.
   * @default 'dist/bundle/reminders'
   */
  readonly remindersCodePath?: string;
  /**
   * E-mail addresses told of every alarm (each confirms its subscription from the mail AWS sends it).
   * @default - none: the alarms still fire and show in the CloudWatch console, but nobody is told
   */
  readonly alarmEmails?: string[];
}

export class RegulationApiStack extends Stack {
  public readonly table: dynamodb.Table;
  public readonly apiFunction: lambda.Function;
  public readonly remindersFunction: lambda.Function;
  public readonly remindersRule: events.Rule;
  public readonly userPool: cognito.UserPool;
  public readonly userPoolClient: cognito.UserPoolClient;
  public readonly httpApi: apigwv2.HttpApi;
  public readonly graphqlUrl: string;
  /** Where every alarm goes; its subscribers are the `alarmEmails`. */
  public readonly alarmTopic: sns.Topic;
  /** The alarms, by construct id. */
  public readonly alarms: Record<string, cloudwatch.Alarm> = {};

  constructor(scope: Construct, id: string, props: RegulationApiStackProps = {}) {
    super(scope, id, props);

    const codePath = path.resolve(props.apiCodePath ?? 'dist/bundle/api');
    if (!fs.existsSync(path.join(codePath, 'index.js'))) {
      throw new Error(`${codePath}/index.js not found: build the API bundle first (npm run build && node functions/api/bundle.js)`);
    }
    const remindersCodePath = path.resolve(props.remindersCodePath ?? 'dist/bundle/reminders');
    if (!fs.existsSync(path.join(remindersCodePath, 'index.js'))) {
      throw new Error(
        `${remindersCodePath}/index.js not found: bundle the reminders job first (node functions/api/bundle.js dist/functions/reminders/handler.js dist/bundle/reminders)`,
      );
    }
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_YEAR;

    // ---- Table -------------------------------------------------------------------------------------------------
    const str = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: str(TABLE_KEYS.partitionKey),
      sortKey: str(TABLE_KEYS.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      // Idempotency records expire a day after the mutation they answer (functions/store/idempotency.ts).
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
      // The AWS managed key (aws/dynamodb): every use of the key is in CloudTrail, at no key cost and with no key
      // policy to maintain. A customer managed key would add cost and a way to lose the data (key deletion or a
      // broken key policy) for no requirement we have: nothing is shared across accounts.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
    });
    for (const index of GLOBAL_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: str(index.partitionKey),
        sortKey: str(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    // ---- Function ----------------------------------------------------------------------------------------------
    const functionLogs = new logs.LogGroup(this, 'ApiFunctionLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // An explicit role instead of the default one, which carries the AWSLambdaBasicExecutionRole managed policy
    // (logs on every log group in the account): this one may only write to its own log group and to the table.
    const role = new iam.Role(this, 'ApiFunctionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'GraphQL API function: its own log group and the regulation table, nothing else',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [functionLogs.logGroupArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'RegulationTable',
        actions: [...API_TABLE_ACTIONS],
        resources: [this.table.tableArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'RegulationTableIndexes',
        actions: [...API_INDEX_ACTIONS],
        // Each index by name, not index/*: an index added later is granted when it is added to tableSchema.ts.
        resources: GLOBAL_INDEXES.map((index) => `${this.table.tableArn}/index/${index.indexName}`),
      }),
    );

    this.apiFunction = new lambda.Function(this, 'ApiFunction', {
      description: 'GraphQL API (Apollo Server + type-graphql) for the network-system regulation',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(codePath),
      handler: 'index.handler',
      memorySize: 1024,
      timeout: Duration.seconds(10),
      role,
      logGroup: functionLogs,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.INFO, // keeps the REPORT line (duration, memory, cold start)
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        TABLE_NAME: this.table.tableName,
        NODE_ENV: 'production',
        POWERTOOLS_SERVICE_NAME: 'regulation-api',
      },
    });
    const rolePolicy = role.node.tryFindChild('DefaultPolicy');
    Validations.of(rolePolicy ?? role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray statement added by tracing: ACTIVE (xray:PutTraceSegments, xray:PutTelemetryRecords), which has no resource-level permissions; table, indexes and log group are named.',
    });
    Validations.of(this.apiFunction).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked only synchronously by API Gateway, which returns the error to the caller; a dead-letter queue receives only asynchronous invocations, and there are none.',
    });

    // ---- Reminders job ---------------------------------------------------------------------------------------------
    // Daily, EventBridge invokes the job asynchronously with a Scheduled Event; the job takes the event's time as its
    // clock, records each notice once (its id is made from what it is about), so a retry or an overlapping run writes
    // nothing twice. An event EventBridge cannot deliver, or a run that still fails after Lambda's two retries, lands
    // in the dead-letter queue, kept 14 days.
    const remindersDlq = new sqs.Queue(this, 'RemindersDeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    Validations.of(remindersDlq).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself the dead-letter queue of the reminders job and its schedule: a failed run waits here to be looked at; a redrive policy would only move it to yet another queue.',
    });

    const remindersLogs = new logs.LogGroup(this, 'RemindersFunctionLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const remindersRole = new iam.Role(this, 'RemindersFunctionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Reminders job: its own log group, reads of the table by key and index, writes of notices only',
    });
    remindersRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [remindersLogs.logGroupArn],
      }),
    );
    remindersRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadItemsByKey',
        actions: [...REMINDERS_TABLE_READ_ACTIONS],
        resources: [this.table.tableArn],
      }),
    );
    remindersRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteNoticesOnly',
        actions: [...REMINDERS_TABLE_WRITE_ACTIONS],
        resources: [this.table.tableArn],
        // Every item the job writes (a notice, its audit event) has a partition key NOTICE#<id>.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...REMINDERS_WRITE_KEYS] } },
      }),
    );
    remindersRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'QueryDueAndWaiting',
        actions: ['dynamodb:Query'],
        resources: REMINDERS_INDEXES.map((name) => `${this.table.tableArn}/index/${name}`),
      }),
    );

    this.remindersFunction = new lambda.Function(this, 'RemindersFunction', {
      description: 'Daily reminders: records a notice for each password, take-out, provision, page and application due',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(remindersCodePath),
      handler: 'index.handler',
      memorySize: 512,
      timeout: Duration.minutes(5),
      role: remindersRole,
      logGroup: remindersLogs,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      tracing: lambda.Tracing.ACTIVE,
      // Lambda's own retries of an asynchronous invocation (two, the default), then the dead-letter queue.
      deadLetterQueue: remindersDlq,
      environment: {
        TABLE_NAME: this.table.tableName,
        NODE_ENV: 'production',
        POWERTOOLS_SERVICE_NAME: 'regulation-reminders',
      },
    });
    const remindersPolicy = remindersRole.node.tryFindChild('DefaultPolicy');
    Validations.of(remindersPolicy ?? remindersRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray statement added by tracing: ACTIVE (xray:PutTraceSegments, xray:PutTelemetryRecords), which has no resource-level permissions; table, indexes, queue and log group are named.',
    });

    this.remindersRule = new events.Rule(this, 'DailyReminders', {
      description: '毎朝8時(Asia/Tokyo)の通知処理 / The reminders job, daily at 08:00 in Shiroishi (23:00 UTC)',
      schedule: events.Schedule.cron({ ...REMINDERS_SCHEDULE }),
    });
    this.remindersRule.addTarget(
      new targets.LambdaFunction(this.remindersFunction, {
        deadLetterQueue: remindersDlq,
        retryAttempts: 2,
        maxEventAge: Duration.hours(2),
      }),
    );

    // ---- Cognito -----------------------------------------------------------------------------------------------
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: 'shiroishi-regulation-staff',
      // Accounts are created by the administrators only; the username is the person id stored in the API.
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // 第24条: passwords are the staff's own and never disclosed; a second factor (authenticator app) makes a leaked
      // password useless on its own. Required, since these accounts approve consultations and data provision.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        // 第24条 asks for a change at least once a year; a change must not return to a recent password.
        passwordHistorySize: 5,
      },
      // Threat protection (compromised-credential and adaptive-authentication checks) needs the Plus plan.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userVerification: {
        emailSubject: '白石市 行政情報ネットワーク管理システム: 確認コード',
        emailBody: '確認コード: {####}',
        emailStyle: cognito.VerificationEmailStyle.CODE,
      },
      userInvitation: {
        emailSubject: '白石市 行政情報ネットワーク管理システム: アカウントのお知らせ',
        emailBody:
          '白石市 行政情報ネットワーク管理システムのアカウントを作成しました。<br>' +
          'ユーザー名: {username}<br>仮パスワード: {####}<br>' +
          '初回サインイン時にパスワードの変更と認証アプリの登録をお願いします。パスワードは他人に教えないでください(第24条)。',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const callbackUrls = props.oauthCallbackUrls ?? [];
    if (callbackUrls.length > 0 && !props.cognitoDomainPrefix) {
      throw new Error('oauthCallbackUrls needs cognitoDomainPrefix (the hosted sign-in domain)');
    }
    this.userPoolClient = this.userPool.addClient('PortalClient', {
      userPoolClientName: 'portal',
      // A browser or desktop portal cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      ...(callbackUrls.length > 0
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true },
              scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
              callbackUrls,
              logoutUrls: callbackUrls,
            },
          }
        : { disableOAuth: true }),
    });
    const domain = props.cognitoDomainPrefix
      ? this.userPool.addDomain('HostedDomain', { cognitoDomain: { domainPrefix: props.cognitoDomainPrefix } })
      : undefined;

    // ---- HTTP API ----------------------------------------------------------------------------------------------
    // A JWT authorizer: issuer https://cognito-idp.<region>.amazonaws.com/<poolId>, audience the portal client id.
    // API Gateway checks `aud` when present (ID tokens) and otherwise `client_id` (access tokens), so the access
    // token the portal sends as `Authorization: Bearer <token>` passes; the function reads its `username` claim.
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', this.userPool, {
      userPoolClients: [this.userPoolClient],
      identitySource: ['$request.header.Authorization'],
    });

    const origins = props.allowedOrigins ?? [];
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: 'shiroishi-regulation-api',
      description: 'GraphQL API for the network-system regulation (POST/GET /graphql)',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      corsPreflight:
        origins.length > 0
          ? {
              allowOrigins: origins,
              allowMethods: [apigwv2.CorsHttpMethod.GET, apigwv2.CorsHttpMethod.POST, apigwv2.CorsHttpMethod.OPTIONS],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'apollo-require-preflight', 'x-apollo-operation-name'],
              allowCredentials: false,
              maxAge: Duration.hours(1),
            }
          : undefined,
    });

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRateLimit ?? 50, burstLimit: props.throttleBurstLimit ?? 100 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        // One JSON object per request (HTTP API $context variables).
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            httpMethod: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            protocol: '$context.protocol',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            user: '$context.authorizer.claims.username',
            authorizerError: '$context.authorizer.error',
            error: '$context.error.message',
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration('GraphqlIntegration', this.apiFunction, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    this.httpApi.addRoutes({
      path: '/graphql',
      methods: [apigwv2.HttpMethod.POST, apigwv2.HttpMethod.GET],
      integration,
    });

    // ---- Alarms ------------------------------------------------------------------------------------------------
    // Every alarm goes to one topic; the people on duty subscribe by e-mail (deploy parameter `alarmEmails`).
    // CloudWatch cannot publish to a topic encrypted with the AWS managed key (aws/sns): its key policy cannot be
    // changed to let CloudWatch use it. So the topic has its own key, rotated yearly, that CloudWatch may use for
    // this account's alarms only.
    const alarmKey = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the alarm topic; CloudWatch alarms of this account may use it to publish',
      enableKeyRotation: true,
      // Nothing is stored under this key (SNS keeps no messages): it may go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    alarmKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // in a key policy, "*" is this key
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: '白石市 規程API アラーム / Shiroishi regulation API alarms',
      masterKey: alarmKey,
      enforceSSL: true,
    });
    this.alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*` },
        },
      }),
    );
    for (const email of props.alarmEmails ?? []) {
      const subscription = this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(email));
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'An e-mail to a person on duty: a mail SNS cannot deliver would wait in a queue nobody reads; the alarm itself stays in ALARM in CloudWatch, and failed deliveries show in the topic metric NumberOfNotificationsFailed.',
      });
    }

    const toTopic = new cwActions.SnsAction(this.alarmTopic);
    const alarm = (id: string, metric: cloudwatch.IMetric, description: string, threshold = 1) => {
      const created = new cloudwatch.Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold,
        comparisonOperator:
          threshold === 0 ? cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD : cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        // No data is no fault: a quiet night sends no requests and no metrics.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(toTopic);
      created.addOkAction(toTopic);
      this.alarms[id] = created;
      return created;
    };
    const fiveMinutes = { period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM };

    // The API answers faults with 5xx; rules, bad input and missing sign-in are 4xx (CONVENTIONS). One 5xx is a bug.
    alarm(
      'ApiServerErrorsAlarm',
      this.httpApi.metricServerError(fiveMinutes),
      'API が 5xx(サーバーエラー)を返しました(5分間に1件以上)。関数のログ(ApiFunctionLogs)とアクセスログ(ApiAccessLogs)を確認してください。 / The HTTP API answered 5xx at least once in 5 minutes: see the function and access logs.',
    );
    for (const [id, fn, ja, en] of [
      ['Api', this.apiFunction, 'API 関数', 'API function'],
      ['Reminders', this.remindersFunction, '通知処理', 'Reminders job'],
    ] as const) {
      alarm(
        `${id}FunctionErrorsAlarm`,
        fn.metricErrors(fiveMinutes),
        `${ja}(Lambda)の実行がエラーで終了しました(5分間に1件以上)。ロググループのエラーを確認してください。 / ${en}: an invocation failed (error, timeout or crash) at least once in 5 minutes: see its log group.`,
      );
      alarm(
        `${id}FunctionThrottlesAlarm`,
        fn.metricThrottles(fiveMinutes),
        `${ja}(Lambda)の呼び出しが同時実行数の上限で抑制されました(5分間に1件以上)。アカウントの同時実行数を確認してください。 / ${en}: invocations were throttled (concurrency limit) at least once in 5 minutes.`,
      );
    }
    alarm(
      'RemindersDeadLetterQueueAlarm',
      remindersDlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      '通知処理の実行が再試行のあとも失敗し、デッドレターキュー(RemindersDeadLetterQueue)に入りました。その日の通知が記録されていない可能性があります。原因を直して通知処理を再実行し、キューのメッセージを削除してください。 / A reminders run failed after its retries and waits in the dead-letter queue: fix the cause, run the job again, then delete the message.',
      0,
    );
    // One metric per operation (ThrottledRequests has no table-wide total), added with FILL(…, 0): in metric math a
    // sum is missing wherever one of its terms is, and an operation that was not throttled publishes nothing.
    const throttled = Object.fromEntries(
      THROTTLE_ALARM_OPERATIONS.map((operation) => [operation.toLowerCase(), this.table.metricThrottledRequestsForOperation(operation, fiveMinutes)]),
    );
    alarm(
      'TableThrottledRequestsAlarm',
      new cloudwatch.MathExpression({
        expression: Object.keys(throttled).map((id) => `FILL(${id}, 0)`).join(' + '),
        usingMetrics: throttled,
        label: 'ThrottledRequests (all operations)',
        period: Duration.minutes(5),
      }),
      'DynamoDB テーブルへの要求が抑制されました(5分間に1件以上)。特定のパーティションへの集中か、オンデマンドの上限を確認してください。 / Requests to the table were throttled at least once in 5 minutes: look for a hot partition or the on-demand limits.',
    );

    // ---- Outputs -----------------------------------------------------------------------------------------------
    this.graphqlUrl = `${stage.url}graphql`;
    new CfnOutput(this, 'GraphqlUrl', { value: this.graphqlUrl, description: 'POST/GET with Authorization: Bearer <Cognito access token>' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'RemindersFunctionName', { value: this.remindersFunction.functionName, description: 'Run it now: aws lambda invoke --function-name <name> out.json' });
    new CfnOutput(this, 'Region', { value: Aws.REGION });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn, description: 'Every alarm is published here (e-mail subscribers: context alarmEmails)' });
    if (domain) {
      new CfnOutput(this, 'HostedSignInDomain', { value: domain.baseUrl() });
    }
  }
}
