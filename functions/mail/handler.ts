/**
 * The deployed sender: Lambda reads the table's stream (infra/mail.ts: only INSERTs of notices pass the event
 * filter) and gives it batches; each notice that goes out alone is mailed through Amazon SES. Failures are reported
 * per record (ReportBatchItemFailures), so a retry starts at the record that failed. Each batch is logged, measured
 * (MailsSent, MailsSkipped, MailsUndeliverable, MailsFailed, DynamoDbCalls, ConsumedCapacity) and traced
 * (functions/api/telemetry.ts).
 */
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { configFromEnv } from '../store/client';
import { Store, documentClient } from '../store/store';
import { log } from '../api/log';
import { MetricUnit, invocation, metrics, recordCost, traced } from '../api/telemetry';
import { Outcome, sendNoticeMails } from './sender';
import { SesTransport } from './ses';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

traced(documentClient(configFromEnv()));

let transport: SesTransport | undefined;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** The metric each outcome of a record counts in (IGNORED: not a mail of its own, not counted). */
const METRIC_OF: Partial<Record<Outcome, string>> = { SENT: 'MailsSent', ALREADY_DONE: 'MailsSkipped', UNDELIVERABLE: 'MailsUndeliverable' };

export async function handler(event: DynamoDBStreamEvent, context?: Pick<Context, 'awsRequestId'>): Promise<DynamoDBBatchResponse> {
  const store = new Store(configFromEnv());
  return invocation(
    context,
    async () => {
      const { batchItemFailures, outcomes } = await sendNoticeMails(
        { store, transport: (transport ??= new SesTransport()), from: required('MAIL_FROM'), linkBaseUrl: required('MAIL_LINK_BASE_URL'), log },
        event.Records,
      );
      log('info', 'mail: batch done', { records: event.Records.length, outcomes, failed: batchItemFailures.length, cost: store.meter.snapshot() });
      for (const name of Object.values(METRIC_OF)) metrics.addMetric(name, MetricUnit.Count, outcomes.filter((o) => METRIC_OF[o] === name).length);
      metrics.addMetric('MailsFailed', MetricUnit.Count, batchItemFailures.length);
      return { batchItemFailures };
    },
    () => recordCost(store.meter.snapshot()),
  );
}
