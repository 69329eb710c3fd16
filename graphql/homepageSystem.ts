/** ホームページシステム管理者 (第27条第3項): the homepage system's security checks, and where its security stands. */
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';

export enum HomepageSecurityItem {
  ACCESS_CONTROL = 'ACCESS_CONTROL',
  SOFTWARE_UPDATES = 'SOFTWARE_UPDATES',
  TAMPERING = 'TAMPERING',
  BACKUP = 'BACKUP',
  CERTIFICATE = 'CERTIFICATE',
  ACCESS_LOG = 'ACCESS_LOG',
}
registerEnumType(HomepageSecurityItem, {
  name: 'HomepageSecurityItem',
  description: 'ホームページシステムのセキュリティ点検の項目(第27条第3項第1号、点検ごとにすべて一度ずつ)。 / What a security check of the homepage system covers, each item once.',
  valuesConfig: {
    ACCESS_CONTROL: { description: '管理者アカウント・権限の管理。 / Administrator accounts and permissions.' },
    SOFTWARE_UPDATES: { description: 'ソフトウェアの更新: CMS・OS等の更新適用/脆弱性対策。 / Updates of the CMS, OS and the rest applied; vulnerabilities addressed.' },
    TAMPERING: { description: '改ざんの検知。 / Detection of tampering with the pages.' },
    BACKUP: { description: 'バックアップと復旧手順。 / Backups and the recovery procedure.' },
    CERTIFICATE: { description: 'サーバ証明書・暗号化通信。 / Server certificate and encrypted connections.' },
    ACCESS_LOG: { description: 'アクセスログの確認。 / Access logs reviewed.' },
  },
});

export enum HomepageSecurityResult {
  OK = 'OK',
  ISSUE = 'ISSUE',
}
registerEnumType(HomepageSecurityResult, {
  name: 'HomepageSecurityResult',
  description: '点検項目の結果。 / The result of one item of a check.',
  valuesConfig: {
    OK: { description: '問題なし。 / No issue found.' },
    ISSUE: { description: '問題あり(内容を備考に記載、後の点検で問題なしとなるまで指摘事項)。 / An issue found (described in the note); a finding until a later check finds the item OK.' },
  },
});

@ObjectType({ description: '点検項目の結果。 / The result of one item of a check.' })
export class HomepageSecurityItemResult {
  @Field(() => HomepageSecurityItem, { description: '点検項目。 / The item.' })
  item!: HomepageSecurityItem;

  @Field(() => HomepageSecurityResult, { description: '結果。 / The result.' })
  result!: HomepageSecurityResult;

  @Field(() => String, { nullable: true, description: '備考(問題があればその内容)。 / Note (the issue found, if any).' })
  note?: string;
}

@ObjectType({
  implements: [Node, Audited],
  description: 'ホームページシステムのセキュリティ点検(ホームページシステム管理者、第27条第3項第1号)。 / A security check of the homepage system, made by the homepage system manager.',
})
export class HomepageSecurityCheck extends Node {
  @Field(() => LocalDate, { description: '点検日。 / The day the check was made.' })
  checkedOn!: string;

  @Field(() => [HomepageSecurityItemResult], { description: '各項目の結果(すべての項目、定めの順)。 / The result of every item, in their set order.' })
  items!: HomepageSecurityItemResult[];

  @Field(() => String, { nullable: true, description: '講じた措置(問題への対応)。 / The measures taken about the issues found.' })
  measuresTaken?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '記録日時。 / When it was recorded.' })
  createdAt!: string;
}

export const HomepageSecurityCheckConnection = Connection(HomepageSecurityCheck, 'HomepageSecurityCheck', 'ホームページシステムのセキュリティ点検');

@ObjectType({ description: 'ホームページシステムのセキュリティの状況(最後の点検による、第27条第3項第1号)。 / Where the homepage system\'s security stands, by its latest check.' })
export class HomepageSecurityStatus {
  @Field(() => LocalDate, { nullable: true, description: '最後の点検日(未点検なら空)。 / The day of the latest check; empty when never checked.' })
  lastCheckedOn?: string;

  @Field(() => LocalDate, { nullable: true, description: '次の点検の期限(最後の点検から90日、未点検なら空)。 / When the next check is due (90 days after the latest); empty when never checked.' })
  dueOn?: string;

  @Field({ description: '点検の期限を過ぎている(未点検を含む)。 / Whether a check is overdue (never checked included).' })
  overdue!: boolean;

  @Field(() => [HomepageSecurityItem], { description: '未解消の指摘事項(最後の点検で問題ありとされた項目)。 / Findings still open: the items the latest check found an issue with.' })
  openIssues!: HomepageSecurityItem[];
}

@InputType({ description: '点検項目の結果。 / The result of one item.' })
export class HomepageSecurityItemResultInput {
  @Field(() => HomepageSecurityItem, { description: '点検項目。 / The item.' })
  item!: HomepageSecurityItem;

  @Field(() => HomepageSecurityResult, { description: '結果。 / The result.' })
  result!: HomepageSecurityResult;

  @Field(() => String, { nullable: true, description: '備考(問題ありの場合は必須、その内容)。 / Note; required for an ISSUE: what was found.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string;
}

@InputType({ description: 'ホームページシステムのセキュリティ点検の記録(ホームページシステム管理者、第27条第3項第1号)。 / Record a security check of the homepage system (the homepage system manager).' })
export class RecordHomepageSecurityCheckInput {
  @Field(() => LocalDate, { description: '点検日(今日以前)。 / The day the check was made (not in the future).' })
  checkedOn!: string;

  @Field(() => [HomepageSecurityItemResultInput], { description: '各項目の結果(すべての項目を一度ずつ)。 / The result of every item, each once.' })
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  items!: HomepageSecurityItemResultInput[];

  @Field(() => String, { nullable: true, description: '講じた措置(問題への対応)。 / The measures taken about the issues found.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  measuresTaken?: string;
}

@ObjectType({ description: 'ホームページシステムのセキュリティ点検の記録結果。 / The result of recording a homepage security check.' })
export class HomepageSecurityCheckPayload {
  @Field(() => HomepageSecurityCheck, { nullable: true, description: '記録した点検(拒否されたときは空)。 / The check recorded; empty when refused.' })
  check?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
