/**
 * パスワードの管理 (第24条): one record per person and system — when the password was last changed and when it falls
 * due — never a password. Every record sits in the due-date partition (the reminders job reads it), and in its
 * person's list. Key layout in README.md.
 */
import { PasswordDisclosure, PasswordRecord, passwordRecordId } from '../domain/passwords';
import { OBJECT_PREFIX, Store, compact, fromItem, listPage } from './store';
import { Item, PageRequest, pageOf } from './table';

/** The partition of every password record on byDueDate, sorted by due date (a contract with the reminders job). */
export const PASSWORD_DUE_PARTITION = 'PASSWORD_DUE';

export const passwordKey = (id: string) => ({ pk: `${OBJECT_PREFIX.PasswordRecord}${id}`, sk: 'PASSWORD' });
export const disclosureKey = (id: string) => ({ pk: `${OBJECT_PREFIX.PasswordDisclosure}${id}`, sk: 'PWDISCLOSURE' });

export function passwordItem(r: PasswordRecord): Item {
  return {
    ...passwordKey(r.id),
    entity: 'PasswordRecord',
    // Always present: the record is always due some day.
    duePk: PASSWORD_DUE_PARTITION,
    dueSk: `${r.dueOn}#${r.id}`,
    kindPk: `PasswordOf#${r.personId}`,
    kindSk: r.systemId,
    ...compact(r),
  };
}

export async function getPasswordRecord(store: Store, id: string): Promise<PasswordRecord | undefined> {
  const k = passwordKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<PasswordRecord>(item);
}

/** A person's records, by system id. */
export async function listPasswordsOfPerson(store: Store, personId: string, request: PageRequest) {
  return listPage<PasswordRecord>(await store.table.query({ index: 'byKind', partition: `PasswordOf#${personId}`, ...request }), store);
}

/** Records falling due on or before `date` (overdue ones first). */
export async function listPasswordsDueBy(store: Store, date: string, request: PageRequest) {
  return listPage<PasswordRecord>(await store.table.query({ index: 'byDueDate', partition: PASSWORD_DUE_PARTITION, between: ['0', `${date}#~`], ...request }), store);
}

/** 第24条第1項: a disclosure, listed under the password record it concerns (bySubject), newest last. */
export function disclosureItem(d: PasswordDisclosure): Item {
  return {
    ...disclosureKey(d.id),
    entity: 'PasswordDisclosure',
    subjectPk: passwordKey(passwordRecordId(d.personId, d.systemId)).pk,
    subjectSk: `DISCLOSURE#${d.id}`,
    ...compact(d),
  };
}

export async function getDisclosure(store: Store, id: string): Promise<PasswordDisclosure | undefined> {
  const k = disclosureKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<PasswordDisclosure>(item);
}

/** The disclosures of one person's password on one system, in the order permitted. */
export async function listDisclosuresOf(store: Store, recordId: string, request: PageRequest) {
  const p = await store.table.query({ index: 'bySubject', partition: passwordKey(recordId).pk, prefix: 'DISCLOSURE#', ...request });
  store.prime(p.items);
  return pageOf(p, (i) => fromItem<PasswordDisclosure>(i));
}
