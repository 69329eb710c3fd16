/**
 * サーバ室 (第16条): rooms, the authorizations to enter each (by the last day they run, so "current" is a key range
 * from today on), the register of which person holds which room's authorization (one at a time), and the log of
 * entries (newest first, with a sparse list of the unapproved ones). Key layout in README.md.
 */
import { Grantee, ServerRoom, ServerRoomAuthorization, ServerRoomEntry } from '../domain/serverRoom';
import { tokyoDate } from '../domain/people';
import { Store, compact, fromItem, listPage } from './store';
import { Item, PageRequest, Period, instantsWithin } from './table';

export const roomKey = (id: string) => ({ pk: `ROOM#${id}`, sk: 'ROOM' });
export const authorizationKey = (id: string) => ({ pk: `ROOMAUTH#${id}`, sk: 'ROOMAUTH' });
export const entryKey = (id: string) => ({ pk: `ROOMENTRY#${id}`, sk: 'ROOMENTRY' });
/** Which authorization of the room a person holds: written with the version read, so two grants race cleanly. */
export const granteeKey = (roomId: string, personId: string) => ({ pk: `ROOM#${roomId}`, sk: `GRANTEE#${personId}` });

const AUTH = 'AUTH#';
const ENTRY = 'ENTRY#';
const OPEN = '~';
/** Above every sort key of the range, open-ended ones (`~#<id>`) included. */
const END = '~~';
export const UNAPPROVED_PARTITION = 'SERVER_ROOM_UNAPPROVED';

export function roomItem(r: ServerRoom): Item {
  return { ...roomKey(r.id), entity: 'ServerRoom', kindPk: 'ServerRoom', kindSk: r.id, ...compact(r) };
}

/** The last day an authorization lets anyone in: its validUntil, or the day it was revoked. */
function lastDay(a: ServerRoomAuthorization): string {
  const revoked = a.revoked && a.revokedAt ? tokyoDate(a.revokedAt) : undefined;
  if (revoked && (a.validUntil === undefined || revoked < a.validUntil)) return revoked;
  return a.validUntil ?? OPEN;
}

export function authorizationItem(a: ServerRoomAuthorization): Item {
  return {
    ...authorizationKey(a.id),
    entity: 'ServerRoomAuthorization',
    subjectPk: `ROOM#${a.roomId}`,
    subjectSk: `${AUTH}${lastDay(a)}#${a.id}`,
    ...compact(a),
  };
}

export function entryItem(e: ServerRoomEntry): Item {
  return {
    ...entryKey(e.id),
    entity: 'ServerRoomEntry',
    subjectPk: `ROOM#${e.roomId}`,
    subjectSk: `${ENTRY}${e.enteredAt}#${e.id}`,
    // Sparse: present only while the entry awaits the administrator (第16条ただし書).
    ...(e.status === 'UNAPPROVED' ? { duePk: UNAPPROVED_PARTITION, dueSk: `${e.enteredAt}#${e.id}` } : {}),
    ...compact(e),
  };
}

export function granteeItem(g: Grantee): Item {
  return { ...granteeKey(g.roomId, g.personId), entity: 'ServerRoomGrantee', ...compact(g) };
}

async function load<T>(store: Store, key: { pk: string; sk: string }): Promise<T | undefined> {
  const item = await store.load(key.pk, key.sk);
  return item && fromItem<T>(item);
}

export const getRoom = (store: Store, id: string) => load<ServerRoom>(store, roomKey(id));
export const getAuthorization = (store: Store, id: string) => load<ServerRoomAuthorization>(store, authorizationKey(id));
export const getEntry = (store: Store, id: string) => load<ServerRoomEntry>(store, entryKey(id));
export const getGrantee = (store: Store, roomId: string, personId: string) => load<Grantee>(store, granteeKey(roomId, personId));

export async function listRooms(store: Store, request: PageRequest) {
  return listPage<ServerRoom>(await store.table.query({ index: 'byKind', partition: 'ServerRoom', ...request }), store);
}

/** Authorizations of a room that run on or after `date` (some may not have started: the caller tells current ones). */
export async function listRunningAuthorizations(store: Store, roomId: string, date: string, request: PageRequest) {
  return listPage<ServerRoomAuthorization>(
    await store.table.query({ index: 'bySubject', partition: `ROOM#${roomId}`, between: [`${AUTH}${date}`, `${AUTH}${END}`], ...request }),
    store,
  );
}

/** A room's log, newest entry first. */
/** A room's entries, newest first; within a period of days when one is given (a key condition on the time of entry). */
export async function listEntriesOfRoom(store: Store, roomId: string, request: PageRequest, period?: Period) {
  const query = { index: 'bySubject' as const, partition: `ROOM#${roomId}`, prefix: ENTRY, between: instantsWithin(ENTRY, period) };
  return listPage<ServerRoomEntry>(await store.table.query({ ...query, ...request, descending: true }), store);
}

/** Entries awaiting the administrator's approval, oldest first. */
export async function listUnapprovedEntries(store: Store, request: PageRequest) {
  return listPage<ServerRoomEntry>(await store.table.query({ index: 'byDueDate', partition: UNAPPROVED_PARTITION, ...request }), store);
}
