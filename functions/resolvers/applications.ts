/**
 * The workflow every form shares (functions/domain/forms.ts), as mutations that take an application of any form:
 * submit, withdraw, decide. Each form is one line of FORMS: its rules (the domain) and the state they read (the store).
 */
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApplicationRecord, Decision, Form, StateStep, Step, applicationActions, decided, drafted, inboxesOf, stateStepOf, submitted, withdrawn } from '../domain/forms';
import { Kind } from '../domain/kinds';
import { Deciders, RoleAssignment, decidersOf, designationNeeded } from '../domain/people';
import { notAnIdOf } from '../domain/refusal';
import { consultationForm } from '../domain/consultations';
import { dataUseForm } from '../domain/dataUse';
import { mailAddressForm } from '../domain/email';
import { provisionForm } from '../domain/externalProvision';
import { topPageLinkForm } from '../domain/homepage';
import { operatorReportForm } from '../domain/operators';
import { Store } from '../store/store';
import { searchApplications } from '../store/applications';
import { getObject } from '../store/kinds';
import { EntryRef } from '../store/registerIndex';
import { consultationSubjects, inboxPartition, listApplicationsOf, listInbox } from '../store/consultations';
import { dataUseState, provisionState } from '../store/data';
import { mailRegisterState } from '../store/email';
import { linkRequestState } from '../store/homepage';
import { reportState } from '../store/operators';
import { getPerson, listAllRoleHolders } from '../store/people';
import { Person } from '../../graphql/people';
import { PageArgs } from '../../graphql/common';
import { Application, ApplicationConnection, ApplicationFilter } from '../../graphql/applications';
import { ApplicationPayload, ApplicationTransitionInput, DecideApplicationInput } from '../../graphql/applicationInputs';
import { fromGlobalId, toGlobalId } from '../../graphql/globalId';
import { Context } from './context';
import { actionsOf, mutate, newId, read, INPUT, connection, EMPTY_PAGE } from './support';
import { askedPeriod } from '../domain/period';
import { load, outcomeOf } from './write';
import { citedRules } from './supplementaryRules';

/** A form on the workflow: its rules, and how the store loads the state they read. */
interface OnWorkflow {
  form: Form<ApplicationRecord, unknown>;
  state(store: Store, r: ApplicationRecord, step: StateStep): Promise<unknown>;
  /** What the viewer may do with an application of the form (one set per application per request). */
  actions(viewer: Context['viewer'], r: ApplicationRecord, now: string): ReturnType<typeof applicationActions>;
}

function onWorkflow<R extends ApplicationRecord, S>(form: Form<R, S>, state: (store: Store, r: R, step: StateStep) => Promise<S>): OnWorkflow {
  const f = form as unknown as Form;
  return { form: f, state: state as OnWorkflow['state'], actions: (viewer, r, now) => applicationActions(f, viewer, r, now) };
}

/** The forms of the regulation: one line each. */
const FORMS: Partial<Record<Kind, OnWorkflow>> = {
  Consultation: onWorkflow(consultationForm, consultationSubjects), // 様式第1号–第3号
  OperatorReport: onWorkflow(operatorReportForm, reportState), // 様式第5号
  DataUseApplication: onWorkflow(dataUseForm, dataUseState), // 様式第6号
  ExternalProvision: onWorkflow(provisionForm, provisionState), // 様式第8号
  TopPageLinkRequest: onWorkflow(topPageLinkForm, linkRequestState), // 様式第10号
  MailAddressApplication: onWorkflow(mailAddressForm, mailRegisterState), // 様式第11号
};

export function formOf(kind: string): OnWorkflow {
  const form = FORMS[kind as Kind];
  if (!form) throw new Error(`${kind} is not a form on the workflow`);
  return form;
}

/** The kind of the application a client named in `field` (of the kind given, or by its global id): NOT_FOUND unless a form's. */
export function applicationKindOf(id: string, field: string, kind: string | undefined = fromGlobalId(id)?.type): Kind {
  if (!kind || !FORMS[kind as Kind]) notAnIdOf(['申請書', 'application'], [field]);
  return kind as Kind;
}

/** A step of the workflow; a submission (or whatever else tells the deciders) also reads who holds the deciding role, to tell them (the outbox). */
export async function stepOf(ctx: Context, now: string, w: OnWorkflow, r: ApplicationRecord, submitting: boolean): Promise<Step> {
  const step: Step = { actor: ctx.viewer, now, newId: () => newId(now), cite: toGlobalId };
  if (!submitting) return step;
  // The deciding role, and the system administrator who designates one when nobody can decide (one Query when they are the same role).
  return { ...step, roleHolders: await listAllRoleHolders(ctx.store, [...new Set([w.form.decider(r).role, 'SYSTEM_ADMINISTRATOR'])]) };
}

