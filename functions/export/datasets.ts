/** データ (第13条) with the grants of their use to other departments in force (第14条): a row per grant, or one per dataset without. */
import { Dataset } from '../domain/datasets';
import { DataUseApplication, isCurrentGrant } from '../domain/dataUse';
import { Context } from '../resolvers/context';
import { Column, RegisterExport, listed, yesNo } from './columns';
import { departmentName, systemName, withNames } from './names';
import { lists, readableOnly } from './pages';

type Row = { item: Dataset; grant?: DataUseApplication; department?: string; system?: string; user?: string };

const columns: Column<Row>[] = [
  { header: 'データID', value: (r) => r.item.id, width: 22 },
  { header: 'データ名', value: (r) => r.item.name, width: 26 },
  { header: '概要', value: (r) => r.item.description, width: 40 },
  { header: '個人情報', value: (r) => yesNo(r.item.containsPersonalInformation), width: 8 },
  { header: 'システムID', value: (r) => r.item.systemId, width: 22 },
  { header: 'システム名', value: (r) => r.system, width: 26 },
  { header: '所管課', value: (r) => r.item.departmentId, width: 12 },
  { header: '所管課名', value: (r) => r.department, width: 18 },
  { header: '利用承認ID', value: (r) => r.grant?.id, width: 22 },
  { header: '利用課', value: (r) => r.grant?.requestingDepartmentId, width: 12 },
  { header: '利用課名', value: (r) => r.user, width: 18 },
  { header: '利用目的', value: (r) => r.grant?.purpose, width: 30 },
  { header: '利用項目', value: (r) => listed(r.grant?.items), width: 30 },
  { header: '利用期間(開始)', value: (r) => r.grant?.period.from, date: 'DATE', width: 16 },
  { header: '利用期間(終了)', value: (r) => r.grant?.period.until, date: 'DATE', width: 16 },
];

/** The grants of a dataset in force now, each passed by its read rule. */
async function currentGrants(ctx: Context, dataset: Dataset): Promise<DataUseApplication[]> {
  const now = ctx.clock();
  const grants: DataUseApplication[] = [];
  for await (const page of lists.grantsOfDataset(ctx.store, dataset.id, now)) grants.push(...(await readableOnly(ctx, 'DataUseApplication', page.filter((g) => isCurrentGrant(g, now)))));
  return grants;
}

async function* datasetPages(ctx: Context, departmentId: string | undefined): AsyncGenerator<Dataset[]> {
  if (departmentId) return yield* lists.datasetsOfDepartment(ctx.store, departmentId);
  for await (const system of lists.systemsOf(ctx.store)) yield* lists.datasetsOfSystem(ctx.store, system.id);
}

export const datasets: RegisterExport<Row> = {
  title: 'データ及び利用承認',
  kind: 'Dataset',
  filters: ['departmentId'],
  columns,
  async *pages(ctx, { departmentId }) {
    for await (const page of datasetPages(ctx, departmentId)) {
      const rows: Row[] = [];
      for (const dataset of await readableOnly(ctx, 'Dataset', page)) {
        const grants = await currentGrants(ctx, dataset);
        const named = await withNames(grants.length ? grants : [undefined], async (grant) => ({
          grant,
          department: await departmentName(ctx.store, dataset.departmentId),
          system: await systemName(ctx.store, dataset.systemId),
          user: await departmentName(ctx.store, grant?.requestingDepartmentId),
        }));
        rows.push(...named.map(({ item: _, ...r }) => ({ ...r, item: dataset })));
      }
      yield rows;
    }
  },
};
