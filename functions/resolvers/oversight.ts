/** 調査・指導・研修 (第19条–第21条): investigations, guidance and training. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Finding, Guidance as GuidanceRecord, Investigation as InvestigationRecord, Proposal, TrainingSession as TrainingRecord, isOverdue, guidance,
  guidanceActions, investigation, investigationActions, proposalActions, training, trainingActions,
} from '../domain/oversight';
import { tokyoDate } from '../domain/people';
import { getDepartment, getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import * as store from '../store/oversight';
import { PageArgs } from '../../graphql/common';
import {
  AcknowledgeGuidanceInput, AddImprovementProposalInput, AddInvestigationFindingInput, CloseInvestigationInput, GiveGuidanceInput, Guidance,
  GuidanceConnection, GuidancePayload, ImprovementProposal, ImprovementProposalConnection, Investigation, InvestigationConnection,
  InvestigationFinding, InvestigationFindingConnection, InvestigationPayload, RecordTrainingAttendanceInput, ReportImprovementDoneInput,
  ReviewImprovementInput, ScheduleTrainingInput, StartInvestigationInput, TrainingSession, TrainingSessionConnection, TrainingSessionPayload,
} from '../../graphql/oversight';
import { Department, Person, PersonConnection } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { Context } from './context';
import { computed, personKey, related } from './fields';
import { actionsOf, read, INPUT, connection } from './support';
import { change, create, load } from './write';
import { filterPage, mapPage } from '../store/table';

/** A finding as the API shows it (its id within the investigation is `findingId`). */
const findingNode = (f: Finding) => ({ ...f, findingId: f.id });
const investigationPayload = (i: InvestigationRecord) => ({ investigation: i });
const guidancePayload = (g: GuidanceRecord) => ({ guidance: g });
const trainingPayload = (t: TrainingRecord) => ({ training: t });
/** The investigation a mutation changes, at the version the client saw. */
const investigationOf = (input: { investigationId: string; expectedVersion: number }) => ({ kind: 'Investigation' as const, id: input.investigationId, field: 'investigationId', expectedVersion: input.expectedVersion });

