/** 通知: what is due goes to the one who must act, once per stage. */
import {
  DueItem,
  Notice,
  addressNotices,
  applicationWaiting,
  dailyDigest,
  dailyDigests,
  equipmentNotReturned,
  holdersOf,
  homepageCheckDue,
  homepageSecurityCheckDue,
  markRead,
  mayMarkRead,
  mayReadNoticesOf,
  noticeId,
  passwordReminder,
  provisionPastPeriod,
  waitingCutoff,
  waitingStage,
} from '../../functions/domain/reminders';
import { Actor, RoleAssignment } from '../../functions/domain/people';
import { Refusal } from '../../functions/domain/refusal';

const NOW = '2026-06-15T00:00:00Z';
const a = (personId: string, role: RoleAssignment['role'], departmentId?: string, validUntil?: string): RoleAssignment => ({
  id: `${personId}-${role}`,
  personId,
  role,
  departmentId,
  validFrom: '2023-04-01',
  validUntil,
  version: 1,
  createdAt: NOW,
});
const CITY = [a('soumu-director', 'SYSTEM_ADMINISTRATOR'), a('shimin-manager', 'INFORMATION_MANAGER', 'shimin'), a('old-shimin', 'INFORMATION_MANAGER', 'shimin', '2026-03-31'), a('soumu-manager', 'HOMEPAGE_OPERATIONS_MANAGER')];

const item = (extra: Partial<DueItem>): DueItem => ({
  kind: 'PASSWORD_OVERDUE',
  subjectType: 'PasswordChange',
  subjectId: 'shimin-staff|demo-juumin',
  dueOn: '2026-06-01',
  stage: 'overdue',
  message: '住民情報システムのパスワードの更新期限を過ぎています。',
  to: { personId: 'shimin-staff' },
  ...extra,
});

describe('addressing notices', () => {
  it('a notice to a person goes to that person, citing the article of its kind', () => {
    const { notices } = addressNotices([item({})], CITY, NOW);
    expect(notices).toEqual([
      expect.objectContaining({ addresseeId: 'shimin-staff', article: '第24条第3項', key: 'PASSWORD_OVERDUE#PasswordChange#shimin-staff|demo-juumin#overdue#shimin-staff', version: 1 }),
    ]);
  });

  it('the id is a hash of what the notice is about: no separator of global ids or audit keys, whatever the subject id holds', () => {
    const { notices } = addressNotices([item({ subjectId: 'a|b#c:d' })], CITY, NOW);
    expect(notices[0].id).toMatch(/^[0-9a-f]{32}$/);
    expect(notices[0].id).toBe(noticeId('shimin-staff', { kind: 'PASSWORD_OVERDUE', subjectType: 'PasswordChange', subjectId: 'a|b#c:d', stage: 'overdue' }));
  });

  it('each person holding the role gets a notice of their own', () => {
    const both = [...CITY, a('acting-hp', 'HOMEPAGE_OPERATIONS_MANAGER')];
    const { notices } = addressNotices([item({ kind: 'HOMEPAGE_CHECK_DUE', to: { role: 'HOMEPAGE_OPERATIONS_MANAGER' } })], both, NOW);
    expect(notices.map((n) => n.addresseeId)).toEqual(['acting-hp', 'soumu-manager']);
    expect(new Set(notices.map((n) => n.id)).size).toBe(2);
  });

  it('a notice to a role goes to whoever holds it today, of that department', () => {
    expect(holdersOf(CITY, 'INFORMATION_MANAGER', NOW, 'shimin')).toEqual(['shimin-manager']);
    const { notices } = addressNotices([item({ kind: 'PROVISION_PAST_PERIOD', to: { role: 'INFORMATION_MANAGER', departmentId: 'shimin' } })], CITY, NOW);
    expect(notices.map((n) => [n.addresseeId, n.article])).toEqual([['shimin-manager', '第15条第4項第4号']]);
  });

  it('a role nobody holds leaves the item unaddressed, not lost', () => {
    const { notices, unaddressed } = addressNotices([item({ to: { role: 'GENERAL_MANAGER' } })], CITY, NOW);
    expect(notices).toEqual([]);
    expect(unaddressed).toHaveLength(1);
  });

  it('the same item at the same stage has the same id (the job may run twice); a new stage is a new notice', () => {
    const first = addressNotices([item({ stage: '7' })], CITY, NOW).notices[0].id;
    expect(addressNotices([item({ stage: '7' })], CITY, '2026-06-16T00:00:00Z').notices[0].id).toBe(first);
    expect(addressNotices([item({ stage: '1' })], CITY, NOW).notices[0].id).not.toBe(first);
  });
});

