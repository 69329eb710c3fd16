/**
 * The demo city's ホームページシステム管理者 (第27条第3項): one security check of the homepage system, made by デジタル推進課長
 * a month ago, which found the CMS one update behind — an open finding until the next check finds it OK.
 */
import { HomepageSecurityCheck } from '../../domain/homepageSystem';
import { tokyoDate } from '../../domain/people';
import { addDays } from '../../domain/period';
import { seedOf, SeedBatch, seeded } from './seedBatch';

export function demoHomepageSystem(now: string): SeedBatch[] {
  const check: HomepageSecurityCheck = {
    id: 'demo-hpsec-1',
    checkedOn: addDays(tokyoDate(now), -30),
    items: [
      { item: 'ACCESS_CONTROL', result: 'OK', note: '管理者アカウント3件、退職者のアカウントなし。' },
      { item: 'SOFTWARE_UPDATES', result: 'ISSUE', note: 'CMSのセキュリティ更新が1件未適用。' },
      { item: 'TAMPERING', result: 'OK' },
      { item: 'BACKUP', result: 'OK', note: '日次バックアップからの復元を試験。' },
      { item: 'CERTIFICATE', result: 'OK', note: 'サーバ証明書の有効期限は8か月先。' },
      { item: 'ACCESS_LOG', result: 'OK' },
    ],
    measuresTaken: '保守業者に更新の適用を依頼した(次回の点検で確認)。',
    recordedBy: 'digital-manager',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return [seeded(seedOf('HomepageSecurityCheck', check), now, 'seed-hpsec-1', 'digital-manager')];
}
