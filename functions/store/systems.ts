/** Administrative systems (key layout in README.md). */
import { Network, SYSTEM_STATUSES, SystemCategory, SystemRecord, SystemStatus, NETWORKS, SYSTEM_CATEGORIES } from '../domain/systems';
import { lacksRecoveryProcedure } from '../domain/resilience';
import { reviewDueOn } from '../domain/measures';
import { addDays } from '../domain/period';
import { Store, compact as strip, fromItem } from './store';
import { searchWords } from '../domain/search';
import { Item, ListPage, PageRequest, pageOf } from './table';
import { END, ENTRY_PREFIX, EntryRef, IndexEntry, foldText, isFirstMatch, listEntries, textEntries, textPartition } from './registerIndex';

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

/**
 * What the register is asked for beyond its pages: a department (主管課), statuses, a category, a network, an order;
 * or words of a name (`text`, on its own).
 */
export interface SystemSearch {
  departmentId?: string;
  statuses?: SystemStatus[];
  category?: SystemCategory;
  network?: Network;
  /** REGISTERED: in order of registration (ids are time-ordered); NAME: by the folded name (registerIndex.ts `foldText`). */
  order?: SystemOrder;
  descending?: boolean;
  text?: string;
}
export type SystemOrder = 'REGISTERED' | 'NAME';

/**
 * A system's entries (registerIndex.ts), city-wide and in its department: by name, at three levels (every system;
 * one status; one status, category and network), and by registration at the last two (the first is byKind and
 * byDepartment); and the parts of its name. Ten entries and one per place in the name (at most 24).
 */
export function systemEntries(s: SystemRecord): IndexEntry[] {
  const levels = ['*', `s=${s.status}`, facets(s.status, s.category, s.network)];
  const orders: [SystemOrder, string, string[]][] = [
    ['NAME', `${Array.from(foldText(s.name)).slice(0, 200).join('')}${END}${s.id}`, levels],
    ['REGISTERED', s.id, levels.slice(1)],
  ];
  return [
    ...[CITY, `D=${s.owningDepartmentId}`].flatMap((scope) => orders.flatMap(([order, sk, at]) => at.map((level) => ({ pk: systemPartition(order, scope, level), sk })))),
    ...textEntries('System', s.id, s.name),
  ];
}

const CITY = 'C';
const facets = (status: SystemStatus, category: SystemCategory, network: Network) => `s=${status}&c=${category}&n=${network}`;
const systemPartition = (order: SystemOrder, scope: string, level: string) => `${ENTRY_PREFIX}System#${order}#${scope}#${level}`;

/**
 * Where the register as asked is read: by a key (byKind, byDepartment) when only a department and the order of
 * registration are asked (`undefined`); else the fewest partitions of entries that hold exactly what is asked —
 * statuses alone: one a status; with a category or a network: one a combination, at most 8; words of a name: the
 * one partition of their first character.
 */
export function systemPartitions(search: SystemSearch): string[] | undefined {
  if (search.text !== undefined) return [textPartition('System', Array.from(foldText(search.text))[0])];
  const order = search.order ?? 'REGISTERED';
  const statuses = search.statuses?.length ? search.statuses : undefined;
  if (order === 'REGISTERED' && !statuses && !search.category && !search.network) return undefined;
  const scope = search.departmentId ? `D=${search.departmentId}` : CITY;
  const levels =
    !search.category && !search.network
      ? (statuses?.map((s) => `s=${s}`) ?? ['*'])
      : (statuses ?? SYSTEM_STATUSES).flatMap((s) =>
          (search.category ? [search.category] : SYSTEM_CATEGORIES).flatMap((c) => (search.network ? [search.network] : NETWORKS).map((n) => facets(s, c, n))),
        );
  return [...new Set(levels)].map((level) => systemPartition(order, scope, level));
}

/** The register as asked: one Query a partition (systemPartitions) and one BatchGetItem of the systems, whatever the page size. */
export async function searchSystems(store: Store, search: SystemSearch, request: PageRequest): Promise<ListPage<SystemRecord>> {
  const partitions = systemPartitions(search);
  if (!partitions) {
    const page = search.departmentId
      ? await store.table.query({ index: 'byDepartment', partition: `DEPT#${search.departmentId}`, prefix: 'SYSTEM#', descending: search.descending, ...request })
      : await store.table.query({ index: 'byKind', partition: 'System', descending: search.descending, ...request });
    store.prime(page.items);
    return pageOf(page, (i) => fromItem<SystemRecord>(i));
  }
  const load = (refs: EntryRef[]) => getSystems(store, refs.map((r) => r.id));
  if (search.text !== undefined) {
    const words = foldText(search.text);
    return listEntries(store, { list: 'System#TEXT', partitions, prefix: words }, request, load, (s, sk) => isFirstMatch(s.name, words, sk));
  }
  return listEntries(store, { list: `System#${search.order ?? 'REGISTERED'}`, partitions, descending: search.descending }, request, load);
}

/**
 * The register as a client asked for it (`departmentId` the department's key; the filter and order as the API and the
 * exports take them). Words of a name go alone (functions/domain/search.ts `searchWords`): their entries are kept
 * once for the city, not per department, status or order (`systemEntries`).
 */
export function systemSearch(
  departmentId: string | undefined,
  filter: { status?: SystemStatus[] | null; category?: SystemCategory | null; network?: Network | null; text?: string | null } | undefined,
  orderBy: { field: SystemOrder; direction: 'ASC' | 'DESC' } | undefined,
): SystemSearch {
  const search: SystemSearch = {
    departmentId,
    statuses: filter?.status ?? undefined,
    category: filter?.category ?? undefined,
    network: filter?.network ?? undefined,
    order: orderBy?.field,
    descending: orderBy?.direction === 'DESC',
  };
  if (filter?.text == null) return search;
  searchWords(filter.text, !!(search.departmentId || search.statuses || search.category || search.network || orderBy), ['filter', 'text']);
  return { text: filter.text };
}
