/**
 * The deployed sender: Lambda reads the table's stream (infra/mail.ts: only INSERTs of notices pass the event
 * filter) and gives it batches; each notice that goes out alone is mailed through Amazon SES. Failures are reported
 * per record (ReportBatchItemFailures), so a retry starts at the record that failed.
 */
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { configFromEnv } from '../store/client';
import { Store } from '../store/store';
import { log } from '../api/log';
import { sendNoticeMails } from './sender';
import { SesTransport } from './ses';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';


let transport: SesTransport | undefined;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export async function handler(event: DynamoDBStreamEvent, context?: Pick<Context, 'awsRequestId'>): Promise<DynamoDBBatchResponse> {
  const store = new Store(configFromEnv());
  const requestId = context?.awsRequestId;
  const { batchItemFailures, outcomes } = await sendNoticeMails(
    {
      store,
      transport: (transport ??= new SesTransport()),
      from: required('MAIL_FROM'),
      linkBaseUrl: required('MAIL_LINK_BASE_URL'),
      log: (level, message, fields) => log(level, message, { requestId, ...fields }),
    },
    event.Records,
  );
  log('info', 'mail: batch done', { requestId, records: event.Records.length, outcomes, failed: batchItemFailures.length, cost: store.meter.snapshot() });
  return { batchItemFailures };
}
