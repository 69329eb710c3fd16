/** Departments, people and role assignments: the register the other areas' rules read (第3条–第5条). */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Department as DepartmentRecord, Person as PersonRecord, RoleAssignment as RoleRecord, activeRoles, isAssignmentActive, peopleRegister } from '../domain/people';
import { acting } from '../domain/acting';
import { getDepartment, getPerson, getPersonWithRoles, listDepartments, listPeople, roleHolders } from '../store/people';
import { listSystems } from '../store/systems';
import { PageArgs } from '../../graphql/common';
import { AssignRoleInput, CreateDepartmentInput, CreatePersonInput, Department, DepartmentConnection, DepartmentPayload, DesignateActingPersonInput, EndRoleAssignmentInput } from '../../graphql/people';
import { Person, PersonConnection, PersonPayload, RoleAssignment, UpdateDepartmentInput, UpdatePersonInput } from '../../graphql/people';
import { SystemConnection } from '../../graphql/systems';
import { Context } from './context';
import { computed, related } from './fields';
import { keyOf, read, INPUT, connection } from './support';
import { change, create, load, loadOptional } from './write';

const departmentPayload = (department: DepartmentRecord) => ({ department });
const personPayload = (person: PersonRecord) => ({ person });
/** The person whose roles change, read with every assignment they hold (an input's expectedVersion is the assignment's). */
const holder = (input: { personId: string }) => ({ kind: 'Person' as const, id: input.personId, field: 'personId' });

/** Every role assignment a person has held; the viewer's own are on the request already. */
async function rolesOf(ctx: Context, p: PersonRecord): Promise<RoleRecord[]> {
  return p.id === ctx.viewer.person.id ? ctx.viewer.roles : ((await getPersonWithRoles(ctx.store, p.id))?.roles ?? []);
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => DepartmentConnection, { description: '主管課の一覧。 / The departments.' })
  departments(@Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listDepartments(ctx.store, paging)));
  }

  @FieldResolver(() => PersonConnection, { description: '所属職員。 / Its people.' })
  people(@Root() d: DepartmentRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listPeople(ctx.store, paging, d.id)));
  }

  @FieldResolver(() => SystemConnection, { description: '所管する行政システム。 / The systems it owns.' })
  systems(@Root() d: DepartmentRecord, @Args() paging: PageArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listSystems(ctx.store, paging, d.id)));
  }

  @Mutation(() => DepartmentPayload, { description: '主管課の登録。 / Register a department.' })
  createDepartment(@Arg('input', { description: INPUT }) { code, name, division }: CreateDepartmentInput, @Ctx() ctx: Context) {
    return create(ctx, async (now) => peopleRegister.createDepartment(ctx.viewer, await getDepartment(ctx.store, code), { code, name, division: division ?? undefined }, now), departmentPayload);
  }

  @Mutation(() => DepartmentPayload, { description: '主管課の名称変更等(附則の改正に対応)。 / Rename a department.' })
  updateDepartment(@Arg('input', { description: INPUT }) { departmentId, expectedVersion, name, division }: UpdateDepartmentInput, @Ctx() ctx: Context) {
    return change(ctx, { kind: 'Department', id: departmentId, field: 'departmentId', expectedVersion }, (d, now) =>
      peopleRegister.updateDepartment(ctx.viewer, d, { name: name ?? undefined, division: division ?? undefined }, now), departmentPayload);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { description: 'サインインしている職員。 / The signed-in person.' })
  viewer(@Ctx() ctx: Context) {
    return ctx.viewer.person;
  }

  @Query(() => PersonConnection, { description: '職員の一覧(主管課で絞込み可)。 / People, optionally of one department.' })
  people(@Args() paging: PageArgs, @Arg('departmentId', () => ID, { nullable: true, description: '絞り込む主管課(省略時は全件)。 / Only those of this department; all when omitted.' }) departmentId: string | undefined, @Ctx() ctx: Context) {
    return read(ctx, async () => connection(await listPeople(ctx.store, paging, departmentId ? keyOf(departmentId, 'Department', 'departmentId') : undefined)));
  }

  @Mutation(() => PersonPayload, { description: '職員の登録。 / Register a person.' })
  createPerson(@Arg('input', { description: INPUT }) { personId, name, title, departmentId, email }: CreatePersonInput, @Ctx() ctx: Context) {
    return create(ctx, async (now) => {
      const [department, existing] = await Promise.all([load(ctx, 'Department', departmentId, 'departmentId'), getPerson(ctx.store, personId)]);
      return peopleRegister.createPerson(ctx.viewer, existing, department, { personId, name, title: title ?? undefined, email: email ?? undefined }, now);
    }, personPayload);
  }

  @Mutation(() => PersonPayload, { description: '職員の氏名・職名・メールアドレスの変更。 / Change a person’s name, title or mail address.' })
  updatePerson(@Arg('input', { description: INPUT }) { personId, expectedVersion, name, title, email }: UpdatePersonInput, @Ctx() ctx: Context) {
    return change(ctx, { kind: 'Person', id: personId, field: 'personId', expectedVersion }, (p, now) =>
      peopleRegister.updatePerson(ctx.viewer, p, { name: name ?? undefined, title: title ?? undefined, email: email ?? undefined }, now), personPayload);
  }

  @Mutation(() => PersonPayload, { description: '役割の割当て。直ちに効力を持つ。 / Assign a role; it takes effect at once.' })
  assignRole(@Arg('input', { description: INPUT }) input: AssignRoleInput, @Ctx() ctx: Context) {
    const { role, validFrom, validUntil } = input;
    return change(ctx, holder(input), async (p, now, id) => {
      const department = await loadOptional(ctx, 'Department', input.departmentId, 'departmentId');
      const holders = await roleHolders(ctx.store, role, department?.id);
      return peopleRegister.assignRole(ctx.viewer, p, department, { role, validFrom, validUntil: validUntil ?? undefined }, holders, id, now);
    }, personPayload);
  }

  @Mutation(() => PersonPayload, {
    description:
      '職務代理者の指定。期間中、代理者はその役割の決裁待ちを読み、「職務代理」として決裁する(自らの申請を除く)。 / Designate an acting person: during the period they read the role’s inbox and decide as acting for the holder (never their own application).',
  })
  designateActingPerson(@Arg('input', { description: INPUT }) input: DesignateActingPersonInput, @Ctx() ctx: Context) {
    const { role, validFrom, validUntil, reason } = input;
    return change(ctx, holder(input), async (p, now, id) => {
      const department = await loadOptional(ctx, 'Department', input.departmentId, 'departmentId');
      const holders = await roleHolders(ctx.store, role, department?.id);
      return acting.designate(ctx.viewer, p, { role, departmentId: department?.id, validFrom, validUntil, reason }, holders, id, now);
    }, personPayload);
  }

  @Mutation(() => PersonPayload, { description: '役割の終了日の設定。 / End a role assignment.' })
  endRoleAssignment(@Arg('input', { description: INPUT }) input: EndRoleAssignmentInput, @Ctx() ctx: Context) {
    const { assignmentId, expectedVersion, validUntil } = input;
    return change(ctx, holder(input), (p, now) => peopleRegister.endRoleAssignment(ctx.viewer, p, { assignmentId, expectedVersion, validUntil }, now), personPayload);
  }
}

