/**
 * 操作の時間 (第11条): 情報系 all day (第1項), 業務系 within the staff's working hours (第2項); each stops for
 * maintenance (第1号: 情報系 only within a scope and period announced in advance) and on failures (第2号).
 * Fixed instants in Asia/Tokyo: 2026-06-15 is a Monday, 2026-06-14 a Sunday, 2026-01-12 成人の日.
 */
import {
  ServiceInterruption,
  WorkingCalendar,
  announceMaintenance,
  cancelMaintenance,
  dayOf,
  defaultCalendar,
  endInterruption,
  interruptionActions,
  interruptionState,
  nextWorkingInstant,
  recordFailure,
  serviceStatus,
  updateCalendar,
} from '../../functions/domain/operatingHours';
import { EARLIER, actor, administrator, digitalManager, groupware, kenkouManager, refusal, shiminManager, shiminStaff, system } from '../support/domain';

/** An instant given as Tokyo wall-clock time. */
const jst = (local: string) => new Date(`${local}+09:00`).toISOString();

const calendar: WorkingCalendar = { ...defaultCalendar(EARLIER), version: 1 };
const juumin = system({ id: 'juumin', maintenance: { departmentId: 'shimin', basis: 'PROCESSING_DEPARTMENT', assignedBy: 'x', assignedAt: EARLIER } });
const gw = groupware({ maintenance: { departmentId: 'digital', basis: 'DESIGNATED', assignedBy: 'x', assignedAt: EARLIER } });

function interruption(extra: Partial<ServiceInterruption>): ServiceInterruption {
  return { id: 'i1', systemId: 'juumin', kind: 'FAILURE', startsAt: jst('2026-06-15T10:00:00'), description: '障害', version: 1, createdAt: EARLIER, updatedAt: EARLIER, ...extra };
}

