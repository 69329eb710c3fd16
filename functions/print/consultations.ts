/**
 * 様式第1号 行政システム決定の協議書 (第7条), 様式第2号 行政システムの設置等の協議書 (第8条), 様式第3号 ネットワーク
 * システム接続の協議書 (第9条): each to the system administrator.
 */
import type { Consultation, ConsultationAction } from '../domain/consultations';
import type { Purpose, SystemEdit, SystemRecord } from '../domain/systems';
import { Markup, html } from './html';
import { Related, dateJa, departmentName, lines, paragraph, sheetOf, sheetPage, sheetRefs } from './layout';
import { Printed, mergeRefs } from './printed';

const SHEETS: Record<ConsultationAction, { form: string; article: string; name: string; lead: string }> = {
  DECIDE: { form: '様式第1号', article: '第7条関係', name: '行政システム決定の協議書', lead: '新たに行政システムを決定したいので、下記のとおり協議します。' },
  INSTALL: { form: '様式第2号', article: '第8条関係', name: '行政システムの設置等の協議書', lead: '行政システムを設置したいので、下記のとおり協議します。' },
  CHANGE: { form: '様式第2号', article: '第8条関係', name: '行政システムの設置等の協議書', lead: '行政システムを変更したいので、下記のとおり協議します。' },
  ABOLISH: { form: '様式第2号', article: '第8条関係', name: '行政システムの設置等の協議書', lead: '行政システムを廃止したいので、下記のとおり協議します。' },
  CONNECT: { form: '様式第3号', article: '第9条関係', name: 'ネットワークシステム接続の協議書', lead: '情報系システムと業務系システムを接続したいので、下記のとおり協議します。' },
};

const ACTION_JA: Record<ConsultationAction, string> = { DECIDE: '決定', INSTALL: '設置', CHANGE: '変更', ABOLISH: '廃止', CONNECT: '接続' };
const CATEGORY_JA = { INFORMATION: '情報系', BUSINESS: '業務系' } as const;
const NETWORK_JA = { EXTERNAL: '外部接続あり', INTERNAL: '内部のみ' } as const;
export const PURPOSE_JA: Record<Purpose, string> = {
  CITIZEN_WELFARE: '市民福祉の向上',
  LABOUR_REDUCTION: '労働の軽減',
  COST_SAVING: '経費の節減',
  EFFICIENCY: '事務の効率化',
  ADMINISTRATIVE_STANDARDS: 'その他行政水準の向上',
};

/** 名称 (情報系・外部接続あり、主管課). */
function systemLine(related: Related, id: string | undefined): string {
  const s: SystemRecord | undefined = id ? related.systems.get(id) : undefined;
  if (!s) return id ? '(不明なシステム)' : '';
  return `${s.name}(${CATEGORY_JA[s.category]}・${NETWORK_JA[s.network]}、${departmentName(related, s.owningDepartmentId)})`;
}

/** 様式第2号 (変更): what the change makes of the system. */
function changes(related: Related, edit: SystemEdit | undefined): Markup {
  if (!edit) return html``;
  const rows: string[] = [
    ...(edit.name !== undefined ? [`名称: ${edit.name}`] : []),
    ...(edit.description !== undefined ? [`概要: ${edit.description}`] : []),
    ...(edit.network !== undefined ? [`ネットワーク: ${NETWORK_JA[edit.network]}`] : []),
    ...(edit.purposes !== undefined ? [`目的: ${edit.purposes.map((p) => PURPOSE_JA[p]).join('、')}`] : []),
    ...(edit.processingDepartmentIds !== undefined ? [`処理する主管課: ${edit.processingDepartmentIds.map((d) => departmentName(related, d)).join('、')}`] : []),
    ...(edit.educationOrResearchOnly !== undefined ? [`教育又は研究専用: ${edit.educationOrResearchOnly ? 'はい' : 'いいえ'}`] : []),
    ...(edit.documents !== undefined ? [`文書: ${edit.documents.map((d) => d.title).join('、')}`] : []),
  ];
  return lines(rows);
}

export const consultationPrint: Printed<Consultation> = {
  kind: 'Consultation',
  refs: (c) => {
    const systems = [c.systemId, c.connectSystemId];
    return mergeRefs(sheetRefs(c, [c.applicantDepartmentId]), { systems, departments: c.proposedChanges?.processingDepartmentIds ?? [] });
  },
  render: (c, related) => {
    const sheet = SHEETS[c.action];
    const system = related.systems.get(c.systemId);
    const fields: [string, Markup | string][] = [
      ['協議の区分', `行政システムの${ACTION_JA[c.action]}`],
      [c.action === 'CONNECT' ? '接続する行政システム' : '行政システム', systemLine(related, c.systemId)],
      ...(c.action === 'CONNECT' ? [['接続先の行政システム', systemLine(related, c.connectSystemId)] as [string, string]] : []),
      ...(c.action === 'DECIDE' ? [['目的(第6条)', system ? system.purposes.map((p) => PURPOSE_JA[p]).join('、') : ''] as [string, string]] : []),
      ...(c.action === 'CHANGE' ? [['変更の内容', changes(related, c.proposedChanges)] as [string, Markup]] : []),
      ['理由・内容・日程', paragraph(c.details)],
      ['実施予定日', dateJa(c.plannedOn)],
    ];
    return sheetPage(
      sheetOf(c, {
        ...sheet,
        addressee: '情報システム管理者',
        applicant: { departmentId: c.applicantDepartmentId, role: '情報管理責任者' },
        fields,
        deciderRole: '情報システム管理者',
      }),
      related,
    );
  },
};
