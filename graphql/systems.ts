/** 行政システム — administrative systems (第2条第5号–第7号, 第6条, 第8条, 第10条, 第11条, 第23条). */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_LIST, MAX_NAME, MAX_TEXT, Node, OrderDirection, UserError } from './common';
import { Audited } from './audit';
import { SystemResilience } from './resilience';
import { SystemVirusMeasures } from './virusMeasures';

export enum SystemCategory {
  INFORMATION = 'INFORMATION',
  BUSINESS = 'BUSINESS',
}
registerEnumType(SystemCategory, {
  name: 'SystemCategory',
  description: 'システムの区分。 / Category of a system.',
  valuesConfig: {
    INFORMATION: { description: '情報系(各主管課の共同利用、第2条第6号)。 / Shared by all departments.' },
    BUSINESS: { description: '業務系(主管課の特定業務、第2条第7号)。 / Set up by one department for its own work.' },
  },
});

export enum Network {
  EXTERNAL = 'EXTERNAL',
  INTERNAL = 'INTERNAL',
}
registerEnumType(Network, {
  name: 'Network',
  description: '接続するネットワーク。 / The network a system is on.',
  valuesConfig: {
    EXTERNAL: { description: '外部(インターネット等に接続)。 / Connected to the internet or other outside networks.' },
    INTERNAL: { description: '内部。 / Internal only.' },
  },
});

export enum Purpose {
  CITIZEN_WELFARE = 'CITIZEN_WELFARE',
  LABOUR_REDUCTION = 'LABOUR_REDUCTION',
  COST_SAVING = 'COST_SAVING',
  EFFICIENCY = 'EFFICIENCY',
  ADMINISTRATIVE_STANDARDS = 'ADMINISTRATIVE_STANDARDS',
}
registerEnumType(Purpose, {
  name: 'Purpose',
  description: '処理の要件(第6条)。 / The purposes of 第6条; a system needs at least one.',
  valuesConfig: {
    CITIZEN_WELFARE: { description: '市民福祉の向上(第1号)。 / Citizen welfare.' },
    LABOUR_REDUCTION: { description: '労働の軽減(第2号)。 / Labour reduction.' },
    COST_SAVING: { description: '経費の節減(第3号)。 / Cost saving.' },
    EFFICIENCY: { description: '事務の効率化(第4号)。 / Efficiency.' },
    ADMINISTRATIVE_STANDARDS: { description: 'その他行政水準の向上(第5号)。 / Raising administrative standards.' },
  },
});

export enum SystemStatus {
  REGISTERED = 'REGISTERED',
  DECIDED = 'DECIDED',
  INSTALLED = 'INSTALLED',
  ABOLISHED = 'ABOLISHED',
}
registerEnumType(SystemStatus, {
  name: 'SystemStatus',
  description: 'システムの段階。 / Where a system stands in its life.',
  valuesConfig: {
    REGISTERED: { description: '登録済・未決定。 / In the register, not yet decided.' },
    DECIDED: { description: '決定済(様式第1号、第7条)。 / Decided.' },
    INSTALLED: { description: '設置済(様式第2号、第8条)。 / Installed.' },
    ABOLISHED: { description: '廃止(様式第2号、第8条)。 / Abolished.' },
  },
});

export enum DocumentKind {
  DESIGN = 'DESIGN',
  OPERATING_PROCEDURE = 'OPERATING_PROCEDURE',
  OPERATIONS_MANUAL = 'OPERATIONS_MANUAL',
  OTHER = 'OTHER',
}
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'ドキュメントの種類(第2条第11号)。 / Kind of document.',
  valuesConfig: {
    DESIGN: { description: 'システム設計書。 / Design document.' },
    OPERATING_PROCEDURE: { description: '操作手順。 / Operating procedure.' },
    OPERATIONS_MANUAL: { description: '運用マニュアル。 / Operations manual.' },
    OTHER: { description: 'その他。 / Other.' },
  },
});

export enum ResponsibilityBasis {
  DESIGNATED = 'DESIGNATED',
  PROCESSING_DEPARTMENT = 'PROCESSING_DEPARTMENT',
  AGREED_OVERRIDE = 'AGREED_OVERRIDE',
}
registerEnumType(ResponsibilityBasis, {
  name: 'ResponsibilityBasis',
  description: '開発・維持管理(第10条)及び経費負担(第23条)の根拠。 / On what footing a department holds the responsibility.',
  valuesConfig: {
    DESIGNATED: { description: '情報系: 情報システム管理者の指定(第1項)。 / 情報系: designated by the system administrator.' },
    PROCESSING_DEPARTMENT: { description: '業務系: 業務を所管する主管課(第2項)。 / 業務系: the department whose work it processes.' },
    AGREED_OVERRIDE: {
      description: 'デジタル推進課長・財政課長・情報管理責任者の協議と情報システム管理者の承諾による別の区分(第3項)。 / Override by agreement with consent.',
    },
  },
});

