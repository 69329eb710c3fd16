/**
 * 操作の時間 (第11条). 情報系 systems are operated all day (第1項); 業務系 systems within the staff's working hours
 * under the city's 勤務時間条例 (第2項). Either stops for maintenance (第1号: for 情報系 only within a scope and period
 * announced in advance) and on a failure or accident (第2号). The working hours are data: one working calendar of
 * the city (weekly hours, national holidays, 年末年始 and the city's own closed and working days), kept by the
 * system administrator. Whether a system is in service at an instant is a pure function of the system, the
 * calendar, its interruptions and the instant (`serviceStatus`).
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { advance, alongWith, changeOf } from './change';
import { tell } from './notices';
import { OperatorDesignation, isDesignatedOn } from './operators';
import { Actor, RoleAssignment, assertInformationManagerOf, holdersOf, holds, tokyoDate } from './people';
import { addDays, isDate, warekiTime } from './period';
import { refuse } from './refusal';
import { SystemRecord, operatingHours } from './systems';

// ─── The working calendar (第11条第2項: 勤務時間、休暇等に関する条例) ─────────────────────────────────────────────

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const WEEKDAY_JA: Record<Weekday, string> = {
  MONDAY: '月曜日',
  TUESDAY: '火曜日',
  WEDNESDAY: '水曜日',
  THURSDAY: '木曜日',
  FRIDAY: '金曜日',
  SATURDAY: '土曜日',
  SUNDAY: '日曜日',
};

/** The city's one calendar. Times are wall-clock times in Asia/Tokyo (UTC+9, no daylight saving). */
export const CALENDAR_ID = 'city';
export const TIME_ZONE = 'Asia/Tokyo';
const TOKYO_OFFSET_MS = 9 * 3600_000;

export interface DailyHours {
  /** HH:MM, inclusive. */
  start: string;
  /** HH:MM, exclusive (17:15 is already outside). */
  end: string;
}

export interface WeeklyHours extends DailyHours {
  weekday: Weekday;
}

/** A closed period that recurs every year (年末年始 12-29 to 01-03), MM-DD inclusive, wrapping the new year. */
export interface RecurringClosedDays {
  from: string;
  until: string;
  name: string;
}

export interface ClosedDate {
  date: string;
  name: string;
}

/** A day the city works though the calendar would close it (a Sunday election, say), with its hours. */
export interface WorkingDate extends DailyHours {
  date: string;
  note?: string;
}

export interface WorkingCalendar {
  id: string;
  weeklyHours: WeeklyHours[];
  /** 国民の祝日 (and 振替休日・国民の休日) are closed days: 休日 of the 条例. */
  closedOnNationalHolidays: boolean;
  recurringClosedDays: RecurringClosedDays[];
  extraClosedDates: ClosedDate[];
  extraWorkingDates: WorkingDate[];
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy?: string;
}

export type CalendarInput = Pick<WorkingCalendar, 'weeklyHours' | 'closedOnNationalHolidays' | 'recurringClosedDays' | 'extraClosedDates' | 'extraWorkingDates'>;

