/**
 * データの外部提供 (様式第8号, 第15条): consultation with the general manager, the agreement checked clause by clause
 * against 第15条第4項, and the obligations that follow provision.
 */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ExternalProvision as ProvisionRecord, clauseStatuses, draftProvision, externalProvision, isAgreementComplete, openObligations, stage } from '../domain/externalProvision';
import { getDepartment } from '../store/people';
import { getDatasets, listInspections, listProvisionIncidents, listProvisionsOfDepartment, listProvisionsPastPeriod } from '../store/data';
import { MAX_PAGE, PageArgs } from '../../graphql/common';
import {
  Agreement, ConcludeAgreementInput, ConsultExternalProvisionInput, ExternalProvision, ExternalProvisionConnection, ExternalProvisionPayload, IncidentReport,
  IncidentReportConnection, Inspection, InspectionConnection, Obligation, ProvisionStage, RecordAgreementClauseInput, RecordIncidentInput,
  RecordInspectionInput, RecordReturnOrDisposalInput, RequiredItem,
} from '../../graphql/externalProvision';
import { Dataset } from '../../graphql/datasets';
import { Department } from '../../graphql/people';
import { Context } from './context';
import { read, INPUT, connection } from './support';
import { change, load } from './write';
import { draft } from './applications';
import { computed, departmentOrOwn, legalBasisFields } from './fields';

const payload = (provision: ProvisionRecord) => ({ provision });
const target = (input: { provisionId: string; expectedVersion: number }) =>
  ({ kind: 'ExternalProvision' as const, id: input.provisionId, field: 'provisionId', expectedVersion: input.expectedVersion });

@Resolver(() => ExternalProvision)
export class ExternalProvisionResolver {
  @Query(() => ExternalProvisionConnection, {
    description:
      '期間が終了したのに返還又は廃棄が記録されていない外部提供(第15条第4項第4号)。 / Provisions past their period with no return or disposal recorded.',
  })
  provisionsPastPeriod(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listProvisionsPastPeriod(ctx.store, ctx.clock(), paging)));
  }

  @Query(() => ExternalProvisionConnection, { description: '主管課の外部提供(新しい順)。既定は自分の課。 / A department’s provisions, newest first.' })
  externalProvisions(
    @Args() paging: PageArgs,
    @Arg('departmentId', () => ID, { nullable: true, description: '主管課のID(省略時は自分の課)。 / The department’s id; the viewer’s own when omitted.' }) departmentId: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return read(ctx, async () => connection(await listProvisionsOfDepartment(ctx.store, departmentOrOwn(ctx, departmentId), paging)));
  }

  @FieldResolver(() => InspectionConnection, { description: '検査の記録(記録順、第15条第4項第5号)。 / The inspections recorded, in the order recorded.' })
  recordedInspections(@Root() p: ProvisionRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listInspections(ctx.store, p.id, paging)));
  }

  @FieldResolver(() => IncidentReportConnection, { description: '提供先の事故報告(記録順、第15条第4項第6号)。 / The incidents reported, in the order recorded.' })
  reportedIncidents(@Root() p: ProvisionRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listProvisionIncidents(ctx.store, p.id, paging)));
  }

  @Mutation(() => ExternalProvisionPayload, {
    description: 'データの外部提供協議書(様式第8号)の作成(あらかじめ総括管理責任者へ)。 / Consult the general manager in advance.',
  })
  consultExternalProvision(@Arg('input', { description: INPUT }) input: ConsultExternalProvisionInput, @Ctx() ctx: Context) {
    return draft(ctx, 'ExternalProvision', async (now, id) => {
      const datasets = await Promise.all(input.datasetIds.map((d) => load(ctx, 'Dataset', d, 'datasetIds')));
      return draftProvision(ctx.viewer, input, datasets, id, now);
    }, input.submit, payload);
  }

  @Mutation(() => ExternalProvisionPayload, { description: '協定書等の条件の記載の記録(第15条第4項)。 / Record where a condition stands in the agreement.' })
  recordAgreementClause(@Arg('input', { description: INPUT }) input: RecordAgreementClauseInput, @Ctx() ctx: Context) {
    return change(ctx, target(input), (p, now) => externalProvision.recordClause(ctx.viewer, p, input, now), payload);
  }

  @Mutation(() => ExternalProvisionPayload, {
    description: '協定書等の締結(第15条第3項)。条件が欠けていれば拒否し、欠けた号を示す。 / Conclude the agreement; refused, naming the item, while a condition is missing.',
  })
  concludeAgreement(@Arg('input', { description: INPUT }) input: ConcludeAgreementInput, @Ctx() ctx: Context) {
    return change(ctx, target(input), (p, now) => externalProvision.concludeAgreement(ctx.viewer, p, input, now), payload);
  }

  @Mutation(() => ExternalProvisionPayload, { description: '返還又は廃棄の記録(第15条第4項第4号)。 / Record the return or disposal.' })
  recordReturnOrDisposal(@Arg('input', { description: INPUT }) input: RecordReturnOrDisposalInput, @Ctx() ctx: Context) {
    return change(ctx, target(input), (p, now) => externalProvision.recordReturnOrDisposal(ctx.viewer, p, input, now), payload);
  }

  @Mutation(() => ExternalProvisionPayload, { description: '検査の記録(第15条第4項第5号)。 / Record an inspection.' })
  recordProvisionInspection(@Arg('input', { description: INPUT }) input: RecordInspectionInput, @Ctx() ctx: Context) {
    return change(ctx, target(input), (p, now, id) => externalProvision.recordInspection(ctx.viewer, p, input, id, now), payload);
  }

  @Mutation(() => ExternalProvisionPayload, { description: '提供先の事故報告の記録(第15条第4項第6号)。 / Record an incident the recipient reported.' })
  recordProvisionIncident(@Arg('input', { description: INPUT }) input: RecordIncidentInput, @Ctx() ctx: Context) {
    return change(ctx, target(input), (p, now, id) => externalProvision.recordIncident(ctx.viewer, p, input, id, now), payload);
  }
}