describe('applications waiting for a decision', () => {
  it('reminded at 14 days, then every further 14', () => {
    expect(waitingStage('2026-06-02T00:00:00Z', NOW)).toBeUndefined();
    expect(waitingStage('2026-06-01T00:00:00Z', NOW)).toBe('waiting-14');
    expect(waitingStage('2026-05-18T00:00:00Z', NOW)).toBe('waiting-28');
  });
});

describe('what falls due', () => {
  it('第15条第4項第4号: a provision past its period goes to the information manager of its department, the day after it ends', () => {
    const p = { id: 'prov-1', title: '健診データの提供', departmentId: 'kenkou', period: { until: '2026-06-14' } };
    expect(provisionPastPeriod({ ...p, period: { until: '2026-06-15' } }, NOW)).toEqual([]);
    expect(provisionPastPeriod(p, NOW)).toEqual([
      expect.objectContaining({ kind: 'PROVISION_PAST_PERIOD', dueOn: '2026-06-14', stage: 'overdue', to: { role: 'INFORMATION_MANAGER', departmentId: 'kenkou' } }),
      expect.objectContaining({ kind: 'PROVISION_PAST_PERIOD', dueOn: '2026-06-14', stage: 'overdue', to: { role: 'GENERAL_MANAGER' } }),
    ]);
  });

  it('第27条第2項第2号: a page due for its check goes to the homepage operations manager; the due date is the stage', () => {
    expect(homepageCheckDue({ id: 'p', title: '住民票' }, '2026-06-16', NOW)).toBeUndefined();
    expect(homepageCheckDue({ id: 'p', title: '住民票' }, '2026-06-15', NOW)).toMatchObject({ kind: 'HOMEPAGE_CHECK_DUE', stage: '2026-06-15', to: { role: 'HOMEPAGE_OPERATIONS_MANAGER' } });
  });

  it('第27条第3項第1号: the homepage system\'s security check is reminded to the homepage system manager from 90 days after the last, naming open issues', () => {
    const check = (checkedOn: string, issue = false) => ({
      id: 'c1',
      checkedOn,
      items: [{ item: 'SOFTWARE_UPDATES' as const, result: issue ? ('ISSUE' as const) : ('OK' as const), note: issue ? 'CMSの更新が未適用' : undefined }],
    });
    expect(homepageSecurityCheckDue(check('2026-03-18'), NOW)).toBeUndefined(); // due 2026-06-16
    const due = homepageSecurityCheckDue(check('2026-03-17', true), NOW);
    expect(due).toMatchObject({ kind: 'HOMEPAGE_SECURITY_CHECK_DUE', subjectType: 'HomepageSecurityCheck', subjectId: 'c1', dueOn: '2026-06-15', stage: '2026-06-15', to: { role: 'HOMEPAGE_SYSTEM_MANAGER' } });
    expect(due!.message).toBe('ホームページシステムのセキュリティ点検の期限(令和8年6月15日、前回令和8年3月17日から90日)が来ています。点検して記録してください。未解消の指摘事項: CMS・OS等の更新適用/脆弱性対策。');
    expect(homepageSecurityCheckDue(undefined, NOW)).toMatchObject({ stage: 'never-checked', subjectType: 'HomepageSystem', message: 'ホームページシステムのセキュリティ点検が記録されていません。点検して記録してください。' });
  });

  it('第24条第3項: a password is reminded 30, 7 and 1 days before it falls due, then as overdue, to the person', () => {
    const r = (dueOn: string) => ({ id: 'pw', personId: 'shimin-staff', systemId: 'demo-juumin', changedOn: '2025-07-01', dueOn });
    // 2026-06-15 in Tokyo is the day of NOW.
    expect(passwordReminder(r('2026-07-16'), NOW)).toBeUndefined();
    expect(passwordReminder(r('2026-07-15'), NOW)).toMatchObject({ kind: 'PASSWORD_DUE_SOON', stage: '30', to: { personId: 'shimin-staff' } });
    expect(passwordReminder(r('2026-06-22'), NOW)).toMatchObject({ kind: 'PASSWORD_DUE_SOON', stage: '7' });
    expect(passwordReminder(r('2026-06-16'), NOW)).toMatchObject({ kind: 'PASSWORD_DUE_SOON', stage: '1' });
    expect(passwordReminder(r('2026-06-15'), NOW)).toMatchObject({ kind: 'PASSWORD_DUE_SOON', stage: '1' });
    expect(passwordReminder(r('2026-06-14'), NOW)).toMatchObject({ kind: 'PASSWORD_OVERDUE', stage: 'overdue', dueOn: '2026-06-14' });
  });

  it('第25条第3号: equipment not returned by the end of its period goes to the one who took it out', () => {
    const e = { id: 'ex', requestedBy: 'shimin-staff', device: 'ノートPC 03', period: { from: '2026-06-01', until: '2026-06-14' } };
    expect(equipmentNotReturned({ ...e, period: { until: '2026-06-15' } }, NOW)).toBeUndefined();
    expect(equipmentNotReturned(e, NOW)).toMatchObject({ kind: 'EQUIPMENT_NOT_RETURNED', stage: 'overdue', to: { personId: 'shimin-staff' } });
  });

  it.each([
    ['FORM_1', '第7条'],
    ['FORM_2', '第8条'],
    ['FORM_3', '第9条'],
    ['FORM_5', '第12条第2項'],
    ['FORM_6', '第14条'],
    ['FORM_8', '第15条第1項'],
    ['FORM_10', '第27条第4項第4号'],
    ['FORM_11', '第28条'],
  ])('a waiting application of %s cites %s', (form, article) => {
    const w = applicationWaiting({ id: 'x', entity: 'Consultation', form, submittedAt: '2026-05-31T15:00:00.000Z' }, { role: 'SYSTEM_ADMINISTRATOR' }, NOW);
    expect(w).toMatchObject({ kind: 'APPLICATION_WAITING', article, stage: 'waiting-14', subjectType: 'Consultation', dueOn: '2026-06-15' });
    expect(addressNotices([w as DueItem], CITY, NOW).notices[0].article).toBe(article);
  });

  it('the inbox is read up to the start (Asia/Tokyo) of the 13th day before today: exactly what has waited 14 days', () => {
    const cutoff = waitingCutoff(NOW); // 2026-06-02 00:00 in Tokyo
    expect(cutoff).toBe('2026-06-01T15:00:00.000Z');
    expect(waitingStage('2026-06-01T14:59:59.999Z', NOW)).toBe('waiting-14');
    expect(waitingStage(cutoff, NOW)).toBeUndefined();
  });
});

