/**
 * The one place exports read the store's lists (functions/store): each register's rows, page after page, through the
 * same list functions the API's connections use (the same key conditions, functions/store/README.md). Only this
 * module calls them, so a change of their signature touches this file alone.
 */
import { Actor } from '../domain/people';
import { AuditedType } from '../domain/audit';
import { listAuditByActor, listAuditOfObject } from '../store/audit';
import { listDatasetsOfDepartment, listDatasetsOfSystem, listProvisionsOfDepartment, listRunningGrantsOfDataset, listRunningGrantsOfDepartment } from '../store/data';
import { listActiveMailAddresses } from '../store/email';
import { listOperatorsOfSystem } from '../store/operators';
import { listEntriesOfRoom, listRooms } from '../store/serverRoom';
import { SystemSearch, listSystems, searchSystems } from '../store/systems';
import { listIncidentsOfSystem } from '../store/virusIncidents';
import { Store } from '../store/store';
import { PageRequest, Period } from '../store/table';
import { readable } from '../resolvers/reading';
import { Context } from '../resolvers/context';

/** Items a page reads: one Query of up to this many (and at most 1 MB, DynamoDB's own page). */
export const PAGE_SIZE = 500;

type List<T> = (request: PageRequest) => Promise<{ nodes: T[]; hasNextPage: boolean; endCursor?: string }>;

/**
 * Every page of a list, in its order. What a page loaded is dropped from the store's cache before the next is read,
 * so memory holds one page whatever the length of the list.
 */
async function* everyPage<T>(store: Store, list: List<T>): AsyncGenerator<T[]> {
  let after: string | undefined;
  do {
    const page = await list({ first: PAGE_SIZE, after });
    yield page.nodes;
    store.forget();
    after = page.hasNextPage ? page.endCursor : undefined;
  } while (after);
}

/** Each member of every page, one at a time (for a register whose rows hang off another list: a system's operators). */
export async function* eachOf<T>(pages: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const page of pages) yield* page;
}

/** Only what the viewer may read, by the read rule of its kind (functions/domain/reading.ts), as every API path asks it. */
export async function readableOnly<T extends object>(ctx: Context, kind: string, items: T[]): Promise<T[]> {
  const kept = await Promise.all(items.map((i) => readable(ctx, kind, i)));
  return items.filter((_, n) => kept[n]);
}

export const today = (ctx: { clock: () => string }) => ctx.clock().slice(0, 10);

/** The lists exports read: each the API's list of the same name. */
export const lists = {
  systems: (store: Store, departmentId?: string) => everyPage(store, (request) => listSystems(store, request, departmentId)),
  systemsOf: (store: Store, departmentId?: string) => eachOf(lists.systems(store, departmentId)),
  searchedSystems: (store: Store, search: SystemSearch) => everyPage(store, (request) => searchSystems(store, search, request)),
  datasetsOfDepartment: (store: Store, departmentId: string) => everyPage(store, (request) => listDatasetsOfDepartment(store, departmentId, request)),
  datasetsOfSystem: (store: Store, systemId: string) => everyPage(store, (request) => listDatasetsOfSystem(store, systemId, request)),
  grantsOfDataset: (store: Store, datasetId: string, now: string) => everyPage(store, (request) => listRunningGrantsOfDataset(store, datasetId, now, request)),
  grantsOfDepartment: (store: Store, departmentId: string, now: string) => everyPage(store, (request) => listRunningGrantsOfDepartment(store, departmentId, now, request)),
  provisionsOfDepartment: (store: Store, departmentId: string) => everyPage(store, (request) => listProvisionsOfDepartment(store, departmentId, request)),
  mailAddresses: (store: Store, departmentId: string) => everyPage(store, (request) => listActiveMailAddresses(store, departmentId, request)),
  operatorsOfSystem: (store: Store, systemId: string, date: string) => everyPage(store, (request) => listOperatorsOfSystem(store, systemId, date, request)),
  rooms: (store: Store) => eachOf(everyPage(store, (request) => listRooms(store, request))),
  entriesOfRoom: (store: Store, roomId: string, period?: Period) => everyPage(store, (request) => listEntriesOfRoom(store, roomId, request, period)),
  incidentsOfSystem: (store: Store, systemId: string) => everyPage(store, (request) => listIncidentsOfSystem(store, systemId, request)),
  auditOfObject: (store: Store, type: AuditedType, id: string, period?: Period) => everyPage(store, (request) => listAuditOfObject(store, type, id, request, period)),
  auditByActor: (store: Store, personId: string, period?: Period) => everyPage(store, (request) => listAuditByActor(store, personId, request, period)),
};

/** The department a list of one department reads when none is named: the viewer's own, as the API's lists do. */
export const departmentOrOwn = (viewer: Actor, departmentId: string | undefined) => departmentId ?? viewer.person.departmentId;
