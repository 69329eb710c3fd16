/**
 * The store a request works with: the metered table, a DataLoader that batches item reads (so a page of N objects
 * with their related objects costs the same calls whatever N), and the one way to write: `commit`, which puts the
 * changed objects and their audit events in a single transaction.
 */
import DataLoader from 'dataloader';
import { AuditEvent } from '../domain/audit';
import { KINDS, Kind } from '../domain/kinds';
import { CostMeter, StoreConfig, createDocumentClient } from './client';
import { Item, ListPage, Page, Removal, Table, Write, WriteConflict, pageOf } from './table';
export type { Removal } from './table';
import { GLOBAL_INDEXES } from './tableSchema';
import { headChanges } from './heads';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const KEY_ATTRIBUTES = new Set<string>([
  'pk',
  'sk',
  'entity',
  ...GLOBAL_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey]),
]);

/** The stored object without its key attributes. */
export function fromItem<T>(item: Item): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) out[k] = v;
  return out as T;
}

/** A page of stored objects, primed into the request's loader (a later load of one of them costs no call). */
export function listPage<T>(p: Page, store: Store): ListPage<T> {
  store.prime(p.items);
  return pageOf(p, (i) => fromItem<T>(i));
}

/** A write of one transaction: an item put (`Put`) or an index entry taken away (`Removal`). */
export type Change = Put | Removal;

export interface Put {
  item: Item;
  /** The version read before the change; absent when the object is new. */
  expectedVersion?: number;
  /** An index entry of an object changed in the same transaction (registerIndex.ts): put without a condition. */
  derived?: true;
}

let sharedClient: { key: string; doc: DynamoDBDocumentClient } | undefined;

/** One SDK client per process (connections are reused across Lambda invocations). */
export function documentClient(config: StoreConfig): DynamoDBDocumentClient {
  const key = `${config.endpoint ?? ''}|${config.region ?? ''}`;
  if (!sharedClient || sharedClient.key !== key) sharedClient = { key, doc: createDocumentClient(config) };
  return sharedClient.doc;
}

/** What a mutation's run read: the content of each item by key (`absent` when there was none). */
interface ReadSet {
  seen: Map<string, string>;
  /** The run saw one key with two contents: its view was not one moment's. */
  torn: boolean;
}

export class Store {
  readonly table: Table;
  private readonly loader: DataLoader<string, Item | undefined>;
  private reads: ReadSet | undefined;

  constructor(config: StoreConfig, readonly meter = new CostMeter()) {
    this.table = new Table(documentClient(config), config.tableName, meter, (key, item) => this.saw(key, item));
    this.loader = new DataLoader(
      async (ids) => {
        const keys = ids.map((id) => {
          const [pk, sk] = id.split('\u0000');
          return { pk, sk };
        });
        const items = await this.table.batchGet(keys);
        const byId = new Map(items.map((i) => [`${i.pk}\u0000${i.sk}`, i]));
        return ids.map((id) => byId.get(id));
      },
      { maxBatchSize: 100 },
    );
  }

  /** Loads one item; reads made in the same tick are batched into one BatchGetItem. */
  async load(pk: string, sk: string): Promise<Item | undefined> {
    const item = await this.loader.load(`${pk}\u0000${sk}`);
    this.saw({ pk, sk }, item);
    return item;
  }

  async loadMany(keys: { pk: string; sk: string }[]): Promise<(Item | undefined)[]> {
    const out = await this.loader.loadMany(keys.map((k) => `${k.pk}\u0000${k.sk}`));
    return out.map((o, i) => {
      if (o instanceof Error) throw o;
      this.saw(keys[i], o);
      return o;
    });
  }

  /**
   * From now on, remember what every read returns (loads, cached or not, GetItem, Query), until `readsStillHold`.
   * A mutation reads its items one after another, so a rival's transaction can commit between two of its reads: the
   * run then sees half of the rival's change (a consultation still SUBMITTED beside the system its approval already
   * decided) and may refuse for a reason no moment of the table ever held (INVALID_STATE instead of ALREADY_DECIDED).
   * A write would lose on its version condition and run again; a refusal writes nothing, so it is checked here.
   */
  trackReads(): void {
    this.reads = { seen: new Map(), torn: false };
  }

  untrackReads(): void {
    this.reads = undefined;
  }

