/**
 * コメント: each comment an item of its own in its application's partition (`pk` of the application, `sk`
 * `COMMENT#<id>`, ids time-ordered), so one Query lists an application's comments in the order written. Key layout in
 * README.md.
 */
import { ApplicationComment } from '../domain/comments';
import { Kind } from '../domain/kinds';
import { Store, compact, fromItem, objectPk } from './store';
import { Item, PageRequest, pageOf } from './table';

const COMMENT = 'COMMENT#';

export const commentKey = (applicationType: Kind, applicationId: string, commentId: string) => ({ pk: objectPk(applicationType, applicationId), sk: `${COMMENT}${commentId}` });

export function commentItem(c: ApplicationComment): Item {
  return { ...commentKey(c.applicationType as Kind, c.applicationId, c.id), entity: 'ApplicationComment', ...compact(c) };
}

/** An application's comments, in the order written: one Query on its partition. */
export async function listComments(store: Store, applicationType: Kind, applicationId: string, request: PageRequest) {
  const p = await store.table.query({ partition: objectPk(applicationType, applicationId), prefix: COMMENT, ...request });
  return pageOf(p, (i) => fromItem<ApplicationComment>(i));
}
