/**
 * `npm run reindex`: writes the index entries (functions/store/registerIndex.ts) of every object of a kind read
 * through them (systems; applications of every form), as they follow from the object today. The one write path keeps entries from the first write of an
 * object on; a table written before a kind had entries (or before its entries changed shape) needs this once. It
 * changes no object and no audit event: an entry is derived data, put whole, so running it again is harmless.
 * `npm start` runs it on the local table whenever the table's index version is behind (`INDEX_VERSION`); a table it
 * has just made is only marked, its seed having written the entries.
 * The table is TABLE_NAME in AWS_REGION with the credentials of the environment (DYNAMODB_ENDPOINT for DynamoDB Local).
 */
import 'reflect-metadata';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { configFromEnv } from '../store/client';
import { INDEXED_KINDS, entriesOf } from '../store/kinds';
import { entryItem } from '../store/registerIndex';
import { HEAD_LISTS, completeHead } from '../store/heads';
import { Store, fromItem } from '../store/store';

/** The shape of the entries and heads this code writes: raised whenever a kind gains entries or heads, or they change. */
export const INDEX_VERSION = 3;
const MARKER = { pk: 'CONFIG#INDEX_VERSION', sk: 'CONFIG' };

/** The index version the table's entries were last written at (0: never). */
export async function indexVersion(store: Store): Promise<number> {
  const item = await store.table.get(MARKER.pk, MARKER.sk);
  return Number(item?.version ?? 0);
}

/** Records that the table's entries are at INDEX_VERSION: a table just made holds them all, written by the write path. */
export async function markIndexed(store: Store): Promise<void> {
  await store.table.transact([{ item: { ...MARKER, entity: 'IndexVersion', version: INDEX_VERSION }, derived: true }]);
}

/**
 * Puts the entries of every object of every indexed kind, page after page (a transaction of at most 100 puts each),
 * completes the heads of nested lists (store/heads.ts) of every parent that has none or an incomplete one, then the version.
 */
export async function reindex(store: Store, onProgress?: (done: number) => void): Promise<{ objects: number; entries: number; heads: number }> {
  let objects = 0;
  let entries = 0;
  for (const kind of INDEXED_KINDS) {
    let after: string | undefined;
    do {
      const page = await store.table.query({ index: 'byKind', partition: kind, first: 50, after });
      const items = page.items.map((i) => fromItem<{ id: string }>(i)).flatMap((o) => entriesOf(kind, o).map((e) => entryItem(kind, o.id, e)));
      for (let i = 0; i < items.length; i += 100) await store.table.transact(items.slice(i, i + 100).map((item) => ({ item, derived: true as const })));
      objects += page.items.length;
      entries += items.length;
      onProgress?.(objects);
      after = page.hasNextPage ? page.cursors[page.cursors.length - 1] : undefined;
    } while (after);
  }
  let heads = 0;
  for (const { kind, parent } of HEAD_LISTS) {
    let after: string | undefined;
    do {
      const page = await store.table.query({ index: 'byKind', partition: parent, first: 50, after });
      for (const p of page.items) if (await completeHead(store, kind, p.pk)) heads++;
      after = page.hasNextPage ? page.cursors[page.cursors.length - 1] : undefined;
    } while (after);
  }
  await markIndexed(store);
  return { objects, entries, heads };
}

async function main(): Promise<void> {
  const store = new Store(configFromEnv());
  const at = Date.now();
  const { objects, entries, heads } = await reindex(store, (n) => process.stderr.write(`\r${n} 件 / objects`));
  process.stderr.write('\n');
  console.log(
    `索引を書き直しました: ${objects} 件の記録、${entries} 件の索引項目、${heads} 件の一覧の先頭 (${Date.now() - at} ms)。 / Re-indexed ${objects} records, ${entries} entries, ${heads} list heads.`,
  );
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
