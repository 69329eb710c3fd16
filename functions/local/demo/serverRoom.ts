/** The demo city's サーバ室 (第16条): who may enter, and the entries recorded. */
import { ServerRoom, ServerRoomAuthorization, ServerRoomEntry } from '../../domain/serverRoom';
import { instantOf } from '../../domain/operatingHours';
import { tokyoDate } from '../../domain/people';
import { alongWith } from '../../domain/change';
import { SEED_ACTOR, SeedBatch, seedOf, seeded } from './seedBatch';

const dayFrom = (now: string, n: number) => new Date(Date.parse(`${tokyoDate(now)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The last day of the fiscal year (3/31) that `now` falls in. */
function fiscalYearEnd(now: string): string {
  const [year, month] = tokyoDate(now).split('-').map(Number);
  return `${month >= 4 ? year + 1 : year}-03-31`;
}

export const DEMO_ROOM_ID = 'demo-server-room';

export function demoServerRoom(now: string): SeedBatch[] {
  const common = { version: 1, createdAt: now, updatedAt: now };
  const room: ServerRoom = { id: DEMO_ROOM_ID, name: '本庁舎3階 サーバ室', location: '本庁舎3階', description: '基幹系・情報系サーバ及びネットワーク機器。', registeredBy: SEED_ACTOR, ...common };
  const grant = { roomId: room.id, grantedBy: SEED_ACTOR, grantedAt: now, ...common };
  // 指定した職員: デジタル推進課長.
  const designated: ServerRoomAuthorization = { id: 'demo-roomauth-digital-manager', kind: 'DESIGNATED_STAFF', personId: 'digital-manager', validFrom: '2023-04-01', ...grant };
  // 業務を委託した事業者の職員: the maintenance contractor's engineer, for the fiscal year.
  const engineer: ServerRoomAuthorization = {
    id: 'demo-roomauth-engineer',
    kind: 'CONTRACTOR_STAFF',
    name: '山田 太郎',
    organization: '株式会社みやぎ情報サービス',
    validFrom: '2023-04-01',
    validUntil: fiscalYearEnd(now),
    ...grant,
  };
  const authorized: ServerRoomEntry = {
    id: 'demo-roomentry-engineer',
    roomId: room.id,
    enteredAt: instantOf(dayFrom(now, -2), '10:00'),
    leftAt: instantOf(dayFrom(now, -2), '11:00'),
    purpose: 'サーバの定期点検',
    entrant: { name: '山田 太郎', organization: '株式会社みやぎ情報サービス' },
    status: 'AUTHORIZED',
    authorizationId: engineer.id,
    recordedBy: 'digital-manager',
    exitRecordedBy: 'digital-manager',
    ...common,
  };
  // Not on the list: recorded all the same, awaiting the administrator (第16条ただし書).
  const unapproved: ServerRoomEntry = {
    id: 'demo-roomentry-copier',
    roomId: room.id,
    enteredAt: instantOf(dayFrom(now, -1), '14:00'),
    leftAt: instantOf(dayFrom(now, -1), '14:20'),
    purpose: '複合機のネットワーク設定の確認',
    entrant: { name: '佐々木 次郎', organization: '東北OA販売株式会社' },
    status: 'UNAPPROVED',
    recordedBy: 'digital-contractor',
    exitRecordedBy: 'digital-contractor',
    ...common,
  };
  return [
    seeded(seedOf('ServerRoom', room), now, 'seed-server-room'),
    // A designated staff member is entered in the room's register of grantees (which authorization each person holds).
    seeded(
      alongWith(seedOf('ServerRoomAuthorization', designated), {
        parts: [{ part: 'ServerRoomGrantee', value: { roomId: room.id, personId: 'digital-manager', authorizationId: designated.id, version: 1 } }],
      }),
      now,
      'seed-roomauth-digital-manager',
    ),
    seeded(seedOf('ServerRoomAuthorization', engineer), now, 'seed-roomauth-engineer'),
    seeded(seedOf('ServerRoomEntry', authorized), now, 'seed-roomentry-engineer'),
    seeded(seedOf('ServerRoomEntry', unapproved), now, 'seed-roomentry-copier'),
  ];
}
