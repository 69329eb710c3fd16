/** 第35条に基づく定め: what the general manager sets for enforcing the regulation, numbered and versioned. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_NAME, Node, UserError } from './common';
import { Audited } from './audit';

/** The longest text of a document (a rule's body, a guideline's content): within the 64 KiB of a request in UTF-8. */
export const MAX_DOCUMENT = 16_000;

export enum SupplementaryRuleStatus {
  PENDING = 'PENDING',
  IN_FORCE = 'IN_FORCE',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(SupplementaryRuleStatus, {
  name: 'SupplementaryRuleStatus',
  description: '定めの版の効力(第35条)。 / Where a version of a rule stands today.',
  valuesConfig: {
    PENDING: { description: '施行前(施行日が来ていない)。 / Not yet in effect.' },
    IN_FORCE: { description: '現に効力を有する版。 / The version in force.' },
    SUPERSEDED: { description: '新しい版の施行により効力を失った。 / Superseded by a later version in effect.' },
  },
});

@ObjectType({
  implements: [Node, Audited],
  description:
    '第35条に基づく定め(この訓令の施行に関し必要な事項、総括管理責任者が定める)の一つの版。版は変更されず、新しい版が施行日から前の版に代わる。 / One version of a rule the general manager sets for enforcing the regulation (第35条). A version never changes; a later one supersedes it from its effective date.',
})
export class SupplementaryRule extends Node {
  @Field(() => Int, { description: '号(定めの番号、定めた順)。 / The rule’s number, in the order set.' })
  number!: number;

  @Field(() => Int, { description: '版(1から、改めるたびに増える)。 / The version of the rule, from 1.' })
  revision!: number;

  @Field({ description: '件名。 / Title.' })
  title!: string;

  @Field({ description: '本文。 / The text.' })
  body!: string;

  @Field(() => LocalDate, { description: '施行日。 / The day it takes effect.' })
  effectiveFrom!: string;

  @Field(() => DateTime, { description: '定めた日時。 / When it was set.' })
  createdAt!: string;

  @Field(() => Int, { description: '記録の版(常に1: 定めの版は変更されない)。 / The record’s version: always 1, a version never changes.' })
  version!: number;
}

export const SupplementaryRuleConnection = Connection(SupplementaryRule, 'SupplementaryRule', '第35条に基づく定め');

@InputType({ description: '新しい定め(総括管理責任者、第35条)。番号は次の号。 / A new rule (the general manager); it takes the next number.' })
export class EstablishSupplementaryRuleInput {
  @Field({ description: '件名。 / Title.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title!: string;

  @Field({ description: '本文。 / The text.' })
  @MinLength(1)
  @MaxLength(MAX_DOCUMENT)
  body!: string;

  @Field(() => LocalDate, { description: '施行日。 / The day it takes effect.' })
  effectiveFrom!: string;
}

@InputType({ description: '定めの新しい版(総括管理責任者、第35条)。最新の版を指定する。 / A new version of a rule (the general manager), made from its latest version.' })
export class ReviseSupplementaryRuleInput {
  @Field(() => ID, { description: '改める版(その定めの最新の版)。 / The version revised: the rule’s latest.' })
  @MaxLength(500)
  ruleId!: string;

  @Field({ nullable: true, description: '件名(省略時は前の版のまま)。 / Title; the latest version’s when left out.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title?: string;

  @Field({ description: '新しい版の本文。 / The text of the new version.' })
  @MinLength(1)
  @MaxLength(MAX_DOCUMENT)
  body!: string;

  @Field(() => LocalDate, { description: '新しい版の施行日(前の版の施行日以後)。 / The day the new version takes effect: not before the latest’s.' })
  effectiveFrom!: string;
}

@ObjectType({ description: '定めの変更結果。 / The result of setting a rule.' })
export class SupplementaryRulePayload {
  @Field(() => SupplementaryRule, { nullable: true, description: '定めた版(拒否されたときは null)。 / The version set; null when refused.' })
  supplementaryRule?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
