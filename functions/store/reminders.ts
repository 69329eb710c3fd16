/**
 * 通知: the notices the reminders job records, each person's list of them, and the reads the job makes of what falls
 * due (the sparse byDueDate partitions and the inboxes). Key layout in README.md.
 */
import { Notice } from '../domain/reminders';
import { Store, compact, fromItem, objectPk } from './store';
import { Item, PageRequest, pageOf } from './table';

export const noticeItemKey = (id: string) => ({ pk: objectPk('Notice', id), sk: 'NOTICE' });

/** Every notice of a person, by creation time (byKind). */
export const noticesTo = (personId: string) => `NoticeTo#${personId}`;
/** Sparse: the notices a person has not read yet, by creation time (bySubject; only while unread). */
export const unreadNoticesOf = (personId: string) => `NoticeUnread#${personId}`;

export function noticeItem(n: Notice): Item {
  const sort = `${n.createdAt}#${n.id}`;
  return {
    ...noticeItemKey(n.id),
    entity: 'Notice',
    kindPk: noticesTo(n.addresseeId),
    kindSk: sort,
    // Sparse: an unread notice is in its addressee's unread list; marking it read takes it out.
    ...(n.readAt ? {} : { subjectPk: unreadNoticesOf(n.addresseeId), subjectSk: sort }),
    ...compact(n),
  };
}

export async function getNotice(store: Store, id: string): Promise<Notice | undefined> {
  const k = noticeItemKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<Notice>(item);
}

/** Many notices by id in BatchGetItem calls of 100 (undefined where none is recorded). */
export async function getNotices(store: Store, ids: string[]): Promise<(Notice | undefined)[]> {
  const items = await store.loadMany(ids.map(noticeItemKey));
  return items.map((i) => i && fromItem<Notice>(i));
}

/** A person's notices, newest first; only the unread ones with `unreadOnly`. */
export async function listNoticesOf(store: Store, personId: string, request: PageRequest, unreadOnly = false) {
  const page = await store.table.query(
    unreadOnly
      ? { index: 'bySubject', partition: unreadNoticesOf(personId), ...request, descending: true }
      : { index: 'byKind', partition: noticesTo(personId), ...request, descending: true },
  );
  store.prime(page.items);
  return pageOf(page, (i) => fromItem<Notice>(i));
}

// ─── What the reminders job reads: every page of a few exact partitions, never a Scan ──────────────────────────


/** The sparse duty partitions of byDueDate (key `<due date>#<id>`), each written by its own area. */
export const DUE_PARTITIONS = {
  /** store/data.ts: provided data not returned or disposed of, by the end of its period. */
  PROVISION_RETURN: 'PROVISION_RETURN',
  /** store/homepage.ts: open pages, by the date each falls due for the check. */
  HOMEPAGE_CHECK: 'HOMEPAGE_CHECK',
  /** Password records, by the date each password falls due for its change. */
  PASSWORD_DUE: 'PASSWORD_DUE',
  /** Equipment taken outside and not back, by the last day of its period. */
  EQUIPMENT_RETURN: 'EQUIPMENT_RETURN',
} as const;

/** What falls due in a duty partition on or before `lastDay`, each with its due date (the key's first part). */
export async function listDueBy<T>(store: Store, partition: keyof typeof DUE_PARTITIONS, lastDay: string): Promise<{ dueOn: string; record: T }[]> {
  const items = await store.table.queryAll({ index: 'byDueDate', partition: DUE_PARTITIONS[partition], between: ['0', `${lastDay}#~`] });
  return items.map((i) => ({ dueOn: String(i.dueSk).split('#')[0], record: fromItem<T>(i) }));
}

/** An application in an inbox: its GraphQL type, its form, when it was submitted. */
export interface WaitingApplication {
  id: string;
  entity: string;
  form: string;
  submittedAt: string;
  title?: string;
  applicantId?: string;
}

/** The applications of an inbox partition submitted before `cutoff` (an instant), oldest first. */
export async function listInboxSubmittedBefore(store: Store, partition: string, cutoff: string): Promise<WaitingApplication[]> {
  // inboxSk is `<submittedAt>#<id>`: everything below the cutoff instant was submitted before it.
  const items = await store.table.queryAll({ index: 'inbox', partition, between: ['0', cutoff] });
  return items.map((i) => {
    const record = fromItem<{ id: string; form: string; title?: unknown; applicantId?: string }>(i);
    return {
      id: record.id,
      entity: String(i.entity),
      form: record.form,
      submittedAt: String(i.inboxSk).split('#')[0],
      title: typeof record.title === 'string' ? record.title : undefined,
      applicantId: record.applicantId,
    };
  });
}


