/**
 * 調査・指導・研修 (第19条–第21条): the system administrator may investigate a system from the standpoints of
 * reliability, effectiveness, economy and safety and propose improvements (第19条), give the information managers
 * guidance and advice (第20条), and train the staff (第21条). Proposals are followed until the department reports
 * them done and the system administrator accepts it.
 */
import { diff } from './audit';
import { Transition, advance, alongWith, changeOf } from './change';
import { Actor, holds, tokyoDate } from './people';
import { isDate } from './period';
import { allows, Name, refuse } from './refusal';

export const PERSPECTIVES = ['RELIABILITY', 'EFFECTIVENESS', 'ECONOMY', 'SAFETY', 'OTHER'] as const; // 信頼性・有効性・経済性・安全性・その他 (第19条 「等」)
export type Perspective = (typeof PERSPECTIVES)[number];

/** A finding: an item of its own beside its investigation, so an investigation takes any number of them. */
export interface Finding {
  id: string;
  investigationId: string;
  perspective: Perspective;
  text: string;
  recordedBy: string;
  recordedAt: string;
  version: number;
}

export const PROPOSAL_STATUSES = ['OPEN', 'REPORTED_DONE', 'COMPLETED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** An improvement proposal: an item of its own beside its investigation, with its own version. */
export interface Proposal {
  id: string;
  investigationId: string;
  systemId: string;
  findingId?: string;
  text: string;
  /** The department (主管課) that is to act on it. */
  departmentId: string;
  dueOn?: string;
  status: ProposalStatus;
  reportedOn?: string;
  reportNote?: string;
  completedOn?: string;
  version: number;
}

/**
 * The investigation itself. Its findings and proposals are items of their own (they grow without bound); it keeps
 * only the counts its rules need: closing needs no proposal left uncompleted.
 */
export interface Investigation {
  id: string;
  systemId: string;
  purpose: string;
  startedOn: string;
  findingCount: number;
  proposalCount: number;
  /** Proposals not yet accepted as completed. */
  openProposalCount: number;
  status: 'OPEN' | 'CLOSED';
  investigatorId: string;
  closedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A change that adds or changes one child of an investigation: the child, and what changes on the investigation. */
export interface ChildChange<C> {
  child: C;
  patch: Partial<Investigation>;
}

function assertAdministrator(actor: Actor, now: string, article: string, what: Name): void {
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) refuse('FORBIDDEN', [`${what[0]}は情報システム管理者が行います。`, `Only the system administrator ${what[1]}.`], article);
}

/** 第19条: only the system administrator investigates. */
export function startInvestigation(actor: Actor, systemId: string, input: { purpose: string; startedOn: string }, id: string, now: string): Investigation {
  assertAdministrator(actor, now, '第19条', ['行政システムの調査', 'investigates a system']);
  if (!input.purpose.trim()) refuse('INVALID_VALUE', ['調査の目的を記載してください。', 'State what the investigation looks into.'], '第19条', ['purpose']);
  if (!isDate(input.startedOn)) refuse('INVALID_VALUE', ['startedOn (開始日) は日付 (YYYY-MM-DD) で入力してください。', 'startedOn is a date (YYYY-MM-DD).'], '第19条', ['startedOn']);
  return {
    id,
    systemId,
    purpose: input.purpose.trim(),
    startedOn: input.startedOn,
    findingCount: 0,
    proposalCount: 0,
    openProposalCount: 0,
    status: 'OPEN',
    investigatorId: actor.person.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

function assertOpen(i: Investigation): void {
  if (i.status !== 'OPEN') refuse('INVALID_STATE', ['この調査は終了しています。', 'The investigation is closed.'], '第19条');
}

/** 第19条: a finding from one of the standpoints the article names. */
export function addFinding(actor: Actor, i: Investigation, input: { perspective: Perspective; text: string }, id: string, now: string): ChildChange<Finding> {
  assertAdministrator(actor, now, '第19条', ['調査の所見の記録', 'records the findings of an investigation']);
  assertOpen(i);
  if (!input.text.trim()) refuse('INVALID_VALUE', ['所見を記載してください。', 'Describe the finding.'], '第19条', ['text']);
  return {
    child: { id, investigationId: i.id, perspective: input.perspective, text: input.text.trim(), recordedBy: actor.person.id, recordedAt: now, version: 1 },
    patch: { findingCount: (i.findingCount ?? 0) + 1 },
  };
}

/**
 * 第19条: 必要な改善策の提示 — addressed to the department that is to act, optionally answering a finding. `finding` is
 * the finding named by `input.findingId` as read from this investigation (undefined when there is none).
 */
export function addProposal(
  actor: Actor,
  i: Investigation,
  input: { text: string; departmentId: string; findingId?: string; dueOn?: string },
  finding: Finding | undefined,
  id: string,
  now: string,
): ChildChange<Proposal> {
  assertAdministrator(actor, now, '第19条', ['改善策の提案', 'proposes improvements']);
  assertOpen(i);
  if (!input.text.trim()) refuse('INVALID_VALUE', ['改善策を記載してください。', 'Describe the improvement proposed.'], '第19条', ['text']);
  if (input.findingId && finding?.id !== input.findingId) refuse('NOT_FOUND', ['この調査に、指定されたIDの所見はありません。', 'No finding of this investigation has that id.'], '第19条', ['findingId']);
  if (input.dueOn !== undefined && (!isDate(input.dueOn) || input.dueOn < tokyoDate(now))) refuse('INVALID_VALUE', ['dueOn (期限) は今日以後の日付で入力してください。', 'dueOn is a date from today on.'], '第19条', ['dueOn']);
  return {
    child: { id, investigationId: i.id, systemId: i.systemId, findingId: input.findingId, text: input.text.trim(), departmentId: input.departmentId, dueOn: input.dueOn, status: 'OPEN', version: 1 },
    patch: { proposalCount: (i.proposalCount ?? 0) + 1, openProposalCount: (i.openProposalCount ?? 0) + 1 },
  };
}

function assertProposalOf(i: Investigation, p: Proposal | undefined): asserts p is Proposal {
  if (!p || p.investigationId !== i.id) refuse('NOT_FOUND', ['この調査に、指定されたIDの改善策はありません。', 'No proposal of this investigation has that id.'], '第19条', ['proposalId']);
}

/** The department's information manager reports a proposal carried out. `p` is the proposal as read (or undefined). */
export function reportProposalDone(actor: Actor, i: Investigation, p: Proposal | undefined, note: string, now: string): ChildChange<Proposal> {
  assertOpen(i);
  assertProposalOf(i, p);
  assertMayReportDone(actor, p, now);
  if (!note.trim()) refuse('INVALID_VALUE', ['実施した内容を記載してください。', 'Say what was done.'], '第19条', ['note']);
  return { child: { ...p, status: 'REPORTED_DONE', reportedOn: tokyoDate(now), reportNote: note.trim(), version: p.version + 1 }, patch: {} };
}

/** The department's information manager reports an open proposal done, once. */
function assertMayReportDone(actor: Actor, p: Proposal, now: string): void {
  if (!holds(actor, 'INFORMATION_MANAGER', now, p.departmentId)) {
    refuse(holds(actor, 'INFORMATION_MANAGER', now) ? 'WRONG_DEPARTMENT' : 'FORBIDDEN', ['改善の実施は、改善策の宛先の主管課の情報管理責任者が報告します。', 'The information manager of the department the proposal is addressed to reports it done.'], '第19条', ['proposalId']);
  }
  if (p.status !== 'OPEN') refuse('INVALID_STATE', ['この改善策は既に実施が報告されています。', 'The proposal is reported done already.'], '第19条', ['proposalId']);
}

/** The system administrator reviews what a department reports done. */
const assertMayReview = (actor: Actor, now: string) => assertAdministrator(actor, now, '第19条', ['改善の完了の確認', 'accepts an improvement as completed']);

/** Only a proposal reported done is reviewed. */
function assertReportedDone(p: Proposal): void {
  if (p.status !== 'REPORTED_DONE') refuse('INVALID_STATE', ['完了を確認できるのは、実施が報告された改善策のみです。', 'Only a proposal reported done is reviewed.'], '第19条', ['proposalId']);
}

/** The system administrator accepts a proposal as completed, or sends it back open. */
export function reviewProposal(actor: Actor, i: Investigation, p: Proposal | undefined, accept: boolean, now: string): ChildChange<Proposal> {
  assertMayReview(actor, now);
  assertOpen(i);
  assertProposalOf(i, p);
  assertReportedDone(p);
  return accept
    ? { child: { ...p, status: 'COMPLETED', completedOn: tokyoDate(now), version: p.version + 1 }, patch: { openProposalCount: Math.max(0, (i.openProposalCount ?? 0) - 1) } }
    : { child: { ...p, status: 'OPEN', reportedOn: undefined, version: p.version + 1 }, patch: {} };
}

/** An investigation closes when every proposal is completed. */
export function closeInvestigation(actor: Actor, i: Investigation, now: string): Partial<Investigation> {
  assertAdministrator(actor, now, '第19条', ['調査の終了', 'closes an investigation']);
  assertOpen(i);
  const open = i.openProposalCount ?? 0;
  if (open > 0) refuse('INVALID_STATE', [`完了していない改善策があります (${open} 件)。`, `${open} improvement proposal(s) are not completed yet.`], '第19条'); // 第19条
  return { status: 'CLOSED', closedAt: now };
}

/** Whether a proposal is past its due date and not completed. */
export function isOverdue(p: Pick<Proposal, 'status' | 'dueOn'>, now: string): boolean {
  return p.status !== 'COMPLETED' && p.dueOn !== undefined && p.dueOn < tokyoDate(now);
}

/** Proposals past their due date and not completed. */
export function overdueProposals<P extends Pick<Proposal, 'status' | 'dueOn'>>(proposals: P[], now: string): P[] {
  return proposals.filter((p) => isOverdue(p, now));
}

export interface Guidance {
  id: string;
  departmentId: string;
  /** 指導 or 助言 (第20条). */
  kind: 'GUIDANCE' | 'ADVICE';
  subject: string;
  content: string;
  givenOn: string;
  givenBy: string;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** 第20条: the system administrator gives guidance and advice to an information manager. */
export function giveGuidance(actor: Actor, input: Omit<Guidance, 'id' | 'givenBy' | 'version' | 'createdAt' | 'updatedAt' | 'acknowledgedBy' | 'acknowledgedAt'>, id: string, now: string): Guidance {
  assertAdministrator(actor, now, '第20条', ['指導及び助言', 'gives guidance and advice']);
  if (!input.subject.trim() || !input.content.trim()) refuse('INVALID_VALUE', ['指導及び助言の件名と内容を入力してください。', 'State the subject and the content.'], '第20条', ['content']);
  if (!isDate(input.givenOn) || input.givenOn > tokyoDate(now)) refuse('INVALID_VALUE', ['givenOn (実施日) は今日以前の日付で入力してください。', 'givenOn is a date not in the future.'], '第20条', ['givenOn']);
  return { ...input, subject: input.subject.trim(), content: input.content.trim(), id, givenBy: actor.person.id, version: 1, createdAt: now, updatedAt: now };
}

/** The information manager of the department acknowledges the guidance received. */
export function acknowledgeGuidance(actor: Actor, g: Guidance, now: string): Partial<Guidance> {
  if (!holds(actor, 'INFORMATION_MANAGER', now, g.departmentId)) {
    refuse(holds(actor, 'INFORMATION_MANAGER', now) ? 'WRONG_DEPARTMENT' : 'FORBIDDEN', ['指導及び助言を受けたことの確認は、その主管課の情報管理責任者が行います。', 'The information manager of the department guided acknowledges it.'], '第20条');
  }
  if (g.acknowledgedBy) refuse('INVALID_STATE', ['既に確認されています。', 'Acknowledged already.'], '第20条');
  return { acknowledgedBy: actor.person.id, acknowledgedAt: now };
}

export interface TrainingSession {
  id: string;
  title: string;
  content: string;
  heldOn: string;
  /** How many people attended (each attendance is an item of its own). */
  attendeeCount: number;
  organizedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** 第21条: the system administrator trains the staff; attendance is recorded person by person. */
export function scheduleTraining(actor: Actor, input: { title: string; content: string; heldOn: string }, id: string, now: string): TrainingSession {
  assertAdministrator(actor, now, '第21条', ['研修の実施', 'holds training on the systems']);
  if (!input.title.trim()) refuse('INVALID_VALUE', ['研修の題名を記載してください。', 'Give the training a title.'], '第21条', ['title']);
  if (!isDate(input.heldOn)) refuse('INVALID_VALUE', ['heldOn (実施日) は日付 (YYYY-MM-DD) で入力してください。', 'heldOn is a date (YYYY-MM-DD).'], '第21条', ['heldOn']);
  return { id, title: input.title.trim(), content: input.content.trim(), heldOn: input.heldOn, attendeeCount: 0, organizedBy: actor.person.id, version: 1, createdAt: now, updatedAt: now };
}

/**
 * 第21条: records who attended, once held. `recorded` are those of `attendeeIds` whose attendance is recorded
 * already (read by the caller); they are not recorded twice. Returns those to add, in order, and the new count.
 */
export function recordAttendance(
  actor: Actor,
  t: TrainingSession,
  attendeeIds: string[],
  recorded: string[],
  now: string,
): { added: string[]; patch: Pick<TrainingSession, 'attendeeCount'> } {
  assertAdministrator(actor, now, '第21条', ['研修の受講者の記録', 'records who attended the training']);
  if (t.heldOn > tokyoDate(now)) refuse('INVALID_STATE', ['受講者は研修の実施後に記録します。', 'Attendance is recorded once the training has been held.'], '第21条', ['attendeeIds']);
  if (new Set(attendeeIds).size !== attendeeIds.length) refuse('INVALID_VALUE', ['受講者が重複しています。各人は一度だけ記録してください。', 'Each attendee once.'], '第21条', ['attendeeIds']);
  const added = attendeeIds.filter((id) => !recorded.includes(id)).sort();
  return { added, patch: { attendeeCount: (t.attendeeCount ?? 0) + added.length } };
}

// The transitions, as the one write path carries them out (functions/resolvers/write.ts): each the rule above, the
// object's next version, and the audit action with its article.

/** How the audit event of an investigation names each kind of child. */
const CHILD = { InvestigationFinding: 'finding', ImprovementProposal: 'proposal' } as const;

/**
 * Adds or changes one child of an investigation (a finding or a proposal): the child (new: it must not exist yet;
 * changed: at the version read), the investigation with its version advanced from the one read (so of two racing
 * writes one loses cleanly), and one audit event that records the child only: the new child whole, or the changed
 * fields of a changed one.
 */
function changeChild<C extends { id: string; version: number }>(
  i: Investigation,
  part: keyof typeof CHILD,
  before: C | undefined,
  { child, patch }: ChildChange<C>,
  action: string,
  now: string,
): Transition<Investigation> {
  const changed = before ? diff(before, child) : { before: {}, after: { ...child } };
  delete changed.after.version;
  const name = CHILD[part];
  const recorded = { before: before && { [name]: { ...changed.before, id: child.id } }, after: { [name]: { ...changed.after, id: child.id } } };
  return alongWith(changeOf('Investigation', i, advance(i, patch, now), action, '第19条', { recorded }), {
    parts: [{ part, value: child, expectedVersion: before?.version }],
  });
}

type FindingInput = Parameters<typeof addFinding>[2];
type ProposalInput = Parameters<typeof addProposal>[2];

export const investigation = {
  start: (actor: Actor, systemId: string, input: { purpose: string; startedOn: string }, id: string, now: string) =>
    changeOf('Investigation', undefined, startInvestigation(actor, systemId, input, id, now), 'investigation.started', '第19条'),
  addFinding: (actor: Actor, i: Investigation, input: FindingInput, id: string, now: string) =>
    changeChild(i, 'InvestigationFinding', undefined, addFinding(actor, i, input, id, now), 'investigation.findingAdded', now),
  addProposal: (actor: Actor, i: Investigation, input: ProposalInput, finding: Finding | undefined, id: string, now: string) =>
    changeChild(i, 'ImprovementProposal', undefined, addProposal(actor, i, input, finding, id, now), 'investigation.proposalAdded', now),
  reportDone: (actor: Actor, i: Investigation, p: Proposal | undefined, note: string, now: string) =>
    changeChild(i, 'ImprovementProposal', p, reportProposalDone(actor, i, p, note, now), 'investigation.proposalReportedDone', now),
  review: (actor: Actor, i: Investigation, p: Proposal | undefined, accept: boolean, now: string) =>
    changeChild(i, 'ImprovementProposal', p, reviewProposal(actor, i, p, accept, now), accept ? 'investigation.proposalCompleted' : 'investigation.proposalReopened', now),
  close: (actor: Actor, i: Investigation, now: string) =>
    changeOf('Investigation', i, advance(i, closeInvestigation(actor, i, now), now), 'investigation.closed', '第19条'),
};

export const guidance = {
  give: (actor: Actor, input: Parameters<typeof giveGuidance>[1], id: string, now: string) =>
    changeOf('Guidance', undefined, giveGuidance(actor, input, id, now), 'guidance.given', '第20条'),
  acknowledge: (actor: Actor, g: Guidance, now: string) =>
    changeOf('Guidance', g, advance(g, acknowledgeGuidance(actor, g, now), now), 'guidance.acknowledged', '第20条'),
};

export const training = {
  schedule: (actor: Actor, input: Parameters<typeof scheduleTraining>[1], id: string, now: string) =>
    changeOf('TrainingSession', undefined, scheduleTraining(actor, input, id, now), 'training.scheduled', '第21条'),
  /** Each attendance (new) beside the training, and one audit event naming only those added. */
  recordAttendance(actor: Actor, t: TrainingSession, attendeeIds: string[], recorded: string[], now: string) {
    const { added, patch } = recordAttendance(actor, t, attendeeIds, recorded, now);
    const after = advance(t, patch, now);
    const event = { before: { attendeeCount: t.attendeeCount ?? 0 }, after: { attendeeCount: after.attendeeCount, attendeesAdded: added } };
    return alongWith(changeOf('TrainingSession', t, after, 'training.attendanceRecorded', '第21条', { recorded: event }), {
      parts: added.map((personId) => ({ part: 'TrainingAttendance' as const, value: { training: after, personId } })),
    });
  },
};

// What the viewer may do next (`viewerCan*`), each by the rule that would refuse it.

export function investigationActions(actor: Actor, i: Investigation, now: string) {
  return {
    // Any finding will do: the rule is who records findings, and while the investigation is open.
    addFindings: allows(() => addFinding(actor, i, { perspective: 'OTHER', text: '所見' }, '', now)),
    close: allows(() => closeInvestigation(actor, i, now)),
  };
}

export function proposalActions(actor: Actor, p: Proposal, now: string) {
  return {
    reportDone: allows(() => assertMayReportDone(actor, p, now)),
    review: allows(() => {
      assertMayReview(actor, now);
      assertReportedDone(p);
    }),
  };
}

export function guidanceActions(actor: Actor, g: Guidance, now: string) {
  return { acknowledge: allows(() => acknowledgeGuidance(actor, g, now)) };
}

export function trainingActions(actor: Actor, t: TrainingSession, now: string) {
  return { recordAttendance: allows(() => recordAttendance(actor, t, [], [], now)) };
}
