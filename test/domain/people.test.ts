/**
 * People and roles (第3条–第5条, 第12条): roles are data with validity dates, read as Asia/Tokyo calendar dates, so a
 * reassignment takes effect on the city's date, not on UTC's.
 */
import {
  DEPARTMENT_ROLES,
  ROLES,
  Role,
  RoleAssignment,
  activeRoles,
  assertMayAdministerPeople,
  holds,
  isAssignmentActive,
  managedDepartments,
  tokyoDate,
  validateAssignment,
} from '../../functions/domain/people';
import { NOW, actor, refusal } from '../support/domain';

/** 2026-03-31 in UTC, but already 2026-04-01 (00:30) in Tokyo: the first day of the fiscal year. */
const TOKYO_APRIL_FIRST = '2026-03-31T15:30:00Z';
/** 2026-03-31T23:59:59 in Tokyo. */
const TOKYO_MARCH_LAST = '2026-03-31T14:59:59Z';

function assignment(role: Role, departmentId?: string, validFrom = '2023-04-01', validUntil?: string): RoleAssignment {
  return { id: `${role}-${departmentId ?? 'city'}-${validFrom}`, personId: 'p', role, departmentId, validFrom, validUntil, version: 1, createdAt: '2023-04-01T00:00:00Z' };
}

describe('the roles the regulation names', () => {
  it('第3条–第5条, 第10条第3項, 第12条, 第27条: seven roles; 情報管理責任者 and 職員等 act for one department (主管課)', () => {
    expect([...ROLES].sort()).toEqual(
      ['FINANCE_HEAD', 'GENERAL_MANAGER', 'HOMEPAGE_OPERATIONS_MANAGER', 'HOMEPAGE_SYSTEM_MANAGER', 'INFORMATION_MANAGER', 'STAFF', 'SYSTEM_ADMINISTRATOR'].sort(),
    );
    expect([...DEPARTMENT_ROLES].sort()).toEqual(['INFORMATION_MANAGER', 'STAFF']);
  });
});

describe('validity dates are Asia/Tokyo calendar dates', () => {
  it('tokyoDate: 2026-03-31T15:30:00Z is 2026-04-01 in Tokyo; 14:59:59Z is still 2026-03-31', () => {
    expect(tokyoDate(TOKYO_APRIL_FIRST)).toBe('2026-04-01');
    expect(tokyoDate(TOKYO_MARCH_LAST)).toBe('2026-03-31');
    expect(tokyoDate('2026-04-01T00:30:00+09:00')).toBe('2026-04-01');
  });

  it('an assignment starting 2026-04-01 is in force at 2026-03-31T15:30:00Z (Tokyo midnight has passed)', () => {
    const a = assignment('INFORMATION_MANAGER', 'shimin', '2026-04-01');
    expect(isAssignmentActive(a, TOKYO_APRIL_FIRST)).toBe(true);
    expect(isAssignmentActive(a, TOKYO_MARCH_LAST)).toBe(false);
  });

  it('an assignment ending 2026-03-31 no longer counts at 2026-03-31T15:30:00Z, though it is still March 31 in UTC', () => {
    const a = assignment('SYSTEM_ADMINISTRATOR', undefined, '2023-04-01', '2026-03-31');
    expect(isAssignmentActive(a, TOKYO_MARCH_LAST)).toBe(true); // the last day is inclusive
    expect(isAssignmentActive(a, TOKYO_APRIL_FIRST)).toBe(false);
  });

  it('an open-ended assignment counts from its first day on', () => {
    const a = assignment('GENERAL_MANAGER');
    expect(isAssignmentActive(a, '2023-03-31T14:59:59Z')).toBe(false); // 2023-03-31 in Tokyo
    expect(isAssignmentActive(a, '2023-03-31T15:00:00Z')).toBe(true); // 2023-04-01 in Tokyo
    expect(isAssignmentActive(a, NOW)).toBe(true);
  });

  it('activeRoles keeps only the assignments in force that day', () => {
    const current = assignment('INFORMATION_MANAGER', 'shimin');
    const future = assignment('INFORMATION_MANAGER', 'kenkou', '2027-04-01');
    const past = assignment('STAFF', 'shimin', '2020-04-01', '2023-03-31');
    expect(activeRoles([current, future, past], NOW)).toEqual([current]);
  });
});

