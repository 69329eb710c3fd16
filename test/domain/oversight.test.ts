/** 調査・指導・研修 (第19条–第21条): the system administrator's oversight, and proposals followed to completion. */
import {
  Investigation,
  acknowledgeGuidance,
  addFinding,
  addProposal,
  closeInvestigation,
  giveGuidance,
  overdueProposals,
  recordAttendance,
  reportProposalDone,
  reviewProposal,
  scheduleTraining,
  startInvestigation,
} from '../../functions/domain/oversight';
import { NOW, administrator, kenkouManager, refusal, shiminManager, shiminStaff } from '../support/domain';

const apply = <T extends { version: number }>(o: T, patch: Partial<T>): T => ({ ...o, ...patch, version: o.version + 1 });

function investigated(): Investigation {
  let i = startInvestigation(administrator, 'juumin', { purpose: '窓口システムの運用状況', startedOn: '2026-06-01' }, 'inv1', NOW);
  i = apply(i, addFinding(administrator, i, { perspective: 'SAFETY', text: '共用IDの利用がある。' }, 'f1', NOW));
  i = apply(i, addProposal(administrator, i, { text: '個人IDへの切替え。', departmentId: 'shimin', findingId: 'f1', dueOn: '2026-09-30' }, 'p1', NOW));
  return i;
}

describe('第19条: investigations by the system administrator', () => {
  it('only the system administrator investigates, finds and proposes', () => {
    expect(refusal(() => startInvestigation(shiminManager, 'juumin', { purpose: 'x', startedOn: '2026-06-01' }, 'i', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第19条' });
    expect(refusal(() => addFinding(shiminManager, investigated(), { perspective: 'ECONOMY', text: 'x' }, 'f', NOW))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('findings stand under 信頼性, 有効性, 経済性, 安全性 (or another standpoint)', () => {
    expect(investigated().findings).toEqual([{ id: 'f1', perspective: 'SAFETY', text: '共用IDの利用がある。' }]);
  });

  it('a proposal answers a finding of the same investigation, due from today on', () => {
    const i = investigated();
    expect(refusal(() => addProposal(administrator, i, { text: 'x', departmentId: 'shimin', findingId: 'nope' }, 'p', NOW))).toMatchObject({ code: 'NOT_FOUND', field: ['findingId'] });
    expect(refusal(() => addProposal(administrator, i, { text: 'x', departmentId: 'shimin', dueOn: '2020-01-01' }, 'p', NOW))).toMatchObject({ field: ['dueOn'] });
  });

  it('followed to completion: the department reports it done, the system administrator accepts, then the investigation closes', () => {
    let i = investigated();
    expect(refusal(() => closeInvestigation(administrator, i, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第19条' });
    expect(refusal(() => reportProposalDone(kenkouManager, i, 'p1', '済', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT' });
    expect(refusal(() => reportProposalDone(shiminStaff, i, 'p1', '済', NOW))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(() => reviewProposal(administrator, i, 'p1', true, NOW))).toMatchObject({ code: 'INVALID_STATE' });
    i = apply(i, reportProposalDone(shiminManager, i, 'p1', '全職員に個人IDを発行した。', NOW));
    i = apply(i, reviewProposal(administrator, i, 'p1', false, NOW));
    expect(i.proposals[0].status).toBe('OPEN');
    i = apply(i, reportProposalDone(shiminManager, i, 'p1', '共用IDを廃止した。', NOW));
    i = apply(i, reviewProposal(administrator, i, 'p1', true, NOW));
    expect(i.proposals[0]).toMatchObject({ status: 'COMPLETED', completedOn: '2026-06-15' });
    i = apply(i, closeInvestigation(administrator, i, NOW));
    expect(i.status).toBe('CLOSED');
    expect(refusal(() => addFinding(administrator, i, { perspective: 'OTHER', text: 'x' }, 'f', NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a proposal past its due date and not completed is overdue', () => {
    const i = investigated();
    expect(overdueProposals(i, NOW)).toEqual([]);
    expect(overdueProposals(i, '2026-10-01T03:00:00Z').map((p) => p.id)).toEqual(['p1']);
  });
});

describe('第20条: guidance and advice', () => {
  const guidance = () => giveGuidance(administrator, { departmentId: 'shimin', kind: 'GUIDANCE', subject: 'パスワード管理', content: '年1回以上の更新を徹底すること。', givenOn: '2026-06-10' }, 'g1', NOW);
  it('given by the system administrator; acknowledged by the manager of that department', () => {
    expect(refusal(() => giveGuidance(shiminManager, { departmentId: 'kenkou', kind: 'ADVICE', subject: 's', content: 'c', givenOn: '2026-06-10' }, 'g', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第20条' });
    const g = guidance();
    expect(refusal(() => acknowledgeGuidance(kenkouManager, g, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第20条' });
    const ack = apply(g, acknowledgeGuidance(shiminManager, g, NOW));
    expect(ack.acknowledgedBy).toBe('shimin-manager');
    expect(refusal(() => acknowledgeGuidance(shiminManager, ack, NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('第21条: training', () => {
  it('held by the system administrator; attendance recorded after it is held, each person once', () => {
    expect(refusal(() => scheduleTraining(shiminManager, { title: '情報セキュリティ研修', content: '', heldOn: '2026-06-10' }, 't', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第21条' });
    const t = scheduleTraining(administrator, { title: '情報セキュリティ研修', content: '標的型メール対策', heldOn: '2026-06-10' }, 't1', NOW);
    expect(recordAttendance(administrator, t, ['shimin-staff', 'kenkou-staff'], NOW)).toEqual({ attendeeIds: ['kenkou-staff', 'shimin-staff'] });
    expect(refusal(() => recordAttendance(administrator, { ...t, heldOn: '2026-07-01' }, ['shimin-staff'], NOW))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => recordAttendance(administrator, t, ['a', 'a'], NOW))).toMatchObject({ code: 'INVALID_VALUE' });
  });
});
