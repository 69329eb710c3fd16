/**
 * コンピュータウィルス対策 (第26条) through the real Lambda handler: the information manager in charge disconnects,
 * reports and requests recovery (第3項); the system administrator designates who removes the virus, who removes it
 * and tells the others (第4項); the incident closes only with every step done and personal information assessed.
 */
import { Api, gid, ok, refused, setupApi } from '../support/api';
import { incidentKey } from '../../functions/store/virusIncidents';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const JUUMIN = gid('System', 'demo-juumin');
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const FIELDS = `id status version device suspected personalInformation nextStep missingForClosure closedAt
  steps { step at note notNeeded article by { personId } } removalManager { personId } department { id } system { id }
  outsideReport { report reason decidedBy { personId } }
  viewerCanDesignateRemovalManager viewerCanRecordStep viewerCanAssessPersonalInformation viewerCanClose`;
const payload = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { incident { ${FIELDS} } userErrors { code message article field } } }`;
const REPORT = payload('reportVirusIncident', 'ReportVirusIncidentInput');
const DESIGNATE = payload('designateVirusRemovalManager', 'DesignateVirusRemovalManagerInput');
const STEP = payload('recordVirusIncidentStep', 'RecordVirusIncidentStepInput');
const ASSESS = payload('assessVirusIncidentPersonalInformation', 'AssessVirusIncidentPersonalInformationInput');
const CLOSE = payload('closeVirusIncident', 'CloseVirusIncidentInput');
const OPEN = `{ openVirusIncidents(first: 100) { nodes { id status nextStep } } }`;
const OF_SYSTEM = `query($id: ID!) { node(id: $id) { ... on System { virusIncidents(first: 50) { nodes { id status } } } } }`;
const TRAIL = `query($id: ID!) { node(id: $id) { ... on VirusIncident { auditTrail(first: 50) { nodes { action article actor { personId } before after } } } } }`;

const openIds = async (who = 'soumu-director') => (await api.data(who, OPEN)).openVirusIncidents.nodes.map((n: { id: string }) => n.id);
const report = (extra: Record<string, unknown> = {}) =>
  ok(api, 'shimin-manager', REPORT, { systemId: JUUMIN, device: '窓口端末 SM-03', detectedAt: minutesAgo(60), suspected: true, description: '警告画面が表示された。', ...extra });

describe('第26条: the demo city', () => {
  it('one incident closed with every step done, one open after it was disconnected and reported', async () => {
    expect(await openIds()).toContain(gid('VirusIncident', 'demo-virus-open'));
    expect(await openIds()).not.toContain(gid('VirusIncident', 'demo-virus-closed'));
    const open = (await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { ... on VirusIncident { ${FIELDS} } } }`, { id: gid('VirusIncident', 'demo-virus-open') })).node;
    expect(open).toMatchObject({ status: 'OPEN', nextStep: 'RECOVERY_REQUESTED', viewerCanRecordStep: true, viewerCanClose: false, steps: [{ step: 'DISCONNECTED' }, { step: 'REPORTED', article: '第26条第3項' }] });
    const groupware = (await api.data('digital-manager', OF_SYSTEM, { id: gid('System', 'demo-groupware') })).node.virusIncidents.nodes;
    expect(groupware).toEqual([{ id: gid('VirusIncident', 'demo-virus-closed'), status: 'CLOSED' }]);
  });

  it('staff read no incidents', async () => {
    const res = await api.gql('shimin-staff', OPEN);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', article: '第26条' });
  });
});

