/**
 * The mail sender: fed the table's stream records (the `DynamoDBStreamEvent` shape; by Lambda when deployed, by the
 * local stream reader under `npm start`), it mails each notice written that goes out alone — the outbox kinds and the
 * daily digests (functions/domain/mail.ts) — to its addressee.
 *
 * Never twice, at least once: before sending, it claims the notice's delivery record (SENDING, a conditional put
 * on the version it read), and records SENT with the message id after. A redelivered record finds SENT and sends
 * nothing. A send that fails releases the claim (FAILED) and the record is reported failed, so the batch is tried
 * again from it (`batchItemFailures`). A claim left by a sender that stopped is taken over once stale. An addressee
 * without a mail address is recorded UNDELIVERABLE, and the batch goes on.
 */
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { CLAIM_STALE_AFTER_MS, MAIL_SENDER_NAME, claim, isMailedAlone, nextStep, released, renderNoticeMail, sent, undeliverable } from '../domain/mail';
import { Notice } from '../domain/reminders';
import { getDelivery, writeDelivery } from '../store/mail';
import { getPerson } from '../store/people';
import { Store, fromItem } from '../store/store';
import { Item } from '../store/table';
import { NODE_TYPES, NodeType, toGlobalId } from '../../graphql/globalId';
import { Transport } from './transport';

export type { Log } from '../api/log';
import type { Log } from '../api/log';

export interface SenderConfig {
  store: Store;
  transport: Transport;
  /** The sender's address (deployed: a verified SES identity). */
  from: string;
  /** Where a mail's link points, a query in its `query` parameter: GraphiQL locally, the portal or the API deployed. */
  linkBaseUrl: string;
  /** The sender's clock (ISO instant). */
  clock?: () => string;
  log?: Log;
  /** After how long a claim counts as left by a sender that stopped. */
  staleAfterMs?: number;
}

/** What became of one stream record. */
export type Outcome =
  | 'SENT'
  /** Sent (or found undeliverable) before: a redelivered record, nothing sent. */
  | 'ALREADY_DONE'
  | 'UNDELIVERABLE'
  /** Not a notice written, or one mailed only within a digest. */
  | 'IGNORED';

/** Another sender claimed the notice a moment ago: the record is tried again later, never sent twice meanwhile. */
export class ClaimedElsewhere extends Error {
  constructor(readonly noticeId: string) {
    super(`the mail of notice ${noticeId} is being sent by another sender`);
    this.name = 'ClaimedElsewhere';
  }
}

/** A stream image (DynamoDB JSON) as the plain item it holds. */
export function fromImage(image: Record<string, AttributeValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, fromAttribute(v)]));
}

function fromAttribute(v: AttributeValue): unknown {
  if (v.S !== undefined) return v.S;
  if (v.N !== undefined) return Number(v.N);
  if (v.BOOL !== undefined) return v.BOOL;
  if (v.NULL) return null;
  if (v.M !== undefined) return fromImage(v.M);
  if (v.L !== undefined) return v.L.map(fromAttribute);
  if (v.SS !== undefined) return new Set(v.SS);
  if (v.NS !== undefined) return new Set(v.NS.map(Number));
  if (v.B !== undefined) return Buffer.from(v.B, 'base64');
  if (v.BS !== undefined) return new Set(v.BS.map((b) => Buffer.from(b, 'base64')));
  return undefined;
}

/** The notice a stream record writes, if it is the INSERT of one (its audit event, its delivery, a read are not). */
export function noticeOfRecord(record: DynamoDBRecord): Notice | undefined {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  const item = fromImage(record.dynamodb.NewImage);
  return item.entity === 'Notice' ? fromItem<Notice>(item as Item) : undefined;
}

/** The global id of what a notice is about, when the API can show it. */
function subjectGlobalId(n: Notice): string | undefined {
  return (NODE_TYPES as readonly string[]).includes(n.subjectType) && n.subjectId ? toGlobalId(n.subjectType as NodeType, n.subjectId) : undefined;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Mails the notice one stream record writes, at most once; throws when it must be tried again. */
export async function sendNoticeMail(config: SenderConfig, record: DynamoDBRecord): Promise<Outcome> {
  const n = noticeOfRecord(record);
  if (!n || !isMailedAlone(n.kind)) return 'IGNORED';
  const clock = config.clock ?? (() => new Date().toISOString());
  const now = clock();
  const log = config.log ?? (() => undefined);
  const { table } = config.store;

  const before = await getDelivery(table, n.id);
  const step = nextStep(before, now, config.staleAfterMs ?? CLAIM_STALE_AFTER_MS);
  if (step === 'DONE') {
    log('info', 'mail: already done, nothing sent', { noticeId: n.id, state: before?.state });
    return 'ALREADY_DONE';
  }
  if (step === 'BUSY') throw new ClaimedElsewhere(n.id);

  const person = await getPerson(config.store, n.addresseeId);
  if (!person?.email) {
    const reason = person ? 'NO_ADDRESS' : 'NO_PERSON';
    if (!(await writeDelivery(table, undeliverable(before, n, reason, now), before?.version))) throw new ClaimedElsewhere(n.id);
    log('warn', 'mail: the addressee has no mail address; recorded as undeliverable', { noticeId: n.id, addresseeId: n.addresseeId, reason });
    return 'UNDELIVERABLE';
  }

  const mail = renderNoticeMail(n, { name: person.name, email: person.email }, { baseUrl: config.linkBaseUrl, subjectGlobalId: subjectGlobalId(n) });
  const claimed = claim(before, n, mail.to, now);
  if (!(await writeDelivery(table, claimed, before?.version))) throw new ClaimedElsewhere(n.id);
  let messageId: string;
  try {
    messageId = await config.transport.send({ ...mail, from: { name: MAIL_SENDER_NAME, address: config.from } });
  } catch (e) {
    // Released for the next attempt; if even that write fails, the claim goes stale and is taken over.
    await writeDelivery(table, released(claimed, messageOf(e), now), claimed.version).catch(() => false);
    throw e;
  }
  const done = await writeDelivery(table, sent(claimed, messageId, clock()), claimed.version);
  if (!done) log('warn', 'mail: sent, but another sender took the claim over meanwhile', { noticeId: n.id, messageId });
  log('info', 'mail: sent', { noticeId: n.id, kind: n.kind, addresseeId: n.addresseeId, subject: mail.subject, messageId });
  return 'SENT';
}

/**
 * A batch of stream records, in order. At the first record that fails, it stops and reports that record
 * (`batchItemFailures`): the batch is tried again from there (Lambda with ReportBatchItemFailures, or the local
 * reader), and the records before it, done already, are not sent again.
 */
export async function sendNoticeMails(config: SenderConfig, records: DynamoDBRecord[]): Promise<DynamoDBBatchResponse & { outcomes: Outcome[] }> {
  const outcomes: Outcome[] = [];
  for (const record of records) {
    try {
      outcomes.push(await sendNoticeMail(config, record));
    } catch (e) {
      const itemIdentifier = record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
      (config.log ?? (() => undefined))(e instanceof ClaimedElsewhere ? 'warn' : 'error', 'mail: not sent; the batch is tried again from this record', {
        itemIdentifier,
        error: messageOf(e),
      });
      return { batchItemFailures: [{ itemIdentifier }], outcomes };
    }
  }
  return { batchItemFailures: [], outcomes };
}
