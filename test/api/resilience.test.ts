/**
 * 保守対策・障害対策 (第17条, 第18条) through the real Lambda handler: a system's protections against earthquake, fire,
 * other disasters and theft; its failure measures; its recovery procedure set in advance — and the systems in
 * operation without one.
 */
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const tokyoDate = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const JUUMIN = gid('System', 'demo-juumin');
const FIELDS = `id version status lacksRecoveryProcedure unprotectedHazards viewerCanRecordResilience
  resilience { protections { hazard measure } failureMeasures recoveryProcedure { title location reviewedOn targetHours } recordedAt recordedBy { personId } }`;
const RECORD = `mutation($input: RecordSystemResilienceInput!) { recordSystemResilience(input: $input) { system { ${FIELDS} } userErrors { code message article field } } }`;
const SYSTEM = `query($id: ID!) { node(id: $id) { ... on System { ${FIELDS} auditTrail(first: 20) { nodes { action article } } } } }`;
const WITHOUT = `{ systemsWithoutRecoveryProcedure(first: 100) { nodes { id lacksRecoveryProcedure } } }`;

const system = async (id: string, who = 'shimin-manager') => (await api.data(who, SYSTEM, { id })).node;
const withoutIds = async () => (await api.data('shimin-staff', WITHOUT)).systemsWithoutRecoveryProcedure.nodes.map((n: { id: string }) => n.id);
const PROCEDURE = { title: '住民情報システム復旧手順書', location: '市民課キャビネット2', reviewedOn: tokyoDate(-1), targetHours: 12 };

describe('第18条第2項: the demo city', () => {
  it('the 住民情報システム and the 学習用端末管理システム are in operation without a recovery procedure; the groupware has one', async () => {
    const ids = await withoutIds();
    expect(ids).toEqual(expect.arrayContaining([JUUMIN, gid('System', 'demo-gakushu')]));
    expect(ids).not.toContain(gid('System', 'demo-groupware'));
    expect(ids).not.toContain(gid('System', 'demo-kenshin-yoyaku')); // decided, not installed: not in operation
    const groupware = await system(gid('System', 'demo-groupware'));
    expect(groupware).toMatchObject({ lacksRecoveryProcedure: false, unprotectedHazards: [], version: 2, resilience: { recordedBy: { personId: 'digital-manager' }, recoveryProcedure: { targetHours: 8 } } });
    expect(groupware.auditTrail.nodes).toEqual(expect.arrayContaining([{ action: 'system.resilienceRecorded', article: '第18条' }]));
    expect(await system(JUUMIN)).toMatchObject({ resilience: null, lacksRecoveryProcedure: true, unprotectedHazards: ['EARTHQUAKE', 'FIRE', 'OTHER_DISASTER', 'THEFT'], viewerCanRecordResilience: true });
  });
});

describe('第17条・第18条: recording the measures', () => {
  it('the system’s information manager records them: the system leaves the list; recording them without a procedure puts it back', async () => {
    let s = await system(JUUMIN);
    s = await ok(api, 'shimin-manager', RECORD, {
      systemId: JUUMIN,
      expectedVersion: s.version,
      protections: [{ hazard: 'EARTHQUAKE', measure: '免震ラック。' }, { hazard: 'THEFT', measure: 'サーバ室の施錠。' }],
      failureMeasures: '二重化と日次バックアップ。',
      recoveryProcedure: PROCEDURE,
    });
    expect(s).toMatchObject({ lacksRecoveryProcedure: false, unprotectedHazards: ['FIRE', 'OTHER_DISASTER'], resilience: { recoveryProcedure: PROCEDURE, recordedBy: { personId: 'shimin-manager' } } });
    expect(await withoutIds()).not.toContain(JUUMIN);
    s = await ok(api, 'soumu-director', RECORD, { systemId: JUUMIN, expectedVersion: s.version, protections: [{ hazard: 'FIRE', measure: '消火設備。' }] });
    expect(s).toMatchObject({ lacksRecoveryProcedure: true, resilience: { recoveryProcedure: null, failureMeasures: null } });
    expect(await withoutIds()).toContain(JUUMIN);
  });

  it('another department’s manager, staff and the general manager may not; a stale version is refused', async () => {
    const s = await system(JUUMIN);
    const input = { systemId: JUUMIN, expectedVersion: s.version, protections: [], recoveryProcedure: PROCEDURE };
    expect(await refused(api, 'kenkou-manager', RECORD, input)).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第17条', field: ['systemId'] })]);
    expect(await refused(api, 'shimin-staff', RECORD, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第17条' })]);
    expect(await refused(api, 'fuku-shichou', RECORD, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await refused(api, 'shimin-manager', RECORD, { ...input, expectedVersion: s.version - 1 })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    expect((await system(JUUMIN, 'kenkou-manager')).viewerCanRecordResilience).toBe(false);
  });

  it('one measure per hazard, each described; a procedure named, kept somewhere, reviewed by today', async () => {
    const s = await system(JUUMIN);
    const base = { systemId: JUUMIN, expectedVersion: s.version };
    expect(await refused(api, 'shimin-manager', RECORD, { ...base, protections: [{ hazard: 'FIRE', measure: 'a' }, { hazard: 'FIRE', measure: 'b' }] })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第17条', field: ['protections'] })]);
    expect(await refused(api, 'shimin-manager', RECORD, { ...base, protections: [{ hazard: 'FIRE', measure: ' ' }] })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第17条' })]);
    expect(await refused(api, 'shimin-manager', RECORD, { ...base, protections: [], recoveryProcedure: { ...PROCEDURE, reviewedOn: tokyoDate(1) } })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第18条第2項' })]);
    expect(await refused(api, 'shimin-manager', RECORD, { ...base, protections: [], recoveryProcedure: { ...PROCEDURE, location: ' ' } })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第18条第2項' })]);
  });

  it('the list follows the system’s status: a system registered is not in operation; the list changes as soon as a write does', async () => {
    const registered = await ok(api, 'shimin-manager', `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id lacksRecoveryProcedure } userErrors { code message } } }`, {
      name: '窓口予約システム', category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: gid('Department', 'shimin'),
    });
    expect(registered.lacksRecoveryProcedure).toBe(false);
    expect(await withoutIds()).not.toContain(registered.id);
  });

  it('two records at once from the same version: exactly one is written', async () => {
    const s = await system(JUUMIN);
    const input = { systemId: JUUMIN, expectedVersion: s.version, protections: [{ hazard: 'THEFT', measure: '施錠。' }], recoveryProcedure: PROCEDURE };
    const [a, b] = await Promise.all([api.data('shimin-manager', RECORD, { input }), api.data('soumu-director', RECORD, { input })]);
    const errors = [a, b].map((r) => r.recordSystemResilience.userErrors);
    expect(errors.filter((e) => e.length === 0)).toHaveLength(1);
    expect(errors.flat()).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
  });
});
