import { Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RegulationFunction } from './lambdaFunction';
import { StackPart } from './part';
import { RegulationTable } from './table';

/**
 * What the mail sender (functions/mail/) may do to the table: read a notice's addressee and the notice's delivery
 * record by key (GetItem: `PERSON#…`, `NOTICE#…`), and put the delivery record (PutItem, conditioned on the version
 * read), only in notice partitions. It never queries, scans or writes anything else.
 */
export const MAIL_TABLE_READ_ACTIONS = ['dynamodb:GetItem'] as const;
export const MAIL_READ_KEYS = ['PERSON#*', 'NOTICE#*'] as const;
export const MAIL_TABLE_WRITE_ACTIONS = ['dynamodb:PutItem'] as const;
export const MAIL_WRITE_KEYS = ['NOTICE#*'] as const;

/**
 * The records Lambda hands the sender: new items (INSERT) whose entity is `Notice`. Changes of a notice (read), its
 * audit events and its delivery record never wake the function. Which kinds are mailed alone is the sender's to decide.
 */
export const MAIL_EVENT_FILTER = {
  eventName: lambda.FilterRule.isEqual('INSERT'),
  dynamodb: { NewImage: { entity: { S: lambda.FilterRule.isEqual('Notice') } } },
};

export interface NoticeMailerProps {
  /** The table, with its stream (NEW_IMAGE). */
  readonly table: RegulationTable;
  /** Directory holding the bundled sender (index.js exporting `handler`). */
  readonly codePath: string;
  readonly logRetention: logs.RetentionDays;
  /** The sender's address, a verified SES identity (itself or its domain): the `MailFrom` parameter. */
  readonly mailFrom: string;
  /** Where a mail's link points (a query in its `query` parameter). */
  readonly linkBaseUrl: string;
}

/**
 * Notices by mail (functions/mail/handler.ts): the sender function, fed by the table's stream through an event
 * source mapping (INSERTs of notices only, batches of 10, retried, halved on error, failures per record), sending
 * through Amazon SES as the `MailFrom` identity; what still fails after the retries goes to a dead-letter queue.
 */
export class NoticeMailer extends StackPart {
  public readonly function: lambda.Function;
  public readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: NoticeMailerProps) {
    super(scope, id);
    const { table } = props;

    // A batch that still fails after its retries is described here (shard, sequence numbers), kept 14 days.
    this.deadLetterQueue = new sqs.Queue(this, 'MailDeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    Validations.of(this.deadLetterQueue).acknowledge(
      {
        id: 'Serverless-SQSRedrivePolicy',
        reason:
          'This queue is itself the on-failure destination of the mail sender: a batch of notices that could not be mailed after its retries waits here to be looked at; a redrive policy would only move it to yet another queue.',
      },
      {
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is a dead-letter queue: the on-failure destination of the mail sender’s stream event source mapping (cdk-nag recognizes only queues named in a redrive policy as such); it needs no dead-letter queue of its own.',
      },
    );

    // SES authorizes SendEmail on the identity that sends: the address itself, or its verified domain.
    const stack = Stack.of(this);
    const identity = (name: string) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    const mailDomain = Fn.select(1, Fn.split('@', props.mailFrom));

    const mailer = new RegulationFunction(this, 'MailFunction', {
      description: 'Mails each notice written (the outbox kinds, the daily digests) to its addressee through SES, once',
      roleDescription: 'Mail sender: its own log group, the table stream, people and notices by key, delivery records, SES as the sender of the city',
      codePath: props.codePath,
      bundleHint: 'bundle the mail sender first (node functions/api/bundle.js dist/functions/mail/handler.js dist/bundle/mail)',
      memorySize: 512,
      // A claim older than 5 minutes is taken over (functions/domain/mail.ts CLAIM_STALE_AFTER_MS): well beyond this.
      timeout: Duration.minutes(1),
      serviceName: 'regulation-mail',
      table,
      logRetention: props.logRetention,
      environment: { MAIL_FROM: props.mailFrom, MAIL_LINK_BASE_URL: props.linkBaseUrl },
      statements: [
        new iam.PolicyStatement({
          sid: 'ReadAddresseesAndDeliveries',
          actions: [...MAIL_TABLE_READ_ACTIONS],
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...MAIL_READ_KEYS] } },
        }),
        new iam.PolicyStatement({
          sid: 'WriteDeliveriesOnly',
          actions: [...MAIL_TABLE_WRITE_ACTIONS],
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...MAIL_WRITE_KEYS] } },
        }),
        new iam.PolicyStatement({
          sid: 'SendAsTheCity',
          actions: ['ses:SendEmail'],
          resources: [identity(props.mailFrom), identity(mailDomain)],
          conditions: { StringEquals: { 'ses:FromAddress': props.mailFrom } },
        }),
      ],
      // Lambda's stream reading adds dynamodb:ListStreams, which has no resource-level permissions.
      wildcardStatements: 'and dynamodb:ListStreams, added for the stream event source, which has no resource-level permissions',
    });
    this.function = mailer.function;
    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked only by its DynamoDB stream event source mapping, synchronously; the mapping has its own on-failure destination (MailDeadLetterQueue). A function dead-letter queue only receives asynchronous invocations, and there are none.',
    });

    this.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        retryAttempts: 5,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [lambda.FilterCriteria.filter(MAIL_EVENT_FILTER)],
      }),
    );
  }
}
