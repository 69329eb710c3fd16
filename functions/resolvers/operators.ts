/** 操作職員等 (第12条, 様式第5号): who may operate a system. */
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { tokyoDate } from '../domain/people';
import { refuse } from '../domain/refusal';
import { SystemRecord } from '../domain/systems';
import {
  ARTICLE_BUSINESS,
  ARTICLE_INFORMATION,
  OperatorDesignation as DesignationRecord,
  OperatorReport as ReportRecord,
  OperatorSlot,
  ReportEntry,
  applyReport,
  assertMayDecide,
  assertMayDesignateDirectly,
  assertMayReport,
  assertReportInAdvance,
  designate,
  isDesignatedOn,
  mayDesignateDirectly,
  mayRelease,
  mayReport,
  release,
  slotId,
  undoReport,
  validateDirectPeriod,
  validateDirectRelease,
  validateEntries,
 
} from '../domain/operators';
import { assertVersion } from '../domain/workflow';
import { getDepartment, getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import {
  getDesignation,
  getReport,
  listDesignationsOfPerson,
  listOperatorsOfSystem,
  listReportsOfSystem,
  loadWorkspace,
  operatorChange,
  workspaceChanges,
} from '../store/operators';
import { listAuditOfObject } from '../store/audit';
import { connection, DateTime, PageArgs } from '../../graphql/common';
import {
  DesignateOperatorInput,
  OperatorDesignation,
  OperatorDesignationConnection,
  OperatorDesignationPayload,
  OperatorReport,
  OperatorReportConnection,
  OperatorReportEntry,
  OperatorReportPayload,
  ReleaseOperatorInput,
  ReportOperatorsInput,
} from '../../graphql/operators';
import { Department, Person } from '../../graphql/people';
import { System } from '../../graphql/systems';
import { AuditEventConnection } from '../../graphql/audit';
import { fromGlobalId } from '../../graphql/globalId';
import { Context } from './context';
import { auditEvent, found, keyOf, mutate, newId, outcome, read } from './support';
import { draftOutcome } from './applications';
import { loadSystem } from './systems';

/** The day `at` (default: now) falls on, in the city's calendar. */
const dayOf = (ctx: Context, at: Date | undefined) => tokyoDate(at ? at.toISOString() : ctx.clock());

/** Every person a report names exists (職員等 of the register). */
async function assertPeopleExist(ctx: Context, entries: ReportEntry[]): Promise<void> {
  const people = await Promise.all(entries.map((e) => getPerson(ctx.store, e.personId)));
  people.forEach((p, i) => {
    if (!p) refuse('NOT_FOUND', 'No person has that id.', undefined, ['entries', String(i), 'personId']);
  });
}




@Resolver(() => OperatorDesignation)
export class OperatorDesignationResolver {

  @FieldResolver(() => System)
  system(@Root() d: DesignationRecord, @Ctx() ctx: Context) {
    return getSystem(ctx.store, d.systemId);
  }

  @FieldResolver(() => Person, { description: '指定された職員等。 / The person designated.' })
  person(@Root() d: DesignationRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, d.personId);
  }

  @FieldResolver(() => Person, { description: '指定した者。 / Who designated.' })
  designatedBy(@Root() d: DesignationRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, d.designatedBy);
  }

  @FieldResolver(() => Person, { nullable: true, description: '解除した者。 / Who released.' })
  releasedBy(@Root() d: DesignationRecord, @Ctx() ctx: Context) {
    return d.releasedBy ? getPerson(ctx.store, d.releasedBy) : undefined;
  }

  @FieldResolver(() => OperatorReport, { nullable: true, description: '指定を報告した様式第5号。 / The 様式第5号 that designated.' })
  report(@Root() d: DesignationRecord, @Ctx() ctx: Context) {
    return d.reportId ? getReport(ctx.store, d.reportId) : undefined;
  }

  @FieldResolver(() => OperatorReport, { nullable: true, description: '解除を報告した様式第5号。 / The 様式第5号 that released.' })
  releaseReport(@Root() d: DesignationRecord, @Ctx() ctx: Context) {
    return d.releaseReportId ? getReport(ctx.store, d.releaseReportId) : undefined;
  }

  @FieldResolver(() => String, { description: '根拠条文。 / The article.' })
  article(@Root() d: DesignationRecord) {
    return d.basis === 'ADMINISTRATOR' ? ARTICLE_INFORMATION : ARTICLE_BUSINESS;
  }

  @FieldResolver(() => Boolean, { description: '本日指定されているか。 / Whether the person is designated today.' })
  current(@Root() d: DesignationRecord, @Ctx() ctx: Context) {
    return isDesignatedOn(d, dayOf(ctx, undefined));
  }

  @FieldResolver(() => Boolean, { description: '閲覧者が直接解除できるか(情報系、情報システム管理者)。 / Whether the viewer may release it directly.' })
  async viewerCanRelease(@Root() d: DesignationRecord, @Ctx() ctx: Context) {
    const system = await getSystem(ctx.store, d.systemId);
    return !!system && mayRelease(ctx.viewer, system, d, ctx.clock());
  }


  @Mutation(() => OperatorDesignationPayload, {
    description:
      '情報系システムの操作職員等の指定(情報システム管理者、第12条第1項)。業務系は様式第5号(reportOperators)。 / The system administrator designates an operator of a 情報系 system.',
  })
  designateOperator(@Arg('input') input: DesignateOperatorInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const system = await loadSystem(ctx, input.systemId, 'systemId');
      assertMayDesignateDirectly(ctx.viewer, system, now); // 第12条第1項 (業務系: 第2項)
      const personId = keyOf(input.personId, 'Person', 'personId');
      found(await getPerson(ctx.store, personId), 'person', 'personId');
      validateDirectPeriod(input.validFrom, input.validUntil ?? undefined, now);
      const ws = await loadWorkspace(ctx.store, system.id, [personId]);
      const key = slotId(system.id, personId);
      const out = designate(
        ws.slots.get(key) as OperatorSlot,
        { id: newId(now), systemId: system.id, personId, validFrom: input.validFrom, validUntil: input.validUntil ?? undefined, basis: 'ADMINISTRATOR', designatedBy: ctx.viewer.person.id },
        now,
        ARTICLE_INFORMATION,
        ['personId'],
      );
      return outcome({ designation: out.designation }, [operatorChange.designation(out.designation), operatorChange.slot(out.slot, ws.readSlotVersions.get(key) ?? 0)], [
        auditEvent(ctx, now, 'OperatorDesignation', out.designation.id, 'operatorDesignation.designated', undefined, out.designation, { article: ARTICLE_INFORMATION }),
      ]);
    });
  }

  @Mutation(() => OperatorDesignationPayload, {
    description: '情報系システムの操作職員等の指定の解除(情報システム管理者、第12条第1項)。 / The system administrator releases an operator of a 情報系 system.',
  })
  releaseOperator(@Arg('input') input: ReleaseOperatorInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = found(await getDesignation(ctx.store, keyOf(input.designationId, 'OperatorDesignation', 'designationId')), 'designation', 'designationId');
      const system = found(await getSystem(ctx.store, before.systemId), 'system', 'designationId');
      assertMayDesignateDirectly(ctx.viewer, system, now, ['designationId']); // 第12条第1項 (業務系: 第2項)
      assertVersion(before.version, input.expectedVersion);
      validateDirectRelease(input.effectiveOn, now);
      const ws = await loadWorkspace(ctx.store, system.id, [before.personId]);
      const key = slotId(system.id, before.personId);
      const slot = ws.slots.get(key) as OperatorSlot;
      const out = release(slot, before, input.effectiveOn, { actorId: ctx.viewer.person.id }, now, ARTICLE_INFORMATION, ['effectiveOn']);
      return outcome({ designation: out.designation }, [operatorChange.designation(out.designation, before.version), operatorChange.slot(out.slot, ws.readSlotVersions.get(key) ?? 0)], [
        auditEvent(ctx, now, 'OperatorDesignation', before.id, 'operatorDesignation.released', before, out.designation, { article: ARTICLE_INFORMATION }),
      ]);
    });
  }
}

