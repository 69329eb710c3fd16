/**
 * Index entries: the ways a register is read beyond its keys (filters, orders, words of a name), as small items of
 * the table that point at an object. An object's entries are a pure function of its record (`entriesOf`, declared by
 * its area: systems.ts `systemEntries`); the one write path (kinds.ts `changesOf`) writes the entries the new record
 * has and the old one did not, and removes those it no longer has, in the same TransactWriteItems as the object. So
 * an entry never outlives or precedes what it points at, and a list read from entries is exact: every entry of a
 * partition matches the filter the partition stands for. No Scan, and nothing read is filtered away in memory.
 *
 * An entry item: `pk` the partition (`REG#<kind>#<what it serves>`), `sk` the order within it ending in the object's
 * id, `objectId` the id. A list is one Query per partition it needs (a filter of several values reads several
 * partitions, merged in order), then one BatchGetItem of the objects (the store's DataLoader): the calls a page
 * costs do not grow with its size, nor with the register's.
 */
import { InvalidCursor, decodePlace, encodeCursor } from './cursor';
import { Item, ListPage, PageRequest, isBackward } from './table';
import type { Change, Store } from './store';

export const ENTRY_PREFIX = 'REG#';

/** One entry: where it lives and its place there. */
export interface IndexEntry {
  pk: string;
  sk: string;
}

/** Ends an order value before the id: below every character a name can hold, so "住民" sorts before "住民記録". */
export const END = '\u0001';

/** Text as it is searched and sorted (functions/domain/search.ts). */
export { foldText } from '../domain/search';
import { foldText } from '../domain/search';

/** How many places of a name its words may begin at (a longer name is found by what begins in its first 24 characters). */
export const TEXT_POSITIONS = 24;
/** How much of a name an entry holds after the place it begins (well within DynamoDB's 1,024 bytes of a sort key). */
const TEXT_LENGTH = 100;

/**
 * The entries that find an object by any part of its name: one per place a part may begin (a suffix of the folded
 * name), in the partition of its first character, so a search is one Query: `begins_with(sk, <folded words>)`.
 */
export function textEntries(kind: string, id: string, name: string): IndexEntry[] {
  const chars = Array.from(foldText(name));
  const seen = new Set<string>();
  const out: IndexEntry[] = [];
  for (let i = 0; i < Math.min(chars.length, TEXT_POSITIONS); i++) {
    const suffix = chars.slice(i, i + TEXT_LENGTH).join('');
    if (seen.has(suffix)) continue;
    seen.add(suffix);
    out.push({ pk: textPartition(kind, chars[i]), sk: `${suffix}${END}${id}` });
  }
  return out;
}

export const textPartition = (kind: string, first: string) => `${ENTRY_PREFIX}${kind}#TEXT#${first}`;

/**
 * Whether a text entry is where its object is listed for these words: the first place in the name they occur. A
 * name holding the words twice has two entries that match; only the first is listed, so an object appears once in
 * the whole list, whatever the pages.
 */
export function isFirstMatch(name: string, words: string, sk: string): boolean {
  const chars = Array.from(foldText(name));
  for (let i = 0; i < Math.min(chars.length, TEXT_POSITIONS); i++) {
    const suffix = chars.slice(i, i + TEXT_LENGTH).join('');
    if (suffix.startsWith(words)) return sk.slice(0, sk.lastIndexOf(END)) === suffix;
  }
  return false;
}

/** The item of an entry. */
export function entryItem(kind: string, id: string, e: IndexEntry): Item {
  return { pk: e.pk, sk: e.sk, entity: 'IndexEntry', objectKind: kind, objectId: id };
}

/** The writes that bring an object's entries from what `before` had to what `after` has: only the difference. */
export function entryChanges(kind: string, id: string, before: IndexEntry[], after: IndexEntry[]): Change[] {
  const key = (e: IndexEntry) => `${e.pk}\u0000${e.sk}`;
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return [
    ...before.filter((e) => !has.has(key(e))).map((e) => ({ remove: { pk: e.pk, sk: e.sk } })),
    ...after.filter((e) => !had.has(key(e))).map((e) => ({ item: entryItem(kind, id, e), derived: true as const })),
  ];
}

/** What a list read from entries reads: its partitions (merged in sort-key order), the order, and a range in each. */
export interface EntryList {
  /** Names the list in its cursors, so a cursor of one list is refused by another. */
  list: string;
  partitions: string[];
  /** Only sort keys that begin with this (a text search: the folded words). */
  prefix?: string;
  /** Only sort keys between these two, inclusive (a period: functions/store/table.ts `instantsWithin`). */
  between?: [string, string];
  descending?: boolean;
}

/** What an entry points at: the object's kind and id. */
export interface EntryRef {
  kind: string;
  id: string;
}

/** Whether an object read through an entry is listed there (`isFirstMatch` for a text search); all are by default. */
export type ListedAt<T> = (object: T, sk: string) => boolean;

/** DynamoDB orders sort keys by their UTF-8 bytes; merged pages are ordered the same way. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * A page of a list read from entries: one Query per partition (`first`+1 or `last`+1 items from the cursor's place),
 * merged by sort key, then the objects in one BatchGetItem. An edge's cursor is its entry's sort key, the place each
 * partition is read on from. An entry where its object is not listed (`listedAt`) is read past, its place kept.
 */
export async function listEntries<T>(
  store: Store,
  entries: EntryList,
  request: PageRequest,
  load: (refs: EntryRef[]) => Promise<(T | undefined)[]>,
  listedAt: ListedAt<T> = () => true,
): Promise<ListPage<T>> {
  const backward = isBackward(request);
  const size = (backward ? request.last : request.first) ?? 0;
  const cursor = (backward ? request.before : request.after) ?? undefined;
  const place = cursor === undefined ? undefined : decodeEntryCursor(cursor, entries, backward ? 'before' : 'after');
  const pages = await Promise.all(
    entries.partitions.map(async (partition) => {
      const from = place === undefined ? undefined : encodeCursor({ pk: partition, sk: place });
      const read = backward ? { last: size + 1, before: from } : { first: size + 1, after: from };
      return (await store.table.query({ partition, prefix: entries.prefix, between: entries.between, descending: entries.descending, ...read })).items;
    }),
  );
  const direction = entries.descending ? -1 : 1;
  const merged = pages.flat().sort((a, b) => direction * byBytes(a.sk, b.sk));
  const taken = backward ? merged.slice(Math.max(0, merged.length - size)) : merged.slice(0, size);
  const more = merged.length > size;
  const objects = await load(taken.map((e) => ({ kind: String(e.objectKind), id: String(e.objectId) })));
  const kept = taken
    .map((e, i) => [objects[i], e.sk] as const)
    .filter(([o, sk]) => o !== undefined && listedAt(o, sk))
    .map(([o, sk]) => [o, encodeCursor({ list: entries.list, sk })] as const);
  const cursors = taken.map((e) => encodeCursor({ list: entries.list, sk: e.sk }));
  return {
    nodes: kept.map(([o]) => o as T),
    cursors: kept.map(([, c]) => c),
    startCursor: cursors[0],
    endCursor: cursors[cursors.length - 1],
    hasNextPage: backward ? cursor !== undefined : more,
    hasPreviousPage: backward ? more : cursor !== undefined,
  };
}

function decodeEntryCursor(cursor: string, entries: EntryList, argument: 'after' | 'before'): string {
  const { list, sk } = decodePlace(cursor, ['list', 'sk'], argument);
  if (list !== entries.list || (entries.prefix !== undefined && !sk.startsWith(entries.prefix))) throw new InvalidCursor(argument);
  return sk;
}
