/** Departments, people and role assignments: the register the other areas' rules read (第3条–第5条). */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Department as DepartmentRecord,
  Person as PersonRecord,
  RoleAssignment as RoleRecord,
  assertMayAdministerPeople,
  isAssignmentActive,
  validateAssignment,
} from '../domain/people';
import { refuse } from '../domain/refusal';
import { assertVersion } from '../domain/workflow';
import {
  changeOf,
  getDepartment,
  getPerson,
  getPersonWithRoles,
  getRoleAssignment,
  listDepartments,
  listPeople,
} from '../store/people';
import { listSystems } from '../store/systems';
import { connection, PageArgs } from '../../graphql/common';
import {
  AssignRoleInput,
  CreateDepartmentInput,
  CreatePersonInput,
  Department,
  DepartmentConnection,
  DepartmentPayload,
  EndRoleAssignmentInput,
  Person,
  PersonConnection,
  PersonPayload,
  RoleAssignment,
  UpdateDepartmentInput,
} from '../../graphql/people';
import { SystemConnection } from '../../graphql/systems';
import { Context } from './context';
import { auditEvent, found, keyOf, mutate, newId, outcome, read } from './support';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => DepartmentConnection, { description: '主管課の一覧。 / The departments.' })
  departments(@Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listDepartments(ctx.store, first, after)));
  }


  @FieldResolver(() => String)
  code(@Root() d: DepartmentRecord) {
    return d.id;
  }

  @FieldResolver(() => PersonConnection, { description: '所属職員。 / Its people.' })
  people(@Root() d: DepartmentRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listPeople(ctx.store, first, after, d.id)));
  }

  @FieldResolver(() => SystemConnection, { description: '所管する行政システム。 / The systems it owns.' })
  systems(@Root() d: DepartmentRecord, @Args() { first, after }: PageArgs, @Ctx() ctx: Context) {
    return read(async () => connection(await listSystems(ctx.store, first, after, d.id)));
  }

  @Mutation(() => DepartmentPayload, { description: '主管課の登録。 / Register a department.' })
  createDepartment(@Arg('input') input: CreateDepartmentInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      assertMayAdministerPeople(ctx.viewer, now);
      if (await getDepartment(ctx.store, input.code)) {
        refuse('DUPLICATE', `A department with code ${input.code} exists.`, undefined, ['code']);
      }
      const d: DepartmentRecord = { id: input.code, name: input.name.trim(), division: input.division?.trim() || undefined, version: 1, createdAt: now, updatedAt: now };
      return outcome({ department: d }, [changeOf.department(d)], [auditEvent(ctx, now, 'Department', d.id, 'department.created', undefined, d)]);
    });
  }

  @Mutation(() => DepartmentPayload, { description: '主管課の名称変更等(附則の改正に対応)。 / Rename a department.' })
  updateDepartment(@Arg('input') input: UpdateDepartmentInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      assertMayAdministerPeople(ctx.viewer, now);
      const before = found(await getDepartment(ctx.store, keyOf(input.departmentId, 'Department', 'departmentId')), 'department', 'departmentId');
      assertVersion(before.version, input.expectedVersion);
      const after: DepartmentRecord = {
        ...before,
        name: input.name?.trim() ?? before.name,
        division: input.division === undefined ? before.division : input.division.trim() || undefined,
        version: before.version + 1,
        updatedAt: now,
      };
      return outcome({ department: after }, [changeOf.department(after, before.version)], [auditEvent(ctx, now, 'Department', after.id, 'department.updated', before, after)]);
    });
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { description: 'サインインしている職員。 / The signed-in person.' })
  viewer(@Ctx() ctx: Context) {
    return ctx.viewer.person;
  }

  @Query(() => PersonConnection, { description: '職員の一覧(主管課で絞込み可)。 / People, optionally of one department.' })
  people(
    @Args() { first, after }: PageArgs,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return read(async () => {
      const dept = departmentId ? keyOf(departmentId, 'Department', 'departmentId') : undefined;
      return connection(await listPeople(ctx.store, first, after, dept));
    });
  }


  @FieldResolver(() => String)
  personId(@Root() p: PersonRecord) {
    return p.id;
  }

  @FieldResolver(() => Department)
  async department(@Root() p: PersonRecord, @Ctx() ctx: Context) {
    return getDepartment(ctx.store, p.departmentId);
  }

  @FieldResolver(() => [RoleAssignment], { description: '役割の割当て(過去を含む)。 / Every role assignment, past ones included.' })
  async roleAssignments(@Root() p: PersonRecord, @Ctx() ctx: Context) {
    if (p.id === ctx.viewer.person.id) return ctx.viewer.roles;
    return (await getPersonWithRoles(ctx.store, p.id))?.roles ?? [];
  }

  @FieldResolver(() => [RoleAssignment], { description: '現在有効な役割。 / The roles held today.' })
  async currentRoles(@Root() p: PersonRecord, @Ctx() ctx: Context) {
    const all = p.id === ctx.viewer.person.id ? ctx.viewer.roles : (await getPersonWithRoles(ctx.store, p.id))?.roles ?? [];
    const now = ctx.clock();
    return all.filter((a) => isAssignmentActive(a, now));
  }

  @Mutation(() => PersonPayload, { description: '職員の登録。 / Register a person.' })
  createPerson(@Arg('input') input: CreatePersonInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      assertMayAdministerPeople(ctx.viewer, now);
      const dept = found(await getDepartment(ctx.store, keyOf(input.departmentId, 'Department', 'departmentId')), 'department', 'departmentId');
      if (await getPerson(ctx.store, input.personId)) refuse('DUPLICATE', `${input.personId} is already registered.`, undefined, ['personId']);
      const p: PersonRecord = { id: input.personId, name: input.name.trim(), title: input.title?.trim() || undefined, departmentId: dept.id, version: 1, createdAt: now, updatedAt: now };
      return outcome({ person: p }, [changeOf.person(p, [])], [auditEvent(ctx, now, 'Person', p.id, 'person.created', undefined, p)]);
    });
  }

  @Mutation(() => PersonPayload, { description: '役割の割当て。直ちに効力を持つ。 / Assign a role; it takes effect at once.' })
  assignRole(@Arg('input') input: AssignRoleInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      assertMayAdministerPeople(ctx.viewer, now);
      const { person, roles } = found(await getPersonWithRoles(ctx.store, keyOf(input.personId, 'Person', 'personId')), 'person', 'personId');
      const departmentId = input.departmentId ? keyOf(input.departmentId, 'Department', 'departmentId') : undefined;
      if (departmentId) found(await getDepartment(ctx.store, departmentId), 'department', 'departmentId');
      validateAssignment({ role: input.role, departmentId, validFrom: input.validFrom, validUntil: input.validUntil });
      const a: RoleRecord = { id: newId(now), personId: person.id, role: input.role, departmentId, validFrom: input.validFrom, validUntil: input.validUntil, version: 1, createdAt: now };
      const after = { ...person, version: person.version + 1, updatedAt: now };
      return outcome(
        { person: after },
        [changeOf.role(a), changeOf.person(after, [...roles, a], person.version)],
        [auditEvent(ctx, now, 'Person', person.id, 'role.assigned', {}, { roleAssignment: a })],
      );
    });
  }

  @Mutation(() => PersonPayload, { description: '役割の終了日の設定。 / End a role assignment.' })
  endRoleAssignment(@Arg('input') input: EndRoleAssignmentInput, @Ctx() ctx: Context) {
    return mutate(ctx, async (now) => {
      assertMayAdministerPeople(ctx.viewer, now);
      const personId = keyOf(input.personId, 'Person', 'personId');
      const { person, roles } = found(await getPersonWithRoles(ctx.store, personId), 'person', 'personId');
      const before = found(await getRoleAssignment(ctx.store, personId, input.assignmentId), 'role assignment', 'assignmentId');
      assertVersion(before.version, input.expectedVersion);
      validateAssignment({ ...before, validUntil: input.validUntil });
      const after: RoleRecord = { ...before, validUntil: input.validUntil, version: before.version + 1 };
      const personAfter = { ...person, version: person.version + 1, updatedAt: now };
      return outcome(
        { person: personAfter },
        [changeOf.role(after, before.version), changeOf.person(personAfter, roles.map((r) => (r.id === after.id ? after : r)), person.version)],
        [auditEvent(ctx, now, 'Person', person.id, 'role.ended', { roleAssignment: before }, { roleAssignment: after })],
      );
    });
  }
}

@Resolver(() => RoleAssignment)
export class RoleAssignmentResolver {
  @FieldResolver(() => ID)
  assignmentId(@Root() a: RoleRecord) {
    return a.id;
  }

  @FieldResolver(() => Department, { nullable: true, description: '担当する主管課。 / The department it acts for.' })
  department(@Root() a: RoleRecord, @Ctx() ctx: Context) {
    return a.departmentId ? getDepartment(ctx.store, a.departmentId) : undefined;
  }

  @FieldResolver(() => Boolean, { description: '本日有効か。 / Whether it is in force today.' })
  active(@Root() a: RoleRecord, @Ctx() ctx: Context) {
    return isAssignmentActive(a, ctx.clock());
  }
}
