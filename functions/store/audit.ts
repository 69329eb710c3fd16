/** The audit trail: per object (its own partition) and per person (the byActor index). */
import { AuditEvent, AuditedType } from '../domain/audit';
import { AUDIT_PREFIX, Store, fromItem, objectPk } from './store';

export async function listAuditOfObject(store: Store, objectType: AuditedType, objectId: string, first: number, after?: string) {
  const page = await store.table.query({ partition: objectPk(objectType, objectId), prefix: AUDIT_PREFIX, limit: first, after });
  return { nodes: page.items.map((i) => fromItem<AuditEvent>(i)), endCursor: page.endCursor };
}

export async function listAuditByActor(store: Store, personId: string, first: number, after?: string) {
  const page = await store.table.query({ index: 'byActor', partition: `PERSON#${personId}`, limit: first, after, descending: true });
  return { nodes: page.items.map((i) => fromItem<AuditEvent>(i)), endCursor: page.endCursor };
}

export async function getAuditEvent(store: Store, pk: string, sk: string): Promise<AuditEvent | undefined> {
  if (!sk.startsWith(AUDIT_PREFIX)) return undefined;
  const item = await store.load(pk, sk);
  return item && fromItem<AuditEvent>(item);
}
