/**
 * The workflow every form shares (functions/domain/workflow.ts), as mutations that take an application of any
 * form: submit, withdraw, decide. Each form contributes its rules (who decides, what approval does) as `FormRules`.
 */
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuditEvent, AuditedType } from '../domain/audit';
import { ApplicationState, DecisionInput, assertVersion, decide, permittedActions, submit, withdraw } from '../domain/workflow';
import { holds, managedDepartments } from '../domain/people';
import { Refusal, refuse } from '../domain/refusal';
import { Change } from '../store/store';
import { inboxPartition, listApplicationsOf, listInbox } from '../store/consultations';
import { getPerson } from '../store/people';
import { listAuditOfObject } from '../store/audit';
import { Person } from '../../graphql/people';
import { AuditEventConnection } from '../../graphql/audit';
import { connection, PageArgs } from '../../graphql/common';
import { Application, ApplicationConnection } from '../../graphql/applications';
import { ApplicationPayload, ApplicationTransitionInput, DecideApplicationInput } from '../../graphql/applicationInputs';
import { fromGlobalId } from '../../graphql/globalId';
import { Context } from './context';
import { Outcome, auditEvent, mutate, outcome, read } from './support';

export interface ApplicationRecord extends ApplicationState {
  id: string;
  updatedAt: string;
}

export interface FormRules<R extends ApplicationRecord> {
  type: AuditedType & ('Consultation' | 'DataUseApplication' | 'ExternalProvision' | 'OperatorReport' | 'TopPageLinkRequest' | 'MailAddressApplication');
  /** The prefix of its audit actions, e.g. `consultation`. */
  action: string;
  load(ctx: Context, key: string): Promise<R | undefined>;
  change(r: R, expectedVersion?: number): Change;
  article(r: R): string;
  /** Checks at submission beyond the workflow's: the applicant still may, the subject still allows it. */
  checkSubmit(ctx: Context, r: R, now: string): Promise<void>;
  assertMayDecide(ctx: Context, r: R, now: string): void;
  /** 様式第8号 only: approval may require further clauses of the agreement (第15条第4項第8号). */
  takesRequiredClauses?: true;
  /** What approval adds to the application and does elsewhere, in the same transaction. */
  approve?(ctx: Context, before: R, after: R, input: DecisionInput & { requiredClauses?: string[] }, now: string): Promise<{ after: R; changes: Change[]; events: AuditEvent[] }>;
  /** What submission does elsewhere, in the same transaction (様式第5号: the designations it reports take effect on their dates). */
  onSubmit?(ctx: Context, before: R | undefined, after: R, now: string): Promise<Effect>;
  /** What a withdrawal, rejection or return undoes elsewhere, in the same transaction. */
  onClose?(ctx: Context, before: R, after: R, now: string): Promise<Effect>;
}

export interface Effect {
  changes: Change[];
  events: AuditEvent[];
}

const NO_EFFECT: Effect = { changes: [], events: [] };

function next<R extends ApplicationRecord>(before: R, patch: Partial<R>, now: string): R {
  return { ...before, ...patch, version: before.version + 1, updatedAt: now };
}

/** A new application: drafted, and submitted at once when the applicant asks (`submit: true`). */
export async function createApplication<R extends ApplicationRecord>(ctx: Context, rules: FormRules<R>, draft: R, submitNow: boolean, now: string): Promise<Outcome<R>> {
  const article = rules.article(draft);
  const events = [auditEvent(ctx, now, rules.type, draft.id, `${rules.action}.drafted`, undefined, draft, { article })];
  let saved = draft;
  let effect = NO_EFFECT;
  if (submitNow) {
    saved = { ...draft, ...submit(draft, ctx.viewer.person.id, now, article) };
    events.push(auditEvent(ctx, now, rules.type, draft.id, `${rules.action}.submitted`, draft, saved, { article }));
    effect = (await rules.onSubmit?.(ctx, undefined, saved, now)) ?? NO_EFFECT;
  }
  return outcome(saved, [rules.change(saved), ...effect.changes], [...events, ...effect.events]);
}