async function stateFor(ctx: Context, w: OnWorkflow, r: ApplicationRecord, step: StateStep | undefined): Promise<unknown> {
  return step && w.form.readsStateOn.includes(step) ? w.state(ctx.store, r, step) : undefined;
}

type Verb = 'submit' | 'withdraw' | 'decide';

/** Submit, withdraw or decide an application of `kind` named by the client in `field`: the one write path of forms. */
export function transition<P extends object>(
  ctx: Context,
  verb: Verb,
  target: { kind?: Kind; id: string; field: string },
  input: { expectedVersion: number } & Partial<Omit<Decision, 'citedRules'>> & { citedRules?: string[] | null },
  payload: (r: never) => P,
) {
  return mutate(ctx, async (now) => {
    const kind = applicationKindOf(target.id, target.field, target.kind);
    const rules = verb === 'decide' ? await citedRules(ctx, input.citedRules, 'citedRules') : undefined;
    const w = formOf(kind);
    const record = (await load(ctx, w.form.kind, target.id, target.field)) as ApplicationRecord;
    const [state, step] = await Promise.all([stateFor(ctx, w, record, stateStepOf(verb, record, input.outcome)), stepOf(ctx, now, w, record, verb === 'submit')]);
    const t =
      verb === 'submit'
        ? submitted(w.form, step, record, input.expectedVersion, state)
        : verb === 'withdraw'
          ? withdrawn(w.form, step, record, input.expectedVersion, state)
          : decided(w.form, step, record, { ...(input as Decision), citedRules: rules, expectedVersion: input.expectedVersion }, state);
    return outcomeOf(ctx, { ...t, record: { ...t.record, __typename: kind } as ApplicationRecord }, now, payload);
  });
}

/** A new application of a form: `make` loads what it needs and returns the draft; submitted at once on `submit: true`. */
export function draft<R extends ApplicationRecord, P extends object>(
  ctx: Context,
  kind: Kind,
  make: (now: string, id: string) => Promise<R> | R,
  submitNow: boolean,
  payload: (r: R) => P,
) {
  return mutate(ctx, async (now) => draftOutcome(ctx, kind, await make(now, newId(now)), submitNow, now, payload));
}

/** The drafted transition of a new application as the outcome of a mutation (`draft`, or a mutation that builds its own). */
export async function draftOutcome<R extends ApplicationRecord, P>(ctx: Context, kind: Kind, record: R, submitNow: boolean, now: string, payload: (r: R) => P) {
  const w = formOf(kind);
  const [state, step] = await Promise.all([stateFor(ctx, w, record, submitNow ? 'submit' : undefined), stepOf(ctx, now, w, record, submitNow)]);
  return outcomeOf(ctx, drafted(w.form, step, record, submitNow, state), now, payload as (r: never) => P);
}

const tagged = (a: ApplicationRecord & { __typename?: string }) => ({ application: a });
/** A record read by its kind, tagged with its GraphQL type (the Application interface resolves by it). */
const withType = (kind: string, record: object | undefined) => record && { ...record, __typename: kind };

@Resolver(() => Application)
export class ApplicationResolver {
  // The fields every form shares, resolved once here for every type that implements Application.

