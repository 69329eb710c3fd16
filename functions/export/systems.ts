/** 行政システム台帳 (第6条–第10条, 第23条): the headings of the city's ledger (functions/import/ledger.ts), and then some. */
import { NETWORKS, Responsibility, SYSTEM_CATEGORIES, SYSTEM_STATUSES, SYSTEM_STATUS_JA, SystemRecord, SystemStatus } from '../domain/systems';
import { refuse } from '../domain/refusal';
import { BASIS, CATEGORY, NETWORK, PURPOSE } from '../import/ledger';
import { wordFor } from '../import/cells';
import { Column, ExportFilters, RegisterExport, listed } from './columns';
import { departmentName, withNames } from './names';
import { lists } from './pages';
import { systemSearch } from '../store/systems';

/** A responsibility as the ledger writes it: `課コード(指定)`. */
export const responsibility = (r: Responsibility | undefined) => (r ? `${r.departmentId}(${wordFor(BASIS, r.basis)})` : undefined);

type Row = { item: SystemRecord; department?: string };

const columns: Column<Row>[] = [
  { header: 'システムID', value: (r) => r.item.id, width: 22 },
  { header: 'システム名', value: (r) => r.item.name, width: 30 },
  { header: '概要', value: (r) => r.item.description, width: 40 },
  { header: '区分', value: (r) => wordFor(CATEGORY, r.item.category), width: 8 },
  { header: 'ネットワーク', value: (r) => wordFor(NETWORK, r.item.network), width: 10 },
  { header: '目的', value: (r) => listed(r.item.purposes.map((p) => wordFor(PURPOSE, p))), width: 30 },
  { header: '所管課', value: (r) => r.item.owningDepartmentId, width: 12 },
  { header: '所管課名', value: (r) => r.department, width: 18 },
  { header: '状態', value: (r) => SYSTEM_STATUS_JA[r.item.status], width: 14 },
  { header: '処理課', value: (r) => listed(r.item.processingDepartmentIds), width: 18 },
  { header: '保守', value: (r) => responsibility(r.item.maintenance), width: 18 },
  { header: '経費負担', value: (r) => responsibility(r.item.costBearing), width: 18 },
  { header: '登録日時', value: (r) => r.item.createdAt, date: 'TIME', width: 24 },
  { header: '決定日時', value: (r) => r.item.decidedAt, date: 'TIME', width: 24 },
  { header: '設置日時', value: (r) => r.item.installedAt, date: 'TIME', width: 24 },
  { header: '廃止日時', value: (r) => r.item.abolishedAt, date: 'TIME', width: 24 },
];

export const systems: RegisterExport<Row> = {
  title: '行政システム台帳',
  kind: 'System',
  filters: ['departmentId', 'status', 'category', 'network', 'text', 'orderBy', 'direction'],
  columns,
  check: (filters) => void searchOf(filters),
  async *pages(ctx, filters) {
    for await (const page of lists.searchedSystems(ctx.store, searchOf(filters))) {
      yield await withNames(page, async (s) => ({ department: await departmentName(ctx.store, s.owningDepartmentId) }));
    }
  },
};

/** One value of a filter, as the API's enum has it (case aside); refused, naming the filter, when it is none of them. */
function oneOf<T extends string>(name: string, value: string | undefined, values: readonly T[]): T | undefined {
  if (value === undefined || value === '') return undefined;
  const v = value.trim().toUpperCase() as T;
  if (!values.includes(v)) refuse('INVALID_VALUE', [`${name} は ${values.join('・')} のいずれかです。`, `${name} is one of ${values.join(', ')}.`], undefined, [name]);
  return v;
}

/** The filters of the request as `systems(departmentId, filter, orderBy)` takes them, checked by the same rule. */
function searchOf(f: ExportFilters) {
  const status = f.status?.split(',').filter((s) => s.trim() !== '').map((s) => oneOf('status', s, SYSTEM_STATUSES) as SystemStatus);
  const field = oneOf('orderBy', f.orderBy, ['REGISTERED', 'NAME'] as const);
  const direction = oneOf('direction', f.direction, ['ASC', 'DESC'] as const);
  return systemSearch(
    f.departmentId,
    {
      status: status?.length ? status : undefined,
      category: oneOf('category', f.category, SYSTEM_CATEGORIES),
      network: oneOf('network', f.network, NETWORKS),
      text: f.text || undefined,
    },
    field || direction ? { field: field ?? 'REGISTERED', direction: direction ?? 'ASC' } : undefined,
  );
}
