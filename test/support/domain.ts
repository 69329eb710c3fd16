/**
 * Builders shared by the domain tests: actors with role assignments, system records of the demo city, and
 * `refusal()` to catch the Refusal a rule throws.
 */
import { Actor, Role, RoleAssignment } from '../../functions/domain/people';
import { Refusal } from '../../functions/domain/refusal';
import { SystemRecord } from '../../functions/domain/systems';

export const NOW = '2026-06-15T03:00:00Z';
export const EARLIER = '2025-04-01T00:00:00Z';

/** One role: city-wide without a department; open-ended without validUntil; from 2023-04-01 unless validFrom is given. */
export type RoleSpec = [role: Role, departmentId?: string, validUntil?: string, validFrom?: string];

/** A person of `departmentId` holding the roles given. */
export function actor(id: string, departmentId: string, ...roles: RoleSpec[]): Actor {
  const assignments: RoleAssignment[] = roles.map(([role, dept, validUntil, validFrom = '2023-04-01'], i) => ({
    id: `${id}-${i}`,
    personId: id,
    role,
    departmentId: dept,
    validFrom,
    validUntil,
    version: 1,
    createdAt: EARLIER,
  }));
  return { person: { id, name: id, departmentId, version: 1, createdAt: EARLIER, updatedAt: EARLIER }, roles: assignments };
}

export const administrator = actor('soumu-director', 'soumu', ['SYSTEM_ADMINISTRATOR']);
export const generalManager = actor('fuku-shichou', 'tokubetsu', ['GENERAL_MANAGER']);
export const shiminManager = actor('shimin-manager', 'shimin', ['INFORMATION_MANAGER', 'shimin']);
export const kenkouManager = actor('kenkou-manager', 'kenkou', ['INFORMATION_MANAGER', 'kenkou']);
export const digitalManager = actor('digital-manager', 'digital', ['INFORMATION_MANAGER', 'digital']);
export const shiminStaff = actor('shimin-staff', 'shimin', ['STAFF', 'shimin']);
export const formerShiminManager = actor('former', 'shimin', ['INFORMATION_MANAGER', 'shimin', '2026-03-31']);

/** 住民情報システム: an installed 業務系 system of 市民課. */
export function system(extra: Partial<SystemRecord> = {}): SystemRecord {
  return {
    id: 'juumin',
    name: '住民情報システム',
    category: 'BUSINESS',
    network: 'INTERNAL',
    purposes: ['CITIZEN_WELFARE', 'EFFICIENCY'],
    status: 'INSTALLED',
    owningDepartmentId: 'shimin',
    processingDepartmentIds: ['shimin'],
    documents: [],
    educationOrResearchOnly: false,
    connectedSystemIds: [],
    version: 4,
    createdAt: EARLIER,
    updatedAt: EARLIER,
    decidedAt: EARLIER,
    installedAt: EARLIER,
    ...extra,
  };
}

/** グループウェア: an installed 情報系 system of デジタル推進課. */
export const groupware = (extra: Partial<SystemRecord> = {}) =>
  system({ id: 'groupware', name: 'グループウェア', category: 'INFORMATION', owningDepartmentId: 'digital', processingDepartmentIds: [], ...extra });

/** The Refusal `fn` throws; fails the test if it throws something else or nothing. */
export function refusal(fn: () => unknown): Refusal {
  try {
    fn();
  } catch (e) {
    if (e instanceof Refusal) return e;
    throw e;
  }
  throw new Error('expected a refusal, but the action was allowed');
}
