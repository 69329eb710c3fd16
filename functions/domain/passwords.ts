/**
 * パスワードの管理 (第24条): never told to another except where the system administrator deems it necessary (第1項),
 * never handled so a third party could learn it (第2項), changed at least once a year (第3項). The product keeps when
 * a person last changed the password of a system, and each disclosure the system administrator allowed — never a
 * password.
 */
import { Transition, advance, alongWith, changeOf } from './change';
import { Actor, holds, tokyoDate } from './people';
import { addDays, daysBetween, isDate } from './period';
import { refuse } from './refusal';

export const ARTICLE = '第24条第3項';
export const DISCLOSURE_ARTICLE = '第24条第1項';

/** A password told to another falls due for change this many days after it was told, unless the leave sets a sooner day. */
export const DISCLOSURE_CHANGE_DAYS = 7;

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
  /** 第24条第1項: the day the password was last told to another; a change recorded on or after it clears the duty. */
  disclosedOn?: string;
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
  // A change older than the last disclosure leaves the told password in use: its earlier due date stands.
  const stillTold = previous?.disclosedOn !== undefined && changedOn < previous.disclosedOn;
  const dueOn = addDays(changedOn, intervalDays);
  return {
    id: passwordRecordId(personId, systemId),
    personId,
    systemId,
    changedOn,
    dueOn: stillTold && previous.dueOn < dueOn ? previous.dueOn : dueOn,
    intervalDays,
    disclosedOn: stillTold ? previous.disclosedOn : undefined,
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

/**
 * 第24条第1項: a password told to another where the system administrator deems it necessary — which system's, told by
 * whom to whom, why, and the administrator's leave. Never the password.
 */
export interface PasswordDisclosure {
  id: string;
  /** Whose password is told: the person who tells it. */
  personId: string;
  systemId: string;
  /** The person told. */
  toldToId: string;
  reason: string;
  /** The day it is told. */
  disclosedOn: string;
  /** The day by which the told password is changed (第24条第3項 brought forward). */
  changeBy: string;
  /** The system administrator who deemed it necessary (必要と認める). */
  permittedBy: string;
  permittedAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DisclosureInput {
  toldToId: string;
  reason: string;
  disclosedOn: string;
  changeBy?: string;
}

/**
 * 第24条第1項: the system administrator records the leave, and with it the disclosure: the teller's password record
 * falls due by `changeBy` (DISCLOSURE_CHANGE_DAYS after it is told, unless sooner), so the told password shows in the
 * overdue list and the reminders until the person records a change made on or after the day it was told.
 */
export function permitDisclosure(actor: Actor, record: PasswordRecord | undefined, input: DisclosureInput, id: string, now: string): { disclosure: PasswordDisclosure; record: PasswordRecord } {
  const A = DISCLOSURE_ARTICLE;
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) {
    refuse('FORBIDDEN', ['パスワードを他人に教示できるのは、情報システム管理者が必要と認める場合に限ります。その認めは情報システム管理者が記録します。', 'A password is told to another only where the system administrator deems it necessary; the administrator records that leave.'], A);
  }
  if (!record) {
    refuse('INVALID_STATE', ['この職員のこのシステムのパスワードの変更がまだ記録されていません。先に最後に変更した日を記録してください (第24条第3項)。', 'No change of this password is recorded yet; record the day it was last changed first.'], A, ['systemId']);
  }
  if (input.toldToId === record.personId) refuse('INVALID_VALUE', ['教示を受ける者は、パスワードの本人以外の者としてください。', 'The person told is someone other than the password’s holder.'], A, ['toldToId']);
  const reason = input.reason.trim();
  if (!reason) refuse('INVALID_VALUE', ['教示が必要と認める理由を記載してください。', 'State why it is necessary.'], A, ['reason']);
  if (!isDate(input.disclosedOn)) refuse('INVALID_VALUE', ['disclosedOn (教示する日) は日付 (YYYY-MM-DD) で入力してください。', 'disclosedOn is a date (YYYY-MM-DD).'], A, ['disclosedOn']);
  if (input.disclosedOn < record.changedOn) {
    refuse('INVALID_VALUE', ['教示する日が、記録された最後のパスワード変更より前です。その後に変更されたパスワードは教示されていません。', 'The day told is before the last change recorded: the password told then is no longer in use.'], A, ['disclosedOn']);
  }
  const latest = addDays(input.disclosedOn, DISCLOSURE_CHANGE_DAYS);
  const changeBy = input.changeBy ?? latest;
  if (!isDate(changeBy) || changeBy < input.disclosedOn || changeBy > latest) {
    refuse('INVALID_VALUE', [`changeBy (変更期限) は教示する日から ${DISCLOSURE_CHANGE_DAYS} 日以内の日付としてください。`, `changeBy is a date within ${DISCLOSURE_CHANGE_DAYS} days of the day told.`], A, ['changeBy']);
  }
  const disclosure: PasswordDisclosure = {
    id,
    personId: record.personId,
    systemId: record.systemId,
    toldToId: input.toldToId,
    reason,
    disclosedOn: input.disclosedOn,
    changeBy,
    permittedBy: actor.person.id,
    permittedAt: now,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  // 第24条第3項: the told password is changed by `changeBy`; a due date already sooner stands.
  const dueOn = changeBy < record.dueOn ? changeBy : record.dueOn;
  return { disclosure, record: advance(record, { dueOn, disclosedOn: input.disclosedOn }, now) };
}

/** 第24条第1項: who reads a disclosure — the person told, and whoever reads the teller's password records (mayRead). */
export function mayReadDisclosure(actor: Actor, d: Pick<PasswordDisclosure, 'toldToId'>, owner: { id: string; departmentId: string }, now: string): boolean {
  return actor.person.id === d.toldToId || mayRead(actor, owner, now);
}

/** The transitions of a disclosure, as the one write path carries them out (functions/resolvers/write.ts). */
export const passwordDisclosure = {
  /** The disclosure (new) and the teller's password record, brought due, in one transaction. */
  permit(actor: Actor, record: PasswordRecord | undefined, input: DisclosureInput, id: string, now: string): Transition<PasswordDisclosure> {
    const { disclosure, record: after } = permitDisclosure(actor, record, input, id, now);
    return alongWith(changeOf('PasswordDisclosure', undefined, disclosure, 'passwordDisclosure.permitted', DISCLOSURE_ARTICLE), {
      changes: changeOf('PasswordRecord', record, after, 'passwordRecord.disclosed', DISCLOSURE_ARTICLE).changes,
    });
  },
};
