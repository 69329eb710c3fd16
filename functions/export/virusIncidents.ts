/** ウィルス事案 (第26条): every system's incidents, newest first in each; only for those 第26条 lets read them. */
import { STEP_JA, VirusIncident, assertMayReadIncidents } from '../domain/virusIncidents';
import { Column, RegisterExport, yesNo } from './columns';
import { departmentName, personName, withNames } from './names';
import { lists } from './pages';

type Row = { item: VirusIncident; system?: string; department?: string; removalManager?: string };

const IMPACT_JA: Record<VirusIncident['personalInformation'], string> = { AFFECTED: '影響あり', NOT_AFFECTED: '影響なし', UNDER_INVESTIGATION: '調査中' };

const columns: Column<Row>[] = [
  { header: '事案ID', value: (r) => r.item.id, width: 22 },
  { header: 'システム名', value: (r) => r.system, width: 26 },
  { header: '担当課', value: (r) => r.department, width: 18 },
  { header: '機器', value: (r) => r.item.device, width: 20 },
  { header: '検知日時', value: (r) => r.item.detectedAt, date: 'TIME', width: 24 },
  { header: '疑い', value: (r) => yesNo(r.item.suspected), width: 6 },
  { header: '内容', value: (r) => r.item.description, width: 40 },
  { header: '駆除責任者', value: (r) => r.removalManager, width: 14 },
  { header: '記録済みの手順', value: (r) => r.item.steps.map((s) => STEP_JA[s.step]).join('、'), width: 40 },
  { header: '個人情報への影響', value: (r) => IMPACT_JA[r.item.personalInformation], width: 12 },
  { header: '状態', value: (r) => (r.item.status === 'OPEN' ? '対応中' : '終結'), width: 8 },
  { header: '終結日時', value: (r) => r.item.closedAt, date: 'TIME', width: 24 },
];

export const virusIncidents: RegisterExport<Row> = {
  title: 'ウィルス事案一覧',
  kind: 'VirusIncident',
  filters: ['departmentId'],
  columns,
  async *pages(ctx, { departmentId }) {
    // 第26条: refused as a whole to anyone else, as `openVirusIncidents` is.
    assertMayReadIncidents(ctx.viewer, ctx.clock());
    for await (const system of lists.systemsOf(ctx.store)) {
      for await (const page of lists.incidentsOfSystem(ctx.store, system.id)) {
        yield await withNames(page.filter((v) => !departmentId || v.departmentId === departmentId), async (v) => ({
          system: system.name,
          department: await departmentName(ctx.store, v.departmentId),
          removalManager: await personName(ctx.store, v.removalManagerId),
        }));
      }
    }
  },
};