  @FieldResolver(() => Person, { description: '申請者(情報管理責任者)。 / The applicant.' })
  applicant(@Root() a: ApplicationRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, a.applicantId);
  }

  @FieldResolver(() => String, { description: '根拠条文。 / The article that prescribes the form.' })
  article(@Root() a: ApplicationRecord, @Info() info: GraphQLResolveInfo) {
    return formOf(info.parentType.name).form.article(a);
  }

  @FieldResolver(() => Boolean, { description: '閲覧者が提出できるか。 / Whether the viewer may submit it.' })
  viewerCanSubmit(@Root() a: ApplicationRecord, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return actions(ctx, info, a).submit;
  }

  @FieldResolver(() => Boolean, { description: '閲覧者が取り下げられるか。 / Whether the viewer may withdraw it.' })
  viewerCanWithdraw(@Root() a: ApplicationRecord, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return actions(ctx, info, a).withdraw;
  }

  @FieldResolver(() => Boolean, { description: '閲覧者が決裁できるか。 / Whether the viewer may decide it.' })
  viewerCanDecide(@Root() a: ApplicationRecord, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return actions(ctx, info, a).decide;
  }

  @FieldResolver(() => [Person], {
    description:
      '決裁できる者(提出済みのとき: 決裁権者と職務代理者、申請者を除く)。それ以外は空。 / Who may decide it now, while submitted: the holders of the deciding role and acting persons, never the applicant.',
  })
  async deciders(@Root() a: ApplicationRecord, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    const d = await decidersFor(ctx, info, a);
    return d ? Promise.all(d.deciders.map((id) => getPerson(ctx.store, id))) : [];
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '決裁できる者がいないとき(決裁者が申請者本人など)、その理由と職務代理者を指定すべき者。 / When no one may decide it (the decider is the applicant, or no one holds the role): why, and who must designate an acting person.',
  })
  async designationNeeded(@Root() a: ApplicationRecord, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    const d = await decidersFor(ctx, info, a);
    return d ? (designationNeeded(formOf(info.parentType.name).form.decider(a).role, a.applicantId, d) ?? null) : null;
  }

  @Query(() => ApplicationConnection, {
    description:
      '自分の決裁待ち(様式を問わず、提出の古い順)。本日保有する役割から決まる。 / What awaits the viewer’s decision, every form, oldest first, by the roles held today.',
  })
  myInbox(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const partitions = inboxesOf(ctx.viewer, ctx.clock()).map((i) => inboxPartition(i.role, i.departmentId));
      if (partitions.length === 0) return connection(EMPTY_PAGE);
      return connection(await listInbox(ctx.store, partitions, paging));
    });
  }

  @Query(() => ApplicationConnection, {
    description:
      '申請・協議の台帳(全様式、提出の新しい順)。様式・状態・提出日の期間で絞り込める。 / The register of applications, every form, newest submitted first: by form, status and the period they were submitted in.',
  })
  applications(@Args() paging: PageArgs, @Arg('filter', () => ApplicationFilter, { nullable: true, description: '絞り込み。 / Which applications.' }) filter: ApplicationFilter | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const search = { forms: filter?.form ?? undefined, statuses: filter?.status ?? undefined, period: askedPeriod(filter ?? {}) };
      // Each by its kind, as the entry says: one BatchGetItem for the page through the store's DataLoader.
      const load = (refs: EntryRef[]) => Promise.all(refs.map(async (r) => withType(r.kind, await getObject(ctx.store, r.kind as Kind, r.id))));
      return connection(await searchApplications(ctx.store, search, paging, load));
    });
  }

  @Query(() => ApplicationConnection, { description: '自分が作成した申請・協議(様式を問わず、新しい順)。 / The viewer’s own applications, every form, newest first.' })
  myApplications(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listApplicationsOf(ctx.store, ctx.viewer.person.id, paging)));
  }

  @Mutation(() => ApplicationPayload, { description: '提出(様式を問わない)。 / Submit an application of any form.' })
  submitApplication(@Arg('input', { description: INPUT }) input: ApplicationTransitionInput, @Ctx() ctx: Context) {
    return transition(ctx, 'submit', { id: input.applicationId, field: 'applicationId' }, input, tagged);
  }

  @Mutation(() => ApplicationPayload, { description: '取下げ(申請者のみ、様式を問わない)。 / Withdraw an application of any form.' })
  withdrawApplication(@Arg('input', { description: INPUT }) input: ApplicationTransitionInput, @Ctx() ctx: Context) {
    return transition(ctx, 'withdraw', { id: input.applicationId, field: 'applicationId' }, input, tagged);
  }

  @Mutation(() => ApplicationPayload, {
    description: '決裁(様式が定める者が行う)。承認の効果は同一トランザクションで記録。 / Decide an application of any form, by the role its form names.',
  })
  decideApplication(@Arg('input', { description: INPUT }) input: DecideApplicationInput, @Ctx() ctx: Context) {
    return transition(ctx, 'decide', { id: input.applicationId, field: 'applicationId' }, input, tagged);
  }
}

/** The assignments of a role (and of the system administrator), read once per request. */
const holdersRead = new WeakMap<Context, Map<string, Promise<RoleAssignment[]>>>();

/** Who may decide a submitted application today (undefined while it is not awaiting a decision). */
async function decidersFor(ctx: Context, info: GraphQLResolveInfo, a: ApplicationRecord): Promise<Deciders | undefined> {
  if (a.status !== 'SUBMITTED') return undefined;
  const inbox = formOf(info.parentType.name).form.decider(a);
  const reads = holdersRead.get(ctx) ?? new Map<string, Promise<RoleAssignment[]>>();
  holdersRead.set(ctx, reads);
  const read = reads.get(inbox.role) ?? listAllRoleHolders(ctx.store, [inbox.role, 'SYSTEM_ADMINISTRATOR']);
  reads.set(inbox.role, read);
  return decidersOf(await read, inbox.role, a.applicantId, ctx.clock(), inbox.departmentId);
}

/** One action set per application per request, from its form's rules. */
function actions(ctx: Context, info: GraphQLResolveInfo, a: ApplicationRecord) {
  return actionsOf(ctx, a, formOf(info.parentType.name).actions);
}

export const applicationResolvers: Function[] = [ApplicationResolver];
