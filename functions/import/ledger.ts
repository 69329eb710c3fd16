/**
 * What the city decided under the former rules (白石市電子計算組織管理運営規程), brought in as decided under this
 * regulation (附則第3項): the ledger of systems it runs — with the departments whose work each processes, who
 * maintains it (第10条) and bears its cost (第23条), its documents (第2条第11号) — the data they hold (第13条), and the
 * approvals of one department's use of another's data that are in force (第14条, 様式第6号). Each row is checked by the
 * API's input class and by the domain's own rule for a record carried over, and written as one record with one audit
 * event (`*.carriedOver`, 附則第3項).
 */
import { Dataset, dataset } from '../domain/datasets';
import { CARRIED_OVER_GRANT_NOTE, DataUseApplication, dataUseGrant } from '../domain/dataUse';
import { Actor, tokyoDate } from '../domain/people';
import { Refusal } from '../domain/refusal';
import {
  CarriedOver,
  DocumentKind,
  Network,
  PURPOSES,
  Purpose,
  Responsibility,
  ResponsibilityBasis,
  ResponsibilityInput,
  SYSTEM_STATUS_JA,
  SystemCategory,
  SystemDocument,
  SystemInput,
  SystemRecord,
  systemRegister,
} from '../domain/systems';
import { getDataUse, getDataset } from '../store/data';
import { getSystem } from '../store/systems';
import { Store } from '../store/store';
import { toGlobalId } from '../../graphql/globalId';
import { DecideApplicationInput } from '../../graphql/applicationInputs';
import { RegisterDatasetInput } from '../../graphql/datasets';
import { ApplyForDataUseInput } from '../../graphql/dataUse';
import { PeriodInput } from '../../graphql/period';
import { RegisterSystemInput, SystemDocumentInput } from '../../graphql/systems';
import { Cells, Planned, RegisterOf, assertDepartments, checkInput, idOf, listOf, sameAsRecorded, wordFor, wordOf } from './cells';

/** The words of the ledger for the API's values (第2条第6号・第7号, 第6条). */
export const CATEGORY: Record<string, SystemCategory> = { 情報系: 'INFORMATION', 業務系: 'BUSINESS' };
export const NETWORK: Record<string, Network> = { 外部: 'EXTERNAL', 内部: 'INTERNAL' };
export const PURPOSE: Record<string, Purpose> = {
  市民福祉の向上: 'CITIZEN_WELFARE',
  労働の軽減: 'LABOUR_REDUCTION',
  経費の節減: 'COST_SAVING',
  事務の効率化: 'EFFICIENCY',
  その他行政水準の向上: 'ADMINISTRATIVE_STANDARDS',
  行政水準の向上: 'ADMINISTRATIVE_STANDARDS',
};
const STATUS: Record<string, 'DECIDED' | 'INSTALLED'> = { 決定済: 'DECIDED', 設置済: 'INSTALLED' };
/** The footing of a responsibility (第10条・第23条 第1項 指定, 第2項 処理課, 第3項 協議). */
export const BASIS: Record<string, ResponsibilityBasis> = { 指定: 'DESIGNATED', 処理課: 'PROCESSING_DEPARTMENT', 協議: 'AGREED_OVERRIDE' };
/** 第2条第11号: 設計書、操作手順、運用マニュアル. */
const DOCUMENT_KIND: Record<string, DocumentKind> = { 設計書: 'DESIGN', 操作手順: 'OPERATING_PROCEDURE', 運用マニュアル: 'OPERATIONS_MANUAL', その他: 'OTHER' };
const PERSONAL: Record<string, boolean> = { 有: true, 無: false, あり: true, なし: false };

