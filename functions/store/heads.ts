/**
 * The head of a list nested under an object: the ids of the first items of one of its lists (a system's consultations,
 * newest first; its datasets and contracts, in order of registration), kept on one item beside the object. A page of
 * systems that shows each one's first consultations then reads every head in one BatchGetItem and the consultations
 * in another, whatever the page's size, where a Query per system would make its calls grow with it.
 *
 * The head is derived data, written by the one write path (Store.commit) in the same transaction as what changes it:
 * - a new parent gets an empty head, complete (its list is empty);
 * - a new child is put at its place in its parent's head, conditioned on the head's version, so of two children
 *   added at once one loses and runs again (resolvers/support.ts `mutate`), and none is missed;
 * - a parent written before heads existed has none: its first new child starts one marked incomplete, and reads keep
 *   using the Query until `npm run reindex` (functions/admin/reindex.ts) completes it.
 * A list's children are never deleted and never move to another parent, so nothing else changes a head.
 */
import type { Kind } from '../domain/kinds';
import { consultationKey } from './consultations';
import { contractKey, datasetKey } from './data';
import type { Put, Store } from './store';
import { Item, Page, PageRequest, WriteConflict, cursorOf } from './table';
import type { IndexName } from './tableSchema';

/** The items a head serves a page from: a first page (`first`, no cursor) of at most this many. */
export const HEAD_SIZE = 20;

interface HeadList {
  /** The kind of the parent object (a new one gets an empty head). */
  parent: Kind;
  /** The parent's partition, from a child's item. */
  parentPk(child: Item): string;
  /** The head's sort key in the parent's partition. */
  sk: string;
  /** A child's key by its id. */
  key(id: string): { pk: string; sk: string };
  /** The index the list is otherwise read from by Query (a cursor of either is the same), and its sort-key prefix. */
  index: IndexName;
  prefix: string;
  newestFirst: boolean;
}

const systemOf = (child: Item) => `SYSTEM#${String(child.systemId)}`;

/**
 * The lists with a head, by the kind of their children (the item's `entity`). Keys are reached through a function:
 * store.ts loads this module, and the modules of the keys load store.ts.
 */
const HEADS: Partial<Record<Kind, HeadList>> = {
  Consultation: { parent: 'System', parentPk: systemOf, sk: 'HEAD#CONSULT', key: (id) => consultationKey(id), index: 'bySubject', prefix: 'CONSULT#', newestFirst: true },
  Dataset: { parent: 'System', parentPk: systemOf, sk: 'HEAD#DATASET', key: (id) => datasetKey(id), index: 'bySubject', prefix: 'DATASET#', newestFirst: false },
  OutsourcingContract: { parent: 'System', parentPk: systemOf, sk: 'HEAD#CONTRACT', key: (id) => contractKey(id), index: 'bySubject', prefix: 'CONTRACT#', newestFirst: false },
};

/** A head as stored. */
interface Head extends Item {
  /** The first HEAD_SIZE + 1 ids of the list, in its order (one more than a page, to know whether more follow). */
  ids: string[];
  /** False while children written before the head may be missing from it. */
  complete: boolean;
  version: number;
}

/** The head's items: the first ids of the list in its order, HEAD_SIZE + 1 at most. */
function firstIds(list: HeadList, ids: Iterable<string>): string[] {
  const sorted = [...new Set(ids)].sort();
  return (list.newestFirst ? sorted.reverse() : sorted).slice(0, HEAD_SIZE + 1);
}

function headItem(pk: string, list: HeadList, ids: string[], complete: boolean, before: Head | undefined): Put {
  return { item: { pk, sk: list.sk, entity: 'ListHead', ids, complete, version: (before?.version ?? 0) + 1 }, expectedVersion: before?.version };
}

/**
 * The writes that keep heads with the changes of one transaction: an empty head for each new parent, and each head
 * that gains new children, read through `read` (the request's loader) and put at the version read.
 */
