/**
 * 電子メールにより受領したもの (第28条第2項): each department's register of mail received, newest first.
 * Key layout in README.md.
 */
import { ReceivedMail } from '../domain/receivedMail';
import { OBJECT_PREFIX, Store, compact, fromItem } from './store';
import { Item, PageRequest, pageOf } from './table';

export const receivedMailKey = (id: string) => ({ pk: `${OBJECT_PREFIX.ReceivedMail}${id}`, sk: 'RECVMAIL' });

export function receivedMailItem(m: ReceivedMail): Item {
  return { ...receivedMailKey(m.id), entity: 'ReceivedMail', deptPk: `DEPT#${m.departmentId}`, deptSk: `RECVMAIL#${m.receivedAt}#${m.id}`, ...compact(m) };
}

export async function getReceivedMail(store: Store, id: string): Promise<ReceivedMail | undefined> {
  const k = receivedMailKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<ReceivedMail>(item);
}

/** A department's mail received, newest first. */
export async function listReceivedMail(store: Store, departmentId: string, request: PageRequest) {
  const p = await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, prefix: 'RECVMAIL#', ...request, descending: true });
  store.prime(p.items);
  return pageOf(p, (i) => fromItem<ReceivedMail>(i));
}
