/** 操作職員等 — who may operate a system (第12条), and 様式第5号 業務系システム操作職員等指定・解除報告書. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';
import { Application } from './applications';

/** Most entries on one 様式第5号 (each is written with its audit event in the report's one transaction). */
export const MAX_REPORT_ENTRIES = 20;

export enum OperatorDesignationBasis {
  ADMINISTRATOR = 'ADMINISTRATOR',
  REPORT = 'REPORT',
}
registerEnumType(OperatorDesignationBasis, {
  name: 'OperatorDesignationBasis',
  description: '指定の根拠。 / On what footing a person was designated.',
  valuesConfig: {
    ADMINISTRATOR: { description: '情報システム管理者の指定(情報系、第12条第1項)。 / By the system administrator (情報系).' },
    REPORT: { description: '情報管理責任者の指定、様式第5号で報告(業務系、第12条第2項)。 / By the information manager, reported on 様式第5号 (業務系).' },
  },
});

export enum OperatorDesignationStatus {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OperatorDesignationStatus, {
  name: 'OperatorDesignationStatus',
  description: '指定の状態。 / Whether a designation stands.',
  valuesConfig: {
    ACTIVE: { description: '有効(期間は validFrom〜validUntil)。 / Stands, for its period.' },
    CANCELLED: { description: '取消し(様式第5号の差戻し・不受理・取下げ)。 / Cancelled: its report was returned, rejected or withdrawn.' },
  },
});

export enum OperatorReportAction {
  DESIGNATE = 'DESIGNATE',
  RELEASE = 'RELEASE',
}
registerEnumType(OperatorReportAction, {
  name: 'OperatorReportAction',
  description: '様式第5号の区分。 / What an entry of 様式第5号 does.',
  valuesConfig: {
    DESIGNATE: { description: '指定(effectiveOn から操作できる)。 / Designate from effectiveOn.' },
    RELEASE: { description: '解除(effectiveOn から操作できない)。 / Release: no longer designated from effectiveOn.' },
  },
});

@ObjectType({ implements: [Node, Audited], description: 'システムの操作職員等の指定(第12条)。 / A designation of a person to operate a system.' })
export class OperatorDesignation extends Node {
  @Field(() => LocalDate, { description: '指定の初日。 / First day designated.' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: '指定の末日(なしは期限なし)。 / Last day designated; none: open-ended.' })
  validUntil?: string;

  @Field(() => OperatorDesignationBasis, { description: '指定の根拠(情報系: 情報システム管理者、業務系: 様式第5号、第12条)。 / By the system administrator (情報系) or on 様式第5号 (業務系).' })
  basis!: OperatorDesignationBasis;

  @Field(() => OperatorDesignationStatus, { description: '指定の状態(有効・取消し)。 / Whether it stands.' })
  status!: OperatorDesignationStatus;

  @Field(() => DateTime, { nullable: true, description: '解除の記録日時。 / When the release was recorded.' })
  releasedAt?: string;

  @Field(() => DateTime, { nullable: true, description: '取消しの日時。 / When it was cancelled.' })
  cancelledAt?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;

  @Field(() => DateTime, { description: '最終更新日時。 / When it last changed.' })
  updatedAt!: string;
}

export const OperatorDesignationConnection = Connection(OperatorDesignation, 'OperatorDesignation', '操作職員等の指定');

@ObjectType({ description: '様式第5号の一行。 / One entry of 様式第5号.' })
export class OperatorReportEntry {
  @Field(() => OperatorReportAction, { description: '区分(指定・解除)。 / Designate or release.' })
  action!: OperatorReportAction;

  @Field(() => LocalDate, { description: '効力発生日(指定: この日から操作できる。解除: この日から操作できない)。 / The day it takes effect.' })
  effectiveOn!: string;
}

