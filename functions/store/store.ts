/**
 * The store a request works with: the metered table, a DataLoader that batches item reads (so a page of N objects
 * with their related objects costs the same calls whatever N), and the one way to write: `commit`, which puts the
 * changed objects and their audit events in a single transaction.
 */
import DataLoader from 'dataloader';
import { AuditEvent } from '../domain/audit';
import { CostMeter, StoreConfig, createDocumentClient } from './client';
import { Item, Table, Write } from './table';
import { GLOBAL_INDEXES } from './tableSchema';
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

export interface Change {
  item: Item;
  /** The version read before the change; absent when the object is new. */
  expectedVersion?: number;
}

let sharedClient: { key: string; doc: DynamoDBDocumentClient } | undefined;

/** One SDK client per process (connections are reused across Lambda invocations). */
export function documentClient(config: StoreConfig): DynamoDBDocumentClient {
  const key = `${config.endpoint ?? ''}|${config.region ?? ''}`;
  if (!sharedClient || sharedClient.key !== key) sharedClient = { key, doc: createDocumentClient(config) };
  return sharedClient.doc;
}

export class Store {
  readonly table: Table;
  private readonly loader: DataLoader<string, Item | undefined>;

  constructor(config: StoreConfig, readonly meter = new CostMeter()) {
    this.table = new Table(documentClient(config), config.tableName, meter);
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
  load(pk: string, sk: string): Promise<Item | undefined> {
    return this.loader.load(`${pk}\u0000${sk}`);
  }

  async loadMany(keys: { pk: string; sk: string }[]): Promise<(Item | undefined)[]> {
    const out = await this.loader.loadMany(keys.map((k) => `${k.pk}\u0000${k.sk}`));
    return out.map((o) => {
      if (o instanceof Error) throw o;
      return o;
    });
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
  async commit(changes: Change[], events: AuditEvent[], records: Item[] = []): Promise<void> {
    if (events.length === 0) throw new Error('a change without its audit event is not written');
    const writes: Write[] = [
      ...changes.map((c) => ({ item: c.item, expectedVersion: c.expectedVersion })),
      ...events.map((e) => ({ item: auditItem(e) })),
      ...records.map((item) => ({ item })),
    ];
    await this.table.transact(writes);
    for (const c of changes) this.loader.clear(`${c.item.pk}\u0000${c.item.sk}`).prime(`${c.item.pk}\u0000${c.item.sk}`, c.item);
  }
}

/** Audit events live in the partition of the object they record and are indexed by the person who acted. */
export const AUDIT_PREFIX = 'AUDIT#';

/** The partition of each audited object: its events live beside it. */
export const OBJECT_PREFIX: Record<AuditEvent['objectType'], string> = {
  Department: 'DEPT#',
  Person: 'PERSON#',
  System: 'SYSTEM#',
  Consultation: 'CONSULT#',
  Dataset: 'DATASET#',
  DataUseApplication: 'DATAUSE#',
  ExternalProvision: 'PROVISION#',
  OutsourcingContract: 'CONTRACT#',
  HomepageCategory: 'HPCAT#',
  HomepagePage: 'HPPAGE#',
  TopPageLinkRequest: 'TOPLINKREQ#',
  TopPageLink: 'TOPLINK#',
  MailAddress: 'MAILADDR#',
  MailAddressApplication: 'MAILAPP#',
  OperatorReport: 'OPREPORT#',
  OperatorDesignation: 'OPERATOR#',
  WorkingCalendar: 'CALENDAR#',
  ServiceInterruption: 'INTERRUPTION#',
  ServerRoom: 'ROOM#',
  ServerRoomAuthorization: 'ROOMAUTH#',
  ServerRoomEntry: 'ROOMENTRY#',
  PasswordRecord: 'PASSWORD#',
  ProhibitedActException: 'EXCEPTION#',
  DeviceFinding: 'DEVFINDING#',
  VirusIncident: 'VIRUS#',
  Investigation: 'INVESTIGATION#',
  Guidance: 'GUIDANCE#',
  TrainingSession: 'TRAINING#',
  CommitteeMeeting: 'MEETING#',
  WorkingGroup: 'WORKGROUP#',
  Notice: 'NOTICE#',
};

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
