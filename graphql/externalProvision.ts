/**
 * データの外部提供 — external provision (様式第8号, 第15条): the consultation with the general manager, the agreement
 * (協定書等) and its clause-by-clause check against 第15条第4項, and the obligations that live on after provision.
 */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength, ValidateNested, ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_LIST, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';
import { Application } from './applications';
import { Period, PeriodInput } from './period';
import { LegalBasesFields } from './legalBasis';

export enum AgreementClauseKind {
  CONFIDENTIALITY = 'CONFIDENTIALITY',
  NO_OTHER_PURPOSE_OR_THIRD_PARTY = 'NO_OTHER_PURPOSE_OR_THIRD_PARTY',
  NO_COPYING = 'NO_COPYING',
  RETURN_OR_DISPOSAL = 'RETURN_OR_DISPOSAL',
  INSPECTION = 'INSPECTION',
  INCIDENT_REPORTING = 'INCIDENT_REPORTING',
  DAMAGES = 'DAMAGES',
  OTHER = 'OTHER',
}
registerEnumType(AgreementClauseKind, {
  name: 'AgreementClauseKind',
  description: '協定書等に付す条件(第15条第4項)。 / The conditions an agreement must hold.',
  valuesConfig: {
    CONFIDENTIALITY: { description: '第1号 秘密保持に関する事項。 / Confidentiality.' },
    NO_OTHER_PURPOSE_OR_THIRD_PARTY: { description: '第2号 目的外の使用及び第三者への提供の禁止に関する事項。 / No other purpose, no third party.' },
    NO_COPYING: { description: '第3号 複写又は複製の禁止に関する事項。 / No copying.' },
    RETURN_OR_DISPOSAL: { description: '第4号 使用期間終了後の返還又は廃棄の義務に関する事項。 / Return or disposal after the period.' },
    INSPECTION: { description: '第5号 使用又は保管状況に係る検査に応じる義務に関する事項。 / Inspection.' },
    INCIDENT_REPORTING: { description: '第6号 滅失、き損等の事故発生時における報告義務に関する事項。 / Incident reporting.' },
    DAMAGES: { description: '第7号 損害賠償に関する事項。 / Damages.' },
    OTHER: { description: '第8号 その他総括管理責任者が必要と認める事項。 / What the general manager requires.' },
  },
});

export enum ProvisionStage {
  CONSULTATION = 'CONSULTATION',
  AGREEMENT_PENDING = 'AGREEMENT_PENDING',
  PROVIDED = 'PROVIDED',
  PERIOD_ENDED = 'PERIOD_ENDED',
  CLOSED = 'CLOSED',
  NOT_PROVIDED = 'NOT_PROVIDED',
}
registerEnumType(ProvisionStage, {
  name: 'ProvisionStage',
  description: '外部提供の段階。 / Where a provision stands.',
  valuesConfig: {
    CONSULTATION: { description: '協議中。 / Under consultation.' },
    AGREEMENT_PENDING: { description: '承認済・協定締結前(未提供)。 / Approved; agreement not concluded, nothing provided.' },
    PROVIDED: { description: '提供中。 / Provided, within the period.' },
    PERIOD_ENDED: { description: '期間終了・返還又は廃棄未記録。 / Period ended; no return or disposal recorded.' },
    CLOSED: { description: '返還又は廃棄済。 / Returned or disposed of.' },
    NOT_PROVIDED: { description: '不承認又は取下げ。 / Rejected or withdrawn.' },
  },
});

export enum EndKind {
  RETURN = 'RETURN',
  DISPOSAL = 'DISPOSAL',
}
registerEnumType(EndKind, {
  name: 'EndKind',
  description: '期間終了後の措置(第15条第4項第4号)。 / What was done at the end of the period.',
  valuesConfig: { RETURN: { description: '返還。 / Returned.' }, DISPOSAL: { description: '廃棄。 / Disposed of.' } },
});

@ObjectType({ description: '総括管理責任者が必要と認める事項(第8号)。 / An item the general manager required.' })
export class RequiredItem {
  @Field(() => ID, { description: '事項ID(この外部提供の中で一意)。 / The item’s id within its provision.' })
  itemId!: string;

  @Field({ description: '事項名。 / What the general manager requires.' })
  title!: string;

  @Field(() => DateTime, { description: '総括管理責任者が求めた日時(決裁時)。 / When the general manager required it, on deciding.' })
  requiredAt!: string;
}

@ObjectType({ description: '協定書等の条件の記載。 / Where a condition stands in the agreement.' })
export class AgreementClause {
  @Field(() => String, { nullable: true, description: '条文。 / Its text.' })
  text?: string;

  @Field(() => String, { nullable: true, description: '協定書等での位置(例: 第5条)。 / Where it stands in the signed document.' })
  reference?: string;

  @Field(() => DateTime, { description: '記録した日時。 / When it was recorded.' })
  recordedAt!: string;
}

@ObjectType({ description: '第15条第4項の条件ごとの確認結果。 / One condition of 第15条第4項, present or missing, and why.' })
export class ClauseCheck {
  @Field(() => AgreementClauseKind, { description: '条件(第15条第4項各号)。 / The condition.' })
  clause!: AgreementClauseKind;

