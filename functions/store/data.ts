/**
 * Datasets, data-use applications (様式第6号) with the grants they become, external provisions (様式第8号) and
 * outsourcing contracts (第22条). Key layout in README.md.
 */
import { Dataset } from '../domain/datasets';
import { reviewDueOn } from '../domain/measures';
import { DataUseApplication } from '../domain/dataUse';
import { ExternalProvision, IncidentReport, Inspection, isProvided } from '../domain/externalProvision';
import { OutsourcingContract } from '../domain/outsourcing';
import { tokyoDate } from '../domain/people';
import { addDays } from '../domain/period';
import { Store, compact, fromItem, listPage } from './store';
import { Item, PageRequest, pageOf } from './table';
import { inboxPartition } from './consultations';
import { headedPage } from './heads';

export const datasetKey = (id: string) => ({ pk: `DATASET#${id}`, sk: 'DATASET' });
export const dataUseKey = (id: string) => ({ pk: `DATAUSE#${id}`, sk: 'DATAUSE' });
export const provisionKey = (id: string) => ({ pk: `PROVISION#${id}`, sk: 'PROVISION' });
/** An inspection (第15条第4項第5号), beside its provision: one Query lists them in the order recorded. */
export const inspectionKey = (provisionId: string, id: string) => ({ pk: `PROVISION#${provisionId}`, sk: `INSPECTION#${id}` });
/** An incident the recipient reported (第15条第4項第6号), beside its provision. */
export const provisionIncidentKey = (provisionId: string, id: string) => ({ pk: `PROVISION#${provisionId}`, sk: `INCIDENT#${id}` });
export const contractKey = (id: string) => ({ pk: `CONTRACT#${id}`, sk: 'CONTRACT' });

/** Grants sort by their last day, so "still running" is a key range from today on. */
const GRANT = 'GRANT#';
const END = '~';

/** The partition of datasets on byDueDate, by the day their measures fall due for review (第13条). */
export const DATASET_PROTECTION_DUE_PARTITION = 'DATASET_PROTECTION_DUE';

export function datasetItem(d: Dataset): Item {
  return {
    ...datasetKey(d.id),
    entity: 'Dataset',
    kindPk: 'Dataset',
    kindSk: d.id,
    deptPk: `DEPT#${d.departmentId}`,
    deptSk: `DATASET#${d.id}`,
    subjectPk: `SYSTEM#${d.systemId}`,
    subjectSk: `DATASET#${d.id}`,
    // 第13条: sparse, by the day its measures fall due for review (never reviewed: first); a dataset without personal
    // information and without measures is not in it.
    ...(d.protection || d.containsPersonalInformation ? { duePk: DATASET_PROTECTION_DUE_PARTITION, dueSk: `${reviewDueOn(d.protection)}#${d.id}` } : {}),
    ...compact(d),
  };
}

export function dataUseItem(a: DataUseApplication): Item {
  const granted = a.status === 'APPROVED';
  return {
    ...dataUseKey(a.id),
    entity: 'DataUseApplication',
    kindPk: 'DataUseApplication',
    kindSk: a.id,
    ...(a.status === 'SUBMITTED' ? { inboxPk: inboxPartition('INFORMATION_MANAGER', a.owningDepartmentId), inboxSk: `${a.submittedAt}#${a.id}` } : {}),
    applicantPk: `PERSON#${a.applicantId}`,
    applicantSk: a.id,
    // An approved application is a grant: found by the dataset it opens and by the department it is for.
    subjectPk: `DATASET#${a.datasetId}`,
    subjectSk: granted ? `${GRANT}${a.period.until}#${a.id}` : `DATAUSE#${a.id}`,
    deptPk: `DEPT#${a.requestingDepartmentId}`,
    deptSk: granted ? `${GRANT}${a.period.until}#${a.id}` : `DATAUSE#${a.id}`,
    ...compact(a),
  };
}

export function provisionItem(p: ExternalProvision): Item {
  const awaitingReturn = isProvided(p) && !p.returnOrDisposal;
  return {
    ...provisionKey(p.id),
    entity: 'ExternalProvision',
    kindPk: 'ExternalProvision',
    kindSk: p.id,
    ...(p.status === 'SUBMITTED' ? { inboxPk: inboxPartition('GENERAL_MANAGER'), inboxSk: `${p.submittedAt}#${p.id}` } : {}),
    applicantPk: `PERSON#${p.applicantId}`,
    applicantSk: p.id,
    deptPk: `DEPT#${p.departmentId}`,
    deptSk: `PROVISION#${p.id}`,
    // Sparse: provided data not yet returned or disposed of, by the last day of its period (第15条第4項第4号).
    ...(awaitingReturn ? { duePk: 'PROVISION_RETURN', dueSk: `${p.period.until}#${p.id}` } : {}),
    ...compact(p),
  };
}

export function inspectionItem(i: Inspection): Item {
  return { ...inspectionKey(i.provisionId, i.id), entity: 'ProvisionInspection', ...compact(i) };
}