@ObjectType({
  implements: [Node, Audited, Application],
  description:
    '業務系システム操作職員等指定・解除報告書(様式第5号、第12条第2項)。提出により記載の日から指定・解除の効力が生じ、情報システム管理者が受理(APPROVED)する。差戻し・不受理・取下げで取り消される。 / A report of designations and releases; it takes effect on submission for its days, the system administrator receives it (APPROVED), and a return, rejection or withdrawal undoes it.',
})
export class OperatorReport extends Application {
  @Field(() => [OperatorReportEntry], { description: '指定・解除の各行。 / Its entries: designations and releases.' })
  entries!: OperatorReportEntry[];

  @Field(() => String, { nullable: true, description: '備考。 / Note.' })
  note?: string;
}

export const OperatorReportConnection = Connection(OperatorReport, 'OperatorReport', '操作職員等指定・解除報告');

@InputType({ description: '操作職員等の指定(情報系、情報システム管理者、第12条第1項)。 / Designate an operator of a 情報系 system.' })
export class DesignateOperatorInput {
  @Field(() => ID, { description: '情報系システム。 / The 情報系 system.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => ID, { description: '指定する職員等(臨時職員・委託職員を含む)。 / The person (staff, temporary or contract).' })
  @MaxLength(500)
  personId!: string;

  @Field(() => LocalDate, { description: '指定の初日(本日以降)。 / First day (today or later).' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: '指定の末日(省略時は期限なし)。 / Last day; open-ended when omitted.' })
  @IsOptional()
  validUntil?: string;
}

@InputType({ description: '操作職員等の指定の解除(情報系、第12条第1項)。 / Release an operator of a 情報系 system.' })
export class ReleaseOperatorInput {
  @Field(() => ID, { description: '解除する指定。 / The designation to release.' })
  @MaxLength(500)
  designationId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => LocalDate, { description: '解除の日(この日から指定されていない)。 / The first day no longer designated.' })
  effectiveOn!: string;
}

@InputType({ description: '様式第5号の一行。 / One entry of 様式第5号.' })
export class OperatorReportEntryInput {
  @Field(() => OperatorReportAction, { description: '区分(指定・解除)。 / Designate or release.' })
  action!: OperatorReportAction;

  @Field(() => ID, { description: '職員等。 / The person.' })
  @MaxLength(500)
  personId!: string;

  @Field(() => LocalDate, { description: '効力発生日(提出日の翌日以降)。 / The day it takes effect (after the day of submission).' })
  effectiveOn!: string;
}

@InputType({ description: '業務系システム操作職員等指定・解除報告書(様式第5号)の作成。 / Report designations and releases of a 業務系 system’s operators.' })
export class ReportOperatorsInput {
  @Field(() => ID, { description: '業務系システム。 / The 業務系 system.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => [OperatorReportEntryInput], { description: `指定・解除の各行(1〜${MAX_REPORT_ENTRIES}行)。 / Its entries, 1 to ${MAX_REPORT_ENTRIES}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REPORT_ENTRIES)
  @ValidateNested({ each: true })
  entries!: OperatorReportEntryInput[];

  @Field(() => String, { nullable: true, description: '備考。 / Note.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string;

  @Field({ nullable: true, defaultValue: false, description: '作成と同時に提出する(提出で効力が生じる)。 / Submit at once (it takes effect on submission).' })
  @IsOptional()
  submit!: boolean;
}

@ObjectType({ description: '操作職員等の指定の変更結果。 / The result of a designation mutation.' })
export class OperatorDesignationPayload {
  @Field(() => OperatorDesignation, { nullable: true, description: '指定(変更後、拒否時は null)。 / The designation as it now stands; null when refused.' })
  designation?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: '様式第5号の変更結果。 / The result of a 様式第5号 mutation.' })
export class OperatorReportPayload {
  @Field(() => OperatorReport, { nullable: true, description: '作成した様式第5号(拒否時は null)。 / The report created; null when refused.' })
  report?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
