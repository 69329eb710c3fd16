/**
 * The register of departments, people and roles (第3条–第5条). Roles are data with validity dates, read from the
 * table on every request: a reassignment takes effect at once, and the history of who held a role stays.
 */
import { Api, gid, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const CREATE_DEPARTMENT = `mutation($input: CreateDepartmentInput!) {
  createDepartment(input: $input) { department { id code name division version } userErrors { code message article field } }
}`;
const UPDATE_DEPARTMENT = `mutation($input: UpdateDepartmentInput!) {
  updateDepartment(input: $input) { department { name division version } userErrors { code field } }
}`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) {
  createPerson(input: $input) { person { id personId name department { code } version } userErrors { code field } }
}`;
const ASSIGN = `mutation($input: AssignRoleInput!) {
  assignRole(input: $input) { person { version roleAssignments { assignmentId role validFrom validUntil active version department { code } } } userErrors { code message article field } }
}`;
const END = `mutation($input: EndRoleAssignmentInput!) {
  endRoleAssignment(input: $input) { person { currentRoles { role } roleAssignments { role validUntil active } } userErrors { code field } }
}`;

function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('第4条: the system administrator keeps the register of departments and people', () => {
  it('registers a department, renames it (附則: departments are renamed), and records both in its audit trail', async () => {
    const created = await api.data('soumu-director', CREATE_DEPARTMENT, { input: { code: 'kankyou', name: '環境課', division: '市民経済部' } });
    expect(created.createDepartment).toMatchObject({ department: { code: 'kankyou', name: '環境課', version: 1 }, userErrors: [] });
    const renamed = await api.data('soumu-director', UPDATE_DEPARTMENT, {
      input: { departmentId: created.createDepartment.department.id, expectedVersion: 1, name: '生活環境課' },
    });
    expect(renamed.updateDepartment).toEqual({ department: { name: '生活環境課', division: '市民経済部', version: 2 }, userErrors: [] });
    const trail = await api.data('soumu-director', `query($id: ID!) { auditTrail(objectId: $id, first: 10) { nodes { action before after actor { personId } } } }`, {
      id: created.createDepartment.department.id,
    });
    expect(trail.auditTrail.nodes).toEqual([
      expect.objectContaining({ action: 'department.created', actor: { personId: 'soumu-director' } }),
      expect.objectContaining({ action: 'department.updated', before: { name: '環境課' }, after: { name: '生活環境課' } }),
    ]);
  });

  it('the general manager may keep it too; an information manager may not (FORBIDDEN, 第4条), and nothing is written', async () => {
    const byGeneral = await api.data('fuku-shichou', CREATE_DEPARTMENT, { input: { code: 'kikaku', name: '企画政策課' } });
    expect(byGeneral.createDepartment.userErrors).toEqual([]);
    const before = await api.snapshot();
    const byManager = await api.data('shimin-manager', CREATE_DEPARTMENT, { input: { code: 'zeimu', name: '税務課' } });
    expect(byManager.createDepartment).toEqual({ department: null, userErrors: [expect.objectContaining({ code: 'FORBIDDEN', article: '第4条' })] });
    expect(await api.snapshot()).toEqual(before);
  });

  it('a department code is registered once (DUPLICATE); a rename with a stale version is STALE_VERSION', async () => {
    const dup = await api.data('soumu-director', CREATE_DEPARTMENT, { input: { code: 'shimin', name: '市民課(重複)' } });
    expect(dup.createDepartment.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['code'] })]);
    const stale = await api.data('soumu-director', UPDATE_DEPARTMENT, { input: { departmentId: gid('Department', 'shimin'), expectedVersion: 7, name: 'x' } });
    expect(stale.updateDepartment.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['expectedVersion'] })]);
  });
});

describe('第5条: roles are assignments with validity dates, in force from the moment they are recorded', () => {
  it('a new person of 特別職 (a department with no information manager yet) becomes its information manager, and can act as such at once', async () => {
    const created = await api.data('soumu-director', CREATE_PERSON, {
      input: { personId: 'tokubetsu-deputy', name: '森 一樹', departmentId: gid('Department', 'tokubetsu') },
    });
    expect(created.createPerson).toMatchObject({ person: { personId: 'tokubetsu-deputy', department: { code: 'tokubetsu' } }, userErrors: [] });
    const personId = created.createPerson.person.id;

    const register = () =>
      api.data('tokubetsu-deputy', `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id } userErrors { code } } }`, {
        input: { name: '窓口番号案内', category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: gid('Department', 'tokubetsu') },
      });
    expect((await register()).registerSystem.userErrors).toEqual([{ code: 'FORBIDDEN' }]);

    const assigned = await api.data('soumu-director', ASSIGN, {
      input: { personId, role: 'INFORMATION_MANAGER', departmentId: gid('Department', 'tokubetsu'), validFrom: tokyoDate(-3) },
    });
    expect(assigned.assignRole.userErrors).toEqual([]);
    expect(assigned.assignRole.person.roleAssignments).toEqual([
      expect.objectContaining({ role: 'INFORMATION_MANAGER', active: true, department: { code: 'tokubetsu' }, validUntil: null }),
    ]);
    expect((await register()).registerSystem.userErrors).toEqual([]);

    const assignment = assigned.assignRole.person.roleAssignments[0];
    const ended = await api.data('soumu-director', END, {
      input: { personId, assignmentId: assignment.assignmentId, expectedVersion: assignment.version, validUntil: tokyoDate(-1) },
    });
    expect(ended.endRoleAssignment).toEqual({
      person: { currentRoles: [], roleAssignments: [{ role: 'INFORMATION_MANAGER', validUntil: tokyoDate(-1), active: false }] },
      userErrors: [],
    });
    expect((await register()).registerSystem.userErrors).toEqual([{ code: 'FORBIDDEN' }]);
  });

  it('a role that starts tomorrow does not count today', async () => {
    const assigned = await api.data('soumu-director', ASSIGN, {
      input: { personId: gid('Person', 'kenkou-staff'), role: 'INFORMATION_MANAGER', departmentId: gid('Department', 'tokubetsu'), validFrom: tokyoDate(1) },
    });
    expect(assigned.assignRole.person.roleAssignments).toContainEqual(expect.objectContaining({ role: 'INFORMATION_MANAGER', active: false }));
    const viewer = await api.data('kenkou-staff', `{ viewer { currentRoles { role } } }`);
    expect(viewer.viewer.currentRoles).toEqual([{ role: 'STAFF' }]);
  });

  it('第5条: an information manager acts for a department, so one is named; 第3条: the general manager for the whole city, so none is', async () => {
    const noDepartment = await api.data('soumu-director', ASSIGN, { input: { personId: gid('Person', 'kenkou-staff'), role: 'INFORMATION_MANAGER', validFrom: tokyoDate(0) } });
    expect(noDepartment.assignRole.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第5条', field: ['departmentId'] })]);
    const withDepartment = await api.data('soumu-director', ASSIGN, {
      input: { personId: gid('Person', 'kenkou-staff'), role: 'GENERAL_MANAGER', departmentId: gid('Department', 'kenkou'), validFrom: tokyoDate(0) },
    });
    expect(withDepartment.assignRole.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['departmentId'] })]);
  });
});

describe('a person’s mail address: where their notices are mailed', () => {
  const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) {
    updatePerson(input: $input) { person { name title email version } userErrors { code message article field } }
  }`;

  it('the demo city’s people have theirs, and every member of staff reads it with the person', async () => {
    const { node } = await api.data('shimin-staff', `query($id: ID!) { node(id: $id) { ... on Person { email } } }`, { id: gid('Person', 'kenkou-manager') });
    expect(node).toEqual({ email: 'kenkou-manager@city.shiroishi.example' });
  });

  it('第4条: the system administrator registers a person with an address, changes it, and removes it; each change is in the audit trail', async () => {
    const created = await api.data('soumu-director', `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id email version } userErrors { code field } } }`, {
      input: { personId: 'zaisei-staff', name: '松本 健', departmentId: gid('Department', 'zaisei'), email: 'matsumoto@city.shiroishi.example' },
    });
    expect(created.createPerson).toMatchObject({ person: { email: 'matsumoto@city.shiroishi.example', version: 1 }, userErrors: [] });
    const id = created.createPerson.person.id;
    const changed = await api.data('soumu-director', UPDATE_PERSON, { input: { personId: id, expectedVersion: 1, email: 'k-matsumoto@city.shiroishi.example' } });
    expect(changed.updatePerson).toEqual({ person: { name: '松本 健', title: null, email: 'k-matsumoto@city.shiroishi.example', version: 2 }, userErrors: [] });
    const removed = await api.data('soumu-director', UPDATE_PERSON, { input: { personId: id, expectedVersion: 2, email: '' } });
    expect(removed.updatePerson.person).toMatchObject({ email: null, version: 3 });
    const trail = await api.data('soumu-director', `query($id: ID!) { auditTrail(objectId: $id, first: 10) { nodes { action before after } } }`, { id });
    expect(trail.auditTrail.nodes.map((e: { action: string }) => e.action)).toEqual(['person.created', 'person.updated', 'person.updated']);
    expect(trail.auditTrail.nodes[2]).toMatchObject({ before: { email: 'k-matsumoto@city.shiroishi.example' }, after: {} });
  });

  it('an address that is not one, or longer than 254 characters, is refused before anything runs (400)', async () => {
    for (const email of ['not-an-address', `${'a'.repeat(250)}@city.shiroishi.example`]) {
      const res = await api.gql('soumu-director', UPDATE_PERSON, { input: { personId: gid('Person', 'shimin-staff'), expectedVersion: 1, email } });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].extensions.problems.map((p: { field: string[] }) => p.field)).toContainEqual(['email']);
    }
  });

  it('第4条: only the keepers of the register change a person — not the person, not their information manager', async () => {
    const res = await api.data('shimin-manager', UPDATE_PERSON, { input: { personId: gid('Person', 'shimin-staff'), expectedVersion: 1, email: 'x@city.shiroishi.example' } });
    expect(res.updatePerson).toEqual({ person: null, userErrors: [expect.objectContaining({ code: 'FORBIDDEN', article: '第4条' })] });
  });
});

describe('the audit trail of what a person did', () => {
  it('is open to that person, the system administrator and the general manager, and to no one else (第4条)', async () => {
    const query = `query($id: ID!) { auditTrailByPerson(personId: $id, first: 5) { nodes { action } } }`;
    const own = await api.gql('shimin-manager', query, { id: gid('Person', 'shimin-manager') });
    expect(own.status).toBe(200);
    const byAdministrator = await api.gql('soumu-director', query, { id: gid('Person', 'shimin-manager') });
    expect(byAdministrator.status).toBe(200);
    const byOther = await api.gql('kenkou-manager', query, { id: gid('Person', 'shimin-manager') });
    expect(byOther.status).toBe(403);
    expect(byOther.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', article: '第4条' });
  });
});
