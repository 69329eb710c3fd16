/** ウィルス対策 (第26条第1項・第2項): each system's measures against infection and spread, and for an infection. */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import { DateTime, MAX_TEXT } from './common';

@ObjectType({ description: 'ウィルスの感染防止対策・拡散防止対策・感染時の対策(第26条第1項・第2項、見直しの記録)。 / A system\'s virus measures, as last reviewed.' })
export class SystemVirusMeasures {
  @Field({ description: '感染防止対策。 / Measures against infection.' })
  prevention!: string;

  @Field({ description: '拡散防止対策。 / Measures against spread.' })
  antiSpread!: string;

  @Field({ description: '感染時の対策。 / Measures for an infection.' })
  onInfection!: string;

  @Field(() => DateTime, { description: '見直し(記録)の日時。 / When they were reviewed (recorded).' })
  reviewedAt!: string;
}

@InputType({
  description:
    'ウィルス対策の記録・見直し(置き換え、情報系は情報システム管理者が指定した情報管理責任者、業務系は業務を所管する情報管理責任者、第26条第1項・第2項)。 / Record or review (replace) a system\'s virus measures.',
})
export class ReviewSystemVirusMeasuresInput {
  @Field(() => ID, { description: '対象の行政システム。 / The system concerned.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => Int, { description: 'システムの版。 / The version of the system read.' })
  expectedVersion!: number;

  @Field({ description: '感染防止対策(ウィルス対策ソフト、更新の適用等)。 / Measures against infection (anti-virus software, updates…).' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  prevention!: string;

  @Field({ description: '拡散防止対策(ネットワークの分離等)。 / Measures against spread (network segmentation…).' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  antiSpread!: string;

  @Field({ description: '感染時の対策(切離し・報告の手順等)。 / Measures for an infection (disconnection and reporting steps…).' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  onInfection!: string;
}
