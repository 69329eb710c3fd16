/** セキュリティ指針 (第29条): versions drafted and approved, acknowledged by staff, and who has not yet. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  GuidelineAcknowledgement, SecurityGuideline as Guideline, acknowledgementIn, guidelineActions, mayReadAcknowledgementsOfAll, securityGuideline,
} from '../domain/securityGuideline';
import { Person as PersonRecord } from '../domain/people';
import { getDepartment, getPerson } from '../store/people';
import { acknowledgementOf, acknowledgementsInDepartment, getGuideline, guidelineInForce, listGuidelines } from '../store/securityGuideline';
import { PageArgs } from '../../graphql/common';
import {
  AcknowledgeSecurityGuidelineInput, ApproveSecurityGuidelineInput, DraftSecurityGuidelineInput, SecurityGuideline, SecurityGuidelineAcknowledgement,
  SecurityGuidelineAcknowledgementPayload, SecurityGuidelineConnection, SecurityGuidelineDepartmentStatus, SecurityGuidelinePayload,
} from '../../graphql/securityGuideline';
import { Person } from '../../graphql/people';
import { Context } from './context';
import { computed, departmentOrOwn, related } from './fields';
import { INPUT, actionsOf, read, connection } from './support';
import { change, create } from './write';

const inForceRead = new WeakMap<Context, Promise<Guideline | undefined>>();

/** The version in force, read once a request. */
function inForce(ctx: Context): Promise<Guideline | undefined> {
  let g = inForceRead.get(ctx);
  if (!g) inForceRead.set(ctx, (g = guidelineInForce(ctx.store)));
  return g;
}

const payload = (securityGuideline: Guideline) => ({ securityGuideline });
const own = (ctx: Context, g: Guideline) => acknowledgementOf(ctx.store, g.id, ctx.viewer.person.id);

@Resolver(() => SecurityGuideline)
export class SecurityGuidelineResolver {
  @Query(() => SecurityGuidelineConnection, { description: 'セキュリティ指針の版(案を含む、新しい順、第29条)。 / Every version of the security guideline, drafts too, newest first.' })
  securityGuidelines(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listGuidelines(ctx.store, paging)));
  }

  @Query(() => SecurityGuideline, { nullable: true, description: '現に施行されているセキュリティ指針の版(未承認なら null)。 / The version in force; null before the first is approved.' })
  currentSecurityGuideline(@Ctx() ctx: Context) {
    return read(ctx, () => inForce(ctx));
  }

  @Mutation(() => SecurityGuidelinePayload, { description: 'セキュリティ指針の案の作成(情報システム管理者又は総括管理責任者、第29条)。 / Draft a version (the system administrator or the general manager).' })
  draftSecurityGuideline(@Arg('input', { description: INPUT }) input: DraftSecurityGuidelineInput, @Ctx() ctx: Context) {
    return create(ctx, (now, id) => securityGuideline.draft(ctx.viewer, input, id, now), payload);
  }

  @Mutation(() => SecurityGuidelinePayload, { description: 'セキュリティ指針の承認(総括管理責任者、第29条)。承認した版が施行され、前の版に代わる。 / Approve a draft (the general manager): it is in force at once and supersedes the version before.' })
  approveSecurityGuideline(@Arg('input', { description: INPUT }) input: ApproveSecurityGuidelineInput, @Ctx() ctx: Context) {
    const target = { kind: 'SecurityGuideline' as const, id: input.guidelineId, field: 'guidelineId', expectedVersion: input.expectedVersion };
    return change(ctx, target, async (g, now) => securityGuideline.approve(ctx.viewer, g, await guidelineInForce(ctx.store), now), payload);
  }

  @Mutation(() => SecurityGuidelineAcknowledgementPayload, { description: 'セキュリティ指針の確認(職員等、現に施行されている版、一人一回、第29条)。 / Acknowledge the version in force (any member of staff, once).' })
  acknowledgeSecurityGuideline(@Arg('input', { description: INPUT }) input: AcknowledgeSecurityGuidelineInput, @Ctx() ctx: Context) {
    return change(ctx, { kind: 'SecurityGuideline', id: input.guidelineId, field: 'guidelineId' }, async (g, now) =>
      securityGuideline.acknowledge(ctx.viewer, g, await acknowledgementOf(ctx.store, g.id, ctx.viewer.person.id), now),
    (acknowledgement: GuidelineAcknowledgement) => ({ acknowledgement }));
  }

  @FieldResolver(() => SecurityGuidelineDepartmentStatus, {
    nullable: true,
    description:
      '主管課ごとの確認状況: 確認した職員とまだの職員(情報システム管理者・総括管理責任者のみ、第29条)。それ以外の者には null。 / Who of a department has acknowledged this version and who has not; null for anyone but the system administrator and the general manager.',
  })
  acknowledgementStatus(
    @Root() g: Guideline,
    @Arg('departmentId', () => ID, { nullable: true, description: '主管課(既定は閲覧者の所属)。 / The department; the viewer’s own by default.' }) departmentId: string | null,
    @Ctx() ctx: Context,
  ) {
    return read(ctx, async () => {
      if (!mayReadAcknowledgementsOfAll(ctx.viewer, ctx.clock())) return null;
      const dept = departmentOrOwn(ctx, departmentId);
      const [department, { people, acknowledgements }] = await Promise.all([getDepartment(ctx.store, dept), acknowledgementsInDepartment(ctx.store, g.id, dept)]);
      if (!department) return null;
      const split = acknowledgementIn<PersonRecord>(people, acknowledgements);
      return { department, ...split, staffCount: people.length, acknowledgedCount: split.acknowledged.length };
    });
  }
}

