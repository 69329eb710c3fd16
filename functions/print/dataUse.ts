/** 様式第6号 データ利用承認申請書 (第14条): to the information manager of the department that holds the data. */
import type { DataUseApplication } from '../domain/dataUse';
import { citedBases } from '../domain/legalBasis';
import { departmentName, lines, paragraph, periodJa, sheetOf, sheetPage, sheetRefs } from './layout';
import { Printed, mergeRefs } from './printed';

export const dataUsePrint: Printed<DataUseApplication> = {
  kind: 'DataUseApplication',
  refs: (a) => mergeRefs(sheetRefs(a, [a.owningDepartmentId, a.requestingDepartmentId]), { datasets: [a.datasetId] }),
  render: (a, related) =>
    sheetPage(
      sheetOf(a, {
        form: '様式第6号',
        article: '第14条関係',
        name: 'データ利用承認申請書',
        addressee: `${departmentName(related, a.owningDepartmentId)} 情報管理責任者`,
        applicant: { departmentId: a.requestingDepartmentId, role: '情報管理責任者' },
        lead: '貴課で所管するデータを下記のとおり利用したいので、承認を申請します。',
        fields: [
          ['利用するデータ', related.datasets.get(a.datasetId)?.name ?? '(不明なデータ)'],
          ['データを所管する主管課', departmentName(related, a.owningDepartmentId)],
          ['利用する主管課', departmentName(related, a.requestingDepartmentId)],
          ['利用の目的', paragraph(a.purpose)],
          ['利用する項目', lines(a.items)],
          ['利用期間', periodJa(a.period)],
          ['根拠法令', citedBases(a) || '(なし)'],
        ],
        deciderRole: `${departmentName(related, a.owningDepartmentId)} 情報管理責任者`,
      }),
      related,
    ),
};
