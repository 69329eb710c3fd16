/** Consultations on forms 1–3 and the inbox they feed (key layout in README.md). */
import { Consultation, ConsultationSubjects, DECIDING_ROLE } from '../domain/consultations';
import { getSystem } from './systems';
import { Store, compact as strip, fromItem } from './store';
import { Item } from './table';
import { InvalidCursor, encodeCursor } from './cursor';

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
export async function listApplicationsOf(store: Store, personId: string, first: number, after?: string) {
  const page = await store.table.query({ index: 'byApplicant', partition: `PERSON#${personId}`, limit: first, after, descending: true });
  store.prime(page.items);
  return { nodes: page.items.map(application), endCursor: page.endCursor };
}

export async function listConsultationsOfSystem(store: Store, systemId: string, first: number, after?: string) {
  const page = await store.table.query({ index: 'bySubject', partition: `SYSTEM#${systemId}`, prefix: 'CONSULT#', limit: first, after, descending: true });
  return { nodes: page.items.map((i) => fromItem<Consultation>(i)), endCursor: page.endCursor };
}

/**
 * What awaits a decision, of any form, in several inbox partitions (a viewer may hold several deciding roles), merged oldest
 * first. The cursor keeps each partition's position, so paging neither skips nor repeats.
 */
export async function listInbox(store: Store, partitions: string[], first: number, after?: string) {
  const positions = after ? decodeInboxCursor(after, partitions) : {};
  const pages = await Promise.all(
    partitions.map(async (p) => {
      const page = await store.table.query({ index: 'inbox', partition: p, limit: first + 1, after: positions[p] });
      return { partition: p, items: page.items };
    }),
  );
  const merged = pages
    .flatMap((pg) => pg.items.map((item) => ({ partition: pg.partition, item })))
    .sort((a, b) => String(a.item.inboxSk).localeCompare(String(b.item.inboxSk)));
  const taken = merged.slice(0, first);
  const hasNextPage = merged.length > first;
  const next: Record<string, string> = { ...positions };
  for (const p of partitions) {
    const mine = taken.filter((t) => t.partition === p);
    const last = mine[mine.length - 1];
    if (last) next[p] = encodeCursor({ pk: last.item.pk, sk: last.item.sk, inboxPk: p, inboxSk: String(last.item.inboxSk) });
  }
  return {
    nodes: taken.map((t) => application(t.item)),
    endCursor: hasNextPage ? Buffer.from(JSON.stringify(next)).toString('base64url') : undefined,
  };
}

function decodeInboxCursor(after: string, partitions: string[]): Record<string, string> {
  let positions: unknown;
  try {
    positions = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (
    typeof positions !== 'object' ||
    positions === null ||
    Array.isArray(positions) ||
    Object.entries(positions).some(([p, v]) => !partitions.includes(p) || typeof v !== 'string')
  ) {
    throw new InvalidCursor();
  }
  return positions as Record<string, string>;
}

/** The state a consultation's rules read (functions/domain/consultations.ts consultationForm): its systems as they are now. */
export async function consultationSubjects(store: Store, c: Consultation): Promise<ConsultationSubjects> {
  const [system, other] = await Promise.all([getSystem(store, c.systemId), c.connectSystemId ? getSystem(store, c.connectSystemId) : undefined]);
  return { system, other };
}