describe('第11条第2項: the working calendar (勤務時間条例)', () => {
  it('weekdays 8:30–17:15; Saturday and Sunday are weekly days off (週休日)', () => {
    expect(dayOf(calendar, '2026-06-15')).toEqual({ date: '2026-06-15', hours: { start: '08:30', end: '17:15' } });
    expect(dayOf(calendar, '2026-06-14').closed).toEqual({ date: '2026-06-14', kind: 'WEEKLY_DAY_OFF', name: '日曜日' });
    expect(dayOf(calendar, '2026-06-13').closed).toEqual({ date: '2026-06-13', kind: 'WEEKLY_DAY_OFF', name: '土曜日' });
  });

  it('national holidays are closed, with their names (成人の日, 振替休日, 国民の休日)', () => {
    expect(dayOf(calendar, '2026-01-12').closed).toEqual({ date: '2026-01-12', kind: 'NATIONAL_HOLIDAY', name: '成人の日' });
    expect(dayOf(calendar, '2026-05-06').closed?.name).toBe('こどもの日 振替休日');
    expect(dayOf(calendar, '2026-09-22').closed?.kind).toBe('NATIONAL_HOLIDAY');
    expect(dayOf({ ...calendar, closedOnNationalHolidays: false }, '2026-01-12').hours).toBeDefined();
  });

  it('年末年始 12/29–1/3 recurs every year across the new year; 12/28 and 1/4 are working days; 元日 keeps its holiday name', () => {
    expect(dayOf(calendar, '2026-12-31').closed).toEqual({ date: '2026-12-31', kind: 'CITY_CLOSED_DAY', name: '年末年始' });
    expect(dayOf(calendar, '2027-01-02').closed?.name).toBe('年末年始');
    expect(dayOf(calendar, '2027-01-01').closed?.name).toBe('元日');
    expect(dayOf(calendar, '2026-12-28').hours).toBeDefined();
    expect(dayOf(calendar, '2027-01-04').hours).toBeDefined();
  });

  it("the city's extra closed dates close a working day; extra working dates open any day, with their own hours", () => {
    const c = { ...calendar, extraClosedDates: [{ date: '2026-06-15', name: '庁舎停電' }], extraWorkingDates: [{ date: '2026-06-14', start: '09:00', end: '12:00', note: '選挙' }, { date: '2026-01-12', start: '09:00', end: '12:00' }] };
    expect(dayOf(c, '2026-06-15').closed).toEqual({ date: '2026-06-15', kind: 'CITY_CLOSED_DAY', name: '庁舎停電' });
    expect(dayOf(c, '2026-06-14').hours).toEqual({ start: '09:00', end: '12:00' });
    expect(dayOf(c, '2026-01-12').hours).toEqual({ start: '09:00', end: '12:00' });
  });

  it('only the system administrator updates the calendar; the result is a new version, sorted', () => {
    const input = { ...calendar, weeklyHours: [{ weekday: 'TUESDAY' as const, start: '09:00', end: '17:00' }, { weekday: 'MONDAY' as const, start: '08:30', end: '17:15' }] };
    const after = updateCalendar(administrator, calendar, input, '2026-06-15T00:00:00.000Z');
    expect(after).toMatchObject({ version: 2, updatedBy: 'soumu-director', weeklyHours: [{ weekday: 'MONDAY' }, { weekday: 'TUESDAY' }] });
    for (const who of [shiminManager, digitalManager, shiminStaff]) {
      expect(refusal(() => updateCalendar(who, calendar, input, '2026-06-15T00:00:00.000Z'))).toMatchObject({ code: 'FORBIDDEN', article: '第11条第2項' });
    }
  });

  it.each([
    ['a time not HH:MM', { weeklyHours: [{ weekday: 'MONDAY', start: '8:30', end: '17:15' }] }, 'INVALID_VALUE', ['weeklyHours', '0', 'start']],
    ['an end before the start', { weeklyHours: [{ weekday: 'MONDAY', start: '17:15', end: '08:30' }] }, 'INVALID_VALUE', ['weeklyHours', '0', 'end']],
    ['a weekday twice', { weeklyHours: [{ weekday: 'MONDAY', start: '08:30', end: '17:15' }, { weekday: 'MONDAY', start: '09:00', end: '17:15' }] }, 'DUPLICATE', ['weeklyHours', '1', 'weekday']],
    ['a recurring day not MM-DD', { recurringClosedDays: [{ from: '13-01', until: '01-03', name: 'x' }] }, 'INVALID_VALUE', ['recurringClosedDays', '0', 'from']],
    ['a closed date not a date', { extraClosedDates: [{ date: '2026-02-30', name: 'x' }] }, 'INVALID_VALUE', ['extraClosedDates', '0', 'date']],
    ['a date both closed and working', { extraClosedDates: [{ date: '2026-06-14', name: 'x' }], extraWorkingDates: [{ date: '2026-06-14', start: '09:00', end: '12:00' }] }, 'INVALID_VALUE', ['extraWorkingDates', '0', 'date']],
  ])('refuses %s', (_, change, code, field) => {
    expect(refusal(() => updateCalendar(administrator, calendar, { ...calendar, ...(change as object) }, '2026-06-15T00:00:00.000Z'))).toMatchObject({ code, article: '第11条第2項', field });
  });
});