export async function submitApplication<R extends ApplicationRecord>(ctx: Context, rules: FormRules<R>, before: R, expectedVersion: number, now: string) {
  assertVersion(before.version, expectedVersion);
  const patch = submit(before, ctx.viewer.person.id, now, rules.article(before));
  await rules.checkSubmit(ctx, before, now);
  const after = next(before, { ...patch, decision: undefined } as Partial<R>, now);
  const effect = (await rules.onSubmit?.(ctx, before, after, now)) ?? NO_EFFECT;
  return outcome(after, [rules.change(after, before.version), ...effect.changes], [
    auditEvent(ctx, now, rules.type, after.id, `${rules.action}.submitted`, before, after, { article: rules.article(after) }),
    ...effect.events,
  ]);
}

export async function withdrawApplication<R extends ApplicationRecord>(ctx: Context, rules: FormRules<R>, before: R, expectedVersion: number, now: string) {
  const patch = withdraw(before, ctx.viewer.person.id, now, rules.article(before));
  assertVersion(before.version, expectedVersion);
  const after = next(before, patch as Partial<R>, now);
  const effect = (before.status === 'SUBMITTED' && (await rules.onClose?.(ctx, before, after, now))) || NO_EFFECT;
  return outcome(after, [rules.change(after, before.version), ...effect.changes], [
    auditEvent(ctx, now, rules.type, after.id, `${rules.action}.withdrawn`, before, after, { article: rules.article(after) }),
    ...effect.events,
  ]);
}

export async function decideApplication<R extends ApplicationRecord>(
  ctx: Context,
  rules: FormRules<R>,
  before: R,
  input: DecisionInput & { expectedVersion: number; requiredClauses?: string[] },
  now: string,
): Promise<Outcome<R>> {
  const article = rules.article(before);
  rules.assertMayDecide(ctx, before, now);
  // Decided already: say so first, whatever version the client saw.
  const patch = decide(before, ctx.viewer.person.id, input, now, article);
  assertVersion(before.version, input.expectedVersion);
  if (input.requiredClauses?.length && (patch.status !== 'APPROVED' || !rules.takesRequiredClauses)) {
    refuse('INVALID_VALUE', 'Required clauses are added when approving an external provision (様式第8号).', '第15条第4項第8号', ['requiredClauses']);
  }
  let after = next(before, patch as Partial<R>, now);
  const changes: Change[] = [];
  const events: AuditEvent[] = [];
  if (after.status === 'APPROVED' && rules.approve) {
    const effect = await rules.approve(ctx, before, after, input, now);
    after = effect.after;
    changes.push(...effect.changes);
    events.push(...effect.events);
  } else if (after.status !== 'APPROVED' && rules.onClose) {
    const effect = await rules.onClose(ctx, before, after, now);
    changes.push(...effect.changes);
    events.push(...effect.events);
  }
  return outcome(
    after,
    [rules.change(after, before.version), ...changes],
    [auditEvent(ctx, now, rules.type, after.id, `${rules.action}.${after.status.toLowerCase()}`, before, after, { article }), ...events],
  );
}

const registry = new Map<string, FormRules<ApplicationRecord>>();

/** Each form's resolver module registers its rules, so the shared mutations find them by the id's type. */
export function registerForm<R extends ApplicationRecord>(rules: FormRules<R>): FormRules<R> {
  registry.set(rules.type, rules as unknown as FormRules<ApplicationRecord>);
  return rules;
}

async function loadAny(ctx: Context, id: string): Promise<{ rules: FormRules<ApplicationRecord>; record: ApplicationRecord }> {
  const decoded = fromGlobalId(id);
  const rules = decoded && registry.get(decoded.type);
  if (!decoded || !rules) refuse('NOT_FOUND', 'applicationId is not the id of an application.', undefined, ['applicationId']);
  const record = await rules.load(ctx, decoded.key);
  if (!record) refuse('NOT_FOUND', 'No application has that id.', undefined, ['applicationId']);
  return { rules, record };
}

/** The rules of the form an object is on, from the GraphQL type being resolved. */
function rulesOf(info: GraphQLResolveInfo): FormRules<ApplicationRecord> {
  const rules = registry.get(info.parentType.name);
  if (!rules) throw new Error(`${info.parentType.name} is not a registered form`);
  return rules;
}

/** What the viewer may do next with an application, by the same rule that would refuse them. */
function viewerActions(ctx: Context, rules: FormRules<ApplicationRecord>, r: ApplicationRecord) {
  const now = ctx.clock();
  let mayDecide = true;
  try {
    rules.assertMayDecide(ctx, r, now);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    mayDecide = false;
  }
  return permittedActions(r, ctx.viewer.person.id, mayDecide);
}

