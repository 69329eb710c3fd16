/**
 * 協議 — consultations of 様式第1号 (第7条), 様式第2号 (第8条) and 様式第3号 (第9条), and the workflow every form shares.
 */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Connection, LocalDate, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';
import { SystemChanges, SystemChangesInput } from './systems';
import { Application, ApplicationStatus, Decision, DecisionOutcome, Form } from './applications';
import { DecisionFields } from './applicationInputs';

export { ApplicationStatus, Decision, DecisionOutcome, Form };

export enum ConsultationAction {
  DECIDE = 'DECIDE',
  INSTALL = 'INSTALL',
  CHANGE = 'CHANGE',
  ABOLISH = 'ABOLISH',
  CONNECT = 'CONNECT',
}
registerEnumType(ConsultationAction, {
  name: 'ConsultationAction',
  description: '協議の内容(様式は内容から決まる)。 / What the consultation asks; it determines the form.',
  valuesConfig: {
    DECIDE: { description: '決定(様式第1号)。 / Decide a new system.' },
    INSTALL: { description: '設置(様式第2号)。 / Install.' },
    CHANGE: { description: '変更(様式第2号)。 / Change.' },
    ABOLISH: { description: '廃止(様式第2号)。 / Abolish.' },
    CONNECT: { description: '情報系と業務系の接続(様式第3号)。 / Connect a 情報系 and a 業務系 system.' },
  },
});

@ObjectType({ implements: [Node, Audited, Application], description: '協議(様式第1号〜第3号)。 / A consultation on forms 1–3.' })
export class Consultation extends Application {

  @Field(() => ConsultationAction, { description: '協議の内容(決定・設置・変更・廃止・接続。様式はこれで決まる)。 / What it asks; this determines the form.' })
  action!: ConsultationAction;

  @Field({ description: '内容・理由。 / Content and reasons.' })
  details!: string;

  @Field(() => LocalDate, { nullable: true, description: '実施予定日。 / When it is to take effect.' })
  plannedOn?: string;

  @Field(() => SystemChanges, { nullable: true, description: '変更の内容(変更のとき)。 / The proposed changes.' })
  proposedChanges?: SystemChanges;

}

export const ConsultationConnection = Connection(Consultation, 'Consultation', '協議');

@InputType({ description: '協議書の作成。 / Draft a consultation (and submit it at once with `submit: true`).' })
export class DraftConsultationInput {
  @Field(() => ID, { description: '対象の行政システム。 / The system concerned.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => ConsultationAction, { description: '協議の内容(様式第1号〜第3号はこれで決まる)。 / What it asks; this determines the form.' })
  action!: ConsultationAction;

  @Field({ description: '件名。 / Title.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title!: string;

  @Field({ description: '内容・理由。 / Content and reasons.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  details!: string;

  @Field(() => LocalDate, { nullable: true, description: '実施予定日。 / When it is to take effect.' })
  @IsOptional()
  plannedOn?: string;

  @Field(() => ID, { nullable: true, description: '接続先(様式第3号)。 / The system to connect to.' })
  @IsOptional()
  @MaxLength(500)
  connectSystemId?: string;

  @Field(() => SystemChangesInput, { nullable: true, description: '変更の内容(変更のとき)。 / For a change.' })
  @IsOptional()
  @ValidateNested()
  proposedChanges?: SystemChangesInput;

  @Field({ nullable: true, defaultValue: false, description: '作成と同時に提出する。 / Submit at once.' })
  submit!: boolean;
}

@InputType({ description: '下書き・差戻しの修正。 / Revise a draft or a returned consultation.' })
export class UpdateConsultationInput {
  @Field(() => ID, { description: '修正する協議。 / The consultation to revise.' })
  @MaxLength(500)
  consultationId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '件名(省略時は変更なし)。 / Title; unchanged when omitted.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title?: string;

  @Field(() => String, { nullable: true, description: '内容・理由(省略時は変更なし)。 / Content and reasons; unchanged when omitted.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  details?: string;

  @Field(() => LocalDate, { nullable: true, description: '実施予定日(省略時は変更なし)。 / When it is to take effect; unchanged when omitted.' })
  @IsOptional()
  plannedOn?: string;

  @Field(() => SystemChangesInput, { nullable: true, description: '変更の内容(変更のとき。省略時は変更なし)。 / The proposed changes, for a change; unchanged when omitted.' })
  @IsOptional()
  @ValidateNested()
  proposedChanges?: SystemChangesInput;
}

@InputType({ description: '提出・取下げ。 / Submit or withdraw.' })
export class ConsultationTransitionInput {
  @Field(() => ID, { description: '対象の協議。 / The consultation.' })
  @MaxLength(500)
  consultationId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;
}

@InputType({ description: '決裁。 / Decide a submitted consultation.' })
export class DecideConsultationInput extends DecisionFields {
  @Field(() => ID, { description: '決裁する協議。 / The consultation to decide.' })
  @MaxLength(500)
  consultationId!: string;
}

@ObjectType({ description: '協議の変更結果。 / The result of a consultation mutation.' })
export class ConsultationPayload {
  @Field(() => Consultation, { nullable: true, description: '変更後の協議(拒否されたときは空)。 / The consultation as changed; null when refused.' })
  consultation?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
