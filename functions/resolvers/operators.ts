/** 操作職員等 (第12条, 様式第5号): who may operate a system. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { tokyoDate } from '../domain/people';
import { SystemRecord } from '../domain/systems';
import { ARTICLE_BUSINESS, ARTICLE_INFORMATION, OperatorDesignation as DesignationRecord, OperatorReport as ReportRecord, ReportEntry, draftReport, isDesignatedOn, mayRelease, operatorActions, operatorDesignation, designationsOfReport } from '../domain/operators';
import { getDepartment, getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import { getReport, getSlot, listDesignationsOfPerson, listOperatorsOfSystem, listReportsOfSystem, loadWorkspace } from '../store/operators';
import { DateTime, PageArgs } from '../../graphql/common';
import { DesignateOperatorInput, OperatorDesignation, OperatorDesignationConnection, OperatorDesignationPayload, OperatorReport, OperatorReportConnection, OperatorReportEntry, OperatorReportPayload, ReleaseOperatorInput, ReportOperatorsInput } from '../../graphql/operators';
import { Department, Person } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { fromGlobalId } from '../../graphql/globalId';
import { Context } from './context';
import { computed, related } from './fields';
import { actionsOf, read, INPUT, connection } from './support';
import { change, create, load } from './write';
import { draft } from './applications';
import { filterPage } from '../store/table';

/** The day `at` (default: now) falls on, in the city's calendar. */
const dayOf = (ctx: Context, at: Date | undefined) => tokyoDate(at ? at.toISOString() : ctx.clock());

/** The key of a person's global id; none when the id is not a person's (the domain refuses it, naming the entry). */
const personKey = (id: string, decoded = fromGlobalId(id)) => (decoded?.type === 'Person' ? decoded.key : undefined);

const designationPayload = (designation: DesignationRecord) => ({ designation });
const can = (ctx: Context, s: SystemRecord) => actionsOf(ctx, s, operatorActions);

@Resolver(() => OperatorDesignation)
export class OperatorDesignationResolver {
  @Mutation(() => OperatorDesignationPayload, { description: '情報系システムの操作職員等の指定(情報システム管理者、第12条第1項)。業務系は様式第5号(reportOperators)。 / The system administrator designates an operator of a 情報系 system.' })
  designateOperator(@Arg('input', { description: INPUT }) input: DesignateOperatorInput, @Ctx() ctx: Context) {
    const period = { validFrom: input.validFrom, validUntil: input.validUntil ?? undefined };
    return create(ctx, async (now, id) => {
      const system = await load(ctx, 'System', input.systemId, 'systemId');
      const person = await load(ctx, 'Person', input.personId, 'personId');
      return operatorDesignation.designate(ctx.viewer, system, person.id, period, await getSlot(ctx.store, system.id, person.id), id, now);
    }, designationPayload);
  }

  @Mutation(() => OperatorDesignationPayload, { description: '情報系システムの操作職員等の指定の解除(情報システム管理者、第12条第1項)。 / The system administrator releases an operator of a 情報系 system.' })
  releaseOperator(@Arg('input', { description: INPUT }) input: ReleaseOperatorInput, @Ctx() ctx: Context) {
    return change(ctx, { kind: 'OperatorDesignation', id: input.designationId, field: 'designationId' }, async (d, now) => {
      const [system, slot] = await Promise.all([getSystem(ctx.store, d.systemId), getSlot(ctx.store, d.systemId, d.personId)]);
      return operatorDesignation.release(ctx.viewer, system, d, input.expectedVersion, input.effectiveOn, slot, now);
    }, designationPayload);
  }
}

@Resolver(() => OperatorReport)
export class OperatorReportResolver {
  @Mutation(() => OperatorReportPayload, {
    description:
      '業務系システム操作職員等指定・解除報告書(様式第5号)の作成(`submit: true` で提出)。提出により各行が記載の日から効力を生じる(第12条第2項)。 / The information manager reports designations and releases in advance; on submission they take effect on their days.',
  })
  reportOperators(@Arg('input', { description: INPUT }) input: ReportOperatorsInput, @Ctx() ctx: Context) {
    const entries = input.entries.map((e) => ({ action: e.action, personId: personKey(e.personId), effectiveOn: e.effectiveOn }));
    return draft(ctx, 'OperatorReport', async (now, id) => {
      const system = await load(ctx, 'System', input.systemId, 'systemId');
      const people = await Promise.all(entries.map((e) => (e.personId ? getPerson(ctx.store, e.personId) : undefined)));
      return draftReport(ctx.viewer, system, { entries, note: input.note ?? undefined }, people, input.submit, id, now);
    }, input.submit, (report) => ({ report }));
  }
}

