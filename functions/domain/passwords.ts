/**
 * パスワードの管理 (第24条): never disclosed, never handled so a third party could learn it, changed at least once a
 * year (第3項). The product keeps only when a person last changed the password of a system — never a password.
 */
import { changeOf } from './change';
import { Actor, holds, tokyoDate } from './people';
import { addDays, daysBetween, isDate } from './period';
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

/** The interval in force: PASSWORD_INTERVAL_DAYS when the city sets one (1–365), else a year. */
export function passwordIntervalDays(env: { PASSWORD_INTERVAL_DAYS?: string }): number {
  const raw = env.PASSWORD_INTERVAL_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_INTERVAL_DAYS;
  const days = Number(raw);
  return Number.isInteger(days) && days >= 1 && days <= DEFAULT_INTERVAL_DAYS ? days : DEFAULT_INTERVAL_DAYS;
}

/** 第24条第3項: when the password falls due, and how close that is. */
export function passwordStatus(changedOn: string, now: string, intervalDays = DEFAULT_INTERVAL_DAYS): PasswordStatus {
  return statusOfDue(addDays(changedOn, intervalDays), now);
}

/** How close a due date is, today (the due date as recorded, whatever the interval is now). */
export function statusOfDue(dueOn: string, now: string): PasswordStatus {
  const daysLeft = daysBetween(tokyoDate(now), dueOn);
  if (daysLeft < 0) return { dueOn, daysLeft, state: 'OVERDUE', reminder: 0 };
  const reminder = [...REMINDER_DAYS].reverse().find((d) => daysLeft <= d);
  return { dueOn, daysLeft, state: reminder === undefined ? 'CURRENT' : 'DUE_SOON', reminder };
}

/** 第24条第3項 is the duty of 職員等: the person records their own change; the system administrator anyone's. */
function mayRecordChangeOf(actor: Actor, personId: string, now: string): boolean {
  return actor.person.id === personId || holds(actor, 'SYSTEM_ADMINISTRATOR', now);
}

/**
 * The person records their own change (第24条第3項 is the duty of 職員等); the system administrator may record it
 * for anyone. A change date in the future or before the previous one is refused.
 */
export function recordPasswordChange(actor: Actor, personId: string, changedOn: string, previous: PasswordChange | undefined, now: string): void {
  if (!mayRecordChangeOf(actor, personId, now)) {
    refuse('FORBIDDEN', ['パスワードの変更は本人が記録します。情報システム管理者はどの職員の変更も記録できます。', 'A person records their own password change; the system administrator may record it for anyone.'], ARTICLE, ['personId']);
  }
  if (!isDate(changedOn)) refuse('INVALID_VALUE', ['changedOn (変更日) は日付 (YYYY-MM-DD) で入力してください。', 'changedOn is a date (YYYY-MM-DD).'], ARTICLE, ['changedOn']);
  if (changedOn > tokyoDate(now)) refuse('INVALID_VALUE', ['パスワードの変更は、変更した後に記録してください (未来の日付は記録できません)。', 'A change is recorded once it is made, not before.'], ARTICLE, ['changedOn']);
  if (previous && changedOn < previous.changedOn) refuse('INVALID_VALUE', [`最後に記録された変更は ${previous.changedOn} です。それより前の日付の変更は記録できません。`, `The last change recorded is ${previous.changedOn}; a change cannot be older.`], ARTICLE, ['changedOn']);
}

/** Who reads a person's password dates: the person, the system administrator, and the information managers of the person's department. */
export function mayRead(actor: Actor, person: { id: string; departmentId: string }, now: string): boolean {
  return actor.person.id === person.id || holds(actor, 'SYSTEM_ADMINISTRATOR', now) || holds(actor, 'INFORMATION_MANAGER', now, person.departmentId);
}

/** The record of one person's password on one system: when it was last changed, and when it falls due (第24条第3項). */
export interface PasswordRecord extends PasswordChange {
  /** `<personId>.<systemId>`: one record per person and system. */
  id: string;
  systemId: string;
  /** changedOn plus the interval in force when the change was recorded. */
  dueOn: string;
  intervalDays: number;
}

export const passwordRecordId = (personId: string, systemId: string) => `${personId}.${systemId}`;

/** Records a change (the rules of recordPasswordChange) and computes its due date with the interval in force. */
export function recordChange(
  actor: Actor,
  personId: string,
  systemId: string,
  changedOn: string,
  previous: PasswordRecord | undefined,
  now: string,
  intervalDays = DEFAULT_INTERVAL_DAYS,
): PasswordRecord {
  recordPasswordChange(actor, personId, changedOn, previous, now);
  if (!Number.isInteger(intervalDays) || intervalDays < 1 || intervalDays > DEFAULT_INTERVAL_DAYS) {
    // 年に1回以上: the city may shorten the interval, never lengthen it.
    refuse('INVALID_VALUE', [`変更の間隔は 1 日から ${DEFAULT_INTERVAL_DAYS} 日までで指定してください。`, `The interval is 1 to ${DEFAULT_INTERVAL_DAYS} days.`], ARTICLE);
  }
  return {
    id: passwordRecordId(personId, systemId),
    personId,
    systemId,
    changedOn,
    dueOn: addDays(changedOn, intervalDays),
    intervalDays,
    recordedBy: actor.person.id,
    version: (previous?.version ?? 0) + 1,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
}

/** 第24条第3項: one record per person and system, written over at the version read, so two changes race cleanly. */
export const passwordRecord = {
  change: (actor: Actor, personId: string, systemId: string, changedOn: string, previous: PasswordRecord | undefined, now: string, intervalDays: number) =>
    changeOf('PasswordRecord', previous, recordChange(actor, personId, systemId, changedOn, previous, now, intervalDays), 'passwordRecord.changed', ARTICLE),
};

/** What the viewer may do with a password record now (`viewerCan*`). */
export function passwordActions(actor: Actor, r: PasswordRecord, now: string) {
  return { recordChange: mayRecordChangeOf(actor, r.personId, now) };
}

/** 第24条第3項: the lists of what falls due are the system administrator's; anyone else is refused. */
export function assertMayReadDuePasswords(actor: Actor, now: string): void {
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) {
    refuse('FORBIDDEN', ['期限の近いパスワードの一覧は、情報システム管理者のみが参照できます。', 'The system administrator reads the passwords falling due.'], ARTICLE);
  }
}
