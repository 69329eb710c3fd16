/**
 * パスワードの管理 (第24条): never disclosed, never handled so a third party could learn it, changed at least once a
 * year (第3項). The product keeps only when a person last changed the password of a system — never a password.
 */
import { Actor, holds, tokyoDate } from './people';
import { isDate } from './period';
import { refuse } from './refusal';

export const ARTICLE = '第24条第3項';

/** 年に1回以上: a password falls due this many days after its last change (the city may set a shorter interval). */
export const DEFAULT_INTERVAL_DAYS = 365;

/** Reminders go out this many days before a password falls due, and once it is overdue. */
export const REMINDER_DAYS = [30, 7, 1] as const;

export interface PasswordChange {
  personId: string;
  systemId: string;
  /** The date the password was last changed (YYYY-MM-DD, Asia/Tokyo). */
  changedOn: string;
  recordedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type PasswordState = 'CURRENT' | 'DUE_SOON' | 'OVERDUE';

export interface PasswordStatus {
  dueOn: string;
  /** Days from today to the due date; negative once overdue. */
  daysLeft: number;
  state: PasswordState;
  /** The reminder threshold reached (30, 7 or 1 days before; 0 when overdue), if any. */
  reminder?: number;
}

const DAY = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** 第24条第3項: when the password falls due, and how close that is. */
export function passwordStatus(changedOn: string, now: string, intervalDays = DEFAULT_INTERVAL_DAYS): PasswordStatus {
  const dueOn = addDays(changedOn, intervalDays);
  const daysLeft = daysBetween(tokyoDate(now), dueOn);
  if (daysLeft < 0) return { dueOn, daysLeft, state: 'OVERDUE', reminder: 0 };
  const reminder = [...REMINDER_DAYS].reverse().find((d) => daysLeft <= d);
  return { dueOn, daysLeft, state: reminder === undefined ? 'CURRENT' : 'DUE_SOON', reminder };
}

/**
 * The person records their own change (第24条第3項 is the duty of 職員等); the system administrator may record it
 * for anyone. A change date in the future or before the previous one is refused.
 */
export function recordPasswordChange(actor: Actor, personId: string, changedOn: string, previous: PasswordChange | undefined, now: string): void {
  if (actor.person.id !== personId && !holds(actor, 'SYSTEM_ADMINISTRATOR', now)) {
    refuse('FORBIDDEN', 'A person records their own password change; the system administrator may record it for anyone. 本人又は情報システム管理者が記録します。', ARTICLE, ['personId']);
  }
  if (!isDate(changedOn)) refuse('INVALID_VALUE', 'changedOn is a date (YYYY-MM-DD).', ARTICLE, ['changedOn']);
  if (changedOn > tokyoDate(now)) refuse('INVALID_VALUE', 'A change is recorded once it is made, not before.', ARTICLE, ['changedOn']);
  if (previous && changedOn < previous.changedOn) refuse('INVALID_VALUE', `The last change recorded is ${previous.changedOn}; a change cannot be older.`, ARTICLE, ['changedOn']);
}

/** Who reads a person's password dates: the person, the system administrator, and the information managers of the person's department. */
export function mayRead(actor: Actor, person: { id: string; departmentId: string }, now: string): boolean {
  return actor.person.id === person.id || holds(actor, 'SYSTEM_ADMINISTRATOR', now) || holds(actor, 'INFORMATION_MANAGER', now, person.departmentId);
}
