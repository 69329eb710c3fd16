/** データ利用承認申請書 — data-use applications (様式第6号, 第14条) and the grants they become. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Connection, MAX_LIST, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';
import { Application } from './applications';
import { Period, PeriodInput } from './period';
import { LegalBasesFields } from './legalBasis';

@ObjectType({
  implements: [Node, Audited, Application],
  description: 'データ利用承認申請(様式第6号)。承認されると期間付きの利用許可になる。 / A data-use application; once approved, a grant for its period.',
})
export class DataUseApplication extends Application {
  @Field({ description: '利用目的。 / Purpose of use.' })
  purpose!: string;

  @Field(() => [String], { description: '利用項目。 / The data items needed.' })
  items!: string[];

  @Field(() => Period, { description: '利用期間。 / Period of use.' })
  period!: Period;
}

export const DataUseApplicationConnection = Connection(DataUseApplication, 'DataUseApplication', 'データ利用承認');

@InputType({ description: 'データ利用承認申請(様式第6号)の作成。 / Apply to use another department’s dataset.' })
export class ApplyForDataUseInput extends LegalBasesFields {
  @Field(() => ID, { description: '利用するデータ。 / The dataset.' })
  @MaxLength(500)
  datasetId!: string;

  @Field(() => ID, { description: '利用する主管課(申請者が情報管理責任者である課)。 / The department that would use it.' })
  @MaxLength(500)
  requestingDepartmentId!: string;

  @Field({ description: '利用目的。 / Purpose of use.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  purpose!: string;

  @Field(() => [String], { description: '利用項目(1件以上)。 / The data items needed (at least one).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(MAX_NAME, { each: true })
  items!: string[];

  @Field(() => PeriodInput, { description: '利用期間(終了した期間は申請できない、第14条)。 / Period of use; one already ended cannot be applied for.' })
  @ValidateNested()
  period!: PeriodInput;

  @Field({ nullable: true, defaultValue: false, description: '作成と同時に提出する。 / Submit at once.' })
  @IsOptional()
  submit!: boolean;
}

@ObjectType({ description: 'データ利用承認申請の変更結果。 / The result of a data-use mutation.' })
export class DataUseApplicationPayload {
  @Field(() => DataUseApplication, { nullable: true, description: '変更後のデータ利用承認申請(拒否されたときは空)。 / The application as changed; null when refused.' })
  application?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
