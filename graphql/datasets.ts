/** データ — datasets a system holds, owned by its department (第2条第10号, 第13条). */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Connection, DateTime, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';
import { DataProtection } from './dataProtection';

@ObjectType({ implements: [Node, Audited], description: 'データ(データセット)。 / A dataset held in a system.' })
export class Dataset extends Node {
  @Field({ description: '名称。 / Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: '概要。 / Description.' })
  description?: string;

  @Field({ description: '個人情報(第2条第2号)を含む。 / Holds personal information.' })
  containsPersonalInformation!: boolean;

  @Field(() => DataProtection, { nullable: true, description: '漏えい、き損等の防止の措置(第13条、未記録なら空)。 / Measures against leak and damage; null until recorded.' })
  protection?: DataProtection;

  @Field(() => Int, { description: '版。 / Version.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

export const DatasetConnection = Connection(Dataset, 'Dataset', 'データ');

@InputType({ description: 'データの登録。 / Register a dataset of a system.' })
export class RegisterDatasetInput {
  @Field(() => ID, { description: 'データを保有する行政システム。 / The system that holds it.' })
  @MaxLength(500)
  systemId!: string;

  @Field({ description: '名称。 / Name.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name!: string;

  @Field(() => String, { nullable: true, description: '概要。 / Description.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  description?: string;

  @Field({ description: '個人情報(第2条第2号)を含むか。 / Whether it holds personal information.' })
  containsPersonalInformation!: boolean;
}

@ObjectType({ description: 'データの変更結果。 / The result of a dataset mutation.' })
export class DatasetPayload {
  @Field(() => Dataset, { nullable: true, description: '変更後のデータ(拒否されたときは空)。 / The dataset as changed; null when refused.' })
  dataset?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
