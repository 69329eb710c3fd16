/**
 * 操作職員等 (第12条) through the real Lambda handler: the system administrator designates and releases the
 * operators of a 情報系 system; the information manager of a 業務系 system's department designates and releases on
 * 様式第5号, reported in advance — the report takes effect for its days when submitted; the system administrator
 * receives it (受理) or asks for its correction (訂正の求め), neither of which undoes the designation; the information
 * manager's withdrawal does. "Who may operate this system" answers for any day.
 */
import { Api, Response, gid, ok, refused, setupApi } from '../support/api';
import { DEMO_REPORT_ID } from '../../functions/local/demo/operators';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
/** Noon in Tokyo, `offsetDays` from today. */
const at = (offsetDays: number) => `${tokyoDate(offsetDays)}T12:00:00+09:00`;

const REPORT_FIELDS = `id form status version title article note entries { action person { personId } effectiveOn }
  system { id } applicant { personId } applicantDepartment { code } designations { id validFrom validUntil basis person { personId } }
  viewerCanSubmit viewerCanWithdraw viewerCanDecide`;
const REPORT = `mutation($input: ReportOperatorsInput!) {
  reportOperators(input: $input) { report { ${REPORT_FIELDS} } userErrors { code message article field } }
}`;
const DESIGNATION_FIELDS = `id validFrom validUntil basis status article current viewerCanRelease version person { personId } designatedBy { personId }
  releasedBy { personId } report { id } releaseReport { id } system { id }`;
const DESIGNATE = `mutation($input: DesignateOperatorInput!) {
  designateOperator(input: $input) { designation { ${DESIGNATION_FIELDS} } userErrors { code message article field } }
}`;
const RELEASE = `mutation($input: ReleaseOperatorInput!) {
  releaseOperator(input: $input) { designation { ${DESIGNATION_FIELDS} } userErrors { code message article field } }
}`;
const SUBMIT = `mutation($input: ApplicationTransitionInput!) {
  submitApplication(input: $input) { application { id status version } userErrors { code message article field } }
}`;
const WITHDRAW = `mutation($input: ApplicationTransitionInput!) {
  withdrawApplication(input: $input) { application { id status version } userErrors { code message article field } }
}`;
const DECIDE = `mutation($input: DecideApplicationInput!) {
  decideApplication(input: $input) { application { id status version } userErrors { code message article field } }
}`;
const OPERATORS = `query($id: ID!, $at: DateTimeISO) { node(id: $id) { ... on System {
  operators(first: 100, at: $at) { nodes { id basis validFrom validUntil person { personId } } } viewerCanDesignateOperators viewerCanReportOperators } } }`;

