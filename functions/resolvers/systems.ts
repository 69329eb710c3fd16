/** The register of administrative systems (第6条–第11条, 第23条): thin: authorize, apply the rule, commit. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Actor, holds } from '../domain/people';
import {
  Responsibility as ResponsibilityRecord,
  SystemEdit,
  SystemRecord,
  applyExemptChange,
  assignResponsibility,
  editSystem,
  operatingHours,
  registerSystem,
} from '../domain/systems';
import { assertVersion } from '../domain/workflow';
import { getDepartment, getPerson } from '../store/people';
import { getSystem, getSystems, listSystems, systemChange } from '../store/systems';
import { listConsultationsOfSystem } from '../store/consultations';
import { listAuditOfObject } from '../store/audit';
import { listContractsOfSystem, listDatasetsOfSystem } from '../store/data';
import { DatasetConnection } from '../../graphql/datasets';
import { OutsourcingContractConnection } from '../../graphql/outsourcing';
import { connection, PageArgs } from '../../graphql/common';
import { Department, Person } from '../../graphql/people';
import {
  AssignSystemResponsibilityInput,
  OperatingHoursPolicy,
  OverrideAgreement,
  RecordExemptSystemChangeInput,
  RegisterSystemInput,
  Responsibility,
  System,
  SystemChangesInput,
  SystemConnection,
  SystemPayload,
  UpdateSystemInput,
} from '../../graphql/systems';
import { ConsultationConnection } from '../../graphql/consultations';
import { AuditEventConnection } from '../../graphql/audit';
import { Context } from './context';
import { auditEvent, found, keyOf, mutate, newId, outcome, read } from './support';

/** Global department ids in an input, as keys, each checked to exist. */
export async function departmentKeys(ctx: Context, ids: string[], field: string): Promise<string[]> {
  const keys = ids.map((id) => keyOf(id, 'Department', field));
  const departments = await Promise.all(keys.map((k) => getDepartment(ctx.store, k)));
  departments.forEach((d) => found(d, 'department', field));
  return keys;
}

/** A change input as the domain's edit, with department ids resolved. */
export async function systemEdit(ctx: Context, changes: SystemChangesInput | undefined, field: string): Promise<SystemEdit> {
  if (!changes) return {};
  return {
    name: changes.name ?? undefined,
    description: changes.description ?? undefined,
    network: changes.network ?? undefined,
    purposes: changes.purposes ?? undefined,
    documents: changes.documents?.map((d) => ({ kind: d.kind, title: d.title.trim(), location: d.location?.trim() || undefined })),
    educationOrResearchOnly: changes.educationOrResearchOnly ?? undefined,
    processingDepartmentIds: changes.processingDepartmentIds
      ? await departmentKeys(ctx, changes.processingDepartmentIds, `${field}.processingDepartmentIds`)
      : undefined,
  };
}

export async function loadSystem(ctx: Context, id: string, field: string): Promise<SystemRecord> {
  return found(await getSystem(ctx.store, keyOf(id, 'System', field)), 'system', field);
}

function mayEdit(viewer: Actor, s: SystemRecord, now: string): boolean {
  return s.status !== 'ABOLISHED' && holds(viewer, 'INFORMATION_MANAGER', now, s.owningDepartmentId);
}

@Resolver(() => System)
export class SystemResolver {
  @Query(() => SystemConnection, { description: '行政システムの一覧(登録順、主管課で絞込み可)。 / The register, optionally of one department.' })
  systems(
    @Args() { first, after }: PageArgs,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return read(async () => {
      const dept = departmentId ? keyOf(departmentId, 'Department', 'departmentId') : undefined;
      return connection(await listSystems(ctx.store, first, after, dept));
    });
  }


