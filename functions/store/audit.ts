/** The audit trail: per object (its own partition) and per person (the byActor index). */
import { AuditEvent, AuditedType } from '../domain/audit';
import { AUDIT_PREFIX, Store, fromItem, objectPk } from './store';
import { PageRequest, pageOf } from './table';

export async function listAuditOfObject(store: Store, objectType: AuditedType, objectId: string, request: PageRequest) {
  const page = await store.table.query({ partition: objectPk(objectType, objectId), prefix: AUDIT_PREFIX, ...request });
  return pageOf(page, (i) => fromItem<AuditEvent>(i));
}

export async function listAuditByActor(store: Store, personId: string, request: PageRequest) {
  const page = await store.table.query({ index: 'byActor', partition: `PERSON#${personId}`, ...request, descending: true });
  return pageOf(page, (i) => fromItem<AuditEvent>(i));
}

export async function getAuditEvent(store: Store, pk: string, sk: string): Promise<AuditEvent | undefined> {
  if (!sk.startsWith(AUDIT_PREFIX)) return undefined;
  const item = await store.load(pk, sk);
  return item && fromItem<AuditEvent>(item);
}
