/**
 * 添付ファイル: an attachment is an item of its own (never the file: that is in S3, functions/store/files.ts), in the
 * list of the object it belongs to through bySubject. Key layout in README.md.
 */
import { Attachment } from '../domain/attachments';
import { OBJECT_PREFIX, Store, compact, fromItem, objectPk } from './store';
import { Item, PageRequest, pageOf } from './table';

export const attachmentKey = (id: string) => ({ pk: `${OBJECT_PREFIX.Attachment}${id}`, sk: 'ATTACHMENT' });

export function attachmentItem(a: Attachment): Item {
  return {
    ...attachmentKey(a.id),
    entity: 'Attachment',
    subjectPk: objectPk(a.objectType, a.objectId),
    subjectSk: `ATTACH#${a.id}`,
    ...compact(a),
  };
}

export async function getAttachment(store: Store, id: string): Promise<Attachment | undefined> {
  const k = attachmentKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<Attachment>(item);
}

/** The attachments of an object, in the order requested. */
export async function listAttachmentsOf(store: Store, objectType: Attachment['objectType'], objectId: string, request: PageRequest) {
  const p = await store.table.query({ index: 'bySubject', partition: objectPk(objectType, objectId), prefix: 'ATTACH#', ...request });
  store.prime(p.items);
  return pageOf(p, (i) => fromItem<Attachment>(i));
}
