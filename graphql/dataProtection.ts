/** データの保護 (第13条): each dataset's measures against leak, damage and loss, reviewed at least once a year. */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { DateTime, MAX_TEXT } from './common';

@ObjectType({ description: 'データの漏えい、き損等の防止の措置(第13条、見直しの記録)。 / A dataset\'s measures against leak, damage and loss, as last reviewed.' })
export class DataProtection {
  @Field({ description: '漏えいを防止する措置。 / Measures against leaks.' })
  leakage!: string;

  @Field({ description: 'き損を防止する措置。 / Measures against damage.' })
  damage!: string;

  @Field(() => String, { nullable: true, description: '滅失等を防止する措置。 / Measures against loss.' })
  loss?: string;

  @Field(() => DateTime, { description: '見直し(記録)の日時。 / When they were reviewed (recorded).' })
  reviewedAt!: string;
}

@InputType({
  description:
    'データの漏えい、き損等の防止の措置の記録・見直し(置き換え、情報システム管理者又は所管課の情報管理責任者、第13条)。 / Record or review (replace) a dataset\'s measures (the system administrator or the information manager of its department).',
})
export class ReviewDatasetProtectionInput {
  @Field(() => ID, { description: '対象のデータ。 / The dataset.' })
  @MaxLength(500)
  datasetId!: string;

  @Field(() => Int, { description: 'データの版。 / The version of the dataset read.' })
  expectedVersion!: number;

  @Field({ description: '漏えいを防止する措置(アクセス制限、暗号化等)。 / Measures against leaks (access control, encryption…).' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  leakage!: string;

  @Field({ description: 'き損を防止する措置(バックアップ等)。 / Measures against damage (backups…).' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  damage!: string;

  @Field(() => String, { nullable: true, description: '滅失等を防止する措置。 / Measures against loss.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  loss?: string;
}
