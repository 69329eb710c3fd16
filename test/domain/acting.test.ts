/**
 * 職務代理・代決 and the roles one person holds (第3条–第5条, 第27条), as pure rules: who may decide for a role, who must
 * designate an acting person when no one may, whose place an acting person decides in, and the one-holder rule.
 */
import { acting } from '../../functions/domain/acting';
import { ONE_HOLDER_ROLES, peopleRegister, PersonWithRoles, Role, RoleAssignment, actingForIn, assertOneHolder, decidersOf, designationNeeded } from '../../functions/domain/people';
import { NOW, actor, administrator, refusal } from '../support/domain';

const TODAY = '2026-06-15';

function held(personId: string, role: Role, extra: Partial<RoleAssignment> = {}): RoleAssignment {
  return { id: `${personId}-${role}`, personId, role, validFrom: '2023-04-01', version: 1, createdAt: '2023-04-01T00:00:00Z', ...extra };
}

/** The demo city's holders of the homepage operations manager and the system administrator. */
const CITY = [held('soumu-manager', 'HOMEPAGE_OPERATIONS_MANAGER'), held('soumu-director', 'SYSTEM_ADMINISTRATOR')];
const soumuManager = actor('soumu-manager', 'soumu', ['INFORMATION_MANAGER', 'soumu'], ['HOMEPAGE_OPERATIONS_MANAGER']);
const assistant: PersonWithRoles = { id: 'soumu-assistant', name: '阿部 恵', departmentId: 'soumu', version: 1, createdAt: NOW, updatedAt: NOW, roleAssignments: [] };
const slot = { id: 'HOMEPAGE_OPERATIONS_MANAGER#-', role: 'HOMEPAGE_OPERATIONS_MANAGER' as const, version: 0 };
const input = { role: 'HOMEPAGE_OPERATIONS_MANAGER' as const, validFrom: TODAY, validUntil: '2026-06-22', reason: '申請者が決裁者本人のため' };

describe('who decides for a role', () => {
  it('the holders today, never the applicant', () => {
    expect(decidersOf(CITY, 'HOMEPAGE_OPERATIONS_MANAGER', 'shimin-manager', NOW)).toEqual({ deciders: ['soumu-manager'] });
  });

  it('when the decider is the applicant, no one may decide: the holder or the system administrator must designate an acting person', () => {
    const d = decidersOf(CITY, 'HOMEPAGE_OPERATIONS_MANAGER', 'soumu-manager', NOW);
    expect(d).toEqual({ deciders: [], mustDesignate: { holders: ['soumu-manager'], administrators: ['soumu-director'] } });
    expect(designationNeeded('HOMEPAGE_OPERATIONS_MANAGER', 'soumu-manager', d)).toBe(
      '決裁者(ホームページ運用管理者)が申請者本人のため、決裁できる者がいません。ホームページ運用管理者本人又は情報システム管理者が職務代理者を指定してください(designateActingPerson)。',
    );
  });

  it('an acting person in force decides in the holder’s place; one whose period is over does not', () => {
    const actingNow = held('soumu-assistant', 'HOMEPAGE_OPERATIONS_MANAGER', { id: 'a1', validFrom: TODAY, validUntil: '2026-06-22', actingFor: 'soumu-manager' });
    expect(decidersOf([...CITY, actingNow], 'HOMEPAGE_OPERATIONS_MANAGER', 'soumu-manager', NOW)).toEqual({ deciders: ['soumu-assistant'] });
    const over = { ...actingNow, validUntil: '2026-06-14' };
    expect(decidersOf([...CITY, over], 'HOMEPAGE_OPERATIONS_MANAGER', 'soumu-manager', NOW).deciders).toEqual([]);
  });

  it('actingForIn: whose place the actor decides in — none when they hold the role themself', () => {
    const a = actor('soumu-assistant', 'soumu');
    a.roles.push(held('soumu-assistant', 'HOMEPAGE_OPERATIONS_MANAGER', { validFrom: TODAY, validUntil: '2026-06-22', actingFor: 'soumu-manager' }));
    expect(actingForIn(a, 'HOMEPAGE_OPERATIONS_MANAGER', NOW)).toBe('soumu-manager');
    expect(actingForIn(soumuManager, 'HOMEPAGE_OPERATIONS_MANAGER', NOW)).toBeUndefined();
  });
});