describe('第11条: is the system in service at T, and if not, why', () => {
  const none: ServiceInterruption[] = [];

  it('第11条第1項: a 情報系 system is in service all day: at 3 a.m. on a Sunday, on 12/31', () => {
    for (const t of ['2026-06-14T03:00:00', '2026-12-31T23:59:00', '2026-01-12T12:00:00']) {
      expect(serviceStatus(gw, calendar, none, jst(t))).toMatchObject({ inService: true, reason: 'ALL_DAY', article: '第11条第1項' });
    }
  });

  it('第11条第2項: a 業務系 system is in service from 08:30 (included) to 17:15 (excluded) on a working day', () => {
    expect(serviceStatus(juumin, calendar, none, jst('2026-06-15T08:29:59'))).toMatchObject({
      inService: false,
      reason: 'OUTSIDE_WORKING_HOURS',
      article: '第11条第2項',
      nextInServiceAt: jst('2026-06-15T08:30:00'),
    });
    expect(serviceStatus(juumin, calendar, none, jst('2026-06-15T08:30:00'))).toMatchObject({ inService: true, reason: 'WORKING_HOURS', article: '第11条第2項' });
    expect(serviceStatus(juumin, calendar, none, jst('2026-06-15T17:14:59'))).toMatchObject({ inService: true, reason: 'WORKING_HOURS' });
    expect(serviceStatus(juumin, calendar, none, jst('2026-06-15T17:15:00'))).toMatchObject({
      inService: false,
      reason: 'OUTSIDE_WORKING_HOURS',
      nextInServiceAt: jst('2026-06-16T08:30:00'),
    });
  });

  it('第11条第2項: on a Sunday it is a closed day (日曜日), next in service Monday 08:30', () => {
    expect(serviceStatus(juumin, calendar, none, jst('2026-06-14T10:00:00'))).toMatchObject({
      inService: false,
      reason: 'CLOSED_DAY',
      article: '第11条第2項',
      closedDay: { kind: 'WEEKLY_DAY_OFF', name: '日曜日' },
      nextInServiceAt: jst('2026-06-15T08:30:00'),
    });
  });

  it('第11条第2項: on a national holiday it is closed with the holiday named; on 12/31 it is 年末年始 until 1/4', () => {
    expect(serviceStatus(juumin, calendar, none, jst('2026-01-12T10:00:00'))).toMatchObject({ reason: 'CLOSED_DAY', closedDay: { kind: 'NATIONAL_HOLIDAY', name: '成人の日' } });
    expect(serviceStatus(juumin, calendar, none, jst('2026-12-31T10:00:00'))).toMatchObject({
      inService: false,
      reason: 'CLOSED_DAY',
      closedDay: { kind: 'CITY_CLOSED_DAY', name: '年末年始' },
      nextInServiceAt: jst('2027-01-04T08:30:00'),
    });
  });

  it('第11条第1項第1号: a 情報系 system is out of service within an announced stop, back at its end', () => {
    const stop = interruption({ systemId: 'groupware', kind: 'MAINTENANCE', scope: '全機能', startsAt: jst('2026-06-13T09:00:00'), endsAt: jst('2026-06-13T18:00:00') });
    expect(serviceStatus(gw, calendar, [stop], jst('2026-06-13T09:00:00'))).toMatchObject({
      inService: false,
      reason: 'MAINTENANCE_STOP',
      article: '第11条第1項第1号',
      interruption: stop,
      nextInServiceAt: jst('2026-06-13T18:00:00'),
    });
    expect(serviceStatus(gw, calendar, [stop], jst('2026-06-13T08:59:59'))).toMatchObject({ inService: true, reason: 'ALL_DAY' });
    expect(serviceStatus(gw, calendar, [stop], jst('2026-06-13T18:00:00'))).toMatchObject({ inService: true, reason: 'ALL_DAY' });
    expect(serviceStatus(gw, calendar, [{ ...stop, cancelled: true }], jst('2026-06-13T10:00:00'))).toMatchObject({ inService: true });
  });

  it('第11条第2項第2号: a failure of a 業務系 system stops it; an ongoing failure gives no next time', () => {
    const failure = interruption({});
    expect(serviceStatus(juumin, calendar, [failure], jst('2026-06-15T11:00:00'))).toMatchObject({
      inService: false,
      reason: 'FAILURE',
      article: '第11条第2項第2号',
      interruption: failure,
      nextInServiceAt: undefined,
    });
    // Ended at 18:00, after hours: next in service the next morning.
    expect(serviceStatus(juumin, calendar, [{ ...failure, endsAt: jst('2026-06-15T18:00:00') }], jst('2026-06-15T11:00:00')).nextInServiceAt).toBe(jst('2026-06-16T08:30:00'));
  });

  it('第11条第1項第2号 over 第1号: where a failure and a stop overlap, the failure is the reason; both are listed; next in service after both', () => {
    const stop = interruption({ id: 'm', systemId: 'groupware', kind: 'MAINTENANCE', startsAt: jst('2026-06-13T09:00:00'), endsAt: jst('2026-06-13T18:00:00') });
    const failure = interruption({ id: 'f', systemId: 'groupware', startsAt: jst('2026-06-13T17:00:00'), endsAt: jst('2026-06-13T20:00:00') });
    const s = serviceStatus(gw, calendar, [stop, failure], jst('2026-06-13T17:30:00'));
    expect(s).toMatchObject({ inService: false, reason: 'FAILURE', article: '第11条第1項第2号', interruption: failure, nextInServiceAt: jst('2026-06-13T20:00:00') });
    expect(s.interruptions.map((i) => i.id).sort()).toEqual(['f', 'm']);
  });

  it('第11条第2項: for 業務系 the working hours come first: a stop on a Sunday leaves the reason CLOSED_DAY (the stop is listed)', () => {
    const stop = interruption({ kind: 'MAINTENANCE', startsAt: jst('2026-06-14T09:00:00'), endsAt: jst('2026-06-15T09:00:00') });
    const s = serviceStatus(juumin, calendar, [stop], jst('2026-06-14T10:00:00'));
    expect(s).toMatchObject({ reason: 'CLOSED_DAY', interruptions: [stop], nextInServiceAt: jst('2026-06-15T09:00:00') });
    expect(serviceStatus(juumin, calendar, [stop], jst('2026-06-15T08:45:00'))).toMatchObject({ reason: 'MAINTENANCE_STOP', article: '第11条第2項第1号' });
  });

  it('第8条: a system not installed, or abolished by then, is not in service; before its abolition it was', () => {
    expect(serviceStatus(system({ status: 'DECIDED' }), calendar, [], jst('2026-06-15T10:00:00'))).toMatchObject({ inService: false, reason: 'NOT_INSTALLED', article: '第8条' });
    const abolished = system({ status: 'ABOLISHED', abolishedAt: jst('2026-06-01T00:00:00') });
    expect(serviceStatus(abolished, calendar, [], jst('2026-06-15T10:00:00'))).toMatchObject({ inService: false, reason: 'ABOLISHED' });
    expect(serviceStatus(abolished, calendar, [], jst('2026-05-15T10:00:00'))).toMatchObject({ inService: true, reason: 'WORKING_HOURS' });
  });

  it('a calendar with no working day gives a 業務系 system no next time', () => {
    expect(nextWorkingInstant({ ...calendar, weeklyHours: [] }, jst('2026-06-15T10:00:00'))).toBeUndefined();
  });
});

