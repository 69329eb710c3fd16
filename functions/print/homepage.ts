/** 様式第10号 ホームページトップページリンク設定・解除依頼書 (第27条第4項第4号): to the homepage operations manager. */
import type { TopPageLinkRequest } from '../domain/homepage';
import { departmentName, paragraph, periodJa, sheetOf, sheetPage, sheetRefs } from './layout';
import { Printed, mergeRefs } from './printed';

const ACTION_JA = { SET: '設定', RELEASE: '解除' } as const;

export const topPageLinkRequestPrint: Printed<TopPageLinkRequest> = {
  kind: 'TopPageLinkRequest',
  refs: (r) => mergeRefs(sheetRefs(r, [r.departmentId]), { pages: [r.pageId], categories: [r.categoryId] }),
  render: (r, related) => {
    const page = related.pages.get(r.pageId);
    return sheetPage(
      sheetOf(r, {
        form: '様式第10号',
        article: '第27条関係',
        name: 'ホームページトップページリンク設定・解除依頼書',
        addressee: 'ホームページ運用管理者',
        applicant: { departmentId: r.departmentId, role: 'ホームページ情報管理者(情報管理責任者)' },
        lead: `ホームページのトップページへのリンクの${ACTION_JA[r.action]}を、下記のとおり依頼します。`,
        fields: [
          ['依頼の区分', `リンクの${ACTION_JA[r.action]}`],
          ['対象のページ', page ? `${page.title}(${page.path})` : '(不明なページ)'],
          ['ページの主管課', departmentName(related, r.departmentId)],
          ['リンクの表示名', r.linkTitle],
          ['掲載情報グループ', related.categories.get(r.categoryId)?.name ?? '(不明なグループ)'],
          ['表示期間', periodJa(r.displayPeriod)],
          ['備考', paragraph(r.note)],
        ],
        deciderRole: 'ホームページ運用管理者',
      }),
      related,
    );
  },
};
