/**
 * The forms of the regulation on the shared workflow (workflow.ts), as transitions. Each form is a value, declared in
 * its own domain file: who may file it, who decides it, what submission, approval and closing do. `S` is the state its
 * rules read beyond the application (the system a consultation concerns, the page a top-page link is for), loaded by
 * the form's store file; the write path loads it only when a rule of the form asks for it.
 */
import { Changed, Part, Transition, Versioned, advance, alongWith, changeOf } from './change';
import type { Kind } from './kinds';
import { tell } from './notices';
import { Actor, RoleAssignment, actingForIn, decidersOf, designationNeeded, holds, managedDepartments, tokyoDate } from './people';
import { wareki } from './period';
import { formLabel } from './reminders';
import { allows, refuse } from './refusal';
import { ApplicationState, DecisionInput, assertVersion, decide, permittedActions, submit, withdraw } from './workflow';
import { CitedRule, citationOf, citedInForce } from './supplementaryRules';

export interface ApplicationRecord extends ApplicationState, Versioned {
  /** The form, e.g. `FORM_1`. */
  form: string;
  title: string;
}

/** What a step of the workflow changes beside the application itself. */
export interface Effect {
  changes?: Changed[];
  parts?: Part[];
}

/** A decision as the decider sends it; 様式第8号's approval may add required clauses (第15条第4項第8号). */
export type Decision = DecisionInput & {
  requiredClauses?: string[];
  /** 第35条: the rules the general manager set that the decider cites, as read (the citation resolved). */
  citedRules?: CitedRule[];
};

/** What a rule of a form receives besides the application: the actor, the moment, a source of new ids. */
export interface Step {
  actor: Actor;
  now: string;
  newId: () => string;
  /** How a person finds an object again (its global id), for notes that point to it. */
  cite: (kind: Kind, id: string) => string;
  /**
   * On submission: every assignment of the deciding role and of the system administrator, to tell the deciders (and
   * acting persons), or, when no one may decide, those who must designate an acting person.
   */
  roleHolders?: RoleAssignment[];
}

/** The steps at which a form's rules read its state. */
export type StateStep = 'submit' | 'approve' | 'decline' | 'withdraw';

export interface Form<R extends ApplicationRecord = ApplicationRecord, S = unknown> {
  kind: Kind;
  /** When its rules read the state `S` (the write path loads it then, and only then). */
  readsStateOn: readonly StateStep[];
  /** The prefix of its audit actions, e.g. `consultation`. */
  action: string;
  article(r: R): string;
  /** Checks at submission beyond the workflow's: the applicant still may, the subject still allows it. */
  checkSubmit?(step: Step, r: R, state: S): void;
  assertMayDecide(actor: Actor, r: R, now: string): void;
  /** The role whose holder decides it (its inbox): who is told of a submission, for whom an acting person decides. */
  decider(r: R): Inbox;
  /** 様式第8号 only: approval may require further clauses of the agreement (第15条第4項第8号). */
  takesRequiredClauses?: true;
  /** What a decision rests on beyond its article (様式第6号・第8号: the legal bases), noted on its audit event. */
  basis?(r: R): string;
  /** What approval adds to the application and does elsewhere, in the same transaction. */
  approve?(step: Step, before: R, after: R, decision: Decision, state: S): { after: R } & Effect;
  /** What submission does elsewhere (様式第5号: the designations it reports take effect on their dates); `before` is absent for a new one. */
  onSubmit?(step: Step, before: R | undefined, after: R, state: S): Effect;
  /** What a rejection or a return for revision undoes elsewhere, in the same transaction. */
  onDecline?(step: Step, before: R, state: S): Effect;
  /** What the applicant's withdrawal undoes elsewhere, in the same transaction. */
  onWithdraw?(step: Step, before: R, state: S): Effect | undefined;
  /** The words of its outcomes where they are not 承認・不承認・差戻し (様式第5号 is received: 受理). */
  outcomeWords?: Partial<Record<DecisionInput['outcome'], string>>;
  /** Refuses an outcome the form does not know (様式第5号 is received or returned for correction, never rejected). */
  assertOutcome?(outcome: DecisionInput['outcome'], r: R): void;
}

/** The step of the workflow a transition takes, for loading the form's state (`readsStateOn`). */
export function stateStepOf(verb: 'submit' | 'withdraw' | 'decide', r: ApplicationRecord, outcome?: DecisionInput['outcome']): StateStep | undefined {
  if (verb === 'submit') return 'submit';
  if (verb === 'decide') return outcome === 'APPROVED' ? 'approve' : 'decline';
  // A draft has taken effect nowhere: its withdrawal undoes nothing, so no form reads its state for it.
  return r.status === 'DRAFT' ? undefined : 'withdraw';
}