  @FieldResolver(() => Department, { description: '所管する主管課。 / The owning department.' })
  owningDepartment(@Root() s: SystemRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, s.owningDepartmentId);
  }

  @FieldResolver(() => [Department], { description: '業務系: 処理する業務を所管する主管課(第10条第2項)。 / Departments whose work it processes.' })
  async processingDepartments(@Root() s: SystemRecord, @Ctx() ctx: Context) {
    return (await Promise.all(s.processingDepartmentIds.map((d) => getDepartment(ctx.store, d)))).filter(Boolean);
  }

  @FieldResolver(() => Responsibility, { nullable: true, description: '開発及び維持管理(第10条)。 / Who develops and maintains it.' })
  maintenance(@Root() s: SystemRecord) {
    return s.maintenance && { ...s.maintenance, article: article('第10条', s.maintenance) };
  }

  @FieldResolver(() => Responsibility, { nullable: true, description: '経費の負担(第23条)。 / Who bears its cost.' })
  costBearing(@Root() s: SystemRecord) {
    return s.costBearing && { ...s.costBearing, article: article('第23条', s.costBearing) };
  }

  @FieldResolver(() => OperatingHoursPolicy, { description: '操作の時間(第11条)。 / Operating hours.' })
  operatingHours(@Root() s: SystemRecord) {
    return operatingHours(s.category);
  }

  @FieldResolver(() => [System], { description: '接続されたシステム(様式第3号、第9条)。 / Systems connected to it.' })
  async connectedSystems(@Root() s: SystemRecord, @Ctx() ctx: Context) {
    return (await getSystems(ctx.store, s.connectedSystemIds)).filter(Boolean);
  }

  @FieldResolver(() => ConsultationConnection, { description: 'このシステムの協議(新しい順)。 / Its consultations, newest first.' })
  consultations(@Root() s: SystemRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listConsultationsOfSystem(ctx.store, s.id, first, after)));
  }

  @FieldResolver(() => DatasetConnection, { description: 'このシステムのデータ(第13条)。 / Its datasets.' })
  datasets(@Root() s: SystemRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listDatasetsOfSystem(ctx.store, s.id, first, after)));
  }

  @FieldResolver(() => OutsourcingContractConnection, { description: '外部委託契約(第22条)。 / Its outsourcing contracts.' })
  outsourcingContracts(@Root() s: SystemRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listContractsOfSystem(ctx.store, s.id, first, after)));
  }


  @FieldResolver(() => Boolean, { description: '閲覧者が記録を更新できるか。 / Whether the viewer may edit the record.' })
  viewerCanEdit(@Root() s: SystemRecord, @Ctx() ctx: Context) {
    return mayEdit(ctx.viewer, s, ctx.clock());
  }

  @FieldResolver(() => Boolean, { description: '閲覧者が協議書を提出できるか(第7条〜第9条)。 / Whether the viewer may file consultations on it.' })
  viewerCanFileConsultation(@Root() s: SystemRecord, @Ctx() ctx: Context) {
    return mayEdit(ctx.viewer, s, ctx.clock());
  }

  @Mutation(() => SystemPayload, { description: '行政システムの登録(決定前、第7条)。 / Register a system before its decision.' })
  registerSystem(@Arg('input') input: RegisterSystemInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const [owning] = await departmentKeys(ctx, [input.owningDepartmentId], 'owningDepartmentId');
      const processing = input.processingDepartmentIds ? await departmentKeys(ctx, input.processingDepartmentIds, 'processingDepartmentIds') : undefined;
      const system = registerSystem(
        ctx.viewer,
        {
          name: input.name,
          description: input.description,
          category: input.category,
          network: input.network,
          purposes: input.purposes,
          owningDepartmentId: owning,
          processingDepartmentIds: processing,
          documents: input.documents?.map((d) => ({ kind: d.kind, title: d.title.trim(), location: d.location?.trim() || undefined })),
          educationOrResearchOnly: input.educationOrResearchOnly,
        },
        newId(now),
        now,
      );
      return outcome({ system }, [systemChange(system)], [auditEvent(ctx, now, 'System', system.id, 'system.registered', undefined, system, { article: '第7条' })]);
    });
  }

  @Mutation(() => SystemPayload, { description: '記録の更新(決定後は概要・ドキュメントのみ)。 / Edit the record.' })
  updateSystem(@Arg('input') input: UpdateSystemInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadSystem(ctx, input.systemId, 'systemId');
      assertVersion(before.version, input.expectedVersion);
      const patch = editSystem(ctx.viewer, before, await systemEdit(ctx, input.changes, 'changes'), now);
      const after: SystemRecord = { ...before, ...patch, version: before.version + 1, updatedAt: now };
      return outcome({ system: after }, [systemChange(after, before.version)], [auditEvent(ctx, now, 'System', after.id, 'system.updated', before, after)]);
    });
  }

  @Mutation(() => SystemPayload, { description: '開発・維持管理(第10条)又は経費負担(第23条)の区分の設定。 / Set who maintains it or bears its cost.' })
  assignSystemResponsibility(@Arg('input') input: AssignSystemResponsibilityInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadSystem(ctx, input.systemId, 'systemId');
      assertVersion(before.version, input.expectedVersion);
      const [departmentId] = await departmentKeys(ctx, [input.departmentId], 'departmentId');
      const r = assignResponsibility(ctx.viewer, before, { kind: input.kind, departmentId, basis: input.basis, agreement: input.agreement }, now);
      const field = input.kind === 'MAINTENANCE' ? 'maintenance' : 'costBearing';
      const after: SystemRecord = { ...before, [field]: r, version: before.version + 1, updatedAt: now };
      return outcome(
        { system: after },
        [systemChange(after, before.version)],
        [auditEvent(ctx, now, 'System', after.id, `system.${field}Assigned`, before, after, { article: article(input.kind === 'MAINTENANCE' ? '第10条' : '第23条', r) })],
      );
    });
  }

  @Mutation(() => SystemPayload, {
    description: '第8条ただし書(教育・研究専用の業務系)による設置・変更・廃止の記録。様式第2号は不要。 / Record an exempt change; no 様式第2号.',
  })
  recordExemptSystemChange(@Arg('input') input: RecordExemptSystemChangeInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      const before = await loadSystem(ctx, input.systemId, 'systemId');
      assertVersion(before.version, input.expectedVersion);
      const patch = applyExemptChange(ctx.viewer, before, input.action, await systemEdit(ctx, input.changes, 'changes'), now);
      const after: SystemRecord = { ...before, ...patch, version: before.version + 1, updatedAt: now };
      return outcome(
        { system: after },
        [systemChange(after, before.version)],
        [
          auditEvent(ctx, now, 'System', after.id, `system.exempt${cap(input.action)}`, before, after, {
            article: '第8条ただし書',
            note: input.note?.trim() || 'Exempt from 様式第2号: a 業務系 system used solely for education or research. 専ら教育又は研究に要する業務系システムのため協議書不要。',
          }),
        ],
      );
    });
  }
}

@Resolver(() => Responsibility)
export class ResponsibilityResolver {
  @FieldResolver(() => Department)
  department(@Root() r: ResponsibilityRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, r.departmentId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '設定した者。 / Who recorded it.' })
  assignedBy(@Root() r: ResponsibilityRecord, @Ctx() ctx: Context) {
    return getPerson(ctx.store, r.assignedBy);
  }
}

@Resolver(() => OverrideAgreement)
export class OverrideAgreementResolver {
  @FieldResolver(() => Person, { nullable: true, description: '承諾した情報システム管理者。 / The consenting system administrator.' })
  consentedBy(@Root() o: { consentedBy: string }, @Ctx() ctx: Context) {
    return getPerson(ctx.store, o.consentedBy);
  }
}

function article(base: '第10条' | '第23条', r: ResponsibilityRecord): string {
  return `${base}第${r.basis === 'DESIGNATED' ? 1 : r.basis === 'PROCESSING_DEPARTMENT' ? 2 : 3}項`;
}

function cap(s: string): string {
  return s.charAt(0) + s.slice(1).toLowerCase();
}