describe('第11条各号: announcing stops and recording failures', () => {
  const NOW = jst('2026-06-10T12:00:00');
  const input = { scope: '全機能', startsAt: jst('2026-06-13T09:00:00'), endsAt: jst('2026-06-13T18:00:00'), description: 'OS更新' };

  it('第11条第1項第1号: a 情報系 stop is announced before it starts, with its scope and period', () => {
    expect(announceMaintenance(digitalManager, gw, input, 'm1', NOW)).toMatchObject({ kind: 'MAINTENANCE', scope: '全機能', announcedAt: NOW, announcedBy: 'digital-manager' });
  });

  it('第11条第1項第1号: a 情報系 stop announced once it has started is NOT_IN_ADVANCE', () => {
    expect(refusal(() => announceMaintenance(digitalManager, gw, input, 'm1', input.startsAt))).toMatchObject({ code: 'NOT_IN_ADVANCE', article: '第11条第1項第1号', field: ['startsAt'] });
  });

  it('第11条第2項第1号: a 業務系 stop needs no advance announcement', () => {
    expect(announceMaintenance(shiminManager, juumin, input, 'm1', jst('2026-06-13T10:00:00'))).toMatchObject({ kind: 'MAINTENANCE' });
  });

  it.each([
    ['no scope (範囲)', { scope: '  ' }, ['scope']],
    ['no description', { description: '' }, ['description']],
    ['an end before the start (期間)', { endsAt: jst('2026-06-13T08:00:00') }, ['endsAt']],
  ])('refuses a stop with %s', (_, change, field) => {
    expect(refusal(() => announceMaintenance(digitalManager, gw, { ...input, ...change }, 'm1', NOW))).toMatchObject({ code: 'INVALID_VALUE', article: '第11条第1項第1号', field });
  });

  it('第10条: the information manager of the maintaining department, or the system administrator; others are refused', () => {
    expect(announceMaintenance(administrator, juumin, input, 'm1', NOW).announcedBy).toBe('soumu-director');
    expect(refusal(() => announceMaintenance(kenkouManager, juumin, input, 'm1', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第10条第2項' });
    expect(refusal(() => announceMaintenance(shiminStaff, juumin, input, 'm1', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第10条第2項' });
    // 情報系 owned by 市民課 but maintained by デジタル推進課 (第10条第1項): the owner is not the one.
    const owned = groupware({ owningDepartmentId: 'shimin', maintenance: { departmentId: 'digital', basis: 'DESIGNATED', assignedBy: 'x', assignedAt: EARLIER } });
    expect(refusal(() => announceMaintenance(shiminManager, owned, input, 'm1', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第10条第1項' });
    expect(announceMaintenance(digitalManager, owned, input, 'm1', NOW)).toBeDefined();
    // No maintenance assigned yet: the owning department's manager.
    expect(announceMaintenance(shiminManager, groupware({ owningDepartmentId: 'shimin' }), input, 'm1', NOW)).toBeDefined();
    const former = actor('former', 'shimin', ['INFORMATION_MANAGER', 'shimin', '2026-03-31']);
    expect(refusal(() => announceMaintenance(former, juumin, input, 'm1', NOW)).code).toBe('FORBIDDEN');
  });

  it('an abolished system has no stops to announce', () => {
    expect(refusal(() => announceMaintenance(shiminManager, system({ status: 'ABOLISHED' }), input, 'm1', NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第11条第2項' });
  });

  it('第11条第2項第2号: a failure is recorded once it occurred, and ends when service is restored', () => {
    const f = recordFailure(shiminManager, juumin, { occurredAt: jst('2026-06-10T11:00:00'), description: '帳票サーバ停止' }, 'f1', NOW);
    expect(f).toMatchObject({ kind: 'FAILURE', startsAt: jst('2026-06-10T11:00:00'), recordedBy: 'shimin-manager' });
    expect(f.endsAt).toBeUndefined();
    expect(interruptionState(f, NOW)).toBe('ONGOING');
    expect(interruptionActions(shiminManager, juumin, f, NOW)).toEqual({ end: true, cancel: false });
    expect(refusal(() => recordFailure(shiminManager, juumin, { occurredAt: jst('2026-06-10T13:00:00'), description: 'x' }, 'f1', NOW))).toMatchObject({ code: 'INVALID_VALUE', article: '第11条第2項第2号', field: ['occurredAt'] });
    const ended = endInterruption(shiminManager, juumin, f, jst('2026-06-10T11:45:00'), NOW);
    expect(ended).toMatchObject({ endsAt: jst('2026-06-10T11:45:00'), endedBy: 'shimin-manager', version: 2 });
    expect(interruptionState(ended, NOW)).toBe('ENDED');
    expect(refusal(() => endInterruption(shiminManager, juumin, ended, NOW, NOW))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => endInterruption(shiminManager, juumin, f, jst('2026-06-10T12:30:00'), NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['endedAt'] });
    expect(refusal(() => endInterruption(shiminManager, juumin, f, jst('2026-06-10T10:00:00'), NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['endedAt'] });
    expect(refusal(() => endInterruption(kenkouManager, juumin, f, NOW, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT' });
  });

  it('第11条第1項第1号: a stop under way is cut short, never extended beyond the period announced', () => {
    const m = announceMaintenance(digitalManager, gw, input, 'm1', NOW);
    const during = jst('2026-06-13T12:00:00');
    expect(endInterruption(digitalManager, gw, m, during, during)).toMatchObject({ endsAt: during });
    expect(refusal(() => endInterruption(digitalManager, gw, m, jst('2026-06-13T19:00:00'), during))).toMatchObject({ code: 'INVALID_VALUE', article: '第11条第1項第1号' });
    expect(refusal(() => endInterruption(digitalManager, gw, m, NOW, NOW))).toMatchObject({ code: 'INVALID_STATE' }); // not begun: cancel it
    expect(refusal(() => endInterruption(digitalManager, gw, m, input.endsAt, jst('2026-06-14T00:00:00')))).toMatchObject({ code: 'INVALID_STATE' }); // over
  });

  it('a stop not yet begun is cancelled; one begun, or a failure, is not', () => {
    const m = announceMaintenance(digitalManager, gw, input, 'm1', NOW);
    expect(interruptionActions(digitalManager, gw, m, NOW)).toEqual({ end: false, cancel: true });
    const c = cancelMaintenance(digitalManager, gw, m, '延期', NOW);
    expect(c).toMatchObject({ cancelled: true, cancelledBy: 'digital-manager', cancellationReason: '延期', version: 2 });
    expect(interruptionState(c, NOW)).toBe('CANCELLED');
    expect(refusal(() => cancelMaintenance(digitalManager, gw, c, undefined, NOW)).code).toBe('INVALID_STATE');
    expect(refusal(() => endInterruption(digitalManager, gw, c, NOW, NOW)).code).toBe('INVALID_STATE');
    expect(refusal(() => cancelMaintenance(digitalManager, gw, m, undefined, jst('2026-06-13T10:00:00'))).code).toBe('INVALID_STATE');
    const f = recordFailure(digitalManager, gw, { occurredAt: NOW, description: 'x' }, 'f', NOW);
    expect(refusal(() => cancelMaintenance(digitalManager, gw, f, undefined, NOW)).code).toBe('INVALID_STATE');
    expect(interruptionActions(shiminStaff, gw, m, NOW)).toEqual({ end: false, cancel: false });
  });
});