const DepartmentFields = computed<DepartmentRecord>(Department, {
  code: [() => String, (d) => d.id],
});

const PersonFields = computed<PersonRecord>(Person, {
  personId: [() => String, (p) => p.id],
  department: [() => Department, (p, ctx) => getDepartment(ctx.store, p.departmentId), { description: '所属する主管課。 / Their department.' }],
  roleAssignments: [() => [RoleAssignment], (p, ctx) => rolesOf(ctx, p), { description: '役割の割当て(過去を含む)。 / Every role assignment, past ones included.' }],
  currentRoles: [() => [RoleAssignment], async (p, ctx) => activeRoles(await rolesOf(ctx, p), ctx.clock()), { description: '現在有効な役割。 / The roles held today.' }],
});

const RoleAssignmentFields = computed<RoleRecord>(RoleAssignment, {
  assignmentId: [() => ID, (a) => a.id],
  department: [() => Department, (a, ctx) => related(ctx, getDepartment, a.departmentId), { nullable: true, description: '担当する主管課。 / The department it acts for.' }],
  active: [() => Boolean, (a, ctx) => isAssignmentActive(a, ctx.clock()), { description: '本日有効か。 / Whether it is in force today.' }],
  actingFor: [() => Person, (a, ctx) => related(ctx, getPerson, a.actingFor), { nullable: true, description: '職務代理のとき、代理される保有者。 / For an acting designation, the holder acted for.' }],
  designatedBy: [() => Person, (a, ctx) => related(ctx, getPerson, a.designatedBy), { nullable: true, description: '職務代理を指定した者。 / Who designated the acting person.' }],
});

export const peopleResolvers: Function[] = [DepartmentResolver, DepartmentFields, PersonResolver, PersonFields, RoleAssignmentFields];
