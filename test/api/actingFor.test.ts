/**
 * 職務代理・代決, and the roles one person holds (第3条–第5条, 第27条), through the real Lambda handler. The case that
 * stalled: 総務課 asks for a top-page link for its own page (様式第10号); its decider, the homepage operations manager,
 * is 総務課長 — the applicant. Until an acting person is designated, the application, the inbox, the notices and the
 * reminders say who must designate one; then the acting person decides, "acting for" recorded on the decision and in
 * the audit trail.
 */
import { runReminders } from '../../functions/reminders/run';
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

/** The calendar date in Asia/Tokyo, `offsetDays` from today. */
function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const ERRORS = 'userErrors { code message article field }';
const GAIYOU = gid('HomepagePage', 'demo-page-gaiyou');
const REQUEST = `mutation($input: RequestTopPageLinkInput!) {
  requestTopPageLink(input: $input) { request { id status version viewerCanDecide deciders { personId } designationNeeded } ${ERRORS} }
}`;
const DESIGNATE = `mutation($input: DesignateActingPersonInput!) {
  designateActingPerson(input: $input) {
    person { personId currentRoles { role reason validUntil actingFor { personId } designatedBy { personId } } }
    ${ERRORS}
  }
}`;
const ASSIGN = `mutation($input: AssignRoleInput!) { assignRole(input: $input) { person { personId } ${ERRORS} } }`;
const END = `mutation($input: EndRoleAssignmentInput!) { endRoleAssignment(input: $input) { person { personId } ${ERRORS} } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) {
  decideApplication(input: $input) { application { id status ... on TopPageLinkRequest { decision { outcome decidedBy { personId } actingFor { personId } } } } ${ERRORS} }
}`;
const APPLICATION = `query($id: ID!) { node(id: $id) { ... on TopPageLinkRequest {
  status viewerCanDecide deciders { personId } designationNeeded
  decision { outcome decidedBy { personId } actingFor { personId } }
  auditTrail(first: 20) { nodes { action actor { personId } actingFor { personId } } }
} } }`;
const NOTICES = `{ myNotices(first: 50) { nodes { kind title message article subject { id } } } }`;

const noticesAbout = async (who: string, id: string) =>
  (await api.data(who, NOTICES)).myNotices.nodes.filter((n: { subject: { id: string } | null }) => n.subject?.id === id);

describe('the 総務課 top-page link: its decider is its applicant', () => {
  let request: { id: string; version: number };

  it('no one may decide: the application, the inbox and the notices say who must designate an acting person', async () => {
    request = await ok(api, 'soumu-manager', REQUEST, { pageId: GAIYOU, action: 'SET', submit: true });
    expect(request).toMatchObject({ status: 'SUBMITTED', viewerCanDecide: false, deciders: [] });
    expect(request).toMatchObject({ designationNeeded: expect.stringContaining('決裁者(ホームページ運用管理者)が申請者本人のため') });
    expect((request as unknown as { designationNeeded: string }).designationNeeded).toContain('ホームページ運用管理者本人又は情報システム管理者が職務代理者を指定してください');

    // The holder (who may designate) and the system administrator are told, in the same transaction as the submission.
    for (const who of ['soumu-manager', 'soumu-director']) {
      expect(await noticesAbout(who, request.id)).toEqual([
        expect.objectContaining({ kind: 'DECIDER_NEEDED', article: '第27条第4項第4号', title: '様式第10号「トップページリンク設定『白石市の概要』」の決裁者の指定', message: expect.stringContaining('職務代理者を指定してください') }),
      ]);
    }
    // The inbox of the holder shows it, with the same words.
    const inbox = (await api.data('soumu-manager', `{ myInbox(first: 5) { nodes { id viewerCanDecide designationNeeded } } }`)).myInbox.nodes;
    expect(inbox).toContainEqual({ id: request.id, viewerCanDecide: false, designationNeeded: expect.stringContaining('職務代理者') });
  });

  it('the daily reminder of the undecidable application goes to the holder and the system administrator, naming who must act', async () => {
    const store = api.store();
    const fifteenDaysOn = new Date(Date.now() + 15 * 86_400_000).toISOString();
    const summary = await runReminders(store, fifteenDaysOn);
    const about = summary.notices.filter((n) => n.kind === 'APPLICATION_WAITING' && gid('TopPageLinkRequest', n.subjectId) === request.id);
    expect(about.map((n) => n.addresseeId).sort()).toEqual(['soumu-director', 'soumu-manager']);
    for (const n of about) expect(n.message).toContain('職務代理者を指定してください');
  });

  it('the holder designates 総務課長補佐 for a period; the acting person reads the inbox and decides, "acting for" recorded', async () => {
    const designated = await ok(api, 'soumu-manager', DESIGNATE, {
      personId: gid('Person', 'soumu-assistant'),
      role: 'HOMEPAGE_OPERATIONS_MANAGER',
      validFrom: tokyoDate(0),
      validUntil: tokyoDate(7),
      reason: '申請者が決裁者本人のため',
    });
    expect(designated.currentRoles).toContainEqual({
      role: 'HOMEPAGE_OPERATIONS_MANAGER',
      reason: '申請者が決裁者本人のため',
      validUntil: tokyoDate(7),
      actingFor: { personId: 'soumu-manager' },
      designatedBy: { personId: 'soumu-manager' },
    });
    expect(await noticesAbout('soumu-assistant', gid('Person', 'soumu-assistant'))).toEqual([
      expect.objectContaining({ kind: 'ACTING_DESIGNATED', message: expect.stringContaining('ホームページ運用管理者') }),
    ]);

    const seen = (await api.data('soumu-assistant', APPLICATION, { id: request.id })).node;
    expect(seen).toMatchObject({ viewerCanDecide: true, deciders: [{ personId: 'soumu-assistant' }], designationNeeded: null });
    const inbox = (await api.data('soumu-assistant', `{ myInbox(first: 100) { nodes { id viewerCanDecide } } }`)).myInbox.nodes;
    expect(inbox).toContainEqual({ id: request.id, viewerCanDecide: true });

    const decided = await ok(api, 'soumu-assistant', DECIDE, { applicationId: request.id, expectedVersion: request.version, outcome: 'APPROVED' });
    expect(decided).toMatchObject({ status: 'APPROVED', decision: { outcome: 'APPROVED', decidedBy: { personId: 'soumu-assistant' }, actingFor: { personId: 'soumu-manager' } } });
    const trail = (await api.data('soumu-manager', APPLICATION, { id: request.id })).node.auditTrail.nodes;
    expect(trail).toContainEqual({ action: 'topPageLinkRequest.approved', actor: { personId: 'soumu-assistant' }, actingFor: { personId: 'soumu-manager' } });
    // The applicant is told, in the same transaction as the decision.
    expect(await noticesAbout('soumu-manager', request.id)).toContainEqual(
      expect.objectContaining({ kind: 'APPLICATION_DECIDED', message: expect.stringContaining('職務代理者による決裁') }),
    );
  });

  it('only the holder or the system administrator designates; an acting designation has an end and a reason; no one acts for themself', async () => {
    const input = { personId: gid('Person', 'shimin-staff'), role: 'HOMEPAGE_OPERATIONS_MANAGER', validFrom: tokyoDate(0), validUntil: tokyoDate(3), reason: '出張のため' };
    expect(await refused(api, 'shimin-manager', DESIGNATE, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第4条' })]);
    expect(await refused(api, 'soumu-director', DESIGNATE, { ...input, reason: ' ' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['reason'] })]);
    expect(await refused(api, 'soumu-director', DESIGNATE, { ...input, personId: gid('Person', 'soumu-manager') })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', field: ['personId'] }),
    ]);
    expect(await refused(api, 'soumu-director', DESIGNATE, { ...input, role: 'STAFF' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['role'] })]);
    // The system administrator designates for anyone: here an acting information manager of 市民課.
    const acting = await ok(api, 'soumu-director', DESIGNATE, { ...input, role: 'INFORMATION_MANAGER', departmentId: gid('Department', 'shimin') });
    expect(acting.currentRoles).toContainEqual(expect.objectContaining({ role: 'INFORMATION_MANAGER', actingFor: { personId: 'shimin-manager' }, designatedBy: { personId: 'soumu-director' } }));
  });
});

