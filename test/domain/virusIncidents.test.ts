/**
 * コンピュータウィルス対策 (第26条): the duty on infection, in order, each step by the one the article names; an incident
 * closes only when every step is done and the question of personal information is answered.
 */
import {
  INCIDENT_STEPS,
  VirusIncident,
  assertMayDesignate,
  assessPersonalInformation,
  closeIncident,
  departmentInCharge,
  designateRemovalManager,
  mayReadIncidents,
  missingForClosure,
  nextStep,
  openIncident,
  recordStep,
} from '../../functions/domain/virusIncidents';
import { NOW, administrator, digitalManager, generalManager, kenkouManager, refusal, shiminManager, shiminStaff, system } from '../support/domain';

const T = (minutes: number) => new Date(Date.parse(NOW) - 600 * 60_000 + minutes * 60_000).toISOString();

function opened(): VirusIncident {
  return openIncident(shiminManager, system(), { device: '市民課 端末 PC-12', detectedAt: T(0), suspected: true, description: '不審な添付ファイルを開いた。' }, 'inc1', NOW);
}

function apply(i: VirusIncident, patch: Partial<VirusIncident>): VirusIncident {
  return { ...i, ...patch, version: i.version + 1 };
}

/** The incident with its first `n` steps done, the removal designated to デジタル推進課長. */
function through(n: number): VirusIncident {
  let i = opened();
  for (const [k, step] of INCIDENT_STEPS.slice(0, n).entries()) {
    if (step === 'VIRUS_REMOVED') i = apply(i, designateRemovalManager(administrator, i, digitalManager, NOW));
    const who = step === 'VIRUS_REMOVED' || step === 'OTHERS_NOTIFIED' ? digitalManager : shiminManager;
    i = apply(i, recordStep(who, i, { step, at: T(10 * (k + 1)) }, NOW));
  }
  return i;
}