/** 8:30–17:15 on weekdays, national holidays and 年末年始 closed: until the administrator says otherwise. */
export function defaultCalendar(now = ''): WorkingCalendar {
  return {
    id: CALENDAR_ID,
    weeklyHours: (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((weekday) => ({ weekday, start: '08:30', end: '17:15' })),
    closedOnNationalHolidays: true,
    recurringClosedDays: [{ from: '12-29', until: '01-03', name: '年末年始' }],
    extraClosedDates: [],
    extraWorkingDates: [],
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
}

const CALENDAR_ARTICLE = '第11条第2項';
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const MMDD = /^(\d{2})-(\d{2})$/;

/** Who keeps the calendar is not named: the city gives it to the system administrator (第4条), as the register. */
export function mayUpdateCalendar(actor: Actor, now: string): boolean {
  return holds(actor, 'SYSTEM_ADMINISTRATOR', now);
}

function validHours(h: DailyHours, field: string[]): void {
  if (!HHMM.test(h.start)) refuse('INVALID_VALUE', ['start (開始時刻) は HH:MM (00:00〜23:59) で入力してください。', 'start is a time HH:MM (00:00–23:59).'], CALENDAR_ARTICLE, [...field, 'start']);
  if (!HHMM.test(h.end)) refuse('INVALID_VALUE', ['end (終了時刻) は HH:MM (00:00〜24:00) で入力してください。', 'end is a time HH:MM (00:00–24:00).'], CALENDAR_ARTICLE, [...field, 'end']);
  if (h.end <= h.start) refuse('INVALID_VALUE', ['勤務時間の終了時刻が開始時刻より前になっています。', 'The working day ends after it starts.'], CALENDAR_ARTICLE, [...field, 'end']);
}

function validMonthDay(s: string, field: string[]): void {
  const m = MMDD.exec(s);
  const ok = m && isDate(`2024-${s}`); // a leap year, so 02-29 is a month-day
  if (!ok) refuse('INVALID_VALUE', ['毎年の休日は MM-DD で入力してください。', 'A recurring day is MM-DD.'], CALENDAR_ARTICLE, field);
}

/** 第11条第2項: the administrator sets the working hours the 業務系 systems keep. */
export function updateCalendar(actor: Actor, current: WorkingCalendar, input: CalendarInput, now: string): WorkingCalendar {
  if (!mayUpdateCalendar(actor, now)) {
    refuse('FORBIDDEN', ['勤務時間の暦は情報システム管理者が定めます。', 'Only the system administrator keeps the working calendar.'], CALENDAR_ARTICLE);
  }
  const seen = new Set<Weekday>();
  input.weeklyHours.forEach((h, i) => {
    if (seen.has(h.weekday)) refuse('DUPLICATE', [`${WEEKDAY_JA[h.weekday]}が重複して指定されています。`, `${h.weekday} is given twice.`], CALENDAR_ARTICLE, ['weeklyHours', String(i), 'weekday']);
    seen.add(h.weekday);
    validHours(h, ['weeklyHours', String(i)]);
  });
  input.recurringClosedDays.forEach((r, i) => {
    validMonthDay(r.from, ['recurringClosedDays', String(i), 'from']);
    validMonthDay(r.until, ['recurringClosedDays', String(i), 'until']);
    if (!r.name.trim()) refuse('INVALID_VALUE', ['休日の名称を入力してください (例: 年末年始)。', 'Name the closed days (e.g. the New Year holidays).'], CALENDAR_ARTICLE, ['recurringClosedDays', String(i), 'name']);
  });
  const closed = new Set<string>();
  input.extraClosedDates.forEach((c, i) => {
    if (!isDate(c.date)) refuse('INVALID_VALUE', ['date (日付) は YYYY-MM-DD で入力してください。', 'date is YYYY-MM-DD.'], CALENDAR_ARTICLE, ['extraClosedDates', String(i), 'date']);
    if (closed.has(c.date)) refuse('DUPLICATE', [`${c.date} が重複して指定されています。`, `${c.date} is given twice.`], CALENDAR_ARTICLE, ['extraClosedDates', String(i), 'date']);
    if (!c.name.trim()) refuse('INVALID_VALUE', ['その日を閉庁とする理由を入力してください。', 'Say why the city is closed that day.'], CALENDAR_ARTICLE, ['extraClosedDates', String(i), 'name']);
    closed.add(c.date);
  });
  const working = new Set<string>();
  input.extraWorkingDates.forEach((w, i) => {
    if (!isDate(w.date)) refuse('INVALID_VALUE', ['date (日付) は YYYY-MM-DD で入力してください。', 'date is YYYY-MM-DD.'], CALENDAR_ARTICLE, ['extraWorkingDates', String(i), 'date']);
    if (working.has(w.date)) refuse('DUPLICATE', [`${w.date} が重複して指定されています。`, `${w.date} is given twice.`], CALENDAR_ARTICLE, ['extraWorkingDates', String(i), 'date']);
    if (closed.has(w.date)) refuse('INVALID_VALUE', [`${w.date} が閉庁日と勤務日の両方に指定されています。`, `${w.date} is both a closed and a working date.`], CALENDAR_ARTICLE, ['extraWorkingDates', String(i), 'date']);
    validHours(w, ['extraWorkingDates', String(i)]);
    working.add(w.date);
  });
  const byDate = <T extends { date: string }>(xs: T[]) => [...xs].sort((a, b) => a.date.localeCompare(b.date));
  return advance(current, {
    weeklyHours: input.weeklyHours.map((h) => ({ weekday: h.weekday, start: h.start, end: h.end })).sort((a, b) => WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday)),
    closedOnNationalHolidays: input.closedOnNationalHolidays,
    recurringClosedDays: input.recurringClosedDays.map((r) => ({ from: r.from, until: r.until, name: r.name.trim() })),
    extraClosedDates: byDate(input.extraClosedDates.map((c) => ({ date: c.date, name: c.name.trim() }))),
    extraWorkingDates: byDate(input.extraWorkingDates.map((w) => ({ date: w.date, start: w.start, end: w.end, note: w.note?.trim() || undefined }))),
    createdAt: current.version === 0 ? now : current.createdAt,
    updatedBy: actor.person.id,
  }, now);
}

// ─── Days and instants in Asia/Tokyo ────────────────────────────────────────────────────────────────────────────

const HOLIDAYS = holidayJp.holidays as unknown as Record<string, { name: string } | undefined>;

/** 国民の祝日・振替休日・国民の休日 of that date (from @holiday-jp/holiday_jp, 1970–2050). */
export function nationalHoliday(date: string): string | undefined {
  return HOLIDAYS[date]?.name;
}

interface Local {
  date: string;
  /** Minutes since midnight. */
  minutes: number;
  weekday: Weekday;
}

function local(instant: string): Local {
  const t = new Date(Date.parse(instant) + TOKYO_OFFSET_MS);
  return {
    date: t.toISOString().slice(0, 10),
    minutes: t.getUTCHours() * 60 + t.getUTCMinutes() + t.getUTCSeconds() / 60 + t.getUTCMilliseconds() / 60000,
    weekday: WEEKDAYS[(t.getUTCDay() + 6) % 7],
  };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant (ISO, UTC) of a wall-clock time on a date in Tokyo. */
export function instantOf(date: string, hhmm: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - TOKYO_OFFSET_MS + minutesOf(hhmm) * 60_000).toISOString();
}


function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
}

