/** サーバ室への入室の記録 (第16条): every room's entries, newest first in each room, as `ServerRoom.entries` lists them. */
import { askedPeriod } from '../domain/period';
import { ENTRY_STATUSES, ServerRoomEntry } from '../domain/serverRoom';
import { Column, RegisterExport } from './columns';
import { personName, withNames } from './names';
import { lists } from './pages';

type Row = { item: ServerRoomEntry; room: string; entrant?: string; approvedBy?: string };

const STATUS_JA: Record<(typeof ENTRY_STATUSES)[number], string> = { AUTHORIZED: '許可による入室', UNAPPROVED: '未承認', APPROVED_AFTER_ENTRY: '事後承認' };

const columns: Column<Row>[] = [
  { header: '記録ID', value: (r) => r.item.id, width: 22 },
  { header: 'サーバ室', value: (r) => r.room, width: 18 },
  { header: '入室者', value: (r) => r.entrant, width: 16 },
  { header: '所属', value: (r) => r.item.entrant.organization, width: 18 },
  { header: '目的', value: (r) => r.item.purpose, width: 30 },
  { header: '入室日時', value: (r) => r.item.enteredAt, date: 'TIME', width: 24 },
  { header: '退室日時', value: (r) => r.item.leftAt, date: 'TIME', width: 24 },
  { header: '状態', value: (r) => STATUS_JA[r.item.status], width: 12 },
  { header: '承認者', value: (r) => r.approvedBy, width: 14 },
  { header: '承認日時', value: (r) => r.item.approvedAt, date: 'TIME', width: 24 },
  { header: '承認の理由', value: (r) => r.item.approvalReason, width: 30 },
];

export const serverRoomEntries: RegisterExport<Row> = {
  title: 'サーバ室入室記録',
  kind: 'ServerRoomEntry',
  filters: ['from', 'until'],
  columns,
  check: ({ from, until }) => void askedPeriod({ from, until }),
  async *pages(ctx, { from, until }) {
    const period = askedPeriod({ from, until });
    for await (const room of lists.rooms(ctx.store)) {
      for await (const page of lists.entriesOfRoom(ctx.store, room.id, period)) {
        yield await withNames(page, async (e) => ({
          room: room.name,
          entrant: e.entrant.name ?? (await personName(ctx.store, e.entrant.personId)),
          approvedBy: await personName(ctx.store, e.approvedBy),
        }));
      }
    }
  },
};