const OUTCOME_WORDS: Record<DecisionInput['outcome'], string> = { APPROVED: '承認', REJECTED: '不承認', RETURNED: '差戻し' };

/** 様式第N号「件名」: how a notice names an application (quotes within the title become 『』). */
export const named = (r: ApplicationRecord) => `${formLabel(r.form)}「${r.title.replace(/「/g, '『').replace(/」/g, '』')}」`;

/** Submitted: the deciders (holders and acting persons, never the applicant) are told; when none may decide, who must designate one. */
function toldOfSubmission<R extends ApplicationRecord>(form: Form<R, never>, step: Step, after: R): Changed[] {
  const inbox = form.decider(after);
  const d = decidersOf(step.roleHolders ?? [], inbox.role, after.applicantId, step.now, inbox.departmentId);
  const on = wareki(tokyoDate(step.now));
  const about = { subjectType: form.kind, subjectId: after.id, stage: `submitted-${after.version}`, article: form.article(after) };
  if (!d.mustDesignate) {
    return tell(d.deciders, { ...about, kind: 'APPLICATION_SUBMITTED', title: `${named(after)}の決裁依頼`, message: `${named(after)}が${on}に提出されました。決裁してください。` }, step.now);
  }
  const need = designationNeeded(inbox.role, after.applicantId, d);
  const to = [...d.mustDesignate.holders, ...d.mustDesignate.administrators];
  return tell(to, { ...about, kind: 'DECIDER_NEEDED', title: `${named(after)}の決裁者の指定`, message: `${named(after)}が${on}に提出されましたが、${need}` }, step.now);
}

/** Decided: the applicant is told the outcome, the reason and who decided (acting for whom). */
function toldOfDecision<R extends ApplicationRecord>(form: Form<R, never>, step: Step, after: R): Changed[] {
  const decision = after.decision;
  if (!decision) return [];
  const word = form.outcomeWords?.[decision.outcome] ?? OUTCOME_WORDS[decision.outcome];
  const lines = [
    `${named(after)}の決裁結果をお知らせします。`,
    `結果: ${word}(${wareki(tokyoDate(step.now))})`,
    ...(decision.reason ? [`理由: ${decision.reason}`] : []),
    ...(decision.conditions.length ? [`条件: ${decision.conditions.join('、')}`] : []),
    ...(decision.actingFor ? ['(職務代理者による決裁)'] : []),
  ];
  return tell(
    [after.applicantId],
    { kind: 'APPLICATION_DECIDED', subjectType: form.kind, subjectId: after.id, stage: `decided-${after.version}`, article: form.article(after), title: `${named(after)}: ${word}`, message: lines.join('\n') },
    step.now,
  );
}

function changed<R extends ApplicationRecord>(form: Form<R, never>, before: R | undefined, after: R, verb: string, effect: Effect = {}): Transition<R> {
  return alongWith(changeOf(form.kind, before, after, `${form.action}.${verb}`, form.article(after)), effect);
}

/** A new application, drafted, and submitted at once when the applicant asks (`submit: true`). */
export function drafted<R extends ApplicationRecord, S>(form: Form<R, S>, step: Step, draft: R, submitNow: boolean, state: S): Transition<R> {
  const draftedT = changed(form, undefined, draft, 'drafted');
  if (!submitNow) return draftedT;
  const saved = { ...draft, ...submit(draft, step.actor.person.id, step.now, form.article(draft)) };
  const effect = form.onSubmit?.(step, undefined, saved, state) ?? {};
  // One new item, two events: drafted, then submitted.
  const [first] = draftedT.changes;
  const then = { ...changed(form, draft, saved, 'submitted').changes[0], recordOnly: true as const };
  const told = toldOfSubmission(form as Form<R, never>, step, saved);
  return { record: saved, changes: [{ ...first, after: saved, recorded: { after: draft } }, then, ...(effect.changes ?? []), ...told], parts: effect.parts };
}

export function submitted<R extends ApplicationRecord, S>(form: Form<R, S>, step: Step, before: R, expectedVersion: number, state: S): Transition<R> {
  assertVersion(before.version, expectedVersion);
  const patch = submit(before, step.actor.person.id, step.now, form.article(before));
  form.checkSubmit?.(step, before, state);
  const after = advance(before, { ...patch, decision: undefined } as Partial<R>, step.now);
  const effect = form.onSubmit?.(step, before, after, state) ?? {};
  return changed(form, before, after, 'submitted', { ...effect, changes: [...(effect.changes ?? []), ...toldOfSubmission(form as Form<R, never>, step, after)] });
}

