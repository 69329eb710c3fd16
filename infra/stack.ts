import { Aws, CfnCondition, CfnElement, CfnOutput, CfnParameter, Fn, Stack, StackProps } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { RegulationAlarms } from './alarms';
import { AttachmentsBucket } from './attachments';
import { GraphqlApi } from './api';
import { GraphiqlPage } from './graphiql';
import { StaffUserPool } from './auth';
import { NoticeMailer } from './mail';
import { StackPart } from './part';
import { RemindersJob } from './reminders';
import { RegulationTable } from './table';

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
   * Portal URLs Cognito may redirect to after sign-in with the authorization code flow.
   * @default - none: portals sign in with SRP (GraphiQL has its own app client on the hosted page)
   */
  readonly oauthCallbackUrls?: string[];
  /**
   * Prefix of the Cognito hosted domain (<prefix>.auth.<region>.amazoncognito.com), where staff sign in to GraphiQL
   * and portals. @default 'shiroishi-regulation-<account id>'
   */
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
  /**
   * Directory holding the bundled mail sender (index.js exporting `handler`):
   * `node functions/api/bundle.js dist/functions/mail/handler.js dist/bundle/mail`.
   * @default 'dist/bundle/mail'
   */
  readonly mailCodePath?: string;
  /**
   * Directory holding the bundled GraphiQL page function with its site/ (`node functions/graphiql/bundle.js`).
   * @default 'dist/bundle/graphiql'
   */
  readonly graphiqlCodePath?: string;
}

/**
 * The whole API in one stack: the table, the staff's user pool, the GraphQL API and GraphiQL, the reminders job, the
 * mail sender, the alarms. Deploy parameters: `MailFrom` (required: the SES identity mail is sent as), `MailLinkBaseUrl`.
 */
