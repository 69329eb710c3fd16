/** 調査・指導・研修 (第19条–第21条): investigations, guidance and training. */
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  ChildChange,
  Finding,
  Guidance as GuidanceRecord,
  Investigation as InvestigationRecord,
  TrainingSession as TrainingRecord,
  acknowledgeGuidance,
  addFinding,
  addProposal,
  closeInvestigation,
  everyProposalCompleted,
  giveGuidance,
  isOverdue,
  recordAttendance,
  reportProposalDone,
  reviewProposal,
  scheduleTraining,
  startInvestigation,
} from '../domain/oversight';
import { holds, tokyoDate } from '../domain/people';
import { SystemRecord } from '../domain/systems';
import { assertVersion } from '../domain/workflow';
import { diff } from '../domain/audit';
import { getDepartment, getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import {
  ProposalEntry,
  getFinding,
  getGuidance,
  getInvestigation,
  getProposalEntry,
  listFindings,
  listProposalsOfInvestigation,
  getTraining,
  listGuidanceOfDepartment,
  listInvestigationsOfSystem,
  listOpenInvestigations,
  listOpenProposalsOfDepartment,
  listOverdueProposals,
  listAttendance,
  listTrainings,
  listTrainingsAttended,
  recordedAttendance,
  oversightChange,
} from '../store/oversight';
import { listAuditOfObject } from '../store/audit';
import { Change } from '../store/store';
import { connection, PageArgs } from '../../graphql/common';
import {
  AcknowledgeGuidanceInput,
  AddImprovementProposalInput,
  AddInvestigationFindingInput,
  CloseInvestigationInput,
  GiveGuidanceInput,
  Guidance,
  GuidanceConnection,
  GuidancePayload,
  ImprovementProposal,
  ImprovementProposalConnection,
  Investigation,
  InvestigationConnection,
  InvestigationFinding,
  InvestigationFindingConnection,
  InvestigationPayload,
  RecordTrainingAttendanceInput,
  ReportImprovementDoneInput,
  ReviewImprovementInput,
  ScheduleTrainingInput,
  StartInvestigationInput,
  TrainingSession,
  TrainingSessionConnection,
  TrainingSessionPayload,
} from '../../graphql/oversight';
import { Department, Person, PersonConnection } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { AuditEventConnection } from '../../graphql/audit';
import { Context } from './context';
import { auditEvent, found, keyOf, mutate, newId, outcome, read } from './support';
import { loadSystem } from './systems';


const isAdministrator = (ctx: Context) => holds(ctx.viewer, 'SYSTEM_ADMINISTRATOR', ctx.clock());

async function loadInvestigation(ctx: Context, id: string, expectedVersion: number): Promise<InvestigationRecord> {
  const i = found(await getInvestigation(ctx.store, keyOf(id, 'Investigation', 'investigationId')), 'investigation', 'investigationId');
  assertVersion(i.version, expectedVersion);
  return i;
}

/**
 * One of an investigation's proposals, then the investigation (at the version the client saw). The proposal is read
 * first: a change to it commits with the investigation's version, so a proposal read before that change pairs with
 * either the old investigation (the write then loses its race) or the new one (STALE_VERSION), never the reverse.
 */
async function loadWithProposal(ctx: Context, input: { investigationId: string; expectedVersion: number; proposalId: string }) {
  const key = keyOf(input.investigationId, 'Investigation', 'investigationId');
  const proposal = await getProposalEntry(ctx.store, key, input.proposalId);
  const before = found(await getInvestigation(ctx.store, key), 'investigation', 'investigationId');
  assertVersion(before.version, input.expectedVersion);
  return [before, proposal] as const;
}

async function departmentKey(ctx: Context, id: string, field: string): Promise<string> {
  const key = keyOf(id, 'Department', field);
  found(await getDepartment(ctx.store, key), 'department', field);
  return key;
}

/** A finding as the API shows it (its id within the investigation is `findingId`). */
const findingNode = (f: Finding) => ({ ...f, findingId: f.id });

/** A change of the investigation's own fields (closing it): the investigation and its audit event. */
function changeInvestigation(ctx: Context, now: string, before: InvestigationRecord, patch: Partial<InvestigationRecord>, action: string) {
  const after: InvestigationRecord = { ...before, ...patch, version: before.version + 1, updatedAt: now };
  return outcome({ investigation: after }, [oversightChange.investigation(after, before.version)], [
    auditEvent(ctx, now, 'Investigation', after.id, action, before, after, { article: '第19条' }),
  ]);
}

/**
 * Adds or changes one child of an investigation (a finding or a proposal), in one transaction: the child (new:
 * must not exist yet; changed: at the version read), the investigation with its version advanced from the one
 * read (so of two racing writes one loses cleanly), and one audit event in the investigation's partition that
 * records the child only: the new child whole, or the changed fields of a changed one.
 */
function changeChild<C extends { id: string; version: number }>(
  ctx: Context,
  now: string,
  before: InvestigationRecord,
  kind: 'finding' | 'proposal',
  childBefore: C | undefined,
  { child, patch }: ChildChange<C>,
  write: (child: C, expectedVersion?: number) => Change,
  action: string,
) {
  const after: InvestigationRecord = { ...before, ...patch, version: before.version + 1, updatedAt: now };
  const changed = childBefore ? diff(childBefore, child) : { before: {}, after: { ...child } };
  delete changed.after.version;
  const event = auditEvent(ctx, now, 'Investigation', after.id, action, childBefore && { [kind]: { ...changed.before, id: child.id } }, { [kind]: { ...changed.after, id: child.id } }, {
    article: '第19条',
  });
  return outcome({ investigation: after }, [write(child, childBefore?.version), oversightChange.investigation(after, before.version)], [event]);
}

@Resolver(() => Investigation)
export class InvestigationResolver {
  @Query(() => InvestigationConnection, { description: '実施中の調査(開始日の古い順、第19条)。 / Investigations still open, oldest first.' })
  openInvestigations(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listOpenInvestigations(ctx.store, first, after)));
  }


  @FieldResolver(() => System)
  system(@Root() i: InvestigationRecord, @Ctx() ctx: Context) {
    return getSystem(ctx.store, i.systemId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '調査を行う情報システム管理者。 / The system administrator investigating.' })
  investigator(@Root() i: InvestigationRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, i.investigatorId);
  }

  @FieldResolver(() => InvestigationFindingConnection, { description: '調査の所見(記録順)。 / The findings of the investigation, in the order recorded.' })
  findings(@Root() i: InvestigationRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => {
      const page = await listFindings(ctx.store, i.id, first, after);
      return connection({ nodes: page.nodes.map(findingNode), endCursor: page.endCursor });
    });
  }

  @FieldResolver(() => ImprovementProposalConnection, { description: '調査の改善策(提示順)。 / The improvement proposals of the investigation, in the order proposed.' })
  proposals(@Root() i: InvestigationRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listProposalsOfInvestigation(ctx.store, i.id, first, after)));
  }

  @FieldResolver(() => Boolean, { description: '所見・改善策を記録できるか(情報システム管理者、調査中)。 / Whether the viewer may add findings and proposals.' })
  viewerCanAddFindings(@Root() i: InvestigationRecord, @Ctx() ctx: Context) {
    return i.status === 'OPEN' && isAdministrator(ctx);
  }

  @FieldResolver(() => Boolean, { description: '終了できるか(改善策がすべて完了)。 / Whether the viewer may close it now.' })
  viewerCanClose(@Root() i: InvestigationRecord, @Ctx() ctx: Context) {
    return i.status === 'OPEN' && isAdministrator(ctx) && everyProposalCompleted(i);
  }


  @Mutation(() => InvestigationPayload, {
    description: '行政システムの調査の開始(情報システム管理者、第19条)。 / Start investigating a system (the system administrator).',
  })
  startInvestigation(@Arg('input') input: StartInvestigationInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const system = await loadSystem(ctx, input.systemId, 'systemId');
      const i = startInvestigation(ctx.viewer, system.id, input, newId(now), now);
      return outcome({ investigation: i }, [oversightChange.investigation(i)], [
        auditEvent(ctx, now, 'Investigation', i.id, 'investigation.started', undefined, i, { article: '第19条' }),
      ]);
    });
  }

  @Mutation(() => InvestigationPayload, {
    description: '所見の記録: 信頼性・有効性・経済性・安全性等の見地から(第19条)。 / Record a finding from one of the standpoints of 第19条.',
  })
  addInvestigationFinding(@Arg('input') input: AddInvestigationFindingInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadInvestigation(ctx, input.investigationId, input.expectedVersion);
      const change = addFinding(ctx.viewer, before, input, newId(now), now);
      return changeChild(ctx, now, before, 'finding', undefined, change, oversightChange.finding, 'investigation.findingAdded');
    });
  }

  @Mutation(() => InvestigationPayload, {
    description: '必要な改善策の提示: 実施する主管課あて(第19条)。 / Propose an improvement, addressed to the department that is to act.',
  })
  addImprovementProposal(@Arg('input') input: AddImprovementProposalInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadInvestigation(ctx, input.investigationId, input.expectedVersion);
      const departmentId = await departmentKey(ctx, input.departmentId, 'departmentId');
      const findingId = input.findingId ?? undefined;
      const finding = findingId ? await getFinding(ctx.store, before.id, findingId) : undefined;
      const change = addProposal(ctx.viewer, before, { text: input.text, departmentId, findingId, dueOn: input.dueOn ?? undefined }, finding, newId(now), now);
      return changeChild(ctx, now, before, 'proposal', undefined, change, oversightChange.proposal, 'investigation.proposalAdded');
    });
  }

  @Mutation(() => InvestigationPayload, {
    description: '改善策の実施報告(宛先の主管課の情報管理責任者)。 / Report a proposal carried out (the addressed department’s information manager).',
  })
  reportImprovementDone(@Arg('input') input: ReportImprovementDoneInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const [before, proposal] = await loadWithProposal(ctx, input);
      const change = reportProposalDone(ctx.viewer, before, proposal, input.note, now);
      return changeChild(ctx, now, before, 'proposal', proposal, change, oversightChange.proposal, 'investigation.proposalReportedDone');
    });
  }

  @Mutation(() => InvestigationPayload, {
    description: '実施報告の確認: 完了とし、又は差し戻す(情報システム管理者)。 / Accept a reported proposal as completed, or reopen it (the system administrator).',
  })
  reviewImprovement(@Arg('input') input: ReviewImprovementInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const [before, proposal] = await loadWithProposal(ctx, input);
      const change = reviewProposal(ctx.viewer, before, proposal, input.accept, now);
      const action = input.accept ? 'investigation.proposalCompleted' : 'investigation.proposalReopened';
      return changeChild(ctx, now, before, 'proposal', proposal, change, oversightChange.proposal, action);
    });
  }

  @Mutation(() => InvestigationPayload, { description: '調査の終了(改善策がすべて完了していること)。 / Close an investigation once every proposal is completed.' })
  closeInvestigation(@Arg('input') input: CloseInvestigationInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadInvestigation(ctx, input.investigationId, input.expectedVersion);
      return changeInvestigation(ctx, now, before, closeInvestigation(ctx.viewer, before, now), 'investigation.closed');
    });
  }
}

