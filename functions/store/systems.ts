/** Administrative systems (key layout in README.md). */
import { SystemRecord } from '../domain/systems';
import { lacksRecoveryProcedure } from '../domain/resilience';
import { reviewDueOn } from '../domain/measures';
import { addDays } from '../domain/period';
import { Store, compact as strip, fromItem } from './store';
import { Item, PageRequest, pageOf } from './table';

/** byDueDate: systems in operation without recovery procedures (第18条第2項), present only while that holds. */
export const NO_RECOVERY_PROCEDURE_PARTITION = 'NO_RECOVERY_PROCEDURE';
/** Installed systems on bySubject, by the day their virus measures fall due for review (第26条). */
export const VIRUS_MEASURES_DUE_PARTITION = 'VIRUS_MEASURES_DUE';

export const systemKey = (id: string) => ({ pk: `SYSTEM#${id}`, sk: 'SYSTEM' });

export function systemItem(s: SystemRecord): Item {
  return {
    ...systemKey(s.id),
    entity: 'System',
    kindPk: 'System',
    kindSk: s.id,
    deptPk: `DEPT#${s.owningDepartmentId}`,
    deptSk: `SYSTEM#${s.id}`,
    // Sparse: recomputed on every write of the system, so any change of status keeps the list exact.
    ...(lacksRecoveryProcedure(s, s.resilience) ? { duePk: NO_RECOVERY_PROCEDURE_PARTITION, dueSk: s.id } : {}),
    // 第26条第1項・第2項: sparse, while installed, by the day its virus measures fall due for review (none: first).
    // byDueDate holds the system for 第18条 already, so this rides on bySubject.
    ...(s.status === 'INSTALLED' ? { subjectPk: VIRUS_MEASURES_DUE_PARTITION, subjectSk: `${reviewDueOn(s.virusMeasures)}#${s.id}` } : {}),
    ...strip(s),
  };
}

export async function getSystem(store: Store, id: string): Promise<SystemRecord | undefined> {
  const k = systemKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<SystemRecord>(item);
}

export async function getSystems(store: Store, ids: string[]): Promise<(SystemRecord | undefined)[]> {
  const items = await store.loadMany(ids.map(systemKey));
  return items.map((i) => i && fromItem<SystemRecord>(i));
}

/** The register in order of registration, or one department's systems. One Query either way. */
export async function listSystems(store: Store, request: PageRequest, departmentId?: string) {
  const page = departmentId
    ? await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, prefix: 'SYSTEM#', ...request })
    : await store.table.query({ index: 'byKind', partition: 'System', ...request });
  // Index items carry every attribute (projection ALL), so they stand in for the table item.
  store.prime(page.items);
  return pageOf(page, (i) => fromItem<SystemRecord>(i));
}

/** Systems in operation without recovery procedures (第18条第2項), by id. */
export async function listSystemsWithoutRecoveryProcedure(store: Store, request: PageRequest) {
  const page = await store.table.query({ index: 'byDueDate', partition: NO_RECOVERY_PROCEDURE_PARTITION, ...request });
  store.prime(page.items);
  return pageOf(page, (i) => fromItem<SystemRecord>(i));
}

/** 第26条第1項・第2項 findings: installed systems without virus measures, or due for review before `today`. */
export async function listSystemsLackingVirusMeasures(store: Store, today: string, request: PageRequest) {
  const page = await store.table.query({ index: 'bySubject', partition: VIRUS_MEASURES_DUE_PARTITION, between: ['0', `${addDays(today, -1)}#~`], ...request });
  store.prime(page.items);
  return pageOf(page, (i) => fromItem<SystemRecord>(i));
}
