/**
 * 様式第8号 データの外部提供協議書 (第15条第1項): to the general manager, in advance; and the agreement (協定書等,
 * 第15条第3項) with its checklist of the items it must hold (第15条第4項第1号〜第8号, 第8号 once per item the general
 * manager required).
 */
import { CLAUSE_ARTICLES, CLAUSE_TITLES, ExternalProvision, clauseStatuses, isAgreementComplete } from '../domain/externalProvision';
import { citedBases } from '../domain/legalBasis';
import { html } from './html';
import { dateJa, decisionBlock, departmentName, lines, page, paragraph, periodJa, personWithDepartment, sheetOf, sheetPage, sheetRefs } from './layout';
import { Printed, mergeRefs } from './printed';

const refs = (p: ExternalProvision) =>
  mergeRefs(sheetRefs(p, [p.departmentId]), { datasets: p.datasetIds, people: [p.agreement.concludedBy, ...p.agreement.clauses.map((c) => c.recordedBy)] });

/** 締結済み (令和8年4月1日) or 未締結. */
const agreementState = (p: ExternalProvision) => (p.agreement.concludedOn ? `締結済み(${dateJa(p.agreement.concludedOn)})` : '未締結');

export const externalProvisionPrint: Printed<ExternalProvision> = {
  kind: 'ExternalProvision',
  refs,
  render: (p, related) =>
    sheetPage(
      sheetOf(p, {
        form: '様式第8号',
        article: '第15条関係',
        name: 'データの外部提供協議書',
        addressee: '総括管理責任者',
        applicant: { departmentId: p.departmentId, role: '情報管理責任者' },
        lead: 'データを下記のとおり外部に提供したいので、協議します。',
        fields: [
          ['提供するデータ', lines(p.datasetIds.map((id) => related.datasets.get(id)?.name ?? '(不明なデータ)'))],
          ['提供先', p.recipient],
          ['提供先の所在', p.recipientAbroad ? '外国' : '国内'],
          ['個人情報の有無', p.includesPersonalInformation ? '含む' : '含まない'],
          ['提供の目的', paragraph(p.purpose)],
          ['提供する項目', lines(p.items)],
          ['提供の方法', paragraph(p.method)],
          ['提供期間', periodJa(p.period)],
          ['根拠法令', citedBases(p) || '(なし)'],
          ['協定書等(第15条第3項)', agreementState(p)],
        ],
        deciderRole: '総括管理責任者',
      }),
      related,
    ),
};

/** The agreement and its checklist: each item of 第15条第4項, whether the agreement holds it, and where. */
export const agreementPrint: Printed<ExternalProvision> = {
  kind: 'ExternalProvision',
  refs,
  render: (p, related) => {
    const statuses = clauseStatuses(p);
    const complete = isAgreementComplete(p);
    const body = html`<p class="form-no">様式第8号 付属(第15条第3項・第4項関係)</p>
<p class="dated">${dateJa(p.agreement.concludedOn ?? p.decision?.decidedAt ?? p.updatedAt)}</p>
<h1>協定書等 記載事項確認表</h1>
<table class="fields">
<tr><th>件名</th><td>${p.title}</td></tr>
<tr><th>提供する主管課</th><td>${departmentName(related, p.departmentId)}</td></tr>
<tr><th>提供先</th><td>${p.recipient}</td></tr>
<tr><th>提供期間</th><td>${periodJa(p.period)}</td></tr>
<tr><th>協定書等</th><td>${p.agreement.documentReference ?? '(未記録)'}</td></tr>
<tr><th>締結</th><td>${agreementState(p)}${p.agreement.concludedBy ? `　記録: ${personWithDepartment(related, p.agreement.concludedBy)}` : ''}</td></tr>
</table>
<h2>第15条第4項の記載事項</h2>
<table class="grid">
<tr><th>号</th><th>記載すべき事項</th><th>記載</th><th>協定書等での記載</th></tr>
${statuses.map(
  (s) => html`<tr><td>${s.article.replace('第15条第4項', '')}</td><td>${s.requiredItem ? `${CLAUSE_TITLES.OTHER}: ${s.requiredItem.title}` : s.title}</td><td class="mark">${s.present ? '✓ 済' : '未'}</td><td>${s.entry?.text ?? ''}${s.entry?.text && s.entry.reference ? ' / ' : ''}${s.entry?.reference ?? ''}</td></tr>\n`,
)}
${p.requiredItems.length ? '' : html`<tr><td>${CLAUSE_ARTICLES.OTHER.replace('第15条第4項', '')}</td><td>${CLAUSE_TITLES.OTHER}</td><td class="mark">—</td><td>総括管理責任者が求めた事項なし</td></tr>\n`}
</table>
<p class="note">${complete ? '第15条第4項の記載事項はすべて記載されています。' : '記載されていない事項があります。すべて記載されるまで協定書等は締結できません(第15条第4項)。'}</p>
${decisionBlock(related, p.decision, '総括管理責任者')}`;
    return page(`協定書等 記載事項確認表「${p.title}」`, body);
  },
};