@Resolver(() => ImprovementProposal)
export class ImprovementProposalResolver {
  @Query(() => ImprovementProposalConnection, {
    description: '期限を過ぎて完了していない改善策(期限の古い順)。 / Proposals past their due date and not completed, most overdue first.',
  })
  overdueImprovementProposals(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listOverdueProposals(ctx.store, tokyoDate(ctx.clock()), first, after)));
  }

  @FieldResolver(() => ID, { description: '改善策ID(この調査の中で一意)。 / The proposal’s id within its investigation.' })
  proposalId(@Root() p: ProposalEntry) {
    return p.id;
  }

  @FieldResolver(() => Investigation)
  investigation(@Root() p: ProposalEntry, @Ctx() ctx: Context) {
    return getInvestigation(ctx.store, p.investigationId);
  }

  @FieldResolver(() => InvestigationFinding, { nullable: true, description: '対応する所見。 / The finding it answers.' })
  async finding(@Root() p: ProposalEntry, @Ctx() ctx: Context) {
    if (!p.findingId) return undefined;
    const f = await getFinding(ctx.store, p.investigationId, p.findingId);
    return f && findingNode(f);
  }

  @FieldResolver(() => Department, { description: '改善策を実施する主管課。 / The department that is to act.' })
  department(@Root() p: ProposalEntry, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, p.departmentId);
  }

  @FieldResolver(() => Boolean, { description: '期限を過ぎて完了していないか。 / Whether it is past due and not completed.' })
  overdue(@Root() p: ProposalEntry, @Ctx() ctx: Context) {
    return isOverdue(p, ctx.clock());
  }

  @FieldResolver(() => Boolean, { description: '実施を報告できるか(宛先の主管課の情報管理責任者)。 / Whether the viewer may report it done.' })
  viewerCanReportDone(@Root() p: ProposalEntry, @Ctx() ctx: Context) {
    return p.status === 'OPEN' && holds(ctx.viewer, 'INFORMATION_MANAGER', ctx.clock(), p.departmentId);
  }

  @FieldResolver(() => Boolean, { description: '実施報告を確認できるか(情報システム管理者)。 / Whether the viewer may accept or reopen it.' })
  viewerCanReview(@Root() p: ProposalEntry, @Ctx() ctx: Context) {
    return p.status === 'REPORTED_DONE' && isAdministrator(ctx);
  }
}