describe('roles one person holds (第3条–第5条, 第27条)', () => {
  it('a second concurrent holder is refused, citing the article; after the holder’s last day, the next holder is assigned', async () => {
    const second = { personId: gid('Person', 'kenkou-staff'), role: 'SYSTEM_ADMINISTRATOR', validFrom: tokyoDate(0) };
    expect(await refused(api, 'soumu-director', ASSIGN, second)).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', article: '第4条', field: ['validFrom'], message: expect.stringContaining('一人が充てられる役割') }),
    ]);
    const manager = { personId: gid('Person', 'kenkou-staff'), role: 'INFORMATION_MANAGER', departmentId: gid('Department', 'kenkou'), validFrom: tokyoDate(0) };
    expect(await refused(api, 'soumu-director', ASSIGN, manager)).toEqual([expect.objectContaining({ code: 'DUPLICATE', article: '第5条' })]);
    // 健康推進課長 leaves on a date; the successor is assigned from the day after.
    const holder = (await api.data('soumu-director', `query($id: ID!) { node(id: $id) { ... on Person { currentRoles { assignmentId role version } } } }`, { id: gid('Person', 'kenkou-manager') })).node;
    const current = holder.currentRoles.find((r: { role: string }) => r.role === 'INFORMATION_MANAGER');
    await ok(api, 'soumu-director', END, { personId: gid('Person', 'kenkou-manager'), assignmentId: current.assignmentId, expectedVersion: current.version, validUntil: tokyoDate(30) });
    expect(await refused(api, 'soumu-director', ASSIGN, { ...manager, validFrom: tokyoDate(30) })).toEqual([expect.objectContaining({ code: 'DUPLICATE' })]);
    expect(await ok(api, 'soumu-director', ASSIGN, { ...manager, validFrom: tokyoDate(31) })).toMatchObject({ personId: 'kenkou-staff' });
  });

  it('two assignments racing for one office: exactly one lands', async () => {
    const role = { role: 'INFORMATION_MANAGER', departmentId: gid('Department', 'kyouiku'), validFrom: tokyoDate(500) };
    // 学校教育課長 holds it open-ended: end it first, then race two successors for the day after.
    const holder = (await api.data('soumu-director', `query($id: ID!) { node(id: $id) { ... on Person { currentRoles { assignmentId role version } } } }`, { id: gid('Person', 'kyouiku-manager') })).node;
    const current = holder.currentRoles.find((r: { role: string }) => r.role === 'INFORMATION_MANAGER');
    await ok(api, 'soumu-director', END, { personId: gid('Person', 'kyouiku-manager'), assignmentId: current.assignmentId, expectedVersion: current.version, validUntil: tokyoDate(499) });
    const results = await Promise.all(
      ['shimin-staff', 'kenkou-staff'].map((p) => api.data('soumu-director', ASSIGN, { input: { ...role, personId: gid('Person', p) } })),
    );
    const errors = results.map((r) => r.assignRole.userErrors);
    expect(errors.filter((e) => e.length === 0)).toHaveLength(1);
    expect(errors.flat()).toEqual([expect.objectContaining({ code: 'DUPLICATE', article: '第5条' })]);
  });
});
