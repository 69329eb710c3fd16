/** The register of administrative systems (第6条–第11条, 第23条): decode the input, name the transition of domain/systems.ts. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Responsibility as ResponsibilityRecord, ResponsibilityKind, SystemDocument, SystemEdit, SystemRecord, systemActions, systemRegister } from '../domain/systems';
import { OVERRIDE_PARTIES, OVERRIDE_PARTY, OverrideAgreement as OverrideAgreementRecord, OverrideParty as OverridePartyRecord, OverridePartyRole, ResponsibilityInput, operatingHours, responsibilityArticle } from '../domain/systems';
import { Actor } from '../domain/people';
import { underAsync } from '../domain/refusal';
import { getDepartment, getPerson } from '../store/people';
import { getSystems, searchSystems, systemSearch } from '../store/systems';
import { listConsultationsOfSystem } from '../store/consultations';
import { listContractsOfSystem, listDatasetsOfSystem } from '../store/data';
import { PageArgs } from '../../graphql/common';
import { ConsultationConnection } from '../../graphql/consultations';
import { DatasetConnection } from '../../graphql/datasets';
import { OutsourcingContractConnection } from '../../graphql/outsourcing';
import { Department, Person } from '../../graphql/people';
import { AssignSystemResponsibilityInput, OperatingHoursPolicy, OverrideAgreement, OverrideAgreementInput, OverrideParty, RecordExemptSystemChangeInput, RegisterSystemInput, Responsibility } from '../../graphql/systems';
import { System, SystemChangesInput, SystemConnection, SystemDocumentInput, SystemFilter, SystemOrder, SystemPayload, UpdateSystemInput } from '../../graphql/systems';
import { Context } from './context';
import { computed } from './fields';
import { actionsOf, keyOf, read, INPUT, connection } from './support';
import { change, create, load, loadOptional } from './write';

/**
 * An input with the fields a client sent as null left out, as the domain's optional fields are (`undefined`, never
 * `null`). A generic helper of the write path: a candidate for support.ts.
 */
export function given<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v ?? undefined])) as { [K in keyof T]: Exclude<T[K], null> };
}

/** The departments an input names by their global ids, as keys (NOT_FOUND naming the field for one not registered). */
async function departmentKeys(ctx: Context, ids: string[], field: string): Promise<string[]> {
  return (await Promise.all(ids.map((id) => load(ctx, 'Department', id, field)))).map((d) => d.id);
}

/** The agreement of an override as the domain takes it: the three heads named, read with their roles (第10条第3項). */
async function overrideAgreement(ctx: Context, input: OverrideAgreementInput | null | undefined): Promise<ResponsibilityInput['agreement']> {
  if (!input) return undefined;
  const parties: Partial<Record<OverridePartyRole, Actor>> = {};
  await Promise.all(
    OVERRIDE_PARTIES.map(async (role) => {
      const { field } = OVERRIDE_PARTY[role];
      const id = (input as unknown as Record<string, string | null | undefined>)[field];
      const person = await underAsync(['agreement'], () => loadOptional(ctx, 'Person', id, field));
      if (person) parties[role] = { person, roles: person.roleAssignments };
    }),
  );
  return { agreedOn: input.agreedOn, reference: input.reference, parties };
}

const documents = (input?: SystemDocumentInput[] | null): SystemDocument[] | undefined =>
  input?.map((d) => ({ kind: d.kind, title: d.title.trim(), location: d.location?.trim() || undefined }));

/** A change input as the domain's edit, with department ids resolved. */
export async function systemEdit(ctx: Context, changes: SystemChangesInput | null | undefined, field: string): Promise<SystemEdit> {
  if (!changes) return {};
  const processing = changes.processingDepartmentIds;
  const processingDepartmentIds = processing ? await departmentKeys(ctx, processing, `${field}.processingDepartmentIds`) : undefined;
  return { ...given(changes), documents: documents(changes.documents), processingDepartmentIds };
}

/** The system a client named by its global id in `field`. */