@Resolver(() => Investigation)
export class InvestigationResolver {
  @Query(() => InvestigationConnection, { description: '実施中の調査(開始日の古い順、第19条)。 / Investigations still open, oldest first.' })
  openInvestigations(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await store.listOpenInvestigations(ctx.store, paging)));
  }

  @FieldResolver(() => InvestigationFindingConnection, { description: '調査の所見(記録順)。 / The findings of the investigation, in the order recorded.' })
  findings(@Root() i: InvestigationRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const page = await store.listFindings(ctx.store, i.id, paging);
      return connection(mapPage(page, findingNode), i.findingCount ?? 0);
    });
  }

  @FieldResolver(() => ImprovementProposalConnection, { description: '調査の改善策(提示順)。 / The improvement proposals of the investigation, in the order proposed.' })
  proposals(@Root() i: InvestigationRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await store.listProposalsOfInvestigation(ctx.store, i.id, paging)));
  }

  @Mutation(() => InvestigationPayload, { description: '行政システムの調査の開始(情報システム管理者、第19条)。 / Start investigating a system (the system administrator).' })
  startInvestigation(@Arg('input', { description: INPUT }) input: StartInvestigationInput, @Ctx() ctx: Context) {
    return create(ctx, async (now, id) => investigation.start(ctx.viewer, (await load(ctx, 'System', input.systemId, 'systemId')).id, input, id, now), investigationPayload);
  }

  @Mutation(() => InvestigationPayload, { description: '所見の記録: 信頼性・有効性・経済性・安全性等の見地から(第19条)。 / Record a finding from one of the standpoints of 第19条.' })
  addInvestigationFinding(@Arg('input', { description: INPUT }) input: AddInvestigationFindingInput, @Ctx() ctx: Context) {
    return change(ctx, investigationOf(input), (i, now, id) => investigation.addFinding(ctx.viewer, i, input, id, now), investigationPayload);
  }

  @Mutation(() => InvestigationPayload, { description: '必要な改善策の提示: 実施する主管課あて(第19条)。 / Propose an improvement, addressed to the department that is to act.' })
  addImprovementProposal(@Arg('input', { description: INPUT }) input: AddImprovementProposalInput, @Ctx() ctx: Context) {
    const { text, findingId, dueOn } = input;
    return change(ctx, investigationOf(input), async (i, now, id) => {
      const department = await load(ctx, 'Department', input.departmentId, 'departmentId');
      const finding = findingId ? await store.getFinding(ctx.store, i.id, findingId) : undefined;
      return investigation.addProposal(ctx.viewer, i, { text, departmentId: department.id, findingId: findingId ?? undefined, dueOn: dueOn ?? undefined }, finding, id, now);
    }, investigationPayload);
  }

  @Mutation(() => InvestigationPayload, { description: '改善策の実施報告(宛先の主管課の情報管理責任者)。 / Report a proposal carried out (the addressed department’s information manager).' })
  reportImprovementDone(@Arg('input', { description: INPUT }) input: ReportImprovementDoneInput, @Ctx() ctx: Context) {
    return change(ctx, investigationOf(input), async (i, now) =>
      investigation.reportDone(ctx.viewer, i, await store.getProposalEntry(ctx.store, i.id, input.proposalId), input.note, now), investigationPayload);
  }

  @Mutation(() => InvestigationPayload, { description: '実施報告の確認: 完了とし、又は差し戻す(情報システム管理者)。 / Accept a reported proposal as completed, or reopen it (the system administrator).' })
  reviewImprovement(@Arg('input', { description: INPUT }) input: ReviewImprovementInput, @Ctx() ctx: Context) {
    return change(ctx, investigationOf(input), async (i, now) =>
      investigation.review(ctx.viewer, i, await store.getProposalEntry(ctx.store, i.id, input.proposalId), input.accept, now), investigationPayload);
  }

  @Mutation(() => InvestigationPayload, { description: '調査の終了(改善策がすべて完了していること)。 / Close an investigation once every proposal is completed.' })
  closeInvestigation(@Arg('input', { description: INPUT }) input: CloseInvestigationInput, @Ctx() ctx: Context) {
    return change(ctx, investigationOf(input), (i, now) => investigation.close(ctx.viewer, i, now), investigationPayload);
  }
}

@Resolver(() => ImprovementProposal)
export class ImprovementProposalResolver {
  @Query(() => ImprovementProposalConnection, { description: '期限を過ぎて完了していない改善策(期限の古い順)。 / Proposals past their due date and not completed, most overdue first.' })
  overdueImprovementProposals(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await store.listOverdueProposals(ctx.store, tokyoDate(ctx.clock()), paging)));
  }
}

@Resolver(() => System)
export class SystemInvestigationsResolver {
  @FieldResolver(() => InvestigationConnection, { description: 'このシステムの調査(新しい順、第19条)。 / Investigations of this system, newest first.' })
  investigations(@Root() s: { id: string }, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await store.listInvestigationsOfSystem(ctx.store, s.id, paging)));
  }
}

@Resolver(() => Department)
export class DepartmentOversightResolver {
  @FieldResolver(() => ImprovementProposalConnection, { description: 'この課あての未完了の改善策(期限の近い順、第19条)。 / Improvement proposals addressed to the department and not completed, soonest due first.' })
  openImprovementProposals(@Root() d: { id: string }, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await store.listOpenProposalsOfDepartment(ctx.store, d.id, paging)));
  }

  @FieldResolver(() => GuidanceConnection, { description: 'この課の情報管理責任者への指導・助言(新しい順、第20条)。 / Guidance and advice given to the department, newest first.' })
  guidance(@Root() d: { id: string }, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await store.listGuidanceOfDepartment(ctx.store, d.id, paging)));
  }
}