export enum ResponsibilityKind {
  MAINTENANCE = 'MAINTENANCE',
  COST = 'COST',
}
registerEnumType(ResponsibilityKind, {
  name: 'ResponsibilityKind',
  description: '責任の種類。 / Which responsibility.',
  valuesConfig: {
    MAINTENANCE: { description: '開発及び維持管理(第10条)。 / Development and maintenance.' },
    COST: { description: '経費の負担(第23条)。 / Cost bearing.' },
  },
});

export enum OperatingHours {
  ALL_DAY = 'ALL_DAY',
  WORKING_HOURS = 'WORKING_HOURS',
}
registerEnumType(OperatingHours, {
  name: 'OperatingHours',
  description: '操作の時間(第11条)。 / Operating hours.',
  valuesConfig: {
    ALL_DAY: { description: '原則として終日(情報系、第11条第1項)。 / All day.' },
    WORKING_HOURS: { description: '勤務時間内(業務系、第11条第2項)。 / Within staff working hours.' },
  },
});

export enum ExemptAction {
  INSTALL = 'INSTALL',
  CHANGE = 'CHANGE',
  ABOLISH = 'ABOLISH',
}
registerEnumType(ExemptAction, {
  name: 'ExemptAction',
  description: '第8条ただし書による設置・変更・廃止。 / Installation, change or abolition under the 第8条 exemption.',
  valuesConfig: {
    INSTALL: { description: '設置。 / Install.' },
    CHANGE: { description: '変更。 / Change.' },
    ABOLISH: { description: '廃止。 / Abolish.' },
  },
});

@ObjectType({ description: 'ドキュメント(第2条第11号)。 / A document of the system.' })
export class SystemDocument {
  @Field(() => DocumentKind, { description: 'ドキュメントの種類(第2条第11号)。 / Kind of document.' })
  kind!: DocumentKind;