export function provisionIncidentItem(i: IncidentReport): Item {
  return { ...provisionIncidentKey(i.provisionId, i.id), entity: 'ProvisionIncident', ...compact(i) };
}

export function contractItem(c: OutsourcingContract): Item {
  return {
    ...contractKey(c.id),
    entity: 'OutsourcingContract',
    kindPk: 'OutsourcingContract',
    kindSk: c.id,
    subjectPk: `SYSTEM#${c.systemId}`,
    subjectSk: `CONTRACT#${c.id}`,
    ...compact(c),
  };
}

async function load<T>(store: Store, key: { pk: string; sk: string }): Promise<T | undefined> {
  const item = await store.load(key.pk, key.sk);
  return item && fromItem<T>(item);
}

export const getDataset = (store: Store, id: string) => load<Dataset>(store, datasetKey(id));
export const getDataUse = (store: Store, id: string) => load<DataUseApplication>(store, dataUseKey(id));
export const getProvision = (store: Store, id: string) => load<ExternalProvision>(store, provisionKey(id));
export const getContract = (store: Store, id: string) => load<OutsourcingContract>(store, contractKey(id));

export async function getDatasets(store: Store, ids: string[]): Promise<(Dataset | undefined)[]> {
  return (await store.loadMany(ids.map(datasetKey))).map((i) => i && fromItem<Dataset>(i));
}

/** A system's datasets in order of registration: the first page from the system's head (heads.ts), a later one by Query. */
export async function listDatasetsOfSystem(store: Store, systemId: string, request: PageRequest) {
  return listPage<Dataset>(await headedPage(store, 'Dataset', `SYSTEM#${systemId}`, request), store);
}

export async function listDatasetsOfDepartment(store: Store, departmentId: string, request: PageRequest) {
  return listPage<Dataset>(await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, prefix: 'DATASET#', ...request }), store);
}

/** Grants of a dataset whose period has not ended (some may not have started: the caller tells current ones). */
export async function listRunningGrantsOfDataset(store: Store, datasetId: string, now: string, request: PageRequest) {
  const from = `${GRANT}${tokyoDate(now)}`;
  return listPage<DataUseApplication>(
    await store.table.query({ index: 'bySubject', partition: `DATASET#${datasetId}`, between: [from, `${GRANT}${END}`], ...request }),
    store,
  );
}

/** Grants a department holds whose period has not ended. */
export async function listRunningGrantsOfDepartment(store: Store, departmentId: string, now: string, request: PageRequest) {
  const from = `${GRANT}${tokyoDate(now)}`;
  return listPage<DataUseApplication>(
    await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, between: [from, `${GRANT}${END}`], ...request }),
    store,
  );
}

export async function listProvisionsOfDepartment(store: Store, departmentId: string, request: PageRequest) {
  return listPage<ExternalProvision>(
    await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, prefix: 'PROVISION#', ...request, descending: true }),
    store,
  );
}

/** Provided data whose period ended before today with no return or disposal recorded (第15条第4項第4号). */
export async function listProvisionsPastPeriod(store: Store, now: string, request: PageRequest) {
  return listPage<ExternalProvision>(
    await store.table.query({ index: 'byDueDate', partition: 'PROVISION_RETURN', between: ['0', `${tokyoDate(now)}`], ...request }),
    store,
  );
}

/** A provision's inspections, in the order recorded: one Query on its partition. */
export async function listInspections(store: Store, provisionId: string, request: PageRequest) {
  return listPage<Inspection>(await store.table.query({ partition: provisionKey(provisionId).pk, prefix: 'INSPECTION#', ...request }), store);
}

/** A provision's incidents, in the order recorded: one Query on its partition. */
export async function listProvisionIncidents(store: Store, provisionId: string, request: PageRequest) {
  return listPage<IncidentReport>(await store.table.query({ partition: provisionKey(provisionId).pk, prefix: 'INCIDENT#', ...request }), store);
}

/** A system's outsourcing contracts in order of registration: the first page from the system's head, a later one by Query. */
export async function listContractsOfSystem(store: Store, systemId: string, request: PageRequest) {
  return listPage<OutsourcingContract>(await headedPage(store, 'OutsourcingContract', `SYSTEM#${systemId}`, request), store);
}

/** The state 様式第6号's rules read (dataUseForm): the dataset applied for. */
export const dataUseState = (store: Store, a: DataUseApplication) => getDataset(store, a.datasetId);

/** The state 様式第8号's rules read (provisionForm): the datasets to provide. */
export const provisionState = (store: Store, p: ExternalProvision) => getDatasets(store, p.datasetIds);

/** 第13条 findings: datasets whose measures are missing (personal information held) or due for review before `today`. */
export async function listDatasetsLackingProtection(store: Store, today: string, request: PageRequest) {
  const page = await store.table.query({ index: 'byDueDate', partition: DATASET_PROTECTION_DUE_PARTITION, between: ['0', `${addDays(today, -1)}#~`], ...request });
  store.prime(page.items);
  return pageOf(page, (i) => fromItem<Dataset>(i));
}