  /**
   * Whether everything read since `trackReads` held, all of it, at one moment after the reads: then a refusal
   * computed from those reads is what a consistent snapshot answers, and it stands. Otherwise the caller forgets
   * and runs again. Stops tracking.
   *
   * Checked with TransactGetItems, not BatchGetItem: a rival's TransactWriteItems applies its items one by one, and
   * a plain read (GetItem, or each key of a BatchGetItem) may be served before the rival's write of one item and
   * after its write of another. A BatchGetItem could so return the very half-state the run saw (the consultation
   * before, the system after) and confirm the torn refusal. TransactGetItems is serializable with every
   * TransactWriteItems, so it sees the rival whole or not at all, and a half-state never matches it. Comparing
   * whole contents, not versions, covers items without a version and keys read as absent. Items a Query returned
   * are compared like the rest (an index that lags the table shows as a change: the run goes again). Not covered:
   * an item a Query would return now but did not (a role assigned since the committee's composition was listed);
   * catching that means running the queries again, and an index query is never strongly consistent. A run that
   * read more than 100 items is checked in several parts, each atomic on its own.
   */
  async readsStillHold(): Promise<boolean> {
    const reads = this.reads;
    this.reads = undefined;
    if (!reads) return true;
    if (reads.torn) return false;
    if (reads.seen.size === 0) return true; // refused on its input alone
    const ids = [...reads.seen.keys()];
    let now: (Item | undefined)[];
    try {
      now = await this.table.transactGet(ids.map(keyOfId));
    } catch (e) {
      if (e instanceof WriteConflict) return false; // a rival's transaction on one of them is in flight
      throw e;
    }
    return ids.every((id, i) => reads.seen.get(id) === fingerprint(now[i]));
  }

  private saw(key: { pk: string; sk: string }, item: Item | undefined): void {
    if (!this.reads) return;
    const id = `${key.pk}\u0000${key.sk}`;
    const f = fingerprint(item);
    const before = this.reads.seen.get(id);
    if (before === undefined) this.reads.seen.set(id, f);
    else if (before !== f) this.reads.torn = true;
  }

  /** Drops everything loaded so far: after a lost race, the retry must read afresh. */
  forget(): void {
    this.loader.clearAll();
  }

  /** Seeds the loader with items read by a query, so resolving them again costs nothing. */
  prime(items: Item[]): void {
    for (const i of items) this.loader.prime(`${i.pk}\u0000${i.sk}`, i);
  }

  /**
   * Writes the changes and their audit events in one TransactWriteItems, each change conditioned on the version
   * it was read at, plus `records` that must not exist yet (the idempotency record of the request). Throws
   * `WriteConflict` when any condition fails: then nothing was written.
   */
  async commit(given: Change[], events: AuditEvent[], records: Item[] = []): Promise<void> {
    if (events.length === 0) throw new Error('a change without its audit event is not written');
    // The heads of nested lists the changes start or grow (heads.ts), each at the version read.
    const changes = [...given, ...(await headChanges(given, (pk, sk) => this.load(pk, sk)))];
    const writes: (Write | Removal)[] = [
      ...changes.map((c) => ('remove' in c ? c : { item: c.item, expectedVersion: c.expectedVersion, derived: c.derived })),
      ...events.map((e) => ({ item: auditItem(e) })),
      ...records.map((item) => ({ item })),
    ];
    await this.table.transact(writes);
    for (const c of changes) {
      if ('remove' in c) this.loader.clear(`${c.remove.pk}\u0000${c.remove.sk}`);
      else if (!c.derived) this.loader.clear(`${c.item.pk}\u0000${c.item.sk}`).prime(`${c.item.pk}\u0000${c.item.sk}`, c.item);
    }
  }
}

function keyOfId(id: string): { pk: string; sk: string } {
  const [pk, sk] = id.split('\u0000');
  return { pk, sk };
}

/** An item's whole content, the same whatever order its attributes came in; `absent` for no item. */
function fingerprint(item: Item | undefined): string {
  return item === undefined ? 'absent' : JSON.stringify(canonical(item));
}

function canonical(v: unknown): unknown {
  if (v instanceof Set) return { $set: [...v].map(canonical).sort() };
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('base64') };
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, canonical(x)]));
  }
  return v;
}

/** Audit events live in the partition of the object they record and are indexed by the person who acted. */
export const AUDIT_PREFIX = 'AUDIT#';

/** The partition of each audited object: its events live beside it (the prefix declared with its kind). */
export const OBJECT_PREFIX = Object.fromEntries(Object.entries(KINDS).map(([kind, k]) => [kind, k.prefix])) as Record<Kind, string>;

export function objectPk(objectType: AuditEvent['objectType'], objectId: string): string {
  return `${OBJECT_PREFIX[objectType]}${objectId}`;
}

export function auditItem(e: AuditEvent): Item {
  return {
    pk: objectPk(e.objectType, e.objectId),
    sk: `${AUDIT_PREFIX}${e.at}#${e.id}`,
    entity: 'AuditEvent',
    actorPk: `PERSON#${e.actorId}`,
    actorSk: `${e.at}#${e.id}`,
    ...compact(e),
  };
}

/** The object without its undefined fields (DynamoDB stores no undefined). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