  @Field({ description: '文書名。 / The document’s title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: '保管場所。 / Where it is kept.' })
  location?: string;
}

export enum OverridePartyRole {
  DIGITAL_PROMOTION_HEAD = 'DIGITAL_PROMOTION_HEAD',
  FINANCE_HEAD = 'FINANCE_HEAD',
  INFORMATION_MANAGER = 'INFORMATION_MANAGER',
}
registerEnumType(OverridePartyRole, {
  name: 'OverridePartyRole',
  description: '第10条第3項・第23条第3項の協議の当事者。 / A party to an override agreement.',
  valuesConfig: {
    DIGITAL_PROMOTION_HEAD: { description: 'デジタル推進課長(ホームページシステム管理者、第27条第3項)。 / Head of Digital Promotion.' },
    FINANCE_HEAD: { description: '財政課長。 / Head of the Finance Section.' },
    INFORMATION_MANAGER: { description: '当該情報管理責任者。 / The information manager concerned.' },
  },
});

@ObjectType({ description: '協議の当事者の一人。 / One head who agreed to an override.' })
export class OverrideParty {
  @Field(() => OverridePartyRole, { description: '協議に加わった立場。 / In what capacity.' })
  role!: OverridePartyRole;

  @Field({ description: '立場の名称(例: 財政課長)。 / The capacity, as the article names it.' })
  label!: string;
}

@ObjectType({ description: '第10条第3項・第23条第3項の協議と承諾の記録。 / The recorded agreement and consent of an override.' })
export class OverrideAgreement {
  @Field(() => LocalDate, { description: '協議の日。 / Date of the agreement.' })
  agreedOn!: string;

  @Field({ description: '協議の記録(文書番号等)。 / Where the agreement is recorded.' })
  reference!: string;

  @Field(() => DateTime, { description: '承諾の日時。 / When the system administrator consented.' })
  consentedAt!: string;
}

@ObjectType({ description: '開発・維持管理(第10条)又は経費負担(第23条)の区分。 / Who holds a responsibility, and why.' })
export class Responsibility {
  @Field(() => ResponsibilityBasis, { description: '根拠(指定、業務を所管する主管課又は協議による別の区分)。 / On what footing it is held.' })
  basis!: ResponsibilityBasis;

  @Field(() => OverrideAgreement, { nullable: true, description: '別の区分の協議と承諾の記録(第10条第3項・第23条第3項、別の区分のときのみ)。 / The agreement and consent behind an override; only for one.' })
  override?: OverrideAgreement;

  @Field(() => DateTime, { description: '設定日時。 / When it was recorded.' })
  assignedAt!: string;

  @Field({ description: '根拠条文。 / The article it rests on.' })
  article!: string;
}

@ObjectType({ description: '操作の時間の原則(第11条)。 / The operating-hours policy.' })
export class OperatingHoursPolicy {
  @Field(() => OperatingHours, { description: '原則(情報系は終日、業務系は勤務時間内)。 / The rule: all day for 情報系, working hours for 業務系.' })
  policy!: OperatingHours;

  @Field({ description: '根拠条文。 / The article.' })
  article!: string;
}

@ObjectType({ implements: [Node, Audited], description: '行政システム(第2条第5号)。 / An administrative system.' })
export class System extends Node {
  @Field({ description: '名称。 / Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: '概要。 / Description.' })
  description?: string;

  @Field(() => SystemCategory, { description: '区分(情報系・業務系、第2条第6号・第7号)。 / 情報系 or 業務系.' })
  category!: SystemCategory;

  @Field(() => Network, { description: '接続するネットワーク(外部・内部)。 / External or internal network.' })
  network!: Network;

  @Field(() => [Purpose], { description: '処理の要件(第6条)。 / Purposes (第6条).' })
  purposes!: Purpose[];

  @Field(() => SystemStatus, { description: '段階(登録・決定・設置・廃止)。 / Where it stands: registered, decided, installed or abolished.' })
  status!: SystemStatus;

  @Field(() => [SystemDocument], { description: 'ドキュメント(設計書・操作手順・運用マニュアル等、第2条第11号)。 / Its documents.' })
  documents!: SystemDocument[];

  @Field({ description: '専ら教育又は研究に要する業務系システム(第8条ただし書)。 / Used solely for education or research.' })
  educationOrResearchOnly!: boolean;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;

  @Field(() => DateTime, { description: '最終更新日時。 / When it last changed.' })
  updatedAt!: string;

  @Field(() => DateTime, { nullable: true, description: '決定日時(様式第1号の承認)。 / When decided.' })
  decidedAt?: string;

  @Field(() => DateTime, { nullable: true, description: '設置日時。 / When installed.' })
  installedAt?: string;

  @Field(() => DateTime, { nullable: true, description: '廃止日時。 / When abolished.' })
  abolishedAt?: string;

  @Field(() => SystemResilience, { nullable: true, description: '保守対策・障害対策(第17条、第18条)。 / Protective and failure measures.' })
  resilience?: SystemResilience;

  @Field(() => SystemVirusMeasures, { nullable: true, description: 'ウィルス対策(第26条第1項・第2項、未記録なら空)。 / Virus measures; null until recorded.' })
  virusMeasures?: SystemVirusMeasures;
}

export const SystemConnection = Connection(System, 'System', '行政システム');

@InputType({
  description:
    '行政システム台帳の絞り込み。指定した条件をすべて満たすものだけ(status は挙げたいずれか)。text は名称の一部で探し、他の条件・並び順とは併用できない。 / ' +
    'Which systems to list: all the conditions given (any of the statuses listed). `text` finds systems by part of their name and goes alone.',
})
export class SystemFilter {
  @Field(() => [SystemStatus], { nullable: true, description: '段階(いずれか)。 / Any of these statuses.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  status?: SystemStatus[];

  @Field(() => SystemCategory, { nullable: true, description: '区分(情報系・業務系)。 / 情報系 or 業務系.' })
  category?: SystemCategory;

  @Field(() => Network, { nullable: true, description: '接続するネットワーク。 / The network.' })
  network?: Network;

  @Field({
    nullable: true,
    description:
      '名称の一部(全角・半角、ひらがな・カタカナ、大文字・小文字、空白を区別しない。名称の先頭24文字以内から始まる語)。一致した語の順に返る。 / ' +
      'Part of the name, ignoring full/half width, hiragana/katakana, case and spaces (words beginning within the first 24 characters); in the order of the text matched.',
  })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  text?: string;
}

export enum SystemOrderField {
  REGISTERED = 'REGISTERED',
  NAME = 'NAME',
}
registerEnumType(SystemOrderField, {
  name: 'SystemOrderField',
  description: '行政システム台帳の並び順。 / What the register of systems is ordered by.',
  valuesConfig: {
    REGISTERED: { description: '登録順。 / In order of registration.' },
    NAME: { description: '名称順(全角・半角、ひらがな・カタカナを同一視した文字コード順)。 / By name, width and kana folded, in character-code order.' },
  },
});

@InputType({ description: '行政システム台帳の並び順。 / How the register of systems is ordered.' })
export class SystemOrder {
  @Field(() => SystemOrderField, { defaultValue: SystemOrderField.REGISTERED, description: '何の順か。 / By what.' })
  field!: SystemOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: '向き。 / Which way.' })
  direction!: OrderDirection;
}

@InputType({ description: 'ドキュメント。 / A document.' })
export class SystemDocumentInput {
  @Field(() => DocumentKind, { description: 'ドキュメントの種類(第2条第11号)。 / Kind of document.' })
  kind!: DocumentKind;

  @Field({ description: '文書名。 / The document’s title.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title!: string;

  @Field(() => String, { nullable: true, description: '保管場所。 / Where it is kept.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  location?: string;
}

@InputType({ description: '行政システムの登録(決定前)。 / Register a system before its decision (様式第1号 follows).' })
export class RegisterSystemInput {
  @Field({ description: '名称。 / Name.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name!: string;

  @Field(() => String, { nullable: true, description: '概要。 / Description.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  description?: string;

  @Field(() => SystemCategory, { description: '区分(情報系・業務系、第2条第6号・第7号)。登録後は変更できない。 / 情報系 or 業務系; fixed once registered.' })
  category!: SystemCategory;

  @Field(() => Network, { description: '接続するネットワーク(外部・内部)。 / External or internal network.' })
  network!: Network;

  @Field(() => [Purpose], { description: '第6条の目的(決定には1つ以上必要)。 / Purposes (at least one to be decided).' })
  @ArrayMaxSize(5)
  purposes!: Purpose[];

  @Field(() => ID, { description: '所管する主管課。 / The owning department.' })
  @MaxLength(500)
  owningDepartmentId!: string;

  @Field(() => [ID], { nullable: true, description: '業務系: 処理する業務を所管する主管課(既定は所管課)。 / 業務系: departments whose work it processes.' })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(500, { each: true })
  processingDepartmentIds?: string[];

  @Field(() => [SystemDocumentInput], { nullable: true, description: 'ドキュメント(第2条第11号)。 / Its documents.' })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  documents?: SystemDocumentInput[];

  @Field({ nullable: true, description: '専ら教育又は研究に要する業務系システム(第8条ただし書)。 / Solely for education or research.' })
  @IsOptional()
  educationOrResearchOnly?: boolean;
}

/** The fields a change may set; shared by direct edits, 様式第2号 changes and exempt changes. */
@InputType({ description: 'システムの変更内容。 / What changes in a system.' })
export class SystemChangesInput {
  @Field(() => String, { nullable: true, description: '名称(省略時は変更なし)。 / New name; unchanged when omitted.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name?: string;

  @Field(() => String, { nullable: true, description: '概要(省略時は変更なし)。 / New description; unchanged when omitted.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  description?: string;

  @Field(() => Network, { nullable: true, description: '接続するネットワーク(省略時は変更なし)。 / New network; unchanged when omitted.' })
  @IsOptional()
  network?: Network;

  @Field(() => [Purpose], { nullable: true, description: '処理の要件(第6条、全件を置き換え)。 / Purposes; replaces the whole list.' })
  @IsOptional()
  @ArrayMaxSize(5)
  purposes?: Purpose[];

  @Field(() => [ID], { nullable: true, description: '業務系: 処理する業務を所管する主管課(第10条第2項、全件を置き換え)。 / 業務系: departments whose work it processes; replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(500, { each: true })
  processingDepartmentIds?: string[];

  @Field(() => [SystemDocumentInput], { nullable: true, description: 'ドキュメント(全件を置き換え)。 / Documents; replaces the whole list.' })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  documents?: SystemDocumentInput[];

  @Field({ nullable: true, description: '専ら教育又は研究に要する業務系システム(第8条ただし書)。 / Used solely for education or research.' })
  @IsOptional()
  educationOrResearchOnly?: boolean;
}

@ObjectType({ description: 'システムの変更内容。 / Proposed changes to a system.' })
export class SystemChanges {
  @Field(() => String, { nullable: true, description: '名称(変更後)。 / The new name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: '概要(変更後)。 / The new description.' })
  description?: string;

  @Field(() => Network, { nullable: true, description: '接続するネットワーク(変更後)。 / The new network.' })
  network?: Network;

  @Field(() => [Purpose], { nullable: true, description: '処理の要件(第6条、変更後)。 / The new purposes.' })
  purposes?: Purpose[];

  // processingDepartments (業務系: 処理する業務を所管する主管課、変更後) is resolved in functions/resolvers/consultations.ts.

  @Field(() => [SystemDocument], { nullable: true, description: 'ドキュメント(変更後の全件)。 / The new list of documents.' })
  documents?: SystemDocument[];

  @Field({ nullable: true, description: '専ら教育又は研究に要するか(第8条ただし書、変更後)。 / Whether it is to be used solely for education or research.' })
  educationOrResearchOnly?: boolean;
}

@InputType({ description: 'システム記録の更新。決定後は概要とドキュメントのみ(他は様式第2号)。 / Edit a system; once decided only description and documents.' })
export class UpdateSystemInput {
  @Field(() => ID, { description: '対象の行政システム。 / The system to edit.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => SystemChangesInput, { description: '変更の内容(指定した項目のみ。決定後は概要・ドキュメントのみ)。 / What to change; only the fields given (once decided, description and documents only).' })
  @ValidateNested()
  changes!: SystemChangesInput;
}

@InputType({ description: '第10条第3項・第23条第3項の協議の記録。 / The agreement behind an override.' })
export class OverrideAgreementInput {
  @Field(() => LocalDate, { description: '協議の日。 / Date of the agreement.' })
  agreedOn!: string;

  @Field({ description: '協議の記録(文書番号等)。 / Where the agreement is recorded.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  reference!: string;

  @Field(() => ID, { nullable: true, description: '協議したデジタル推進課長(協議の日のホームページシステム管理者)。必須。 / The head of Digital Promotion who agreed; required.' })
  @IsOptional()
  @MaxLength(500)
  digitalPromotionHeadId?: string;

  @Field(() => ID, { nullable: true, description: '協議した財政課長(協議の日の財政課長)。必須。 / The head of Finance who agreed; required.' })
  @IsOptional()
  @MaxLength(500)
  financeHeadId?: string;

  @Field(() => ID, { nullable: true, description: '協議した当該情報管理責任者(所管課・処理課・担当課のいずれかの、協議の日の情報管理責任者)。必須。 / The information manager concerned who agreed; required.' })
  @IsOptional()
  @MaxLength(500)
  informationManagerId?: string;
}

@InputType({ description: '開発・維持管理又は経費負担の区分の設定。 / Set who maintains a system or bears its cost.' })
export class AssignSystemResponsibilityInput {
  @Field(() => ID, { description: '対象の行政システム。 / The system concerned.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => ResponsibilityKind, { description: '開発・維持管理(第10条)又は経費負担(第23条)。 / Which responsibility.' })
  kind!: ResponsibilityKind;

  @Field(() => ID, { description: '責任を負う主管課。 / The department to hold it.' })
  @MaxLength(500)
  departmentId!: string;

  @Field(() => ResponsibilityBasis, { description: '根拠(指定、業務を所管する主管課又は協議による別の区分)。 / On what footing it is held.' })
  basis!: ResponsibilityBasis;

  @Field(() => OverrideAgreementInput, { nullable: true, description: '別の区分のときは必須。 / Required for an override.' })
  @IsOptional()
  @ValidateNested()
  agreement?: OverrideAgreementInput;
}

@InputType({ description: '第8条ただし書による設置・変更・廃止の記録。 / Record an exempt installation, change or abolition.' })
export class RecordExemptSystemChangeInput {
  @Field(() => ID, { description: '対象の業務系システム(専ら教育又は研究に要するもの)。 / The 業務系 system, used solely for education or research.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => ExemptAction, { description: '設置・変更・廃止。 / Install, change or abolish.' })
  action!: ExemptAction;

  @Field(() => SystemChangesInput, { nullable: true, description: '変更のとき。 / For a change.' })
  @IsOptional()
  @ValidateNested()
  changes?: SystemChangesInput;

  @Field(() => String, { nullable: true, description: '記録に残す説明。 / A note for the record.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string;
}

@ObjectType({ description: '行政システムの変更結果。 / The result of a system mutation.' })
export class SystemPayload {
  @Field(() => System, { nullable: true, description: '変更後の行政システム(拒否されたときは空)。 / The system as changed; null when refused.' })
  system?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

