/** 調査・指導・研修 (第19条–第21条): the system administrator's oversight, and proposals followed to completion. */
import {
  Finding,
  Investigation,
  Proposal,
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
import { investigation, investigationActions, proposalActions, training, trainingActions } from '../../functions/domain/oversight';
import { NOW, administrator, kenkouManager, refusal, shiminManager, shiminStaff } from '../support/domain';

const apply = <T extends { version: number }>(o: T, patch: Partial<T>): T => ({ ...o, ...patch, version: o.version + 1 });

/** An investigation with one finding (f1) and one proposal (p1) answering it: the parent and its children apart. */
function investigated(): { i: Investigation; finding: Finding; proposal: Proposal } {
  let i = startInvestigation(administrator, 'juumin', { purpose: '窓口システムの運用状況', startedOn: '2026-06-01' }, 'inv1', NOW);
  const f = addFinding(administrator, i, { perspective: 'SAFETY', text: '共用IDの利用がある。' }, 'f1', NOW);
  i = apply(i, f.patch);
  const p = addProposal(administrator, i, { text: '個人IDへの切替え。', departmentId: 'shimin', findingId: 'f1', dueOn: '2026-09-30' }, f.child, 'p1', NOW);
  i = apply(i, p.patch);
  return { i, finding: f.child, proposal: p.child };
}

describe('第19条: investigations by the system administrator', () => {
  it('only the system administrator investigates, finds and proposes', () => {
    expect(refusal(() => startInvestigation(shiminManager, 'juumin', { purpose: 'x', startedOn: '2026-06-01' }, 'i', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第19条' });
    expect(refusal(() => addFinding(shiminManager, investigated().i, { perspective: 'ECONOMY', text: 'x' }, 'f', NOW))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('findings stand under 信頼性, 有効性, 経済性, 安全性 (or another standpoint); each is an item of its own, counted on the investigation', () => {
    const { i, finding } = investigated();
    expect(finding).toEqual({ id: 'f1', investigationId: 'inv1', perspective: 'SAFETY', text: '共用IDの利用がある。', recordedBy: administrator.person.id, recordedAt: NOW, version: 1 });
    expect(i).toMatchObject({ findingCount: 1, proposalCount: 1, openProposalCount: 1 });
    expect(i).not.toHaveProperty('findings');
  });

  it('a proposal answers a finding of the same investigation, due from today on', () => {
    const { i, finding } = investigated();
    expect(refusal(() => addProposal(administrator, i, { text: 'x', departmentId: 'shimin', findingId: 'nope' }, undefined, 'p', NOW))).toMatchObject({ code: 'NOT_FOUND', field: ['findingId'] });
    expect(refusal(() => addProposal(administrator, i, { text: 'x', departmentId: 'shimin', findingId: 'nope' }, finding, 'p', NOW))).toMatchObject({ code: 'NOT_FOUND', field: ['findingId'] });
    expect(refusal(() => addProposal(administrator, i, { text: 'x', departmentId: 'shimin', dueOn: '2020-01-01' }, undefined, 'p', NOW))).toMatchObject({ field: ['dueOn'] });
  });

  it('followed to completion: the department reports it done, the system administrator accepts, then the investigation closes', () => {
    let { i, proposal: p } = investigated();
    const step = (c: { child: Proposal; patch: Partial<Investigation> }) => {
      p = c.child;
      i = apply(i, c.patch);
    };
    expect(refusal(() => closeInvestigation(administrator, i, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第19条' });
    expect(refusal(() => reportProposalDone(kenkouManager, i, p, '済', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT' });
    expect(refusal(() => reportProposalDone(shiminStaff, i, p, '済', NOW))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(() => reportProposalDone(shiminManager, i, undefined, '済', NOW))).toMatchObject({ code: 'NOT_FOUND', field: ['proposalId'] });
    expect(refusal(() => reportProposalDone(shiminManager, i, { ...p, investigationId: 'other' }, '済', NOW))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(() => reviewProposal(administrator, i, p, true, NOW))).toMatchObject({ code: 'INVALID_STATE' });
    step(reportProposalDone(shiminManager, i, p, '全職員に個人IDを発行した。', NOW));
    step(reviewProposal(administrator, i, p, false, NOW));
    expect(p).toMatchObject({ status: 'OPEN', version: 3 });
    expect(i.openProposalCount).toBe(1);
    step(reportProposalDone(shiminManager, i, p, '共用IDを廃止した。', NOW));
    step(reviewProposal(administrator, i, p, true, NOW));
    expect(p).toMatchObject({ status: 'COMPLETED', completedOn: '2026-06-15' });
    expect(i.openProposalCount).toBe(0);
    i = apply(i, closeInvestigation(administrator, i, NOW));
    expect(i.status).toBe('CLOSED');
    expect(refusal(() => addFinding(administrator, i, { perspective: 'OTHER', text: 'x' }, 'f', NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a proposal past its due date and not completed is overdue', () => {
    const { proposal } = investigated();
    expect(overdueProposals([proposal], NOW)).toEqual([]);
    expect(overdueProposals([proposal], '2026-10-01T03:00:00Z').map((p) => p.id)).toEqual(['p1']);
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
    expect(recordAttendance(administrator, t, ['shimin-staff', 'kenkou-staff'], [], NOW)).toEqual({ added: ['kenkou-staff', 'shimin-staff'], patch: { attendeeCount: 2 } });
    // One recorded already is not recorded twice.
    expect(recordAttendance(administrator, { ...t, attendeeCount: 2 }, ['shimin-staff', 'digital-staff'], ['shimin-staff'], NOW)).toEqual({ added: ['digital-staff'], patch: { attendeeCount: 3 } });
    expect(refusal(() => recordAttendance(administrator, { ...t, heldOn: '2026-07-01' }, ['shimin-staff'], [], NOW))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => recordAttendance(administrator, t, ['a', 'a'], [], NOW))).toMatchObject({ code: 'INVALID_VALUE' });
  });
});

describe('the transitions: a child of an investigation is a part beside it, recorded in the investigation’s event', () => {
  it('a new finding: the part must not exist yet; the event records the finding whole, without its version', () => {
    const { i } = investigated();
    const t = investigation.addFinding(administrator, i, { perspective: 'ECONOMY', text: '保守費が割高。' }, 'f2', NOW);
    expect(t.record).toMatchObject({ version: i.version + 1, findingCount: 2 });
    expect(t.parts).toEqual([{ part: 'InvestigationFinding', value: expect.objectContaining({ id: 'f2' }), expectedVersion: undefined }]);
    expect(t.changes[0]).toMatchObject({ action: 'investigation.findingAdded', article: '第19条' });
    expect((t.changes[0].recorded!.after as { finding: unknown }).finding).toEqual({ id: 'f2', investigationId: 'inv1', perspective: 'ECONOMY', text: '保守費が割高。', recordedBy: administrator.person.id, recordedAt: NOW });
  });

  it('a changed proposal: written at the version read; the event records the fields that changed', () => {
    const { i, proposal } = investigated();
    const t = investigation.reportDone(shiminManager, i, proposal, '個人IDを発行した。', NOW);
    expect(t.parts).toEqual([{ part: 'ImprovementProposal', value: expect.objectContaining({ status: 'REPORTED_DONE', version: 2 }), expectedVersion: 1 }]);
    expect(t.changes[0].recorded).toEqual({
      before: { proposal: { id: 'p1', status: 'OPEN' } },
      after: { proposal: { id: 'p1', status: 'REPORTED_DONE', reportedOn: '2026-06-15', reportNote: '個人IDを発行した。' } },
    });
    expect(proposalActions(shiminManager, proposal, NOW)).toEqual({ reportDone: true, review: false });
    expect(proposalActions(administrator, t.parts![0].value as typeof proposal, NOW)).toEqual({ reportDone: false, review: true });
  });

  it('what the viewer may do: the system administrator adds findings while open, and closes once every proposal is completed', () => {
    const { i } = investigated();
    expect(investigationActions(administrator, i, NOW)).toEqual({ addFindings: true, close: false });
    expect(investigationActions(shiminManager, i, NOW)).toEqual({ addFindings: false, close: false });
  });

  it('attendance: one part per person added, one event naming them', () => {
    const t = scheduleTraining(administrator, { title: '研修', content: '', heldOn: '2026-06-10' }, 't1', NOW);
    expect(trainingActions(administrator, t, NOW).recordAttendance).toBe(true);
    const recorded = training.recordAttendance(administrator, t, ['b', 'a'], [], NOW);
    expect(recorded.parts!.map((p) => p.value)).toEqual([{ training: recorded.record, personId: 'a' }, { training: recorded.record, personId: 'b' }]);
    expect(recorded.changes[0].recorded).toEqual({ before: { attendeeCount: 0 }, after: { attendeeCount: 2, attendeesAdded: ['a', 'b'] } });
  });
});
