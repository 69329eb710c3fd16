/**
 * Opaque page cursors: an encoded DynamoDB key (an item's own key attributes for the index read, the same shape as
 * `LastEvaluatedKey`), never an offset.
 */
export class InvalidCursor extends Error {
  /** What the client is told (functions/resolvers/support.ts `read`): Japanese, then English. */
  readonly said: readonly [string, string];
  /** @param argument the argument that carried the cursor (`after`, or `before` on a backward page) */
  constructor(readonly argument: 'after' | 'before' = 'after') {
    const said = [
      `このカーソルはこの一覧のものではありません。\`${argument}\` を付けずに最初から読み直してください。`,
      `The cursor is not valid for this list. Start again without \`${argument}\`.`,
    ] as const;
    super(said[1]);
    this.said = said;
    this.name = 'InvalidCursor';
  }
}

export type Key = Record<string, string>;

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export interface CursorShape {
  /** The key attributes a start key of this list has: the table's, plus the index's when reading one. */
  attributes: string[];
  partitionAttribute: string;
  partitionValue: string;
  sortAttribute: string;
  /** The sort-key prefix the list is read with, if any. */
  prefix?: string;
}

/**
 * Decodes a cursor and checks it belongs to the list being read (the same partition, index and prefix), so a
 * cursor from one list cannot be replayed against another.
 */
export function decodeCursor(cursor: string, shape: CursorShape, argument: 'after' | 'before' = 'after'): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor(argument);
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new InvalidCursor(argument);
  const k = key as Record<string, unknown>;
  const names = Object.keys(k).sort();
  const expected = [...new Set(shape.attributes)].sort();
  if (
    names.length !== expected.length ||
    names.some((n, i) => n !== expected[i]) ||
    Object.values(k).some((v) => typeof v !== 'string' || v.length === 0 || v.length > 1024) ||
    k[shape.partitionAttribute] !== shape.partitionValue ||
    (shape.prefix !== undefined && !(k[shape.sortAttribute] as string).startsWith(shape.prefix))
  ) {
    throw new InvalidCursor(argument);
  }
  return k as Key;
}

/**
 * A cursor that names a place in a list merged from several partitions (the inbox, a filtered register), not one
 * DynamoDB key: exactly the fields named, each a string of 1 to 1,024 characters; anything else is refused.
 */
export function decodePlace<K extends string>(cursor: string, names: readonly K[], argument: 'after' | 'before'): Record<K, string> {
  let place: unknown;
  try {
    place = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor(argument);
  }
  const p = place as Record<string, unknown> | null;
  const has = typeof p === 'object' && p !== null && !Array.isArray(p) ? Object.keys(p).sort().join() : '';
  if (has !== [...names].sort().join() || Object.values(p!).some((v) => typeof v !== 'string' || v.length === 0 || v.length > 1024)) {
    throw new InvalidCursor(argument);
  }
  return p as Record<K, string>;
}
