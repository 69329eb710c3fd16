/**
 * The workflow every form shares (様式第1号–第3号 and those to come): draft → submitted → approved / rejected /
 * returned for revision; withdrawn by the applicant. The answer to a form (様式第4号・第7号・第9号) is its Decision.
 */
import {
  APPLICATION_STATUSES,
  ApplicationState,
  ApplicationStatus,
  assertEditable,
  assertVersion,
  decide,
  isFinal,
  isRefusal,
  permittedActions,
  submit,
  withdraw,
} from '../../functions/domain/workflow';
import { NOW, refusal } from '../support/domain';

const APPLICANT = 'shimin-manager';
const ADMINISTRATOR = 'soumu-director';
const ARTICLE = '第7条';

function state(status: ApplicationStatus, extra: Partial<ApplicationState> = {}): ApplicationState {
  const decided = status === 'APPROVED' || status === 'REJECTED' || status === 'RETURNED';
  return {
    status,
    applicantId: APPLICANT,
    version: 3,
    ...(status !== 'DRAFT' ? { submittedAt: '2026-06-01T00:00:00Z' } : {}),
    ...(decided
      ? { decision: { outcome: status, decidedBy: ADMINISTRATOR, decidedAt: '2026-06-02T00:00:00Z', reason: status === 'APPROVED' ? undefined : '理由', conditions: [] } }
      : {}),
    ...(status === 'WITHDRAWN' ? { withdrawnAt: '2026-06-02T00:00:00Z' } : {}),
    ...extra,
  };
}

describe('statuses', () => {
  it('approved, rejected and withdrawn are final; draft, submitted and returned are not', () => {
    expect(APPLICATION_STATUSES.filter(isFinal)).toEqual(['APPROVED', 'REJECTED', 'WITHDRAWN']);
  });
});

