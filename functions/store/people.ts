/** Departments, people and their role assignments (key layout in README.md). */
import { Department, Person, PersonWithRoles, Role, RoleAssignment, RoleSlot, roleSlotId } from '../domain/people';
import { Store, compact as strip, fromItem } from './store';
import { Item, PageRequest, pageOf } from './table';

export const departmentKey = (id: string) => ({ pk: `DEPT#${id}`, sk: 'DEPARTMENT' });
export const personKey = (id: string) => ({ pk: `PERSON#${id}`, sk: 'PERSON' });
const ROLE_PREFIX = 'ROLE#';

export function departmentItem(d: Department): Item {
  return { ...departmentKey(d.id), entity: 'Department', kindPk: 'Department', kindSk: d.id, ...d };
}

/**
 * A person's item carries a copy of their role assignments, written in the same transaction as the assignment
 * items themselves (those serve "who holds this role"), so loading people with their roles is one batched read.
 */
export function personItem(p: Person, roles: RoleAssignment[]): Item {
  return {
    ...personKey(p.id),
    entity: 'Person',
    kindPk: 'Person',
    kindSk: p.id,
    deptPk: `DEPT#${p.departmentId}`,
    deptSk: `PERSON#${p.id}`,
    ...strip(p),
    roleAssignments: roles.map((r) => strip(r)),
  };
}

/** A person's item as the viewer it is when they sign in: the person, and the copy of their role assignments. */
export function personFromItem(item: Item): { person: Person; roles: RoleAssignment[] } {
  const { roleAssignments, ...person } = fromItem<Person & { roleAssignments?: RoleAssignment[] }>(item);
  return { person, roles: roleAssignments ?? [] };
}

export function roleItem(a: RoleAssignment): Item {
  return {
    pk: `PERSON#${a.personId}`,
    sk: `${ROLE_PREFIX}${a.id}`,
    entity: 'RoleAssignment',
    // Who holds a role: the role's partition in byKind, by department where the role has one.
    kindPk: `Role#${a.role}`,
    kindSk: `${a.departmentId ?? '-'}#${a.validFrom}#${a.id}`,
    ...(a.departmentId ? { deptPk: `DEPT#${a.departmentId}`, deptSk: `ROLE#${a.role}#${a.id}` } : {}),
    ...strip(a),
  };
}

export async function getDepartment(store: Store, id: string): Promise<Department | undefined> {
  const k = departmentKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<Department>(item);
}

export async function getPerson(store: Store, id: string): Promise<Person | undefined> {
  return (await getPersonWithRoles(store, id))?.person;
}

/** A person and every role assignment they have held; batched with other item reads of the same tick. */
export async function getPersonWithRoles(store: Store, id: string): Promise<{ person: Person; roles: RoleAssignment[] } | undefined> {
  const k = personKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && personFromItem(item);
}

/** A person as the write path reads and writes them back: with the copy of their role assignments. */
export async function getPersonRecord(store: Store, id: string): Promise<PersonWithRoles | undefined> {
  const p = await getPersonWithRoles(store, id);
  return p && { ...p.person, roleAssignments: p.roles };
}

export async function getRoleAssignment(store: Store, personId: string, id: string): Promise<RoleAssignment | undefined> {
  const item = await store.load(`PERSON#${personId}`, `${ROLE_PREFIX}${id}`);
  return item && fromItem<RoleAssignment>(item);
}

export async function listDepartments(store: Store, request: PageRequest) {
  const page = await store.table.query({ index: 'byKind', partition: 'Department', ...request });
  return pageOf(page, (i) => fromItem<Department>(i));
}

export async function listPeople(store: Store, request: PageRequest, departmentId?: string) {
  const page = departmentId
    ? await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, prefix: 'PERSON#', ...request })
    : await store.table.query({ index: 'byKind', partition: 'Person', ...request });
  store.prime(page.items.filter((i) => i.sk === 'PERSON'));
  return pageOf(page, (i) => personFromItem(i).person);
}

/** The assignments of one role (all of them, current and past), e.g. who is or was system administrator. */
export async function listRoleHolders(store: Store, role: string, request: PageRequest) {
  const page = await store.table.query({ index: 'byKind', partition: `Role#${role}`, ...request });
  return pageOf(page, (i) => fromItem<RoleAssignment>(i));
}

/** Every department: the register is a few dozen sections. */
export async function listAllDepartments(store: Store): Promise<Department[]> {
  return (await store.table.queryAll({ index: 'byKind', partition: 'Department' })).map((i) => fromItem<Department>(i));
}

/** Every assignment (current and past) of the given roles; who holds one on a day is the domain's to decide. */
export async function listAllRoleHolders(store: Store, roles: readonly string[]): Promise<RoleAssignment[]> {
  const pages = await Promise.all(roles.map((role) => store.table.queryAll({ index: 'byKind', partition: `Role#${role}` })));
  return pages.flat().map((i) => fromItem<RoleAssignment>(i));
}

const roleSlotKey = (id: string) => ({ pk: `ROLESLOT#${id}`, sk: 'ROLESLOT' });

/** The slot of a one-holder role: a version that every assignment of the role is written through (no two at once). */
export function roleSlotItem(s: RoleSlot): Item {
  return { ...roleSlotKey(s.id), entity: 'RoleSlot', ...strip(s) };
}

/** Who holds a role, as the one-holder rule and the acting designation read it: its assignments and its slot. */
export async function roleHolders(store: Store, role: Role, departmentId?: string): Promise<{ slot: RoleSlot; assignments: RoleAssignment[] }> {
  const id = roleSlotId(role, departmentId);
  const k = roleSlotKey(id);
  const [slotItem, assignments] = await Promise.all([store.load(k.pk, k.sk), listAllRoleHolders(store, [role])]);
  const slot = slotItem ? fromItem<RoleSlot>(slotItem) : { id, role, departmentId, version: 0 };
  return { slot, assignments: assignments.filter((a) => a.departmentId === departmentId) };
}