describe('第26条第1項–第3項: the information manager in charge of the work', () => {
  it('業務系: the department whose work it is; 情報系: the department the system administrator designated', () => {
    expect(departmentInCharge(system())).toBe('shimin');
    expect(departmentInCharge(system({ category: 'INFORMATION', owningDepartmentId: 'soumu', maintenance: { departmentId: 'digital', basis: 'DESIGNATED', assignedBy: 'soumu-director', assignedAt: NOW } }))).toBe('digital');
  });

  it("第26条第3項: 市民課's manager records an incident of its system; another department's manager and staff cannot", () => {
    expect(opened()).toMatchObject({ departmentId: 'shimin', status: 'OPEN', steps: [], personalInformation: 'UNDER_INVESTIGATION' });
    expect(refusal(() => openIncident(kenkouManager, system(), { device: 'PC', detectedAt: T(0), suspected: false, description: 'x' }, 'i', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第26条第3項' });
    expect(refusal(() => openIncident(shiminStaff, system(), { device: 'PC', detectedAt: T(0), suspected: false, description: 'x' }, 'i', NOW))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a detection in the future is refused', () => {
    expect(refusal(() => openIncident(shiminManager, system(), { device: 'PC', detectedAt: '2099-01-01T00:00:00Z', suspected: false, description: 'x' }, 'i', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['detectedAt'] });
  });
});

describe('第26条第3項・第4項: the steps come in order', () => {
  it('disconnect first: reporting before disconnecting is refused', () => {
    expect(refusal(() => recordStep(shiminManager, opened(), { step: 'REPORTED', at: T(5) }, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第26条第3項', field: ['step'] });
  });

  it('each step once', () => {
    expect(refusal(() => recordStep(shiminManager, through(1), { step: 'DISCONNECTED', at: T(20) }, NOW)).message).toBe('ネットワークからの切離しは既に記録されています。');
  });

  it('a step cannot be timed before the step it follows', () => {
    expect(refusal(() => recordStep(shiminManager, through(1), { step: 'REPORTED', at: T(5) }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['at'] });
  });

  it("the three steps of 第3項 are the manager in charge's", () => {
    expect(refusal(() => recordStep(kenkouManager, through(1), { step: 'REPORTED', at: T(20) }, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第26条第3項' });
    expect(nextStep(through(3))).toBe('VIRUS_REMOVED');
  });

  it('第26条第4項: the virus is removed only by the manager the system administrator designated', () => {
    const waiting = through(3);
    expect(refusal(() => recordStep(digitalManager, waiting, { step: 'VIRUS_REMOVED', at: T(40) }, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第26条第4項' });
    expect(refusal(() => designateRemovalManager(shiminManager, waiting, digitalManager, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第26条第4項' });
    expect(refusal(() => designateRemovalManager(administrator, waiting, shiminStaff, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['managerId'] });
    const designated = apply(waiting, designateRemovalManager(administrator, waiting, digitalManager, NOW));
    expect(refusal(() => recordStep(shiminManager, designated, { step: 'VIRUS_REMOVED', at: T(40) }, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第26条第4項' });
    expect(recordStep(digitalManager, designated, { step: 'VIRUS_REMOVED', at: T(40) }, NOW).steps?.at(-1)).toEqual({ step: 'VIRUS_REMOVED', at: T(40), by: 'digital-manager' });
  });

  it('第26条第4項: notice to other managers may be found not needed, with the reason', () => {
    const removed = through(4);
    expect(refusal(() => recordStep(digitalManager, removed, { step: 'OTHERS_NOTIFIED', at: T(50), notNeeded: true }, NOW))).toMatchObject({ field: ['note'] });
    expect(recordStep(digitalManager, removed, { step: 'OTHERS_NOTIFIED', at: T(50), notNeeded: true, note: '単独端末で拡散なし。' }, NOW).steps?.at(-1)).toMatchObject({ notNeeded: true });
    expect(refusal(() => recordStep(shiminManager, through(0), { step: 'DISCONNECTED', at: T(1), notNeeded: true, note: 'x' }, NOW))).toMatchObject({ field: ['notNeeded'] });
  });
});

describe('closing: every step done and personal information answered', () => {
  it('an incident cannot close with a step missing, and says which', () => {
    const r = refusal(() => closeIncident(administrator, through(4), NOW));
    expect(r).toMatchObject({ code: 'INVALID_STATE', article: '第26条第4項' });
    expect(r.message).toMatch(/OTHERS_NOTIFIED/);
  });

  it('with every step done, the personal-information question still keeps it open', () => {
    expect(missingForClosure(through(5))).toEqual(['PERSONAL_INFORMATION_ASSESSMENT']);
    expect(refusal(() => closeIncident(administrator, through(5), NOW))).toMatchObject({ article: '第13条' });
  });

  it('personal information affected: the decision to report outside is recorded before closing', () => {
    const done = through(5);
    const affected = apply(done, assessPersonalInformation(shiminManager, done, { impact: 'AFFECTED' }, NOW));
    expect(missingForClosure(affected)).toEqual(['OUTSIDE_REPORT_DECISION']);
    const decided = apply(affected, assessPersonalInformation(administrator, affected, { impact: 'AFFECTED', reportOutside: true, reason: '個人情報保護委員会へ報告。' }, NOW));
    expect(decided.outsideReport).toMatchObject({ report: true, decidedBy: 'soumu-director' });
    expect(closeIncident(administrator, decided, NOW)).toEqual({ status: 'CLOSED', closedAt: NOW });
  });

  it('no outside-report decision without affected personal information; a decision needs its reason', () => {
    const done = through(5);
    expect(refusal(() => assessPersonalInformation(shiminManager, done, { impact: 'NOT_AFFECTED', reportOutside: false, reason: 'x' }, NOW))).toMatchObject({ field: ['reportOutside'] });
    expect(refusal(() => assessPersonalInformation(shiminManager, done, { impact: 'AFFECTED', reportOutside: false }, NOW))).toMatchObject({ field: ['reason'] });
  });

  it('only the system administrator closes, and a closed incident takes no more steps', () => {
    const done = through(5);
    const clear = apply(done, assessPersonalInformation(shiminManager, done, { impact: 'NOT_AFFECTED' }, NOW));
    expect(refusal(() => closeIncident(shiminManager, clear, NOW))).toMatchObject({ code: 'FORBIDDEN' });
    const closed = apply(clear, closeIncident(administrator, clear, NOW));
    expect(refusal(() => closeIncident(administrator, closed, NOW))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => assessPersonalInformation(administrator, closed, { impact: 'AFFECTED' }, NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('第26条第4項: who may designate, and who reads incidents', () => {
  it('the system administrator designates while the virus is not yet removed and the incident is open', () => {
    expect(() => assertMayDesignate(administrator, through(3), NOW)).not.toThrow();
    expect(refusal(() => assertMayDesignate(shiminManager, through(3), NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第26条第4項' });
    expect(refusal(() => assertMayDesignate(administrator, through(4), NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });
  it('the system administrator, the general manager and the information managers read incidents; staff do not', () => {
    expect([administrator, generalManager, kenkouManager, shiminStaff].map((a) => mayReadIncidents(a, NOW))).toEqual([true, true, true, false]);
  });
});
