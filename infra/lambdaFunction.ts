import * as fs from 'node:fs';
import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { StackPart } from './part';

/**
 * What every function tells Powertools for AWS Lambda (functions/api/log.ts, functions/api/telemetry.ts), beside its
 * POWERTOOLS_SERVICE_NAME: the namespace of its metrics, its log level (the same as the function's own, below), and
 * that a traced method's response never goes into a trace (it can hold city data).
 */
export const FUNCTION_ENVIRONMENT = {
  POWERTOOLS_METRICS_NAMESPACE: 'ShiroishiRegulation',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
} as const;

export interface RegulationFunctionProps {
  /** What the function does, shown in the Lambda console. */
  readonly description: string;
  /** What the function's role may do, shown in the IAM console. */
  readonly roleDescription: string;
  /**
   * Directory holding the bundle (index.js exporting `handler`), as written by functions/api/bundle.js. Relative
   * paths resolve against the current directory.
   */
  readonly codePath: string;
  /** How to write the bundle, told when `codePath` has no index.js. */
  readonly bundleHint: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** POWERTOOLS_SERVICE_NAME: the service each log line names. */
  readonly serviceName: string;
  /** The table, named to the function by TABLE_NAME. @default - none: the function does not use the table */
  readonly table?: dynamodb.ITable;
  /** What the function may do besides writing its own logs: its grants on the table and its indexes, each named. */
  readonly statements: iam.PolicyStatement[];
  readonly logRetention: logs.RetentionDays;
  /** Where an asynchronous invocation goes once Lambda's retries have failed. @default - none */
  readonly deadLetterQueue?: sqs.IQueue;
  /**
   * Whether its AWS SDK calls are X-Ray subsegments (the Powertools Tracer, functions/api/telemetry.ts); the function's
   * own segment is traced either way. Off: POWERTOOLS_TRACE_ENABLED=false, and the Tracer is never loaded; setting
   * the variable to true on the function turns it on without a new bundle. @default true
   */
  readonly traceSdkCalls?: boolean;
  /** Environment beside TABLE_NAME, NODE_ENV, POWERTOOLS_SERVICE_NAME and FUNCTION_ENVIRONMENT. @default - none */
  readonly environment?: Record<string, string>;
  /**
   * Statements on `*` added to the role beside the X-Ray one (by an event source, say), said in words for the
   * acknowledgement of AwsSolutions-IAM5. @default - none
   */
  readonly wildcardStatements?: string;
}

/**
 * One Lambda function of the stack, as all three are built: a prebuilt bundle on Node.js 24 and arm64, JSON logs to
 * its own log group (Powertools' Logger writes JSON lines itself, which Lambda's JSON format passes through as they
 * are, and so are the metrics' EMF lines), X-Ray active, the table by TABLE_NAME, and a role of its own granting only its log group and
 * `statements`. Construct ids: `<id>` (the function), `<id>Logs`, `<id>Role`.
 */
export class RegulationFunction extends StackPart {
  public readonly function: lambda.Function;
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RegulationFunctionProps) {
    super(scope, id);

    const codePath = path.resolve(props.codePath);
    if (!fs.existsSync(path.join(codePath, 'index.js'))) {
      throw new Error(`${codePath}/index.js not found: ${props.bundleHint}`);
    }

    this.logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // An explicit role instead of the default one, which carries the AWSLambdaBasicExecutionRole managed policy
    // (logs on every log group in the account): this one may only write to its own log group and do what
    // `statements` grant on the table.
    this.role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: props.roleDescription,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    for (const statement of props.statements) this.role.addToPolicy(statement);

    this.function = new lambda.Function(this, id, {
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(codePath),
      handler: 'index.handler',
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.INFO, // keeps the REPORT line (duration, memory, cold start)
      tracing: lambda.Tracing.ACTIVE,
      deadLetterQueue: props.deadLetterQueue,
      environment: {
        ...(props.table ? { TABLE_NAME: props.table.tableName } : {}),
        NODE_ENV: 'production',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        ...FUNCTION_ENVIRONMENT,
        ...(props.traceSdkCalls === false ? { POWERTOOLS_TRACE_ENABLED: 'false' } : {}),
        ...props.environment,
      },
    });

    // The role's DefaultPolicy holds the statements above, the X-Ray statement added by tracing and, with a
    // dead-letter queue, sqs:SendMessage on that queue.
    const named = [props.table ? 'table, indexes' : undefined, props.deadLetterQueue ? 'queue' : undefined, 'log group'].filter(Boolean).join(', ').replace(/, (?=[^,]*$)/, ' and ');
    Validations.of(this.role.node.tryFindChild('DefaultPolicy') ?? this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: `Only the X-Ray statement added by tracing: ACTIVE (xray:PutTraceSegments, xray:PutTelemetryRecords), which has no resource-level permissions${props.wildcardStatements ? `, ${props.wildcardStatements}` : ''}; ${named} are named.`,
    });
  }
}
