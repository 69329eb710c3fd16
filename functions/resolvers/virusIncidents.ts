/**
 * コンピュータウィルス対策 (第26条): the information manager in charge disconnects, reports and requests recovery
 * (第3項); the system administrator designates the information manager who removes the virus and tells the others
 * where needed (第4項); the administrator closes the incident once every step is done and personal information
 * has been assessed. Each step is an audit event citing its article.
 */
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  STEP_ARTICLE,
  StepRecord,
  VirusIncident as IncidentRecord,
  assertMayReadIncidents,
  incidentActions,
  mayReadIncidents,
  progressOf,
  virusIncident,
} from '../domain/virusIncidents';
import { getDepartment, getPerson, listAllRoleHolders } from '../store/people';
import { getSystem } from '../store/systems';
import { listIncidentsOfSystem, listOpenIncidents } from '../store/virusIncidents';
import { PageArgs } from '../../graphql/common';
import {
  AssessVirusIncidentPersonalInformationInput,
  CloseVirusIncidentInput,
  DesignateVirusRemovalManagerInput,
  OutsideReportDecision,
  RecordVirusIncidentStepInput,
  ReportVirusIncidentInput,
  VirusIncident,
  VirusIncidentConnection,
  VirusIncidentPayload,
  VirusIncidentStep,
  VirusIncidentStepRecord,
} from '../../graphql/virusIncidents';
import { Department, Person } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { Context } from './context';
import { equipmentField } from './equipment';
import { computed, related } from './fields';
import { actionsOf, iso, read, INPUT, connection, EMPTY_PAGE } from './support';
import { change, create, load, loadActor, loadOptional } from './write';

const can = (ctx: Context, v: IncidentRecord) => actionsOf(ctx, v, incidentActions);
const payload = (incident: IncidentRecord) => ({ incident });
const target = (input: { incidentId: string; expectedVersion: number }) => ({
  kind: 'VirusIncident' as const,
  id: input.incidentId,
  field: 'incidentId',
  expectedVersion: input.expectedVersion,
});

const StepFields = computed<StepRecord>(VirusIncidentStepRecord, {
  by: [() => Person, (s, ctx) => getPerson(ctx.store, s.by), { description: '行った者。 / Who did it.' }],
  notNeeded: [() => Boolean, (s) => s.notNeeded === true],
  article: [() => String, (s) => STEP_ARTICLE[s.step], { description: '根拠条文。 / The article.' }],
});

const DecisionFields = computed<{ decidedBy: string }>(OutsideReportDecision, {
  decidedBy: [() => Person, (d, ctx) => getPerson(ctx.store, d.decidedBy), { description: '判断した者。 / Who decided.' }],
});

const IncidentFields = computed<IncidentRecord>(VirusIncident, {
  equipment: equipmentField('感染(疑い)のある電子計算機器(台帳にある場合)。 / The device, when in the register of equipment.'),
  system: [() => System, (v, ctx) => getSystem(ctx.store, v.systemId), { description: '感染(疑い)のある行政システム。 / The system affected.' }],
  department: [() => Department, (v, ctx) => getDepartment(ctx.store, v.departmentId), { description: '業務を所管する課(第26条第3項の義務を負う)。 / The department in charge (第26条第3項).' }],
  removalManager: [() => Person, (v, ctx) => related(ctx, getPerson, v.removalManagerId), { nullable: true, description: '駆除を行う情報管理責任者(第26条第4項)。 / The manager designated to remove the virus.' }],
  recordedBy: [() => Person, (v, ctx) => getPerson(ctx.store, v.recordedBy), { nullable: true, description: '記録した者。 / Who recorded the incident.' }],
  steps: [() => [VirusIncidentStepRecord], (v) => v.steps, { description: '記録された手順(順に)。 / The steps done, in order.' }],
  nextStep: [() => VirusIncidentStep, (v) => progressOf(v).nextStep, { nullable: true, description: '次に行う手順。 / The step due next.' }],
  missingForClosure: [
    () => [String],
    (v) => progressOf(v).missingForClosure,
    { description: '終結に足りないもの(手順、PERSONAL_INFORMATION_ASSESSMENT、OUTSIDE_REPORT_DECISION)。 / What still keeps it open: steps, the personal-information assessment, the outside-report decision.' },
  ],
  viewerCanDesignateRemovalManager: [() => Boolean, (v, ctx) => can(ctx, v).designateRemovalManager, { description: '駆除を行う者を指定できるか(情報システム管理者)。 / Whether the viewer may designate the removal manager.' }],
  viewerCanRecordStep: [() => Boolean, (v, ctx) => can(ctx, v).recordStep, { description: '次の手順を記録できるか。 / Whether the viewer may record the next step.' }],
  viewerCanAssessPersonalInformation: [() => Boolean, (v, ctx) => can(ctx, v).assessPersonalInformation, { description: '個人情報への影響を判断できるか。 / Whether the viewer may assess personal information.' }],
  viewerCanClose: [() => Boolean, (v, ctx) => can(ctx, v).close, { description: '終結できるか(情報システム管理者、全手順の完了後)。 / Whether the viewer may close it now.' }],
});

