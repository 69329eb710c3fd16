/** Inputs and payload shared by every form's workflow: submit, withdraw, decide. */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { MAX_LIST, MAX_NAME, MAX_TEXT, UserError } from './common';
import { Application, DecisionOutcome } from './applications';

@InputType({ description: '提出・取下げ(様式を問わない)。 / Submit or withdraw an application of any form.' })
export class ApplicationTransitionInput {
  @Field(() => ID, { description: '対象の申請・協議。 / The application.' })
  @MaxLength(500)
  applicationId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;
}

/** The fields of a decision, the same on every form's decide input (no input takes it as it is). */
@InputType('DecisionFields')
export abstract class DecisionFields {
  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => DecisionOutcome, { description: '決裁の結果(承認・不承認・差戻し)。 / Approve, reject or return.' })
  outcome!: DecisionOutcome;

  @Field(() => String, { nullable: true, description: '理由(不承認・差戻しは必須)。 / Reason (required to reject or return).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  reason?: string;

  @Field(() => [String], { nullable: true, description: '承認の条件。 / Conditions of an approval.' })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(MAX_TEXT, { each: true })
  conditions?: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      '決裁の根拠とする第35条に基づく定め(例: 「第35条に基づく定め第1号(第2版)」「第1号」。版を省くと今日効力を有する版)。効力を有する版に限る。 / The rules set under Article 35 the decision rests on (a version in force; without a version, the one in force today).',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(200, { each: true })
  citedRules?: string[];
}

@InputType({ description: '決裁(様式を問わない)。 / Decide an application of any form.' })
export class DecideApplicationInput extends DecisionFields {
  @Field(() => ID, { description: '決裁する申請・協議。 / The application to decide.' })
  @MaxLength(500)
  applicationId!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      '様式第8号の承認: 協定書等に加える事項(第15条第4項第8号 その他総括管理責任者が必要と認める事項)。 / Form 8 approval: items the agreement must also contain.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(MAX_NAME, { each: true })
  requiredClauses?: string[];
}

@ObjectType({ description: '申請・協議の変更結果。 / The result of an application mutation.' })
export class ApplicationPayload {
  @Field(() => Application, { nullable: true, description: '変更後の申請・協議(拒否されたときは空)。 / The application as changed; null when refused.' })
  application?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