export const SYSTEM_COLUMNS = {
  システムID: { field: 'id', required: true },
  システム名: { field: 'name', required: true },
  概要: { field: 'description', required: false },
  区分: { field: 'category', required: true },
  ネットワーク: { field: 'network', required: true },
  目的: { field: 'purposes', required: true },
  所管課: { field: 'owningDepartmentId', required: true },
  状態: { field: 'status', required: true },
  決定日: { field: 'decidedOn', required: true },
  設置日: { field: 'installedOn', required: false },
  処理課: { field: 'processingDepartmentIds', required: false },
  保守: { field: 'maintenance', required: false },
  経費負担: { field: 'costBearing', required: false },
  文書: { field: 'documents', required: false },
};

/**
 * A responsibility cell: `課コード`, or `課コード(指定)`, `課コード(処理課)`, `課コード(協議 協議日 文書番号)`. A bare
 * code holds it on the footing the article gives the system's category — designated for 情報系 (第1項), the
 * department whose work it processes for 業務系 (第2項); the domain checks that footing as the API does.
 */
function responsibilityOf(text: string | undefined, category: SystemCategory, heading: string, field: string): Omit<ResponsibilityInput, 'kind'> | undefined {
  if (!text) return undefined;
  const m = /^([^\s(（)）]+)\s*(?:[(（]([^)）]*)[)）])?$/.exec(text);
  if (!m) {
    throw new Refusal('INVALID_VALUE', [`「${heading}」は 課コード 又は 課コード(指定・処理課・協議 協議日 文書番号) の形で入力してください(「${text}」)。`, `${heading} takes a department code, with its footing in brackets.`], undefined, [field]);
  }
  const [word, agreedOn, ...reference] = (m[2] ?? '').trim().split(/\s+/).filter(Boolean);
  const basis = word ? wordOf(BASIS, word, heading, field) : category === 'INFORMATION' ? 'DESIGNATED' : 'PROCESSING_DEPARTMENT';
  const agreement = basis === 'AGREED_OVERRIDE' && agreedOn ? { agreedOn, reference: reference.join(' ') } : undefined;
  return { departmentId: m[1], basis, agreement };
}

function responsibilityCell(r: Responsibility | undefined): string {
  if (!r) return '';
  return `${r.departmentId}(${wordFor(BASIS, r.basis)}${r.override ? ` ${r.override.agreedOn} ${r.override.reference}` : ''})`;
}

/** The documents cell: `種類:文書名@保管場所`, separated by 、 or line breaks; the kind and the place may be left out. */
function documentsOf(text: string | undefined): SystemDocument[] | undefined {
  if (!text) return undefined;
  return listOf(text).map((entry) => {
    const [, kind, title, location] = /^(?:([^:：]*)[:：])?([^@＠]*)(?:[@＠](.*))?$/s.exec(entry)!;
    return { kind: kind === undefined ? 'OTHER' : wordOf(DOCUMENT_KIND, kind.trim(), '文書', 'documents'), title: title.trim(), location: location?.trim() || undefined };
  });
}

const documentsCell = (ds: SystemDocument[]) => ds.map((d) => `${wordFor(DOCUMENT_KIND, d.kind)}:${d.title}${d.location ? `@${d.location}` : ''}`).join('、');
const dateCell = (instant: string | undefined) => (instant ? tokyoDate(instant) : '');

/** A system's record said as the ledger's cells, by field: how a row on record is compared with the file. */
function systemCells(s: SystemRecord): Cells {
  return {
    id: s.id,
    name: s.name,
    description: s.description ?? '',
    category: wordFor(CATEGORY, s.category),
    network: wordFor(NETWORK, s.network),
    purposes: PURPOSES.filter((p) => s.purposes.includes(p)).map((p) => wordFor(PURPOSE, p)).join('、'),
    owningDepartmentId: s.owningDepartmentId,
    status: s.status === 'DECIDED' || s.status === 'INSTALLED' ? wordFor(STATUS, s.status) : SYSTEM_STATUS_JA[s.status],
    decidedOn: dateCell(s.decidedAt),
    installedOn: dateCell(s.installedAt),
    processingDepartmentIds: [...s.processingDepartmentIds].sort().join('、'),
    maintenance: responsibilityCell(s.maintenance),
    costBearing: responsibilityCell(s.costBearing),
    documents: documentsCell(s.documents),
  };
}