describe('designating an acting person', () => {
  it('the holder designates; the designation records the holder, the reason, who designated, and tells the acting person', () => {
    const t = acting.designate(soumuManager, assistant, input, { slot, assignments: CITY }, 'a1', NOW);
    expect(t.record.roleAssignments).toEqual([
      expect.objectContaining({ role: 'HOMEPAGE_OPERATIONS_MANAGER', actingFor: 'soumu-manager', designatedBy: 'soumu-manager', reason: '申請者が決裁者本人のため', validUntil: '2026-06-22' }),
    ]);
    expect(t.changes.map((c) => [c.kind, c.action, c.article])).toEqual([
      ['Person', 'role.acting-designated', '第27条第2項'],
      ['Notice', 'notice.recorded', '第27条第2項'],
    ]);
    expect(t.changes[1].after).toMatchObject({ addresseeId: 'soumu-assistant', kind: 'ACTING_DESIGNATED' });
    expect(t.parts).toEqual([expect.objectContaining({ part: 'RoleAssignment' }), { part: 'RoleSlot', value: { ...slot, version: 1 }, expectedVersion: undefined }]);
  });

  it('the system administrator designates for anyone; anyone else is refused (第4条)', () => {
    expect(acting.designate(administrator, assistant, input, { slot, assignments: CITY }, 'a1', NOW).changes).toHaveLength(3);
    expect(refusal(() => acting.designate(actor('shimin-manager', 'shimin', ['INFORMATION_MANAGER', 'shimin']), assistant, input, { slot, assignments: CITY }, 'a1', NOW))).toMatchObject({
      code: 'FORBIDDEN',
      article: '第4条',
    });
  });

  it('refused: a role with many holders, no one holding the role on the first day, no reason', () => {
    expect(refusal(() => acting.designate(administrator, assistant, { ...input, role: 'STAFF', departmentId: 'soumu' }, { slot, assignments: CITY }, 'a1', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['role'] });
    expect(refusal(() => acting.designate(administrator, assistant, input, { slot, assignments: [] }, 'a1', NOW))).toMatchObject({ code: 'INVALID_STATE', field: ['validFrom'] });
    expect(refusal(() => acting.designate(administrator, assistant, { ...input, reason: ' ' }, { slot, assignments: CITY }, 'a1', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['reason'] });
  });

  it('refused: a period already over, which would designate no one; one that started before today and runs on is not', () => {
    const over = { ...input, validFrom: '2026-06-01', validUntil: '2026-06-14' };
    expect(refusal(() => acting.designate(soumuManager, assistant, over, { slot, assignments: CITY }, 'a1', NOW))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第27条第2項',
      field: ['validUntil'],
      message: '職務代理の期間は令和8年6月14日に終了しています。今日以降に終わる期間を指定してください。',
    });
    const started = { ...input, validFrom: '2026-06-01', validUntil: TODAY };
    expect(acting.designate(soumuManager, assistant, started, { slot, assignments: CITY }, 'a1', NOW).record.roleAssignments).toEqual([
      expect.objectContaining({ validFrom: '2026-06-01', validUntil: TODAY, actingFor: 'soumu-manager' }),
    ]);
  });
});

describe('ending an acting designation early', () => {
  it('the holder it acts for ends it, as does whoever designated it; another information manager may not (第4条)', () => {
    const designated = acting.designate(administrator, assistant, input, { slot, assignments: CITY }, 'a1', NOW).record;
    const end = { assignmentId: 'a1', expectedVersion: 1, validUntil: TODAY };
    expect(peopleRegister.endRoleAssignment(soumuManager, designated, end, NOW).record.roleAssignments[0]).toMatchObject({ validUntil: TODAY, version: 2 });
    expect(peopleRegister.endRoleAssignment(administrator, designated, end, NOW).record.roleAssignments[0]).toMatchObject({ validUntil: TODAY });
    expect(refusal(() => peopleRegister.endRoleAssignment(actor('shimin-manager', 'shimin', ['INFORMATION_MANAGER', 'shimin']), designated, end, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第4条' });
  });
});

describe('roles one person holds', () => {
  it('the six offices the articles name: 総括管理責任者, 情報システム管理者, each 情報管理責任者, the homepage managers, 財政課長', () => {
    expect(ONE_HOLDER_ROLES).toEqual({
      GENERAL_MANAGER: '第3条',
      SYSTEM_ADMINISTRATOR: '第4条',
      INFORMATION_MANAGER: '第5条',
      HOMEPAGE_OPERATIONS_MANAGER: '第27条第2項',
      HOMEPAGE_SYSTEM_MANAGER: '第27条第3項',
      FINANCE_HEAD: '第10条第3項',
    });
  });

  it('a second concurrent holder is refused; one from the day after the holder’s last day is not; acting persons and other departments do not count', () => {
    const next = held('new', 'SYSTEM_ADMINISTRATOR', { validFrom: '2026-07-01' });
    expect(refusal(() => assertOneHolder(CITY, next))).toMatchObject({ code: 'DUPLICATE', article: '第4条' });
    const ended = [held('soumu-director', 'SYSTEM_ADMINISTRATOR', { validUntil: '2026-06-30' })];
    expect(() => assertOneHolder(ended, next)).not.toThrow();
    expect(() => assertOneHolder([held('x', 'SYSTEM_ADMINISTRATOR', { actingFor: 'soumu-director', validUntil: '2026-12-31' })], next)).not.toThrow();
    const shimin = held('shimin-manager', 'INFORMATION_MANAGER', { departmentId: 'shimin' });
    expect(() => assertOneHolder([shimin], held('new', 'INFORMATION_MANAGER', { departmentId: 'kenkou' }))).not.toThrow();
    expect(() => assertOneHolder([held('a', 'STAFF', { departmentId: 'shimin' })], held('b', 'STAFF', { departmentId: 'shimin' }))).not.toThrow();
  });
});