describe('reading notices', () => {
  const actor = (personId: string, roles: RoleAssignment[] = []): Actor => ({
    person: { id: personId, name: personId, departmentId: 'shimin' } as Actor['person'],
    roles,
  });
  const notice = addressNotices([item({})], CITY, NOW).notices[0] as Notice;

  it('the addressee marks a notice read, once', () => {
    const read = markRead(actor('shimin-staff'), notice, '2026-06-16T00:00:00Z');
    expect(read).toMatchObject({ readAt: '2026-06-16T00:00:00Z', version: 2 });
    expect(mayMarkRead(actor('shimin-staff'), notice)).toBe(true);
    expect(mayMarkRead(actor('shimin-staff'), read)).toBe(false);
    expect(() => markRead(actor('shimin-staff'), read, NOW)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });

  it('no one else marks it read, not even the system administrator', () => {
    const sa = actor('soumu-director', [a('soumu-director', 'SYSTEM_ADMINISTRATOR')]);
    expect(() => markRead(sa, notice, NOW)).toThrow(Refusal);
    expect(() => markRead(sa, notice, NOW)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', article: '第24条第3項' }));
    expect(mayMarkRead(sa, notice)).toBe(false);
  });

  it('a person reads their own notices; the system administrator reads anyone\'s', () => {
    expect(mayReadNoticesOf(actor('shimin-staff'), 'shimin-staff', NOW)).toBe(true);
    expect(mayReadNoticesOf(actor('kenkou-staff'), 'shimin-staff', NOW)).toBe(false);
    expect(mayReadNoticesOf(actor('soumu-director', [a('soumu-director', 'SYSTEM_ADMINISTRATOR')]), 'shimin-staff', NOW)).toBe(true);
  });
});

describe('the day’s digest: a person’s reminders of one day in one mail', () => {
  const { notices } = addressNotices(
    [
      item({ kind: 'PASSWORD_DUE_SOON', stage: '7', dueOn: '2026-06-22', message: '住民情報システムのパスワードの変更期限(令和8年6月22日)まであと7日です。' }),
      item({ kind: 'EQUIPMENT_NOT_RETURNED', subjectType: 'ProhibitedActException', subjectId: 'ex-1', dueOn: '2026-06-14', message: '持ち出した機器「ノートPC 03」の返却期限(令和8年6月14日)を過ぎています。' }),
      item({ kind: 'HOMEPAGE_CHECK_DUE', subjectType: 'HomepagePage', subjectId: 'page-1', stage: '2026-06-15', dueOn: '2026-06-15', to: { role: 'HOMEPAGE_OPERATIONS_MANAGER' } }),
    ],
    CITY,
    NOW,
  );

  it('one digest for each person with reminders recorded today, listing theirs oldest due first, its dates 和暦', () => {
    const digests = dailyDigests(notices, NOW);
    expect(digests.map((d) => [d.addresseeId, d.kind])).toEqual([
      ['shimin-staff', 'DAILY_DIGEST'],
      ['soumu-manager', 'DAILY_DIGEST'],
    ]);
    const [staff] = digests;
    expect(staff).toMatchObject({ subjectType: 'Person', subjectId: 'shimin-staff', dueOn: '2026-06-15', stage: '2026-06-15', title: '令和8年6月15日の通知(2件)', article: '第25条第3号、第24条第3項' });
    expect(staff.message).toBe(
      [
        '令和8年6月15日の通知は次の2件です。',
        '',
        '■ 持ち出した機器が返却されていません(第25条第3号)',
        '持ち出した機器「ノートPC 03」の返却期限(令和8年6月14日)を過ぎています。',
        '',
        '■ パスワードの変更期限が近づいています(第24条第3項)',
        '住民情報システムのパスワードの変更期限(令和8年6月22日)まであと7日です。',
      ].join('\n'),
    );
  });

  it('its id is made from the person and the day: a second run that day finds it recorded; the next day is another', () => {
    const [first] = dailyDigests(notices, NOW);
    expect(dailyDigest('shimin-staff', notices.slice(0, 1), '2026-06-15T10:00:00Z').id).toBe(first.id);
    expect(dailyDigest('shimin-staff', notices.slice(0, 1), '2026-06-15T15:00:00Z').id).not.toBe(first.id); // 2026-06-16 in Tokyo
  });

  it('reminders recorded on an earlier day, and notices that are not reminders, are not in it', () => {
    const yesterday = notices.map((n) => ({ ...n, createdAt: '2026-06-14T00:00:00Z' }));
    expect(dailyDigests(yesterday, NOW)).toEqual([]);
    const outbox: Notice = { ...notices[0], id: 'x', kind: 'APPLICATION_DECIDED', title: '申請が承認されました' };
    expect(dailyDigests([outbox], NOW)).toEqual([]);
  });
});