const can = (ctx: Context, s: SystemRecord) => actionsOf(ctx, s, systemActions);
const payload = (system: SystemRecord) => ({ system });
/** The system a mutation changes, at the version the client saw. */
export const systemTarget = ({ systemId, expectedVersion }: { systemId: string; expectedVersion: number }) => ({ kind: 'System' as const, id: systemId, field: 'systemId', expectedVersion });


@Resolver(() => System)
export class SystemResolver {
  @Query(() => SystemConnection, {
    description:
      '行政システム台帳(既定は登録順)。主管課・段階・区分・ネットワークで絞り込み、名称順・登録順に並べ、名称の一部で探せる。 / ' +
      'The register of systems (in order of registration unless ordered): by department, status, category and network, by name or registration, or found by part of the name.',
  })
  systems(
    @Args() paging: PageArgs,
    @Arg('departmentId', () => ID, { nullable: true, description: '所管する主管課(省略時は全件)。 / Only the systems this department owns; all when omitted.' }) departmentId: string | undefined,
    @Arg('filter', () => SystemFilter, { nullable: true, description: '絞り込み。 / Which systems.' }) filter: SystemFilter | undefined,
    @Arg('orderBy', () => SystemOrder, { nullable: true, description: '並び順(既定は登録順・昇順)。 / The order (registration, ascending, unless given).' }) orderBy: SystemOrder | undefined,
    @Ctx() ctx: Context,
  ) {
    return read(ctx, async () => connection(await searchSystems(ctx.store, systemSearch(departmentId ? keyOf(departmentId, 'Department', 'departmentId') : undefined, filter, orderBy), paging)));
  }

  @FieldResolver(() => ConsultationConnection, { description: 'このシステムの協議(新しい順)。 / Its consultations, newest first.' })
  consultations(@Root() s: SystemRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listConsultationsOfSystem(ctx.store, s.id, paging)));
  }

  @FieldResolver(() => DatasetConnection, { description: 'このシステムのデータ(第13条)。 / Its datasets.' })
  datasets(@Root() s: SystemRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listDatasetsOfSystem(ctx.store, s.id, paging)));
  }

  @FieldResolver(() => OutsourcingContractConnection, { description: '外部委託契約(第22条)。 / Its outsourcing contracts.' })
  outsourcingContracts(@Root() s: SystemRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listContractsOfSystem(ctx.store, s.id, paging)));
  }

  @Mutation(() => SystemPayload, { description: '行政システムの登録(決定前、第7条)。 / Register a system before its decision.' })
  registerSystem(@Arg('input', { description: INPUT }) input: RegisterSystemInput, @Ctx() ctx: Context) {
    return create(ctx, async (now, id) => {
      const [owningDepartmentId] = await departmentKeys(ctx, [input.owningDepartmentId], 'owningDepartmentId');
      const processingDepartmentIds = input.processingDepartmentIds ? await departmentKeys(ctx, input.processingDepartmentIds, 'processingDepartmentIds') : undefined;
      const system = { ...given(input), owningDepartmentId, processingDepartmentIds, documents: documents(input.documents) };
      return systemRegister.register(ctx.viewer, system, id, now);
    }, payload);
  }

  @Mutation(() => SystemPayload, { description: '記録の更新(決定後は概要・ドキュメントのみ)。 / Edit the record.' })
  updateSystem(@Arg('input', { description: INPUT }) input: UpdateSystemInput, @Ctx() ctx: Context) {
    return change(ctx, systemTarget(input), async (s, now) => systemRegister.update(ctx.viewer, s, await systemEdit(ctx, input.changes, 'changes'), now), payload);
  }

  @Mutation(() => SystemPayload, { description: '開発・維持管理(第10条)又は経費負担(第23条)の区分の設定。 / Set who maintains it or bears its cost.' })
  assignSystemResponsibility(@Arg('input', { description: INPUT }) input: AssignSystemResponsibilityInput, @Ctx() ctx: Context) {
    return change(ctx, systemTarget(input), async (s, now) => {
      const [departmentId] = await departmentKeys(ctx, [input.departmentId], 'departmentId');
      return systemRegister.assignResponsibility(ctx.viewer, s, { ...given(input), departmentId, agreement: await overrideAgreement(ctx, input.agreement) }, now);
    }, payload);
  }

  @Mutation(() => SystemPayload, { description: '第8条ただし書(教育・研究専用の業務系)による設置・変更・廃止の記録。様式第2号は不要。 / Record an exempt change; no 様式第2号.' })
  recordExemptSystemChange(@Arg('input', { description: INPUT }) input: RecordExemptSystemChangeInput, @Ctx() ctx: Context) {
    return change(ctx, systemTarget(input), async (s, now) =>
      systemRegister.recordExemptChange(ctx.viewer, s, { ...given(input), changes: await systemEdit(ctx, input.changes, 'changes') }, now), payload);
  }
}

