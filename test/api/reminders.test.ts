/**
 * 通知: the reminders job against DynamoDB Local with a fixed clock — what falls due across the regulation becomes a
 * notice to the person who must act, once per stage — and the notices through the real Lambda handler (`myNotices`,
 * `noticesOf`, `markNoticeRead`, `node`, the audit trail). The scheduled Lambda runs with a real EventBridge event.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { AuditEvent } from '../../functions/domain/audit';
import { Consultation } from '../../functions/domain/consultations';
import { ExternalProvision } from '../../functions/domain/externalProvision';
import { checkDueOn } from '../../functions/domain/homepage';
import { CHECK_INTERVAL_DAYS } from '../../functions/domain/homepageSystem';
import { addDays } from '../../functions/domain/period';
import { latestSecurityCheck } from '../../functions/store/homepageSystem';
import { NoticeKind } from '../../functions/domain/reminders';
import { consultationItem } from '../../functions/store/consultations';
import { provisionItem } from '../../functions/store/data';
import { getPage } from '../../functions/store/homepage';
import { passwordItem } from '../../functions/store/passwords';
import { exceptionItem } from '../../functions/store/prohibitedActs';
import { Item } from '../../functions/store/table';
import { ReminderSummary, runReminders } from '../../functions/reminders/run';
import { handler } from '../../functions/reminders/handler';
import { Api, gid, ok, refused, setupApi } from '../support/api';

/** 09:00 in Shiroishi on 2030-06-15: everything the demo city seeded (relative to the real day) lies well before. */
const FIXED_NOW = '2030-06-15T00:00:00.000Z';
const TODAY = '2030-06-15';

let api: Api;
let first: ReminderSummary;

const seeded = (objectType: AuditEvent['objectType'], objectId: string): AuditEvent => ({
  id: randomUUID(),
  objectType,
  objectId,
  action: 'test.seeded',
  actorId: 'soumu-director',
  at: '2030-06-01T00:00:00.000Z',
  before: {},
  after: {},
});

/** Writes items as the other areas' stores write them: real items, through the store, with their audit events. */
async function put(objectType: AuditEvent['objectType'], id: string, item: Item): Promise<void> {
  await api.store().commit([{ item }], [seeded(objectType, id)]);
}

const provision = (id: string, departmentId: string, until: string, extra: Partial<ExternalProvision> = {}) =>
  ({
    id,
    form: 'FORM_8',
    title: `提供 ${id}`,
    departmentId,
    datasetIds: [],
    recipient: '宮城県',
    recipientAbroad: false,
    includesPersonalInformation: true,
    purpose: '統計',
    period: { from: '2030-01-01', until },
    legalBasis: '統計法',
    requiredItems: [],
    agreement: { concludedAt: '2030-01-01T00:00:00.000Z' },
    inspectionCount: 0,
    incidentCount: 0,
    status: 'APPROVED',
    applicantId: `${departmentId}-manager`,
    submittedAt: '2029-12-01T00:00:00.000Z',
    version: 3,
    createdAt: '2029-12-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    ...extra,
  }) as unknown as ExternalProvision;

const consultation = (id: string, submittedAt: string): Consultation => ({
  id,
  form: 'FORM_1',
  action: 'DECIDE',
  systemId: 'demo-juumin',
  title: `協議 ${id}`,
  details: '更新の協議。',
  applicantDepartmentId: 'shimin',
  applicantId: 'shimin-manager',
  status: 'SUBMITTED',
  submittedAt,
  version: 2,
  createdAt: submittedAt,
  updatedAt: submittedAt,
});

/** A password record, written by the passwords area's own item builder (always in PASSWORD_DUE, by its due date). */
const password = (id: string, personId: string, dueOn: string): Item =>
  passwordItem({
    id,
    personId,
    systemId: 'demo-juumin',
    changedOn: `${Number(dueOn.slice(0, 4)) - 1}${dueOn.slice(4)}`,
    dueOn,
    intervalDays: 365,
    recordedBy: personId,
    version: 1,
    createdAt: FIXED_NOW,
    updatedAt: FIXED_NOW,
  });

