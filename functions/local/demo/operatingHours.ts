/** The demo city's 操作時間 (第11条): the working calendar, maintenance stops and failures, and whether a system is in service. */
import { ServiceInterruption, defaultCalendar, instantOf } from '../../domain/operatingHours';
import { tokyoDate } from '../../domain/people';
import { SEED_ACTOR, SeedBatch, seedOf, seeded } from './seedBatch';

/** A date `n` days from the Tokyo date of `now`. */
const dayFrom = (now: string, n: number) => new Date(Date.parse(`${tokyoDate(now)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The next Saturday after today (a week on when today is Saturday). */
export function nextSaturday(now: string): string {
  const weekday = new Date(`${tokyoDate(now)}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return dayFrom(now, ((6 - weekday + 7) % 7) || 7);
}

export function demoOperatingHours(now: string): SeedBatch[] {
  // 第11条第2項: 8:30–17:15 on weekdays; national holidays and 年末年始 (12/29–1/3) closed.
  const calendar = { ...defaultCalendar(now), version: 1, updatedBy: SEED_ACTOR };
  const saturday = nextSaturday(now);
  // 第11条第1項第1号: グループウェア (情報系) stops next Saturday, announced now, in advance.
  const maintenance: ServiceInterruption = {
    id: 'demo-maintenance-groupware',
    systemId: 'demo-groupware',
    kind: 'MAINTENANCE',
    scope: 'グループウェア全機能(掲示板・スケジュール・文書共有)',
    startsAt: instantOf(saturday, '09:00'),
    endsAt: instantOf(saturday, '18:00'),
    description: 'サーバのOS更新及びデータベースの保守。',
    announcedAt: now,
    announcedBy: 'digital-manager',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  // 第11条第2項第2号: 住民情報システム (業務系) failed for an hour and a half a week ago.
  const lastWeek = dayFrom(now, -7);
  const failure: ServiceInterruption = {
    id: 'demo-failure-juumin',
    systemId: 'demo-juumin',
    kind: 'FAILURE',
    scope: '証明書交付機能',
    startsAt: instantOf(lastWeek, '10:00'),
    endsAt: instantOf(lastWeek, '11:30'),
    description: '帳票サーバの障害により証明書が印刷できなかった。',
    recordedBy: 'shimin-manager',
    endedBy: 'shimin-manager',
    version: 2,
    createdAt: now,
    updatedAt: now,
  };
  return [
    seeded(seedOf('WorkingCalendar', calendar), now, 'seed-calendar'),
    seeded(seedOf('ServiceInterruption', maintenance), now, 'seed-maintenance-groupware'),
    seeded(seedOf('ServiceInterruption', failure), now, 'seed-failure-juumin'),
  ];
}
