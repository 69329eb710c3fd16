/**
 * The table's operations, each metered. Request paths use GetItem, BatchGetItem, Query and TransactWriteItems (and
 * TransactGetItems to check a refusal's reads, store.ts); the mail sender puts its delivery records one at a time
 * (PutItem, `putIf`). There is no Scan here, so none can creep into a request path.
 */
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactGetCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { BatchGetCommandOutput, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { CostMeter } from './client';
import { InvalidCursor, Key, decodeCursor, encodeCursor } from './cursor';
import { GLOBAL_INDEXES, IndexName, TABLE_KEYS } from './tableSchema';

export type Item = Record<string, unknown> & { pk: string; sk: string };

/** Told of every item a read returned, and of every key a GetItem or BatchGetItem found absent (`undefined`). */
export type ReadObserver = (key: { pk: string; sk: string }, item: Item | undefined) => void;

/**
 * Which page of a list to read, as Relay asks for it: the `first` items after the item of `after` (from the start
 * without it), or the `last` items before the item of `before` (from the end without it). Exactly one of `first` and
 * `last`; `after` only with `first`, `before` only with `last` (graphql/common.ts `PageArgs` says so to the client).
 */
export interface PageRequest {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

/** The page request is not one: both or neither of `first`/`last`, or a cursor of the other direction. */
export class InvalidPage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPage';
  }
}

export interface Page {
  /** The items, always in the list's own order (a backward page is read in reverse and turned round). */
  items: Item[];
  /** Each item's own cursor: its key for the query that read it, so a page `after` it (or `before` it) resumes next to it. */
  cursors: string[];
  /** Forward: DynamoDB stopped at the limit (more may follow). Backward: `before` was given (its item follows). */
  hasNextPage: boolean;
  /** Backward: DynamoDB stopped at the limit (more may precede). Forward: `after` was given (its item precedes). */
  hasPreviousPage: boolean;
}

/** A page of a list as the store hands it to a resolver: its nodes, each with its cursor, and where the page stands. */
export interface ListPage<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** The first and last item read: where the page resumes, even when a rule kept neither of them (`filterPage`). */
  startCursor?: string;
  endCursor?: string;
}

/** The nodes of a page read, each keeping its item's cursor. */
export function pageOf<T>(p: Page, node: (item: Item) => T): ListPage<T> {
  const { cursors, hasNextPage, hasPreviousPage } = p;
  return { nodes: p.items.map(node), cursors, hasNextPage, hasPreviousPage, startCursor: cursors[0], endCursor: cursors[cursors.length - 1] };
}

/** The nodes of a page made into others, each keeping its cursor. */
export function mapPage<T, U>(p: ListPage<T>, f: (node: T) => U): ListPage<U> {
  return { ...p, nodes: p.nodes.map(f) };
}

/** The nodes of a page a rule keeps, each with its own cursor (a page may so hold fewer than asked for). */
export function filterPage<T, U extends T = T>(p: ListPage<T>, keep: ((node: T) => node is U) | ((node: T) => boolean)): ListPage<U> {
  const kept = p.nodes.map((n, i) => [n, p.cursors[i]] as const).filter(([n]) => keep(n));
  return { ...p, nodes: kept.map(([n]) => n as U), cursors: kept.map(([, c]) => c) };
}

export interface QueryRequest extends PageRequest {
  index?: IndexName;
  partition: string;
  /** Only sort keys that begin with this. */
  prefix?: string;
  /** Only sort keys between these two, inclusive (e.g. grants still running: `GRANT#<today>` to `GRANT#~`). */
  between?: [string, string];
  /** Newest (highest sort key) first: the list's own order. */
  descending?: boolean;
}

/** Days of Japan's calendar, both included (`YYYY-MM-DD`); either may be open. */
export interface Period {
  from?: string;
  until?: string;
}

/**
 * The sort keys of a list ordered by instants (`<prefix><ISO instant>#<id>`) that fall within a period of days: from
 * the start of `from` in Japan to the start of the day after `until`, an item of that very instant left out (its key
 * runs on past the bound). `undefined` when the period is open at both ends.
 */
