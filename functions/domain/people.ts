/**
 * People and roles (第3条–第5条, 第12条, 第27条, 第32条). Roles are data: assignments with validity dates, so a
 * reassignment takes effect at once and the history of who held a role stays on record.
 */
import { Transition, advance, alongWith, changeOf } from './change';
import { assertVersion } from './workflow';
import { refuse } from './refusal';

export const ROLES = [
  'GENERAL_MANAGER', // 総括管理責任者 — 副市長 (第3条)
  'SYSTEM_ADMINISTRATOR', // 情報システム管理者 — 総務部長 (第4条)
  'INFORMATION_MANAGER', // 情報管理責任者 — 各主管課の長 (第5条)
  'HOMEPAGE_OPERATIONS_MANAGER', // ホームページ運用管理者 — 総務課長 (第27条第2項)
  'HOMEPAGE_SYSTEM_MANAGER', // ホームページシステム管理者 — デジタル推進課長 (第27条第3項)
  'STAFF', // 職員等 (第12条)
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act for one department (主管課) and so are assigned with one. */
export const DEPARTMENT_ROLES: readonly Role[] = ['INFORMATION_MANAGER', 'STAFF'];

export interface Department {
  id: string;
  name: string;
  nameKana?: string;
  /** The division (部) the section belongs to, e.g. 総務部. */
  division?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Person {
  id: string;
  name: string;
  departmentId: string;
  title?: string;
  /** Where notices are mailed (functions/mail/); none: the person's notices are in the API only. */
  email?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RoleAssignment {
  id: string;
  personId: string;
  role: Role;
  /** The department the role acts for; set for department roles, absent for city-wide ones. */
  departmentId?: string;
  /** ISO date (YYYY-MM-DD), inclusive. */
  validFrom: string;
  /** ISO date (YYYY-MM-DD), inclusive; open-ended when absent. */
  validUntil?: string;
  version: number;
  createdAt: string;
}

/** The viewer as the rules see them: who they are and the roles they hold today. */
export interface Actor {
  person: Person;
  roles: RoleAssignment[];
}

/** The calendar date in Asia/Tokyo of an instant: validity dates are the city's dates. */
export function tokyoDate(instant: string): string {
  const t = new Date(Date.parse(instant) + 9 * 3600_000);
  return t.toISOString().slice(0, 10);
}

export function isAssignmentActive(a: RoleAssignment, now: string): boolean {
  const today = tokyoDate(now);
  return a.validFrom <= today && (a.validUntil === undefined || today <= a.validUntil);
}

export function activeRoles(assignments: RoleAssignment[], now: string): RoleAssignment[] {
  return assignments.filter((a) => isAssignmentActive(a, now));
}

/** Whether the actor holds `role` today; for department roles, for that department. */
export function holds(actor: Actor, role: Role, now: string, departmentId?: string): boolean {
  return actor.roles.some(
    (a) =>
      a.role === role &&
      isAssignmentActive(a, now) &&
      (departmentId === undefined || a.departmentId === departmentId),
  );
}

/** The departments for which the actor is information manager (情報管理責任者) today. */
export function managedDepartments(actor: Actor, now: string): string[] {
  return actor.roles
    .filter((a) => a.role === 'INFORMATION_MANAGER' && isAssignmentActive(a, now) && a.departmentId)
    .map((a) => a.departmentId as string);
}

/**
 * Refuses unless the actor is the information manager (情報管理責任者) of `departmentId` today: another
 * department's manager is told it is not their department; anyone else, that the role is not theirs.
 */
export function assertInformationManagerOf(
  actor: Actor,
  departmentIds: string[],
  now: string,
  article: string,
  field: string[],
  what: string,
): string {
  const dept = departmentIds.find((d) => holds(actor, 'INFORMATION_MANAGER', now, d));
  if (dept) return dept;
  if (managedDepartments(actor, now).length > 0) {
    refuse('WRONG_DEPARTMENT', `Only the information manager (情報管理責任者) of the department concerned may ${what}. 所管課の情報管理責任者のみが行えます。`, article, field);
  }
  refuse('FORBIDDEN', `Only an information manager (情報管理責任者) may ${what}. 情報管理責任者のみが行えます。`, article, field);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Who keeps the register of people and roles is not named by the regulation; the city gives it to the
 * system administrator (第4条: 総括管理責任者の事務の一部を処理) and the general manager (第3条: 総括的に管理).
 */
export function assertMayAdministerPeople(actor: Actor, now: string): void {
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now) && !holds(actor, 'GENERAL_MANAGER', now)) {
    refuse(
      'FORBIDDEN',
      'Only the system administrator or the general manager keeps the register of departments, people and roles. 部署・職員・役割の登録は情報システム管理者又は総括管理責任者が行います。',
      '第4条',
    );
  }
}

export function validateAssignment(input: {
  role: Role;
  departmentId?: string;
  validFrom: string;
  validUntil?: string;
}): void {
  if (!DATE.test(input.validFrom) || Number.isNaN(Date.parse(input.validFrom))) {
    refuse('INVALID_VALUE', 'validFrom must be a date (YYYY-MM-DD).', undefined, ['validFrom']);
  }
  if (input.validUntil !== undefined) {
    if (!DATE.test(input.validUntil) || Number.isNaN(Date.parse(input.validUntil))) {
      refuse('INVALID_VALUE', 'validUntil must be a date (YYYY-MM-DD).', undefined, ['validUntil']);
    }
    if (input.validUntil < input.validFrom) {
      refuse('INVALID_VALUE', 'validUntil must not be before validFrom.', undefined, ['validUntil']);
    }
  }
  const needsDepartment = DEPARTMENT_ROLES.includes(input.role);
  if (needsDepartment && !input.departmentId) {
    refuse(
      'INVALID_VALUE',
      `${input.role} acts for one department (主管課): departmentId is required.`,
      input.role === 'INFORMATION_MANAGER' ? '第5条' : '第12条',
      ['departmentId'],
    );
  }
  if (!needsDepartment && input.departmentId) {
    refuse('INVALID_VALUE', `${input.role} is a city-wide role: departmentId must be empty.`, undefined, [
      'departmentId',
    ]);
  }
}

// The transitions of the register, as the one write path carries them out (functions/resolvers/write.ts). A person's
// stored version carries a copy of their role assignments (functions/store/people.ts), so a change of their roles
// gives the person's next version the whole list, and writes the assignment itself beside it.

/** A person as stored: with every role assignment they have held. */
export type PersonWithRoles = Person & { roleAssignments: RoleAssignment[] };

export const peopleRegister = {
  createDepartment(actor: Actor, existing: Department | undefined, input: { code: string; name: string; division?: string }, now: string): Transition<Department> {
    assertMayAdministerPeople(actor, now);
    if (existing) refuse('DUPLICATE', `A department with code ${input.code} exists.`, undefined, ['code']);
    const d: Department = { id: input.code, name: input.name.trim(), division: input.division?.trim() || undefined, version: 1, createdAt: now, updatedAt: now };
    return changeOf('Department', undefined, d, 'department.created');
  },

  updateDepartment(actor: Actor, d: Department, input: { name?: string; division?: string }, now: string): Transition<Department> {
    assertMayAdministerPeople(actor, now);
    const division = input.division === undefined ? d.division : input.division.trim() || undefined;
    return changeOf('Department', d, advance(d, { name: input.name?.trim() ?? d.name, division }, now), 'department.updated');
  },

  createPerson(
    actor: Actor,
    existing: Person | undefined,
    department: Department,
    input: { personId: string; name: string; title?: string; email?: string },
    now: string,
  ): Transition<Person> {
    assertMayAdministerPeople(actor, now);
    if (existing) refuse('DUPLICATE', `${input.personId} is already registered.`, undefined, ['personId']);
    const p: Person = {
      id: input.personId,
      name: input.name.trim(),
      title: input.title?.trim() || undefined,
      email: input.email?.trim() || undefined,
      departmentId: department.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return changeOf('Person', undefined, p, 'person.created');
  },

  /** A person's name, title or mail address; an empty title or address removes it. Their roles stay as they are. */
  updatePerson<P extends Person>(actor: Actor, person: P, input: { name?: string; title?: string; email?: string }, now: string): Transition<P> {
    assertMayAdministerPeople(actor, now);
    const cleared = (value: string | undefined, before: string | undefined) => (value === undefined ? before : value.trim() || undefined);
    const after = advance(person, { name: input.name?.trim() || person.name, title: cleared(input.title, person.title), email: cleared(input.email, person.email) } as Partial<P>, now);
    return changeOf('Person', person, after, 'person.updated');
  },

  /** A role from a date, in force at once; the event records the assignment. */
  assignRole(
    actor: Actor,
    person: PersonWithRoles,
    department: Department | undefined,
    input: { role: Role; validFrom: string; validUntil?: string },
    id: string,
    now: string,
  ): Transition<PersonWithRoles> {
    assertMayAdministerPeople(actor, now);
    const departmentId = department?.id;
    validateAssignment({ ...input, departmentId });
    const a: RoleAssignment = { id, personId: person.id, role: input.role, departmentId, validFrom: input.validFrom, validUntil: input.validUntil, version: 1, createdAt: now };
    const after = advance(person, { roleAssignments: [...person.roleAssignments, a] }, now);
    return alongWith(changeOf('Person', person, after, 'role.assigned', undefined, { recorded: { before: {}, after: { roleAssignment: a } } }), {
      parts: [{ part: 'RoleAssignment', value: a }],
    });
  },

  /** One of the person's assignments ends on a date (its last day, inclusive). */
  endRoleAssignment(
    actor: Actor,
    person: PersonWithRoles,
    input: { assignmentId: string; expectedVersion: number; validUntil: string },
    now: string,
  ): Transition<PersonWithRoles> {
    assertMayAdministerPeople(actor, now);
    const before = person.roleAssignments.find((r) => r.id === input.assignmentId);
    if (!before) refuse('NOT_FOUND', 'No role assignment has that id.', undefined, ['assignmentId']);
    assertVersion(before.version, input.expectedVersion);
    validateAssignment({ ...before, validUntil: input.validUntil });
    const ended: RoleAssignment = { ...before, validUntil: input.validUntil, version: before.version + 1 };
    const after = advance(person, { roleAssignments: person.roleAssignments.map((r) => (r.id === ended.id ? ended : r)) }, now);
    const recorded = { before: { roleAssignment: before }, after: { roleAssignment: ended } };
    return alongWith(changeOf('Person', person, after, 'role.ended', undefined, { recorded }), {
      parts: [{ part: 'RoleAssignment', value: ended, expectedVersion: before.version }],
    });
  },
};
