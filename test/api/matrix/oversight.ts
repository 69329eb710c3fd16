/** Rows of the authorization matrix for 調査・指導・研修 (第19条–第21条): investigations, guidance and training. */
import { gid } from '../../support/api';
import { OK, Row, api, day, make, unique } from '../../support/matrix';

const F19 = 'FORBIDDEN 第19条';
const W19 = 'WRONG_DEPARTMENT 第19条';
const F20 = 'FORBIDDEN 第20条';
const W20 = 'WRONG_DEPARTMENT 第20条';
const F21 = 'FORBIDDEN 第21条';
const SHIMIN = () => gid('Department', 'shimin');

const investigation = () => make('soumu-director', 'startInvestigation', { systemId: gid('System', 'demo-juumin'), purpose: unique('権限表の調査'), startedOn: day(0) });
/** An investigation with one proposal to 市民課 (the first and only one), at the stage asked for. */
async function proposal(reported: boolean) {
  const i = await investigation();
  const proposed = await make('soumu-director', 'addImprovementProposal', { investigationId: i.id, expectedVersion: i.version, text: '手順書を整備すること。', departmentId: SHIMIN() });
  // The proposal's id: the fixture reads it back from the investigation.
  const data = await api.data('soumu-director', 'query($id: ID!) { node(id: $id) { ... on Investigation { proposals(first: 1) { nodes { proposalId } } } } }', { id: i.id });
  const proposalId = data.node.proposals.nodes[0].proposalId as string;
  if (!reported) return { id: i.id, version: proposed.version, proposalId };
  const done = await make('shimin-manager', 'reportImprovementDone', { investigationId: i.id, expectedVersion: proposed.version, proposalId, note: '整備した。' });
  return { id: i.id, version: done.version, proposalId };
}
const guidanceToShimin = () => make('soumu-director', 'giveGuidance', { departmentId: SHIMIN(), kind: 'ADVICE', subject: unique('助言'), content: '手順書を見直すこと。', givenOn: day(0) });
const trainingHeld = () => make('soumu-director', 'scheduleTraining', { title: unique('研修'), content: '情報セキュリティ。', heldOn: day(0) });

// prettier-ignore
export const rows: Row[] = [
  //                                 fuku-shichou   soumu-director   shimin-manager   kenkou-manager   soumu-manager   digital-manager   shimin-staff
  // 第19条: the system administrator investigates, records findings, proposes improvements, accepts them and closes.
  { mutation: 'startInvestigation', cells: [F19, OK, F19, F19, F19, F19, F19],
    input: async () => ({ systemId: gid('System', 'demo-juumin'), purpose: unique('調査'), startedOn: day(0) }) },
  { mutation: 'addInvestigationFinding', cells: [F19, OK, F19, F19, F19, F19, F19],
    input: async () => { const i = await investigation(); return { investigationId: i.id, expectedVersion: i.version, perspective: 'SAFETY', text: '画面ロックがない。' }; } },
  { mutation: 'addImprovementProposal', cells: [F19, OK, F19, F19, F19, F19, F19],
    input: async () => { const i = await investigation(); return { investigationId: i.id, expectedVersion: i.version, text: '画面ロックを設定すること。', departmentId: SHIMIN(), dueOn: day(30) }; } },
  // The department the proposal is addressed to (市民課) reports it done, through its information manager.
  { mutation: 'reportImprovementDone', cells: [F19, F19, OK, W19, W19, W19, F19],
    input: async () => { const p = await proposal(false); return { investigationId: p.id, expectedVersion: p.version, proposalId: p.proposalId, note: '設定した。' }; } },
  { mutation: 'reviewImprovement', cells: [F19, OK, F19, F19, F19, F19, F19],
    input: async () => { const p = await proposal(true); return { investigationId: p.id, expectedVersion: p.version, proposalId: p.proposalId, accept: true }; } },
  { mutation: 'closeInvestigation', cells: [F19, OK, F19, F19, F19, F19, F19],
    input: async () => { const i = await investigation(); return { investigationId: i.id, expectedVersion: i.version }; } },
  // 第20条: the system administrator guides and advises; the department's information manager acknowledges.
  { mutation: 'giveGuidance', cells: [F20, OK, F20, F20, F20, F20, F20],
    input: async () => ({ departmentId: SHIMIN(), kind: 'GUIDANCE', subject: unique('指導'), content: '離席時は画面をロックすること。', givenOn: day(0) }) },
  { mutation: 'acknowledgeGuidance', cells: [F20, F20, OK, W20, W20, W20, F20],
    input: async () => { const g = await guidanceToShimin(); return { guidanceId: g.id, expectedVersion: g.version }; } },
  // 第21条: the system administrator trains the staff and records who attended.
  { mutation: 'scheduleTraining', cells: [F21, OK, F21, F21, F21, F21, F21],
    input: async () => ({ title: unique('研修'), content: '操作の基本。', heldOn: day(7) }) },
  { mutation: 'recordTrainingAttendance', cells: [F21, OK, F21, F21, F21, F21, F21],
    input: async () => { const t = await trainingHeld(); return { trainingId: t.id, expectedVersion: t.version, attendeeIds: [gid('Person', 'shimin-staff')] }; } },
];
