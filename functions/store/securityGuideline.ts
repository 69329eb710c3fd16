/**
 * セキュリティ指針 (第29条): its versions (newest first on byKind; the one in force alone on bySubject) and the
 * acknowledgements of staff, one item per person and version, read by their key. Key layout in README.md.
 */
import { GuidelineAcknowledgement, SecurityGuideline, acknowledgementId } from '../domain/securityGuideline';
import { Person } from '../domain/people';
import { OBJECT_PREFIX, Store, compact, fromItem } from './store';
import { Item, PageRequest, pageOf, resumeAfter } from './table';
import { listPeople } from './people';

const IN_FORCE = 'SecurityGuidelineInForce';

export const guidelineKey = (id: string) => ({ pk: `${OBJECT_PREFIX.SecurityGuideline}${id}`, sk: 'SECGUIDE' });
export const acknowledgementKey = (id: string) => ({ pk: `${OBJECT_PREFIX.SecurityGuidelineAcknowledgement}${id}`, sk: 'SGACK' });

export function guidelineItem(g: SecurityGuideline): Item {
  // Only the version in force sits on bySubject: the current guideline is the one item of that partition.
  const inForce = g.status === 'IN_FORCE' ? { subjectPk: IN_FORCE, subjectSk: `${g.approvedAt}#${g.id}` } : {};
  return { ...guidelineKey(g.id), entity: 'SecurityGuideline', kindPk: 'SecurityGuideline', kindSk: g.id, ...inForce, ...compact(g) };
}

export function acknowledgementItem(a: GuidelineAcknowledgement): Item {
  return { ...acknowledgementKey(a.id), entity: 'SecurityGuidelineAcknowledgement', ...compact(a) };
}

async function load<T>(store: Store, key: { pk: string; sk: string }): Promise<T | undefined> {
  const item = await store.load(key.pk, key.sk);
  return item && fromItem<T>(item);
}

export const getGuideline = (store: Store, id: string) => load<SecurityGuideline>(store, guidelineKey(id));
export const getAcknowledgement = (store: Store, id: string) => load<GuidelineAcknowledgement>(store, acknowledgementKey(id));

/** A person's acknowledgement of a version, if they have made it (GetItem through the DataLoader). */
export const acknowledgementOf = (store: Store, guidelineId: string, personId: string) => getAcknowledgement(store, acknowledgementId(guidelineId, personId));

/** Every version, drafts too, the newest first. */
export async function listGuidelines(store: Store, request: PageRequest) {
  const p = await store.table.query({ index: 'byKind', partition: 'SecurityGuideline', ...request, descending: true });
  store.prime(p.items);
  return pageOf(p, (i) => fromItem<SecurityGuideline>(i));
}

/** The version in force, if one has been approved. */
export async function guidelineInForce(store: Store): Promise<SecurityGuideline | undefined> {
  const p = await store.table.query({ index: 'bySubject', partition: IN_FORCE, first: 1, descending: true });
  store.prime(p.items);
  return p.items.length ? fromItem<SecurityGuideline>(p.items[0]) : undefined;
}

/**
 * The staff of a department (every page of 200) and their acknowledgements of a version, read by key in one wave
 * (a person who moved is counted where they are now, whatever department they acknowledged in).
 */
export async function acknowledgementsInDepartment(store: Store, guidelineId: string, departmentId: string) {
  const people: Person[] = [];
  let after: string | undefined;
  do {
    const p = await listPeople(store, { first: 200, after }, departmentId);
    people.push(...p.nodes);
    after = resumeAfter(p);
  } while (after);
  const acks = await store.loadMany(people.map((p) => acknowledgementKey(acknowledgementId(guidelineId, p.id))));
  return { people, acknowledgements: acks.filter((i): i is Item => !!i).map((i) => fromItem<GuidelineAcknowledgement>(i)) };
}