type Obj = { id: string; version: number; [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const JUUMIN = gid('System', 'demo-juumin');
const GROUPWARE = gid('System', 'demo-groupware');

let serial = 0;
/** A fresh person of 市民課 (職員等), registered by the system administrator. */
async function person(dept = 'shimin'): Promise<string> {
  const personId = `op-${++serial}-${Date.now().toString(36)}`;
  await ok(api, 'soumu-director', `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { code message } } }`, {
    personId,
    name: '操作 太郎',
    departmentId: gid('Department', dept),
  });
  return personId;
}

/** A fresh 業務系 system of 市民課 (its information manager registers it), or 情報系. */
async function system(category: 'BUSINESS' | 'INFORMATION' = 'BUSINESS'): Promise<string> {
  const s = await ok(api, 'shimin-manager', `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id } userErrors { code message } } }`, {
    name: `操作者テスト${++serial}`,
    category,
    network: 'INTERNAL',
    purposes: ['EFFICIENCY'],
    owningDepartmentId: gid('Department', 'shimin'),
  });
  return s.id;
}

const entry = (action: string, personId: string, offset: number) => ({ action, personId: gid('Person', personId), effectiveOn: tokyoDate(offset) });
const report = (systemId: string, entries: unknown[], extra: Record<string, unknown> = {}, who = 'shimin-manager'): Promise<Obj> =>
  ok(api, who, REPORT, { systemId, entries, submit: true, ...extra });
const decide = (r: Obj, outcome: string, extra: Record<string, unknown> = {}): Promise<Obj> =>
  ok(api, 'soumu-director', DECIDE, { applicationId: r.id, expectedVersion: r.version, outcome, ...extra });

async function operators(systemId: string, offset?: number, who = 'shimin-manager'): Promise<string[]> {
  const data = await api.data(who, OPERATORS, { id: systemId, at: offset === undefined ? null : at(offset) });
  return data.node.operators.nodes.map((n: { person: { personId: string } }) => n.person.personId).sort();
}

async function designation(id: string, who = 'soumu-director'): Promise<Obj> {
  return (await api.data(who, `query($id: ID!) { node(id: $id) { ... on OperatorDesignation { ${DESIGNATION_FIELDS} auditTrail(first: 20) { nodes { action article actor { personId } } } } } }`, { id })).node;
}

describe('第12条: the demo city — who may operate its systems now', () => {
  it('住民情報システム (業務系): 市民課’s staff member, by a received 様式第5号; グループウェア (情報系): the contract staff member, by the system administrator', async () => {
    expect(await operators(JUUMIN)).toContain('shimin-staff');
    expect(await operators(GROUPWARE)).toEqual(['digital-contractor']);
    const mine = await api.data('shimin-staff', `{ viewer { operatorDesignations(first: 10) { nodes { system { id } basis article report { id status form } } } } }`);
    expect(mine.viewer.operatorDesignations.nodes).toEqual([{ system: { id: JUUMIN }, basis: 'REPORT', article: '第12条第2項', report: { id: gid('OperatorReport', DEMO_REPORT_ID), status: 'APPROVED', form: 'FORM_5' } }]);
    const gw = await api.data('soumu-director', OPERATORS, { id: GROUPWARE, at: null });
    expect(gw.node).toMatchObject({ viewerCanDesignateOperators: true, viewerCanReportOperators: false });
    const j = await api.data('shimin-manager', OPERATORS, { id: JUUMIN, at: null });
    expect(j.node).toMatchObject({ viewerCanDesignateOperators: false, viewerCanReportOperators: true });
  });
});

describe('第12条第2項: 市民課’s information manager designates on 様式第5号, reported in advance to the system administrator', () => {
  it('a designation effective tomorrow: in force from tomorrow (not today), received by the system administrator, with its audit trail', async () => {
    const p = await person();
    const r = await report(JUUMIN, [entry('DESIGNATE', p, 1)], { note: '窓口応援' });
    expect(r).toMatchObject({
      form: 'FORM_5',
      status: 'SUBMITTED',
      article: '第12条第2項',
      note: '窓口応援',
      title: '「住民情報システム」操作職員等指定・解除報告',
      applicant: { personId: 'shimin-manager' },
      applicantDepartment: { code: 'shimin' },
      entries: [{ action: 'DESIGNATE', person: { personId: p }, effectiveOn: tokyoDate(1) }],
      designations: [{ validFrom: tokyoDate(1), validUntil: null, basis: 'REPORT', person: { personId: p } }],
    });
    expect(await operators(JUUMIN)).not.toContain(p);
    expect(await operators(JUUMIN, 1)).toContain(p);
    expect(await operators(JUUMIN, 400)).toContain(p);
    const inbox = (await api.data('soumu-director', `{ myInbox(first: 100) { nodes { id form viewerCanDecide } } }`)).myInbox.nodes;
    expect(inbox).toContainEqual({ id: r.id, form: 'FORM_5', viewerCanDecide: true });

    const received = await decide(r, 'APPROVED');
    expect(received.status).toBe('APPROVED');
    expect(await operators(JUUMIN, 1)).toContain(p);
    const d = await designation(r.designations[0].id);
    expect(d).toMatchObject({ report: { id: r.id }, designatedBy: { personId: 'shimin-manager' }, current: false, viewerCanRelease: false, article: '第12条第2項' });
    expect(d.auditTrail.nodes).toEqual([{ action: 'operatorDesignation.designated', article: '第12条第2項', actor: { personId: 'shimin-manager' } }]);
    const trail = await api.data('shimin-manager', `query($id: ID!) { auditTrail(objectId: $id, first: 10) { nodes { action } } }`, { id: r.id });
    expect(trail.auditTrail.nodes.map((n: { action: string }) => n.action)).toEqual(['operatorReport.drafted', 'operatorReport.submitted', 'operatorReport.approved']);
  });

  it('a release ends the designation the day before it takes effect; designated again later on another report', async () => {
    const s = await system();
    const p = await person();
    const r1 = await report(s, [entry('DESIGNATE', p, 1)]);
    const r2 = await report(s, [entry('RELEASE', p, 5)]);
    expect(r2.designations).toEqual([expect.objectContaining({ id: r1.designations[0].id, validFrom: tokyoDate(1), validUntil: tokyoDate(4) })]);
    expect(await operators(s, 4)).toEqual([p]);
    expect(await operators(s, 5)).toEqual([]);
    const d = await designation(r1.designations[0].id);
    expect(d).toMatchObject({ releasedBy: { personId: 'shimin-manager' }, releaseReport: { id: r2.id } });
    expect(d.auditTrail.nodes.map((n: { action: string }) => n.action)).toEqual(['operatorDesignation.designated', 'operatorDesignation.released']);
    // Released and designated again on one report, in order.
    const r3 = await report(s, [entry('DESIGNATE', p, 10), entry('RELEASE', p, 20), entry('DESIGNATE', p, 30)]);
    expect(r3.designations).toHaveLength(2);
    expect(await operators(s, 15)).toEqual([p]);
    expect(await operators(s, 25)).toEqual([]);
    expect(await operators(s, 30)).toEqual([p]);
  });

  it('a staff member of another department (a contractor) may be designated: 職員等 includes 委託職員', async () => {
    const s = await system();
    await report(s, [entry('DESIGNATE', 'digital-contractor', 2)]);
    expect(await operators(s, 2)).toEqual(['digital-contractor']);
  });

  it.each([
    ['effective today: NOT_IN_ADVANCE', (p: string) => [entry('DESIGNATE', p, 0)], 'NOT_IN_ADVANCE', '第12条第2項', ['entries', '0', 'effectiveOn']],
    ['effective yesterday: NOT_IN_ADVANCE', (p: string) => [entry('DESIGNATE', p, 1), entry('RELEASE', p, -1)], 'NOT_IN_ADVANCE', '第12条第2項', ['entries', '1', 'effectiveOn']],
    ['a release of someone not designated: INVALID_STATE', (p: string) => [entry('RELEASE', p, 3)], 'INVALID_STATE', '第12条第2項', ['entries', '0', 'personId']],
    ['someone already designated for an overlapping time: DUPLICATE', () => [entry('DESIGNATE', 'shimin-staff', 3)], 'DUPLICATE', '第12条第2項', ['entries', '0', 'personId']],
    ['the same person twice on one report: DUPLICATE', (p: string) => [entry('DESIGNATE', p, 3), entry('DESIGNATE', p, 9)], 'DUPLICATE', '第12条第2項', ['entries', '1', 'personId']],
    ['a person not in the register: NOT_FOUND', () => [entry('DESIGNATE', 'nobody-here', 3)], 'NOT_FOUND', null, ['entries', '0', 'personId']],
  ])('%s — refused, nothing written', async (_rule, entries, code, article, field) => {
    const p = await person();
    expect(await refused(api, 'shimin-manager', REPORT, { systemId: JUUMIN, entries: entries(p), submit: true })).toEqual([expect.objectContaining({ code, article, field })]);
  });

  it.each([
    ['the system administrator: FORBIDDEN 第12条第2項', 'soumu-director', 'FORBIDDEN', '第12条第2項'],
    ['another department’s information manager: WRONG_DEPARTMENT', 'kenkou-manager', 'WRONG_DEPARTMENT', '第12条第2項'],
    ['職員等: FORBIDDEN', 'shimin-staff', 'FORBIDDEN', '第12条第2項'],
  ])('the information manager of the system’s department reports — %s', async (_who, who, code, article) => {
    const p = await person();
    expect(await refused(api, who, REPORT, { systemId: JUUMIN, entries: [entry('DESIGNATE', p, 2)], submit: true })).toEqual([expect.objectContaining({ code, article, field: ['systemId'] })]);
  });

  it('a 情報系 system is not reported on: FORBIDDEN 第12条第1項', async () => {
    expect(await refused(api, 'digital-manager', REPORT, { systemId: GROUPWARE, entries: [entry('DESIGNATE', 'shimin-staff', 2)], submit: true })).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', article: '第12条第1項' }),
    ]);
  });

  it('a draft takes no effect; submitted with submitApplication it does — unless a day has come meanwhile (NOT_IN_ADVANCE at submission)', async () => {
    const s = await system();
    const p = await person();
    // A draft may name a day already past; it is refused when submitted.
    const stale = await ok(api, 'shimin-manager', REPORT, { systemId: s, entries: [entry('DESIGNATE', p, 0)], submit: false });
    expect(await refused(api, 'shimin-manager', SUBMIT, { applicationId: stale.id, expectedVersion: stale.version })).toEqual([
      expect.objectContaining({ code: 'NOT_IN_ADVANCE', article: '第12条第2項', field: ['entries', '0', 'effectiveOn'] }),
    ]);
    const draft = await ok(api, 'shimin-manager', REPORT, { systemId: s, entries: [entry('DESIGNATE', p, 3)], submit: false });
    expect(draft).toMatchObject({ status: 'DRAFT', designations: [], viewerCanSubmit: true });
    expect(await operators(s, 3)).toEqual([]);
    await ok(api, 'shimin-manager', SUBMIT, { applicationId: draft.id, expectedVersion: draft.version });
    expect(await operators(s, 3)).toEqual([p]);
  });
});

