/** データ利用承認 (第14条, 様式第6号): what a department may use of another's data now, as `dataUseGrants` lists it. */
import { DataUseApplication, isCurrentGrant } from '../domain/dataUse';
import { Column, RegisterExport, listed } from './columns';
import { departmentName, personName, withNames } from './names';
import { departmentOrOwn, lists } from './pages';

type Row = { item: DataUseApplication; owner?: string; user?: string; decidedBy?: string };

const columns: Column<Row>[] = [
  { header: '申請ID', value: (r) => r.item.id, width: 22 },
  { header: '件名', value: (r) => r.item.title, width: 30 },
  { header: 'データID', value: (r) => r.item.datasetId, width: 22 },
  { header: 'データ所管課', value: (r) => r.owner, width: 18 },
  { header: '利用課', value: (r) => r.user, width: 18 },
  { header: '利用目的', value: (r) => r.item.purpose, width: 30 },
  { header: '利用項目', value: (r) => listed(r.item.items), width: 30 },
  { header: '利用期間(開始)', value: (r) => r.item.period.from, date: 'DATE', width: 16 },
  { header: '利用期間(終了)', value: (r) => r.item.period.until, date: 'DATE', width: 16 },
  { header: '承認者', value: (r) => r.decidedBy, width: 14 },
  { header: '承認日時', value: (r) => r.item.decision?.decidedAt, date: 'TIME', width: 24 },
  { header: '条件', value: (r) => listed(r.item.decision?.conditions), width: 30 },
];

export const dataUseGrants: RegisterExport<Row> = {
  title: 'データ利用承認一覧',
  kind: 'DataUseApplication',
  filters: ['departmentId'],
  columns,
  async *pages(ctx, { departmentId }) {
    const now = ctx.clock();
    for await (const page of lists.grantsOfDepartment(ctx.store, departmentOrOwn(ctx.viewer, departmentId), now)) {
      yield await withNames(page.filter((g) => isCurrentGrant(g, now)), async (g) => ({
        owner: await departmentName(ctx.store, g.owningDepartmentId),
        user: await departmentName(ctx.store, g.requestingDepartmentId),
        decidedBy: await personName(ctx.store, g.decision?.decidedBy),
      }));
    }
  },
};
