/**
 * 通知のメール: the sender against DynamoDB Local and a real mail catcher (maildev, on free ports). A notice is
 * written through the store's write path, its record is read from the table's stream with the Streams API (as Lambda
 * and the local reader read it), and fed to the sender, which mails it by SMTP into the catcher: at least once, never
 * twice. The deployed handler is run too, against a stand-in for Amazon SES on this machine (SES's HTTP API).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { eventOf } from '../../functions/domain/audit';
import { CLAIM_STALE_AFTER_MS, Delivery, claim } from '../../functions/domain/mail';
import { Notice, notice } from '../../functions/domain/reminders';
import { handler } from '../../functions/mail/handler';
import { OutgoingMail, Transport } from '../../functions/mail/transport';
import { SmtpTransport } from '../../functions/mail/smtp';
import { headerAddress } from '../../functions/mail/ses';
import { SenderConfig, noticeOfRecord, sendNoticeMails } from '../../functions/mail/sender';
import { RunningMailCatcher, startMailCatcher } from '../../functions/local/mailCatcher';
import { clientOptions, latestStreamArn, toLambdaRecord } from '../../functions/local/streamReader';
import { runReminders } from '../../functions/reminders/run';
import { configFromEnv } from '../../functions/store/client';
import { changesOf } from '../../functions/store/kinds';
import { getDelivery, writeDelivery } from '../../functions/store/mail';
import { Api, gid, setupApi } from '../support/api';

interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  to: { address: string }[];
  from: { address: string; name: string }[];
  headers: Record<string, string>;
}

const BASE = 'http://localhost:4000/graphql';
let api: Api;
let catcher: RunningMailCatcher;
let smtp: SmtpTransport;
const mailDir = mkdtempSync(join(tmpdir(), 'regulation-mail-'));
let streams: DynamoDBStreamsClient;
let streamArn: string;
/** An iterator per open shard, at the end of what has been read so far. */
let iterators: string[] = [];

beforeAll(async () => {
  api = await setupApi({ stream: true });
  catcher = await startMailCatcher({ mailDirectory: mailDir });
  smtp = new SmtpTransport(catcher.smtp);
  const config = configFromEnv();
  streams = new DynamoDBStreamsClient(clientOptions(config));
  streamArn = await latestStreamArn(config);
  // From now on: the demo city's seed is before and never read.
  const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription?.Shards ?? [];
  iterators = await Promise.all(
    shards
      .filter((s) => !s.SequenceNumberRange?.EndingSequenceNumber)
      .map(async (s) => (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: s.ShardId, ShardIteratorType: 'LATEST' }))).ShardIterator as string),
  );
}, 120_000);

afterAll(async () => {
  smtp?.close();
  streams?.destroy();
  await catcher?.stop();
  rmSync(mailDir, { recursive: true, force: true });
});

/** The stream records written since the last call, as Lambda hands them over, once `enough` of them are there. */
async function newRecords(enough: (records: DynamoDBRecord[]) => boolean): Promise<DynamoDBRecord[]> {
  const records: DynamoDBRecord[] = [];
  for (let attempt = 0; attempt < 50 && (attempt === 0 || !enough(records)); attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < iterators.length; i++) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterators[i] }));
      records.push(...(out.Records ?? []).map((r) => toLambdaRecord(r, streamArn)));
      iterators[i] = out.NextShardIterator as string;
    }
  }
  if (!enough(records)) throw new Error(`the stream did not bring what was written: ${JSON.stringify(records.map((r) => r.eventName))}`);
  return records;
}

/** The records of one notice written: its INSERT and its audit event's. */
const bothOf = (id: string) => (records: DynamoDBRecord[]) => records.some((r) => noticeOfRecord(r)?.id === id) && records.length >= 2;

async function caught(): Promise<CaughtMail[]> {
  return (await fetch(`${catcher.webUrl}/api/email`)).json() as Promise<CaughtMail[]>;
}
const caughtFor = async (address: string) => (await caught()).filter((m) => m.to.some((t) => t.address === address));

let serial = 0;
/** A notice as a change writes it with itself (the outbox): a new Notice item and its audit event, in one transaction. */
async function writeNotice(extra: Partial<Notice> = {}): Promise<Notice> {
  const now = new Date().toISOString();
  const n: Notice = {
    id: `mail-test-${++serial}-${Date.now()}`,
    key: `APPLICATION_DECIDED#System#demo-juumin#${serial}#shimin-manager`,
    addresseeId: 'shimin-manager',
    kind: 'APPLICATION_DECIDED',
    article: '第7条',
    subjectType: 'System',
    subjectId: 'demo-juumin',
    dueOn: now.slice(0, 10),
    stage: `approved-${serial}`,
    title: `様式第1号「住民情報システムの更新 ${serial}」が承認されました`,
    message: `様式第1号「住民情報システムの更新 ${serial}」は情報システム管理者が承認しました。`,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...extra,
  };
  const t = notice.record(n);
  await api.store().commit(changesOf(t), t.changes.map((c) => eventOf(c, 'soumu-director', now, `${n.id}-event`)));
  return n;
}

