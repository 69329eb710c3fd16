/** 電子メールアドレス (第28条, 様式第11号): a department's addresses in use, as `mailAddresses` lists them. */
import { MailAddress } from '../domain/email';
import { Column, RegisterExport } from './columns';
import { departmentName, withNames } from './names';
import { departmentOrOwn, lists } from './pages';

type Row = { item: MailAddress; department?: string };

const columns: Column<Row>[] = [
  { header: 'アドレス', value: (r) => r.item.address, width: 36 },
  { header: '主管課', value: (r) => r.item.departmentId, width: 12 },
  { header: '主管課名', value: (r) => r.department, width: 18 },
  { header: '用途', value: (r) => r.item.purpose, width: 30 },
  { header: '申請ID', value: (r) => r.item.applicationId, width: 22 },
  { header: '登録日時', value: (r) => r.item.registeredAt, date: 'TIME', width: 24 },
];

export const mailAddresses: RegisterExport<Row> = {
  title: '電子メールアドレス台帳',
  kind: 'MailAddress',
  filters: ['departmentId'],
  columns,
  async *pages(ctx, { departmentId }) {
    const department = departmentOrOwn(ctx.viewer, departmentId);
    for await (const page of lists.mailAddresses(ctx.store, department)) {
      yield await withNames(page, async (m) => ({ department: await departmentName(ctx.store, m.departmentId) }));
    }
  },
};