async function planSystem(store: Store, actor: Actor, c: Cells, now: string): Promise<Planned> {
  const id = idOf(c.id, 'システムID', 'id');
  const category = wordOf(CATEGORY, c.category, '区分', 'category');
  const processing = listOf(c.processingDepartmentIds, '・\\s');
  const input: SystemInput = {
    name: c.name!,
    description: c.description,
    category,
    network: wordOf(NETWORK, c.network, 'ネットワーク', 'network'),
    purposes: listOf(c.purposes, '・\\s').map((p) => wordOf(PURPOSE, p, '目的', 'purposes')),
    owningDepartmentId: c.owningDepartmentId!,
    processingDepartmentIds: processing.length ? processing : undefined,
    documents: documentsOf(c.documents),
  };
  const carried: CarriedOver = {
    status: wordOf(STATUS, c.status, '状態', 'status'),
    decidedOn: c.decidedOn!,
    installedOn: c.installedOn,
    maintenance: responsibilityOf(c.maintenance, category, '保守', 'maintenance'),
    costBearing: responsibilityOf(c.costBearing, category, '経費負担', 'costBearing'),
  };
  checkInput(
    Object.assign(new RegisterSystemInput(), {
      ...input,
      owningDepartmentId: toGlobalId('Department', input.owningDepartmentId),
      processingDepartmentIds: processing.map((d) => toGlobalId('Department', d)),
      documents: input.documents?.map((d) => Object.assign(new SystemDocumentInput(), d)),
    }),
  );
  await assertDepartments(store, [
    [input.owningDepartmentId, 'owningDepartmentId'],
    ...processing.map((d): [string, string] => [d, 'processingDepartmentIds']),
    [carried.maintenance?.departmentId, 'maintenance'],
    [carried.costBearing?.departmentId, 'costBearing'],
  ]);
  const transition = systemRegister.carriedOver(actor, input, carried, id, now);
  // The register keeps the departments whose work a system processes for 業務系 only (第10条第2項): said, not dropped.
  if (processing.length && !transition.record.processingDepartmentIds.length) {
    throw new Refusal('INVALID_VALUE', ['「処理課」は業務系システムについて記録します。情報系システムの担当課は「保守」「経費負担」に記入してください。', 'Processing departments are recorded for business-category systems only.'], '第10条第2項', ['processingDepartmentIds']);
  }
  const existing = await getSystem(store, id);
  return existing ? sameAsRecorded(['システムID', 'system'], id, SYSTEM_COLUMNS, systemCells(existing), systemCells(transition.record)) : { transition };
}

export const DATASET_COLUMNS = {
  データID: { field: 'id', required: true },
  システムID: { field: 'systemId', required: true },
  データ名: { field: 'name', required: true },
  概要: { field: 'description', required: false },
  個人情報: { field: 'containsPersonalInformation', required: true },
};

const datasetCells = (d: Dataset): Cells => ({
  id: d.id,
  systemId: d.systemId,
  name: d.name,
  description: d.description ?? '',
  containsPersonalInformation: wordFor(PERSONAL, d.containsPersonalInformation),
});

async function planDataset(store: Store, actor: Actor, c: Cells, now: string): Promise<Planned> {
  const id = idOf(c.id, 'データID', 'id');
  const input = { name: c.name!, description: c.description, containsPersonalInformation: wordOf(PERSONAL, c.containsPersonalInformation, '個人情報', 'containsPersonalInformation') };
  checkInput(Object.assign(new RegisterDatasetInput(), { ...input, systemId: toGlobalId('System', c.systemId!) }));
  const [existing, system] = await Promise.all([getDataset(store, id), getSystem(store, c.systemId!)]);
  if (!system) throw new Refusal('NOT_FOUND', [`システムID ${c.systemId} のシステムは登録されていません(先に systems を取り込んでください)。`, `No system has the id ${c.systemId}.`], undefined, ['systemId']);
  const transition = dataset.carriedOver(actor, system, input, id, now);
  return existing ? sameAsRecorded(['データID', 'dataset'], id, DATASET_COLUMNS, datasetCells(existing), datasetCells(transition.record)) : { transition };
}