@Resolver(() => Guidance)
export class GuidanceResolver {
  @Mutation(() => GuidancePayload, { description: '情報管理責任者への指導及び助言(情報システム管理者、第20条)。 / Give guidance or advice to a department’s information manager (the system administrator).' })
  giveGuidance(@Arg('input', { description: INPUT }) input: GiveGuidanceInput, @Ctx() ctx: Context) {
    const { kind, subject, content, givenOn } = input;
    return create(ctx, async (now, id) => {
      const department = await load(ctx, 'Department', input.departmentId, 'departmentId');
      return guidance.give(ctx.viewer, { departmentId: department.id, kind, subject, content, givenOn }, id, now);
    }, guidancePayload);
  }

  @Mutation(() => GuidancePayload, { description: '指導・助言の受領確認(当該主管課の情報管理責任者)。 / Acknowledge guidance received (the department’s information manager).' })
  acknowledgeGuidance(@Arg('input', { description: INPUT }) input: AcknowledgeGuidanceInput, @Ctx() ctx: Context) {
    const target = { kind: 'Guidance' as const, id: input.guidanceId, field: 'guidanceId', expectedVersion: input.expectedVersion };
    return change(ctx, target, (g, now) => guidance.acknowledge(ctx.viewer, g, now), guidancePayload);
  }
}

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @Query(() => TrainingSessionConnection, { description: '研修(実施日の新しい順、第21条)。 / Training sessions, newest first.' })
  trainingSessions(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await store.listTrainings(ctx.store, paging)));
  }

  @FieldResolver(() => PersonConnection, { description: '受講した職員(職員ID順)。 / Who attended, by person id.' })
  attendees(@Root() t: TrainingRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const page = await store.listAttendance(ctx.store, t.id, paging);
      const people = await Promise.all(page.nodes.map((id) => getPerson(ctx.store, id)));
      return connection(filterPage({ ...page, nodes: people }, (p) => p !== undefined));
    });
  }

  @Mutation(() => TrainingSessionPayload, { description: '職員の研修の予定(情報システム管理者、第21条)。 / Schedule a training session (the system administrator).' })
  scheduleTraining(@Arg('input', { description: INPUT }) input: ScheduleTrainingInput, @Ctx() ctx: Context) {
    return create(ctx, (now, id) => training.schedule(ctx.viewer, input, id, now), trainingPayload);
  }

  @Mutation(() => TrainingSessionPayload, { description: '研修の受講者の記録(実施日以後、情報システム管理者、第21条)。 / Record who attended, once held (the system administrator).' })
  recordTrainingAttendance(@Arg('input', { description: INPUT }) input: RecordTrainingAttendanceInput, @Ctx() ctx: Context) {
    const target = { kind: 'TrainingSession' as const, id: input.trainingId, field: 'trainingId', expectedVersion: input.expectedVersion };
    return change(ctx, target, async (t, now) => {
      const ids = input.attendeeIds.map((id) => personKey(id, 'attendeeIds'));
      const attended = training.recordAttendance(ctx.viewer, t, ids, await store.recordedAttendance(ctx.store, t.id, ids), now);
      await Promise.all(input.attendeeIds.map((id) => load(ctx, 'Person', id, 'attendeeIds'))); // the people named exist
      return attended;
    }, trainingPayload);
  }
}

@Resolver(() => Person)
export class PersonTrainingResolver {
  @FieldResolver(() => TrainingSessionConnection, { description: '受講した研修(新しい順、第21条)。 / The trainings the person attended, newest first.' })
  trainingsAttended(@Root() p: { id: string }, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await store.listTrainingsAttended(ctx.store, p.id, paging)));
  }
}

