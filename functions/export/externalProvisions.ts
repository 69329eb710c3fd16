/**
 * データの外部提供 (第15条, 様式第8号) with their agreements: a column for each clause of 第15条第4項第1号〜第8号, 有 when
 * the agreement states it (第8号: every item the general manager required), as `externalProvisions` lists them.
 */
import { CLAUSES, CLAUSE_ARTICLES, CLAUSE_TITLES, Clause, ExternalProvision, clauseStatuses } from '../domain/externalProvision';
import { STATUS_JA } from '../domain/workflow';
import { Column, RegisterExport, listed, yesNo } from './columns';
import { departmentName, personName, withNames } from './names';
import { departmentOrOwn, lists } from './pages';

type Row = { item: ExternalProvision; department?: string; decidedBy?: string };

/** Whether the agreement states a clause; for 第8号, every item required (無 while one is missing). */
function states(p: ExternalProvision, clause: Clause): string {
  const of = clauseStatuses(p).filter((c) => c.clause === clause);
  return of.length ? yesNo(of.every((c) => c.present)) : '';
}

const columns: Column<Row>[] = [
  { header: '協議ID', value: (r) => r.item.id, width: 22 },
  { header: '件名', value: (r) => r.item.title, width: 30 },
  { header: '主管課', value: (r) => r.department, width: 18 },
  { header: '提供先', value: (r) => r.item.recipient, width: 24 },
  { header: '国外', value: (r) => yesNo(r.item.recipientAbroad), width: 6 },
  { header: '個人情報', value: (r) => yesNo(r.item.includesPersonalInformation), width: 8 },
  { header: 'データID', value: (r) => listed(r.item.datasetIds), width: 24 },
  { header: '提供目的', value: (r) => r.item.purpose, width: 30 },
  { header: '提供項目', value: (r) => listed(r.item.items), width: 30 },
  { header: '提供方法', value: (r) => r.item.method, width: 20 },
  { header: '提供期間(開始)', value: (r) => r.item.period.from, date: 'DATE', width: 16 },
  { header: '提供期間(終了)', value: (r) => r.item.period.until, date: 'DATE', width: 16 },
  { header: '状態', value: (r) => STATUS_JA[r.item.status], width: 10 },
  { header: '決裁者', value: (r) => r.decidedBy, width: 14 },
  { header: '決裁日時', value: (r) => r.item.decision?.decidedAt, date: 'TIME', width: 24 },
  { header: '協定書等', value: (r) => r.item.agreement.documentReference, width: 24 },
  { header: '協定締結日', value: (r) => r.item.agreement.concludedOn, date: 'DATE', width: 16 },
  ...CLAUSES.map((clause): Column<Row> => ({
    header: `${CLAUSE_ARTICLES[clause].replace('第15条第4項', '')} ${CLAUSE_TITLES[clause]}`,
    value: (r) => states(r.item, clause),
    width: 14,
  })),
  { header: '返還・廃棄日', value: (r) => r.item.returnOrDisposal?.on, date: 'DATE', width: 16 },
  { header: '検査の記録数', value: (r) => r.item.inspectionCount, width: 10 },
  { header: '事故の報告数', value: (r) => r.item.incidentCount, width: 10 },
];

export const externalProvisions: RegisterExport<Row> = {
  title: 'データの外部提供及び協定',
  kind: 'ExternalProvision',
  filters: ['departmentId'],
  columns,
  async *pages(ctx, { departmentId }) {
    for await (const page of lists.provisionsOfDepartment(ctx.store, departmentOrOwn(ctx.viewer, departmentId))) {
      yield await withNames(page, async (p) => ({
        department: await departmentName(ctx.store, p.departmentId),
        decidedBy: await personName(ctx.store, p.decision?.decidedBy),
      }));
    }
  },
};
