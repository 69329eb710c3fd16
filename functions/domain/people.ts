/**
 * People and roles (第3条–第5条, 第12条, 第27条, 第32条). Roles are data: assignments with validity dates, so a
 * reassignment takes effect at once and the history of who held a role stays on record.
 */
import { Transition, advance, alongWith, changeOf } from './change';
import { assertVersion } from './workflow';
import { Name, refuse } from './refusal';

export const ROLES = [
  'GENERAL_MANAGER', // 総括管理責任者 — 副市長 (第3条)
  'SYSTEM_ADMINISTRATOR', // 情報システム管理者 — 総務部長 (第4条)
  'INFORMATION_MANAGER', // 情報管理責任者 — 各主管課の長 (第5条)
  'HOMEPAGE_OPERATIONS_MANAGER', // ホームページ運用管理者 — 総務課長 (第27条第2項)
  'HOMEPAGE_SYSTEM_MANAGER', // ホームページシステム管理者 — デジタル推進課長 (第27条第3項)
  'FINANCE_HEAD', // 財政課長 — a party to the agreement of an override (第10条第3項, 第23条第3項)
  'STAFF', // 職員等 (第12条)
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act for one department (主管課) and so are assigned with one. */
export const DEPARTMENT_ROLES: readonly Role[] = ['INFORMATION_MANAGER', 'STAFF'];

/**
 * Roles one person holds at a time (for department roles, one per department): the article names one office.
 * A second concurrent holder is refused; someone else acts in the holder's place only as an acting person (職務代理).
 */
export const ONE_HOLDER_ROLES: Readonly<Partial<Record<Role, string>>> = {
  GENERAL_MANAGER: '第3条', // 総括管理責任者は、副市長をもって充てる
  SYSTEM_ADMINISTRATOR: '第4条', // 情報システム管理者は、総務部長をもって充てる
  INFORMATION_MANAGER: '第5条', // 情報管理責任者は、主管課の長をもって充てる
  HOMEPAGE_OPERATIONS_MANAGER: '第27条第2項', // ホームページ運用管理者は、総務課長をもって充てる
  HOMEPAGE_SYSTEM_MANAGER: '第27条第3項', // ホームページシステム管理者は、デジタル推進課長をもって充てる
  FINANCE_HEAD: '第10条第3項', // 総務部財政課長: one office
};

/** 役割の日本語名, for messages and mail. */
export const ROLE_LABELS: Record<Role, string> = {
  GENERAL_MANAGER: '総括管理責任者',
  SYSTEM_ADMINISTRATOR: '情報システム管理者',
  INFORMATION_MANAGER: '情報管理責任者',
  HOMEPAGE_OPERATIONS_MANAGER: 'ホームページ運用管理者',
  HOMEPAGE_SYSTEM_MANAGER: 'ホームページシステム管理者',
  FINANCE_HEAD: '財政課長',
  STAFF: '職員等',
};

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
  /**
   * 職務代理: set when the person acts in the place of the role's holder (this person id) for the period, rather
   * than holding the role themself; such an assignment has an end, a reason and who designated it.
   */
  actingFor?: string;
  reason?: string;
  designatedBy?: string;
  version: number;
  createdAt: string;
}

/** The holders of a role as the one-holder rule reads them: the role's assignments, and the version of its slot. */
export interface RoleSlot {
  /** `<role>#<department or ->`. */
  id: string;
  role: Role;
  departmentId?: string;
  /** 0 when no assignment of the role has been written through the slot yet. */
  version: number;
}

export const roleSlotId = (role: Role, departmentId?: string) => `${role}#${departmentId ?? '-'}`;

