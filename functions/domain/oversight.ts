/**
 * 調査・指導・研修 (第19条–第21条): the system administrator may investigate a system from the standpoints of
 * reliability, effectiveness, economy and safety and propose improvements (第19条), give the information managers
 * guidance and advice (第20条), and train the staff (第21条). Proposals are followed until the department reports
 * them done and the system administrator accepts it.
 */
import { Actor, holds, tokyoDate } from './people';
import { isDate } from './period';
import { refuse } from './refusal';

export const PERSPECTIVES = ['RELIABILITY', 'EFFECTIVENESS', 'ECONOMY', 'SAFETY', 'OTHER'] as const; // 信頼性・有効性・経済性・安全性・その他 (第19条 「等」)
export type Perspective = (typeof PERSPECTIVES)[number];

export interface Finding {
  id: string;
  perspective: Perspective;
  text: string;
}

export const PROPOSAL_STATUSES = ['OPEN', 'REPORTED_DONE', 'COMPLETED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface Proposal {
  id: string;
  findingId?: string;
  text: string;
  /** The department (主管課) that is to act on it. */
  departmentId: string;
  dueOn?: string;
  status: ProposalStatus;
  reportedOn?: string;
  reportNote?: string;
  completedOn?: string;
}

export interface Investigation {
  id: string;
  systemId: string;
  purpose: string;
  startedOn: string;
  findings: Finding[];
  proposals: Proposal[];
  status: 'OPEN' | 'CLOSED';
  investigatorId: string;
  closedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

function assertAdministrator(actor: Actor, now: string, article: string, what: string): void {
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) refuse('FORBIDDEN', `Only the system administrator ${what}. 情報システム管理者が行います。`, article);
}

/** 第19条: only the system administrator investigates. */
export function startInvestigation(actor: Actor, systemId: string, input: { purpose: string; startedOn: string }, id: string, now: string): Investigation {
  assertAdministrator(actor, now, '第19条', 'investigates a system');
  if (!input.purpose.trim()) refuse('INVALID_VALUE', 'State what the investigation looks into.', '第19条', ['purpose']);
  if (!isDate(input.startedOn)) refuse('INVALID_VALUE', 'startedOn is a date (YYYY-MM-DD).', '第19条', ['startedOn']);
  return { id, systemId, purpose: input.purpose.trim(), startedOn: input.startedOn, findings: [], proposals: [], status: 'OPEN', investigatorId: actor.person.id, version: 1, createdAt: now, updatedAt: now };
}

function assertOpen(i: Investigation): void {
  if (i.status !== 'OPEN') refuse('INVALID_STATE', 'The investigation is closed.', '第19条');
}

/** 第19条: a finding from one of the standpoints the article names. */
export function addFinding(actor: Actor, i: Investigation, input: { perspective: Perspective; text: string }, id: string, now: string): Partial<Investigation> {
  assertAdministrator(actor, now, '第19条', 'records the findings of an investigation');
  assertOpen(i);
  if (!input.text.trim()) refuse('INVALID_VALUE', 'Describe the finding.', '第19条', ['text']);
  return { findings: [...i.findings, { id, perspective: input.perspective, text: input.text.trim() }] };
}

/** 第19条: 必要な改善策の提示 — addressed to the department that is to act, optionally answering a finding. */
export function addProposal(actor: Actor, i: Investigation, input: { text: string; departmentId: string; findingId?: string; dueOn?: string }, id: string, now: string): Partial<Investigation> {
  assertAdministrator(actor, now, '第19条', 'proposes improvements');
  assertOpen(i);
  if (!input.text.trim()) refuse('INVALID_VALUE', 'Describe the improvement proposed.', '第19条', ['text']);
  if (input.findingId && !i.findings.some((f) => f.id === input.findingId)) refuse('NOT_FOUND', 'No finding of this investigation has that id.', '第19条', ['findingId']);
  if (input.dueOn !== undefined && (!isDate(input.dueOn) || input.dueOn < tokyoDate(now))) refuse('INVALID_VALUE', 'dueOn is a date from today on.', '第19条', ['dueOn']);
  return { proposals: [...i.proposals, { id, findingId: input.findingId, text: input.text.trim(), departmentId: input.departmentId, dueOn: input.dueOn, status: 'OPEN' }] };
}

function withProposal(i: Investigation, proposalId: string, change: (p: Proposal) => Proposal): Partial<Investigation> {
  const p = i.proposals.find((x) => x.id === proposalId);
  if (!p) refuse('NOT_FOUND', 'No proposal of this investigation has that id.', '第19条', ['proposalId']);
  return { proposals: i.proposals.map((x) => (x.id === proposalId ? change(x) : x)) };
}