describe('第12条第2項: a report is received or returned for correction; only its withdrawal undoes it', () => {
  it('withdrawn by the information manager: its designations are cancelled and the designations it released run on', async () => {
    const s = await system();
    const [kept, added] = [await person(), await person()];
    const r1 = await report(s, [entry('DESIGNATE', kept, 1)]);
    const r2 = await report(s, [entry('RELEASE', kept, 10), entry('DESIGNATE', added, 10)]);
    expect(await operators(s, 10)).toEqual([added]);
    await ok(api, 'shimin-manager', WITHDRAW, { applicationId: r2.id, expectedVersion: r2.version });
    expect(await operators(s, 10)).toEqual([kept]);
    const restored = await designation(r1.designations[0].id);
    expect(restored).toMatchObject({ validUntil: null, releaseReport: null, releasedBy: null, status: 'ACTIVE' });
    expect(restored.auditTrail.nodes.map((n: { action: string }) => n.action)).toEqual(['operatorDesignation.designated', 'operatorDesignation.released', 'operatorDesignation.restored']);
    const cancelled = (await api.data('shimin-manager', `query($id: ID!) { node(id: $id) { ... on Person { operatorDesignations(first: 10, at: "${at(10)}") { nodes { id } } } } }`, { id: gid('Person', added) })).node;
    expect(cancelled.operatorDesignations.nodes).toEqual([]);
    expect((await api.data('shimin-manager', `query($id: ID!) { node(id: $id) { ... on OperatorReport { designations { id } } } }`, { id: r2.id })).node.designations).toEqual([]);
  });

  it('returned for correction: the designation stands (it is the information manager’s); resubmitted, nothing changes; then received', async () => {
    const s = await system();
    const p = await person();
    const r = await report(s, [entry('DESIGNATE', p, 2)]);
    const returned = await decide(r, 'RETURNED', { reason: '日付の確認' });
    expect(returned.status).toBe('RETURNED');
    expect(await operators(s, 2)).toEqual([p]);
    const again = await ok(api, 'shimin-manager', SUBMIT, { applicationId: r.id, expectedVersion: returned.version });
    expect(again.status).toBe('SUBMITTED');
    expect(await operators(s, 2)).toEqual([p]);
    expect((await api.data('shimin-manager', `query($id: ID!) { node(id: $id) { ... on OperatorReport { designations { id } } } }`, { id: r.id })).node.designations).toHaveLength(1);
    await decide(again, 'APPROVED');
    expect(await operators(s, 2)).toEqual([p]);
  });

  it('returned, then withdrawn by the information manager: the designation it made is cancelled', async () => {
    const s = await system();
    const p = await person();
    const r = await report(s, [entry('DESIGNATE', p, 2)]);
    const returned = await decide(r, 'RETURNED', { reason: '記載の誤り' });
    await ok(api, 'shimin-manager', WITHDRAW, { applicationId: r.id, expectedVersion: returned.version });
    expect(await operators(s, 2)).toEqual([]);
  });

  it('a report is not rejected: INVALID_VALUE citing 第12条第2項, in Japanese first, and nothing changes', async () => {
    const s = await system();
    const p = await person();
    const r = await report(s, [entry('DESIGNATE', p, 2)]);
    expect(await refused(api, 'soumu-director', DECIDE, { applicationId: r.id, expectedVersion: r.version, outcome: 'REJECTED', reason: '不要' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第12条第2項', field: ['outcome'], message: expect.stringMatching(/^様式第5号は報告です/) }),
    ]);
    expect(await operators(s, 2)).toEqual([p]);
  });

  it('undoing a release the person has since been designated again after: INVALID_STATE until the later report is undone', async () => {
    const s = await system();
    const p = await person();
    await report(s, [entry('DESIGNATE', p, 1)]);
    const release = await report(s, [entry('RELEASE', p, 5)]);
    const later = await report(s, [entry('DESIGNATE', p, 8)]);
    expect(await refused(api, 'shimin-manager', WITHDRAW, { applicationId: release.id, expectedVersion: release.version })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第12条第2項' }),
    ]);
    await ok(api, 'shimin-manager', WITHDRAW, { applicationId: later.id, expectedVersion: later.version });
    await ok(api, 'shimin-manager', WITHDRAW, { applicationId: release.id, expectedVersion: release.version });
    expect(await operators(s, 8)).toEqual([p]);
  });
});