export const DATA_USE_COLUMNS = {
  承認ID: { field: 'id', required: true },
  データID: { field: 'datasetId', required: true },
  利用課: { field: 'requestingDepartmentId', required: true },
  利用目的: { field: 'purpose', required: true },
  利用項目: { field: 'items', required: true },
  根拠法令: { field: 'legalBasis', required: true },
  開始日: { field: 'period.from', required: true },
  終了日: { field: 'period.until', required: true },
  承認日: { field: 'decidedOn', required: true },
  文書番号: { field: 'reference', required: false },
  条件: { field: 'conditions', required: false },
};

/** A grant's record said as the list's cells, by field. */
function grantCells(a: DataUseApplication): Cells {
  const reason = a.decision?.reason ?? '';
  return {
    id: a.id,
    datasetId: a.datasetId,
    requestingDepartmentId: a.requestingDepartmentId,
    purpose: a.purpose,
    items: a.items.join('、'),
    legalBasis: a.legalBasis,
    'period.from': a.period.from,
    'period.until': a.period.until,
    decidedOn: dateCell(a.decision?.decidedAt),
    reference: reason.startsWith(`${CARRIED_OVER_GRANT_NOTE}: `) ? reason.slice(CARRIED_OVER_GRANT_NOTE.length + 2) : '',
    conditions: (a.decision?.conditions ?? []).join('、'),
  };
}

async function planDataUse(store: Store, actor: Actor, c: Cells, now: string): Promise<Planned> {
  const id = idOf(c.id, '承認ID', 'id');
  const input = { purpose: c.purpose!, items: listOf(c.items), period: { from: c['period.from']!, until: c['period.until']! }, legalBasis: c.legalBasis! };
  const conditions = listOf(c.conditions);
  checkInput(
    Object.assign(new ApplyForDataUseInput(), {
      ...input,
      period: Object.assign(new PeriodInput(), input.period),
      datasetId: toGlobalId('Dataset', c.datasetId!),
      requestingDepartmentId: toGlobalId('Department', c.requestingDepartmentId!),
      submit: false,
    }),
  );
  checkInput(Object.assign(new DecideApplicationInput(), { applicationId: toGlobalId('DataUseApplication', id), expectedVersion: 1, outcome: 'APPROVED', conditions }));
  const [existing, data] = await Promise.all([getDataUse(store, id), getDataset(store, c.datasetId!)]);
  if (!data) throw new Refusal('NOT_FOUND', [`データID ${c.datasetId} のデータは登録されていません(先に datasets を取り込んでください)。`, `No dataset has the id ${c.datasetId}.`], undefined, ['datasetId']);
  await assertDepartments(store, [[c.requestingDepartmentId, 'requestingDepartmentId']]);
  const transition = dataUseGrant.carriedOver(actor, input, data, c.requestingDepartmentId!, { decidedOn: c.decidedOn!, reference: c.reference, conditions }, id, now);
  return existing ? sameAsRecorded(['承認ID', 'data-use approval'], id, DATA_USE_COLUMNS, grantCells(existing), grantCells(transition.record)) : { transition };
}

export const LEDGER = {
  systems: { columns: SYSTEM_COLUMNS, key: ['システムID'], plan: planSystem },
  datasets: { columns: DATASET_COLUMNS, key: ['データID'], plan: planDataset },
  dataUse: { columns: DATA_USE_COLUMNS, key: ['承認ID'], plan: planDataUse },
} satisfies Record<string, RegisterOf>;
