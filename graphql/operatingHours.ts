/** 操作の時間 (第11条): the working calendar, maintenance stops and failures, and whether a system is in service. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_LIST, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';

export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}
registerEnumType(Weekday, {
  name: 'Weekday',
  description: '曜日。 / Day of the week.',
  valuesConfig: {
    MONDAY: { description: '月曜日。 / Monday.' },
    TUESDAY: { description: '火曜日。 / Tuesday.' },
    WEDNESDAY: { description: '水曜日。 / Wednesday.' },
    THURSDAY: { description: '木曜日。 / Thursday.' },
    FRIDAY: { description: '金曜日。 / Friday.' },
    SATURDAY: { description: '土曜日。 / Saturday.' },
    SUNDAY: { description: '日曜日。 / Sunday.' },
  },
});

export enum ClosedDayKind {
  WEEKLY_DAY_OFF = 'WEEKLY_DAY_OFF',
  NATIONAL_HOLIDAY = 'NATIONAL_HOLIDAY',
  CITY_CLOSED_DAY = 'CITY_CLOSED_DAY',
}
registerEnumType(ClosedDayKind, {
  name: 'ClosedDayKind',
  description: '閉庁日の種類。 / Why a day is closed.',
  valuesConfig: {
    WEEKLY_DAY_OFF: { description: '週休日(土曜日・日曜日等)。 / A weekly day off (Saturday, Sunday).' },
    NATIONAL_HOLIDAY: { description: '国民の祝日・振替休日等。 / A national holiday.' },
    CITY_CLOSED_DAY: { description: '市の閉庁日(年末年始等)。 / A closed day of the city (年末年始, …).' },
  },
});

export enum InterruptionKind {
  MAINTENANCE = 'MAINTENANCE',
  FAILURE = 'FAILURE',
}
registerEnumType(InterruptionKind, {
  name: 'InterruptionKind',
  description: 'サービス停止の種類(第11条各号)。 / Why service stops.',
  valuesConfig: {
    MAINTENANCE: { description: '保守又はメンテナンス等の理由によるサービス停止(第1号)。 / A maintenance stop.' },
    FAILURE: { description: '障害又は不慮の事故(第2号)。 / A failure or accident.' },
  },
});

export enum InterruptionState {
  SCHEDULED = 'SCHEDULED',
  ONGOING = 'ONGOING',
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InterruptionState, {
  name: 'InterruptionState',
  description: 'サービス停止の状況(現在時点)。 / Where the interruption stands now.',
  valuesConfig: {
    SCHEDULED: { description: '予定(未開始)。 / Announced, not begun.' },
    ONGOING: { description: '停止中。 / Under way.' },
    ENDED: { description: '終了。 / Over.' },
    CANCELLED: { description: '中止。 / Called off before it began.' },
  },
});

export enum ServiceReason {
  ALL_DAY = 'ALL_DAY',
  WORKING_HOURS = 'WORKING_HOURS',
  OUTSIDE_WORKING_HOURS = 'OUTSIDE_WORKING_HOURS',
  CLOSED_DAY = 'CLOSED_DAY',
  MAINTENANCE_STOP = 'MAINTENANCE_STOP',
  FAILURE = 'FAILURE',
  NOT_INSTALLED = 'NOT_INSTALLED',
  ABOLISHED = 'ABOLISHED',
}
registerEnumType(ServiceReason, {
  name: 'ServiceReason',
  description: '稼働中か否かの理由(第11条)。 / Why the system is (not) in service.',
  valuesConfig: {
    ALL_DAY: { description: '情報系: 終日(第11条第1項)。 / 情報系: all day.' },
    WORKING_HOURS: { description: '業務系: 勤務時間内(第11条第2項)。 / 業務系: within working hours.' },
    OUTSIDE_WORKING_HOURS: { description: '業務系: 勤務時間外(第11条第2項)。 / 業務系: outside working hours.' },
    CLOSED_DAY: { description: '業務系: 閉庁日(週休日・祝日・年末年始等、第11条第2項)。 / 業務系: a closed day.' },
    MAINTENANCE_STOP: { description: '保守・メンテナンス等によるサービス停止(第1号)。 / A maintenance stop.' },
    FAILURE: { description: '障害又は不慮の事故(第2号)。 / A failure or accident.' },
    NOT_INSTALLED: { description: '未設置(第8条)。 / Not installed.' },
    ABOLISHED: { description: '廃止済(第8条)。 / Abolished.' },
  },
});

@ObjectType({ description: '曜日ごとの勤務時間(Asia/Tokyo)。 / Working hours of a weekday (Asia/Tokyo).' })
export class WeeklyHours {
  @Field(() => Weekday, { description: '曜日。 / The weekday.' })
  weekday!: Weekday;

  @Field({ description: '始業(HH:MM、含む)。 / Start, HH:MM, included.' })
  start!: string;

  @Field({ description: '終業(HH:MM、含まない)。 / End, HH:MM, excluded.' })
  end!: string;
}

@ObjectType({ description: '毎年の閉庁期間(年末年始等、MM-DD、両端を含む)。 / Closed days every year (MM-DD, both included).' })
export class RecurringClosedDays {
  @Field({ description: '開始(MM-DD)。 / From (MM-DD).' })
  from!: string;

  @Field({ description: '終了(MM-DD、年をまたいでよい)。 / Until (MM-DD; may wrap the new year).' })
  until!: string;

  @Field({ description: '名称。 / Name.' })
  name!: string;
}

@ObjectType({ description: '市が定める閉庁日。 / A closed date of the city.' })
export class ClosedDate {
  @Field(() => LocalDate, { description: '閉庁日。 / The closed date.' })
  date!: string;

  @Field({ description: '理由。 / Why.' })
  name!: string;
}

@ObjectType({ description: '閉庁日に勤務する日(選挙等)。 / A working date on an otherwise closed day.' })
export class WorkingDate {
  @Field(() => LocalDate, { description: '勤務する日。 / The working date.' })
  date!: string;

  @Field({ description: '始業(HH:MM)。 / Start.' })
  start!: string;

  @Field({ description: '終業(HH:MM)。 / End.' })
  end!: string;

  @Field(() => String, { nullable: true, description: '備考。 / Note.' })
  note?: string;
}

@ObjectType({ implements: [Node, Audited], description: '勤務時間の暦(業務系の操作時間、第11条第2項)。 / The city’s working calendar.' })
export class WorkingCalendar extends Node {
  @Field({ description: 'タイムゾーン(固定)。 / Time zone (fixed).' })
  timeZone!: string;

  @Field(() => [WeeklyHours], { description: '曜日ごとの勤務時間(ない曜日は週休日)。 / Hours by weekday; a weekday absent is a day off.' })
  weeklyHours!: WeeklyHours[];

  @Field({ description: '国民の祝日等を閉庁日とするか。 / Whether national holidays are closed.' })
  closedOnNationalHolidays!: boolean;

  @Field(() => [RecurringClosedDays], { description: '毎年の閉庁期間(年末年始等)。 / Closed days every year (年末年始, …).' })
  recurringClosedDays!: RecurringClosedDays[];

  @Field(() => [ClosedDate], { description: '市が定める閉庁日(個別の日)。 / Single closed dates set by the city.' })
  extraClosedDates!: ClosedDate[];

  @Field(() => [WorkingDate], { description: '閉庁日に勤務する日(選挙等)。 / Working dates on otherwise closed days (選挙, …).' })
  extraWorkingDates!: WorkingDate[];

  @Field(() => Int, { description: '版(未設定の既定値は0)。 / Version (0 while the default stands).' })
  version!: number;

  @Field(() => DateTime, { nullable: true, description: '最終更新日時(未設定の既定値は空)。 / When it last changed (empty while the default stands).' })
  updatedAt?: string;
}

@ObjectType({ description: '閉庁日。 / A closed day.' })
export class ClosedDay {
  @Field(() => LocalDate, { description: '閉庁日。 / The date.' })
  date!: string;

  @Field(() => ClosedDayKind, { description: '閉庁日の種類。 / Why it is closed.' })
  kind!: ClosedDayKind;

  @Field({ description: '名称(日曜日、成人の日、年末年始等)。 / Name (日曜日, 成人の日, 年末年始, …).' })
  name!: string;
}

@ObjectType({ implements: [Node, Audited], description: 'サービス停止(保守等・障害、第11条各号)。 / A maintenance stop or a failure.' })
export class ServiceInterruption extends Node {
  @Field(() => InterruptionKind, { description: '種類(保守等・障害、第11条各号)。 / Maintenance stop or failure.' })
  kind!: InterruptionKind;

  @Field(() => String, { nullable: true, description: '範囲。 / Scope: what is stopped.' })
  scope?: string;

  @Field(() => DateTime, { description: '開始(障害は発生日時)。 / Start (a failure: when it occurred).' })
  startsAt!: string;

  @Field(() => DateTime, { nullable: true, description: '終了(継続中の障害は空)。 / End (empty while a failure goes on).' })
  endsAt?: string;

  @Field({ description: '内容。 / Description.' })
  description!: string;

  @Field(() => DateTime, { nullable: true, description: '周知した日時(保守等)。 / When announced (maintenance).' })
  announcedAt?: string;

  @Field(() => DateTime, { nullable: true, description: '中止日時。 / When called off.' })
  cancelledAt?: string;

  @Field(() => String, { nullable: true, description: '中止の理由。 / Why called off.' })
  cancellationReason?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

export const ServiceInterruptionConnection = Connection(ServiceInterruption, 'ServiceInterruption', 'サービス停止');

@ObjectType({ description: '指定日時に稼働中か、否ならその理由(第11条)。 / Whether a system is in service at an instant, and why (not).' })
export class ServiceStatus {
  @Field(() => DateTime, { description: '判定した日時。 / The instant.' })
  at!: string;

  @Field({ description: '稼働中か。 / Whether in service.' })
  inService!: boolean;

  @Field(() => ServiceReason, { description: '稼働中か否かの理由。 / Why it is (not) in service.' })
  reason!: ServiceReason;

  @Field({ description: '根拠条文(例: 第11条第2項、第11条第1項第1号)。 / The article.' })
  article!: string;

  @Field(() => ClosedDay, { nullable: true, description: '閉庁日の理由。 / The closed day, for CLOSED_DAY.' })
  closedDay?: ClosedDay;

  @Field(() => ServiceInterruption, { nullable: true, description: '停止の原因(障害を優先)。 / The interruption that stops it.' })
  interruption?: unknown;

  @Field(() => [ServiceInterruption], { description: 'その日時にかかる全てのサービス停止。 / Every interruption covering the instant.' })
  interruptions!: unknown[];

  @Field(() => DateTime, { nullable: true, description: '次に稼働する日時(既知の停止と暦による。不明なら空)。 / When next in service, as far as known.' })
  nextInServiceAt?: string;
}

// ─── Inputs ─────────────────────────────────────────────────────────────────────────────────────────────────────

@InputType({ description: '曜日の勤務時間。 / Working hours of a weekday.' })
export class WeeklyHoursInput {
  @Field(() => Weekday, { description: '曜日。 / The weekday.' })
  weekday!: Weekday;

  @Field({ description: '始業(HH:MM、含む)。 / Start, HH:MM, included.' })
  @MaxLength(5)
  start!: string;

  @Field({ description: '終業(HH:MM、含まない)。 / End, HH:MM, excluded.' })
  @MaxLength(5)
  end!: string;
}

@InputType({ description: '毎年の閉庁期間。 / Closed days every year.' })
export class RecurringClosedDaysInput {
  @Field({ description: '開始(MM-DD)。 / From (MM-DD).' })
  @MaxLength(5)
  from!: string;

  @Field({ description: '終了(MM-DD、年をまたいでよい)。 / Until (MM-DD; may wrap the new year).' })
  @MaxLength(5)
  until!: string;

  @Field({ description: '名称(年末年始等)。 / Name (年末年始, …).' })
  @MaxLength(MAX_NAME)
  name!: string;
}

@InputType({ description: '市の閉庁日。 / A closed date.' })
export class ClosedDateInput {
  @Field(() => LocalDate, { description: '閉庁日。 / The closed date.' })
  date!: string;

  @Field({ description: '理由。 / Why.' })
  @MaxLength(MAX_NAME)
  name!: string;
}

@InputType({ description: '勤務する日。 / A working date.' })
export class WorkingDateInput {
  @Field(() => LocalDate, { description: '勤務する日。 / The working date.' })
  date!: string;

  @Field({ description: '始業(HH:MM)。 / Start, HH:MM.' })
  @MaxLength(5)
  start!: string;

  @Field({ description: '終業(HH:MM)。 / End, HH:MM.' })
  @MaxLength(5)
  end!: string;

  @Field(() => String, { nullable: true, description: '備考(選挙等)。 / Note (選挙, …).' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  note?: string;
}

@InputType({ description: '勤務時間の暦の更新(全体を置き換える)。 / Replace the working calendar.' })
export class UpdateWorkingCalendarInput {
  @Field(() => Int, { description: '読んだ版(未設定なら0)。 / The version read (0 for the default).' })
  expectedVersion!: number;

  @Field(() => [WeeklyHoursInput], { description: '曜日ごとの勤務時間(ない曜日は週休日)。 / Hours by weekday; a weekday absent is a day off.' })
  @ArrayMaxSize(7)
  @ValidateNested()
  weeklyHours!: WeeklyHoursInput[];

  @Field({ description: '国民の祝日等を閉庁日とするか。 / Whether national holidays are closed.' })
  closedOnNationalHolidays!: boolean;

  @Field(() => [RecurringClosedDaysInput], { description: '毎年の閉庁期間(年末年始等)。 / Closed days every year (年末年始, …).' })
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested()
  recurringClosedDays!: RecurringClosedDaysInput[];

  @Field(() => [ClosedDateInput], { description: '市が定める閉庁日(個別の日)。 / Single closed dates set by the city.' })
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested()
  extraClosedDates!: ClosedDateInput[];

  @Field(() => [WorkingDateInput], { description: '閉庁日に勤務する日(選挙等)。 / Working dates on otherwise closed days (選挙, …).' })
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested()
  extraWorkingDates!: WorkingDateInput[];
}

@InputType({ description: '保守等によるサービス停止の周知(第11条第1項第1号・第2項第1号)。 / Announce a maintenance stop.' })
export class AnnounceMaintenanceStopInput {
  @Field(() => ID, { description: '停止するシステム。 / The system to stop.' })
  @MaxLength(500)
  systemId!: string;

  @Field({ description: '範囲。 / Scope.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  scope!: string;

  @Field(() => DateTime, { description: '開始(情報系は周知より後)。 / Start (情報系: after the announcement).' })
  startsAt!: Date;

  @Field(() => DateTime, { description: '終了(開始より後)。 / End, after the start.' })
  endsAt!: Date;

  @Field({ description: '内容(周知する文)。 / Description, as announced.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  description!: string;
}

@InputType({ description: '障害又は不慮の事故の記録(第11条第1項第2号・第2項第2号)。 / Record a failure or accident.' })
export class RecordSystemFailureInput {
  @Field(() => ID, { description: '障害が発生したシステム。 / The system that failed.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => DateTime, { description: '発生日時。 / When it occurred.' })
  occurredAt!: Date;

  @Field({ description: '内容。 / What happened.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  description!: string;

  @Field(() => String, { nullable: true, description: '範囲。 / Scope.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  scope?: string;
}

@InputType({ description: '障害の復旧、又は保守等の早期終了。 / End a failure, or cut a stop short.' })
export class EndServiceInterruptionInput {
  @Field(() => ID, { description: '終了するサービス停止。 / The interruption to end.' })
  @MaxLength(500)
  interruptionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => DateTime, { nullable: true, description: '終了日時(既定は現在)。 / When service resumed (default now).' })
  @IsOptional()
  endedAt?: Date;
}

@InputType({ description: '開始前の保守等の中止。 / Call off a maintenance stop not yet begun.' })
export class CancelMaintenanceStopInput {
  @Field(() => ID, { description: '中止する保守等のサービス停止。 / The maintenance stop to call off.' })
  @MaxLength(500)
  interruptionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '中止の理由。 / Why called off.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  reason?: string;
}

@ObjectType({ description: '勤務時間の暦の更新結果。 / The result of updating the calendar.' })
export class WorkingCalendarPayload {
  @Field(() => WorkingCalendar, { nullable: true, description: '更新後の暦(拒否されたときは空)。 / The calendar as updated; empty when refused.' })
  calendar?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'サービス停止の変更結果。 / The result of an interruption mutation.' })
export class ServiceInterruptionPayload {
  @Field(() => ServiceInterruption, { nullable: true, description: '変更後のサービス停止(拒否されたときは空)。 / The interruption as changed; empty when refused.' })
  interruption?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
