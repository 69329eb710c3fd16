/** パスワードの管理 (第24条): when each person last changed the password of each system — never a password. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Connection, DateTime, LocalDate, Node, UserError } from './common';
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