@Resolver(() => VirusIncident)
export class VirusIncidentResolver {
  @Query(() => VirusIncidentConnection, {
    description: '対応中のウィルス事案(古い順、第26条)。 / Open virus incidents, oldest first (the system administrator, general manager and information managers).',
  })
  openVirusIncidents(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      assertMayReadIncidents(ctx.viewer, ctx.clock());
      return connection(await listOpenIncidents(ctx.store, paging));
    });
  }

  @Mutation(() => VirusIncidentPayload, {
    description:
      '感染又はその疑いの記録(業務を所管する情報管理責任者、第26条第3項)。 / Record a device infected or suspected (the information manager in charge of the work).',
  })
  reportVirusIncident(@Arg('input', { description: INPUT }) input: ReportVirusIncidentInput, @Ctx() ctx: Context) {
    const { device, suspected, description } = input;
    return create(ctx, async (now, id) => {
      const [system, roleHolders] = await Promise.all([load(ctx, 'System', input.systemId, 'systemId'), listAllRoleHolders(ctx.store, ['SYSTEM_ADMINISTRATOR'])]);
      const equipment = await loadOptional(ctx, 'Equipment', input.equipmentId, 'equipmentId');
      return virusIncident.report(ctx.viewer, system, { device, suspected, description, detectedAt: input.detectedAt ? iso(input.detectedAt) : now }, id, now, roleHolders, equipment);
    }, payload);
  }

  @Mutation(() => VirusIncidentPayload, {
    description: '駆除を行う情報管理責任者の指定(情報システム管理者、第26条第4項)。 / Designate the information manager who removes the virus (the system administrator).',
  })
  designateVirusRemovalManager(@Arg('input', { description: INPUT }) input: DesignateVirusRemovalManagerInput, @Ctx() ctx: Context) {
    return change(ctx, target(input), async (v, now) => virusIncident.designateRemovalManager(ctx.viewer, v, await loadActor(ctx, input.managerId, 'managerId'), now), payload);
  }

  @Mutation(() => VirusIncidentPayload, {
    description: '次の手順の記録(第26条第3項・第4項の順、定められた者が行う)。 / Record the next step, in the order of 第26条, by the one the article names.',
  })
  recordVirusIncidentStep(@Arg('input', { description: INPUT }) input: RecordVirusIncidentStepInput, @Ctx() ctx: Context) {
    const { step, note, notNeeded } = input;
    return change(ctx, target(input), (v, now) =>
      virusIncident.recordStep(ctx.viewer, v, { step, at: input.at ? iso(input.at) : now, note: note ?? undefined, notNeeded: notNeeded ?? undefined }, now), payload);
  }

  @Mutation(() => VirusIncidentPayload, {
    description:
      '個人情報への影響と外部への報告の判断(業務を所管する情報管理責任者又は情報システム管理者)。 / Assess whether personal information was affected and, if so, whether to report outside.',
  })
  assessVirusIncidentPersonalInformation(@Arg('input', { description: INPUT }) input: AssessVirusIncidentPersonalInformationInput, @Ctx() ctx: Context) {
    const { impact, reportOutside, reason } = input;
    return change(ctx, target(input), (v, now) =>
      virusIncident.assessPersonalInformation(ctx.viewer, v, { impact, reportOutside: reportOutside ?? undefined, reason: reason ?? undefined }, now), payload);
  }

  @Mutation(() => VirusIncidentPayload, {
    description: '事案の終結(情報システム管理者、全手順と個人情報の判断の後)。 / Close the incident (the system administrator, once every step is done).',
  })
  closeVirusIncident(@Arg('input', { description: INPUT }) input: CloseVirusIncidentInput, @Ctx() ctx: Context) {
    return change(ctx, target(input), (v, now) => virusIncident.close(ctx.viewer, v, now), payload);
  }
}

/** A system's incidents. */
@Resolver(() => System)
export class SystemVirusIncidentsResolver {
  @FieldResolver(() => VirusIncidentConnection, {
    description:
      'ウィルス事案(新しい順、第26条)。閲覧できない者には空。 / Its virus incidents, newest first; empty for those who may not read incidents.',
  })
  virusIncidents(@Root() s: { id: string }, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    // 第26条: for anyone else the list is empty, as for a system without incidents — never a refusal beside the system.
    if (!mayReadIncidents(ctx.viewer, ctx.clock())) return connection(EMPTY_PAGE);
    return read(ctx, async () => connection(await listIncidentsOfSystem(ctx.store, s.id, paging)));
  }
}

export const virusIncidentResolvers: Function[] = [StepFields, DecisionFields, IncidentFields, VirusIncidentResolver, SystemVirusIncidentsResolver];
