/** 保守対策・障害対策 (第17条, 第18条): protection, failure measures and recovery procedures, and the finding when they lack. */
import { assertMayRecord, lacksRecoveryProcedure, recordResilience, unprotectedHazards, validateResilience } from '../../functions/domain/resilience';
import { systemItem } from '../../functions/store/systems';
import { NOW, administrator, kenkouManager, refusal, shiminManager, shiminStaff, system } from '../support/domain';

const procedure = { title: '住民情報システム障害時復旧手順書', location: '共有フォルダ/情報システム/復旧', reviewedOn: '2026-04-01', targetHours: 4 };

describe('第18条第2項: recovery procedures defined in advance', () => {
  it('an installed system without them is a finding; with them it is not', () => {
    expect(lacksRecoveryProcedure(system(), undefined)).toBe(true);
    expect(lacksRecoveryProcedure(system(), { recoveryProcedure: procedure })).toBe(false);
  });
  it('a system not in operation (decided, abolished) is not a finding yet', () => {
    expect(lacksRecoveryProcedure(system({ status: 'DECIDED' }), undefined)).toBe(false);
    expect(lacksRecoveryProcedure(system({ status: 'ABOLISHED' }), undefined)).toBe(false);
  });
  it('a procedure names its document and where it is kept, reviewed on a past date', () => {
    expect(refusal(() => validateResilience({ protections: [], recoveryProcedure: { ...procedure, location: '' } }, NOW))).toMatchObject({ article: '第18条第2項', field: ['recoveryProcedure'] });
    expect(refusal(() => validateResilience({ protections: [], recoveryProcedure: { ...procedure, reviewedOn: '2099-01-01' } }, NOW))).toMatchObject({ field: ['recoveryProcedure', 'reviewedOn'] });
    expect(refusal(() => validateResilience({ protections: [], recoveryProcedure: { ...procedure, targetHours: 0 } }, NOW))).toMatchObject({ field: ['recoveryProcedure', 'targetHours'] });
  });
});

describe('第17条: earthquake, fire, other disasters and theft', () => {
  it('lists the hazards without a measure', () => {
    expect(unprotectedHazards(undefined)).toEqual(['EARTHQUAKE', 'FIRE', 'OTHER_DISASTER', 'THEFT']);
    expect(unprotectedHazards({ protections: [{ hazard: 'FIRE', measure: 'ガス消火設備' }, { hazard: 'THEFT', measure: '入退室管理' }] })).toEqual(['EARTHQUAKE', 'OTHER_DISASTER']);
  });
  it('one measure per hazard, each described', () => {
    expect(refusal(() => validateResilience({ protections: [{ hazard: 'FIRE', measure: 'a' }, { hazard: 'FIRE', measure: 'b' }] }, NOW))).toMatchObject({ article: '第17条' });
    expect(refusal(() => validateResilience({ protections: [{ hazard: 'FIRE', measure: ' ' }] }, NOW))).toMatchObject({ article: '第17条' });
  });
});

describe('第17条・第18条: 情報システム管理者及び情報管理責任者', () => {
  it('the system administrator and the system’s own manager record; others cannot', () => {
    expect(() => assertMayRecord(administrator, system(), NOW, '第18条第2項')).not.toThrow();
    expect(() => assertMayRecord(shiminManager, system(), NOW, '第18条第2項')).not.toThrow();
    expect(refusal(() => assertMayRecord(kenkouManager, system(), NOW, '第18条第2項'))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第18条第2項' });
    expect(refusal(() => assertMayRecord(shiminStaff, system(), NOW, '第17条'))).toMatchObject({ code: 'FORBIDDEN', article: '第17条' });
  });
  it('the manager of the department that maintains it may record too', () => {
    const maintained = system({ maintenance: { departmentId: 'kenkou', basis: 'AGREED_OVERRIDE', assignedBy: 'x', assignedAt: NOW } });
    expect(() => assertMayRecord(kenkouManager, maintained, NOW, '第17条')).not.toThrow();
  });
});

describe('第17条・第18条: recording the measures on the system', () => {
  it('the system administrator or the system’s information manager records them, trimmed and signed', () => {
    const r = recordResilience(shiminManager, system(), { protections: [{ hazard: 'FIRE', measure: ' 消火設備。 ' }], failureMeasures: ' ', recoveryProcedure: procedure }, NOW);
    expect(r).toEqual({ protections: [{ hazard: 'FIRE', measure: '消火設備。' }], failureMeasures: undefined, recoveryProcedure: procedure, recordedBy: 'shimin-manager', recordedAt: NOW });
    expect(() => recordResilience(administrator, system(), { protections: [] }, NOW)).not.toThrow();
  });
  it('refused to others, for an abolished system, and when the measures are not described', () => {
    expect(refusal(() => recordResilience(kenkouManager, system(), { protections: [] }, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第17条' });
    expect(refusal(() => recordResilience(shiminManager, system({ status: 'ABOLISHED' }), { protections: [] }, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第17条' });
    expect(refusal(() => recordResilience(shiminManager, system(), { protections: [{ hazard: 'THEFT', measure: '' }] }, NOW))).toMatchObject({ code: 'INVALID_VALUE' });
  });
  it('第18条第2項: the system item is in the list of systems without a recovery procedure exactly while it lacks one', () => {
    expect(systemItem(system())).toMatchObject({ duePk: 'NO_RECOVERY_PROCEDURE', dueSk: system().id });
    const resilience = { protections: [], recoveryProcedure: procedure, recordedBy: 'x', recordedAt: NOW };
    expect(systemItem(system({ resilience }))).not.toHaveProperty('duePk');
    expect(systemItem(system({ status: 'DECIDED' }))).not.toHaveProperty('duePk');
    expect(systemItem(system({ status: 'ABOLISHED' }))).not.toHaveProperty('duePk');
  });
});