/** Whose role an actor exercises: their own (undefined), or that of the holder they act for (職務代理). */
export function actingForIn(actor: Actor, role: Role, now: string, departmentId?: string): string | undefined {
  const usable = actor.roles.filter(
    (a) => a.role === role && isAssignmentActive(a, now) && (departmentId === undefined || a.departmentId === departmentId),
  );
  if (usable.length === 0 || usable.some((a) => !a.actingFor)) return undefined;
  return usable[0].actingFor;
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

/** The holders of a role today (of that department, for department roles): who a notice to a role goes to. */
export function holdersOf(assignments: RoleAssignment[], role: Role, now: string, departmentId?: string): string[] {
  return [
    ...new Set(
      assignments
        .filter((a) => a.role === role && isAssignmentActive(a, now) && (departmentId === undefined || a.departmentId === departmentId))
        .map((a) => a.personId),
    ),
  ].sort();
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
  what: Name,
): string {
  const dept = departmentIds.find((d) => holds(actor, 'INFORMATION_MANAGER', now, d));
  if (dept) return dept;
  if (managedDepartments(actor, now).length > 0) {
    refuse('WRONG_DEPARTMENT', [`${what[0]}ことができるのは、所管課の情報管理責任者のみです。`, `Only the information manager of the department concerned may ${what[1]}.`], article, field);
  }
  refuse('FORBIDDEN', [`${what[0]}ことができるのは、情報管理責任者のみです。`, `Only an information manager may ${what[1]}.`], article, field);
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
      ['部署・職員・役割の登録は、情報システム管理者又は総括管理責任者が行います。', 'Only the system administrator or the general manager keeps the register of departments, people and roles.'],
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
    refuse('INVALID_VALUE', ['validFrom (開始日) は日付 (YYYY-MM-DD) で入力してください。', 'validFrom must be a date (YYYY-MM-DD).'], undefined, ['validFrom']);
  }
  if (input.validUntil !== undefined) {
    if (!DATE.test(input.validUntil) || Number.isNaN(Date.parse(input.validUntil))) {
      refuse('INVALID_VALUE', ['validUntil (終了日) は日付 (YYYY-MM-DD) で入力してください。', 'validUntil must be a date (YYYY-MM-DD).'], undefined, ['validUntil']);
    }
    if (input.validUntil < input.validFrom) {
      refuse('INVALID_VALUE', ['validUntil (終了日) を validFrom (開始日) より前にすることはできません。', 'validUntil must not be before validFrom.'], undefined, ['validUntil']);
    }
  }
  const needsDepartment = DEPARTMENT_ROLES.includes(input.role);
  if (needsDepartment && !input.departmentId) {
    refuse(
      'INVALID_VALUE',
      [`${input.role} は一つの主管課について置かれる役割です。departmentId を指定してください。`, `${input.role} acts for one department: departmentId is required.`],
      input.role === 'INFORMATION_MANAGER' ? '第5条' : '第12条',
      ['departmentId'],
    );
  }
  if (!needsDepartment && input.departmentId) {
    refuse('INVALID_VALUE', [`${input.role} は全庁の役割です。departmentId は指定しないでください。`, `${input.role} is a city-wide role: departmentId must be empty.`], undefined, [
      'departmentId',
    ]);
  }
}

/** A department's first version, as registered (createDepartment, and the first administrator's, bootstrap.ts). */
export function newDepartment(input: { code: string; name: string; division?: string }, now: string): Department {
  return { id: input.code, name: input.name.trim(), division: input.division?.trim() || undefined, version: 1, createdAt: now, updatedAt: now };
}