  @Field({ description: '根拠(第15条第4項第N号)。 / The item of 第15条第4項.' })
  article!: string;

  @Field({ description: '事項名。 / What the condition is.' })
  title!: string;

  @Field(() => RequiredItem, { nullable: true, description: '第8号のときの事項。 / For clause 8: the required item.' })
  requiredItem?: RequiredItem;

  @Field(() => AgreementClause, { nullable: true, description: '協定書等での記載(未記録なら null)。 / Where it stands in the agreement; null until recorded.' })
  entry?: AgreementClause;

  @Field({ description: '記載されているか。 / Whether the agreement holds it.' })
  present!: boolean;

  @Field(() => String, { nullable: true, description: '欠けている理由。 / Why it is missing.' })
  missingBecause?: string;
}

@ObjectType({ description: '協定書等(第15条第3項)。 / The agreement.' })
export class Agreement {
  @Field(() => [ClauseCheck], { description: '条件ごとの確認(第15条第4項)。 / Clause-by-clause completeness check.' })
  clauses!: ClauseCheck[];

  @Field({ description: 'すべての条件を備えているか。 / Whether every required condition is present.' })
  complete!: boolean;

  @Field(() => String, { nullable: true, description: '協定書等の名称・番号。 / The signed document.' })
  documentReference?: string;

  @Field(() => LocalDate, { nullable: true, description: '締結日。 / Concluded on.' })
  concludedOn?: string;
}

@ObjectType({ description: '返還又は廃棄の記録(第4号)。 / The recorded return or disposal.' })
export class ReturnOrDisposal {
  @Field(() => EndKind, { description: '返還又は廃棄。 / Returned or disposed of.' })
  kind!: EndKind;

  @Field(() => LocalDate, { description: '返還又は廃棄の日。 / The day it was returned or disposed of.' })
  on!: string;

  @Field({ description: '方法。 / How.' })
  method!: string;

  @Field(() => DateTime, { description: '記録した日時。 / When it was recorded.' })
  recordedAt!: string;
}

@ObjectType({ description: '検査の記録(第5号)。 / An inspection.' })
export class Inspection {
  @Field(() => LocalDate, { description: '検査日。 / The day of the inspection.' })
  on!: string;

  @Field({ description: '使用又は保管状況の検査結果。 / What it found of the use and keeping of the data.' })
  findings!: string;
}

@ObjectType({ description: '事故の報告(第6号)。 / An incident reported by the recipient.' })
export class IncidentReport {
  @Field(() => LocalDate, { description: '事故の発生日。 / The day it occurred.' })
  occurredOn!: string;

  @Field(() => LocalDate, { description: '提供先から報告を受けた日。 / The day the recipient reported it.' })
  reportedOn!: string;

  @Field({ description: '事故(滅失、き損等)の内容。 / What happened: loss, damage or the like.' })
  description!: string;
}

@ObjectType({ description: '提供後も続く義務。 / An obligation still open on provided data.' })
export class Obligation {
  @Field(() => AgreementClauseKind, { description: '義務の根拠となる条件。 / The condition the obligation comes from.' })
  clause!: AgreementClauseKind;

  @Field({ description: '根拠(第15条第4項第N号)。 / The item of 第15条第4項.' })
  article!: string;

  @Field({ description: '事項名。 / What the obligation is.' })
  title!: string;

  @Field({ description: '期限を過ぎているか。 / Overdue.' })
  overdue!: boolean;

  @Field({ description: '補足(期限や記録の件数)。 / A note: when it falls due, or how much is recorded.' })
  note!: string;
}

@ObjectType({ implements: [Node, Audited, Application], description: 'データの外部提供(様式第8号)。 / An external provision of data.' })
export class ExternalProvision extends Application {
  @Field({ description: '提供先。 / Recipient.' })
  recipient!: string;

  @Field({ description: '提供先が国外。 / The recipient is abroad.' })
  recipientAbroad!: boolean;

  @Field({ description: '個人情報を含む。 / Includes personal information.' })
  includesPersonalInformation!: boolean;

  @Field({ description: '提供の目的。 / Purpose of provision.' })
  purpose!: string;

  @Field(() => String, { nullable: true, description: '提供方法(この項目がなかった以前の記録は null)。 / How the data is provided; null on a record made before the form held it.' })
  method?: string;

  @Field(() => Period, { description: '提供期間。 / Period of provision.' })
  period!: Period;

  @Field(() => Int, { description: '記録された検査の件数(第5号)。 / How many inspections are recorded.' })
  inspectionCount!: number;

  @Field(() => Int, { description: '記録された事故報告の件数(第6号)。 / How many incidents are recorded.' })
  incidentCount!: number;

  @Field(() => ReturnOrDisposal, { nullable: true, description: '返還又は廃棄の記録(第4号、未記録なら null)。 / The return or disposal; null until recorded.' })
  returnOrDisposal?: ReturnOrDisposal;
}

