/** The audit trail: per object (its own partition) and per person (the byActor index). */
import { AuditEvent, AuditedType } from '../domain/audit';
import { AUDIT_PREFIX, Store, fromItem, objectPk } from './store';
import { PageRequest, Period, instantsWithin, pageOf } from './table';

/** An object's events, oldest first; within a period of days when one is given (a key condition on their time). */
export async function listAuditOfObject(store: Store, objectType: AuditedType, objectId: string, request: PageRequest, period?: Period) {
  const page = await store.table.query({ partition: objectPk(objectType, objectId), prefix: AUDIT_PREFIX, between: instantsWithin(AUDIT_PREFIX, period), ...request });
  return pageOf(page, (i) => fromItem<AuditEvent>(i));
}

/** What a person did, newest first; within a period of days when one is given. */
export async function listAuditByActor(store: Store, personId: string, request: PageRequest, period?: Period) {
  const page = await store.table.query({ index: 'byActor', partition: `PERSON#${personId}`, between: instantsWithin('', period), ...request, descending: true });
  return pageOf(page, (i) => fromItem<AuditEvent>(i));
}

export async function getAuditEvent(store: Store, pk: string, sk: string): Promise<AuditEvent | undefined> {
  if (!sk.startsWith(AUDIT_PREFIX)) return undefined;
  const item = await store.load(pk, sk);
  return item && fromItem<AuditEvent>(item);
}
