/** 様式第11号 電子メール利用等申請書 (第28条): to the system administrator, in advance. */
import type { MailAddressApplication } from '../domain/email';
import { dateJa, departmentName, paragraph, sheetOf, sheetPage, sheetRefs } from './layout';
import { Printed } from './printed';

const KIND_JA = { NEW: '新規', CHANGE: '変更', DELETE: '削除' } as const;

export const mailAddressApplicationPrint: Printed<MailAddressApplication> = {
  kind: 'MailAddressApplication',
  refs: (a) => sheetRefs(a, [a.departmentId]),
  render: (a, related) =>
    sheetPage(
      sheetOf(a, {
        form: '様式第11号',
        article: '第28条関係',
        name: '電子メール利用等申請書',
        addressee: '情報システム管理者',
        applicant: { departmentId: a.departmentId, role: '情報管理責任者' },
        lead: `電子メールアドレスの${KIND_JA[a.kind]}について、下記のとおり申請します。`,
        fields: [
          ['申請の区分', KIND_JA[a.kind]],
          ['使用する主管課', departmentName(related, a.departmentId)],
          ['現在の電子メールアドレス', a.address ?? ''],
          ['希望する電子メールアドレス', a.newAddress ?? ''],
          ['用途', paragraph(a.purpose)],
          ['申請理由', paragraph(a.reason)],
          ['利用開始希望日', dateJa(a.wantedFrom)],
        ],
        deciderRole: '情報システム管理者',
      }),
      related,
    ),
};