export function instantsWithin(prefix: string, period: Period | undefined): [string, string] | undefined {
  if (!period?.from && !period?.until) return undefined;
  const startOf = (day: string) => new Date(`${day}T00:00:00+09:00`).getTime();
  // Open at the start: below every instant ('0' sorts before any year written in digits), never an empty key.
  const from = period.from ? new Date(startOf(period.from)).toISOString() : '0';
  const until = period.until ? new Date(startOf(period.until) + 86_400_000).toISOString() : '~';
  return [`${prefix}${from}`, `${prefix}${until}`];
}

/** Whether a page request reads backward (`last`/`before`); refuses one that is neither or both. */
export function isBackward(page: PageRequest): boolean {
  // GraphQL hands an argument sent as null over as null: absent, as one not sent.
  const forward = page.first != null;
  const backward = page.last != null;
  if (forward === backward) throw new InvalidPage('exactly one of first and last');
  if (forward && page.before != null) throw new InvalidPage('before goes with last');
  if (backward && page.after != null) throw new InvalidPage('after goes with first');
  return backward;
}

/** A write in a transaction: a whole item put, conditioned on the version it replaces or on not existing yet. */
export interface Write {
  item: Item;
  /** The version the writer read; absent for a new item, which must not exist yet. */
  expectedVersion?: number;
  /**
   * An index entry (functions/store/registerIndex.ts): derived from an object written in the same transaction, whose
   * own condition guards it, so put without a condition of its own.
   */
  derived?: true;
}

/** An index entry taken away in a transaction (the object it pointed from no longer has it). */
export interface Removal {
  remove: { pk: string; sk: string };
}

/** The transaction lost: a condition no longer held (someone changed the item) or it collided with another. */
export class WriteConflict extends Error {
  constructor(readonly reasons: string[]) {
    super(`The write did not apply: ${reasons.join(', ')}`);
    this.name = 'WriteConflict';
  }
}

/** The key attributes a cursor of a list read from this index (the table without one) holds. */
function cursorAttributes(index?: IndexName): string[] {
  const { partition, sort } = keyAttributes(index);
  return [...new Set([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, partition, sort])];
}

/** An item's cursor in a list read from this index: the item's key attributes for it, as `query` gives it. */
export function cursorOf(item: Item, index?: IndexName): string {
  return encodeCursor(Object.fromEntries(cursorAttributes(index).map((a) => [a, String(item[a])])));
}

function keyAttributes(index?: IndexName): { partition: string; sort: string } {
  if (!index) return { partition: TABLE_KEYS.partitionKey, sort: TABLE_KEYS.sortKey };
  const def = GLOBAL_INDEXES.find((i) => i.indexName === index);
  if (!def) throw new Error(`unknown index ${index}`);
  return { partition: def.partitionKey, sort: def.sortKey };
}

function keyCondition(
  req: QueryRequest,
  partition: string,
  sort: string,
): { KeyConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, string> } {
  if (req.between) {
    return {
      KeyConditionExpression: '#p = :p AND #s BETWEEN :a AND :b',
      ExpressionAttributeNames: { '#p': partition, '#s': sort },
      ExpressionAttributeValues: { ':p': req.partition, ':a': req.between[0], ':b': req.between[1] },
    };
  }
  if (req.prefix) {
    return {
      KeyConditionExpression: '#p = :p AND begins_with(#s, :s)',
      ExpressionAttributeNames: { '#p': partition, '#s': sort },
      ExpressionAttributeValues: { ':p': req.partition, ':s': req.prefix },
    };
  }
  return { KeyConditionExpression: '#p = :p', ExpressionAttributeNames: { '#p': partition }, ExpressionAttributeValues: { ':p': req.partition } };
}