/** A person's first version, as registered (createPerson, and the first administrator, bootstrap.ts). */
export function newPerson(input: { personId: string; name: string; title?: string; email?: string }, departmentId: string, now: string): Person {
  return {
    id: input.personId,
    name: input.name.trim(),
    title: input.title?.trim() || undefined,
    email: input.email?.trim() || undefined,
    departmentId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

// The transitions of the register, as the one write path carries them out (functions/resolvers/write.ts). A person's
// stored version carries a copy of their role assignments (functions/store/people.ts), so a change of their roles
// gives the person's next version the whole list, and writes the assignment itself beside it.

/** A person as stored: with every role assignment they have held. */
export type PersonWithRoles = Person & { roleAssignments: RoleAssignment[] };

export const peopleRegister = {
  createDepartment(actor: Actor, existing: Department | undefined, input: { code: string; name: string; division?: string }, now: string): Transition<Department> {
    assertMayAdministerPeople(actor, now);
    if (existing) refuse('DUPLICATE', [`部署コード ${input.code} の部署は既にあります。`, `A department with code ${input.code} exists.`], undefined, ['code']);
    return changeOf('Department', undefined, newDepartment(input, now), 'department.created');
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
    if (existing) refuse('DUPLICATE', [`${input.personId} は既に登録されています。`, `${input.personId} is already registered.`], undefined, ['personId']);
    return changeOf('Person', undefined, newPerson(input, department.id, now), 'person.created');
  },

  /** A person's name, title or mail address; an empty title or address removes it. Their roles stay as they are. */
  updatePerson<P extends Person>(actor: Actor, person: P, input: { name?: string; title?: string; email?: string }, now: string): Transition<P> {
    assertMayAdministerPeople(actor, now);
    const cleared = (value: string | undefined, before: string | undefined) => (value === undefined ? before : value.trim() || undefined);
    const after = advance(person, { name: input.name?.trim() || person.name, title: cleared(input.title, person.title), email: cleared(input.email, person.email) } as Partial<P>, now);
    return changeOf('Person', person, after, 'person.updated');
  },

  /**
   * A role from a date, in force at once; the event records the assignment. `holders`: every assignment of the role
   * (of the department, for a department role) and the slot they are written through, for the one-holder rule.
   */
  assignRole(
    actor: Actor,
    person: PersonWithRoles,
    department: Department | undefined,
    input: { role: Role; validFrom: string; validUntil?: string },
    holders: { slot: RoleSlot; assignments: RoleAssignment[] },
    id: string,
    now: string,
  ): Transition<PersonWithRoles> {
    assertMayAdministerPeople(actor, now);
    const departmentId = department?.id;
    validateAssignment({ ...input, departmentId });
    const a: RoleAssignment = { id, personId: person.id, role: input.role, departmentId, validFrom: input.validFrom, validUntil: input.validUntil, version: 1, createdAt: now };
    assertOneHolder(holders.assignments, a);
    const after = advance(person, { roleAssignments: [...person.roleAssignments, a] }, now);
    return alongWith(changeOf('Person', person, after, 'role.assigned', ONE_HOLDER_ROLES[a.role], { recorded: { before: {}, after: { roleAssignment: a } } }), {
      parts: [{ part: 'RoleAssignment', value: a }, ...slotPart(holders.slot)],
    });
  },

  /** One of the person's assignments ends on a date (its last day, inclusive). */
  endRoleAssignment(
    actor: Actor,
    person: PersonWithRoles,
    input: { assignmentId: string; expectedVersion: number; validUntil: string },
    now: string,
  ): Transition<PersonWithRoles> {
    const before = person.roleAssignments.find((r) => r.id === input.assignmentId);
    // An acting designation (職務代理) is ended early by the holder it acts for, or by whoever designated it, too.
    const ownActing = before?.actingFor !== undefined && (before.actingFor === actor.person.id || before.designatedBy === actor.person.id);
    if (!ownActing) assertMayAdministerPeople(actor, now);
    if (!before) refuse('NOT_FOUND', ['指定されたIDの役割の割当てはありません。', 'No role assignment has that id.'], undefined, ['assignmentId']);
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

/**
 * The one-holder rule: a role of ONE_HOLDER_ROLES has no second holder on any day (acting persons aside). Ending the
 * holder's assignment first (its last day) makes room for the next from the day after.
 */
export function assertOneHolder(assignments: RoleAssignment[], a: RoleAssignment): void {
  const article = ONE_HOLDER_ROLES[a.role];
  if (!article) return;
  const clash = assignments.find(
    (h) =>
      !h.actingFor &&
      h.role === a.role &&
      h.departmentId === a.departmentId &&
      h.validFrom <= (a.validUntil ?? '9999-12-31') &&
      a.validFrom <= (h.validUntil ?? '9999-12-31'),
  );
  if (clash) {
    const until = clash.validUntil ? `${clash.validUntil}まで` : '期限なし';
    refuse(
      'DUPLICATE',
      [
        `${ROLE_LABELS[a.role]}は一人が充てられる役割です。${clash.personId}が${clash.validFrom}から${until}保有しています。先にその割当てを終了するか、職務代理者を指定してください。`,
        `${a.role} has one holder: ${clash.personId} holds it from ${clash.validFrom}${clash.validUntil ? ` until ${clash.validUntil}` : ''}. End that assignment first, or designate an acting person.`,
      ],
      article,
      ['validFrom'],
    );
  }
}

/** The slot of a one-holder role, written at its next version so two assignments racing for it cannot both land. */
export function slotPart(slot: RoleSlot) {
  return ONE_HOLDER_ROLES[slot.role] ? [{ part: 'RoleSlot' as const, value: { ...slot, version: slot.version + 1 }, expectedVersion: slot.version || undefined }] : [];
}

/** Who may decide for a role today, leaving out the applicant; and, when no one may, who must designate an acting person. */
export interface Deciders {
  /** The holders and acting persons of the role today, the applicant left out (no one decides their own). */
  deciders: string[];
  /** Set when no one may decide: the holders (who may designate an acting person) and the system administrators. */
  mustDesignate?: { holders: string[]; administrators: string[] };
}

/**
 * Who decides an application of `applicantId` awaiting `role` (of `departmentId`): every holder and acting person of
 * the role today but the applicant. When that leaves no one (the decider is the applicant, or no one holds the role),
 * someone must designate an acting person: the holder, or the system administrator (第4条).
 */
export function decidersOf(assignments: RoleAssignment[], role: Role, applicantId: string, now: string, departmentId?: string): Deciders {
  const active = (r: Role, dept?: string) =>
    assignments.filter((a) => a.role === r && isAssignmentActive(a, now) && (dept === undefined || a.departmentId === dept));
  const of = (list: RoleAssignment[]) => [...new Set(list.map((a) => a.personId))].sort();
  const deciders = of(active(role, departmentId)).filter((p) => p !== applicantId);
  if (deciders.length > 0) return { deciders };
  return {
    deciders,
    mustDesignate: { holders: of(active(role, departmentId).filter((a) => !a.actingFor)), administrators: of(active('SYSTEM_ADMINISTRATOR')) },
  };
}

/** Why no one may decide, and who must act: for the application, the inbox, the reminders and the mail. */
export function designationNeeded(role: Role, applicantId: string, d: Deciders): string | undefined {
  if (!d.mustDesignate) return undefined;
  const label = ROLE_LABELS[role];
  const why = d.mustDesignate.holders.includes(applicantId)
    ? `決裁者(${label})が申請者本人のため、決裁できる者がいません。`
    : `${label}を保有する者がいないため、決裁できる者がいません。`;
  const who = d.mustDesignate.holders.length > 0 ? `${label}本人又は情報システム管理者` : '情報システム管理者';
  return `${why}${who}が職務代理者を指定してください(designateActingPerson)。`;
}