describe('submit: the applicant submits in advance (あらかじめ)', () => {
  it.each(['DRAFT', 'RETURNED'] as const)('a %s application is submitted by its applicant', (status) => {
    expect(submit(state(status), APPLICANT, NOW)).toEqual({ status: 'SUBMITTED', submittedAt: NOW });
  });

  it.each(['SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const)('a %s application cannot be submitted (INVALID_STATE)', (status) => {
    expect(refusal(() => submit(state(status), APPLICANT, NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('only the applicant submits (FORBIDDEN)', () => {
    expect(refusal(() => submit(state('DRAFT'), 'kenkou-manager', NOW))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('assertEditable: drafts and returned applications are revised by their applicant', () => {
  it.each(['DRAFT', 'RETURNED'] as const)('a %s application can be revised', (status) => {
    expect(() => assertEditable(state(status), APPLICANT)).not.toThrow();
  });

  it.each(['SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const)('a %s application cannot be revised (INVALID_STATE)', (status) => {
    expect(refusal(() => assertEditable(state(status), APPLICANT))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('no one else revises it (FORBIDDEN), not even the system administrator', () => {
    expect(refusal(() => assertEditable(state('DRAFT'), ADMINISTRATOR))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('withdraw: the applicant withdraws until it is decided', () => {
  it.each(['DRAFT', 'SUBMITTED', 'RETURNED'] as const)('a %s application is withdrawn', (status) => {
    expect(withdraw(state(status), APPLICANT, NOW)).toEqual({ status: 'WITHDRAWN', withdrawnAt: NOW });
  });

  it.each(['APPROVED', 'REJECTED'] as const)('a %s application cannot be withdrawn after the decision (ALREADY_DECIDED)', (status) => {
    expect(refusal(() => withdraw(state(status), APPLICANT, NOW))).toMatchObject({ code: 'ALREADY_DECIDED' });
  });

  it('a withdrawn application cannot be withdrawn again (INVALID_STATE)', () => {
    expect(refusal(() => withdraw(state('WITHDRAWN'), APPLICANT, NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('only the applicant withdraws (FORBIDDEN)', () => {
    expect(refusal(() => withdraw(state('SUBMITTED'), ADMINISTRATOR, NOW))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('decide: the decider answers a submitted application', () => {
  it('approves, recording who, when and the conditions (trimmed, blanks dropped)', () => {
    expect(decide(state('SUBMITTED'), ADMINISTRATOR, { outcome: 'APPROVED', conditions: [' 個人情報保護評価を実施すること ', '  '] }, NOW, ARTICLE)).toEqual({
      status: 'APPROVED',
      decision: { outcome: 'APPROVED', decidedBy: ADMINISTRATOR, decidedAt: NOW, reason: undefined, conditions: ['個人情報保護評価を実施すること'] },
    });
  });

  it('an approval may state a reason and has no conditions unless given', () => {
    expect(decide(state('SUBMITTED'), ADMINISTRATOR, { outcome: 'APPROVED', reason: ' 妥当 ' }, NOW, ARTICLE).decision).toEqual({
      outcome: 'APPROVED',
      decidedBy: ADMINISTRATOR,
      decidedAt: NOW,
      reason: '妥当',
      conditions: [],
    });
  });

  it.each(['REJECTED', 'RETURNED'] as const)('%s with its reason', (outcome) => {
    expect(decide(state('SUBMITTED'), ADMINISTRATOR, { outcome, reason: ' 費用対効果が不明 ' }, NOW, ARTICLE)).toEqual({
      status: outcome,
      decision: { outcome, decidedBy: ADMINISTRATOR, decidedAt: NOW, reason: '費用対効果が不明', conditions: [] },
    });
  });

  it.each(['REJECTED', 'RETURNED'] as const)('%s needs a reason (INVALID_VALUE on reason, citing the form’s article)', (outcome) => {
    for (const reason of [undefined, '', '   ']) {
      expect(refusal(() => decide(state('SUBMITTED'), ADMINISTRATOR, { outcome, reason }, NOW, ARTICLE))).toMatchObject({
        code: 'INVALID_VALUE',
        article: ARTICLE,
        field: ['reason'],
      });
    }
  });

  it.each(['REJECTED', 'RETURNED'] as const)('conditions belong to an approval only: %s with conditions is refused', (outcome) => {
    expect(refusal(() => decide(state('SUBMITTED'), ADMINISTRATOR, { outcome, reason: '理由', conditions: ['条件'] }, NOW, ARTICLE))).toMatchObject({
      code: 'INVALID_VALUE',
      article: ARTICLE,
      field: ['conditions'],
    });
  });

  it('no one decides their own application (SELF_DECISION)', () => {
    expect(refusal(() => decide(state('SUBMITTED'), APPLICANT, { outcome: 'APPROVED' }, NOW, '第9条'))).toMatchObject({
      code: 'SELF_DECISION',
      article: '第9条',
    });
  });

  it('a draft awaits submission, not a decision (INVALID_STATE)', () => {
    expect(refusal(() => decide(state('DRAFT'), ADMINISTRATOR, { outcome: 'APPROVED' }, NOW, ARTICLE))).toMatchObject({
      code: 'INVALID_STATE',
      article: ARTICLE,
    });
  });

  it.each(['APPROVED', 'REJECTED', 'RETURNED'] as const)('a %s application is not decided again (ALREADY_DECIDED)', (status) => {
    expect(refusal(() => decide(state(status), ADMINISTRATOR, { outcome: 'APPROVED' }, NOW, ARTICLE))).toMatchObject({
      code: 'ALREADY_DECIDED',
      article: ARTICLE,
    });
  });

  it('a WITHDRAWN application is not decided: the applicant took it back (INVALID_STATE)', () => {
    expect(refusal(() => decide(state('WITHDRAWN'), ADMINISTRATOR, { outcome: 'APPROVED' }, NOW, ARTICLE))).toMatchObject({
      code: 'INVALID_STATE',
      article: ARTICLE,
    });
  });

  it('returned, revised, resubmitted and approved', () => {
    let s = state('SUBMITTED');
    s = { ...s, ...decide(s, ADMINISTRATOR, { outcome: 'RETURNED', reason: '経費の内訳を添付すること' }, NOW, ARTICLE) };
    expect(s.status).toBe('RETURNED');
    expect(() => assertEditable(s, APPLICANT)).not.toThrow();
    s = { ...s, ...submit(s, APPLICANT, '2026-06-16T00:00:00Z') };
    expect(s).toMatchObject({ status: 'SUBMITTED', submittedAt: '2026-06-16T00:00:00Z' });
    s = { ...s, ...decide(s, ADMINISTRATOR, { outcome: 'APPROVED' }, '2026-06-17T00:00:00Z', ARTICLE) };
    expect(s).toMatchObject({ status: 'APPROVED', decision: { outcome: 'APPROVED', decidedAt: '2026-06-17T00:00:00Z', reason: undefined } });
    expect(refusal(() => withdraw(s, APPLICANT, NOW))).toMatchObject({ code: 'ALREADY_DECIDED' });
  });
});

describe('assertVersion: writes carry the version the client read', () => {
  it('the version read passes', () => {
    expect(() => assertVersion(3, 3)).not.toThrow();
  });

  it.each([2, 4])('version %i when the record is at 3 is stale (STALE_VERSION on expectedVersion)', (expected) => {
    expect(refusal(() => assertVersion(3, expected))).toMatchObject({ code: 'STALE_VERSION', field: ['expectedVersion'] });
  });
});

describe('permittedActions: what the viewer may do next (viewerCan*)', () => {
  const none = { edit: false, submit: false, withdraw: false, decide: false };
  const table: [ApplicationStatus, { edit: boolean; submit: boolean; withdraw: boolean; decide: boolean }, boolean][] = [
    // status, the applicant's actions, whether a decider who is not the applicant may decide
    ['DRAFT', { edit: true, submit: true, withdraw: true, decide: false }, false],
    ['SUBMITTED', { edit: false, submit: false, withdraw: true, decide: false }, true],
    ['RETURNED', { edit: true, submit: true, withdraw: true, decide: false }, false],
    ['APPROVED', none, false],
    ['REJECTED', none, false],
    ['WITHDRAWN', none, false],
  ];

  it.each(table)('%s: the applicant may %j', (status, applicant) => {
    expect(permittedActions(state(status), APPLICANT, false)).toEqual(applicant);
  });

  it.each(table)('%s: the decider may decide only when submitted', (status, _applicant, decides) => {
    expect(permittedActions(state(status), ADMINISTRATOR, true)).toEqual({ ...none, decide: decides });
  });

  it.each(table)('%s: someone who is neither applicant nor decider may do nothing', (status) => {
    expect(permittedActions(state(status), 'kenkou-manager', false)).toEqual(none);
  });

  it('an applicant who also holds the deciding role may not decide their own application', () => {
    expect(permittedActions(state('SUBMITTED'), APPLICANT, true)).toEqual({ edit: false, submit: false, withdraw: true, decide: false });
  });
});

describe('refusals', () => {
  it('isRefusal tells a rule’s refusal from a fault', () => {
    expect(isRefusal(refusal(() => assertVersion(1, 2)))).toBe(true);
    expect(isRefusal(new Error('fault'))).toBe(false);
  });
});
