/**
 * 第29条: 総括管理責任者は、その時点で考えられるセキュリティシステムや方式を採用し、必要な措置を講じる — the security
 * guideline, drafted by the system administrator or the general manager, approved by the general manager, and
 * acknowledged by every member of staff.
 */
import { acknowledgementIn, guidelineActions, mayReadAcknowledgement, securityGuideline } from '../../functions/domain/securityGuideline';
import { NOW, administrator, generalManager, refusal, shiminManager, shiminStaff } from '../support/domain';

const draft = securityGuideline.draft(administrator, { title: 'セキュリティ指針', content: '画面ロックは5分。' }, 'g2', NOW).record;
const LATER = '2026-06-16T03:00:00Z';

describe('第29条: a version is drafted and approved by the general manager', () => {
  it('第29条: the system administrator (第4条) or the general manager drafts; no one else', () => {
    expect(draft).toMatchObject({ id: 'g2', status: 'DRAFT', draftedBy: 'soumu-director', version: 1 });
    expect(securityGuideline.draft(generalManager, { title: 't', content: 'c' }, 'g', NOW).record.status).toBe('DRAFT');
    expect(refusal(() => securityGuideline.draft(shiminManager, { title: 't', content: 'c' }, 'g', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第29条' });
    expect(refusal(() => securityGuideline.draft(administrator, { title: 't', content: ' ' }, 'g', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['content'] });
  });

  it('第29条: only the general manager approves; a version is approved once', () => {
    expect(refusal(() => securityGuideline.approve(administrator, draft, undefined, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第29条' });
    const approved = securityGuideline.approve(generalManager, draft, undefined, NOW).record;
    expect(approved).toMatchObject({ status: 'IN_FORCE', edition: 1, approvedBy: 'fuku-shichou', approvedAt: NOW, version: 2 });
    expect(refusal(() => securityGuideline.approve(generalManager, approved, undefined, NOW))).toMatchObject({ code: 'ALREADY_DECIDED' });
    expect(guidelineActions(generalManager, draft, NOW, undefined).approve).toBe(true);
    expect(guidelineActions(administrator, draft, NOW, undefined).approve).toBe(false);
  });

  it('第29条: the version approved supersedes the one in force, written at the version read, each with its audit event', () => {
    const current = securityGuideline.approve(generalManager, draft, undefined, NOW).record;
    const next = securityGuideline.draft(administrator, { title: '改定', content: '画面ロックは3分。' }, 'g3', NOW).record;
    const t = securityGuideline.approve(generalManager, next, current, LATER);
    expect(t.record).toMatchObject({ id: 'g3', status: 'IN_FORCE', edition: 2 });
    expect(t.changes.map((c) => [c.action, c.before?.version, (c.after as unknown as { status: string }).status])).toEqual([
      ['securityGuideline.approved', 1, 'IN_FORCE'],
      ['securityGuideline.superseded', 2, 'SUPERSEDED'],
    ]);
  });
});

describe('第29条: staff acknowledge the version in force, once each', () => {
  const inForce = securityGuideline.approve(generalManager, draft, undefined, NOW).record;

  it('any member of staff acknowledges the version in force: an object of its own, one per person and version', () => {
    const t = securityGuideline.acknowledge(shiminStaff, inForce, undefined, LATER);
    expect(t.record).toMatchObject({ id: 'g2.shimin-staff', guidelineId: 'g2', personId: 'shimin-staff', departmentId: 'shimin', acknowledgedAt: LATER });
    expect(t.changes).toEqual([expect.objectContaining({ kind: 'SecurityGuidelineAcknowledgement', action: 'securityGuideline.acknowledged', article: '第29条' })]);
    expect(refusal(() => securityGuideline.acknowledge(shiminStaff, inForce, t.record, LATER))).toMatchObject({ code: 'DUPLICATE', article: '第29条' });
    expect(guidelineActions(shiminStaff, inForce, LATER, t.record).acknowledge).toBe(false);
    expect(guidelineActions(shiminStaff, inForce, LATER, undefined).acknowledge).toBe(true);
  });

  it('a draft, or a version superseded, is not acknowledged', () => {
    expect(refusal(() => securityGuideline.acknowledge(shiminStaff, draft, undefined, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第29条' });
    expect(refusal(() => securityGuideline.acknowledge(shiminStaff, { ...inForce, status: 'SUPERSEDED' }, undefined, NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('第29条: an acknowledgement is read by the person, the system administrator and the general manager', () => {
    const a = { personId: 'shimin-staff' };
    expect([shiminStaff, administrator, generalManager, shiminManager].map((v) => mayReadAcknowledgement(v, a, NOW))).toEqual([true, true, true, false]);
  });

  it('who of a department has acknowledged and who has not', () => {
    const staff = [{ id: 'c' }, { id: 'a' }, { id: 'b' }];
    expect(acknowledgementIn(staff, [{ personId: 'b' }, { personId: 'elsewhere' }])).toEqual({ acknowledged: [{ id: 'b' }], notAcknowledged: [{ id: 'a' }, { id: 'c' }] });
  });
});