const InvestigationFields = computed<InvestigationRecord>(Investigation, {
  system: [() => System, (i, ctx) => related(ctx, getSystem, i.systemId), { description: '調査する行政システム。 / The system investigated.' }],
  investigator: [() => Person, (i, ctx) => related(ctx, getPerson, i.investigatorId), { nullable: true, description: '調査を行う情報システム管理者。 / The system administrator investigating.' }],
  viewerCanAddFindings: [() => Boolean, (i, ctx) => actionsOf(ctx, i, investigationActions).addFindings, { description: '所見・改善策を記録できるか(情報システム管理者、調査中)。 / Whether the viewer may add findings and proposals.' }],
  viewerCanClose: [() => Boolean, (i, ctx) => actionsOf(ctx, i, investigationActions).close, { description: '終了できるか(改善策がすべて完了)。 / Whether the viewer may close it now.' }],
});

const ProposalFields = computed<Proposal>(ImprovementProposal, {
  proposalId: [() => ID, (p) => p.id, { description: '改善策ID(この調査の中で一意)。 / The proposal’s id within its investigation.' }],
  investigation: [() => Investigation, (p, ctx) => related(ctx, store.getInvestigation, p.investigationId), { description: '改善策を提示した調査。 / The investigation that proposed it.' }],
  department: [() => Department, (p, ctx) => related(ctx, getDepartment, p.departmentId), { description: '改善策を実施する主管課。 / The department that is to act.' }],
  finding: [
    () => InvestigationFinding,
    async (p, ctx) => {
      const f = p.findingId ? await store.getFinding(ctx.store, p.investigationId, p.findingId) : undefined;
      return f && findingNode(f);
    },
    { nullable: true, description: '対応する所見。 / The finding it answers.' },
  ],
  overdue: [() => Boolean, (p, ctx) => isOverdue(p, ctx.clock()), { description: '期限を過ぎて完了していないか。 / Whether it is past due and not completed.' }],
  viewerCanReportDone: [() => Boolean, (p, ctx) => actionsOf(ctx, p, proposalActions).reportDone, { description: '実施を報告できるか(宛先の主管課の情報管理責任者)。 / Whether the viewer may report it done.' }],
  viewerCanReview: [() => Boolean, (p, ctx) => actionsOf(ctx, p, proposalActions).review, { description: '実施報告を確認できるか(情報システム管理者)。 / Whether the viewer may accept or reopen it.' }],
});

const GuidanceFields = computed<GuidanceRecord>(Guidance, {
  department: [() => Department, (g, ctx) => related(ctx, getDepartment, g.departmentId), { description: '相手方の主管課(その情報管理責任者あて)。 / The department guided, through its information manager.' }],
  givenBy: [() => Person, (g, ctx) => related(ctx, getPerson, g.givenBy), { nullable: true, description: '指導・助言をした情報システム管理者。 / Who gave it.' }],
  acknowledgedBy: [() => Person, (g, ctx) => related(ctx, getPerson, g.acknowledgedBy), { nullable: true, description: '受領を確認した情報管理責任者。 / Who acknowledged it.' }],
  viewerCanAcknowledge: [() => Boolean, (g, ctx) => actionsOf(ctx, g, guidanceActions).acknowledge, { description: '受領を確認できるか(当該主管課の情報管理責任者)。 / Whether the viewer may acknowledge it.' }],
});

const TrainingFields = computed<TrainingRecord>(TrainingSession, {
  organizedBy: [() => Person, (t, ctx) => related(ctx, getPerson, t.organizedBy), { nullable: true, description: '研修を行う情報システム管理者。 / Who organizes it.' }],
  viewerCanRecordAttendance: [() => Boolean, (t, ctx) => actionsOf(ctx, t, trainingActions).recordAttendance, { description: '受講者を記録できるか(実施日以後、情報システム管理者)。 / Whether the viewer may record attendance now.' }],
});

export const oversightResolvers: Function[] = [
  InvestigationResolver, ImprovementProposalResolver, SystemInvestigationsResolver, DepartmentOversightResolver, GuidanceResolver, TrainingSessionResolver, PersonTrainingResolver,
  InvestigationFields, ProposalFields, GuidanceFields, TrainingFields,
];