describe('holds(): whether the actor holds a role today', () => {
  it('第4条: the system administrator (総務部長) holds a city-wide role', () => {
    const sa = actor('p', 'soumu', ['SYSTEM_ADMINISTRATOR']);
    expect(holds(sa, 'SYSTEM_ADMINISTRATOR', NOW)).toBe(true);
    expect(holds(sa, 'GENERAL_MANAGER', NOW)).toBe(false);
  });

  it('第5条: an information manager holds the role for their own department (主管課) only', () => {
    const im = actor('p', 'shimin', ['INFORMATION_MANAGER', 'shimin']);
    expect(holds(im, 'INFORMATION_MANAGER', NOW, 'shimin')).toBe(true);
    expect(holds(im, 'INFORMATION_MANAGER', NOW, 'kenkou')).toBe(false);
    expect(holds(im, 'INFORMATION_MANAGER', NOW)).toBe(true); // for some department
  });

  it('an assignment not yet started does not count', () => {
    const im = actor('p', 'shimin', ['INFORMATION_MANAGER', 'shimin', undefined, '2026-04-01']);
    expect(holds(im, 'INFORMATION_MANAGER', TOKYO_MARCH_LAST, 'shimin')).toBe(false);
    expect(holds(im, 'INFORMATION_MANAGER', TOKYO_APRIL_FIRST, 'shimin')).toBe(true);
  });

  it('an assignment already ended does not count', () => {
    const formerSa = actor('p', 'soumu', ['SYSTEM_ADMINISTRATOR', undefined, '2026-03-31']);
    expect(holds(formerSa, 'SYSTEM_ADMINISTRATOR', TOKYO_MARCH_LAST)).toBe(true);
    expect(holds(formerSa, 'SYSTEM_ADMINISTRATOR', TOKYO_APRIL_FIRST)).toBe(false);
  });

  it('a person may hold several roles (総務課長: 情報管理責任者 and ホームページ運用管理者)', () => {
    const soumuManager = actor('p', 'soumu', ['INFORMATION_MANAGER', 'soumu'], ['HOMEPAGE_OPERATIONS_MANAGER']);
    expect(holds(soumuManager, 'INFORMATION_MANAGER', NOW, 'soumu')).toBe(true);
    expect(holds(soumuManager, 'HOMEPAGE_OPERATIONS_MANAGER', NOW)).toBe(true);
    expect(holds(soumuManager, 'SYSTEM_ADMINISTRATOR', NOW)).toBe(false);
  });

  it('managedDepartments lists the departments managed today', () => {
    const a = actor(
      'p',
      'shimin',
      ['INFORMATION_MANAGER', 'shimin'],
      ['INFORMATION_MANAGER', 'kenkou', '2024-03-31', '2020-04-01'],
      ['INFORMATION_MANAGER', 'fukushi', undefined, '2027-04-01'],
      ['STAFF', 'digital'],
    );
    expect(managedDepartments(a, NOW)).toEqual(['shimin']);
  });
});

describe('the register of people and roles', () => {
  it('第3条・第4条: the system administrator or the general manager keeps it', () => {
    expect(() => assertMayAdministerPeople(actor('p', 'soumu', ['SYSTEM_ADMINISTRATOR']), NOW)).not.toThrow();
    expect(() => assertMayAdministerPeople(actor('p', 'tokubetsu', ['GENERAL_MANAGER']), NOW)).not.toThrow();
  });

  it('第4条: an information manager does not, nor a former system administrator', () => {
    expect(refusal(() => assertMayAdministerPeople(actor('p', 'shimin', ['INFORMATION_MANAGER', 'shimin']), NOW))).toMatchObject({
      code: 'FORBIDDEN',
      article: '第4条',
    });
    const former = actor('p', 'soumu', ['SYSTEM_ADMINISTRATOR', undefined, '2026-03-31']);
    expect(refusal(() => assertMayAdministerPeople(former, TOKYO_APRIL_FIRST))).toMatchObject({ code: 'FORBIDDEN', article: '第4条' });
  });
});

describe('validateAssignment', () => {
  it('accepts a department role with its department and a city-wide role without one', () => {
    expect(() => validateAssignment({ role: 'INFORMATION_MANAGER', departmentId: 'shimin', validFrom: '2026-04-01' })).not.toThrow();
    expect(() => validateAssignment({ role: 'STAFF', departmentId: 'shimin', validFrom: '2026-04-01', validUntil: '2026-04-01' })).not.toThrow();
    expect(() => validateAssignment({ role: 'GENERAL_MANAGER', validFrom: '2026-04-01', validUntil: '2027-03-31' })).not.toThrow();
  });

  it('第5条: 情報管理責任者 is the head of a department: the department is required', () => {
    expect(refusal(() => validateAssignment({ role: 'INFORMATION_MANAGER', validFrom: '2026-04-01' }))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第5条',
      field: ['departmentId'],
    });
  });

  it('第12条: 職員等 are staff of a department: the department is required', () => {
    expect(refusal(() => validateAssignment({ role: 'STAFF', validFrom: '2026-04-01' }))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第12条',
      field: ['departmentId'],
    });
  });

  it('a city-wide role (情報システム管理者, 総括管理責任者, ホームページ管理者) takes no department', () => {
    for (const role of ['SYSTEM_ADMINISTRATOR', 'GENERAL_MANAGER', 'HOMEPAGE_OPERATIONS_MANAGER', 'HOMEPAGE_SYSTEM_MANAGER'] as const) {
      expect(refusal(() => validateAssignment({ role, departmentId: 'soumu', validFrom: '2026-04-01' }))).toMatchObject({
        code: 'INVALID_VALUE',
        field: ['departmentId'],
      });
    }
  });

  it('dates are calendar dates, and the period does not end before it starts', () => {
    expect(refusal(() => validateAssignment({ role: 'GENERAL_MANAGER', validFrom: '2026/04/01' }))).toMatchObject({ code: 'INVALID_VALUE', field: ['validFrom'] });
    expect(refusal(() => validateAssignment({ role: 'GENERAL_MANAGER', validFrom: '2026-13-45' }))).toMatchObject({ code: 'INVALID_VALUE', field: ['validFrom'] });
    expect(refusal(() => validateAssignment({ role: 'GENERAL_MANAGER', validFrom: '2026-04-01', validUntil: 'someday' }))).toMatchObject({
      code: 'INVALID_VALUE',
      field: ['validUntil'],
    });
    expect(refusal(() => validateAssignment({ role: 'GENERAL_MANAGER', validFrom: '2026-04-01', validUntil: '2026-03-31' }))).toMatchObject({
      code: 'INVALID_VALUE',
      field: ['validUntil'],
    });
  });
});
