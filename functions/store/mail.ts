/**
 * 通知のメール: the delivery record of a notice's mail (functions/domain/mail.ts), an item beside the notice in its
 * partition (`NOTICE#<id>` / `DELIVERY`). Its entity is `Delivery`, never `Notice`, so writing it never looks like a
 * new notice to the stream's filter. It is the record of the mail itself, no change of the register: it is put on
 * its own (PutItem), conditioned on the version the sender read, without an audit event. Key layout in README.md.
 */
import { Delivery } from '../domain/mail';
import { compact, fromItem, objectPk } from './store';
import { Item, Table } from './table';

export const DELIVERY_SK = 'DELIVERY';

export const deliveryKey = (noticeId: string) => ({ pk: objectPk('Notice', noticeId), sk: DELIVERY_SK });

export function deliveryItem(d: Delivery): Item {
  return { ...deliveryKey(d.noticeId), entity: 'Delivery', ...compact(d) };
}

/** The delivery of a notice's mail, read consistently (the claim is decided on it); undefined when never tried. */
export async function getDelivery(table: Table, noticeId: string): Promise<Delivery | undefined> {
  const k = deliveryKey(noticeId);
  const item = await table.get(k.pk, k.sk);
  return item && fromItem<Delivery>(item);
}

/**
 * Writes the delivery's next version if the one the sender read (`seenVersion`; none: there was no record) is still
 * the latest. False when another sender wrote it meanwhile: nothing was written.
 */
export function writeDelivery(table: Table, d: Delivery, seenVersion: number | undefined): Promise<boolean> {
  return table.putIf({ item: deliveryItem(d), expectedVersion: seenVersion });
}
