/** Periods of use and provision: inclusive calendar dates (YYYY-MM-DD) in Asia/Tokyo. */
import { tokyoDate } from './people';
import { refuse } from './refusal';

export interface Period {
  from: string;
  until: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(s: string | undefined): s is string {
  return !!s && DATE.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s;
}

export function validatePeriod(p: Period, article: string, field = 'period'): void {
  if (!isDate(p.from)) refuse('INVALID_VALUE', ['期間の開始日を日付 (YYYY-MM-DD) で入力してください。', 'The period starts on a date (YYYY-MM-DD).'], article, [field, 'from']);
  if (!isDate(p.until)) refuse('INVALID_VALUE', ['期間の終了日を日付 (YYYY-MM-DD) で入力してください。', 'The period ends on a date (YYYY-MM-DD).'], article, [field, 'until']);
  if (p.until < p.from) refuse('INVALID_VALUE', ['期間の終了日が開始日より前になっています。', 'The period ends before it starts.'], article, [field, 'until']);
}

/**
 * A period of days a list is asked for (`from`, `until`: the audit trail, server-room entries, applications), either
 * end open: each a date, the end not before the start (naming `until`). Undefined when both ends are open.
 */
export function askedPeriod(args: { from?: string | null; until?: string | null }): Partial<Period> | undefined {
  const period = { from: args.from || undefined, until: args.until || undefined };
  for (const field of ['from', 'until'] as const) {
    const day = period[field];
    if (day && !isDate(day)) refuse('INVALID_VALUE', [`${field} は日付 (YYYY-MM-DD) です: ${String(day).slice(0, 40)}`, `${field} is a date, YYYY-MM-DD.`], undefined, [field]);
  }
  if (period.from && period.until && period.until < period.from) {
    refuse('INVALID_VALUE', [`期間の終わり (until: ${period.until}) が始まり (from: ${period.from}) より前です。`, `The period ends (until) before it starts (from).`], undefined, ['until']);
  }
  return period.from || period.until ? period : undefined;
}

/** Whether `now` falls within the period, by the city's calendar. */
export function isCurrent(p: Period, now: string): boolean {
  const today = tokyoDate(now);
  return p.from <= today && today <= p.until;
}

const DAY_MS = 86_400_000;

/** The calendar date `days` after `date` (YYYY-MM-DD; negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function hasEnded(p: Period, now: string): boolean {
  return tokyoDate(now) > p.until;
}

/**
 * あらかじめ: an application or consultation comes before what it asks for, so a period whose last day is before today
 * (the city's calendar) has nothing left to apply for, approve or agree on. The caller cites its article.
 */
export function assertNotEnded(p: Period, now: string, article: string, field = 'period'): void {
  if (hasEnded(p, now)) {
    refuse('INVALID_VALUE', [`期間 (${wareki(p.until)}まで) が終了しているため、申請・承認するものがありません。あらかじめ、終了前に手続してください。`, 'The period has ended: nothing to apply for or approve. Apply in advance, before it ends.'], article, [field, 'until']);
  }
}

const WAREKI_DATE = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' });
const WAREKI_TIME = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });

/** A date (YYYY-MM-DD, the city's calendar) as a person in the city reads it: 令和8年12月20日 (令和元年 for 2019-05-01). */
export function wareki(date: string): string {
  return WAREKI_DATE.format(new Date(`${date}T12:00:00+09:00`));
}

/** An instant as a person in the city reads it, in Japan's time: 令和8年4月1日 10:30. */
export function warekiTime(instant: string): string {
  return WAREKI_TIME.format(new Date(instant));
}