const sender = (transport: Transport = smtp, extra: Partial<SenderConfig> = {}): SenderConfig => ({
  store: api.store(),
  transport,
  from: 'noreply@city.shiroishi.example',
  linkBaseUrl: BASE,
  ...extra,
});

describe('the sender, fed the table’s stream', () => {
  it('mails a notice written once, in Japanese, to its addressee; a redelivered stream record sends no second mail', async () => {
    const n = await writeNotice();
    const records = await newRecords(bothOf(n.id));
    const first = await sendNoticeMails(sender(), records);
    expect(first.batchItemFailures).toEqual([]);
    // The notice is mailed; its audit event, also on the stream, is not a notice.
    expect([...first.outcomes].sort()).toEqual(['IGNORED', 'SENT']);

    const mails = await caughtFor('shimin-manager@city.shiroishi.example');
    expect(mails.filter((m) => m.subject === `【白石市】${n.title}`)).toHaveLength(1);
    const [mail] = mails.filter((m) => m.subject === `【白石市】${n.title}`);
    expect(mail.from).toEqual([{ address: 'noreply@city.shiroishi.example', name: '白石市 行政情報ネットワークシステム' }]);
    expect(mail.text.split('\n')[0]).toBe('伊藤 大輔 様');
    expect(mail.text).toContain(n.message);
    expect(mail.text).toContain('根拠: 第7条');
    expect(mail.text).toMatch(/通知日: 令和\d+年\d+月\d+日/);
    expect(mail.text).toContain(`対象: 行政システム(ID: ${gid('System', 'demo-juumin')})`);
    const link = mail.text.split('\n').find((l) => l.startsWith(BASE)) as string;
    expect(new URL(link).searchParams.get('query')).toContain(`node(id: "${gid('System', 'demo-juumin')}")`);

    // The delivery record beside the notice: SENT, with the message id the mail carries.
    const delivery = await getDelivery(api.store().table, n.id);
    expect(delivery).toMatchObject({ state: 'SENT', to: 'shimin-manager@city.shiroishi.example', attempts: 1, messageId: mail.headers['message-id'] });

    const again = await sendNoticeMails(sender(), records);
    expect(again).toMatchObject({ batchItemFailures: [] });
    expect([...again.outcomes].sort()).toEqual(['ALREADY_DONE', 'IGNORED']);
    expect((await caughtFor('shimin-manager@city.shiroishi.example')).filter((m) => m.subject === `【白石市】${n.title}`)).toHaveLength(1);
  });

  it('the delivery records it writes are on the stream too, and are no notice: feeding them sends nothing', async () => {
    const records = await newRecords((r) => r.length >= 2);
    expect(records.every((r) => r.dynamodb?.NewImage?.entity?.S === 'Delivery')).toBe(true);
    const before = (await caught()).length;
    expect(await sendNoticeMails(sender(), records)).toMatchObject({ batchItemFailures: [], outcomes: records.map(() => 'IGNORED') });
    expect(await caught()).toHaveLength(before);
  });

  it('a send that fails releases the claim and reports the record failed; the batch tried again sends it once', async () => {
    const n = await writeNotice();
    const records = await newRecords(bothOf(n.id));
    let calls = 0;
    const failsOnce: Transport = {
      send: (mail: OutgoingMail) => (++calls === 1 ? Promise.reject(new Error('421 4.3.2 一時的に受け付けられません / try again later')) : smtp.send(mail)),
    };
    const noticeRecord = records.find((r) => noticeOfRecord(r)?.id === n.id) as DynamoDBRecord;

    const failed = await sendNoticeMails(sender(failsOnce), [noticeRecord]);
    expect(failed.batchItemFailures).toEqual([{ itemIdentifier: noticeRecord.dynamodb?.SequenceNumber }]);
    expect(await getDelivery(api.store().table, n.id)).toMatchObject({ state: 'FAILED', attempts: 1, error: expect.stringContaining('421') });
    expect((await caught()).filter((m) => m.subject === `【白石市】${n.title}`)).toHaveLength(0);

    const retried = await sendNoticeMails(sender(failsOnce), [noticeRecord]);
    expect(retried).toMatchObject({ batchItemFailures: [], outcomes: ['SENT'] });
    expect(await getDelivery(api.store().table, n.id)).toMatchObject({ state: 'SENT', attempts: 2 });
    expect((await caught()).filter((m) => m.subject === `【白石市】${n.title}`)).toHaveLength(1);
    await newRecords((r) => r.length >= 3); // its delivery records: read past them
  });

  it('a batch stops at the record that failed: those before it are done, those after it come again with it', async () => {
    const [a, b] = [await writeNotice(), await writeNotice()];
    const records = (await newRecords((r) => r.filter((x) => noticeOfRecord(x)).length >= 2)).filter((r) => noticeOfRecord(r));
    const refusesB: Transport = { send: (mail) => (mail.subject.includes(b.title as string) ? Promise.reject(new Error('refused')) : smtp.send(mail)) };
    const out = await sendNoticeMails(sender(refusesB), records);
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: records[1].dynamodb?.SequenceNumber }], outcomes: ['SENT'] });
    expect((await getDelivery(api.store().table, a.id))?.state).toBe('SENT');
    expect((await getDelivery(api.store().table, b.id))?.state).toBe('FAILED');
    expect(await sendNoticeMails(sender(), records)).toMatchObject({ batchItemFailures: [], outcomes: ['ALREADY_DONE', 'SENT'] });
    await newRecords((r) => r.length >= 5);
  });

  it('a claim a sender made a moment ago waits (the record is tried again later); one left minutes ago is taken over', async () => {
    const n = await writeNotice();
    const [record] = (await newRecords(bothOf(n.id))).filter((r) => noticeOfRecord(r));
    const table = api.store().table;
    const now = new Date().toISOString();
    const fresh: Delivery = claim(undefined, n, 'shimin-manager@city.shiroishi.example', now);
    expect(await writeDelivery(table, fresh, undefined)).toBe(true);
    const busy = await sendNoticeMails(sender(), [record]);
    expect(busy.batchItemFailures).toHaveLength(1);
    expect((await getDelivery(table, n.id))?.state).toBe('SENDING');
    expect((await caught()).filter((m) => m.subject === `【白石市】${n.title}`)).toHaveLength(0);

    // The same claim, seen minutes later: its sender stopped; the mail goes, once.
    const later = () => new Date(Date.parse(now) + CLAIM_STALE_AFTER_MS + 1000).toISOString();
    expect(await sendNoticeMails(sender(smtp, { clock: later }), [record])).toMatchObject({ batchItemFailures: [], outcomes: ['SENT'] });
    expect(await getDelivery(table, n.id)).toMatchObject({ state: 'SENT', attempts: 2 });
    expect((await caught()).filter((m) => m.subject === `【白石市】${n.title}`)).toHaveLength(1);
    await newRecords((r) => r.length >= 3);
  });

  it('a person without a mail address: recorded as undeliverable, no error, nothing sent — and not tried again', async () => {
    const created = await api.data('soumu-director', `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { code } } }`, {
      input: { personId: 'no-mail-staff', name: '山田 一郎', departmentId: gid('Department', 'shimin') },
    });
    expect(created.createPerson.userErrors).toEqual([]);
    await newRecords((r) => r.length >= 2); // the person and their audit event
    const n = await writeNotice({ addresseeId: 'no-mail-staff' });
    const [record] = (await newRecords(bothOf(n.id))).filter((r) => noticeOfRecord(r));
    const before = (await caught()).length;
    expect(await sendNoticeMails(sender(), [record])).toEqual({ batchItemFailures: [], outcomes: ['UNDELIVERABLE'] });
    expect(await getDelivery(api.store().table, n.id)).toMatchObject({ state: 'UNDELIVERABLE', error: 'NO_ADDRESS', attempts: 0 });
    expect(await sendNoticeMails(sender(), [record])).toEqual({ batchItemFailures: [], outcomes: ['ALREADY_DONE'] });
    expect(await caught()).toHaveLength(before);
    await newRecords((r) => r.length >= 1);
  });

  it('the reminders job’s notices go as one mail a person: each digest is mailed, no reminder alone', async () => {
    const summary = await runReminders(api.store(), '2030-06-15T00:00:00.000Z');
    expect(summary.digests.length).toBeGreaterThan(0);
    const written = summary.written + summary.digestsWritten;
    const records = await newRecords((r) => r.filter((x) => noticeOfRecord(x)).length >= written);
    const before = (await caught()).length;
    const out = await sendNoticeMails(sender(), records);
    expect(out.batchItemFailures).toEqual([]);
    expect(out.outcomes.filter((o) => o === 'SENT')).toHaveLength(summary.digests.length);
    const mails = (await caught()).slice(before);
    expect(mails.map((m) => m.to[0].address).sort()).toEqual(summary.digests.map((d) => `${d.addresseeId}@city.shiroishi.example`).sort());
    for (const m of mails) expect(m.subject).toMatch(/^【白石市】令和12年6月15日の通知\(\d+件\)$/);
    const staff = mails.find((m) => m.to[0].address === 'shimin-staff@city.shiroishi.example') as CaughtMail;
    for (const n of summary.notices.filter((x) => x.addresseeId === 'shimin-staff')) expect(staff.text).toContain(n.message);
    await newRecords((r) => r.length >= summary.digests.length * 2);
  });
});