/** "Who may operate this system": a field of System, and what 様式第5号 has been filed on it. */
@Resolver(() => System)
export class SystemOperatorsResolver {
  @FieldResolver(() => OperatorDesignationConnection, { description: 'この日時に操作できる職員等(指定されている者、第12条)。既定は現在。 / Who may operate the system at `at` (default: now): the designations in force that day.' })
  operators(@Root() s: SystemRecord, @Args() paging: PageArgs, @Arg('at', () => DateTime, { nullable: true, description: '基準の日時(省略時は現在)。 / As of when (default: now).' }) at: Date | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const date = dayOf(ctx, at);
      const page = await listOperatorsOfSystem(ctx.store, s.id, date, paging);
      return connection(filterPage(page, (d) => isDesignatedOn(d, date)));
    });
  }

  @FieldResolver(() => OperatorReportConnection, { description: '業務系システム操作職員等指定・解除報告書(様式第5号、新しい順)。 / Its 様式第5号 reports, newest first.' })
  operatorReports(@Root() s: SystemRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listReportsOfSystem(ctx.store, s.id, paging)));
  }
}

/** A person's designations. */
@Resolver(() => Person)
export class PersonOperatorsResolver {
  @FieldResolver(() => OperatorDesignationConnection, { description: 'この日時に操作できるシステムの指定(第12条)。既定は現在。 / The person’s designations in force at `at` (default: now).' })
  operatorDesignations(@Root() p: { id: string }, @Args() paging: PageArgs, @Arg('at', () => DateTime, { nullable: true, description: '基準の日時(省略時は現在)。 / As of when (default: now).' }) at: Date | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const date = dayOf(ctx, at);
      const page = await listDesignationsOfPerson(ctx.store, p.id, date, paging);
      return connection(filterPage(page, (d) => isDesignatedOn(d, date)));
    });
  }
}

const DesignationFields = computed<DesignationRecord>(OperatorDesignation, {
  system: [() => System, (d, ctx) => getSystem(ctx.store, d.systemId), { description: '操作するシステム。 / The system to operate.' }],
  person: [() => Person, (d, ctx) => getPerson(ctx.store, d.personId), { description: '指定された職員等。 / The person designated.' }],
  designatedBy: [() => Person, (d, ctx) => getPerson(ctx.store, d.designatedBy), { description: '指定した者。 / Who designated.' }],
  releasedBy: [() => Person, (d, ctx) => related(ctx, getPerson, d.releasedBy), { nullable: true, description: '解除した者。 / Who released.' }],
  report: [() => OperatorReport, (d, ctx) => related(ctx, getReport, d.reportId), { nullable: true, description: '指定を報告した様式第5号。 / The 様式第5号 that designated.' }],
  releaseReport: [() => OperatorReport, (d, ctx) => related(ctx, getReport, d.releaseReportId), { nullable: true, description: '解除を報告した様式第5号。 / The 様式第5号 that released.' }],
  article: [() => String, (d) => (d.basis === 'ADMINISTRATOR' ? ARTICLE_INFORMATION : ARTICLE_BUSINESS), { description: '根拠条文。 / The article.' }],
  current: [() => Boolean, (d, ctx) => isDesignatedOn(d, dayOf(ctx, undefined)), { description: '本日指定されているか。 / Whether the person is designated today.' }],
  viewerCanRelease: [
    () => Boolean,
    async (d, ctx) => {
      const system = await getSystem(ctx.store, d.systemId);
      return !!system && mayRelease(ctx.viewer, system, d, ctx.clock());
    },
    { description: '閲覧者が直接解除できるか(情報系、情報システム管理者)。 / Whether the viewer may release it directly.' },
  ],
});

const EntryFields = computed<ReportEntry>(OperatorReportEntry, {
  person: [() => Person, (e, ctx) => getPerson(ctx.store, e.personId), { description: '職員等。 / The person.' }],
});

const ReportFields = computed<ReportRecord>(OperatorReport, {
  system: [() => System, (r, ctx) => getSystem(ctx.store, r.systemId), { description: '業務系システム。 / The 業務系 system.' }],
  designations: [
    () => [OperatorDesignation],
    async (r, ctx) => designationsOfReport(r, await loadWorkspace(ctx.store, r.systemId, r.entries.map((e) => e.personId))),
    { description: 'この報告による指定・解除のうち効力のあるもの。 / The designations this report made or ended, while it stands.' },
  ],
  applicantDepartment: [() => Department, (r, ctx) => getDepartment(ctx.store, r.departmentId), { description: '報告した主管課(業務系システムの主管課)。 / The reporting department: the system’s.' }],
});

const SystemFields = computed<SystemRecord>(System, {
  viewerCanDesignateOperators: [() => Boolean, (s, ctx) => can(ctx, s).designate, { description: '閲覧者が操作職員等を直接指定できるか(情報系、情報システム管理者)。 / Whether the viewer designates operators directly.' }],
  viewerCanReportOperators: [() => Boolean, (s, ctx) => can(ctx, s).report, { description: '閲覧者が様式第5号で報告できるか(業務系、当該情報管理責任者)。 / Whether the viewer reports operators on 様式第5号.' }],
});

export const operatorResolvers: Function[] = [
  OperatorDesignationResolver, OperatorReportResolver, SystemOperatorsResolver, PersonOperatorsResolver, DesignationFields, EntryFields, ReportFields, SystemFields,
];
