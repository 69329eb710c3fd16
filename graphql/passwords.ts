/** パスワードの管理 (第24条): when each person last changed the password of each system — never a password. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';

export enum PasswordState {
  CURRENT = 'CURRENT',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
}
registerEnumType(PasswordState, {
  name: 'PasswordState',
  description: 'パスワードの更新期限の状況(第24条第3項)。 / Where a password stands against its due date.',
  valuesConfig: {
    CURRENT: { description: '期限まで30日を超える。 / More than 30 days to go.' },
    DUE_SOON: { description: '期限まで30日以内(30・7・1日前に通知)。 / Due within 30 days (reminders at 30, 7 and 1 days).' },
    OVERDUE: { description: '期限を過ぎた(年1回以上の更新がされていない)。 / Past its due date: not changed within the year.' },
  },
});

@ObjectType({
  implements: [Node, Audited],
  description:
    'パスワードの更新記録(第24条第3項、職員等・システムごと)。パスワード自体は記録しない。 / When a person last changed their password on a system, and when it falls due. The password itself is never recorded.',
})
export class PasswordRecord extends Node {
  @Field(() => LocalDate, { description: '最後に変更した日。 / The day it was last changed.' })
  changedOn!: string;

  @Field(() => LocalDate, { description: '更新期限(記録時の更新間隔による)。 / The day it falls due (by the interval in force when recorded).' })
  dueOn!: string;

  @Field(() => Int, { description: '更新間隔(日)。 / The interval, in days.' })
  intervalDays!: number;

  @Field(() => LocalDate, { nullable: true, description: '最後に他人に教示された日(第24条第1項、その日以後の変更が記録されるまで)。 / The day it was last told to another, until a change on or after it is recorded.' })
  disclosedOn?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '最終更新日時。 / When it last changed.' })
  updatedAt!: string;
}

@ObjectType({ description: '更新期限に対する状況。 / Where a password stands against its due date today.' })
export class PasswordStatusView {
  @Field(() => PasswordState, { description: '期限に対する状況。 / Where it stands.' })
  state!: PasswordState;

  @Field(() => Int, { description: '期限までの日数(過ぎると負)。 / Days left; negative once overdue.' })
  daysLeft!: number;

  @Field(() => Int, { nullable: true, description: '到達した通知の区切り(30・7・1日前、期限後は0)。 / The reminder threshold reached (30, 7, 1; 0 once overdue).' })
  reminder?: number;
}

export const PasswordRecordConnection = Connection(PasswordRecord, 'PasswordRecord', 'パスワード更新記録');

@InputType({ description: 'パスワードを変更した日の記録(本人又は情報システム管理者)。パスワードは送らない。 / Record the day a password was changed (the person, or the system administrator). Never send the password.' })
export class RecordPasswordChangeInput {
  @Field(() => ID, { description: '職員等(既定は本人)。 / The person (default: the viewer).', nullable: true })
  @IsOptional()
  @MaxLength(500)
  personId?: string;

  @Field(() => ID, { description: '行政システム。 / The system.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => LocalDate, { description: '変更した日(今日以前)。 / The day it was changed (today or before).' })
  changedOn!: string;
}

@ObjectType({ description: 'パスワード更新記録の結果。 / The result of recording a password change.' })
export class PasswordRecordPayload {
  @Field(() => PasswordRecord, { nullable: true, description: '記録後の更新記録(拒否されたときは空)。 / The record as it now stands; empty when refused.' })
  passwordRecord?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({
  implements: [Node, Audited],
  description:
    'パスワードの教示(第24条第1項、情報システム管理者が必要と認めた場合に限る)。パスワード自体は記録しない。 / A password told to another with the system administrator\'s leave. The password itself is never recorded.',
})
export class PasswordDisclosure extends Node {
  @Field({ description: '必要と認めた理由。 / Why it was deemed necessary.' })
  reason!: string;

  @Field(() => LocalDate, { description: '教示する日。 / The day it is told.' })
  disclosedOn!: string;

  @Field(() => LocalDate, { description: '教示されたパスワードの変更期限(第24条第3項を前倒し)。 / The day by which the told password is changed.' })
  changeBy!: string;

  @Field(() => DateTime, { description: '情報システム管理者が認めた日時。 / When the system administrator gave leave.' })
  permittedAt!: string;

  @Field(() => Int, { description: '版。 / Version.' })
  version!: number;

  @Field(() => DateTime, { description: '記録日時。 / When it was recorded.' })
  createdAt!: string;
}

export const PasswordDisclosureConnection = Connection(PasswordDisclosure, 'PasswordDisclosure', 'パスワードの教示');

@InputType({
  description:
    'パスワードの教示を認める(情報システム管理者、第24条第1項)。教示した者のパスワードは変更期限までに変更が必要になる。パスワードは送らない。 / Give leave to tell a password (the system administrator); the teller\'s password then falls due for change. Never send the password.',
})
export class PermitPasswordDisclosureInput {
  @Field(() => ID, { description: 'パスワードを教示する職員等(その本人のパスワード)。 / The person whose password is told.' })
  @MaxLength(500)
  personId!: string;

  @Field(() => ID, { description: '行政システム。 / The system the password is for.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => ID, { description: '教示を受ける者。 / The person told.' })
  @MaxLength(500)
  toldToId!: string;

  @Field({ description: '必要と認める理由。 / Why it is necessary.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  reason!: string;

  @Field(() => LocalDate, { description: '教示する日。 / The day it is told.' })
  disclosedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: '変更期限(省略時は教示する日から7日後、それより後にはできない)。 / The day by which it is changed (default and latest: 7 days after it is told).' })
  @IsOptional()
  changeBy?: string;
}

@ObjectType({ description: 'パスワードの教示の結果。 / The result of giving leave to tell a password.' })
export class PasswordDisclosurePayload {
  @Field(() => PasswordDisclosure, { nullable: true, description: '記録された教示(拒否されたときは空)。 / The disclosure recorded; empty when refused.' })
  passwordDisclosure?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