export const InspectionConnection = Connection(Inspection, 'Inspection', '検査の記録');
export const IncidentReportConnection = Connection(IncidentReport, 'IncidentReport', '事故報告');
export const ExternalProvisionConnection = Connection(ExternalProvision, 'ExternalProvision', '外部提供');

@InputType({ description: 'データの外部提供協議(様式第8号)の作成。 / Consult the general manager on providing data outside the city.' })
export class ConsultExternalProvisionInput extends LegalBasesFields {
  @Field(() => [ID], { description: '提供するデータ(同じ主管課のもの)。 / The datasets (of one department).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(500, { each: true })
  datasetIds!: string[];

  @Field({ description: '提供先。 / Recipient.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  recipient!: string;

  @Field({ description: '提供先が国外。 / The recipient is abroad.' })
  recipientAbroad!: boolean;

  @Field({ description: '個人情報を含む。 / Includes personal information.' })
  includesPersonalInformation!: boolean;

  @Field({ description: '提供の目的。 / Purpose of provision.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  purpose!: string;

  @Field(() => [String], { nullable: true, description: '提供項目(必須、1件以上)。 / The data items provided (required, at least one).' })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(MAX_NAME, { each: true })
  items?: string[];

  @Field(() => String, { nullable: true, description: '提供方法(必須。例: 暗号化した電子媒体の手渡し)。 / How the data is provided (required).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  method?: string;

  @Field(() => PeriodInput, { description: '提供期間(終了した期間は協議できない、第15条第1項)。 / Period of provision; one already ended cannot be consulted on.' })
  @ValidateNested()
  period!: PeriodInput;

  @Field({ nullable: true, defaultValue: false, description: '作成と同時に提出する。 / Submit at once.' })
  @IsOptional()
  submit!: boolean;
}

@InputType({ description: '協定書等の条件の記載の記録。 / Record where a condition stands in the agreement.' })
export class RecordAgreementClauseInput {
  @Field(() => ID, { description: '外部提供のID。 / The provision’s id.' })
  @MaxLength(500)
  provisionId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => AgreementClauseKind, { description: '条件(第15条第4項各号)。 / The condition.' })
  clause!: AgreementClauseKind;

  @Field(() => ID, { nullable: true, description: '第8号: 対応する事項。 / Clause 8: the required item it answers.' })
  @IsOptional()
  @MaxLength(100)
  requiredItemId?: string;

  @Field(() => String, { nullable: true, description: '条文(条文又は協定書等での位置のいずれか)。 / Its text (this or a reference).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  text?: string;

  @Field(() => String, { nullable: true, description: '協定書等での位置(例: 第5条)。 / Where it stands in the signed document.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  reference?: string;
}

@InputType({ description: '協定書等の締結。 / Conclude the agreement (refused while a condition is missing).' })
export class ConcludeAgreementInput {
  @Field(() => ID, { description: '外部提供のID。 / The provision’s id.' })
  @MaxLength(500)
  provisionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => LocalDate, { description: '締結日。 / Concluded on.' })
  concludedOn!: string;

  @Field({ description: '協定書等の名称・番号。 / The signed document.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  documentReference!: string;
}

@InputType({ description: '返還又は廃棄の記録(第4号)。 / Record the return or disposal.' })
export class RecordReturnOrDisposalInput {
  @Field(() => ID, { description: '外部提供のID。 / The provision’s id.' })
  @MaxLength(500)
  provisionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => EndKind, { description: '返還又は廃棄。 / Returned or disposed of.' })
  kind!: EndKind;

  @Field(() => LocalDate, { description: '返還又は廃棄の日。 / The day it was returned or disposed of.' })
  on!: string;

  @Field({ description: '方法。 / How.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  method!: string;
}

@InputType({ description: '検査の記録(第5号)。 / Record an inspection.' })
export class RecordInspectionInput {
  @Field(() => ID, { description: '外部提供のID。 / The provision’s id.' })
  @MaxLength(500)
  provisionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => LocalDate, { description: '検査日。 / The day of the inspection.' })
  on!: string;

  @Field({ description: '使用又は保管状況の検査結果。 / What it found of the use and keeping of the data.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  findings!: string;
}

@InputType({ description: '事故の報告の記録(第6号)。 / Record an incident reported by the recipient.' })
export class RecordIncidentInput {
  @Field(() => ID, { description: '外部提供のID。 / The provision’s id.' })
  @MaxLength(500)
  provisionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => LocalDate, { description: '事故の発生日。 / The day it occurred.' })
  occurredOn!: string;

  @Field(() => LocalDate, { description: '提供先から報告を受けた日。 / The day the recipient reported it.' })
  reportedOn!: string;

  @Field({ description: '事故(滅失、き損等)の内容。 / What happened: loss, damage or the like.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  description!: string;
}

@ObjectType({ description: '外部提供の変更結果。 / The result of an external-provision mutation.' })
export class ExternalProvisionPayload {
  @Field(() => ExternalProvision, { nullable: true, description: '変更後の外部提供(拒否されたときは null)。 / The provision after the change; null when refused.' })
  provision?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
