/**
 * 操作時間 (第11条): the city's working calendar and the service interruptions of each system. An interruption is
 * found by the system it stops, sorted by when it ends (an ongoing failure as `~`), so "the interruptions covering
 * instant T" is one key range: those ending at or after T, less the few that start after T. Key layout in README.md.
 */
import { CALENDAR_ID, ServiceInterruption, StopAudience, WorkingCalendar, defaultCalendar } from '../domain/operatingHours';
import { RoleAssignment } from '../domain/people';
import { SystemRecord } from '../domain/systems';
import { listOperatorsOfSystem } from './operators';
import { Store, compact, fromItem, listPage } from './store';
import { Item, PageRequest, resumeAfter } from './table';

export const calendarKey = (id: string = CALENDAR_ID) => ({ pk: `CALENDAR#${id}`, sk: 'CALENDAR' });
export const interruptionKey = (id: string) => ({ pk: `INTERRUPTION#${id}`, sk: 'INTERRUPTION' });

const INTERRUPTION = 'INTERRUPTION#';
const CANCELLED = 'INTERRUPTION-CANCELLED#';
const OPEN = '~';
/** Above every sort key of the range, open-ended ones (`~#<id>`) included. */
const END = '~~';

export function calendarItem(c: WorkingCalendar): Item {
  return { ...calendarKey(c.id), entity: 'WorkingCalendar', ...compact(c) };
}

export function interruptionItem(i: ServiceInterruption): Item {
  return {
    ...interruptionKey(i.id),
    entity: 'ServiceInterruption',
    // Sorted by the end; a cancelled stop leaves the range (it interrupts nothing) but stays on record.
    subjectPk: `SYSTEM#${i.systemId}`,
    subjectSk: i.cancelled ? `${CANCELLED}${i.startsAt}#${i.id}` : `${INTERRUPTION}${i.endsAt ?? OPEN}#${i.id}`,
    ...compact(i),
  };
}

export async function getCalendar(store: Store, id: string = CALENDAR_ID): Promise<WorkingCalendar | undefined> {
  const k = calendarKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<WorkingCalendar>(item);
}

/** The city's calendar as stored, or the domain's default (version 0) until the administrator first sets it. */
export async function loadCalendar(store: Store): Promise<WorkingCalendar> {
  return (await getCalendar(store)) ?? defaultCalendar();
}

export async function getInterruption(store: Store, id: string): Promise<ServiceInterruption | undefined> {
  const k = interruptionKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<ServiceInterruption>(item);
}

/** A system's interruptions, ongoing and latest-ending first: upcoming stops, then the recent past. */
export async function listInterruptionsOfSystem(store: Store, systemId: string, request: PageRequest) {
  return listPage<ServiceInterruption>(await store.table.query({ index: 'bySubject', partition: `SYSTEM#${systemId}`, prefix: INTERRUPTION, ...request, descending: true }), store);
}

/** How many pages `interruptionsEndingFrom` reads at most: a system has few stops ahead of any instant asked about. */
const MAX_PAGES = 5;

/**
 * The interruptions of a system that end at or after `at` (or go on): every one covering `at`, and those ahead of
 * it (which tell when it is next in service). The caller drops those that start after `at`.
 */
export async function interruptionsEndingFrom(store: Store, systemId: string, at: string): Promise<ServiceInterruption[]> {
  const out: ServiceInterruption[] = [];
  let after: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const p = await store.table.query({ index: 'bySubject', partition: `SYSTEM#${systemId}`, between: [`${INTERRUPTION}${at}`, `${INTERRUPTION}${END}`], first: 100, after });
    out.push(...listPage<ServiceInterruption>(p, store).nodes);
    after = resumeAfter(p);
    if (!after) break;
  }
  return out;
}

/**
 * What the 周知 of a stop reads (第11条): the designations of the system's operators not ended before today (one page
 * of 100; the domain tells those in force) and the role assignments of its owning department (byDepartment `ROLE#…`).
 */
export async function stopAudience(store: Store, system: SystemRecord, today: string): Promise<StopAudience> {
  const [operators, department] = await Promise.all([
    listOperatorsOfSystem(store, system.id, today, { first: 100 }),
    store.table.queryAll({ index: 'byDepartment', partition: `DEPT#${system.owningDepartmentId}`, prefix: 'ROLE#' }),
  ]);
  return { designations: operators.nodes, department: department.map((i) => fromItem<RoleAssignment>(i)) };
}
