/**
 * 調査・指導・研修 (第19条–第21条) through the real Lambda handler: the system administrator investigates a system,
 * records findings from the standpoints of 第19条 and proposes improvements to the departments, which report them done
 * until the administrator accepts them and closes the investigation; guidance and advice to an information manager
 * (第20条), acknowledged by them; training with its attendance (第21条).
 */
import { Api, gid, ok, refused, setupApi } from '../support/api';
import { Finding } from '../../functions/domain/oversight';
import { STORED } from '../../functions/store/kinds';
import { findingItem, getInvestigation, getProposalEntry, proposalItem } from '../../functions/store/oversight';
import { Change } from '../../functions/store/store';
import { newId } from '../../functions/resolvers/support';
import { fromGlobalId } from '../../graphql/globalId';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

type Obj = { id: string; version: number; [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const tokyoDate = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const SA = 'soumu-director';
const ERRORS = 'userErrors { code message article field }';
const PROPOSAL = `proposalId text dueOn status reportedOn reportNote completedOn overdue department { code } finding { findingId perspective }
  investigation { id } viewerCanReportDone viewerCanReview`;
const INVESTIGATION = `id purpose startedOn status version closedAt system { id name } investigator { personId }
  findingCount proposalCount findings(first: 100) { nodes { findingId perspective text } } proposals(first: 100) { nodes { ${PROPOSAL} } } viewerCanAddFindings viewerCanClose auditTrail(first: 20) { nodes { action article } }`;
const payload = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { investigation { ${INVESTIGATION} } ${ERRORS} } }`;
const START = payload('startInvestigation', 'StartInvestigationInput');
const FINDING = payload('addInvestigationFinding', 'AddInvestigationFindingInput');
const PROPOSE = payload('addImprovementProposal', 'AddImprovementProposalInput');
const REPORT = payload('reportImprovementDone', 'ReportImprovementDoneInput');
const REVIEW = payload('reviewImprovement', 'ReviewImprovementInput');
const CLOSE = payload('closeInvestigation', 'CloseInvestigationInput');
const GUIDANCE = 'id kind subject content givenOn acknowledgedAt version department { code } givenBy { personId } acknowledgedBy { personId } viewerCanAcknowledge';
const GIVE = `mutation($input: GiveGuidanceInput!) { giveGuidance(input: $input) { guidance { ${GUIDANCE} } ${ERRORS} } }`;
const ACK = `mutation($input: AcknowledgeGuidanceInput!) { acknowledgeGuidance(input: $input) { guidance { ${GUIDANCE} } ${ERRORS} } }`;
const TRAINING = 'id title content heldOn version attendeeCount attendees(first: 100) { nodes { personId } } organizedBy { personId } viewerCanRecordAttendance';
const SCHEDULE = `mutation($input: ScheduleTrainingInput!) { scheduleTraining(input: $input) { training { ${TRAINING} } ${ERRORS} } }`;
const ATTEND = `mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { training { ${TRAINING} } ${ERRORS} } }`;
const DEPARTMENT = `query($id: ID!) { node(id: $id) { ... on Department { openImprovementProposals(first: 50) { nodes { ${PROPOSAL} } } guidance(first: 50) { nodes { ${GUIDANCE} } } } } }`;
const SYSTEM = `query($id: ID!) { node(id: $id) { ... on System { investigations(first: 50) { nodes { id status } } } } }`;
const OPEN = `{ openInvestigations(first: 100) { nodes { id } } }`;
const OVERDUE = `{ overdueImprovementProposals(first: 100) { nodes { proposalId overdue } } }`;
const PERSON = `query($id: ID!) { node(id: $id) { ... on Person { trainingsAttended(first: 10) { nodes { id title } } } } }`;

const JUUMIN = gid('System', 'demo-juumin');
const SHIMIN = gid('Department', 'shimin');
const department = async (code: string) => (await api.data('shimin-staff', DEPARTMENT, { id: gid('Department', code) })).node;
const start = (): Promise<Obj> => ok(api, SA, START, { systemId: JUUMIN, purpose: '証明書交付の処理時間の調査', startedOn: tokyoDate(0) });
const last = <T>(xs: T[]) => xs[xs.length - 1];

describe('第19条: the demo city’s investigation of 住民情報システム', () => {
  it('is open, with a SAFETY finding and a proposal to 市民課 that 市民課’s information manager may report done', async () => {
    const id = gid('Investigation', 'demo-investigation-juumin');
    expect((await api.data('shimin-staff', OPEN)).openInvestigations.nodes).toContainEqual({ id });
    const shimin = await api.data('shimin-manager', DEPARTMENT, { id: SHIMIN });
    expect(shimin.node.openImprovementProposals.nodes).toContainEqual(
      expect.objectContaining({ proposalId: 'demo-proposal-juumin-lock', status: 'OPEN', overdue: false, finding: { findingId: 'demo-finding-juumin-lock', perspective: 'SAFETY' }, investigation: { id }, viewerCanReportDone: true }),
    );
    expect((await api.data('shimin-staff', SYSTEM, { id: JUUMIN })).node.investigations.nodes).toContainEqual({ id, status: 'OPEN' });
  });
});

describe('第19条: 信頼性、有効性、経済性及び安全性等の見地から調査を行い、必要な改善策の提示を行う', () => {
  it('the whole course: start, finding, proposal, report, reopen, report again, accept, close', async () => {
    let i = await start();
    expect(i).toMatchObject({ status: 'OPEN', version: 1, investigator: { personId: SA }, system: { name: '住民情報システム' }, viewerCanAddFindings: true, viewerCanClose: true });
    i = await ok(api, SA, FINDING, { investigationId: i.id, expectedVersion: i.version, perspective: 'EFFECTIVENESS', text: '証明書の交付に平均15分を要している。' });
    const finding = i.findings.nodes[0];
    expect(finding).toMatchObject({ perspective: 'EFFECTIVENESS' });
    i = await ok(api, SA, PROPOSE, { investigationId: i.id, expectedVersion: i.version, text: '申請書の様式を見直すこと。', departmentId: SHIMIN, findingId: finding.findingId, dueOn: tokyoDate(30) });
    let p = last(i.proposals.nodes as Obj[]);
    expect(p).toMatchObject({ status: 'OPEN', department: { code: 'shimin' }, finding: { findingId: finding.findingId }, dueOn: tokyoDate(30), viewerCanReview: false });
    expect(i.viewerCanClose).toBe(false);
    expect((await department('shimin')).openImprovementProposals.nodes.map((n: Obj) => n.proposalId)).toContain(p.proposalId);

    i = await ok(api, 'shimin-manager', REPORT, { investigationId: i.id, expectedVersion: i.version, proposalId: p.proposalId, note: '様式を改訂した。' });
    p = last(i.proposals.nodes as Obj[]);
    expect(p).toMatchObject({ status: 'REPORTED_DONE', reportedOn: tokyoDate(0), reportNote: '様式を改訂した。' });
    i = await ok(api, SA, REVIEW, { investigationId: i.id, expectedVersion: i.version, proposalId: p.proposalId, accept: false });
    expect(last(i.proposals.nodes as Obj[])).toMatchObject({ status: 'OPEN', reportedOn: null });
    i = await ok(api, 'shimin-manager', REPORT, { investigationId: i.id, expectedVersion: i.version, proposalId: p.proposalId, note: '記入例も掲示した。' });
    i = await ok(api, SA, REVIEW, { investigationId: i.id, expectedVersion: i.version, proposalId: p.proposalId, accept: true });
    expect(last(i.proposals.nodes as Obj[])).toMatchObject({ status: 'COMPLETED', completedOn: tokyoDate(0) });
    expect((await department('shimin')).openImprovementProposals.nodes.map((n: Obj) => n.proposalId)).not.toContain(p.proposalId);
    expect(i.viewerCanClose).toBe(true);

    i = await ok(api, SA, CLOSE, { investigationId: i.id, expectedVersion: i.version });
    expect(i).toMatchObject({ status: 'CLOSED', viewerCanAddFindings: false, viewerCanClose: false });
    expect(i.closedAt).toBeTruthy();
    expect((await api.data('shimin-staff', OPEN)).openInvestigations.nodes).not.toContainEqual({ id: i.id });
    expect(i.auditTrail.nodes.map((n: Obj) => n.action)).toEqual([
      'investigation.started',
      'investigation.findingAdded',
      'investigation.proposalAdded',
      'investigation.proposalReportedDone',
      'investigation.proposalReopened',
      'investigation.proposalReportedDone',
      'investigation.proposalCompleted',
      'investigation.closed',
    ]);
    expect(new Set(i.auditTrail.nodes.map((n: Obj) => n.article))).toEqual(new Set(['第19条']));
  });

  it('only the system administrator investigates, records findings, proposes, accepts and closes', async () => {
    const input = { systemId: JUUMIN, purpose: 'x', startedOn: tokyoDate(0) };
    for (const who of ['fuku-shichou', 'shimin-manager', 'shimin-staff']) {
      expect(await refused(api, who, START, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第19条' })]);
    }
    const i = await start();
    expect(await refused(api, 'shimin-manager', FINDING, { investigationId: i.id, expectedVersion: i.version, perspective: 'SAFETY', text: 'x' })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第19条' })]);
    expect(await refused(api, 'shimin-manager', PROPOSE, { investigationId: i.id, expectedVersion: i.version, text: 'x', departmentId: SHIMIN })).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await refused(api, 'fuku-shichou', CLOSE, { investigationId: i.id, expectedVersion: i.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第19条' })]);
  });

  it('the proposal is reported done by the addressed department’s information manager only; the administrator reviews only a reported one', async () => {
    let i = await start();
    i = await ok(api, SA, PROPOSE, { investigationId: i.id, expectedVersion: i.version, text: '手順書を整備すること。', departmentId: SHIMIN });
    const proposalId = i.proposals.nodes[0].proposalId;
    const report = { investigationId: i.id, expectedVersion: i.version, proposalId, note: '整備した。' };
    expect(await refused(api, 'kenkou-manager', REPORT, report)).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第19条' })]);
    expect(await refused(api, 'shimin-staff', REPORT, report)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第19条' })]);
    expect(await refused(api, SA, REPORT, report)).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await refused(api, 'shimin-manager', REPORT, { ...report, proposalId: 'nope' })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['proposalId'] })]);
    expect(await refused(api, SA, REVIEW, { investigationId: i.id, expectedVersion: i.version, proposalId, accept: true })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第19条' })]);
    expect(await refused(api, SA, CLOSE, { investigationId: i.id, expectedVersion: i.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第19条' })]);
    i = await ok(api, 'shimin-manager', REPORT, report);
    expect(await refused(api, 'shimin-manager', REPORT, { ...report, expectedVersion: i.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(await refused(api, 'shimin-manager', REPORT, report)).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
  });

  it('refuses a proposal to an unknown department, for an unknown finding, or due in the past; a finding without text', async () => {
    const i = await start();
    const base = { investigationId: i.id, expectedVersion: i.version, text: '改善すること。', departmentId: SHIMIN };
    expect(await refused(api, SA, PROPOSE, { ...base, departmentId: gid('Department', 'nowhere') })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['departmentId'] })]);
    expect(await refused(api, SA, PROPOSE, { ...base, findingId: 'nope' })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['findingId'] })]);
    expect(await refused(api, SA, PROPOSE, { ...base, dueOn: tokyoDate(-1) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['dueOn'] })]);
    expect(await refused(api, SA, FINDING, { investigationId: i.id, expectedVersion: i.version, perspective: 'ECONOMY', text: '   ' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['text'] })]);
    expect(await refused(api, SA, START, { systemId: gid('System', 'nowhere'), purpose: 'x', startedOn: tokyoDate(0) })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['systemId'] })]);
  });

  it('a closed investigation takes no more findings', async () => {
    let i = await start();
    i = await ok(api, SA, CLOSE, { investigationId: i.id, expectedVersion: i.version });
    expect(await refused(api, SA, FINDING, { investigationId: i.id, expectedVersion: i.version, perspective: 'SAFETY', text: 'x' })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第19条' })]);
  });

  it('a proposal not completed by its due date is listed as overdue (due today is not yet)', async () => {
    let i = await start();
    i = await ok(api, SA, PROPOSE, { investigationId: i.id, expectedVersion: i.version, text: '本日期限の改善。', departmentId: SHIMIN, dueOn: tokyoDate(0) });
    const proposalId = i.proposals.nodes[0].proposalId;
    // Due today is not yet overdue; the list reads the store, keyed by due date.
    expect((await api.data(SA, OVERDUE)).overdueImprovementProposals.nodes).not.toContainEqual(expect.objectContaining({ proposalId }));
    // An overdue one (written as the clock would leave it: due yesterday) is listed.
    const store = api.store();
    const entry = (await getProposalEntry(store, fromGlobalId(i.id)!.key, proposalId))!;
    const past = { ...entry, dueOn: tokyoDate(-3), version: entry.version + 1 };
    await store.table.transact([{ item: proposalItem(past), expectedVersion: entry.version }]);
    const overdue = (await api.data(SA, OVERDUE)).overdueImprovementProposals.nodes;
    expect(overdue).toContainEqual({ proposalId, overdue: true });
  });

  it('two reports of the same proposal at once: exactly one is written', async () => {
    let i = await start();
    i = await ok(api, SA, PROPOSE, { investigationId: i.id, expectedVersion: i.version, text: '改善すること。', departmentId: SHIMIN });
    const input = { investigationId: i.id, expectedVersion: i.version, proposalId: i.proposals.nodes[0].proposalId, note: '実施した。' };
    const results = await Promise.all([1, 2].map(() => api.data('shimin-manager', REPORT, { input })));
    const payloads = results.map((r) => r.reportImprovementDone);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.find((p) => p.userErrors.length > 0).userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
  });
});

describe('第19条: findings are items of their own, so an investigation takes any number of them', () => {
  it('the 1,000th finding of 4,000 characters is recorded, and the findings page through all 1,000 in order', async () => {
    const i = await start();
    const key = fromGlobalId(i.id)!.key;
    const text = (n: number) => `${String(n).padStart(4, '0')}${'安全性の所見。'.repeat(571)}`.slice(0, 4000);
    // The first 999 written straight to the store with the items the resolver writes (99 a transaction), then the
    // investigation with its count and version as 999 additions would have left them.
    const store = api.store();
    // Ids as the resolver makes them (time-ordered): a minute ago, a millisecond apart.
    const earlier = Date.now() - 60_000;
    const findings: Finding[] = Array.from({ length: 999 }, (_, n) => ({
      id: newId(new Date(earlier + n).toISOString()),
      investigationId: key,
      perspective: 'SAFETY',
      text: text(n),
      recordedBy: SA,
      recordedAt: new Date().toISOString(),
      version: 1,
    }));
    for (let n = 0; n < findings.length; n += 99) await store.table.transact(findings.slice(n, n + 99).map((f): Change => ({ item: findingItem(f) })));
    const before = (await getInvestigation(store, key))!;
    const grown = { ...before, findingCount: 999, version: before.version + 999 };
    await store.table.transact([{ item: STORED.Investigation.item(grown), expectedVersion: before.version }]);

    const added = await ok(api, SA, `mutation($input: AddInvestigationFindingInput!) { addInvestigationFinding(input: $input) {
      investigation { id version findingCount auditTrail(first: 2) { nodes { action after before } } } ${ERRORS} } }`, {
      investigationId: i.id,
      expectedVersion: grown.version,
      perspective: 'EFFECTIVENESS',
      text: text(999),
    });
    expect(added).toMatchObject({ version: grown.version + 1, findingCount: 1000 });
    // The audit event records the new finding only, not the investigation twice over.
    const event = last(added.auditTrail.nodes as Obj[]);
    expect(event).toMatchObject({ action: 'investigation.findingAdded', before: {} });
    expect(Object.keys(event.after)).toEqual(['finding']);
    expect(event.after.finding).toMatchObject({ perspective: 'EFFECTIVENESS', text: text(999) });

    const PAGE = `query($id: ID!, $after: String) { node(id: $id) { ... on Investigation {
      findings(first: 100, after: $after) { totalCount nodes { findingId text } pageInfo { hasNextPage endCursor } } } } }`;
    const texts: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const data = await api.data(SA, PAGE, { id: i.id, after });
      const { nodes, pageInfo, totalCount } = data.node.findings;
      // The count kept on the investigation, written with each finding: every page tells the whole.
      expect(totalCount).toBe(1000);
      texts.push(...nodes.map((n: { text: string }) => n.text.slice(0, 4)));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 50);
    expect(texts).toHaveLength(1000);
    expect(texts).toEqual(Array.from({ length: 1000 }, (_, n) => String(n).padStart(4, '0')));
  }, 120_000);
});

describe('第20条: 情報管理責任者に対し必要な指導及び助言を行う', () => {
  it('the demo advice to 健康推進課 awaits its information manager’s acknowledgement', async () => {
    const kenkou = await api.data('kenkou-manager', DEPARTMENT, { id: gid('Department', 'kenkou') });
    expect(kenkou.node.guidance.nodes).toContainEqual(expect.objectContaining({ kind: 'ADVICE', acknowledgedAt: null, viewerCanAcknowledge: true, givenBy: { personId: SA } }));
  });

  it('the administrator gives guidance; the department’s information manager acknowledges it once', async () => {
    const g = await ok(api, SA, GIVE, { departmentId: SHIMIN, kind: 'GUIDANCE', subject: '画面ロック', content: '離席時は画面をロックすること。', givenOn: tokyoDate(0) });
    expect(g).toMatchObject({ kind: 'GUIDANCE', department: { code: 'shimin' }, version: 1, viewerCanAcknowledge: false });
    expect((await department('shimin')).guidance.nodes[0].id).toBe(g.id);
    expect(await refused(api, 'kenkou-manager', ACK, { guidanceId: g.id, expectedVersion: 1 })).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第20条' })]);
    expect(await refused(api, 'shimin-staff', ACK, { guidanceId: g.id, expectedVersion: 1 })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第20条' })]);
    const acked = await ok(api, 'shimin-manager', ACK, { guidanceId: g.id, expectedVersion: 1 });
    expect(acked).toMatchObject({ version: 2, acknowledgedBy: { personId: 'shimin-manager' }, viewerCanAcknowledge: false });
    expect(await refused(api, 'shimin-manager', ACK, { guidanceId: g.id, expectedVersion: 2 })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('only the administrator gives guidance, on a day not in the future, to a department that exists', async () => {
    const input = { departmentId: SHIMIN, kind: 'ADVICE', subject: 's', content: 'c', givenOn: tokyoDate(0) };
    expect(await refused(api, 'fuku-shichou', GIVE, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第20条' })]);
    expect(await refused(api, SA, GIVE, { ...input, givenOn: tokyoDate(1) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['givenOn'] })]);
    expect(await refused(api, SA, GIVE, { ...input, departmentId: gid('Department', 'nowhere') })).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  });
});

describe('第21条: 職員に対し行政システムの利用に関し必要な研修を行う', () => {
  it('the demo training was held, with its attendance; a person’s trainings list it', async () => {
    const { trainingSessions } = await api.data('shimin-staff', `{ trainingSessions(first: 10) { nodes { ${TRAINING} } } }`);
    const demo = trainingSessions.nodes.find((t: Obj) => t.id === gid('TrainingSession', 'demo-training-security'));
    expect(demo).toMatchObject({ attendeeCount: 3, organizedBy: { personId: SA } });
    const attended = (await api.data('shimin-staff', PERSON, { id: gid('Person', 'shimin-staff') })).node.trainingsAttended.nodes;
    expect(attended).toContainEqual(expect.objectContaining({ id: demo.id }));
  });

  it('the administrator schedules a training and records attendance once it is held', async () => {
    const future = await ok(api, SA, SCHEDULE, { title: '新任職員研修', content: '操作の基本。', heldOn: tokyoDate(7) });
    expect(future).toMatchObject({ attendeeCount: 0, viewerCanRecordAttendance: false });
    expect(await refused(api, SA, ATTEND, { trainingId: future.id, expectedVersion: 1, attendeeIds: [gid('Person', 'shimin-staff')] })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第21条' })]);

    const held = await ok(api, SA, SCHEDULE, { title: '標的型メール訓練', content: '不審メールの見分け方。', heldOn: tokyoDate(0) });
    expect(held.viewerCanRecordAttendance).toBe(true);
    const once = await ok(api, SA, ATTEND, { trainingId: held.id, expectedVersion: 1, attendeeIds: [gid('Person', 'kenkou-staff')] });
    const twice = await ok(api, SA, ATTEND, { trainingId: held.id, expectedVersion: once.version, attendeeIds: [gid('Person', 'kenkou-staff'), gid('Person', 'digital-contractor')] });
    expect(twice.attendees.nodes.map((p: { personId: string }) => p.personId)).toEqual(['digital-contractor', 'kenkou-staff']);
    const attended = (await api.data(SA, PERSON, { id: gid('Person', 'kenkou-staff') })).node.trainingsAttended.nodes;
    expect(attended[0]).toEqual({ id: held.id, title: '標的型メール訓練' });
  });

  it('only the administrator trains; attendance names people who exist, each once', async () => {
    expect(await refused(api, 'digital-manager', SCHEDULE, { title: 't', content: 'c', heldOn: tokyoDate(0) })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第21条' })]);
    const t = await ok(api, SA, SCHEDULE, { title: '研修', content: '', heldOn: tokyoDate(0) });
    const staff = gid('Person', 'shimin-staff');
    expect(await refused(api, 'digital-manager', ATTEND, { trainingId: t.id, expectedVersion: 1, attendeeIds: [staff] })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第21条' })]);
    expect(await refused(api, SA, ATTEND, { trainingId: t.id, expectedVersion: 1, attendeeIds: [staff, staff] })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE' })]);
    expect(await refused(api, SA, ATTEND, { trainingId: t.id, expectedVersion: 1, attendeeIds: [gid('Person', 'nobody')] })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['attendeeIds'] })]);
  });
});