function inRecurring(r: RecurringClosedDays, monthDay: string): boolean {
  return r.from <= r.until ? r.from <= monthDay && monthDay <= r.until : monthDay >= r.from || monthDay <= r.until;
}

export const CLOSED_DAY_KINDS = ['WEEKLY_DAY_OFF', 'NATIONAL_HOLIDAY', 'CITY_CLOSED_DAY'] as const;
export type ClosedDayKind = (typeof CLOSED_DAY_KINDS)[number];

export interface ClosedDay {
  date: string;
  kind: ClosedDayKind;
  /** 日曜日, 成人の日, 年末年始, …. */
  name: string;
}

export type Day = { date: string; hours: DailyHours; closed?: undefined } | { date: string; hours?: undefined; closed: ClosedDay };

/**
 * What a date is in the calendar. A working date the administrator added wins over everything; then the city's
 * own closed dates, national holidays, the recurring closed days (年末年始), and the weekly days off (週休日).
 */
export function dayOf(calendar: WorkingCalendar, date: string): Day {
  const working = calendar.extraWorkingDates.find((w) => w.date === date);
  if (working) return { date, hours: { start: working.start, end: working.end } };
  const extra = calendar.extraClosedDates.find((c) => c.date === date);
  if (extra) return { date, closed: { date, kind: 'CITY_CLOSED_DAY', name: extra.name } };
  const holiday = calendar.closedOnNationalHolidays ? nationalHoliday(date) : undefined;
  if (holiday) return { date, closed: { date, kind: 'NATIONAL_HOLIDAY', name: holiday } };
  const recurring = calendar.recurringClosedDays.find((r) => inRecurring(r, date.slice(5)));
  if (recurring) return { date, closed: { date, kind: 'CITY_CLOSED_DAY', name: recurring.name } };
  const weekday = weekdayOf(date);
  const hours = calendar.weeklyHours.find((h) => h.weekday === weekday);
  if (hours) return { date, hours: { start: hours.start, end: hours.end } };
  return { date, closed: { date, kind: 'WEEKLY_DAY_OFF', name: WEEKDAY_JA[weekday] } };
}