export class Table {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly name: string,
    readonly meter: CostMeter,
    private readonly observe: ReadObserver = () => undefined,
  ) {}

  async get(pk: string, sk: string): Promise<Item | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.name, Key: { pk, sk }, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.meter.record('GetItem', out.ConsumedCapacity);
    this.observe({ pk, sk }, out.Item as Item | undefined);
    return out.Item as Item | undefined;
  }

  /** Loads many items in as few calls as DynamoDB allows (100 keys a call), retrying unprocessed keys. */
  async batchGet(keys: { pk: string; sk: string }[]): Promise<Item[]> {
    const found: Item[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
      for (let attempt = 0; pending && pending.length; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 20 * 2 ** attempt) * Math.random());
        if (attempt > 8) throw new Error('BatchGetItem kept returning unprocessed keys');
        const out: BatchGetCommandOutput = await this.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.name]: { Keys: pending, ConsistentRead: true } },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        this.meter.record('BatchGetItem', out.ConsumedCapacity);
        found.push(...((out.Responses?.[this.name] ?? []) as Item[]));
        pending = out.UnprocessedKeys?.[this.name]?.Keys;
      }
    }
    const byId = new Map(found.map((item) => [`${item.pk}\u0000${item.sk}`, item]));
    for (const k of keys) this.observe(k, byId.get(`${k.pk}\u0000${k.sk}`));
    return found;
  }

  /**
   * The items of these keys as they stood at one moment: TransactGetItems is serializable with every
   * TransactWriteItems, so it sees each transaction whole or not at all. `undefined` for a key without an item.
   * Throws `WriteConflict` when it collided with a transaction in flight on one of the items. Up to 100 keys a
   * call; more are read in several calls, each atomic on its own. The items are not told to the observer.
   */
  async transactGet(keys: { pk: string; sk: string }[]): Promise<(Item | undefined)[]> {
    const out: (Item | undefined)[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      const chunk = keys.slice(i, i + 100);
      try {
        const res = await this.doc.send(
          new TransactGetCommand({
            TransactItems: chunk.map((Key) => ({ Get: { TableName: this.name, Key } })),
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        this.meter.record('TransactGetItems', asReads(res.ConsumedCapacity));
        out.push(...chunk.map((_, j) => res.Responses?.[j]?.Item as Item | undefined));
      } catch (e) {
        this.meter.record('TransactGetItems', undefined);
        throw conflictOf(e) ?? e;
      }
    }
    return out;
  }

  /**
   * One page of a key condition. A forward page reads from the `after` key in the list's own direction; a backward
   * page reads from the `before` key in the other direction (ScanIndexForward flipped) and is turned round, so it
   * costs one Query as a forward page does. Every item gets its own cursor: its key attributes for this index.
   */
  async query(req: QueryRequest): Promise<Page> {
    const backward = isBackward(req);
    const { partition, sort } = keyAttributes(req.index);
    const attributes = cursorAttributes(req.index);
    const cursor = (backward ? req.before : req.after) ?? undefined;
    const startKey: Key | undefined = cursor
      ? decodeCursor(cursor, { attributes, partitionAttribute: partition, partitionValue: req.partition, sortAttribute: sort, prefix: req.prefix }, backward ? 'before' : 'after')
      : undefined;
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.name,
        IndexName: req.index,
        ...keyCondition(req, partition, sort),
        Limit: backward ? req.last : req.first,
        ExclusiveStartKey: startKey,
        ScanIndexForward: !req.descending !== backward,
        ConsistentRead: req.index ? undefined : true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    ).catch((e: { name?: string; message?: string }) => {
      // A start key DynamoDB will not take is a cursor that does not belong here, not a fault.
      if (startKey && e.name === 'ValidationException' && /start key|ExclusiveStartKey/i.test(e.message ?? '')) throw new InvalidCursor(backward ? 'before' : 'after');
      throw e;
    });
    this.meter.record('Query', out.ConsumedCapacity);
    const read = (out.Items ?? []) as Item[];
    for (const item of read) this.observe({ pk: item.pk, sk: item.sk }, item);
    const items = backward ? read.reverse() : read;
    const more = out.LastEvaluatedKey !== undefined && items.length > 0;
    return {
      items,
      cursors: items.map((item) => cursorOf(item, req.index)),
      hasNextPage: backward ? req.before != null : more,
      hasPreviousPage: backward ? more : req.after != null,
    };
  }

  /** Every item of a key condition, page after page: for lists known to be small or read whole by a job. */
  async queryAll(req: Omit<QueryRequest, keyof PageRequest>, pageSize = 200): Promise<Item[]> {
    const items: Item[] = [];
    let after: string | undefined;
    do {
      const page = await this.query({ ...req, first: pageSize, after });
      items.push(...page.items);
      after = resumeAfter(page);
    } while (after);
    return items;
  }

  /** Every item of one small partition (a person and their role assignments). */
  queryPartition(pk: string, prefix?: string): Promise<Item[]> {
    return this.queryAll({ partition: pk, prefix });
  }

  /**
   * Writes items all-or-nothing in one TransactWriteItems: each conditioned on the version its writer read
   * (`version = :seen`), or on not existing yet. A state change and its audit event always travel together.
   */
  async transact(writes: (Write | Removal)[]): Promise<void> {
    if (writes.length === 0) return;
    if (writes.length > 100) throw new Error('a transaction holds at most 100 writes');
    const input: TransactWriteCommandInput = {
      ReturnConsumedCapacity: 'TOTAL',
      TransactItems: writes.map((w) =>
        'remove' in w ? { Delete: { TableName: this.name, Key: w.remove } } : { Put: { TableName: this.name, Item: w.item, ...conditionOf(w) } },
      ),
    };
    try {
      const out = await this.doc.send(new TransactWriteCommand(input));
      this.meter.record('TransactWriteItems', out.ConsumedCapacity);
    } catch (e) {
      this.meter.record('TransactWriteItems', undefined);
      throw conflictOf(e) ?? e;
    }
  }

  /**
   * Puts one item on its own (PutItem), conditioned like a write of `transact`: on the version read, or on not
   * existing yet. False when the condition did not hold (someone wrote it meanwhile): nothing was written. For records
   * that are no change of the register and have no audit event (the delivery of a notice's mail, store/mail.ts).
   */
  async putIf(w: Write): Promise<boolean> {
    try {
      const out = await this.doc.send(new PutCommand({ TableName: this.name, Item: w.item, ...conditionOf(w), ReturnConsumedCapacity: 'TOTAL' }));
      this.meter.record('PutItem', out.ConsumedCapacity);
      return true;
    } catch (e) {
      this.meter.record('PutItem', undefined);
      if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }
}

/** The condition of a write: the version its writer read, or (a new item) that none exists yet. */
function conditionOf(w: Write) {
  if (w.derived) return {};
  return w.expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: '#v = :seen', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':seen': w.expectedVersion } };
}

/** A transaction cancelled by a condition or by a rival transaction, as a WriteConflict; anything else undefined. */
function conflictOf(e: unknown): WriteConflict | undefined {
  const err = e as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (err.name === 'TransactionCanceledException') return new WriteConflict((err.CancellationReasons ?? []).map((r) => r.Code ?? 'None'));
  if (err.name === 'TransactionConflictException') return new WriteConflict(['TransactionConflict']);
  return undefined;
}

/** TransactGetItems reports its units as a total: they are read units (the meter would count a total as writes). */
function asReads(consumed: ConsumedCapacity[] | undefined): ConsumedCapacity[] | undefined {
  return consumed?.map((c) => ({ ...c, ReadCapacityUnits: c.ReadCapacityUnits ?? c.CapacityUnits ?? 0, WriteCapacityUnits: 0 }));
}

/** The cursor to read the next forward page from, when more may follow. */
export function resumeAfter(page: Pick<Page, 'cursors' | 'hasNextPage'>): string | undefined {
  return page.hasNextPage ? page.cursors[page.cursors.length - 1] : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