describe('第26条第3項・第4項: the duty, step by step', () => {
  it('the walkthrough: report, three steps, designation, removal, notice, assessment, closure — each in the audit trail with its article', async () => {
    let v = await report();
    expect(v).toMatchObject({ status: 'OPEN', nextStep: 'DISCONNECTED', personalInformation: 'UNDER_INVESTIGATION', department: { id: gid('Department', 'shimin') }, viewerCanRecordStep: true, viewerCanClose: false });
    expect(await openIds()).toContain(v.id);
    for (const step of ['DISCONNECTED', 'REPORTED', 'RECOVERY_REQUESTED']) {
      v = await ok(api, 'shimin-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step });
    }
    expect(v).toMatchObject({ nextStep: 'VIRUS_REMOVED', viewerCanRecordStep: false, viewerCanDesignateRemovalManager: false });
    // 第26条第4項: without a designation, no one removes the virus.
    expect(await refused(api, 'digital-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step: 'VIRUS_REMOVED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第26条第4項' }),
    ]);
    // Closing early is refused, naming what is missing.
    const early = await refused(api, 'soumu-director', CLOSE, { incidentId: v.id, expectedVersion: v.version });
    expect(early).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第26条第4項' })]);
    expect(early[0].message).toContain('VIRUS_REMOVED、OTHERS_NOTIFIED、PERSONAL_INFORMATION_ASSESSMENT');

    v = await ok(api, 'soumu-director', DESIGNATE, { incidentId: v.id, expectedVersion: v.version, managerId: gid('Person', 'digital-manager') });
    expect(v).toMatchObject({ removalManager: { personId: 'digital-manager' } });
    v = await ok(api, 'digital-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step: 'VIRUS_REMOVED', note: '駆除ツールで駆除。' });
    v = await ok(api, 'digital-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step: 'OTHERS_NOTIFIED', notNeeded: true, note: '単独端末で拡散なし。' });
    expect(v).toMatchObject({ nextStep: null, missingForClosure: ['PERSONAL_INFORMATION_ASSESSMENT'], viewerCanClose: false });
    expect(v.steps.map((s: { step: string; by: { personId: string } }) => [s.step, s.by.personId])).toEqual([
      ['DISCONNECTED', 'shimin-manager'],
      ['REPORTED', 'shimin-manager'],
      ['RECOVERY_REQUESTED', 'shimin-manager'],
      ['VIRUS_REMOVED', 'digital-manager'],
      ['OTHERS_NOTIFIED', 'digital-manager'],
    ]);
    expect(v.steps[4]).toMatchObject({ notNeeded: true, article: '第26条第4項' });

    v = await ok(api, 'shimin-manager', ASSESS, { incidentId: v.id, expectedVersion: v.version, impact: 'NOT_AFFECTED' });
    expect(v).toMatchObject({ personalInformation: 'NOT_AFFECTED', missingForClosure: [] });
    expect(await refused(api, 'shimin-manager', CLOSE, { incidentId: v.id, expectedVersion: v.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第26条第3項' })]);
    const admin = (await api.data('soumu-director', `query($id: ID!) { node(id: $id) { ... on VirusIncident { viewerCanClose } } }`, { id: v.id })).node;
    expect(admin.viewerCanClose).toBe(true);
    v = await ok(api, 'soumu-director', CLOSE, { incidentId: v.id, expectedVersion: v.version });
    expect(v).toMatchObject({ status: 'CLOSED', nextStep: null, viewerCanClose: false, viewerCanRecordStep: false, viewerCanAssessPersonalInformation: false });
    expect(await openIds()).not.toContain(v.id);
    expect((await api.store().table.get(incidentKey(Buffer.from(v.id, 'base64url').toString().split(':')[1]).pk, 'VIRUS'))?.duePk).toBeUndefined();

    const trail = (await api.data('soumu-director', TRAIL, { id: v.id })).node.auditTrail.nodes;
    expect(trail.map((e: { action: string; article: string }) => [e.action, e.article])).toEqual(
      expect.arrayContaining([
        ['virusIncident.reported', '第26条第3項'],
        ['virusIncident.step.DISCONNECTED', '第26条第3項'],
        ['virusIncident.step.REPORTED', '第26条第3項'],
        ['virusIncident.step.RECOVERY_REQUESTED', '第26条第3項'],
        ['virusIncident.removalManagerDesignated', '第26条第4項'],
        ['virusIncident.step.VIRUS_REMOVED', '第26条第4項'],
        ['virusIncident.step.OTHERS_NOTIFIED', '第26条第4項'],
        ['virusIncident.personalInformationAssessed', '第13条'],
        ['virusIncident.closed', '第26条'],
      ]),
    );
    // A step's event records that step only, not every step before and after.
    const removed = trail.find((e: { action: string }) => e.action === 'virusIncident.step.VIRUS_REMOVED');
    expect(removed).toMatchObject({ before: {}, after: { step: expect.objectContaining({ step: 'VIRUS_REMOVED' }) } });
    expect(Object.keys(removed.after)).toEqual(['step']);
    expect(trail).toHaveLength(9);
    expect(await refused(api, 'soumu-director', CLOSE, { incidentId: v.id, expectedVersion: v.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('第26条第3項: only the information manager in charge of the work records the incident and its first steps', async () => {
    expect(await refused(api, 'kenkou-manager', REPORT, { systemId: JUUMIN, device: 'x', suspected: true, description: 'y' })).toEqual([
      expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第26条第3項', field: ['systemId'] }),
    ]);
    expect(await refused(api, 'shimin-staff', REPORT, { systemId: JUUMIN, device: 'x', suspected: true, description: 'y' })).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const v = await report();
    expect(await refused(api, 'kenkou-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step: 'DISCONNECTED' })).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT' })]);
  });

  it('steps follow their order, at times not before the one they follow nor in the future', async () => {
    const v = await report();
    expect(await refused(api, 'shimin-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step: 'REPORTED' })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['step'] })]);
    expect(await refused(api, 'shimin-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step: 'DISCONNECTED', at: minutesAgo(120) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['at'] })]);
    expect(await refused(api, 'shimin-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step: 'DISCONNECTED', at: minutesAgo(-10) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['at'] })]);
    expect(await refused(api, 'shimin-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step: 'DISCONNECTED', notNeeded: true, note: 'x' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['notNeeded'] })]);
    expect(await refused(api, 'shimin-manager', STEP, { incidentId: v.id, expectedVersion: v.version + 1, step: 'DISCONNECTED' })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
  });

  it('第26条第4項: the system administrator designates an information manager; only the designee removes the virus', async () => {
    let v = await report();
    expect(await refused(api, 'shimin-manager', DESIGNATE, { incidentId: v.id, expectedVersion: v.version, managerId: gid('Person', 'shimin-manager') })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第26条第4項' })]);
    expect(await refused(api, 'soumu-director', DESIGNATE, { incidentId: v.id, expectedVersion: v.version, managerId: gid('Person', 'shimin-staff') })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['managerId'] })]);
    v = await ok(api, 'soumu-director', DESIGNATE, { incidentId: v.id, expectedVersion: v.version, managerId: gid('Person', 'digital-manager') });
    for (const step of ['DISCONNECTED', 'REPORTED', 'RECOVERY_REQUESTED']) v = await ok(api, 'shimin-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step });
    expect(await refused(api, 'shimin-manager', STEP, { incidentId: v.id, expectedVersion: v.version, step: 'VIRUS_REMOVED' })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第26条第4項' })]);
  });

  it('personal information affected: the decision to report outside is needed before closing', async () => {
    let v = await report();
    expect(await refused(api, 'shimin-manager', ASSESS, { incidentId: v.id, expectedVersion: v.version, impact: 'NOT_AFFECTED', reportOutside: false, reason: 'x' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['reportOutside'] })]);
    expect(await refused(api, 'kenkou-manager', ASSESS, { incidentId: v.id, expectedVersion: v.version, impact: 'AFFECTED' })).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT' })]);
    v = await ok(api, 'soumu-director', ASSESS, { incidentId: v.id, expectedVersion: v.version, impact: 'AFFECTED' });
    expect(v.missingForClosure).toContain('OUTSIDE_REPORT_DECISION');
    v = await ok(api, 'shimin-manager', ASSESS, { incidentId: v.id, expectedVersion: v.version, impact: 'AFFECTED', reportOutside: true, reason: '個人情報保護委員会へ報告。' });
    expect(v).toMatchObject({ outsideReport: { report: true, decidedBy: { personId: 'shimin-manager' } } });
    expect(v.missingForClosure).not.toContain('OUTSIDE_REPORT_DECISION');
  });

  it('two steps recorded at once from the same version: exactly one is written', async () => {
    const v = await report();
    const input = { incidentId: v.id, expectedVersion: v.version, step: 'DISCONNECTED' };
    const [a, b] = await Promise.all([api.data('shimin-manager', STEP, { input }), api.data('shimin-manager', STEP, { input })]);
    const errors = [a, b].map((r) => r.recordVirusIncidentStep.userErrors);
    expect(errors.filter((e) => e.length === 0)).toHaveLength(1);
    expect(errors.flat()).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
  });
});
