/** 操作職員等 (第12条, 様式第5号): who is designated to operate each system today, as `System.operators` lists them. */
import { OperatorDesignation, isDesignatedOn } from '../domain/operators';
import { Column, RegisterExport } from './columns';
import { personName, systemName, withNames } from './names';
import { lists, today } from './pages';

type Row = { item: OperatorDesignation; system?: string; person?: string; designatedBy?: string };

const BASIS_JA: Record<OperatorDesignation['basis'], string> = { ADMINISTRATOR: '情報システム管理者の指定(第12条第1項)', REPORT: '様式第5号による報告(第12条第2項)' };

const columns: Column<Row>[] = [
  { header: '指定ID', value: (r) => r.item.id, width: 22 },
  { header: 'システムID', value: (r) => r.item.systemId, width: 22 },
  { header: 'システム名', value: (r) => r.system, width: 26 },
  { header: '職員ID', value: (r) => r.item.personId, width: 18 },
  { header: '氏名', value: (r) => r.person, width: 14 },
  { header: '指定の根拠', value: (r) => BASIS_JA[r.item.basis], width: 30 },
  { header: '報告ID', value: (r) => r.item.reportId, width: 22 },
  { header: '指定した者', value: (r) => r.designatedBy, width: 14 },
  { header: '指定期間(開始)', value: (r) => r.item.validFrom, date: 'DATE', width: 16 },
  { header: '指定期間(終了)', value: (r) => r.item.validUntil, date: 'DATE', width: 16 },
];

export const operators: RegisterExport<Row> = {
  title: '操作職員等一覧',
  kind: 'OperatorDesignation',
  filters: ['departmentId'],
  columns,
  async *pages(ctx, { departmentId }) {
    const date = today(ctx);
    for await (const system of lists.systemsOf(ctx.store, departmentId)) {
      for await (const page of lists.operatorsOfSystem(ctx.store, system.id, date)) {
        yield await withNames(page.filter((d) => isDesignatedOn(d, date)), async (d) => ({
          system: await systemName(ctx.store, d.systemId),
          person: await personName(ctx.store, d.personId),
          designatedBy: await personName(ctx.store, d.designatedBy),
        }));
      }
    }
  },
};