export async function headChanges(changes: readonly object[], read: (pk: string, sk: string) => Promise<Item | undefined>): Promise<Put[]> {
  const created = changes.filter((c): c is Put => 'item' in c && !(c as Put).derived && (c as Put).expectedVersion === undefined).map((c) => c.item);
  // Each head the transaction touches: whether its parent is new in it, and the children it gains.
  const touched = new Map<string, { pk: string; list: HeadList; newParent: boolean; ids: string[] }>();
  const at = (pk: string, list: HeadList) => {
    const key = `${pk}\u0000${list.sk}`;
    if (!touched.has(key)) touched.set(key, { pk, list, newParent: false, ids: [] });
    return touched.get(key)!;
  };
  for (const item of created) {
    for (const list of Object.values(HEADS)) if (list.parent === item.entity) at(item.pk, list).newParent = true;
    const list = HEADS[item.entity as Kind];
    if (list) at(list.parentPk(item), list).ids.push(String(item.id));
  }
  const puts = await Promise.all(
    [...touched.values()].map(async ({ pk, list, newParent, ids }) => {
      const before = newParent ? undefined : ((await read(pk, list.sk)) as Head | undefined);
      const next = firstIds(list, [...(before?.ids ?? []), ...ids]);
      // A full head of the oldest first: a newer child leaves it as it was.
      if (before && next.join() === before.ids.join()) return undefined;
      return headItem(pk, list, next, newParent || (before?.complete ?? false), before);
    }),
  );
  return puts.filter((p): p is Put => p !== undefined);
}

/** A page of a parent's list by the Query of its index (the list's order, from the request's cursor). */
function queryList(store: Pick<Store, 'table'>, list: HeadList, parentPk: string, request: PageRequest): Promise<Page> {
  return store.table.query({ index: list.index, partition: parentPk, prefix: list.prefix, ...request, descending: list.newestFirst });
}

/** A page of a parent's list with a head: the first page from the head when it can serve it, any other by Query. */
export async function headedPage(store: Pick<Store, 'loadMany' | 'table'>, kind: Kind, parentPk: string, request: PageRequest): Promise<Page> {
  return (await pageFromHead(kind, parentPk, request, store)) ?? queryList(store, HEADS[kind]!, parentPk, request);
}

/** Whether a page is served from a head: the first page of the list, within HEAD_SIZE. */
export function headServes(request: PageRequest): boolean {
  return request.first !== undefined && request.first <= HEAD_SIZE && request.after == null && request.last === undefined && request.before == null;
}

/**
 * The first page of a parent's list, read from its head (one item, batched with the heads of the other parents of a
 * page) and its children (likewise), each with the cursor a Query of the list would give it; `undefined` when the
 * head cannot serve it (a later page, more than HEAD_SIZE, or no complete head): then the caller queries.
 */
async function pageFromHead(
  kind: Kind,
  parentPk: string,
  request: PageRequest,
  store: Pick<Store, 'loadMany'>,
): Promise<Page | undefined> {
  const list = HEADS[kind];
  if (!list || !headServes(request)) return undefined;
  const [head] = (await store.loadMany([{ pk: parentPk, sk: list.sk }])) as (Head | undefined)[];
  if (!head?.complete) return undefined;
  const first = request.first!;
  const items = (await store.loadMany(head.ids.slice(0, first).map(list.key))).filter((i): i is Item => i !== undefined);
  return { items, cursors: items.map((i) => cursorOf(i, list.index)), hasNextPage: head.ids.length > first, hasPreviousPage: false };
}

/**
 * Completes the head of one parent's list (`npm run reindex`): the first ids a Query of the list finds, with those an
 * incomplete head already holds (children added since it began), put at the version read; a child added meanwhile
 * makes the put lose, and it is done again. A complete head is left as it is. True when it wrote one.
 */
export async function completeHead(store: Store, kind: Kind, parentPk: string): Promise<boolean> {
  const list = HEADS[kind]!;
  for (let attempt = 1; ; attempt++) {
    const before = (await store.table.get(parentPk, list.sk)) as Head | undefined;
    if (before?.complete) return false;
    const page = await queryList(store, list, parentPk, { first: HEAD_SIZE + 1 });
    const listed = page.items.map((i) => String(i.id));
    try {
      await store.table.transact([headItem(parentPk, list, firstIds(list, [...listed, ...(before?.ids ?? [])]), true, before)]);
      return true;
    } catch (e) {
      if (!(e instanceof WriteConflict) || attempt >= 5) throw e;
    }
  }
}

/** The complete head of a parent's list holding these ids (a table written in bulk, as the bench's is). */
export function headItemOf(kind: Kind, parentPk: string, ids: string[]): Item {
  const list = HEADS[kind]!;
  return headItem(parentPk, list, firstIds(list, ids), true, undefined).item;
}

/** The lists with a head: each one's child kind and parent kind (for `npm run reindex`). */
export const HEAD_LISTS = Object.entries(HEADS).map(([kind, l]) => ({ kind: kind as Kind, parent: l.parent }));
