/** Consultations on forms 1–3 and the inbox they feed (key layout in README.md). */
import { Consultation, ConsultationSubjects, DECIDING_ROLE } from '../domain/consultations';
import { getSystem } from './systems';
import { Store, compact as strip, fromItem } from './store';
import { Item, ListPage, PageRequest, isBackward, pageOf } from './table';
import { decodePlace, encodeCursor } from './cursor';
import { headedPage } from './heads';

export const consultationKey = (id: string) => ({ pk: `CONSULT#${id}`, sk: 'CONSULTATION' });

/** The inbox partition of a deciding role: city-wide roles have one, department roles one per department. */
export function inboxPartition(role: string, departmentId?: string): string {
  return departmentId ? `INBOX#${role}#${departmentId}` : `INBOX#${role}`;
}

export function consultationItem(c: Consultation): Item {
  return {
    ...consultationKey(c.id),
    entity: 'Consultation',
    kindPk: 'Consultation',
    kindSk: c.id,
    // Sparse: only a submitted consultation is in the decider's inbox, oldest first.
    ...(c.status === 'SUBMITTED' ? { inboxPk: inboxPartition(DECIDING_ROLE), inboxSk: `${c.submittedAt}#${c.id}` } : {}),
    applicantPk: `PERSON#${c.applicantId}`,
    applicantSk: c.id,
    subjectPk: `SYSTEM#${c.systemId}`,
    subjectSk: `CONSULT#${c.id}`,
    ...strip(c),
  };
}

export async function getConsultation(store: Store, id: string): Promise<Consultation | undefined> {
  const k = consultationKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<Consultation>(item);
}

/** An application of any form, tagged with its GraphQL type (the item's entity). */
export function application(item: Item): object {
  return { ...fromItem<object>(item), __typename: item.entity };
}

/** Every application a person filed, of any form, newest first. */
export async function listApplicationsOf(store: Store, personId: string, request: PageRequest) {
  const page = await store.table.query({ index: 'byApplicant', partition: `PERSON#${personId}`, ...request, descending: true });
  store.prime(page.items);
  return pageOf(page, application);
}

/** A system's consultations, newest first: the first page from the system's head (heads.ts), a later one by Query. */
export async function listConsultationsOfSystem(store: Store, systemId: string, request: PageRequest) {
  return pageOf(await headedPage(store, 'Consultation', `SYSTEM#${systemId}`, request), (i) => fromItem<Consultation>(i));
}

/**
 * What awaits a decision, of any form, in several inbox partitions (a viewer may hold several deciding roles), merged oldest
 * first: one Query per partition, forward or (`last`/`before`) backward. An edge's cursor is its place in the merged
 * order (its inbox sort key, `<submittedAt>#<id>`, unique across partitions, with its table key): each partition is read
 * on from that place, so paging either way neither skips nor repeats.
 */
export async function listInbox(store: Store, partitions: string[], request: PageRequest): Promise<ListPage<object>> {
  const backward = isBackward(request);
  const size = (backward ? request.last : request.first) ?? 0;
  const at = (backward ? request.before : request.after) ?? undefined;
  const place = at === undefined ? undefined : decodePlace(at, ['pk', 'sk', 'inboxSk'], backward ? 'before' : 'after');
  const pages = await Promise.all(
    partitions.map(async (p) => {
      const from = place && encodeCursor({ ...place, inboxPk: p });
      const read = backward ? { last: size + 1, before: from } : { first: size + 1, after: from };
      return (await store.table.query({ index: 'inbox', partition: p, ...read })).items;
    }),
  );
  const merged = pages.flat().sort((a, b) => String(a.inboxSk).localeCompare(String(b.inboxSk)));
  const taken = backward ? merged.slice(Math.max(0, merged.length - size)) : merged.slice(0, size);
  const more = merged.length > size;
  const cursors = taken.map((item) => encodeCursor({ pk: item.pk, sk: item.sk, inboxSk: String(item.inboxSk) }));
  return {
    nodes: taken.map(application),
    cursors,
    startCursor: cursors[0],
    endCursor: cursors[cursors.length - 1],
    hasNextPage: backward ? at !== undefined : more,
    hasPreviousPage: backward ? more : at !== undefined,
  };
}


/** The state a consultation's rules read (functions/domain/consultations.ts consultationForm): its systems as they are now. */
export async function consultationSubjects(store: Store, c: Consultation): Promise<ConsultationSubjects> {
  const [system, other] = await Promise.all([getSystem(store, c.systemId), c.connectSystemId ? getSystem(store, c.connectSystemId) : undefined]);
  return { system, other };
}