describe('第12条第1項: the system administrator designates and releases the operators of a 情報系 system', () => {
  it('designated from today until a day, released early; viewerCanRelease for the SA only; audit trail', async () => {
    const s = await system('INFORMATION');
    const p = await person('kenkou');
    const d = await ok(api, 'soumu-director', DESIGNATE, { systemId: s, personId: gid('Person', p), validFrom: tokyoDate(0), validUntil: tokyoDate(30) });
    expect(d).toMatchObject({ basis: 'ADMINISTRATOR', article: '第12条第1項', status: 'ACTIVE', current: true, viewerCanRelease: true, validUntil: tokyoDate(30), designatedBy: { personId: 'soumu-director' }, report: null });
    expect(await operators(s)).toEqual([p]);
    expect(await operators(s, 31)).toEqual([]);
    expect((await designation(d.id, 'shimin-manager')).viewerCanRelease).toBe(false);

    expect(await refused(api, 'soumu-director', RELEASE, { designationId: d.id, expectedVersion: d.version + 1, effectiveOn: tokyoDate(5) })).toEqual([
      expect.objectContaining({ code: 'STALE_VERSION' }),
    ]);
    for (const [effectiveOn, code] of [[tokyoDate(-1), 'INVALID_VALUE'], [tokyoDate(0), 'INVALID_VALUE'], [tokyoDate(31), 'INVALID_STATE']] as const) {
      expect(await refused(api, 'soumu-director', RELEASE, { designationId: d.id, expectedVersion: d.version, effectiveOn })).toEqual([
        expect.objectContaining({ code, article: '第12条第1項', field: ['effectiveOn'] }),
      ]);
    }
    const released = await ok(api, 'soumu-director', RELEASE, { designationId: d.id, expectedVersion: d.version, effectiveOn: tokyoDate(5) });
    expect(released).toMatchObject({ validUntil: tokyoDate(4), releasedBy: { personId: 'soumu-director' }, version: d.version + 1 });
    expect(await operators(s, 4)).toEqual([p]);
    expect(await operators(s, 5)).toEqual([]);
    // Designated again after the release.
    await ok(api, 'soumu-director', DESIGNATE, { systemId: s, personId: gid('Person', p), validFrom: tokyoDate(10) });
    expect(await operators(s, 10)).toEqual([p]);
    expect((await designation(d.id)).auditTrail.nodes).toEqual([
      { action: 'operatorDesignation.designated', article: '第12条第1項', actor: { personId: 'soumu-director' } },
      { action: 'operatorDesignation.released', article: '第12条第1項', actor: { personId: 'soumu-director' } },
    ]);
  });

  it.each([
    ['an overlapping designation: DUPLICATE', () => ({ systemId: GROUPWARE, personId: gid('Person', 'digital-contractor'), validFrom: tokyoDate(3) }), 'DUPLICATE', ['personId']],
    ['back-dated: INVALID_VALUE', async () => ({ systemId: GROUPWARE, personId: gid('Person', await person()), validFrom: tokyoDate(-1) }), 'INVALID_VALUE', ['validFrom']],
    ['ending before it starts: INVALID_VALUE', async () => ({ systemId: GROUPWARE, personId: gid('Person', await person()), validFrom: tokyoDate(3), validUntil: tokyoDate(2) }), 'INVALID_VALUE', ['validUntil']],
  ])('%s — refused, nothing written', async (_rule, input, code, field) => {
    expect(await refused(api, 'soumu-director', DESIGNATE, await input())).toEqual([expect.objectContaining({ code, article: '第12条第1項', field })]);
  });

  it('a 業務系 system is not designated directly, not even by the system administrator: FORBIDDEN 第12条第2項', async () => {
    expect(await refused(api, 'soumu-director', DESIGNATE, { systemId: JUUMIN, personId: gid('Person', 'kenkou-staff'), validFrom: tokyoDate(1) })).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', article: '第12条第2項' }),
    ]);
    expect(await refused(api, 'soumu-director', RELEASE, { designationId: gid('OperatorDesignation', 'demo-operator-juumin-shimin-staff'), expectedVersion: 1, effectiveOn: tokyoDate(1) })).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', article: '第12条第2項' }),
    ]);
  });

  it('two designations of one person racing: exactly one wins, the other is DUPLICATE (repeated 4 times)', async () => {
    const s = await system('INFORMATION');
    for (let round = 0; round < 4; round++) {
      const p = await person();
      const send = (offset: number) => api.gql('soumu-director', DESIGNATE, { input: { systemId: s, personId: gid('Person', p), validFrom: tokyoDate(offset) } });
      const results: Response[] = await Promise.all([send(1), send(2)]);
      const payloads = results.map((r) => r.body.data.designateOperator);
      expect(payloads.filter((x) => x.userErrors.length === 0)).toHaveLength(1);
      const loser = payloads.find((x) => x.userErrors.length > 0);
      expect(loser.designation).toBeNull();
      expect(loser.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', article: '第12条第1項' })]);
      expect(await operators(s, 2)).toContain(p);
    }
  });
});