const GuidelineFields = computed<Guideline>(SecurityGuideline, {
  draftedBy: [() => Person, (g, ctx) => related(ctx, getPerson, g.draftedBy), { nullable: true, description: '案を作成した者。 / Who drafted it.' }],
  approvedBy: [() => Person, (g, ctx) => related(ctx, getPerson, g.approvedBy), { nullable: true, description: '承認した総括管理責任者。 / The general manager who approved it.' }],
  viewerAcknowledgement: [() => SecurityGuidelineAcknowledgement, (g, ctx) => own(ctx, g), { nullable: true, description: '閲覧者の確認(未確認なら null)。 / The viewer’s acknowledgement; null when not yet made.' }],
  viewerCanApprove: [() => Boolean, (g, ctx) => actionsOf(ctx, g, (viewer, r, now) => guidelineActions(viewer, r, now, undefined)).approve, { description: '承認できるか(総括管理責任者、案)。 / Whether the viewer may approve it: the general manager, a draft.' }],
  viewerCanAcknowledge: [
    () => Boolean,
    async (g, ctx) => guidelineActions(ctx.viewer, g, ctx.clock(), await own(ctx, g)).acknowledge,
    { description: '確認できるか(施行中の版で、未確認)。 / Whether the viewer may acknowledge it: the version in force, not yet acknowledged.' },
  ],
});

const AcknowledgementFields = computed<GuidelineAcknowledgement>(SecurityGuidelineAcknowledgement, {
  person: [() => Person, (a, ctx) => related(ctx, getPerson, a.personId), { nullable: true, description: '確認した職員。 / Who acknowledged.' }],
  guideline: [() => SecurityGuideline, (a, ctx) => related(ctx, getGuideline, a.guidelineId), { nullable: true, description: '確認した版。 / The version acknowledged.' }],
});

/** Each person's acknowledgement of the version in force: their own, and everyone's for the system administrator and the general manager. */
@Resolver(() => Person)
export class PersonSecurityGuidelineResolver {
  @FieldResolver(() => SecurityGuidelineAcknowledgement, {
    nullable: true,
    description:
      '現に施行されているセキュリティ指針の版の確認(第29条)。未確認、又は本人・情報システム管理者・総括管理責任者以外には null。 / The person’s acknowledgement of the version in force; null when not made, or for anyone but the person, the system administrator and the general manager.',
  })
  securityGuidelineAcknowledgement(@Root() p: PersonRecord, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const g = await inForce(ctx);
      return g ? acknowledgementOf(ctx.store, g.id, p.id) : null;
    });
  }
}

export const securityGuidelineResolvers: Function[] = [SecurityGuidelineResolver, GuidelineFields, AcknowledgementFields, PersonSecurityGuidelineResolver];
