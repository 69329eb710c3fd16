/**
 * What the three Lambda functions tell operations besides their log lines (functions/api/log.ts), with Powertools for
 * AWS Lambda: metrics in CloudWatch's Embedded Metric Format (a JSON line on stdout that CloudWatch turns into
 * metrics: no API call, no IAM), and X-Ray subsegments for the AWS SDK clients.
 *
 * - Metrics: namespace POWERTOOLS_METRICS_NAMESPACE, dimension `service` (POWERTOOLS_SERVICE_NAME). Off where there
 *   is no Lambda (`npm start`, tests, scripts) unless POWERTOOLS_METRICS_DISABLED says otherwise. Flushed once at
 *   the end of each invocation (`invocation` below), and only when something was recorded.
 * - Tracer: on Lambda with active tracing only (the Tracer's own test: AWS_EXECUTION_ENV, POWERTOOLS_TRACE_ENABLED).
 *   It is loaded only then: the X-Ray SDK it brings installs an async hook at load, which every promise of every
 *   request would pay for where nothing is traced. Its HTTP(S) capture is off: the SDK clients are captured instead,
 *   with their service and operation. No response goes into a trace (POWERTOOLS_TRACER_CAPTURE_RESPONSE false,
 *   infra/lambdaFunction.ts): it can hold city data.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context as LambdaContext } from 'aws-lambda';
import type { CostReport } from '../store/client';
import { logger } from './log';

export { MetricUnit };

/** EMF is for CloudWatch: a function outside Lambda records nothing unless POWERTOOLS_METRICS_DISABLED=false. */
process.env.POWERTOOLS_METRICS_DISABLED ??= process.env.AWS_LAMBDA_FUNCTION_NAME ? 'false' : 'true';

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || 'ShiroishiRegulation',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME || 'regulation',
});

/** Whether the Tracer would trace here: Lambda, and not turned off (the test the Tracer makes, without loading it). */
export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.AWS_EXECUTION_ENV && !env.AWS_SAM_LOCAL && env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false';
}

let tracer: Tracer | null | undefined;

/** The Tracer where tracing is on, loaded on first use; undefined elsewhere. */
export function tracing(): Tracer | undefined {
  if (tracer === undefined) {
    // Required here, not imported: see above (the X-Ray SDK's async hook).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    tracer = tracingEnabled() ? new (require('@aws-lambda-powertools/tracer') as typeof import('@aws-lambda-powertools/tracer')).Tracer({ captureHTTPsRequests: false }) : null;
  }
  return tracer ?? undefined;
}

const captured = new WeakSet<object>();

/**
 * An AWS SDK v3 client whose calls are X-Ray subsegments (service, operation, table, retries) where tracing is on.
 * Once per client: the store's DynamoDB client is one per process (functions/store/store.ts documentClient).
 */
export function traced<C extends object>(client: C): C {
  const t = tracing();
  if (!t || captured.has(client)) return client;
  captured.add(client);
  return t.captureAWSv3Client(client);
}

/** An X-Ray annotation (searchable) on the invocation's subsegment, where tracing is on. */
export function annotate(key: string, value: string): void {
  tracing()?.putAnnotation(key, value);
}

/**
 * What the invocation's DynamoDB calls cost (the store's meter, functions/store/client.ts): calls, and capacity units
 * read and written together (the log line beside it tells them apart).
 */
export function recordCost(cost: CostReport): void {
  metrics.addMetric('DynamoDbCalls', MetricUnit.Count, cost.dynamodbCalls);
  metrics.addMetric('ConsumedCapacity', MetricUnit.Count, Math.round((cost.readCapacityUnits + cost.writeCapacityUnits) * 100) / 100);
}

/**
 * One invocation of a function: its log lines carry its Lambda request id (and whatever keys it appends), its trace
 * has a subsegment for the handler (annotations go there: Lambda's own segment takes none), its metrics are flushed
 * once at its end, and nothing of it (keys, dimensions, the subsegment) is left to the next invocation.
 */
export async function invocation<T>(context: Partial<LambdaContext> | undefined, run: () => Promise<T>, after?: () => void): Promise<T> {
  if (context?.awsRequestId) logger.addContext(context as LambdaContext);
  const t = tracing();
  const parent = t?.getSegment();
  const subsegment = parent?.addNewSubsegment('## handler');
  if (subsegment) t?.setSegment(subsegment);
  try {
    return await run();
  } catch (e) {
    subsegment?.addErrorFlag();
    throw e;
  } finally {
    try {
      after?.();
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    } finally {
      subsegment?.close();
      if (parent) t?.setSegment(parent);
      logger.resetKeys();
    }
  }
}