/** The department's information manager reports a proposal carried out. */
export function reportProposalDone(actor: Actor, i: Investigation, proposalId: string, note: string, now: string): Partial<Investigation> {
  assertOpen(i);
  return withProposal(i, proposalId, (p) => {
    if (!holds(actor, 'INFORMATION_MANAGER', now, p.departmentId)) {
      refuse(holds(actor, 'INFORMATION_MANAGER', now) ? 'WRONG_DEPARTMENT' : 'FORBIDDEN', 'The information manager of the department the proposal is addressed to reports it done.', '第19条', ['proposalId']);
    }
    if (p.status !== 'OPEN') refuse('INVALID_STATE', 'The proposal is reported done already.', '第19条', ['proposalId']);
    if (!note.trim()) refuse('INVALID_VALUE', 'Say what was done.', '第19条', ['note']);
    return { ...p, status: 'REPORTED_DONE', reportedOn: tokyoDate(now), reportNote: note.trim() };
  });
}

/** The system administrator accepts a proposal as completed, or sends it back open. */
export function reviewProposal(actor: Actor, i: Investigation, proposalId: string, accept: boolean, now: string): Partial<Investigation> {
  assertAdministrator(actor, now, '第19条', 'accepts an improvement as completed');
  assertOpen(i);
  return withProposal(i, proposalId, (p) => {
    if (p.status !== 'REPORTED_DONE') refuse('INVALID_STATE', 'Only a proposal reported done is reviewed.', '第19条', ['proposalId']);
    return accept ? { ...p, status: 'COMPLETED', completedOn: tokyoDate(now) } : { ...p, status: 'OPEN', reportedOn: undefined };
  });
}

/** An investigation closes when every proposal is completed. */
export function closeInvestigation(actor: Actor, i: Investigation, now: string): Partial<Investigation> {
  assertAdministrator(actor, now, '第19条', 'closes an investigation');
  assertOpen(i);
  const open = i.proposals.filter((p) => p.status !== 'COMPLETED');
  if (open.length) refuse('INVALID_STATE', `${open.length} improvement proposal(s) are not completed yet. 未完了の改善策があります。`, '第19条');
  return { status: 'CLOSED', closedAt: now };
}

/** Proposals past their due date and not completed. */
export function overdueProposals(i: Pick<Investigation, 'proposals'>, now: string): Proposal[] {
  const today = tokyoDate(now);
  return i.proposals.filter((p) => p.status !== 'COMPLETED' && p.dueOn !== undefined && p.dueOn < today);
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
  assertAdministrator(actor, now, '第20条', 'gives guidance and advice');
  if (!input.subject.trim() || !input.content.trim()) refuse('INVALID_VALUE', 'State the subject and the content.', '第20条', ['content']);
  if (!isDate(input.givenOn) || input.givenOn > tokyoDate(now)) refuse('INVALID_VALUE', 'givenOn is a date not in the future.', '第20条', ['givenOn']);
  return { ...input, subject: input.subject.trim(), content: input.content.trim(), id, givenBy: actor.person.id, version: 1, createdAt: now, updatedAt: now };
}

/** The information manager of the department acknowledges the guidance received. */
export function acknowledgeGuidance(actor: Actor, g: Guidance, now: string): Partial<Guidance> {
  if (!holds(actor, 'INFORMATION_MANAGER', now, g.departmentId)) {
    refuse(holds(actor, 'INFORMATION_MANAGER', now) ? 'WRONG_DEPARTMENT' : 'FORBIDDEN', 'The information manager of the department guided acknowledges it.', '第20条');
  }
  if (g.acknowledgedBy) refuse('INVALID_STATE', 'Acknowledged already.', '第20条');
  return { acknowledgedBy: actor.person.id, acknowledgedAt: now };
}

export interface TrainingSession {
  id: string;
  title: string;
  content: string;
  heldOn: string;
  /** People who attended. */
  attendeeIds: string[];
  organizedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** 第21条: the system administrator trains the staff; attendance is recorded person by person. */
export function scheduleTraining(actor: Actor, input: { title: string; content: string; heldOn: string }, id: string, now: string): TrainingSession {
  assertAdministrator(actor, now, '第21条', 'holds training on the systems');
  if (!input.title.trim()) refuse('INVALID_VALUE', 'Give the training a title.', '第21条', ['title']);
  if (!isDate(input.heldOn)) refuse('INVALID_VALUE', 'heldOn is a date (YYYY-MM-DD).', '第21条', ['heldOn']);
  return { id, title: input.title.trim(), content: input.content.trim(), heldOn: input.heldOn, attendeeIds: [], organizedBy: actor.person.id, version: 1, createdAt: now, updatedAt: now };
}

export function recordAttendance(actor: Actor, t: TrainingSession, attendeeIds: string[], now: string): Partial<TrainingSession> {
  assertAdministrator(actor, now, '第21条', 'records who attended the training');
  if (t.heldOn > tokyoDate(now)) refuse('INVALID_STATE', 'Attendance is recorded once the training has been held.', '第21条', ['attendeeIds']);
  if (new Set(attendeeIds).size !== attendeeIds.length) refuse('INVALID_VALUE', 'Each attendee once.', '第21条', ['attendeeIds']);
  return { attendeeIds: [...new Set([...t.attendeeIds, ...attendeeIds])].sort() };
}
