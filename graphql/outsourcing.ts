/** 外部委託 — outsourcing contracts for a system's development or maintenance (第22条). */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';
import { Period, PeriodInput } from './period';

export enum ContractScope {
  DEVELOPMENT = 'DEVELOPMENT',
  MAINTENANCE = 'MAINTENANCE',
  DEVELOPMENT_AND_MAINTENANCE = 'DEVELOPMENT_AND_MAINTENANCE',
}
registerEnumType(ContractScope, {
  name: 'ContractScope',
  description: '委託の範囲。 / What is outsourced.',
  valuesConfig: {
    DEVELOPMENT: { description: '開発。 / Development.' },
    MAINTENANCE: { description: '維持管理。 / Maintenance.' },
    DEVELOPMENT_AND_MAINTENANCE: { description: '開発及び維持管理。 / Both.' },
  },
});

export enum ContractStatus {
  DRAFT = 'DRAFT',
  CONCLUDED = 'CONCLUDED',
}
registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: '契約の状態。 / Contract status.',
  valuesConfig: { DRAFT: { description: '作成中。 / Being drawn up.' }, CONCLUDED: { description: '締結済。 / Concluded.' } },
});

@ObjectType({ description: '個人情報の保護に関し必要な事項の記載(第22条)。 / The personal-information clause.' })
export class PersonalInformationClause {
  @Field(() => String, { nullable: true, description: '条項の文言。 / The clause’s wording.' })
  text?: string;

  @Field(() => String, { nullable: true, description: '契約書での位置。 / Where it stands in the contract.' })
  reference?: string;
}

@ObjectType({ implements: [Node, Audited], description: '外部委託契約(第22条)。 / An outsourcing contract.' })
export class OutsourcingContract extends Node {
  @Field({ description: '受託者。 / Contractor.' })
  contractor!: string;

  @Field(() => ContractScope, { description: '委託の範囲(開発・維持管理、第22条)。 / What is outsourced: development, maintenance or both.' })
  scope!: ContractScope;

  @Field(() => Period, { description: '契約期間。 / The contract period.' })
  period!: Period;

  @Field(() => PersonalInformationClause, { nullable: true, description: '個人情報の保護に関し必要な事項(第22条、未記載なら null)。 / The personal-information clause; null until stated.' })
  personalInformationClause?: PersonalInformationClause;

  @Field(() => ContractStatus, { description: '状態(作成中・締結済)。 / Draft or concluded.' })
  status!: ContractStatus;

  @Field(() => LocalDate, { nullable: true, description: '締結日(作成中は null)。 / The day it was concluded; null while a draft.' })
  concludedOn?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

export const OutsourcingContractConnection = Connection(OutsourcingContract, 'OutsourcingContract', '外部委託契約');

@InputType({ description: '個人情報の保護に関する条項。 / The personal-information clause: text or reference.' })
export class PersonalInformationClauseInput {
  @Field(() => String, { nullable: true, description: '条項の文言(文言又は契約書での位置のいずれか)。 / The clause’s wording (this or a reference).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  text?: string;

  @Field(() => String, { nullable: true, description: '契約書での位置(例: 第12条)。 / Where it stands in the contract.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  reference?: string;
}

@InputType({ description: '外部委託契約の記録。 / Record an outsourcing contract (draft).' })
export class RecordOutsourcingContractInput {
  @Field(() => ID, { description: '委託する行政システムのID。 / The id of the system outsourced.' })
  @MaxLength(500)
  systemId!: string;

  @Field({ description: '受託者。 / Contractor.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  contractor!: string;

  @Field(() => ContractScope, { description: '委託の範囲(開発・維持管理)。 / What is outsourced.' })
  scope!: ContractScope;

  @Field(() => PeriodInput, { description: '契約期間。 / The contract period.' })
  @ValidateNested()
  period!: PeriodInput;

  @Field(() => PersonalInformationClauseInput, { nullable: true, description: '個人情報の保護に関し必要な事項(第22条、締結までに必要)。 / The personal-information clause; needed before conclusion.' })
  @IsOptional()
  @ValidateNested()
  personalInformationClause?: PersonalInformationClauseInput;
}

@InputType({ description: '契約の締結の記録。個人情報保護条項がなければ拒否。 / Record the contract as concluded.' })
export class ConcludeOutsourcingContractInput {
  @Field(() => ID, { description: '外部委託契約のID。 / The contract’s id.' })
  @MaxLength(500)
  contractId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => LocalDate, { description: '締結日。 / The day it was concluded.' })
  concludedOn!: string;
}

@ObjectType({ description: '外部委託契約の変更結果。 / The result of a contract mutation.' })
export class OutsourcingContractPayload {
  @Field(() => OutsourcingContract, { nullable: true, description: '変更後の外部委託契約(拒否されたときは null)。 / The contract after the change; null when refused.' })
  contract?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