@Resolver(() => OperatorReportEntry)
export class OperatorReportEntryResolver {
  @FieldResolver(() => Person, { description: '職員等。 / The person.' })
  person(@Root() e: ReportEntry, @Ctx() ctx: Context) {
    return getPerson(ctx.store, e.personId);
  }
}

@Resolver(() => OperatorReport)
export class OperatorReportResolver {

  @FieldResolver(() => System, { description: '業務系システム。 / The 業務系 system.' })
  system(@Root() r: ReportRecord, @Ctx() ctx: Context) {
    return getSystem(ctx.store, r.systemId);
  }

  @FieldResolver(() => [OperatorDesignation], {
    description: 'この報告による指定・解除のうち効力のあるもの。 / The designations this report made or ended, while it stands.',
  })
  async designations(@Root() r: ReportRecord, @Ctx() ctx: Context) {
    const ws = await loadWorkspace(ctx.store, r.systemId, r.entries.map((e) => e.personId));
    return [...ws.designations.values()].filter((d) => d.status === 'ACTIVE' && (d.reportId === r.id || d.releaseReportId === r.id));
  }


  @FieldResolver(() => Department)
  applicantDepartment(@Root() r: ReportRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, r.departmentId);
  }






  @Mutation(() => OperatorReportPayload, {
    description:
      '業務系システム操作職員等指定・解除報告書(様式第5号)の作成(`submit: true` で提出)。提出により各行が記載の日から効力を生じる(第12条第2項)。 / The information manager reports designations and releases in advance; on submission they take effect on their days.',
  })
  reportOperators(@Arg('input') input: ReportOperatorsInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const system = await loadSystem(ctx, input.systemId, 'systemId');
      assertMayReport(ctx.viewer, system, now); // 第12条第2項 (情報系: 第1項)
      const entries: ReportEntry[] = input.entries.map((e, i) => {
        const decoded = fromGlobalId(e.personId);
        if (!decoded || decoded.type !== 'Person') refuse('NOT_FOUND', 'personId is not the id of a Person.', undefined, ['entries', String(i), 'personId']);
        return { action: e.action, personId: decoded.key, effectiveOn: e.effectiveOn };
      });
      validateEntries(entries);
      await assertPeopleExist(ctx, entries);
      if (input.submit) assertReportInAdvance(entries, now); // 第12条第2項: あらかじめ
      const draft: ReportRecord = {
        id: newId(now),
        form: 'FORM_5',
        title: `「${system.name}」操作職員等指定・解除報告`,
        systemId: system.id,
        departmentId: system.owningDepartmentId,
        entries,
        note: input.note?.trim() || undefined,
        applicantId: ctx.viewer.person.id,
        status: 'DRAFT',
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      return draftOutcome(ctx, 'OperatorReport', draft, input.submit, now, (report) => ({ report }));
    });
  }
}

