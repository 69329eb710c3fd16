/**
 * コンピュータウィルス対策 (第26条): incidents, in their system's list and, only while OPEN, in the open list.
 * Key layout in README.md.
 */
import { VirusIncident } from '../domain/virusIncidents';
import { OBJECT_PREFIX, Store, compact, fromItem, listPage } from './store';
import { Item, PageRequest } from './table';

/** byDueDate: incidents still open, oldest first. */
export const VIRUS_OPEN_PARTITION = 'VIRUS_OPEN';

export const incidentKey = (id: string) => ({ pk: `${OBJECT_PREFIX.VirusIncident}${id}`, sk: 'VIRUS' });

export function incidentItem(v: VirusIncident): Item {
  return {
    ...incidentKey(v.id),
    entity: 'VirusIncident',
    ...(v.status === 'OPEN' ? { duePk: VIRUS_OPEN_PARTITION, dueSk: `${v.detectedAt}#${v.id}` } : {}),
    subjectPk: `SYSTEM#${v.systemId}`,
    subjectSk: `VIRUS#${v.detectedAt}#${v.id}`,
    ...compact(v),
  };
}

export async function getIncident(store: Store, id: string): Promise<VirusIncident | undefined> {
  const k = incidentKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<VirusIncident>(item);
}

export async function listOpenIncidents(store: Store, request: PageRequest) {
  return listPage<VirusIncident>(await store.table.query({ index: 'byDueDate', partition: VIRUS_OPEN_PARTITION, ...request }), store);
}

/** A system's incidents, newest first. */
export async function listIncidentsOfSystem(store: Store, systemId: string, request: PageRequest) {
  return listPage<VirusIncident>(await store.table.query({ index: 'bySubject', partition: `SYSTEM#${systemId}`, prefix: 'VIRUS#', ...request, descending: true }), store);
}
