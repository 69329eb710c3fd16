/** The demo city's 電子メール (第28条, 様式第11号): the register of mail addresses and the applications that change it. */
import { MailAddress } from '../../domain/email';
import { SeedBatch, seedOf, seeded } from './seedBatch';

const DOMAIN = 'city.shiroishi.miyagi.jp';

/** [department, local part, 用途]: addresses in use before the register was kept (no 様式第11号 behind them). */
const DEMO_ADDRESSES: [string, string, string][] = [
  ['soumu', 'soumu', '総務課の代表アドレス(庁内外の連絡)。'],
  ['digital', 'digital', 'デジタル推進課の代表アドレス(システムに関する問合せ)。'],
  ['digital', 'helpdesk', '職員向けヘルプデスク。'],
  ['zaisei', 'zaisei', '財政課の代表アドレス。'],
  ['shimin', 'shimin', '市民課の代表アドレス(市民からの問合せ)。'],
  ['kenkou', 'kenkou', '健康推進課の代表アドレス(健診・予防接種の問合せ)。'],
  ['fukushi', 'fukushi', '社会福祉課の代表アドレス。'],
  ['kyouiku', 'kyouiku', '学校教育課の代表アドレス。'],
];

export function demoEmail(now: string): SeedBatch[] {
  return DEMO_ADDRESSES.map(([departmentId, local, purpose]) => {
    const id = `${local}@${DOMAIN}`;
    const m: MailAddress = { id, address: id, departmentId, purpose, status: 'ACTIVE', registeredAt: now, version: 1, createdAt: now, updatedAt: now };
    return seeded(seedOf('MailAddress', m), now, `seed-mail-${local}`);
  });
}
