/** パスワードの管理 (第24条第3項): changed at least once a year; due-soon at 30, 7 and 1 days; overdue after. */
import { addDays } from '../../functions/domain/period';
import { mayRead, mayReadDisclosure, passwordDisclosure, passwordStatus, permitDisclosure, recordChange, recordPasswordChange, statusOfDue } from '../../functions/domain/passwords';
import { administrator, kenkouManager, refusal, shiminManager, shiminStaff } from '../support/domain';

const at = (date: string) => `${date}T01:00:00Z`; // 10:00 in Tokyo

describe('第24条第3項: 年に1回以上更新', () => {
  it('a password changed on 2025-06-15 falls due on 2026-06-15', () => {
    expect(passwordStatus('2025-06-15', at('2026-01-10'))).toEqual({ dueOn: '2026-06-15', daysLeft: 156, state: 'CURRENT', reminder: undefined });
  });

  it.each([
    ['2026-05-16', 30, 30],
    ['2026-05-17', 29, 30],
    ['2026-06-08', 7, 7],
    ['2026-06-14', 1, 1],
    ['2026-06-15', 0, 1],
  ])('on %s, %i days before it falls due, the %i-day reminder is due', (today, daysLeft, reminder) => {
    expect(passwordStatus('2025-06-15', at(today))).toMatchObject({ daysLeft, reminder, state: 'DUE_SOON' });
  });

  it('the day after it falls due, it is overdue', () => {
    expect(passwordStatus('2025-06-15', at('2026-06-16'))).toMatchObject({ state: 'OVERDUE', daysLeft: -1, reminder: 0 });
  });

  it('the interval can be set shorter than a year', () => {
    expect(passwordStatus('2026-01-01', at('2026-04-05'), 90)).toMatchObject({ dueOn: '2026-04-01', state: 'OVERDUE' });
  });

  it('the calendar of Asia/Tokyo decides the day: 23:30 UTC is already the next day', () => {
    expect(passwordStatus('2025-06-15', '2026-06-15T15:30:00Z').state).toBe('OVERDUE');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('recording a change (never the password)', () => {
  const now = at('2026-06-15');
  it('a person records their own change; the system administrator anyone’s; no one else', () => {
    expect(() => recordPasswordChange(shiminStaff, 'shimin-staff', '2026-06-01', undefined, now)).not.toThrow();
    expect(() => recordPasswordChange(administrator, 'shimin-staff', '2026-06-01', undefined, now)).not.toThrow();
    expect(refusal(() => recordPasswordChange(shiminManager, 'shimin-staff', '2026-06-01', undefined, now))).toMatchObject({ code: 'FORBIDDEN', article: '第24条第3項' });
  });

  it('a change in the future, or older than the one recorded, is refused', () => {
    expect(refusal(() => recordPasswordChange(shiminStaff, 'shimin-staff', '2026-06-16', undefined, now))).toMatchObject({ code: 'INVALID_VALUE', field: ['changedOn'] });
    const previous = { personId: 'shimin-staff', systemId: 's', changedOn: '2026-05-01', recordedBy: 'x', version: 1, createdAt: now, updatedAt: now };
    expect(refusal(() => recordPasswordChange(shiminStaff, 'shimin-staff', '2026-04-01', previous, now))).toMatchObject({ code: 'INVALID_VALUE' });
    expect(refusal(() => recordPasswordChange(shiminStaff, 'shimin-staff', '2026-02-30', undefined, now))).toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('the person, the system administrator and their department’s manager read the dates', () => {
    const staff = { id: 'shimin-staff', departmentId: 'shimin' };
    expect([shiminStaff, administrator, shiminManager, kenkouManager].map((a) => mayRead(a, staff, now))).toEqual([true, true, true, false]);
  });
});

describe('第24条第3項: the record of a change, one per person and system', () => {
  const now = at('2026-06-15');
  it('its due date is the change plus the interval in force; later changes keep its creation and raise its version', () => {
    const first = recordChange(shiminStaff, 'shimin-staff', 'juumin', '2026-06-01', undefined, now);
    expect(first).toEqual({ id: 'shimin-staff.juumin', personId: 'shimin-staff', systemId: 'juumin', changedOn: '2026-06-01', dueOn: '2027-06-01', intervalDays: 365, recordedBy: 'shimin-staff', version: 1, createdAt: now, updatedAt: now });
    const later = recordChange(administrator, 'shimin-staff', 'juumin', '2026-06-10', first, at('2026-06-16'), 90);
    expect(later).toMatchObject({ dueOn: '2026-09-08', intervalDays: 90, version: 2, createdAt: now, recordedBy: 'soumu-director' });
  });
  it('the city may shorten the interval, never lengthen it beyond a year', () => {
    expect(refusal(() => recordChange(shiminStaff, 'shimin-staff', 'juumin', '2026-06-01', undefined, now, 400))).toMatchObject({ code: 'INVALID_VALUE', article: '第24条第3項' });
    expect(refusal(() => recordChange(shiminStaff, 'shimin-staff', 'juumin', '2026-06-01', undefined, now, 0))).toMatchObject({ code: 'INVALID_VALUE' });
  });
  it('the status is read from the due date recorded', () => {
    expect(statusOfDue('2026-06-14', now)).toMatchObject({ state: 'OVERDUE', daysLeft: -1 });
    expect(statusOfDue('2026-06-22', now)).toMatchObject({ state: 'DUE_SOON', daysLeft: 7, reminder: 7 });
  });
});

describe('第24条第1項: 情報システム管理者が必要と認める場合を除き、パスワードを他人に教示してはならない', () => {
  const NOW_ = at('2026-06-15');
  const record = recordChange(shiminStaff, 'shimin-staff', 'juumin', '2026-03-01', undefined, at('2026-03-01'));
  const leave = { toldToId: 'shimin-manager', reason: '小林さんの休暇中、証明書交付の端末を引き継ぐため。', disclosedOn: '2026-06-15' };

  it('only the system administrator gives leave; it records who was told, by whom, why — never the password', () => {
    const t = passwordDisclosure.permit(administrator, record, leave, 'd1', NOW_);
    expect(t.record).toEqual({ id: 'd1', personId: 'shimin-staff', systemId: 'juumin', ...leave, changeBy: '2026-06-22', permittedBy: 'soumu-director', permittedAt: NOW_, version: 1, createdAt: NOW_, updatedAt: NOW_ });
    expect(t.changes.map((c) => [c.kind, c.action, c.article])).toEqual([['PasswordDisclosure', 'passwordDisclosure.permitted', '第24条第1項'], ['PasswordRecord', 'passwordRecord.disclosed', '第24条第1項']]);
    expect(JSON.stringify(t)).not.toMatch(/password"\s*:/i);
    for (const who of [shiminManager, shiminStaff, kenkouManager]) expect(refusal(() => permitDisclosure(who, record, leave, 'd1', NOW_))).toMatchObject({ code: 'FORBIDDEN', article: '第24条第1項' });
  });

  it('第24条第3項 brought forward: the told password falls due 7 days after it is told (or on the sooner day given)', () => {
    expect(permitDisclosure(administrator, record, leave, 'd1', NOW_).record).toMatchObject({ dueOn: '2026-06-22', disclosedOn: '2026-06-15', version: 2 });
    expect(permitDisclosure(administrator, record, { ...leave, changeBy: '2026-06-16' }, 'd1', NOW_).record.dueOn).toBe('2026-06-16');
    expect(refusal(() => permitDisclosure(administrator, record, { ...leave, changeBy: '2026-06-23' }, 'd1', NOW_))).toMatchObject({ code: 'INVALID_VALUE', field: ['changeBy'] });
    expect(refusal(() => permitDisclosure(administrator, record, { ...leave, changeBy: '2026-06-14' }, 'd1', NOW_))).toMatchObject({ field: ['changeBy'] });
    // A password already due sooner keeps its day.
    const soon = { ...record, dueOn: '2026-06-18' };
    expect(permitDisclosure(administrator, soon, leave, 'd1', NOW_).record.dueOn).toBe('2026-06-18');
  });

  it('a change made on or after the day told clears it; one recorded from before leaves the told password due', () => {
    const told = permitDisclosure(administrator, record, leave, 'd1', NOW_).record;
    expect(recordChange(shiminStaff, 'shimin-staff', 'juumin', '2026-06-15', told, NOW_)).toMatchObject({ dueOn: '2027-06-15', disclosedOn: undefined });
    expect(recordChange(shiminStaff, 'shimin-staff', 'juumin', '2026-06-10', told, NOW_)).toMatchObject({ changedOn: '2026-06-10', dueOn: '2026-06-22', disclosedOn: '2026-06-15' });
  });

  it('the person told is another; a reason is given; the day told is not before the last change; the record exists', () => {
    expect(refusal(() => permitDisclosure(administrator, record, { ...leave, toldToId: 'shimin-staff' }, 'd1', NOW_))).toMatchObject({ code: 'INVALID_VALUE', field: ['toldToId'] });
    expect(refusal(() => permitDisclosure(administrator, record, { ...leave, reason: ' ' }, 'd1', NOW_))).toMatchObject({ field: ['reason'] });
    expect(refusal(() => permitDisclosure(administrator, record, { ...leave, disclosedOn: '2026-02-28' }, 'd1', NOW_))).toMatchObject({ field: ['disclosedOn'] });
    expect(refusal(() => permitDisclosure(administrator, undefined, leave, 'd1', NOW_))).toMatchObject({ code: 'INVALID_STATE', article: '第24条第1項' });
  });

  it('read by the person told and by whoever reads the teller’s password records; no one else', () => {
    const owner = { id: 'shimin-staff', departmentId: 'shimin' };
    expect(mayReadDisclosure(shiminManager, { toldToId: 'shimin-manager' }, owner, NOW_)).toBe(true);
    expect(mayReadDisclosure(kenkouManager, { toldToId: 'kenkou-manager' }, owner, NOW_)).toBe(true);
    expect(mayReadDisclosure(kenkouManager, { toldToId: 'shimin-manager' }, owner, NOW_)).toBe(false);
    expect(mayReadDisclosure(administrator, { toldToId: 'x' }, owner, NOW_)).toBe(true);
    expect(mayReadDisclosure(shiminStaff, { toldToId: 'x' }, owner, NOW_)).toBe(true);
  });
});
