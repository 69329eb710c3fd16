import { Duration, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RegulationFunction } from './lambdaFunction';
import { StackPart } from './part';
import { RegulationTable } from './table';

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

export interface RemindersJobProps {
  readonly table: RegulationTable;
  /** Directory holding the bundled job (index.js exporting `handler`). */
  readonly codePath: string;
  /** Retention of the job's logs. */
  readonly logRetention: logs.RetentionDays;
}

/**
 * The reminders job (functions/reminders/handler.ts): its Lambda function, the daily EventBridge rule that runs it,
 * and the dead-letter queue of both.
 */
export class RemindersJob extends StackPart {
  public readonly function: lambda.Function;
  public readonly rule: events.Rule;
  public readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: RemindersJobProps) {
    super(scope, id);
    const { table } = props;

    // Daily, EventBridge invokes the job asynchronously with a Scheduled Event; the job takes the event's time as its
    // clock, records each notice once (its id is made from what it is about), so a retry or an overlapping run writes
    // nothing twice. An event EventBridge cannot deliver, or a run that still fails after Lambda's two retries, lands
    // in the dead-letter queue, kept 14 days.
    this.deadLetterQueue = new sqs.Queue(this, 'RemindersDeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself the dead-letter queue of the reminders job and its schedule: a failed run waits here to be looked at; a redrive policy would only move it to yet another queue.',
    });

    this.function = new RegulationFunction(this, 'RemindersFunction', {
      description: 'Daily reminders: records a notice for each password, take-out, provision, page and application due',
      roleDescription: 'Reminders job: its own log group, reads of the table by key and index, writes of notices only',
      codePath: props.codePath,
      bundleHint:
        'bundle the reminders job first (node functions/api/bundle.js dist/functions/reminders/handler.js dist/bundle/reminders)',
      memorySize: 512,
      timeout: Duration.minutes(5),
      serviceName: 'regulation-reminders',
      table,
      logRetention: props.logRetention,
      statements: [
        new iam.PolicyStatement({
          sid: 'ReadItemsByKey',
          actions: [...REMINDERS_TABLE_READ_ACTIONS],
          resources: [table.tableArn],
        }),
        new iam.PolicyStatement({
          sid: 'WriteNoticesOnly',
          actions: [...REMINDERS_TABLE_WRITE_ACTIONS],
          resources: [table.tableArn],
          // Every item the job writes (a notice, its audit event) has a partition key NOTICE#<id>.
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...REMINDERS_WRITE_KEYS] } },
        }),
        new iam.PolicyStatement({
          sid: 'QueryDueAndWaiting',
          actions: ['dynamodb:Query'],
          resources: REMINDERS_INDEXES.map((name) => table.indexArn(name)),
        }),
      ],
      // Lambda's own retries of an asynchronous invocation (two, the default), then the dead-letter queue.
      deadLetterQueue: this.deadLetterQueue,
    }).function;

    this.rule = new events.Rule(this, 'DailyReminders', {
      description: '毎朝8時(Asia/Tokyo)の通知処理 / The reminders job, daily at 08:00 in Shiroishi (23:00 UTC)',
      schedule: events.Schedule.cron({ ...REMINDERS_SCHEDULE }),
    });
    this.rule.addTarget(
      new targets.LambdaFunction(this.function, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 2,
        maxEventAge: Duration.hours(2),
      }),
    );
  }
}
