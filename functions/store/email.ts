/** 電子メール (第28条): the register of mail addresses and the 様式第11号 applications that change it. Key layout in README.md. */
import { MailAddress, MailAddressApplication } from '../domain/email';
import { Store, compact, fromItem } from './store';
import { Item, PageRequest, pageOf } from './table';
import { inboxPartition } from './consultations';

/** Keyed by the normalized address: one address, one item, whatever happens to it. */
export const mailAddressKey = (address: string) => ({ pk: `MAILADDR#${address}`, sk: 'MAILADDR' });
export const mailApplicationKey = (id: string) => ({ pk: `MAILAPP#${id}`, sk: 'MAILAPP' });

export function mailAddressItem(m: MailAddress): Item {
  return {
    ...mailAddressKey(m.id),
    entity: 'MailAddress',
    kindPk: 'MailAddress',
    kindSk: m.id,
    // Sparse: a department's addresses in use, and only those.
    ...(m.status === 'ACTIVE' ? { deptPk: `DEPT#${m.departmentId}`, deptSk: `MAILADDR#${m.id}` } : {}),
    ...compact(m),
  };
}

export function mailApplicationItem(a: MailAddressApplication): Item {
  return {
    ...mailApplicationKey(a.id),
    entity: 'MailAddressApplication',
    kindPk: 'MailAddressApplication',
    kindSk: a.id,
    // Sparse: awaiting the system administrator's decision, oldest first (様式第11号).
    ...(a.status === 'SUBMITTED' ? { inboxPk: inboxPartition('SYSTEM_ADMINISTRATOR'), inboxSk: `${a.submittedAt}#${a.id}` } : {}),
    applicantPk: `PERSON#${a.applicantId}`,
    applicantSk: a.id,
    deptPk: `DEPT#${a.departmentId}`,
    deptSk: `MAILAPP#${a.id}`,
    ...compact(a),
  };
}

export async function getMailAddress(store: Store, address: string): Promise<MailAddress | undefined> {
  const k = mailAddressKey(address);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<MailAddress>(item);
}

export async function getMailApplication(store: Store, id: string): Promise<MailAddressApplication | undefined> {
  const k = mailApplicationKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<MailAddressApplication>(item);
}

/** A department's addresses in use, in address order: exactly the partition (deleted ones carry no deptPk). */
export async function listActiveMailAddresses(store: Store, departmentId: string, request: PageRequest) {
  const page = await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, prefix: 'MAILADDR#', ...request });
  store.prime(page.items);
  return pageOf(page, (i) => fromItem<MailAddress>(i));
}

/** A department's 様式第11号 applications, newest first. */
export async function listMailApplicationsOfDepartment(store: Store, departmentId: string, request: PageRequest) {
  const page = await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, prefix: 'MAILAPP#', ...request, descending: true });
  store.prime(page.items);
  return pageOf(page, (i) => fromItem<MailAddressApplication>(i));
}

/** The state 様式第11号's rules read (mailAddressForm): the register's entries for the address in use and the address wanted. */
export async function mailRegisterState(store: Store, a: Pick<MailAddressApplication, 'address' | 'newAddress'>) {
  const [current, wanted] = await Promise.all([a.address ? getMailAddress(store, a.address) : undefined, a.newAddress ? getMailAddress(store, a.newAddress) : undefined]);
  return { current, wanted };
}
