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
  @Field(() => ID)
  itemId!: string;

  @Field()
  title!: string;

  @Field(() => DateTime)
  requiredAt!: string;
}

@ObjectType({ description: '協定書等の条件の記載。 / Where a condition stands in the agreement.' })
export class AgreementClause {
  @Field(() => String, { nullable: true, description: '条文。 / Its text.' })
  text?: string;

  @Field(() => String, { nullable: true, description: '協定書等での位置(例: 第5条)。 / Where it stands in the signed document.' })
  reference?: string;

  @Field(() => DateTime)
  recordedAt!: string;
}

@ObjectType({ description: '第15条第4項の条件ごとの確認結果。 / One condition of 第15条第4項, present or missing, and why.' })
export class ClauseCheck {
  @Field(() => AgreementClauseKind)
  clause!: AgreementClauseKind;

  @Field({ description: '根拠(第15条第4項第N号)。 / The item of 第15条第4項.' })
  article!: string;

  @Field({ description: '事項名。 / What the condition is.' })
  title!: string;

  @Field(() => RequiredItem, { nullable: true, description: '第8号のときの事項。 / For clause 8: the required item.' })
  requiredItem?: RequiredItem;

  @Field(() => AgreementClause, { nullable: true })
  entry?: AgreementClause;

  @Field()
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
  @Field(() => EndKind)
  kind!: EndKind;

  @Field(() => LocalDate)
  on!: string;

  @Field({ description: '方法。 / How.' })
  method!: string;

  @Field(() => DateTime)
  recordedAt!: string;
}

@ObjectType({ description: '検査の記録(第5号)。 / An inspection.' })
export class Inspection {
  @Field(() => LocalDate)
  on!: string;

  @Field()
  findings!: string;
}

@ObjectType({ description: '事故の報告(第6号)。 / An incident reported by the recipient.' })
export class IncidentReport {
  @Field(() => LocalDate)
  occurredOn!: string;

  @Field(() => LocalDate)
  reportedOn!: string;

  @Field()
  description!: string;
}

@ObjectType({ description: '提供後も続く義務。 / An obligation still open on provided data.' })
export class Obligation {
  @Field(() => AgreementClauseKind)
  clause!: AgreementClauseKind;

  @Field()
  article!: string;

  @Field()
  title!: string;

  @Field({ description: '期限を過ぎているか。 / Overdue.' })
  overdue!: boolean;

  @Field()
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

  @Field()
  purpose!: string;

  @Field(() => Period, { description: '提供期間。 / Period of provision.' })
  period!: Period;

  @Field()
  legalBasis!: string;

  @Field(() => Int, { description: '記録された検査の件数(第5号)。 / How many inspections are recorded.' })
  inspectionCount!: number;

  @Field(() => Int, { description: '記録された事故報告の件数(第6号)。 / How many incidents are recorded.' })
  incidentCount!: number;

  @Field(() => ReturnOrDisposal, { nullable: true })
  returnOrDisposal?: ReturnOrDisposal;
}

export const InspectionConnection = Connection(Inspection, 'Inspection', '検査の記録');
export const IncidentReportConnection = Connection(IncidentReport, 'IncidentReport', '事故報告');
export const ExternalProvisionConnection = Connection(ExternalProvision, 'ExternalProvision', '外部提供');

@InputType({ description: 'データの外部提供協議(様式第8号)の作成。 / Consult the general manager on providing data outside the city.' })
export class ConsultExternalProvisionInput {
  @Field(() => [ID], { description: '提供するデータ(同じ主管課のもの)。 / The datasets (of one department).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(500, { each: true })
  datasetIds!: string[];

  @Field()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  recipient!: string;

  @Field()
  recipientAbroad!: boolean;

  @Field()
  includesPersonalInformation!: boolean;

  @Field()
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  purpose!: string;

  @Field(() => PeriodInput)
  @ValidateNested()
  period!: PeriodInput;

  @Field()
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  legalBasis!: string;

  @Field({ nullable: true, defaultValue: false, description: '作成と同時に提出する。 / Submit at once.' })
  @IsOptional()
  submit!: boolean;
}

@InputType({ description: '協定書等の条件の記載の記録。 / Record where a condition stands in the agreement.' })
export class RecordAgreementClauseInput {
  @Field(() => ID)
  @MaxLength(500)
  provisionId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => AgreementClauseKind)
  clause!: AgreementClauseKind;

  @Field(() => ID, { nullable: true, description: '第8号: 対応する事項。 / Clause 8: the required item it answers.' })
  @IsOptional()
  @MaxLength(100)
  requiredItemId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  text?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_NAME)
  reference?: string;
}

@InputType({ description: '協定書等の締結。 / Conclude the agreement (refused while a condition is missing).' })
export class ConcludeAgreementInput {
  @Field(() => ID)
  @MaxLength(500)
  provisionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => LocalDate)
  concludedOn!: string;

  @Field()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  documentReference!: string;
}

@InputType({ description: '返還又は廃棄の記録(第4号)。 / Record the return or disposal.' })
export class RecordReturnOrDisposalInput {
  @Field(() => ID)
  @MaxLength(500)
  provisionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => EndKind)
  kind!: EndKind;

  @Field(() => LocalDate)
  on!: string;

  @Field()
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  method!: string;
}

@InputType({ description: '検査の記録(第5号)。 / Record an inspection.' })
export class RecordInspectionInput {
  @Field(() => ID)
  @MaxLength(500)
  provisionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => LocalDate)
  on!: string;

  @Field()
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  findings!: string;
}

@InputType({ description: '事故の報告の記録(第6号)。 / Record an incident reported by the recipient.' })
export class RecordIncidentInput {
  @Field(() => ID)
  @MaxLength(500)
  provisionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => LocalDate)
  occurredOn!: string;

  @Field(() => LocalDate)
  reportedOn!: string;

  @Field()
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  description!: string;
}

@ObjectType({ description: '外部提供の変更結果。 / The result of an external-provision mutation.' })
export class ExternalProvisionPayload {
  @Field(() => ExternalProvision, { nullable: true })
  provision?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
