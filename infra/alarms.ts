import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { StackPart } from './part';

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

/** A Lambda function watched for errors and throttles, named in Japanese and English in its alarms' descriptions. */
export interface AlarmedFunction {
  /** Prefix of its alarms' construct ids: `<id>FunctionErrorsAlarm`, `<id>FunctionThrottlesAlarm`. */
  readonly id: string;
  readonly function: lambda.IFunction;
  readonly ja: string;
  readonly en: string;
}

export interface RegulationAlarmsProps {
  /** E-mail addresses told of every alarm (each confirms its subscription from the mail AWS sends it). */
  readonly emails: string[];
  readonly httpApi: apigwv2.HttpApi;
  /** Every Lambda function of the stack: each needs its own Errors and Throttles alarms. */
  readonly functions: AlarmedFunction[];
  /** The reminders job's dead-letter queue. */
  readonly remindersDeadLetterQueue: sqs.IQueue;
  /** The mail sender's on-failure destination. */
  readonly mailDeadLetterQueue: sqs.IQueue;
  readonly table: dynamodb.Table;
}

/**
 * The CloudWatch alarms (API 5xx, each function's errors and throttles, the reminders and mail dead-letter queues,
 * table throttling) and the encrypted SNS topic they all publish to, with its e-mail subscribers.
 */
export class RegulationAlarms extends StackPart {
  /** Where every alarm goes; its subscribers are the `emails`. */
  public readonly topic: sns.Topic;
  /** The alarms, by construct id. */
  public readonly alarms: Record<string, cloudwatch.Alarm> = {};

  constructor(scope: Construct, id: string, props: RegulationAlarmsProps) {
    super(scope, id);

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
    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: '白石市 規程API アラーム / Shiroishi regulation API alarms',
      masterKey: alarmKey,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*` },
        },
      }),
    );
    for (const email of props.emails) {
      const subscription = this.topic.addSubscription(new subscriptions.EmailSubscription(email));
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'An e-mail to a person on duty: a mail SNS cannot deliver would wait in a queue nobody reads; the alarm itself stays in ALARM in CloudWatch, and failed deliveries show in the topic metric NumberOfNotificationsFailed.',
      });
    }

    const toTopic = new cwActions.SnsAction(this.topic);
    const alarm = (alarmId: string, metric: cloudwatch.IMetric, description: string, threshold = 1) => {
      const created = new cloudwatch.Alarm(this, alarmId, {
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
      this.alarms[alarmId] = created;
      return created;
    };
    const fiveMinutes = { period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM };

    // The API answers faults with 5xx; rules, bad input and missing sign-in are 4xx (CONVENTIONS). One 5xx is a bug.
    alarm(
      'ApiServerErrorsAlarm',
      props.httpApi.metricServerError(fiveMinutes),
      'API が 5xx(サーバーエラー)を返しました(5分間に1件以上)。関数のログ(ApiFunctionLogs)とアクセスログ(ApiAccessLogs)を確認してください。 / The HTTP API answered 5xx at least once in 5 minutes: see the function and access logs.',
    );
    for (const { id: fnId, function: fn, ja, en } of props.functions) {
      alarm(
        `${fnId}FunctionErrorsAlarm`,
        fn.metricErrors(fiveMinutes),
        `${ja}(Lambda)の実行がエラーで終了しました(5分間に1件以上)。ロググループのエラーを確認してください。 / ${en}: an invocation failed (error, timeout or crash) at least once in 5 minutes: see its log group.`,
      );
      alarm(
        `${fnId}FunctionThrottlesAlarm`,
        fn.metricThrottles(fiveMinutes),
        `${ja}(Lambda)の呼び出しが同時実行数の上限で抑制されました(5分間に1件以上)。アカウントの同時実行数を確認してください。 / ${en}: invocations were throttled (concurrency limit) at least once in 5 minutes.`,
      );
    }
    alarm(
      'RemindersDeadLetterQueueAlarm',
      props.remindersDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      '通知処理の実行が再試行のあとも失敗し、デッドレターキュー(RemindersDeadLetterQueue)に入りました。その日の通知が記録されていない可能性があります。原因を直して通知処理を再実行し、キューのメッセージを削除してください。 / A reminders run failed after its retries and waits in the dead-letter queue: fix the cause, run the job again, then delete the message.',
      0,
    );
    alarm(
      'MailDeadLetterQueueAlarm',
      props.mailDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      '通知メールの送信が再試行のあとも失敗し、デッドレターキュー(MailDeadLetterQueue)に入りました。宛先にメールが届いていない通知があります(通知は API では読めます)。送信関数のログ(MailFunctionLogs)で原因(SES の検証・サンドボックス・送信上限等)を確認してください。 / A batch of notices was not mailed after its retries: see the log of the mail function (SES identity, sandbox, sending quota); the notices are still in the API.',
      0,
    );
    // One metric per operation (ThrottledRequests has no table-wide total), added with FILL(…, 0): in metric math a
    // sum is missing wherever one of its terms is, and an operation that was not throttled publishes nothing.
    const throttled = Object.fromEntries(
      THROTTLE_ALARM_OPERATIONS.map((operation) => [operation.toLowerCase(), props.table.metricThrottledRequestsForOperation(operation, fiveMinutes)]),
    );
    alarm(
      'TableThrottledRequestsAlarm',
      new cloudwatch.MathExpression({
        expression: Object.keys(throttled).map((metricId) => `FILL(${metricId}, 0)`).join(' + '),
        usingMetrics: throttled,
        label: 'ThrottledRequests (all operations)',
        period: Duration.minutes(5),
      }),
      'DynamoDB テーブルへの要求が抑制されました(5分間に1件以上)。特定のパーティションへの集中か、オンデマンドの上限を確認してください。 / Requests to the table were throttled at least once in 5 minutes: look for a hot partition or the on-demand limits.',
    );
  }
}