export class RegulationApiStack extends Stack {
  public readonly table: RegulationTable;
  /** The files of attachments. */
  public readonly attachmentsBucket: s3.Bucket;
  public readonly apiFunction: lambda.Function;
  public readonly remindersFunction: lambda.Function;
  public readonly remindersRule: events.Rule;
  public readonly mailFunction: lambda.Function;
  public readonly userPool: cognito.UserPool;
  public readonly userPoolClient: cognito.UserPoolClient;
  public readonly httpApi: apigwv2.HttpApi;
  public readonly graphqlUrl: string;
  /** GraphiQL for the staff (public page; sign-in on the hosted page). */
  public readonly graphiqlUrl: string;
  public readonly graphiqlFunction: lambda.Function;
  /** Where every alarm goes; its subscribers are the `alarmEmails`. */
  public readonly alarmTopic: sns.Topic;
  /** The alarms, by construct id. */
  public readonly alarms: Record<string, cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, props: RegulationApiStackProps = {}) {
    super(scope, id, props);
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_YEAR;

    const table = (this.table = new RegulationTable(this, 'Table'));

    const userPool = (this.userPool = new StaffUserPool(this, 'UserPool', {
      oauthCallbackUrls: props.oauthCallbackUrls,
      cognitoDomainPrefix: props.cognitoDomainPrefix,
    }));
    this.userPoolClient = userPool.portalClient;

    const attachments = new AttachmentsBucket(this, 'Attachments', { allowedOrigins: props.allowedOrigins ?? [] });
    this.attachmentsBucket = attachments.bucket;

    const api = new GraphqlApi(this, 'Api', {
      table,
      attachments,
      userPool,
      userPoolClient: userPool.portalClient,
      codePath: props.apiCodePath ?? 'dist/bundle/api',
      allowedOrigins: props.allowedOrigins ?? [],
      throttle: { rateLimit: props.throttleRateLimit ?? 50, burstLimit: props.throttleBurstLimit ?? 100 },
      logRetention,
    });
    this.apiFunction = api.function;
    this.httpApi = api.httpApi;
    this.graphqlUrl = api.graphqlUrl;
    this.graphiqlUrl = api.graphiqlUrl;

    const graphiql = new GraphiqlPage(this, 'Graphiql', {
      httpApi: api.httpApi,
      pageUrl: api.graphiqlUrl,
      hostedDomain: userPool.hostedDomain,
      client: api.graphiqlClient,
      codePath: props.graphiqlCodePath ?? 'dist/bundle/graphiql',
      logRetention,
    });
    this.graphiqlFunction = graphiql.function;

    const reminders = new RemindersJob(this, 'Reminders', {
      table,
      codePath: props.remindersCodePath ?? 'dist/bundle/reminders',
      logRetention,
    });
    this.remindersFunction = reminders.function;
    this.remindersRule = reminders.rule;

    // Who the city's mail comes from: an address SES has verified (the address itself, or its domain). Asked at the
    // first deploy (`--parameters MailFrom=…`); later deploys keep it.
    const mailFrom = new CfnParameter(this, 'MailFrom', {
      type: 'String',
      description:
        '通知メールの送信元アドレス(SES で検証済みのアドレス又はドメイン)。 / The address notices are mailed from: an SES-verified address, or one of a verified domain.',
      allowedPattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
      constraintDescription: 'メールアドレス(例: joho@city.shiroishi.example)。 / A mail address, e.g. joho@city.shiroishi.example.',
    });
    // Where a mail's link points, a query in its `query` parameter; empty: GraphiQL (GET /graphiql?query=…), which
    // signs the reader in and opens the query.
    const linkBase = new CfnParameter(this, 'MailLinkBaseUrl', {
      type: 'String',
      default: '',
      description:
        'メールのリンク先(クエリを query パラメータで受け取るポータル等)。空欄なら GraphiQL。 / Where mail links point (a portal taking the query in `query`); empty: GraphiQL.',
      allowedPattern: '^(https://\\S+)?$',
      constraintDescription: 'https:// で始まる URL、又は空欄。 / An https:// URL, or empty.',
    });
    const linkBaseGiven = new CfnCondition(this, 'MailLinkBaseUrlGiven', { expression: Fn.conditionNot(Fn.conditionEquals(linkBase.valueAsString, '')) });
    const mail = new NoticeMailer(this, 'Mail', {
      table,
      codePath: props.mailCodePath ?? 'dist/bundle/mail',
      logRetention,
      mailFrom: mailFrom.valueAsString,
      linkBaseUrl: Fn.conditionIf(linkBaseGiven.logicalId, linkBase.valueAsString, api.graphiqlUrl).toString(),
    });
    this.mailFunction = mail.function;

    const alarms = new RegulationAlarms(this, 'Alarms', {
      emails: props.alarmEmails ?? [],
      httpApi: api.httpApi,
      functions: [
        { id: 'Api', function: api.function, ja: 'API 関数', en: 'API function' },
        { id: 'Reminders', function: reminders.function, ja: '通知処理', en: 'Reminders job' },
        { id: 'Mail', function: mail.function, ja: '通知メールの送信', en: 'Mail sender' },
        { id: 'Graphiql', function: graphiql.function, ja: 'GraphiQL の画面', en: 'GraphiQL page' },
      ],
      remindersDeadLetterQueue: reminders.deadLetterQueue,
      mailDeadLetterQueue: mail.deadLetterQueue,
      table,
    });
    this.alarmTopic = alarms.topic;
    this.alarms = alarms.alarms;

    // ---- Outputs -----------------------------------------------------------------------------------------------
    new CfnOutput(this, 'GraphqlUrl', { value: this.graphqlUrl, description: 'POST/GET with Authorization: Bearer <Cognito access token>' });
    new CfnOutput(this, 'GraphiqlUrl', { value: this.graphiqlUrl, description: 'GraphiQL for the staff: sign in on the Cognito hosted page' });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: userPool.portalClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'AttachmentsBucketName', { value: attachments.bucket.bucketName, description: 'The files of attachments (attachments/<id>), reached through presigned URLs only' });
    new CfnOutput(this, 'RemindersFunctionName', { value: reminders.function.functionName, description: 'Run it now: aws lambda invoke --function-name <name> out.json' });
    new CfnOutput(this, 'MailFunctionName', { value: mail.function.functionName, description: 'Mails each notice written; its log names every mail sent' });
    new CfnOutput(this, 'MailDeadLetterQueueUrl', { value: mail.deadLetterQueue.queueUrl, description: 'Batches of notices not mailed after their retries' });
    new CfnOutput(this, 'Region', { value: Aws.REGION });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn, description: 'Every alarm is published here (e-mail subscribers: context alarmEmails)' });
    new CfnOutput(this, 'HostedSignInDomain', { value: userPool.hostedDomain.baseUrl() });
  }

  /**
   * CDK's logical ID for the element's construct path without the ids of the parts (StackPart) it sits in: the
   * logical ID each resource had when the stack was one file. A new logical ID would replace the resource on deploy
   * (a new, empty table; a new user pool without its users; a new API URL).
   */
  protected override allocateLogicalId(element: CfnElement): string {
    const scopes = element.node.scopes.filter((scope) => !(scope instanceof StackPart));
    if (scopes.length === element.node.scopes.length) return super.allocateLogicalId(element);
    // Stack.allocateLogicalId reads only the element's stack and the scopes on its path.
    return super.allocateLogicalId({ stack: element.stack, node: { scopes } } as unknown as CfnElement);
  }
}
