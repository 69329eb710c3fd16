/** 保守対策・障害対策 (第17条, 第18条): each system's protective measures, failure measures and recovery procedure. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DateTime, LocalDate, MAX_NAME, MAX_TEXT } from './common';

export enum Hazard {
  EARTHQUAKE = 'EARTHQUAKE',
  FIRE = 'FIRE',
  OTHER_DISASTER = 'OTHER_DISASTER',
  THEFT = 'THEFT',
}
registerEnumType(Hazard, {
  name: 'Hazard',
  description: '第17条の保護の対象となる災害等。 / What a system is protected against (第17条).',
  valuesConfig: {
    EARTHQUAKE: { description: '地震。 / Earthquake.' },
    FIRE: { description: '火災。 / Fire.' },
    OTHER_DISASTER: { description: 'その他の災害。 / Other disasters.' },
    THEFT: { description: '盗難。 / Theft.' },
  },
});

@ObjectType({ description: '災害等に対する保護の措置(第17条)。 / A protective measure against a hazard.' })
export class HazardProtection {
  @Field(() => Hazard, { description: '災害等(地震・火災・その他の災害・盗難)。 / The hazard.' })
  hazard!: Hazard;

  @Field({ description: '措置。 / The measure.' })
  measure!: string;
}

@ObjectType({ description: '回復の手順(第18条第2項、あらかじめ定める)。 / The recovery procedure, set in advance.' })
export class RecoveryProcedure {
  @Field({ description: '文書名。 / The document.' })
  title!: string;

  @Field({ description: '保管場所。 / Where it is kept.' })
  location!: string;

  @Field(() => LocalDate, { description: '最終見直し日。 / Last reviewed.' })
  reviewedOn!: string;

  @Field(() => Int, { nullable: true, description: '目標復旧時間(時間)。 / Target recovery time, in hours.' })
  targetHours?: number;
}

@ObjectType({ description: '保守対策・障害対策(第17条、第18条)。 / A system\'s protective and failure measures.' })
export class SystemResilience {
  @Field(() => [HazardProtection], { description: '保護の措置(第17条)。 / Protections (第17条).' })
  protections!: HazardProtection[];

  @Field(() => String, { nullable: true, description: '障害対策(第18条第1項)。 / Measures against failure (第18条第1項).' })
  failureMeasures?: string;

  @Field(() => RecoveryProcedure, { nullable: true, description: '回復の手順(第18条第2項)。 / The recovery procedure (第18条第2項).' })
  recoveryProcedure?: RecoveryProcedure;

  @Field(() => DateTime, { description: '記録日時。 / When it was recorded.' })
  recordedAt!: string;
}

@InputType({ description: '災害等に対する保護の措置。 / A protective measure.' })
export class HazardProtectionInput {
  @Field(() => Hazard, { description: '災害等。 / The hazard.' })
  hazard!: Hazard;

  @Field({ description: '措置。 / The measure.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  measure!: string;
}

@InputType({ description: '回復の手順。 / The recovery procedure.' })
export class RecoveryProcedureInput {
  @Field({ description: '文書名。 / The document.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title!: string;

  @Field({ description: '保管場所。 / Where it is kept.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  location!: string;

  @Field(() => LocalDate, { description: '最終見直し日。 / Last reviewed.' })
  reviewedOn!: string;

  @Field(() => Int, { nullable: true, description: '目標復旧時間(時間、1〜8760)。 / Target recovery time, in hours (1–8760).' })
  @IsOptional()
  @Min(1)
  @Max(8760)
  targetHours?: number;
}

@InputType({
  description:
    '保守対策・障害対策の記録(置き換え、情報システム管理者又は当該システムの情報管理責任者)。 / Record (replace) a system\'s measures (the system administrator or its information manager).',
})
export class RecordSystemResilienceInput {
  @Field(() => ID, { description: '対象の行政システム。 / The system concerned.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => Int, { description: 'システムの版。 / The version of the system read.' })
  expectedVersion!: number;

  @Field(() => [HazardProtectionInput], { description: '保護の措置(第17条、全件を置き換え)。 / Protections (第17条); replaces the whole list.' })
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  protections!: HazardProtectionInput[];

  @Field(() => String, { nullable: true, description: '障害対策(第18条第1項)。 / Measures against failure (第18条第1項).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  failureMeasures?: string;

  @Field(() => RecoveryProcedureInput, { nullable: true, description: '回復の手順(第18条第2項、あらかじめ定める)。 / The recovery procedure, set in advance (第18条第2項).' })
  @IsOptional()
  @ValidateNested()
  recoveryProcedure?: RecoveryProcedureInput;
}