/** An approved take-out not back yet, written by the exceptions area's own item builder (in EQUIPMENT_RETURN). */
const takeout = (id: string, requestedBy: string, until: string): Item =>
  exceptionItem({
    id,
    kind: 'EQUIPMENT_TAKEOUT',
    systemId: 'demo-hoken',
    requestedBy,
    departmentId: 'kenkou',
    reason: '訪問健診',
    period: { from: '2030-06-01', until },
    device: `ノートPC ${id}`,
    portable: true,
    protections: ['ENCRYPTION'],
    protectionDetails: '全体暗号化',
    status: 'APPROVED',
    decidedBy: 'soumu-director',
    decidedAt: FIXED_NOW,
    version: 2,
    createdAt: FIXED_NOW,
    updatedAt: FIXED_NOW,
  });

const noticesOf = (s: ReminderSummary, kind: NoticeKind, subjectId: string) => s.notices.filter((n) => n.kind === kind && n.subjectId === subjectId);

beforeAll(async () => {
  api = await setupApi();
  process.env.LOG_LEVEL = 'silent';
  await put('ExternalProvision', 'prov-past', provisionItem(provision('prov-past', 'kenkou', '2030-06-14')));
  await put('ExternalProvision', 'prov-ends-today', provisionItem(provision('prov-ends-today', 'kenkou', TODAY)));
  await put('ExternalProvision', 'prov-returned', provisionItem(provision('prov-returned', 'kenkou', '2030-05-31', { returnOrDisposal: { kind: 'RETURNED', on: '2030-05-31' } } as never)));
  // A department no information manager heads (yet): its item is reported unaddressed.
  await put('ExternalProvision', 'prov-orphan', provisionItem(provision('prov-orphan', 'kouhou', '2030-06-01')));
  // 14 days by the city's calendar: submitted 2030-06-01 23:59 in Tokyo is reminded, 2030-06-02 00:00 is not yet.
  await put('Consultation', 'consult-14-days', consultationItem(consultation('consult-14-days', '2030-06-01T14:59:59.000Z')));
  await put('Consultation', 'consult-13-days', consultationItem(consultation('consult-13-days', '2030-06-01T15:00:00.000Z')));
  await put('PasswordRecord', 'pw-7-days', password('pw-7-days', 'shimin-staff', '2030-06-22'));
  await put('PasswordRecord', 'pw-overdue', password('pw-overdue', 'kenkou-staff', '2030-06-01'));
  await put('PasswordRecord', 'pw-current', password('pw-current', 'shimin-staff', '2030-07-16'));
  await put('ProhibitedActException', 'ex-late', takeout('ex-late', 'kenkou-staff', '2030-06-14'));
  await put('ProhibitedActException', 'ex-due-today', takeout('ex-due-today', 'kenkou-staff', TODAY));
  first = await runReminders(api.store(), FIXED_NOW);
});

