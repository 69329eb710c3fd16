/** 操作職員等 (第12条): designations, each person's periods on a system, and 様式第5号 reports. Key layout in README.md. */
import { OPEN_END, OperatorDesignation, OperatorReport, OperatorSlot, ReportState, Workspace, lastDay, slotId } from '../domain/operators';
import { StateStep } from '../domain/forms';
import { getPerson } from './people';
import { getSystem } from './systems';
import { Store, compact, fromItem, listPage } from './store';
import { Item, PageRequest, pageOf } from './table';
import { inboxPartition } from './consultations';

export const designationKey = (id: string) => ({ pk: `OPERATOR#${id}`, sk: 'OPERATOR' });
/** One item per (system, person): the periods that must not overlap, written with the version read. */
export const slotKey = (systemId: string, personId: string) => ({ pk: `OPSLOT#${systemId}#${personId}`, sk: 'OPSLOT' });
export const reportKey = (id: string) => ({ pk: `OPREPORT#${id}`, sk: 'OPREPORT' });

/** Designations sort by their last day, so "designated on or after a day" is a key range from that day on. */
const OPERATOR = 'OPERATOR#';
const END = '~';
const byLastDay = (d: OperatorDesignation) => `${OPERATOR}${lastDay(d)}#${d.id}`;

export function designationItem(d: OperatorDesignation): Item {
  const listed = d.status === 'ACTIVE';
  return {
    ...designationKey(d.id),
    entity: 'OperatorDesignation',
    // Sparse: a cancelled designation is in neither list. The system's operators; the person's designations.
    ...(listed ? { subjectPk: `SYSTEM#${d.systemId}`, subjectSk: byLastDay(d), kindPk: `OperatorOf#${d.personId}`, kindSk: byLastDay(d) } : {}),
    ...compact(d),
  };
}

export function slotItem(s: OperatorSlot): Item {
  return { ...slotKey(s.systemId, s.personId), entity: 'OperatorSlot', ...s };
}

export function reportItem(r: OperatorReport): Item {
  return {
    ...reportKey(r.id),
    entity: 'OperatorReport',
    kindPk: 'OperatorReport',
    kindSk: r.id,
    // Sparse: awaiting the system administrator's receipt (様式第5号).
    ...(r.status === 'SUBMITTED' ? { inboxPk: inboxPartition('SYSTEM_ADMINISTRATOR'), inboxSk: `${r.submittedAt}#${r.id}` } : {}),
    applicantPk: `PERSON#${r.applicantId}`,
    applicantSk: r.id,
    subjectPk: `SYSTEM#${r.systemId}`,
    subjectSk: `OPREPORT#${r.id}`,
    ...compact(r),
  };
}

export async function getDesignation(store: Store, id: string): Promise<OperatorDesignation | undefined> {
  const k = designationKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<OperatorDesignation>(item);
}

export async function getReport(store: Store, id: string): Promise<OperatorReport | undefined> {
  const k = reportKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<OperatorReport>(item);
}

export async function getSlot(store: Store, systemId: string, personId: string): Promise<OperatorSlot | undefined> {
  const k = slotKey(systemId, personId);
  const item = await store.load(k.pk, k.sk);
  if (!item) return undefined;
  const { systemId: s, personId: p, periods, version } = item as unknown as OperatorSlot;
  return { systemId: s, personId: p, periods, version };
}

/** The slots of the people a report names on its system and every designation in them: what applying or undoing it reads. */
export async function loadWorkspace(store: Store, systemId: string, personIds: string[]): Promise<Workspace> {
  const people = [...new Set(personIds)];
  const slots = await Promise.all(people.map((p) => getSlot(store, systemId, p)));
  const ids = slots.flatMap((s) => s?.periods.map((p) => p.designationId) ?? []);
  const designations = (await Promise.all(ids.map((id) => getDesignation(store, id)))).filter((d): d is OperatorDesignation => !!d);
  const ws: Workspace = { slots: new Map(), designations: new Map(), readSlotVersions: new Map(), readDesignations: new Map() };
  people.forEach((p, i) => {
    const s = slots[i] ?? { systemId, personId: p, periods: [], version: 0 };
    ws.slots.set(slotId(systemId, p), s);
    ws.readSlotVersions.set(slotId(systemId, p), s.version);
  });
  for (const d of designations) {
    ws.designations.set(d.id, d);
    ws.readDesignations.set(d.id, d);
  }
  return ws;
}

/** Designations of a system not ended before `date` (some may not have started: the caller drops those). */
export async function listOperatorsOfSystem(store: Store, systemId: string, date: string, request: PageRequest) {
  return listPage<OperatorDesignation>(await store.table.query({ index: 'bySubject', partition: `SYSTEM#${systemId}`, between: [`${OPERATOR}${date}`, `${OPERATOR}${END}`], ...request }), store);
}

/** A person's designations not ended before `date`. */
export async function listDesignationsOfPerson(store: Store, personId: string, date: string, request: PageRequest) {
  return listPage<OperatorDesignation>(await store.table.query({ index: 'byKind', partition: `OperatorOf#${personId}`, between: [`${OPERATOR}${date}`, `${OPERATOR}${END}`], ...request }), store);
}

/** A system's 様式第5号 reports, newest first. */
export async function listReportsOfSystem(store: Store, systemId: string, request: PageRequest) {
  const p = await store.table.query({ index: 'bySubject', partition: `SYSTEM#${systemId}`, prefix: 'OPREPORT#', ...request, descending: true });
  store.prime(p.items);
  return pageOf(p, (i) => fromItem<OperatorReport>(i));
}

export { OPEN_END };

/** The state 様式第5号's rules read (operatorReportForm): at submission the system and the people named; always the workspace. */
export async function reportState(store: Store, r: OperatorReport, step: StateStep): Promise<ReportState> {
  const [system, people] = step === 'submit' ? await Promise.all([getSystem(store, r.systemId), Promise.all(r.entries.map((e) => getPerson(store, e.personId)))]) : [];
  return { system, people, workspace: await loadWorkspace(store, r.systemId, r.entries.map((e) => e.personId)) };
}
