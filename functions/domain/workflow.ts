/**
 * The workflow shared by every form of the regulation (様式第1号, 第2号, 第3号 and those to come):
 * draft → submitted → approved / rejected / returned for revision; withdrawn by the applicant.
 * Forms 4, 7 and 9 are not in the text; they are the answers to the forms before them, modelled here as the
 * `Decision` on an application (who decided, when, the outcome, the reason and any conditions).
 */
import { Refusal, Name, refuse } from './refusal';

export const APPLICATION_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'RETURNED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Where an application stands, as a message in Japanese says it. */
export const STATUS_JA: Record<ApplicationStatus, string> = { DRAFT: '下書き', SUBMITTED: '提出済み', APPROVED: '承認済み', REJECTED: '却下済み', RETURNED: '差戻し中', WITHDRAWN: '取下げ済み' };

export const DECISION_OUTCOMES = ['APPROVED', 'REJECTED', 'RETURNED'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface Decision {
  outcome: DecisionOutcome;
  decidedBy: string;
  decidedAt: string;
  reason?: string;
  conditions: string[];
  /** 職務代理: the holder of the deciding role in whose place the decider decided (代決). */
  actingFor?: string;
  /** 第35条: the versions of the rules the general manager set that the decision rests on (`<number>.<version>`). */
  citedRuleIds?: string[];
}

/** The workflow state every application carries, whatever its form. */
export interface ApplicationState {
  status: ApplicationStatus;
  applicantId: string;
  version: number;
  submittedAt?: string;
  decision?: Decision;
  withdrawnAt?: string;
}

const FINAL: readonly ApplicationStatus[] = ['APPROVED', 'REJECTED', 'WITHDRAWN'];

export function isFinal(status: ApplicationStatus): boolean {
  return FINAL.includes(status);
}

/** A client's `expectedVersion` must be the version it read; otherwise someone changed the object meanwhile. */
export function assertVersion(current: number, expected: number): void {
  if (current !== expected) {
    refuse(
      'STALE_VERSION',
      [`読み込んだ後に、他の操作でこの記録が更新されています (読み込んだ版 ${expected}、現在の版 ${current})。再読込してからやり直してください。`, `This record has changed since you read it (version ${expected}, now ${current}). Reload it and try again.`],
      undefined,
      ['expectedVersion'],
    );
  }
}

/** `article`: the article that prescribes the form, cited when the workflow refuses. */
function assertApplicant(state: ApplicationState, actorId: string, action: Name, article?: string): void {
  if (state.applicantId !== actorId) {
    refuse('FORBIDDEN', [`この申請の${action[0]}は申請者本人のみが行えます。`, `Only the applicant may ${action[1]} this application.`], article);
  }
}

/** Drafts and applications returned for revision can be edited by their applicant. */
export function assertEditable(state: ApplicationState, actorId: string, article?: string): void {
  assertApplicant(state, actorId, ['編集', 'edit'], article);
  if (state.status !== 'DRAFT' && state.status !== 'RETURNED') {
    refuse('INVALID_STATE', [`${STATUS_JA[state.status]}の申請は編集できません。編集できるのは下書き又は差戻し中の申請のみです。`, `A ${state.status.toLowerCase()} application cannot be edited; only drafts and returned ones.`], article);
  }
}

export function submit(state: ApplicationState, actorId: string, now: string, article?: string): Partial<ApplicationState> {
  assertApplicant(state, actorId, ['提出', 'submit'], article);
  if (state.status !== 'DRAFT' && state.status !== 'RETURNED') {
    refuse('INVALID_STATE', [`${STATUS_JA[state.status]}の申請は提出できません。`, `A ${state.status.toLowerCase()} application cannot be submitted.`], article);
  }
  return { status: 'SUBMITTED', submittedAt: now };
}

export function withdraw(state: ApplicationState, actorId: string, now: string, article?: string): Partial<ApplicationState> {
  assertApplicant(state, actorId, ['取下げ', 'withdraw'], article);
  if (isFinal(state.status)) {
    refuse(
      state.status === 'WITHDRAWN' ? 'INVALID_STATE' : 'ALREADY_DECIDED',
      [`${STATUS_JA[state.status]}の申請は取り下げられません。`, `A ${state.status.toLowerCase()} application cannot be withdrawn.`],
      article,
    );
  }
  return { status: 'WITHDRAWN', withdrawnAt: now };
}

export interface DecisionInput {
  outcome: DecisionOutcome;
  reason?: string;
  conditions?: string[];
}

/**
 * Records a decision. The caller has already checked that the decider holds the role the form names;
 * here: the application awaits a decision, and no one decides their own application.
 */
export function decide(
  state: ApplicationState,
  deciderId: string,
  input: DecisionInput,
  now: string,
  article: string,
): Partial<ApplicationState> {
  if (state.status !== 'SUBMITTED') {
    if (state.status === 'WITHDRAWN') {
      refuse('INVALID_STATE', ['この申請は申請者により取り下げられています。', 'The applicant has withdrawn this application.'], article);
    }
    if (state.decision || isFinal(state.status)) {
      refuse('ALREADY_DECIDED', [`この申請は既に${STATUS_JA[state.status]}です (処理済みです)。`, `This application has already been ${state.status.toLowerCase()}.`], article);
    }
    refuse('INVALID_STATE', [`決裁できるのは提出済みの申請のみです。この申請は${STATUS_JA[state.status]}です。`, `Only a submitted application can be decided; this one is ${state.status.toLowerCase()}.`], article);
  }
  if (state.applicantId === deciderId) {
    refuse('SELF_DECISION', ['自らの申請を決裁することはできません。', 'No one decides their own application.'], article);
  }
  if (input.outcome !== 'APPROVED' && !input.reason?.trim()) {
    refuse('INVALID_VALUE', ['却下又は差戻しには理由を記載してください。', 'A rejection or a return for revision states its reason.'], article, ['reason']);
  }
  if (input.outcome !== 'APPROVED' && input.conditions?.length) {
    refuse('INVALID_VALUE', ['条件を付けられるのは承認のときのみです。', 'Conditions belong to an approval.'], article, ['conditions']);
  }
  return {
    status: input.outcome,
    decision: {
      outcome: input.outcome,
      decidedBy: deciderId,
      decidedAt: now,
      reason: input.reason?.trim() || undefined,
      conditions: (input.conditions ?? []).map((c) => c.trim()).filter((c) => c.length > 0),
    },
  };
}

/** What the viewer may do next with an application, for portals (`viewerCanSubmit`, …). */
export function permittedActions(
  state: ApplicationState,
  viewerId: string,
  viewerMayDecide: boolean,
): { edit: boolean; submit: boolean; withdraw: boolean; decide: boolean } {
  const own = state.applicantId === viewerId;
  const open = state.status === 'DRAFT' || state.status === 'RETURNED';
  return {
    edit: own && open,
    submit: own && open,
    withdraw: own && !isFinal(state.status),
    decide: !own && viewerMayDecide && state.status === 'SUBMITTED',
  };
}

export function isRefusal(e: unknown): e is Refusal {
  return e instanceof Refusal;
}
