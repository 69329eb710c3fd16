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

export interface Page {
  items: Item[];
  /** Cursor of the last item returned when more may follow. */
  endCursor?: string;
}

export interface QueryRequest {
  index?: IndexName;
  partition: string;
  /** Only sort keys that begin with this. */
  prefix?: string;
  /** Only sort keys between these two, inclusive (e.g. grants still running: `GRANT#<today>` to `GRANT#~`). */
  between?: [string, string];
  limit: number;
  after?: string;
  /** Newest (highest sort key) first. */
  descending?: boolean;
}

/** A write in a transaction: a whole item put, conditioned on the version it replaces or on not existing yet. */
export interface Write {
  item: Item;
  /** The version the writer read; absent for a new item, which must not exist yet. */
  expectedVersion?: number;
}

/** The transaction lost: a condition no longer held (someone changed the item) or it collided with another. */
export class WriteConflict extends Error {
  constructor(readonly reasons: string[]) {
    super(`The write did not apply: ${reasons.join(', ')}`);
    this.name = 'WriteConflict';
  }
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

  async query(req: QueryRequest): Promise<Page> {
    const { partition, sort } = keyAttributes(req.index);
    const startKey: Key | undefined = req.after
      ? decodeCursor(req.after, {
          attributes: [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, partition, sort],
          partitionAttribute: partition,
          partitionValue: req.partition,
          sortAttribute: sort,
          prefix: req.prefix,
        })
      : undefined;
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.name,
        IndexName: req.index,
        ...keyCondition(req, partition, sort),
        Limit: req.limit,
        ExclusiveStartKey: startKey,
        ScanIndexForward: !req.descending,
        ConsistentRead: req.index ? undefined : true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    ).catch((e: { name?: string; message?: string }) => {
      // A start key DynamoDB will not take is a cursor that does not belong here, not a fault.
      if (startKey && e.name === 'ValidationException' && /start key|ExclusiveStartKey/i.test(e.message ?? '')) throw new InvalidCursor();
      throw e;
    });
    this.meter.record('Query', out.ConsumedCapacity);
    const items = (out.Items ?? []) as Item[];
    for (const item of items) this.observe({ pk: item.pk, sk: item.sk }, item);
    const last = out.LastEvaluatedKey as Key | undefined;
    return { items, endCursor: last && items.length ? encodeCursor(last) : undefined };
  }

  /** Every item of a key condition, page after page: for lists known to be small or read whole by a job. */
  async queryAll(req: Omit<QueryRequest, 'limit' | 'after'>, pageSize = 200): Promise<Item[]> {
    const items: Item[] = [];
    let after: string | undefined;
    do {
      const page = await this.query({ ...req, limit: pageSize, after });
      items.push(...page.items);
      after = page.endCursor;
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
  async transact(writes: Write[]): Promise<void> {
    if (writes.length === 0) return;
    if (writes.length > 100) throw new Error('a transaction holds at most 100 writes');
    const input: TransactWriteCommandInput = {
      ReturnConsumedCapacity: 'TOTAL',
      TransactItems: writes.map((w) => ({ Put: { TableName: this.name, Item: w.item, ...conditionOf(w) } })),
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

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
