/**
 * 禁止行為の例外 (第25条第2号・第3号ただし書) and the devices found connected (第25条第1号). A request sits in the
 * administrator's pending list only while REQUESTED; an approved take-out sits in the return-due list only until the
 * device is back. Key layout in README.md.
 */
import { DeviceFinding, ProhibitedActException } from '../domain/prohibitedActs';
import { OBJECT_PREFIX, Store, compact, fromItem, listPage } from './store';
import { Item, PageRequest } from './table';

/** byDueDate: requests awaiting the system administrator, oldest first. */
export const EXCEPTION_REQUESTED_PARTITION = 'EXCEPTION_REQUESTED';
/** byDueDate: approved take-outs not yet returned, by the last day of their period (a contract with the reminders job). */
export const EQUIPMENT_RETURN_PARTITION = 'EQUIPMENT_RETURN';

export const exceptionKey = (id: string) => ({ pk: `${OBJECT_PREFIX.ProhibitedActException}${id}`, sk: 'EXCEPTION' });
export const findingKey = (id: string) => ({ pk: `${OBJECT_PREFIX.DeviceFinding}${id}`, sk: 'DEVFINDING' });

function due(e: ProhibitedActException): { duePk?: string; dueSk?: string } {
  if (e.status === 'REQUESTED') return { duePk: EXCEPTION_REQUESTED_PARTITION, dueSk: `${e.createdAt}#${e.id}` };
  if (e.kind === 'EQUIPMENT_TAKEOUT' && e.status === 'APPROVED') return { duePk: EQUIPMENT_RETURN_PARTITION, dueSk: `${e.period.until}#${e.id}` };
  return {};
}

export function exceptionItem(e: ProhibitedActException): Item {
  return {
    ...exceptionKey(e.id),
    entity: 'ProhibitedActException',
    ...due(e),
    kindPk: `ProhibitedActExceptionOf#${e.requestedBy}`,
    kindSk: `${e.createdAt}#${e.id}`,
    subjectPk: `SYSTEM#${e.systemId}`,
    subjectSk: `EXCEPTION#${e.createdAt}#${e.id}`,
    ...compact(e),
  };
}

export function findingItem(f: DeviceFinding): Item {
  return {
    ...findingKey(f.id),
    entity: 'DeviceFinding',
    kindPk: 'DeviceFinding',
    kindSk: `${f.foundAt}#${f.id}`,
    subjectPk: `SYSTEM#${f.systemId}`,
    subjectSk: `DEVFINDING#${f.foundAt}#${f.id}`,
    ...compact(f),
  };
}

async function load<T>(store: Store, key: { pk: string; sk: string }): Promise<T | undefined> {
  const item = await store.load(key.pk, key.sk);
  return item && fromItem<T>(item);
}

export const getException = (store: Store, id: string) => load<ProhibitedActException>(store, exceptionKey(id));
export const getFinding = (store: Store, id: string) => load<DeviceFinding>(store, findingKey(id));

export async function listPendingExceptions(store: Store, request: PageRequest) {
  return listPage<ProhibitedActException>(await store.table.query({ index: 'byDueDate', partition: EXCEPTION_REQUESTED_PARTITION, ...request }), store);
}

/** Approved take-outs not back whose period ended on or before `date`. */
export async function listReturnsDueBy(store: Store, date: string, request: PageRequest) {
  return listPage<ProhibitedActException>(await store.table.query({ index: 'byDueDate', partition: EQUIPMENT_RETURN_PARTITION, between: ['0', `${date}#~`], ...request }), store);
}

/** A person's own requests, newest first. */
export async function listExceptionsOfPerson(store: Store, personId: string, request: PageRequest) {
  return listPage<ProhibitedActException>(await store.table.query({ index: 'byKind', partition: `ProhibitedActExceptionOf#${personId}`, ...request, descending: true }), store);
}

/** Findings, newest first: all of them, or one system's. */
export async function listFindings(store: Store, request: PageRequest, systemId?: string) {
  const p = systemId
    ? await store.table.query({ index: 'bySubject', partition: `SYSTEM#${systemId}`, prefix: 'DEVFINDING#', ...request, descending: true })
    : await store.table.query({ index: 'byKind', partition: 'DeviceFinding', ...request, descending: true });
  return listPage<DeviceFinding>(p, store);
}
