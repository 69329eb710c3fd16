/** Opaque page cursors: an encoded DynamoDB `LastEvaluatedKey`, never an offset. */
export class InvalidCursor extends Error {
  constructor() {
    super('The cursor is not valid for this list. Start again without `after`.');
    this.name = 'InvalidCursor';
  }
}

export type Key = Record<string, string>;

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor and checks it belongs to the list being read (the same partition), so a cursor from one list
 * cannot be replayed against another.
 */
export function decodeCursor(cursor: string, partitionAttribute: string, partitionValue: string): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (
    typeof key !== 'object' ||
    key === null ||
    Array.isArray(key) ||
    Object.values(key).some((v) => typeof v !== 'string') ||
    (key as Key)[partitionAttribute] !== partitionValue ||
    Object.keys(key).length > 4
  ) {
    throw new InvalidCursor();
  }
  return key as Key;
}