/** Whether the instant falls within working hours (start inclusive, end exclusive). */
export function withinWorkingHours(calendar: WorkingCalendar, at: string): boolean {
  const l = local(at);
  const day = dayOf(calendar, l.date);
  return !!day.hours && minutesOf(day.hours.start) <= l.minutes && l.minutes < minutesOf(day.hours.end);
}

/** How far ahead the next working hour is looked for: a calendar with no working day answers no time. */
const HORIZON_DAYS = 400;

/** The first instant at or after `at` within working hours, or undefined within the horizon. */
export function nextWorkingInstant(calendar: WorkingCalendar, at: string): string | undefined {
  const l = local(at);
  for (let n = 0; n <= HORIZON_DAYS; n++) {
    const date = addDays(l.date, n);
    const day = dayOf(calendar, date);
    if (!day.hours) continue;
    if (n === 0) {
      if (l.minutes >= minutesOf(day.hours.end)) continue;
      if (l.minutes >= minutesOf(day.hours.start)) return at;
    }
    return instantOf(date, day.hours.start);
  }
  return undefined;
}

// ─── Service interruptions (第11条第1項各号・第2項各号) ─────────────────────────────────────────────────────────

export const INTERRUPTION_KINDS = ['MAINTENANCE', 'FAILURE'] as const;
export type InterruptionKind = (typeof INTERRUPTION_KINDS)[number];

