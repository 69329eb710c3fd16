/** ホームページシステム管理者 (第27条第3項): the homepage system's security checks, and where its security stands. */
import { CHECK_INTERVAL_DAYS, SECURITY_ITEMS, SecurityItemResult, homepageSecurity, mayReadSecurityChecks, recordSecurityCheck, securityStatus } from '../../functions/domain/homepageSystem';
import { addDays } from '../../functions/domain/period';
import { NOW, actor, administrator, digitalManager, generalManager, refusal, shiminManager, shiminStaff } from '../support/domain';

const homepageSystemManager = actor('digital-manager', 'digital', ['INFORMATION_MANAGER', 'digital'], ['HOMEPAGE_SYSTEM_MANAGER']);
const operationsManager = actor('soumu-manager', 'soumu', ['INFORMATION_MANAGER', 'soumu'], ['HOMEPAGE_OPERATIONS_MANAGER']);
const allOk = (): SecurityItemResult[] => SECURITY_ITEMS.map((item) => ({ item, result: 'OK' }));
const TODAY = '2026-06-15'; // NOW in Tokyo

describe('第27条第3項第1号: the homepage system manager manages the security of the homepage system', () => {
  it('the homepage system manager records a check of every item', () => {
    const c = recordSecurityCheck(homepageSystemManager, { checkedOn: TODAY, items: allOk() }, 'c1', NOW);
    expect(c).toMatchObject({ id: 'c1', checkedOn: TODAY, recordedBy: 'digital-manager', version: 1 });
    expect(c.items.map((i) => i.item)).toEqual([...SECURITY_ITEMS]);
    expect(c.actingFor).toBeUndefined();
  });

  it.each([
    ['the homepage operations manager (第27条第2項)', operationsManager],
    ['the system administrator', administrator],
    ['an information manager', shiminManager],
    ['デジタル推進課長 without the role', digitalManager],
    ['staff', shiminStaff],
  ])('%s may not record one', (_who, who) => {
    expect(refusal(() => recordSecurityCheck(who, { checkedOn: TODAY, items: allOk() }, 'c1', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第27条第3項第1号' });
  });

  it('the person acting for the homepage system manager records it, and the record names whom they acted for', () => {
    const acting = actor('digital-deputy', 'digital', ['HOMEPAGE_SYSTEM_MANAGER']);
    acting.roles[0].actingFor = 'digital-manager';
    const t = homepageSecurity.record(acting, { checkedOn: TODAY, items: allOk() }, 'c1', NOW);
    expect(t.record).toMatchObject({ recordedBy: 'digital-deputy', actingFor: 'digital-manager' });
    expect(t.changes[0]).toMatchObject({ kind: 'HomepageSecurityCheck', action: 'homepageSecurityCheck.recorded', article: '第27条第3項第1号', actingFor: 'digital-manager' });
  });

  it('every item once: a missing or a duplicated item is refused, naming the field', () => {
    const missing = allOk().filter((i) => i.item !== 'CERTIFICATE');
    expect(refusal(() => recordSecurityCheck(homepageSystemManager, { checkedOn: TODAY, items: missing }, 'c1', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['items'], article: '第27条第3項第1号' });
    expect(refusal(() => recordSecurityCheck(homepageSystemManager, { checkedOn: TODAY, items: missing }, 'c1', NOW)).ja).toContain('サーバ証明書');
    const twice = [...allOk(), { item: 'BACKUP' as const, result: 'ISSUE' as const, note: '復元に失敗' }];
    expect(refusal(() => recordSecurityCheck(homepageSystemManager, { checkedOn: TODAY, items: twice }, 'c1', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['items'] });
  });

  it('an issue is described', () => {
    const items = allOk().map((i) => (i.item === 'TAMPERING' ? { ...i, result: 'ISSUE' as const, note: '  ' } : i));
    expect(refusal(() => recordSecurityCheck(homepageSystemManager, { checkedOn: TODAY, items }, 'c1', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['items', '2', 'note'] });
  });

  it('a check is recorded once made: not in the future (the Tokyo date)', () => {
    expect(refusal(() => recordSecurityCheck(homepageSystemManager, { checkedOn: addDays(TODAY, 1), items: allOk() }, 'c1', NOW))).toMatchObject({ field: ['checkedOn'] });
    // 2026-06-15T20:00Z is already the 16th in Tokyo.
    expect(recordSecurityCheck(homepageSystemManager, { checkedOn: '2026-06-16', items: allOk() }, 'c1', '2026-06-15T20:00:00Z').checkedOn).toBe('2026-06-16');
    expect(refusal(() => recordSecurityCheck(homepageSystemManager, { checkedOn: '2026-6-1', items: allOk() }, 'c1', NOW))).toMatchObject({ field: ['checkedOn'] });
  });
});

describe('第27条第3項第1号: where the security stands', () => {
  it('never checked: overdue from the first day, nothing due', () => {
    expect(securityStatus(undefined, NOW)).toEqual({ overdue: true, openIssues: [] });
  });

  it(`checked: due ${CHECK_INTERVAL_DAYS} days later, overdue the day after`, () => {
    const checkedOn = addDays(TODAY, -CHECK_INTERVAL_DAYS);
    expect(securityStatus({ checkedOn, items: allOk() }, NOW)).toEqual({ lastCheckedOn: checkedOn, dueOn: TODAY, overdue: false, openIssues: [] });
    expect(securityStatus({ checkedOn: addDays(checkedOn, -1), items: allOk() }, NOW).overdue).toBe(true);
  });

  it('an issue is a finding until a later check finds its item OK', () => {
    const issue = allOk().map((i) => (i.item === 'SOFTWARE_UPDATES' ? { ...i, result: 'ISSUE' as const, note: 'CMS未更新' } : i));
    expect(securityStatus({ checkedOn: TODAY, items: issue }, NOW).openIssues).toEqual(['SOFTWARE_UPDATES']);
    expect(securityStatus({ checkedOn: TODAY, items: allOk() }, NOW).openIssues).toEqual([]);
  });
});

describe('第27条第3項: who reads the checks', () => {
  it.each([
    ['the homepage system manager', true, homepageSystemManager],
    ['the homepage operations manager', true, operationsManager],
    ['the system administrator', true, administrator],
    ['the general manager', true, generalManager],
    ['an information manager', false, shiminManager],
    ['staff', false, shiminStaff],
  ] as const)('%s reads them: %s', (_who, sees, viewer) => {
    expect(mayReadSecurityChecks(viewer, NOW)).toBe(sees);
  });
});