@Resolver(() => System)
export class SystemInvestigationsResolver {
  @FieldResolver(() => InvestigationConnection, { description: 'このシステムの調査(新しい順、第19条)。 / Investigations of this system, newest first.' })
  investigations(@Root() s: SystemRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listInvestigationsOfSystem(ctx.store, s.id, first, after)));
  }
}

@Resolver(() => Department)
export class DepartmentOversightResolver {
  @FieldResolver(() => ImprovementProposalConnection, {
    description: 'この課あての未完了の改善策(期限の近い順、第19条)。 / Improvement proposals addressed to the department and not completed, soonest due first.',
  })
  openImprovementProposals(@Root() d: { id: string }, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listOpenProposalsOfDepartment(ctx.store, d.id, first, after)));
  }

  @FieldResolver(() => GuidanceConnection, { description: 'この課の情報管理責任者への指導・助言(新しい順、第20条)。 / Guidance and advice given to the department, newest first.' })
  guidance(@Root() d: { id: string }, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listGuidanceOfDepartment(ctx.store, d.id, first, after)));
  }
}

@Resolver(() => Guidance)
export class GuidanceResolver {

  @FieldResolver(() => Department)
  department(@Root() g: GuidanceRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, g.departmentId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '指導・助言をした情報システム管理者。 / Who gave it.' })
  givenBy(@Root() g: GuidanceRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, g.givenBy);
  }

  @FieldResolver(() => Person, { nullable: true, description: '受領を確認した情報管理責任者。 / Who acknowledged it.' })
  acknowledgedBy(@Root() g: GuidanceRecord, @Ctx() ctx: Context) {
    return g.acknowledgedBy ? getPerson(ctx.store, g.acknowledgedBy) : undefined;
  }

  @FieldResolver(() => Boolean, { description: '受領を確認できるか(当該主管課の情報管理責任者)。 / Whether the viewer may acknowledge it.' })
  viewerCanAcknowledge(@Root() g: GuidanceRecord, @Ctx() ctx: Context) {
    return !g.acknowledgedBy && holds(ctx.viewer, 'INFORMATION_MANAGER', ctx.clock(), g.departmentId);
  }


  @Mutation(() => GuidancePayload, {
    description: '情報管理責任者への指導及び助言(情報システム管理者、第20条)。 / Give guidance or advice to a department’s information manager (the system administrator).',
  })
  giveGuidance(@Arg('input') input: GiveGuidanceInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const departmentId = await departmentKey(ctx, input.departmentId, 'departmentId');
      const g = giveGuidance(ctx.viewer, { departmentId, kind: input.kind, subject: input.subject, content: input.content, givenOn: input.givenOn }, newId(now), now);
      return outcome({ guidance: g }, [oversightChange.guidance(g)], [auditEvent(ctx, now, 'Guidance', g.id, 'guidance.given', undefined, g, { article: '第20条' })]);
    });
  }

  @Mutation(() => GuidancePayload, { description: '指導・助言の受領確認(当該主管課の情報管理責任者)。 / Acknowledge guidance received (the department’s information manager).' })
  acknowledgeGuidance(@Arg('input') input: AcknowledgeGuidanceInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = found(await getGuidance(ctx.store, keyOf(input.guidanceId, 'Guidance', 'guidanceId')), 'guidance', 'guidanceId');
      assertVersion(before.version, input.expectedVersion);
      const after: GuidanceRecord = { ...before, ...acknowledgeGuidance(ctx.viewer, before, now), version: before.version + 1, updatedAt: now };
      return outcome({ guidance: after }, [oversightChange.guidance(after, before.version)], [
        auditEvent(ctx, now, 'Guidance', after.id, 'guidance.acknowledged', before, after, { article: '第20条' }),
      ]);
    });
  }
}

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @Query(() => TrainingSessionConnection, { description: '研修(実施日の新しい順、第21条)。 / Training sessions, newest first.' })
  trainingSessions(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listTrainings(ctx.store, first, after)));
  }


  @FieldResolver(() => PersonConnection, { description: '受講した職員(職員ID順)。 / Who attended, by person id.' })
  attendees(@Root() t: TrainingRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => {
      const page = await listAttendance(ctx.store, t.id, first, after);
      const people = await Promise.all(page.personIds.map((id) => getPerson(ctx.store, id)));
      return connection({ nodes: people.filter((p) => p !== undefined), endCursor: page.endCursor });
    });
  }

  @FieldResolver(() => Int, { description: '受講者数。 / How many attended.' })
  attendeeCount(@Root() t: TrainingRecord) {
    return t.attendeeCount ?? 0;
  }

  @FieldResolver(() => Person, { nullable: true, description: '研修を行う情報システム管理者。 / Who organizes it.' })
  organizedBy(@Root() t: TrainingRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, t.organizedBy);
  }

  @FieldResolver(() => Boolean, { description: '受講者を記録できるか(実施日以後、情報システム管理者)。 / Whether the viewer may record attendance now.' })
  viewerCanRecordAttendance(@Root() t: TrainingRecord, @Ctx() ctx: Context) {
    return isAdministrator(ctx) && t.heldOn <= tokyoDate(ctx.clock());
  }


  @Mutation(() => TrainingSessionPayload, { description: '職員の研修の予定(情報システム管理者、第21条)。 / Schedule a training session (the system administrator).' })
  scheduleTraining(@Arg('input') input: ScheduleTrainingInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const t = scheduleTraining(ctx.viewer, input, newId(now), now);
      return outcome({ training: t }, [oversightChange.training(t)], [
        auditEvent(ctx, now, 'TrainingSession', t.id, 'training.scheduled', undefined, t, { article: '第21条' }),
      ]);
    });
  }

  @Mutation(() => TrainingSessionPayload, {
    description: '研修の受講者の記録(実施日以後、情報システム管理者、第21条)。 / Record who attended, once held (the system administrator).',
  })
  recordTrainingAttendance(@Arg('input') input: RecordTrainingAttendanceInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = found(await getTraining(ctx.store, keyOf(input.trainingId, 'TrainingSession', 'trainingId')), 'training session', 'trainingId');
      assertVersion(before.version, input.expectedVersion);
      const ids = input.attendeeIds.map((id) => keyOf(id, 'Person', 'attendeeIds'));
      const [people, recorded] = await Promise.all([Promise.all(ids.map((id) => getPerson(ctx.store, id))), recordedAttendance(ctx.store, before.id, ids)]);
      const { added, patch } = recordAttendance(ctx.viewer, before, ids, recorded, now);
      if (people.some((p) => p === undefined)) found(undefined, 'person', 'attendeeIds');
      const after: TrainingRecord = { ...before, ...patch, version: before.version + 1, updatedAt: now };
      // Each attendance (new) beside the training, the training at the version read, and one audit event naming
      // only those added.
      return outcome({ training: after }, [oversightChange.training(after, before.version), ...added.map((id) => oversightChange.attendance(after, id))], [
        auditEvent(ctx, now, 'TrainingSession', after.id, 'training.attendanceRecorded', { attendeeCount: before.attendeeCount ?? 0 }, { attendeeCount: after.attendeeCount, attendeesAdded: added }, {
          article: '第21条',
        }),
      ]);
    });
  }
}

@Resolver(() => Person)
export class PersonTrainingResolver {
  @FieldResolver(() => TrainingSessionConnection, { description: '受講した研修(新しい順、第21条)。 / The trainings the person attended, newest first.' })
  trainingsAttended(@Root() p: { id: string }, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listTrainingsAttended(ctx.store, p.id, first, after)));
  }
}

export const oversightResolvers: Function[] = [
  InvestigationResolver,
  ImprovementProposalResolver,
  SystemInvestigationsResolver,
  DepartmentOversightResolver,
  GuidanceResolver,
  TrainingSessionResolver,
  PersonTrainingResolver,
];