describe('the reminders job (fixed clock 2030-06-15)', () => {
  it('第15条第4項第4号: provided data past its period, neither returned nor disposed of, goes to the information manager of its department and the general manager', () => {
    expect(noticesOf(first, 'PROVISION_PAST_PERIOD', 'prov-past')).toEqual([
      expect.objectContaining({ addresseeId: 'fuku-shichou', article: '第15条第4項第4号', dueOn: '2030-06-14', stage: 'overdue', subjectType: 'ExternalProvision', new: true }),
      expect.objectContaining({ addresseeId: 'kenkou-manager', article: '第15条第4項第4号', dueOn: '2030-06-14', stage: 'overdue', subjectType: 'ExternalProvision', new: true }),
    ]);
    expect(noticesOf(first, 'PROVISION_PAST_PERIOD', 'prov-ends-today')).toEqual([]);
    expect(noticesOf(first, 'PROVISION_PAST_PERIOD', 'prov-returned')).toEqual([]);
  });

  it('an item whose role nobody holds is counted and reported unaddressed, not dropped', () => {
    expect(first.unaddressed).toBe(1);
    expect(first.unaddressedItems).toEqual([expect.objectContaining({ subjectId: 'prov-orphan', to: { role: 'INFORMATION_MANAGER', departmentId: 'kouhou' } })]);
    // Two provisions past their period, each to its department and to the general manager.
    expect(first.found.PROVISION_PAST_PERIOD).toBe(4);
  });

  it('第27条第2項第2号: a page due for its check goes to the homepage operations manager, staged by its due date', async () => {
    const page = await getPage(api.store(), 'demo-page-influenza');
    const due = checkDueOn(page!) as string;
    expect(noticesOf(first, 'HOMEPAGE_CHECK_DUE', 'demo-page-influenza')).toEqual([
      expect.objectContaining({ addresseeId: 'soumu-manager', article: '第27条第2項第2号', dueOn: due, stage: due, subjectType: 'HomepagePage' }),
    ]);
  });

  it('第27条第3項第1号: the homepage system\'s security check, overdue since the demo city\'s last, goes to the homepage system manager (デジタル推進課長)', async () => {
    const latest = await latestSecurityCheck(api.store());
    const due = addDays(latest!.checkedOn, CHECK_INTERVAL_DAYS);
    expect(first.notices.filter((n) => n.kind === 'HOMEPAGE_SECURITY_CHECK_DUE')).toEqual([
      expect.objectContaining({ addresseeId: 'digital-manager', article: '第27条第3項第1号', dueOn: due, stage: due, subjectType: 'HomepageSecurityCheck', subjectId: latest!.id }),
    ]);
  });

  it('第24条第3項: a password 7 days from due, and one overdue, each to its own person; one 31 days away is not yet', () => {
    expect(noticesOf(first, 'PASSWORD_DUE_SOON', 'pw-7-days')).toEqual([
      expect.objectContaining({ addresseeId: 'shimin-staff', stage: '7', dueOn: '2030-06-22', article: '第24条第3項', subjectType: 'PasswordRecord' }),
    ]);
    expect(noticesOf(first, 'PASSWORD_OVERDUE', 'pw-overdue')).toEqual([expect.objectContaining({ addresseeId: 'kenkou-staff', stage: 'overdue' })]);
    expect(first.notices.filter((n) => n.subjectId === 'pw-current')).toEqual([]);
  });

  it('第25条第3号: equipment not back after its period goes to the one who took it out', () => {
    expect(noticesOf(first, 'EQUIPMENT_NOT_RETURNED', 'ex-late')).toEqual([
      expect.objectContaining({ addresseeId: 'kenkou-staff', article: '第25条第3号', dueOn: '2030-06-14', stage: 'overdue' }),
    ]);
    expect(noticesOf(first, 'EQUIPMENT_NOT_RETURNED', 'ex-due-today')).toEqual([]);
  });

  it('第7条: a consultation waiting 14 days goes to the system administrator, citing its form’s article; 13 days is not yet', () => {
    expect(noticesOf(first, 'APPLICATION_WAITING', 'consult-14-days')).toEqual([
      expect.objectContaining({ addresseeId: 'soumu-director', article: '第7条', stage: 'waiting-14', dueOn: '2030-06-15', subjectType: 'Consultation' }),
    ]);
    expect(noticesOf(first, 'APPLICATION_WAITING', 'consult-13-days')).toEqual([]);
  });

  it('every notice found was written with its audit event; the job reads no more than Query and BatchGetItem', async () => {
    expect(first.written).toBe(first.notices.length);
    expect(first.alreadyRecorded).toBe(0);
    const store = api.store();
    const again = await runReminders(store, FIXED_NOW);
    expect(Object.keys(store.meter.snapshot().calls).sort()).toEqual(['BatchGetItem', 'Query']);
    expect(again.written).toBe(0);
  });

  it('a source is read to its last page', async () => {
    const store = api.store();
    const byPage = await store.table.queryAll({ index: 'byDueDate', partition: 'PASSWORD_DUE', between: ['0', '2030-07-15#~'] }, 1);
    // The demo city's own password dates (functions/local/demo/passwords.ts) are in the same partition.
    expect(byPage.map((i) => i.id).filter((id) => String(id).startsWith('pw-'))).toEqual(['pw-overdue', 'pw-7-days']);
    expect(byPage.length).toBe((await store.table.queryAll({ index: 'byDueDate', partition: 'PASSWORD_DUE', between: ['0', '2030-07-15#~'] }, 100)).length);
    expect(store.meter.snapshot().calls.Query).toBeGreaterThanOrEqual(2);
  });

  it('running again on the same day writes nothing: the notices are recorded already', async () => {
    const before = await api.snapshot();
    const again = await runReminders(api.store(), FIXED_NOW);
    expect(await api.snapshot()).toEqual(before);
    expect(again).toMatchObject({ written: 0, alreadyRecorded: first.notices.length, unaddressed: 1, digestsWritten: 0 });
    expect(again.digests.map((d) => d.id)).toEqual(first.digests.map((d) => d.id));
  });

  it('a new stage is a new notice: six days later the password is 1 day from due', async () => {
    const later = await runReminders(api.store(), '2030-06-21T00:00:00.000Z');
    const pw = noticesOf(later, 'PASSWORD_DUE_SOON', 'pw-7-days');
    expect(pw).toEqual([expect.objectContaining({ stage: '1', new: true })]);
    expect(pw[0].id).not.toBe(noticesOf(first, 'PASSWORD_DUE_SOON', 'pw-7-days')[0].id);
    // The overdue ones stay at their stage: recorded already, not written again.
    expect(noticesOf(later, 'EQUIPMENT_NOT_RETURNED', 'ex-late')).toEqual([expect.objectContaining({ new: false })]);
    // The consultation has now waited 20 days: still the 14-day stage.
    expect(noticesOf(later, 'APPLICATION_WAITING', 'consult-14-days')).toEqual([expect.objectContaining({ stage: 'waiting-14', new: false })]);
    // That day's digest lists what was recorded that day, not what was mailed before.
    const recordedThatDay = later.notices.filter((n) => n.addresseeId === 'shimin-staff' && n.new);
    const digest = later.digests.find((d) => d.addresseeId === 'shimin-staff');
    expect(digest).toMatchObject({ stage: '2030-06-21', title: `令和12年6月21日の通知(${recordedThatDay.length}件)`, new: true });
    expect(digest!.message).toContain(pw[0].message);
    for (const n of later.notices.filter((m) => m.addresseeId === 'shimin-staff' && !m.new)) expect(digest!.message).not.toContain(n.message);
    // The take-out due on the 15th is overdue now: in that day's digest; the one overdue since the 14th is not again.
    const kenkou = later.digests.find((d) => d.addresseeId === 'kenkou-staff')!;
    expect(kenkou.message).toContain('ノートPC ex-due-today');
    expect(kenkou.message).not.toContain('ノートPC ex-late');
  });

  it('each person’s reminders of the day go in one digest (DAILY_DIGEST, the one mail they get), listing them with their dates 和暦', () => {
    const digests = first.digests.filter((d) => d.addresseeId === 'kenkou-staff');
    expect(digests).toEqual([
      expect.objectContaining({ kind: 'DAILY_DIGEST', subjectType: 'Person', subjectId: 'kenkou-staff', dueOn: TODAY, stage: TODAY, new: true }),
    ]);
    const [digest] = digests;
    const theirs = first.notices.filter((n) => n.addresseeId === 'kenkou-staff');
    expect(theirs.map((n) => n.kind)).toEqual(expect.arrayContaining(['PASSWORD_OVERDUE', 'EQUIPMENT_NOT_RETURNED']));
    expect(digest.title).toBe(`令和12年6月15日の通知(${theirs.length}件)`);
    for (const n of theirs) expect(digest.message).toContain(n.message);
    expect(digest.message).toContain('持ち出した機器「ノートPC ex-late」の返却期限(令和12年6月14日)を過ぎています。');
    // One digest a person with reminders, none for anyone else.
    expect(first.digests.map((d) => d.addresseeId).sort()).toEqual([...new Set(first.notices.map((n) => n.addresseeId))].sort());
    expect(first.digestsWritten).toBe(first.digests.length);
  });

  it('the digest is a notice like the others: its addressee reads it in myNotices, beside the reminders it lists', async () => {
    const { myNotices } = await api.data('kenkou-staff', `{ myNotices(first: 50) { nodes { id kind title subject { __typename } } } }`);
    const digest = first.digests.find((d) => d.addresseeId === 'kenkou-staff')!;
    expect(myNotices.nodes).toContainEqual({ id: gid('Notice', digest.id), kind: 'DAILY_DIGEST', title: digest.title, subject: { __typename: 'Person' } });
    expect(myNotices.nodes.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['PASSWORD_OVERDUE', 'EQUIPMENT_NOT_RETURNED']));
  });

  it('the scheduled Lambda runs on a real EventBridge Scheduled Event, at the event’s time', async () => {
    const event: ScheduledEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      time: '2030-06-15T23:00:00Z',
      region: 'ap-northeast-1',
      resources: ['arn:aws:events:ap-northeast-1:123456789012:rule/ShiroishiRegulationApi-DailyReminders'],
      detail: {},
    };
    const result = await handler(event, { awsRequestId: randomUUID() });
    expect(result).toMatchObject({ at: '2030-06-15T23:00:00.000Z', unaddressed: 1 });
    // Every password whose due date passed before that day: the test's own and the demo city's.
    const overdue = await api.store().table.queryAll({ index: 'byDueDate', partition: 'PASSWORD_DUE', between: ['0', '2030-06-15'] }, 100);
    expect(overdue.map((i) => i.id)).toContain('pw-overdue');
    expect(result.found.PASSWORD_OVERDUE).toBe(overdue.length);
    expect(result.alreadyRecorded).toBeGreaterThan(0);
    expect(result).not.toHaveProperty('notices');
    // The same event delivered twice (EventBridge retries) records nothing twice.
    expect(await handler(event)).toMatchObject({ written: 0 });
  });
});