const tagged = (rules: FormRules<ApplicationRecord>, r: ApplicationRecord) => ({ application: { ...r, __typename: rules.type } });

@Resolver(() => Application)
export class ApplicationResolver {
  // The fields every form shares, resolved once here for every type that implements Application.

  @FieldResolver(() => Person, { description: '申請者(情報管理責任者)。 / The applicant.' })
  applicant(@Root() a: ApplicationRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, a.applicantId);
  }

  @FieldResolver(() => String, { description: '根拠条文。 / The article that prescribes the form.' })
  article(@Root() a: ApplicationRecord, @Info() info: GraphQLResolveInfo) {
    return rulesOf(info).article(a);
  }


  @FieldResolver(() => Boolean, { description: '閲覧者が提出できるか。 / Whether the viewer may submit it.' })
  viewerCanSubmit(@Root() a: ApplicationRecord, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return viewerActions(ctx, rulesOf(info), a).submit;
  }

  @FieldResolver(() => Boolean, { description: '閲覧者が取り下げられるか。 / Whether the viewer may withdraw it.' })
  viewerCanWithdraw(@Root() a: ApplicationRecord, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return viewerActions(ctx, rulesOf(info), a).withdraw;
  }

  @FieldResolver(() => Boolean, { description: '閲覧者が決裁できるか。 / Whether the viewer may decide it.' })
  viewerCanDecide(@Root() a: ApplicationRecord, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return viewerActions(ctx, rulesOf(info), a).decide;
  }

  @Query(() => ApplicationConnection, {
    description:
      '自分の決裁待ち(様式を問わず、提出の古い順)。本日保有する役割から決まる。 / What awaits the viewer’s decision, every form, oldest first, by the roles held today.',
  })
  myInbox(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => {
      const now = ctx.clock();
      const partitions = [
        ...(holds(ctx.viewer, 'SYSTEM_ADMINISTRATOR', now) ? [inboxPartition('SYSTEM_ADMINISTRATOR')] : []), // 様式第1号–第3号, 第5号, 第11号
        ...(holds(ctx.viewer, 'GENERAL_MANAGER', now) ? [inboxPartition('GENERAL_MANAGER')] : []), // 様式第8号
        ...(holds(ctx.viewer, 'HOMEPAGE_OPERATIONS_MANAGER', now) ? [inboxPartition('HOMEPAGE_OPERATIONS_MANAGER')] : []), // 様式第10号
        ...managedDepartments(ctx.viewer, now).map((d) => inboxPartition('INFORMATION_MANAGER', d)), // 様式第6号
      ];
      if (partitions.length === 0) return connection({ nodes: [] });
      return connection(await listInbox(ctx.store, partitions, first, after));
    });
  }

  @Query(() => ApplicationConnection, { description: '自分が作成した申請・協議(様式を問わず、新しい順)。 / The viewer’s own applications, every form, newest first.' })
  myApplications(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listApplicationsOf(ctx.store, ctx.viewer.person.id, first, after)));
  }

  @Mutation(() => ApplicationPayload, { description: '提出(様式を問わない)。 / Submit an application of any form.' })
  submitApplication(@Arg('input') input: ApplicationTransitionInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const { rules, record } = await loadAny(ctx, input.applicationId);
      const o = await submitApplication(ctx, rules, record, input.expectedVersion, now);
      return outcome(tagged(rules, o.payload), o.changes, o.events);
    });
  }

  @Mutation(() => ApplicationPayload, { description: '取下げ(申請者のみ、様式を問わない)。 / Withdraw an application of any form.' })
  withdrawApplication(@Arg('input') input: ApplicationTransitionInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const { rules, record } = await loadAny(ctx, input.applicationId);
      const o = await withdrawApplication(ctx, rules, record, input.expectedVersion, now);
      return outcome(tagged(rules, o.payload), o.changes, o.events);
    });
  }

  @Mutation(() => ApplicationPayload, {
    description: '決裁(様式が定める者が行う)。承認の効果は同一トランザクションで記録。 / Decide an application of any form, by the role its form names.',
  })
  decideApplication(@Arg('input') input: DecideApplicationInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const { rules, record } = await loadAny(ctx, input.applicationId);
      const o = await decideApplication(ctx, rules, record, input, now);
      return outcome(tagged(rules, o.payload), o.changes, o.events);
    });
  }
}
