/** 様式第5号 業務系システム操作職員等指定・解除報告書 (第12条第2項): to the system administrator, in advance. */
import type { OperatorReport } from '../domain/operators';
import { html } from './html';
import { dateJa, departmentName, paragraph, personWithDepartment, sheetOf, sheetPage, sheetRefs } from './layout';
import { Printed, mergeRefs } from './printed';

const ENTRY_JA = { DESIGNATE: '指定', RELEASE: '解除' } as const;

export const operatorReportPrint: Printed<OperatorReport> = {
  kind: 'OperatorReport',
  refs: (r) => mergeRefs(sheetRefs(r, [r.departmentId]), { systems: [r.systemId], people: r.entries.map((e) => e.personId) }),
  render: (r, related) => {
    const system = related.systems.get(r.systemId);
    const entries = html`<h2>指定・解除する職員等</h2>
<table class="grid">
<tr><th>区分</th><th>職員等(所属・氏名)</th><th>指定・解除の日</th></tr>
${r.entries.map((e) => html`<tr><td>${ENTRY_JA[e.action]}</td><td>${personWithDepartment(related, e.personId)}</td><td>${dateJa(e.effectiveOn)}</td></tr>\n`)}
</table>`;
    return sheetPage(
      sheetOf(r, {
        form: '様式第5号',
        article: '第12条関係',
        name: '業務系システム操作職員等指定・解除報告書',
        addressee: '情報システム管理者',
        applicant: { departmentId: r.departmentId, role: '情報管理責任者' },
        lead: '業務系システムを操作する職員等を下記のとおり指定・解除するので、報告します。',
        fields: [
          ['業務系システム', system ? system.name : '(不明なシステム)'],
          ['主管課', departmentName(related, r.departmentId)],
          ['指定・解除の件数', `指定 ${r.entries.filter((e) => e.action === 'DESIGNATE').length} 名、解除 ${r.entries.filter((e) => e.action === 'RELEASE').length} 名`],
          ['備考', paragraph(r.note)],
        ],
        more: entries,
        outcomeWords: { APPROVED: '受理', RETURNED: '訂正の求め' },
        deciderRole: '情報システム管理者',
      }),
      related,
    );
  },
};
