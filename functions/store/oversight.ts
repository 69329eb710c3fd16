/**
 * 調査・指導・研修 (第19条–第21条): investigations (by system, and the open ones), the improvement proposals still to
 * be carried out (by department and by due date, each a projection item written with its investigation), guidance
 * (by department) and training sessions (newest first, and by person attended). Key layout in README.md.
 */
import { Finding, Guidance, Investigation, Proposal, TrainingSession } from '../domain/oversight';
import { Store, compact, fromItem, listPage } from './store';
import { Item, PageRequest, filterPage, pageOf } from './table';

export const investigationKey = (id: string) => ({ pk: `INVESTIGATION#${id}`, sk: 'INVESTIGATION' });
/** A finding, beside its investigation: one Query lists an investigation's findings in the order recorded. */
export const findingKey = (investigationId: string, findingId: string) => ({ pk: `INVESTIGATION#${investigationId}`, sk: `FINDING#${findingId}` });
/** An improvement proposal, beside its investigation: it carries the sparse list attributes. */
export const proposalKey = (investigationId: string, proposalId: string) => ({ pk: `INVESTIGATION#${investigationId}`, sk: `PROPOSAL#${proposalId}` });
export const guidanceKey = (id: string) => ({ pk: `GUIDANCE#${id}`, sk: 'GUIDANCE' });
export const trainingKey = (id: string) => ({ pk: `TRAINING#${id}`, sk: 'TRAINING' });
/** One person's attendance of one training: lists a person's trainings (byKind `TrainingOf#<person>`). */
export const attendanceKey = (trainingId: string, personId: string) => ({ pk: `TRAINING#${trainingId}`, sk: `ATTENDEE#${personId}` });

const INVESTIGATION = 'INVESTIGATION#';
const PROPOSAL = 'PROPOSAL#';
const FINDING = 'FINDING#';
const GUIDANCE = 'GUIDANCE#';
export const OPEN_INVESTIGATIONS = 'OpenInvestigation';
export const PROPOSALS_DUE = 'IMPROVEMENT_PROPOSAL_DUE';
/** Sorts after every date: a proposal without a due date comes last in its department's list. */
const NO_DUE_DATE = '9999-12-31';

/** A proposal as stored and listed: it carries the investigation and system it belongs to, and its own version. */
export type ProposalEntry = Proposal;

export function investigationItem(i: Investigation): Item {
  return {
    ...investigationKey(i.id),
    entity: 'Investigation',
    subjectPk: `SYSTEM#${i.systemId}`,
    subjectSk: `${INVESTIGATION}${i.startedOn}#${i.id}`,
    // Sparse: only while the investigation is open.
    ...(i.status === 'OPEN' ? { kindPk: OPEN_INVESTIGATIONS, kindSk: `${i.startedOn}#${i.id}` } : {}),
    ...compact(i),
  };
}

export function findingItem(f: Finding): Item {
  return { ...findingKey(f.investigationId, f.id), entity: 'InvestigationFinding', ...compact(f) };
}

export function proposalItem(p: ProposalEntry): Item {
  const open = p.status !== 'COMPLETED';
  return {
    ...proposalKey(p.investigationId, p.id),
    entity: 'ImprovementProposal',
    // Sparse: in the department's list and the due list only until the system administrator accepts it done.
    ...(open ? { deptPk: `DEPT#${p.departmentId}`, deptSk: `${PROPOSAL}${p.dueOn ?? NO_DUE_DATE}#${p.id}` } : {}),
    ...(open && p.dueOn ? { duePk: PROPOSALS_DUE, dueSk: `${p.dueOn}#${p.id}` } : {}),
    ...compact(p),
  };
}

export function guidanceItem(g: Guidance): Item {
  return { ...guidanceKey(g.id), entity: 'Guidance', deptPk: `DEPT#${g.departmentId}`, deptSk: `${GUIDANCE}${g.givenOn}#${g.id}`, ...compact(g) };
}

export function trainingItem(t: TrainingSession): Item {
  return { ...trainingKey(t.id), entity: 'TrainingSession', kindPk: 'TrainingSession', kindSk: `${t.heldOn}#${t.id}`, ...compact(t) };
}

export function attendanceItem(t: TrainingSession, personId: string): Item {
  return { ...attendanceKey(t.id, personId), entity: 'TrainingAttendance', kindPk: `TrainingOf#${personId}`, kindSk: `${t.heldOn}#${t.id}`, trainingId: t.id, personId, version: 1 };
}