const NOTICE_FIELDS = `id kind article dueOn stage message createdAt readAt version viewerCanMarkRead
  addressee { personId } subject { __typename id ... on ExternalProvision { title } ... on Consultation { title } }`;
const MY_NOTICES = `query($first: Int!, $after: String, $unreadOnly: Boolean) {
  myNotices(first: $first, after: $after, unreadOnly: $unreadOnly) { nodes { ${NOTICE_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
const NOTICES_OF = `query($personId: ID!) { noticesOf(personId: $personId, first: 50) { nodes { id kind } } }`;
const MARK_READ = `mutation($input: MarkNoticeReadInput!) { markNoticeRead(input: $input) { notice { ${NOTICE_FIELDS} } userErrors { code message article field } } }`;
const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Notice { kind auditTrail(first: 10) { nodes { id action article actor { personId } object { id } } } } } }`;

const provisionNotice = () => noticesOf(first, 'PROVISION_PAST_PERIOD', 'prov-past').find((n) => n.addresseeId === 'kenkou-manager')!;

describe('myNotices, noticesOf and markNoticeRead (through the handler)', () => {
  it('the addressee reads their notices, newest first, with what each is about', async () => {
    const { myNotices } = await api.data('kenkou-manager', MY_NOTICES, { first: 50 });
    const mine = myNotices.nodes.find((n: { id: string }) => n.id === gid('Notice', provisionNotice().id));
    expect(mine).toMatchObject({
      kind: 'PROVISION_PAST_PERIOD',
      article: '第15条第4項第4号',
      dueOn: '2030-06-14',
      stage: 'overdue',
      readAt: null,
      version: 1,
      viewerCanMarkRead: true,
      addressee: { personId: 'kenkou-manager' },
      subject: { __typename: 'ExternalProvision', id: gid('ExternalProvision', 'prov-past'), title: '提供 prov-past' },
    });
    expect(mine.message).toContain('提供 prov-past');
    const created = myNotices.nodes.map((n: { createdAt: string }) => n.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    // Nobody else's notices are in the list.
    const { myNotices: staff } = await api.data('shimin-staff', MY_NOTICES, { first: 50 });
    expect(staff.nodes.map((n: { addressee: { personId: string } }) => n.addressee.personId)).toEqual(staff.nodes.map(() => 'shimin-staff'));
  });

  it('pages through the list with the cursor, neither skipping nor repeating', async () => {
    const all = (await api.data('soumu-manager', MY_NOTICES, { first: 100 })).myNotices.nodes.map((n: { id: string }) => n.id);
    expect(all.length).toBeGreaterThan(1);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = (await api.data('soumu-manager', MY_NOTICES, { first: 1, after })).myNotices;
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toEqual(all);
  });

  it('the system administrator reads anyone’s notices; another person may not', async () => {
    const { noticesOf } = await api.data('soumu-director', NOTICES_OF, { personId: gid('Person', 'kenkou-manager') });
    expect(noticesOf.nodes.map((n: { id: string }) => n.id)).toContain(gid('Notice', provisionNotice().id));
    const res = await api.gql('shimin-staff', NOTICES_OF, { personId: gid('Person', 'kenkou-manager') });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', article: '第4条' });
  });

  it('node(id) finds a notice for its addressee and the system administrator only; its audit trail records the job', async () => {
    const id = gid('Notice', provisionNotice().id);
    const { node } = await api.data('kenkou-manager', NODE, { id });
    expect(node).toMatchObject({ __typename: 'Notice', id, kind: 'PROVISION_PAST_PERIOD' });
    expect(node.auditTrail.nodes).toEqual([
      expect.objectContaining({ action: 'notice.recorded', article: '第15条第4項第4号', actor: null, object: { id } }),
    ]);
    // The audit event's own global id works although the notice's partition key holds '#'.
    const event = (await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { __typename ... on AuditEvent { action } } }`, { id: node.auditTrail.nodes[0].id })).node;
    expect(event).toEqual({ __typename: 'AuditEvent', action: 'notice.recorded' });
    const trail = await api.data('kenkou-manager', `query($id: ID!) { auditTrail(objectId: $id, first: 5) { nodes { action } } }`, { id });
    expect(trail.auditTrail.nodes).toEqual([{ action: 'notice.recorded' }]);
    expect((await api.data('soumu-director', NODE, { id })).node).toMatchObject({ id });
    expect((await api.data('shimin-staff', NODE, { id })).node).toBeNull();
  });

  it('only the addressee marks a notice read — not even the system administrator — citing the duty’s article', async () => {
    const input = { noticeId: gid('Notice', provisionNotice().id), expectedVersion: 1 };
    expect(await refused(api, 'soumu-director', MARK_READ, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第15条第4項第4号', field: ['noticeId'] })]);
    expect(await refused(api, 'kenkou-staff', MARK_READ, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await refused(api, 'kenkou-manager', MARK_READ, { ...input, expectedVersion: 7 })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    expect(await refused(api, 'kenkou-manager', MARK_READ, { ...input, noticeId: gid('Notice', 'no-such-notice') })).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  });

  it('the addressee marks it read: it leaves the unread list, stays in the list, and cannot be marked twice', async () => {
    const id = gid('Notice', provisionNotice().id);
    const unread = async () => (await api.data('kenkou-manager', MY_NOTICES, { first: 100, unreadOnly: true })).myNotices.nodes.map((n: { id: string }) => n.id);
    expect(await unread()).toContain(id);
    const notice = await ok(api, 'kenkou-manager', MARK_READ, { noticeId: id, expectedVersion: 1 });
    expect(notice).toMatchObject({ id, version: 2, viewerCanMarkRead: false });
    expect(notice.readAt).toEqual(expect.any(String));
    expect(await unread()).not.toContain(id);
    const all = (await api.data('kenkou-manager', MY_NOTICES, { first: 100 })).myNotices.nodes;
    expect(all.find((n: { id: string }) => n.id === id)).toMatchObject({ readAt: notice.readAt });
    expect(await refused(api, 'kenkou-manager', MARK_READ, { noticeId: id, expectedVersion: 2 })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const { node } = await api.data('kenkou-manager', NODE, { id });
    // (The trail is in time order; the job ran at the fixed 2030 clock, the read at the server's real one.)
    expect(node.auditTrail.nodes.map((e: { action: string; actor: unknown }) => [e.action, e.actor])).toEqual(
      expect.arrayContaining([
        ['notice.recorded', null],
        ['notice.read', { personId: 'kenkou-manager' }],
      ]),
    );
    expect(node.auditTrail.nodes).toHaveLength(2);
    // The job, run again, does not bring a read notice back.
    const again = await runReminders(api.store(), FIXED_NOW);
    expect(noticesOf(again, 'PROVISION_PAST_PERIOD', 'prov-past').filter((n) => n.addresseeId === 'kenkou-manager')).toEqual([expect.objectContaining({ new: false, readAt: notice.readAt })]);
    expect(await unread()).not.toContain(id);
  });

  it('two marks at once: exactly one wins, the other is told', async () => {
    const n = noticesOf(first, 'EQUIPMENT_NOT_RETURNED', 'ex-late')[0];
    const input = { noticeId: gid('Notice', n.id), expectedVersion: 1 };
    const results = await Promise.all([api.data('kenkou-staff', MARK_READ, { input }), api.data('kenkou-staff', MARK_READ, { input })]);
    const errors = results.map((r) => r.markNoticeRead.userErrors);
    expect(errors.filter((e) => e.length === 0)).toHaveLength(1);
    expect(errors.flat().map((e: { code: string }) => e.code)).toEqual([expect.stringMatching(/^(STALE_VERSION|INVALID_STATE)$/)]);
  });
});