/** The agreement, each condition of 第15条第4項 with where it stands, and whether all are met. */
const agreementOf = (p: ProvisionRecord) => ({
  ...p.agreement,
  // Its provision, for the fields the agreement's page needs (printUrl).
  provision: p,
  clauses: clauseStatuses(p).map((c) => ({ ...c, requiredItem: c.requiredItem && { ...c.requiredItem, itemId: c.requiredItem.id } })),
  complete: isAgreementComplete(p),
});

const ProvisionFields = computed<ProvisionRecord>(ExternalProvision, {
  datasets: [() => [Dataset], async (p, ctx) => (await getDatasets(ctx.store, p.datasetIds)).filter(Boolean), { description: '提供するデータ。 / The datasets provided.' }],
  inspections: [
    () => [Inspection],
    async (p, ctx) => (await listInspections(ctx.store, p.id, { first: MAX_PAGE })).nodes,
    {
      description: '検査の記録(最初の100件)。 / The first 100 inspections recorded.',
      deprecationReason: '最初の100件のみ。recordedInspections(paging) を使ってください。 / Holds the first 100 only: use recordedInspections(paging).',
    },
  ],
  incidents: [
    () => [IncidentReport],
    async (p, ctx) => (await listProvisionIncidents(ctx.store, p.id, { first: MAX_PAGE })).nodes,
    {
      description: '提供先の事故報告(最初の100件)。 / The first 100 incidents reported.',
      deprecationReason: '最初の100件のみ。reportedIncidents(paging) を使ってください。 / Holds the first 100 only: use reportedIncidents(paging).',
    },
  ],
  department: [() => Department, (p, ctx) => getDepartment(ctx.store, p.departmentId), { description: '提供する主管課。 / The providing department.' }],
  applicantDepartment: [() => Department, (p, ctx) => getDepartment(ctx.store, p.departmentId), { description: '協議した主管課(提供する主管課)。 / The consulting department: the one providing.' }],
  stage: [() => ProvisionStage, (p, ctx) => stage(p, ctx.clock()), { description: '段階(承認かつ協定締結で初めて提供)。 / Stage: provided only once approved and concluded.' }],
  requiredItems: [() => [RequiredItem], (p) => p.requiredItems.map((i) => ({ ...i, itemId: i.id })), { description: '総括管理責任者が必要と認めた事項(第8号)。 / Clause-8 items the general manager required.' }],
  agreement: [() => Agreement, agreementOf, { description: '協定書等と第15条第4項の条件ごとの確認。 / The agreement and its clause-by-clause check.' }],
  openObligations: [() => [Obligation], (p, ctx) => openObligations(p, ctx.clock()), { description: '提供後も続く未了の義務。 / Obligations still open.' }],
  items: [() => [String], (p) => p.items ?? [], { description: '提供項目(この項目がなかった以前の記録は空)。 / The data items provided; empty on a record made before the form held them.' }],
  ...legalBasisFields<ProvisionRecord>(),
});

export const externalProvisionResolvers: Function[] = [ExternalProvisionResolver, ProvisionFields];