describe('the deployed handler, with a stand-in for Amazon SES on this machine', () => {
  let ses: Server;
  const requests: { path: string; body: Record<string, any> }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  let answer: { status: number; body: object } = { status: 200, body: { MessageId: 'ses-message-1' } };
  const saved = { ...process.env };

  beforeAll(async () => {
    ses = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push({ path: req.url ?? '', body: JSON.parse(body || '{}') });
        res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.status >= 400 ? { 'x-amzn-errortype': 'TooManyRequestsException' } : {}) });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => ses.listen(0, '127.0.0.1', resolve));
    const address = ses.address() as { port: number };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${address.port}`,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      MAIL_FROM: 'joho@city.shiroishi.example',
      MAIL_LINK_BASE_URL: 'https://portal.city.shiroishi.example/graphql',
    });
  });

  afterAll(async () => {
    process.env = saved;
    await new Promise((resolve) => ses.close(resolve));
  });

  it('sends through SES v2 SendEmail: the city’s name in the From (RFC 2047), the Japanese subject and body in UTF-8', async () => {
    const n = await writeNotice();
    const records = await newRecords(bothOf(n.id));
    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [] });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request.path).toBe('/v2/email/outbound-emails');
    expect(request.body).toMatchObject({
      FromEmailAddress: headerAddress({ name: '白石市 行政情報ネットワークシステム', address: 'joho@city.shiroishi.example' }),
      Destination: { ToAddresses: ['shimin-manager@city.shiroishi.example'] },
      Content: { Simple: { Subject: { Data: `【白石市】${n.title}`, Charset: 'UTF-8' }, Body: { Text: { Charset: 'UTF-8' } } } },
    });
    expect(request.body.FromEmailAddress).toBe('=?UTF-8?B?55m955+z5biCIOihjOaUv+aDheWgseODjeODg+ODiOODr+ODvOOCr+OCt+OCueODhuODoA==?= <joho@city.shiroishi.example>');
    expect(request.body.Content.Simple.Body.Text.Data).toContain('https://portal.city.shiroishi.example/graphql?query=');
    expect(await getDelivery(api.store().table, n.id)).toMatchObject({ state: 'SENT', messageId: 'ses-message-1' });
    await newRecords((r) => r.length >= 2);
  });

  it('SES refusing (throttled) fails the record for Lambda to retry (ReportBatchItemFailures), and releases the claim', async () => {
    answer = { status: 429, body: { message: 'Maximum sending rate exceeded.' } };
    const n = await writeNotice();
    const [record] = (await newRecords(bothOf(n.id))).filter((r) => noticeOfRecord(r));
    expect(await handler({ Records: [record] })).toEqual({ batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber }] });
    expect(await getDelivery(api.store().table, n.id)).toMatchObject({ state: 'FAILED', attempts: 1 });
    answer = { status: 200, body: { MessageId: 'ses-message-2' } };
    expect(await handler({ Records: [record] })).toEqual({ batchItemFailures: [] });
    expect(await getDelivery(api.store().table, n.id)).toMatchObject({ state: 'SENT', attempts: 2, messageId: 'ses-message-2' });
  });
});

describe('what never reaches a mail', () => {
  it('a stream record that is not the INSERT of a notice (a read notice, a removal) is no notice', async () => {
    const image = { pk: { S: 'NOTICE#x' }, sk: { S: 'NOTICE' }, entity: { S: 'Notice' }, id: { S: 'x' } };
    expect(noticeOfRecord({ eventName: 'MODIFY', dynamodb: { NewImage: image } })).toBeUndefined();
    expect(noticeOfRecord({ eventName: 'REMOVE', dynamodb: {} })).toBeUndefined();
    expect(noticeOfRecord({ eventName: 'INSERT', dynamodb: { NewImage: image } })).toMatchObject({ id: 'x' });
  });
});