export function withdrawn<R extends ApplicationRecord, S>(form: Form<R, S>, step: Step, before: R, expectedVersion: number, state: S): Transition<R> {
  const patch = withdraw(before, step.actor.person.id, step.now, form.article(before));
  assertVersion(before.version, expectedVersion);
  const after = advance(before, patch as Partial<R>, step.now);
  return changed(form, before, after, 'withdrawn', form.onWithdraw?.(step, before, state));
}

/** 第15条第4項第8号: further items are required by the general manager when approving an external provision, and only then. */
export function assertRequiredClausesOnApproval(decision: { requiredClauses?: string[] }, approvingAProvision: boolean): void {
  if (decision.requiredClauses?.length && !approvingAProvision) {
    refuse('INVALID_VALUE', ['必要な事項 (第15条第4項第8号) を加えられるのは、データの外部提供 (様式第8号) を承認するときのみです。', 'Required clauses are added when approving an external provision (Form No. 8).'], '第15条第4項第8号', ['requiredClauses']);
  }
}

export function decided<R extends ApplicationRecord, S>(form: Form<R, S>, step: Step, before: R, decision: Decision & { expectedVersion: number }, state: S): Transition<R> {
  const article = form.article(before);
  form.assertMayDecide(step.actor, before, step.now);
  // Decided already: say so first, whatever version the client saw.
  const patch = decide(before, step.actor.person.id, decision, step.now, article);
  const inbox = form.decider(before);
  const actingFor = actingForIn(step.actor, inbox.role, step.now, inbox.departmentId);
  if (patch.decision && actingFor) patch.decision = { ...patch.decision, actingFor };
  const citedRuleIds = decision.citedRules?.length ? citedInForce(decision.citedRules, step.now, 'citedRules') : [];
  if (patch.decision && citedRuleIds.length) patch.decision = { ...patch.decision, citedRuleIds };
  assertVersion(before.version, decision.expectedVersion);
  assertRequiredClausesOnApproval(decision, patch.status === 'APPROVED' && !!form.takesRequiredClauses);
  form.assertOutcome?.(decision.outcome, before);
  let after = advance(before, patch as Partial<R>, step.now);
  let effect: Effect | undefined;
  if (after.status === 'APPROVED' && form.approve) {
    ({ after, ...effect } = form.approve(step, before, after, decision, state));
  } else if (after.status !== 'APPROVED') {
    effect = form.onDecline?.(step, before, state);
  }
  const basis = [form.basis?.(after), ...new Set((decision.citedRules ?? []).map(({ rule }) => citationOf(rule)))].filter(Boolean).join('、');
  const own: Changed = { kind: form.kind, before, after, action: `${form.action}.${after.status.toLowerCase()}`, article, ...(actingFor ? { actingFor } : {}), ...(basis ? { note: `根拠: ${basis}` } : {}) };
  return { record: after, changes: [own, ...(effect?.changes ?? []), ...toldOfDecision(form as Form<R, never>, step, after)], parts: effect?.parts };
}

/** What the viewer may do next with an application, by the same rule that would refuse them. */
export function applicationActions(form: Form, actor: Actor, r: ApplicationRecord, now: string) {
  return permittedActions(r, actor.person.id, allows(() => form.assertMayDecide(actor, r, now)));
}

/** An inbox: the applications awaiting a role's decision, city-wide or for one department. */
export interface Inbox {
  role: 'SYSTEM_ADMINISTRATOR' | 'GENERAL_MANAGER' | 'HOMEPAGE_OPERATIONS_MANAGER' | 'INFORMATION_MANAGER';
  departmentId?: string;
}

/** The inboxes a person reads, by the roles they hold today: what awaits their decision. */
export function inboxesOf(actor: Actor, now: string): Inbox[] {
  return [
    ...(holds(actor, 'SYSTEM_ADMINISTRATOR', now) ? [{ role: 'SYSTEM_ADMINISTRATOR' as const }] : []), // 様式第1号–第3号, 第5号, 第11号
    ...(holds(actor, 'GENERAL_MANAGER', now) ? [{ role: 'GENERAL_MANAGER' as const }] : []), // 様式第8号
    ...(holds(actor, 'HOMEPAGE_OPERATIONS_MANAGER', now) ? [{ role: 'HOMEPAGE_OPERATIONS_MANAGER' as const }] : []), // 様式第10号
    ...managedDepartments(actor, now).map((departmentId) => ({ role: 'INFORMATION_MANAGER' as const, departmentId })), // 様式第6号
  ];
}

/** What every new application starts with: its id, its applicant (the actor), a draft at version 1. */
export function newApplication(actor: Actor, id: string, now: string) {
  return { id, applicantId: actor.person.id, status: 'DRAFT' as const, version: 1, createdAt: now, updatedAt: now };
}