async function load<T>(store: Store, key: { pk: string; sk: string }): Promise<T | undefined> {
  const item = await store.load(key.pk, key.sk);
  return item && fromItem<T>(item);
}

export const getInvestigation = (store: Store, id: string) => load<Investigation>(store, investigationKey(id));
export const getProposalEntry = (store: Store, investigationId: string, proposalId: string) => load<ProposalEntry>(store, proposalKey(investigationId, proposalId));
export const getFinding = (store: Store, investigationId: string, findingId: string) => load<Finding>(store, findingKey(investigationId, findingId));
export const getGuidance = (store: Store, id: string) => load<Guidance>(store, guidanceKey(id));
export const getTraining = (store: Store, id: string) => load<TrainingSession>(store, trainingKey(id));

/** A system's investigations, newest first. */
export async function listInvestigationsOfSystem(store: Store, systemId: string, request: PageRequest) {
  return listPage<Investigation>(await store.table.query({ index: 'bySubject', partition: `SYSTEM#${systemId}`, prefix: INVESTIGATION, ...request, descending: true }), store);
}

/** An investigation's findings, in the order recorded: one Query on its partition. */
export async function listFindings(store: Store, investigationId: string, request: PageRequest) {
  return listPage<Finding>(await store.table.query({ partition: investigationKey(investigationId).pk, prefix: FINDING, ...request }), store);
}

/** An investigation's improvement proposals, in the order proposed: one Query on its partition. */
export async function listProposalsOfInvestigation(store: Store, investigationId: string, request: PageRequest) {
  return listPage<ProposalEntry>(await store.table.query({ partition: investigationKey(investigationId).pk, prefix: PROPOSAL, ...request }), store);
}

/** Investigations still open, oldest first. */
export async function listOpenInvestigations(store: Store, request: PageRequest) {
  return listPage<Investigation>(await store.table.query({ index: 'byKind', partition: OPEN_INVESTIGATIONS, ...request }), store);
}

/** The proposals addressed to a department and not completed, soonest due first. */
export async function listOpenProposalsOfDepartment(store: Store, departmentId: string, request: PageRequest) {
  return listPage<ProposalEntry>(await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, prefix: PROPOSAL, ...request }), store);
}

/** Proposals not completed whose due date is before `today`, most overdue first. */
export async function listOverdueProposals(store: Store, today: string, request: PageRequest) {
  return listPage<ProposalEntry>(await store.table.query({ index: 'byDueDate', partition: PROPOSALS_DUE, between: ['0', `${today}#`], ...request }), store);
}

/** The guidance and advice given to a department, newest first. */
export async function listGuidanceOfDepartment(store: Store, departmentId: string, request: PageRequest) {
  return listPage<Guidance>(await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, prefix: GUIDANCE, ...request, descending: true }), store);
}

/** Training sessions, newest first. */
export async function listTrainings(store: Store, request: PageRequest) {
  return listPage<TrainingSession>(await store.table.query({ index: 'byKind', partition: 'TrainingSession', ...request, descending: true }), store);
}

/** The trainings a person attended, newest first: one query, then the sessions in one batch. */
/** Who attended a training, by person id: one Query on its partition. */
export async function listAttendance(store: Store, trainingId: string, request: PageRequest) {
  const p = await store.table.query({ partition: trainingKey(trainingId).pk, prefix: 'ATTENDEE#', ...request });
  return pageOf(p, (i) => i.personId as string);
}

/** Which of these people's attendance of a training is recorded already: one BatchGetItem. */
export async function recordedAttendance(store: Store, trainingId: string, personIds: string[]): Promise<string[]> {
  const items = await store.loadMany(personIds.map((p) => attendanceKey(trainingId, p)));
  return items.filter((i) => i !== undefined).map((i) => i!.personId as string);
}

export async function listTrainingsAttended(store: Store, personId: string, request: PageRequest) {
  const p = await store.table.query({ index: 'byKind', partition: `TrainingOf#${personId}`, ...request, descending: true });
  const attended = pageOf(p, (i) => i.trainingId as string);
  const sessions = await Promise.all(attended.nodes.map((id) => getTraining(store, id)));
  return filterPage({ ...attended, nodes: sessions }, (s): s is TrainingSession => s !== undefined);
}