export interface ServiceInterruption {
  id: string;
  systemId: string;
  kind: InterruptionKind;
  /** 範囲: what is stopped (the whole system, a function, a site). */
  scope?: string;
  startsAt: string;
  /** Absent while a failure goes on. */
  endsAt?: string;
  description: string;
  /** MAINTENANCE: when and by whom it was announced (周知). */
  announcedAt?: string;
  announcedBy?: string;
  /** FAILURE: who recorded it. */
  recordedBy?: string;
  /** A failure ended, or a stop cut short. */
  endedBy?: string;
  cancelled?: boolean;
  cancelledAt?: string;
  cancelledBy?: string;
  cancellationReason?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const INTERRUPTION_STATES = ['SCHEDULED', 'ONGOING', 'ENDED', 'CANCELLED'] as const;
export type InterruptionState = (typeof INTERRUPTION_STATES)[number];
/** Where a stop stands, as a message in Japanese says it. */
const INTERRUPTION_STATE_JA: Record<InterruptionState, string> = { SCHEDULED: '開始前', ONGOING: '停止中', ENDED: '終了済み', CANCELLED: '取消済み' };

export function interruptionState(i: ServiceInterruption, now: string): InterruptionState {
  if (i.cancelled) return 'CANCELLED';
  if (now < i.startsAt) return 'SCHEDULED';
  if (i.endsAt === undefined || now < i.endsAt) return 'ONGOING';
  return 'ENDED';
}

/** Whether the interruption covers the instant: [startsAt, endsAt), open-ended while a failure goes on. */
export function covers(i: ServiceInterruption, at: string): boolean {
  return !i.cancelled && i.startsAt <= at && (i.endsAt === undefined || at < i.endsAt);
}

/** The article of an interruption of this system: 第11条第1項第1号 … 第11条第2項第2号. */
export function interruptionArticle(system: Pick<SystemRecord, 'category'>, kind: InterruptionKind): string {
  return `${operatingHours(system.category).article}第${kind === 'MAINTENANCE' ? 1 : 2}号`;
}

/** 第10条: who develops and maintains the system: the department designated (第1項), processing (第2項) or agreed (第3項). */
function maintenanceArticle(system: SystemRecord): string {
  const basis = system.maintenance?.basis;
  if (basis === 'AGREED_OVERRIDE') return '第10条第3項';
  if (basis === 'DESIGNATED') return '第10条第1項';
  if (basis === 'PROCESSING_DEPARTMENT') return '第10条第2項';
  return system.category === 'INFORMATION' ? '第10条第1項' : '第10条第2項';
}

/** The department that maintains the system (第10条), or, while none is assigned, the owning department. */
export function maintainingDepartment(system: SystemRecord): string {
  return system.maintenance?.departmentId ?? system.owningDepartmentId;
}

export function mayManageInterruptions(actor: Actor, system: SystemRecord, now: string): boolean {
  return holds(actor, 'SYSTEM_ADMINISTRATOR', now) || holds(actor, 'INFORMATION_MANAGER', now, maintainingDepartment(system));
}

/**
 * 第10条: stops and failures are announced and recorded by whoever maintains the system: the information manager
 * of the maintaining department, or the system administrator.
 */
export function assertMayManageInterruptions(actor: Actor, system: SystemRecord, now: string, field: string[] = ['systemId']): void {
  if (holds(actor, 'SYSTEM_ADMINISTRATOR', now)) return;
  assertInformationManagerOf(actor, [maintainingDepartment(system)], now, maintenanceArticle(system), field, ['システムのサービス停止を周知し、障害を記録する (情報システム管理者も可)', "announce the system's stops and record its failures (or the system administrator)"]);
}

function assertNotAbolished(system: SystemRecord): void {
  if (system.status === 'ABOLISHED') {
    refuse('INVALID_STATE', ['廃止されたシステムです。停止すべき運用時間がありません。', 'The system is abolished: it has no operating time to stop.'], operatingHours(system.category).article, ['systemId']);
  }
}

export interface MaintenanceInput {
  scope: string;
  startsAt: string;
  endsAt: string;
  description: string;
}

/**
 * 第11条第1項第1号: a 情報系 system stops for maintenance only within a scope and period announced in advance
 * (あらかじめ周知した範囲及び期間), so the announcement must come before the stop starts. 第11条第2項第1号 asks no
 * advance announcement of a 業務系 stop; it is recorded all the same, with its scope and period.
 */
export function announceMaintenance(actor: Actor, system: SystemRecord, input: MaintenanceInput, id: string, now: string): ServiceInterruption {
  assertMayManageInterruptions(actor, system, now);
  assertNotAbolished(system);
  const article = interruptionArticle(system, 'MAINTENANCE');
  const scope = input.scope.trim();
  if (!scope) refuse('INVALID_VALUE', ['サービス停止の範囲を入力してください。', 'State the scope of the stop.'], article, ['scope']);
  if (!input.description.trim()) refuse('INVALID_VALUE', ['保守の内容を入力してください。', 'Describe the maintenance.'], article, ['description']);
  if (input.endsAt <= input.startsAt) refuse('INVALID_VALUE', ['停止期間の終了が開始より前になっています。', 'The stop ends after it starts.'], article, ['endsAt']);
  if (system.category === 'INFORMATION' && now >= input.startsAt) {
    refuse(
      'NOT_IN_ADVANCE',
      ['情報系システムのサービス停止は、あらかじめ周知してください。この停止は既に始まっています。', 'A stop of an information-category system is announced in advance: this one has already started.'],
      article,
      ['startsAt'],
    );
  }
  return {
    id,
    systemId: system.id,
    kind: 'MAINTENANCE',
    scope,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    description: input.description.trim(),
    announcedAt: now,
    announcedBy: actor.person.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** 第11条第1項第2号・第2項第2号: a failure or accident stops the system from when it occurred until it is ended. */
export function recordFailure(
  actor: Actor,
  system: SystemRecord,
  input: { occurredAt: string; description: string; scope?: string },
  id: string,
  now: string,
): ServiceInterruption {
  assertMayManageInterruptions(actor, system, now);
  assertNotAbolished(system);
  const article = interruptionArticle(system, 'FAILURE');
  if (input.occurredAt > now) refuse('INVALID_VALUE', ['障害は発生した後に記録します。occurredAt に未来の日時は入力できません。', 'A failure is recorded once it has occurred: occurredAt is in the future.'], article, ['occurredAt']);
  if (!input.description.trim()) refuse('INVALID_VALUE', ['障害又は事故の内容を入力してください。', 'Describe the failure or accident.'], article, ['description']);
  return {
    id,
    systemId: system.id,
    kind: 'FAILURE',
    scope: input.scope?.trim() || undefined,
    startsAt: input.occurredAt,
    description: input.description.trim(),
    recordedBy: actor.person.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A failure ends when service is restored (at or before now); a maintenance stop under way may be cut short, never
 * extended: a longer 情報系 stop would go beyond the period announced (第11条第1項第1号), so it is a new announcement.
 */
export function endInterruption(actor: Actor, system: SystemRecord, i: ServiceInterruption, endedAt: string, now: string): ServiceInterruption {
  assertMayManageInterruptions(actor, system, now, ['interruptionId']);
  const article = interruptionArticle(system, i.kind);
  const state = interruptionState(i, now);
  if (state === 'CANCELLED') refuse('INVALID_STATE', ['このサービス停止は取り消されています。', 'The stop was cancelled.'], article, ['interruptionId']);
  if (i.kind === 'FAILURE') {
    if (i.endsAt !== undefined) refuse('INVALID_STATE', ['この障害は既に終了しています。', 'The failure has already ended.'], article, ['interruptionId']);
    if (endedAt < i.startsAt) refuse('INVALID_VALUE', ['endedAt (終了日時) が障害の発生より前になっています。', 'endedAt is before the failure occurred.'], article, ['endedAt']);
    if (endedAt > now) refuse('INVALID_VALUE', ['障害はサービスが復旧した時点で終了します。endedAt に未来の日時は入力できません。', 'A failure ends when service is restored: endedAt is in the future.'], article, ['endedAt']);
  } else {
    if (state === 'SCHEDULED') refuse('INVALID_STATE', ['この停止はまだ始まっていません。終了ではなく取消しをしてください。', 'The stop has not started: cancel it instead.'], article, ['interruptionId']);
    if (state === 'ENDED') refuse('INVALID_STATE', ['この停止は既に終わっています。', 'The stop is already over.'], article, ['interruptionId']);
    if (endedAt < i.startsAt) refuse('INVALID_VALUE', ['endedAt (終了日時) が停止の開始より前になっています。', 'endedAt is before the stop started.'], article, ['endedAt']);
    if (endedAt >= (i.endsAt as string)) {
      refuse('INVALID_VALUE', ['停止は周知した期間より短くすることはできますが、延長はできません。新たに停止を周知してください。', 'A stop is cut short, never extended beyond the period announced: announce a new stop.'], article, ['endedAt']);
    }
  }
  return advance(i, { endsAt: endedAt, endedBy: actor.person.id }, now);
}

/** A maintenance stop not yet begun may be called off; one under way is cut short with endServiceInterruption. */
export function cancelMaintenance(actor: Actor, system: SystemRecord, i: ServiceInterruption, reason: string | undefined, now: string): ServiceInterruption {
  assertMayManageInterruptions(actor, system, now, ['interruptionId']);
  const article = interruptionArticle(system, i.kind);
  if (i.kind !== 'MAINTENANCE') refuse('INVALID_STATE', ['取り消せるのは保守のための停止のみです。障害は終了として記録してください。', 'Only a maintenance stop is cancelled; a failure is ended.'], article, ['interruptionId']);
  const state = interruptionState(i, now);
  if (state !== 'SCHEDULED') refuse('INVALID_STATE', [`この停止は${INTERRUPTION_STATE_JA[state]}です。取り消せるのは開始前の停止のみです。`, `The stop is ${state.toLowerCase()}: only one not yet begun is cancelled.`], article, ['interruptionId']);
  return advance(i, { cancelled: true, cancelledAt: now, cancelledBy: actor.person.id, cancellationReason: reason?.trim() || undefined }, now);
}

export function interruptionActions(actor: Actor, system: SystemRecord | undefined, i: ServiceInterruption, now: string): { end: boolean; cancel: boolean } {
  if (!system || !mayManageInterruptions(actor, system, now)) return { end: false, cancel: false };
  const state = interruptionState(i, now);
  return {
    end: state === 'ONGOING' && (i.kind === 'FAILURE' ? i.endsAt === undefined : true),
    cancel: i.kind === 'MAINTENANCE' && state === 'SCHEDULED',
  };
}

/** What the viewer may do with a system's interruptions now: announce stops and record failures, while it is not abolished. */
export function systemInterruptionActions(actor: Actor, system: SystemRecord, now: string) {
  return { manage: system.status !== 'ABOLISHED' && mayManageInterruptions(actor, system, now) };
}

/** What the viewer may do with the calendar now (`viewerCan*`). */
export function calendarActions(actor: Actor, _calendar: WorkingCalendar, now: string) {
  return { update: mayUpdateCalendar(actor, now) };
}

// The transitions of the calendar and of an interruption, as the one write path carries them out
// (functions/resolvers/write.ts): each the rule above, the object's next version, and the audit action with its article.

export const workingCalendar = {
  /** The default calendar (version 0) is not stored: the first update makes the calendar's first version. */
  update(actor: Actor, current: WorkingCalendar, input: CalendarInput, now: string) {
    return changeOf('WorkingCalendar', current.version === 0 ? undefined : current, updateCalendar(actor, current, input, now), 'workingCalendar.updated', CALENDAR_ARTICLE);
  },
};

/** Who is told of a stop of a system (周知, 第11条): its operators in force, and its department's manager and staff. */
export interface StopAudience {
  /** The designations of the system's operators not ended before today (様式第5号); those in force today are told. */
  designations: OperatorDesignation[];
  /** The role assignments of the system's owning department (its information manager and staff). */
  department: RoleAssignment[];
}

/** 周知 (第11条): a stop announced or a failure recorded is told to those who use the system, in its transaction. */
function toldOfStop(actor: Actor, system: SystemRecord, i: ServiceInterruption, audience: StopAudience, now: string) {
  const staff = ['INFORMATION_MANAGER', 'STAFF'].flatMap((role) => holdersOf(audience.department, role as 'STAFF', now, system.owningDepartmentId));
  const operators = audience.designations.filter((d) => isDesignatedOn(d, tokyoDate(now))).map((d) => d.personId);
  const maintenance = i.kind === 'MAINTENANCE';
  const period = `${warekiTime(i.startsAt)}${i.endsAt ? `〜${warekiTime(i.endsAt)}` : '〜(復旧まで)'}`;
  return tell(
    [...operators, ...staff],
    {
      kind: 'SYSTEM_STOP_ANNOUNCED',
      subjectType: 'ServiceInterruption',
      subjectId: i.id,
      stage: maintenance ? 'announced' : 'failure',
      article: interruptionArticle(system, i.kind),
      title: maintenance ? `${system.name}の保守によるサービス停止のお知らせ` : `${system.name}の障害によるサービス停止`,
      message: [
        maintenance ? `${system.name}は、保守のため次のとおりサービスを停止します。` : `${system.name}で障害が発生し、サービスが停止しています。`,
        `期間: ${period}`,
        ...(i.scope ? [`範囲: ${i.scope}`] : []),
        `内容: ${i.description}`,
      ].join('\n'),
    },
    now,
    actor.person.id,
  );
}

export const serviceInterruption = {
  announceMaintenance(actor: Actor, system: SystemRecord, input: MaintenanceInput, id: string, now: string, audience: StopAudience) {
    const i = announceMaintenance(actor, system, input, id, now);
    return alongWith(changeOf('ServiceInterruption', undefined, i, 'maintenance.announced', interruptionArticle(system, 'MAINTENANCE')), { changes: toldOfStop(actor, system, i, audience, now) });
  },
  recordFailure(actor: Actor, system: SystemRecord, input: Parameters<typeof recordFailure>[2], id: string, now: string, audience: StopAudience) {
    const i = recordFailure(actor, system, input, id, now);
    return alongWith(changeOf('ServiceInterruption', undefined, i, 'failure.recorded', interruptionArticle(system, 'FAILURE')), { changes: toldOfStop(actor, system, i, audience, now) });
  },
  end: (actor: Actor, system: SystemRecord, i: ServiceInterruption, endedAt: string, now: string) =>
    changeOf('ServiceInterruption', i, endInterruption(actor, system, i, endedAt, now), i.kind === 'FAILURE' ? 'failure.ended' : 'maintenance.ended', interruptionArticle(system, i.kind)),
  cancelMaintenance: (actor: Actor, system: SystemRecord, i: ServiceInterruption, reason: string | undefined, now: string) =>
    changeOf('ServiceInterruption', i, cancelMaintenance(actor, system, i, reason, now), 'maintenance.cancelled', interruptionArticle(system, i.kind)),
};

// ─── Is the system in service at T, and if not, why ─────────────────────────────────────────────────────────────

export const SERVICE_REASONS = [
  'ALL_DAY', // 情報系: 終日 (第11条第1項)
  'WORKING_HOURS', // 業務系: 勤務時間内 (第11条第2項)
  'OUTSIDE_WORKING_HOURS', // 業務系: 勤務時間外 (第11条第2項)
  'CLOSED_DAY', // 業務系: 週休日・祝日・年末年始等 (第11条第2項)
  'MAINTENANCE_STOP', // 保守・メンテナンス等によるサービス停止 (第1号)
  'FAILURE', // 障害又は不慮の事故 (第2号)
  'NOT_INSTALLED', // 未設置 (第8条)
  'ABOLISHED', // 廃止 (第8条)
] as const;
export type ServiceReason = (typeof SERVICE_REASONS)[number];

export interface ServiceStatus {
  at: string;
  inService: boolean;
  reason: ServiceReason;
  article: string;
  /** The interruption that stops it (a failure before a maintenance stop when both cover the instant). */
  interruption?: ServiceInterruption;
  /** Every interruption covering the instant, also those outside working hours. */
  interruptions: ServiceInterruption[];
  /** CLOSED_DAY: the day and why it is closed. */
  closedDay?: ClosedDay;
  /** When out of service: the next instant it is in service, as far as the calendar and the known interruptions tell. */
  nextInServiceAt?: string;
}

/** The instant the system is next in service at or after `at`, or undefined (an ongoing failure, no working day). */
function nextInService(system: SystemRecord, calendar: WorkingCalendar, interruptions: ServiceInterruption[], at: string): string | undefined {
  let t = at;
  for (let step = 0; step < 100; step++) {
    if (system.category === 'BUSINESS') {
      const w = nextWorkingInstant(calendar, t);
      if (w === undefined) return undefined;
      t = w;
    }
    const covering = interruptions.filter((i) => covers(i, t));
    if (covering.length === 0) return t;
    if (covering.some((i) => i.endsAt === undefined)) return undefined;
    t = covering.map((i) => i.endsAt as string).sort().at(-1) as string;
  }
  return undefined;
}

/**
 * 第11条: whether the system is in service at the instant, and why (not). The status is the system's as registered
 * now; only its abolition carries a date that tells a past instant apart (the installation date of a system
 * registered after it was installed is its registration). For a 業務系 system the working hours come first: an
 * interruption outside them takes nothing away from its operating time (it is listed all the same).
 */
export function serviceStatus(system: SystemRecord, calendar: WorkingCalendar, interruptions: ServiceInterruption[], at: string): ServiceStatus {
  const policy = operatingHours(system.category);
  const covering = interruptions.filter((i) => i.systemId === system.id && covers(i, at));
  const base = { at, interruptions: covering };
  const abolishedThen = system.status === 'ABOLISHED' && (system.abolishedAt === undefined || system.abolishedAt <= at);
  if (abolishedThen) return { ...base, inService: false, reason: 'ABOLISHED', article: '第8条' };
  if (system.status === 'REGISTERED' || system.status === 'DECIDED') return { ...base, inService: false, reason: 'NOT_INSTALLED', article: '第8条' };

  const later = interruptions.filter((i) => i.systemId === system.id && !i.cancelled);
  const next = () => nextInService(system, calendar, later, at);
  if (system.category === 'BUSINESS' && !withinWorkingHours(calendar, at)) {
    const day = dayOf(calendar, local(at).date);
    return day.closed
      ? { ...base, inService: false, reason: 'CLOSED_DAY', article: policy.article, closedDay: day.closed, nextInServiceAt: next() }
      : { ...base, inService: false, reason: 'OUTSIDE_WORKING_HOURS', article: policy.article, nextInServiceAt: next() };
  }
  const stop = covering.find((i) => i.kind === 'FAILURE') ?? covering.find((i) => i.kind === 'MAINTENANCE');
  if (stop) {
    return {
      ...base,
      inService: false,
      reason: stop.kind === 'FAILURE' ? 'FAILURE' : 'MAINTENANCE_STOP',
      article: interruptionArticle(system, stop.kind),
      interruption: stop,
      nextInServiceAt: next(),
    };
  }
  return { ...base, inService: true, reason: policy.policy === 'ALL_DAY' ? 'ALL_DAY' : 'WORKING_HOURS', article: policy.article };
}