/** "Who may operate this system": a field of System, and what 様式第5号 has been filed on it. */
@Resolver(() => System)
export class SystemOperatorsResolver {
  @FieldResolver(() => OperatorDesignationConnection, {
    description:
      'この日時に操作できる職員等(指定されている者、第12条)。既定は現在。 / Who may operate the system at `at` (default: now): the designations in force that day.',
  })
  operators(
    @Root() s: SystemRecord,
    @Args() { first, after }: PageArgs,
    @Arg('at', () => DateTime, { nullable: true }) at: Date | undefined,
    @Ctx() ctx: Context,
  ) {
    return read(async () => {
      const date = dayOf(ctx, at);
      const page = await listOperatorsOfSystem(ctx.store, s.id, date, first, after);
      return connection({ ...page, nodes: page.nodes.filter((d) => isDesignatedOn(d, date)) });
    });
  }

  @FieldResolver(() => OperatorReportConnection, { description: '業務系システム操作職員等指定・解除報告書(様式第5号、新しい順)。 / Its 様式第5号 reports, newest first.' })
  operatorReports(@Root() s: SystemRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listReportsOfSystem(ctx.store, s.id, first, after)));
  }

  @FieldResolver(() => Boolean, { description: '閲覧者が操作職員等を直接指定できるか(情報系、情報システム管理者)。 / Whether the viewer designates operators directly.' })
  viewerCanDesignateOperators(@Root() s: SystemRecord, @Ctx() ctx: Context) {
    return mayDesignateDirectly(ctx.viewer, s, ctx.clock());
  }

  @FieldResolver(() => Boolean, { description: '閲覧者が様式第5号で報告できるか(業務系、当該情報管理責任者)。 / Whether the viewer reports operators on 様式第5号.' })
  viewerCanReportOperators(@Root() s: SystemRecord, @Ctx() ctx: Context) {
    return mayReport(ctx.viewer, s, ctx.clock());
  }
}

/** A person's designations. */
@Resolver(() => Person)
export class PersonOperatorsResolver {
  @FieldResolver(() => OperatorDesignationConnection, {
    description: 'この日時に操作できるシステムの指定(第12条)。既定は現在。 / The person’s designations in force at `at` (default: now).',
  })
  operatorDesignations(
    @Root() p: { id: string },
    @Args() { first, after }: PageArgs,
    @Arg('at', () => DateTime, { nullable: true }) at: Date | undefined,
    @Ctx() ctx: Context,
  ) {
    return read(async () => {
      const date = dayOf(ctx, at);
      const page = await listDesignationsOfPerson(ctx.store, p.id, date, first, after);
      return connection({ ...page, nodes: page.nodes.filter((d) => isDesignatedOn(d, date)) });
    });
  }
}

export const operatorResolvers: Function[] = [OperatorDesignationResolver, OperatorReportEntryResolver, OperatorReportResolver, SystemOperatorsResolver, PersonOperatorsResolver];