/** A responsibility as the record holds it, with the article its basis rests on. */
const responsibility = (kind: ResponsibilityKind, r: ResponsibilityRecord | undefined) => r && { ...r, article: responsibilityArticle(kind, r) };

const SystemFields = computed<SystemRecord>(System, {
  owningDepartment: [() => Department, (s, ctx) => getDepartment(ctx.store, s.owningDepartmentId), { description: '所管する主管課。 / The owning department.' }],
  processingDepartments: [
    () => [Department],
    async (s, ctx) => (await Promise.all(s.processingDepartmentIds.map((d) => getDepartment(ctx.store, d)))).filter(Boolean),
    { description: '業務系: 処理する業務を所管する主管課(第10条第2項)。 / Departments whose work it processes.' },
  ],
  maintenance: [() => Responsibility, (s) => responsibility('MAINTENANCE', s.maintenance), { nullable: true, description: '開発及び維持管理(第10条)。 / Who develops and maintains it.' }],
  costBearing: [() => Responsibility, (s) => responsibility('COST', s.costBearing), { nullable: true, description: '経費の負担(第23条)。 / Who bears its cost.' }],
  operatingHours: [() => OperatingHoursPolicy, (s) => operatingHours(s.category), { description: '操作の時間(第11条)。 / Operating hours.' }],
  connectedSystems: [() => [System], async (s, ctx) => (await getSystems(ctx.store, s.connectedSystemIds)).filter(Boolean), { description: '接続されたシステム(様式第3号、第9条)。 / Systems connected to it.' }],
  viewerCanEdit: [() => Boolean, (s, ctx) => can(ctx, s).edit, { description: '閲覧者が記録を更新できるか。 / Whether the viewer may edit the record.' }],
  viewerCanFileConsultation: [() => Boolean, (s, ctx) => can(ctx, s).fileConsultation, { description: '閲覧者が協議書を提出できるか(第7条〜第9条)。 / Whether the viewer may file consultations on it.' }],
});

const ResponsibilityFields = computed<ResponsibilityRecord>(Responsibility, {
  department: [() => Department, (r, ctx) => getDepartment(ctx.store, r.departmentId), { description: '責任を負う主管課。 / The department that holds it.' }],
  assignedBy: [() => Person, (r, ctx) => getPerson(ctx.store, r.assignedBy), { nullable: true, description: '設定した者。 / Who recorded it.' }],
});

const OverrideAgreementFields = computed<OverrideAgreementRecord>(OverrideAgreement, {
  consentedBy: [() => Person, (o, ctx) => getPerson(ctx.store, o.consentedBy), { nullable: true, description: '承諾した情報システム管理者。 / The consenting system administrator.' }],
  parties: [() => [OverrideParty], (o) => (o.parties ?? []).map((p) => ({ ...p, label: OVERRIDE_PARTY[p.role].label })), { description: '協議した三者(デジタル推進課長、財政課長、当該情報管理責任者)。附則第3項により旧規程から引き継いだ協議では空。 / The three heads who agreed; empty on one carried over from the former rules.' }],
});

const OverridePartyFields = computed<OverridePartyRecord>(OverrideParty, {
  person: [() => Person, (p, ctx) => getPerson(ctx.store, p.personId), { nullable: true, description: '協議した者。 / Who agreed.' }],
});

export const systemResolvers: Function[] = [SystemResolver, SystemFields, ResponsibilityFields, OverrideAgreementFields, OverridePartyFields];
