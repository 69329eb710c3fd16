/**
 * The demo city's パスワードの管理 (第24条): when each person last changed the password of each system. 市民課の
 * 小林さん's password on the 住民情報システム is overdue; 健康推進課の加藤さん's on the 保健福祉システム falls due in
 * under 30 days.
 */
import { DEFAULT_INTERVAL_DAYS, PasswordRecord, passwordRecordId } from '../../domain/passwords';
import { addDays } from '../../domain/period';
import { tokyoDate } from '../../domain/people';
import { SeedBatch, seedOf, seeded } from './seedBatch';

/** [person, system, days ago the password was changed] */
const CHANGES: [string, string, number][] = [
  ['shimin-staff', 'demo-juumin', DEFAULT_INTERVAL_DAYS + 35], // OVERDUE for 35 days
  ['shimin-staff', 'demo-groupware', 60],
  ['kenkou-staff', 'demo-hoken', DEFAULT_INTERVAL_DAYS - 20], // DUE_SOON: 20 days left
  ['shimin-manager', 'demo-juumin', 100],
  ['digital-manager', 'demo-groupware', 200],
];

export function demoPasswords(now: string): SeedBatch[] {
  const today = tokyoDate(now);
  return CHANGES.map(([personId, systemId, daysAgo]) => {
    const changedOn = addDays(today, -daysAgo);
    const r: PasswordRecord = {
      id: passwordRecordId(personId, systemId),
      personId,
      systemId,
      changedOn,
      dueOn: addDays(changedOn, DEFAULT_INTERVAL_DAYS),
      intervalDays: DEFAULT_INTERVAL_DAYS,
      recordedBy: personId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return seeded(seedOf('PasswordRecord', r), now, `seed-password-${r.id}`);
  });
}
