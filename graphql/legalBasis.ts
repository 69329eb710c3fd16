/** 根拠法令 — the legal basis of a use (様式第6号) or a provision (様式第8号) of data: a provision of 個人情報の保護に関する法律, or another law by name and article. */
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { MAX_LIST, MAX_NAME, MAX_TEXT } from './common';

export enum LegalBasisKind {
  WITHIN_PURPOSE = 'WITHIN_PURPOSE',
  CONSENT_OR_TO_THE_PERSON = 'CONSENT_OR_TO_THE_PERSON',
  INTERNAL_USE = 'INTERNAL_USE',
  OTHER_PUBLIC_BODY = 'OTHER_PUBLIC_BODY',
  STATISTICS_RESEARCH_OR_SPECIAL_REASON = 'STATISTICS_RESEARCH_OR_SPECIAL_REASON',
  RECIPIENT_MEASURES = 'RECIPIENT_MEASURES',
  FOREIGN_RECIPIENT = 'FOREIGN_RECIPIENT',
  OTHER_LAW = 'OTHER_LAW',
}
registerEnumType(LegalBasisKind, {
  name: 'LegalBasisKind',
  description: '根拠法令(個人情報の保護に関する法律の規定又はその他の法令)。 / The legal basis: a provision of the Act on the Protection of Personal Information, or another law.',
  valuesConfig: {
    WITHIN_PURPOSE: { description: '個人情報の保護に関する法律第69条第1項 利用目的の範囲内の利用又は提供。 / Art. 69(1): use or provision within the purpose of use.' },
    CONSENT_OR_TO_THE_PERSON: { description: '同法第69条第2項第1号 本人の同意があるとき、又は本人に提供するとき。 / Art. 69(2)(i): with the person’s consent, or provision to the person.' },
    INTERNAL_USE: {
      description: '同法第69条第2項第2号 法令の定める所掌事務又は業務の遂行に必要な限度で内部で利用し、相当の理由があるとき(様式第6号のみ)。 / Art. 69(2)(ii): internal use for its own affairs with a reasonable reason (Form No. 6 only).',
    },
    OTHER_PUBLIC_BODY: {
      description: '同法第69条第2項第3号 他の行政機関、独立行政法人等、地方公共団体の機関又は地方独立行政法人に提供し、相当の理由があるとき。 / Art. 69(2)(iii): provision to another administrative organ or local government body with a reasonable reason.',
    },
    STATISTICS_RESEARCH_OR_SPECIAL_REASON: {
      description: '同法第69条第2項第4号 専ら統計の作成又は学術研究の目的のため、明らかに本人の利益になるとき、その他特別の理由があるとき。 / Art. 69(2)(iv): statistics or academic research, clearly in the person’s interest, or another special reason.',
    },
    RECIPIENT_MEASURES: { description: '同法第70条 提供先に求める措置(第15条第4項の協定書等による、様式第8号のみ)。 / Art. 70: measures required of the recipient, by the agreement of 第15条第4項 (Form No. 8 only).' },
    FOREIGN_RECIPIENT: { description: '同法第71条 外国にある第三者への提供(提供先が国外のとき必須、様式第8号のみ)。 / Art. 71: a recipient in a foreign country (required when the recipient is abroad; Form No. 8 only).' },
    OTHER_LAW: { description: 'その他の法令(法令名と条項を citation に記載)。 / Another law, cited by name and article in citation.' },
  },
});

@ObjectType({ description: '根拠法令。 / A legal basis.' })
export class LegalBasis {
  @Field(() => LegalBasisKind, { description: '根拠の種類。 / Which provision.' })
  kind!: LegalBasisKind;

  @Field({ description: '法令名と条項(例: 個人情報の保護に関する法律第69条第2項第3号)。 / The law and article, as cited.' })
  citation!: string;
}

@InputType({ description: '根拠法令。 / A legal basis.' })
export class LegalBasisInput {
  @Field(() => LegalBasisKind, { description: '根拠の種類。 / Which provision.' })
  kind!: LegalBasisKind;

  @Field(() => String, { nullable: true, description: 'その他の法令のとき、法令名と条項(例: 健康増進法第19条の2)。 / For OTHER_LAW: the law’s name and article.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  citation?: string;
}

/** The legal-basis fields of 様式第6号's and 第8号's inputs, the same on both (no input takes it as it is). */
@InputType('LegalBasesFields')
export abstract class LegalBasesFields {
  @Field(() => [LegalBasisInput], {
    nullable: true,
    description: '根拠法令(個人情報を含むときは1件以上。様式第8号で提供先が国外なら第71条を含む)。 / The legal bases: at least one with personal information; on Form No. 8 with a recipient abroad, Art. 71 among them.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  legalBases?: LegalBasisInput[];

  @Field(() => String, {
    nullable: true,
    description: '根拠法令(法令名と条項。その他の法令として扱う)。 / A single citation of another law (name and article).',
    deprecationReason: 'legalBases を使ってください(その他の法令は kind: OTHER_LAW と citation)。 / Use legalBases (another law is kind OTHER_LAW with its citation).',
  })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  legalBasis?: string;
}
