/**
 * The first system administrator (第4条) of a fresh deployment. Every change of the register of people needs a system
 * administrator or the general manager (people.ts, assertMayAdministerPeople), so on an empty table no one could ever
 * act: this one step makes the first — the department, the person, the role — and refuses once any administrator is
 * on record, so it cannot become a back door. It is run by whoever deploys (the command `npm run bootstrap`), recorded
 * in the audit trail as `bootstrap`.
 */
import { Changed, Part, Transition, alongWith, changeOf } from './change';
import { Department, PersonWithRoles, newDepartment, newPerson, RoleAssignment, RoleSlot, slotPart, tokyoDate, validateAssignment } from './people';
import { refuse } from './refusal';

/** Who the audit trail names for the bootstrap (no person exists before it). */
export const BOOTSTRAP_ACTOR = 'bootstrap';

export interface FirstAdministratorInput {
  personId: string;
  name: string;
  title?: string;
  email?: string;
  departmentCode: string;
  /** The department's name, when it is not registered yet. */
  departmentName?: string;
  division?: string;
}

// The API's own pattern of a person id (graphql/people.ts, CreatePersonInput).
const PERSON_ID = /^[a-z][a-z0-9.-]{1,63}$/;
const CODE = /^[a-z][a-z0-9-]{1,39}$/;

export function firstAdministrator(
  existing: { administrators: { slot: RoleSlot; assignments: RoleAssignment[] }; department?: Department; person?: PersonWithRoles },
  input: FirstAdministratorInput,
  id: string,
  now: string,
): Transition {
  const today = tokyoDate(now);
  const current = existing.administrators.assignments.find((a) => !a.actingFor && (a.validUntil === undefined || a.validUntil >= today));
  if (current) {
    refuse('DUPLICATE', [
      `情報システム管理者(${current.personId})が既に登録されています。最初の管理者の登録は、管理者がいない新しい環境でのみ行えます。以後は assignRole を使ってください。`,
      `A system administrator (${current.personId}) is already on record: the first administrator is made only where there is none. Use assignRole from now on.`,
    ], '第4条');
  }
  if (!PERSON_ID.test(input.personId)) refuse('INVALID_VALUE', ['職員ID は英小文字で始まる英小文字・数字・「.」「-」の2〜64文字にしてください(Cognito のユーザー名になります)。', 'The person id takes 2–64 lower-case letters, digits, "." or "-", starting with a letter (it becomes the Cognito username).'], undefined, ['personId']);
  if (!input.name.trim()) refuse('INVALID_VALUE', ['氏名を入力してください。', 'Give the name.'], undefined, ['name']);
  if (existing.person) refuse('DUPLICATE', [`${input.personId} は既に登録されています。`, `${input.personId} is already registered.`], undefined, ['personId']);
  const changes: Changed[] = [];
  let department = existing.department;
  if (!department) {
    if (!CODE.test(input.departmentCode)) refuse('INVALID_VALUE', ['課コードは英小文字で始まる英小文字・数字・ハイフンの2〜40文字にしてください。', 'The department code takes 2–40 lower-case letters, digits or hyphens.'], undefined, ['departmentCode']);
    if (!input.departmentName?.trim()) {
      refuse('INVALID_VALUE', [`主管課 ${input.departmentCode} は未登録です。名称(--department-name)も指定してください。`, `Department ${input.departmentCode} is not registered: give its name too.`], undefined, ['departmentName']);
    }
    department = newDepartment({ code: input.departmentCode, name: input.departmentName, division: input.division }, now);
    changes.push(...changeOf('Department', undefined, department, 'department.created', '第4条', { note: '初回の情報システム管理者の登録(導入時)' }).changes);
  }
  const role: RoleAssignment = { id, personId: input.personId, role: 'SYSTEM_ADMINISTRATOR', validFrom: today, version: 1, createdAt: now };
  validateAssignment(role);
  const record: PersonWithRoles = { ...newPerson(input, department.id, now), roleAssignments: [role] };
  const created = changeOf('Person', undefined, record, 'person.created', '第4条', { note: '初回の情報システム管理者の登録(導入時)' });
  const assigned: Changed = { ...changeOf('Person', undefined, record, 'role.assigned', '第4条', { recorded: { before: {}, after: { roleAssignment: role } } }).changes[0], recordOnly: true };
  const parts: Part[] = [{ part: 'RoleAssignment', value: role }, ...slotPart(existing.administrators.slot)];
  return alongWith({ record, changes: [...changes, ...created.changes, assigned] }, { parts });
}
