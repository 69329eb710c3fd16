/**
 * ホームページ (第27条): categories (掲載情報グループ), the departments' pages, 様式第10号 ホームページトップページリンク
 * 設定・解除依頼書 and the links on the top page, and the operations manager's periodic check.
 */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_LIST, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';
import { Application } from './applications';

export enum HomepagePageStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  STOPPED = 'STOPPED',
  ABOLISHED = 'ABOLISHED',
}
registerEnumType(HomepagePageStatus, {
  name: 'HomepagePageStatus',
  description: 'ページの状態(第27条第4項第1号)。 / Where a page stands.',
  valuesConfig: {
    DRAFT: { description: '作成中(未開設)。 / Drafted, not yet opened.' },
    OPEN: { description: '開設(公開中)。 / Open: published on the site.' },
    STOPPED: { description: '停止。 / Stopped (may be opened again).' },
    ABOLISHED: { description: '廃止。 / Abolished.' },
  },
});

export enum HomepageCheckReason {
  PAST_POSTING_PERIOD = 'PAST_POSTING_PERIOD',
  CHECK_OVERDUE = 'CHECK_OVERDUE',
}
registerEnumType(HomepageCheckReason, {
  name: 'HomepageCheckReason',
  description: '定期確認が必要な理由(第27条第2項第2号)。 / Why a page awaits the periodic check.',
  valuesConfig: {
    PAST_POSTING_PERIOD: { description: '掲載期間を過ぎても公開中。 / Still open after its posting period ended.' },
    CHECK_OVERDUE: { description: '確認間隔(90日)内に確認されていない。 / Not checked within the review interval (90 days).' },
  },
});

export enum TopPageLinkAction {
  SET = 'SET',
  RELEASE = 'RELEASE',
}
registerEnumType(TopPageLinkAction, {
  name: 'TopPageLinkAction',
  description: '様式第10号の依頼の種類。 / What 様式第10号 asks for.',
  valuesConfig: {
    SET: { description: 'リンクの設定。 / Set a link on the top page.' },
    RELEASE: { description: 'リンクの解除。 / Release the link from the top page.' },
  },
});

export enum TopPageLinkStatus {
  ACTIVE = 'ACTIVE',
  RELEASED = 'RELEASED',
}
registerEnumType(TopPageLinkStatus, {
  name: 'TopPageLinkStatus',
  description: 'トップページのリンクの状態。 / Whether a link is set on the top page.',
  valuesConfig: {
    ACTIVE: { description: '設定中(表示期間内はトップページに表示)。 / Set: shown on the top page within its display period.' },
    RELEASED: { description: '解除済。 / Released.' },
  },
});

@ObjectType({ description: '期間(両端を含む。終了日なしは期限なし)。 / A period, both days included; open-ended without `until`.' })
export class HomepagePeriod {
  @Field(() => LocalDate, { description: '初日。 / First day.' })
  from!: string;

  @Field(() => LocalDate, { nullable: true, description: '末日(なしは期限なし)。 / Last day; none: open-ended.' })
  until?: string;
}

@InputType({ description: '期間(両端を含む。終了日なしは期限なし)。 / A period, both days included; open-ended without `until`.' })
export class HomepagePeriodInput {
  @Field(() => LocalDate, { description: '初日。 / First day.' })
  from!: string;

  @Field(() => LocalDate, { nullable: true, description: '末日(省略時は期限なし)。 / Last day; open-ended when omitted.' })
  @IsOptional()
  until?: string;
}

@ObjectType({ implements: [Node, Audited], description: '掲載情報グループ(カテゴリ、第27条第2項第4号)。 / A category of information on the homepage.' })
export class HomepageCategory extends Node {
  @Field({ description: '名称(例: くらし・手続き)。 / Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: '説明。 / Description.' })
  description?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

export const HomepageCategoryConnection = Connection(HomepageCategory, 'HomepageCategory', '掲載情報グループ');

@ObjectType({ description: 'ホームページ運用管理者の定期確認(第27条第2項第2号)。 / A periodic check by the operations manager.' })
export class HomepageCheck {
  @Field(() => DateTime, { description: '確認日時。 / When the check was done.' })
  checkedAt!: string;

  @Field(() => String, { nullable: true, description: '所見。 / Note.' })
  note?: string;
}

export enum HomepageCoordinationOutcome {
  AGREED = 'AGREED',
  NOT_AGREED = 'NOT_AGREED',
}
registerEnumType(HomepageCoordinationOutcome, {
  name: 'HomepageCoordinationOutcome',
  description: '関係する主管課との調整の結果(第27条第4項第2号)。 / How the coordination with a related department ended.',
  valuesConfig: {
    AGREED: { description: '調整済(掲載に同意)。 / Settled: the department agrees to the posting.' },
    NOT_AGREED: { description: '調整不調(同意なし)。 / Not settled: no agreement.' },
  },
});

@ObjectType({ description: '関係する主管課との調整の記録(第27条第4項第2号)。 / The coordination with a related department.' })
export class HomepageCoordination {
  @Field(() => LocalDate, { description: '調整日。 / The day it was settled.' })
  on!: string;

  @Field(() => HomepageCoordinationOutcome, { description: '結果。 / Outcome.' })
  outcome!: HomepageCoordinationOutcome;

  @Field(() => String, { nullable: true, description: '調整の内容。 / What was settled.' })
  note?: string;

  @Field(() => DateTime, { description: '記録日時。 / When it was recorded.' })
  recordedAt!: string;
}

@ObjectType({ implements: [Node, Audited], description: '主管課のホームページのページ(第27条第4項)。 / A page of a department on the city homepage.' })
export class HomepagePage extends Node {
  @Field({ description: 'ページ名。 / Title.' })
  title!: string;

  @Field({ description: 'サイト上の位置(例: /kurashi/juuminhyou)。廃止されていないページで一意。 / Path on the site; unique among pages not abolished.' })
  path!: string;

  @Field(() => HomepagePageStatus, { description: 'ページの状態(第27条第4項第1号)。 / Where the page stands.' })
  status!: HomepagePageStatus;

  @Field(() => HomepagePeriod, { description: '掲載期間。 / Posting period.' })
  postingPeriod!: HomepagePeriod;

  @Field({ description: 'トップページからリンクされているか。 / Whether the top page links to it.' })
  onTopPage!: boolean;

  @Field(() => DateTime, { nullable: true, description: '最後に開設(承認)された日時。 / When it was last opened.' })
  openedAt?: string;

  @Field(() => DateTime, { nullable: true, description: '停止(承認)された日時(再開で消える)。 / When it was stopped; cleared when reopened.' })
  stoppedAt?: string;

  @Field(() => DateTime, { nullable: true, description: '廃止(承認)された日時。 / When it was abolished.' })
  abolishedAt?: string;

  @Field(() => HomepageCheck, { nullable: true, description: '最後の定期確認。 / The last periodic check.' })
  lastCheck?: HomepageCheck;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;

  @Field(() => DateTime, { description: '最終更新日時。 / When it last changed.' })
  updatedAt!: string;
}

export const HomepagePageConnection = Connection(HomepagePage, 'HomepagePage', 'ホームページのページ');

@ObjectType({
  implements: [Node, Audited, Application],
  description:
    'ホームページトップページリンク設定・解除依頼書(様式第10号、第27条第4項第4号)。 / A request to set or release a link on the top page.',
})
export class TopPageLinkRequest extends Application {
  @Field(() => TopPageLinkAction, { description: '依頼の種類(設定・解除)。 / Set or release.' })
  action!: TopPageLinkAction;

  @Field({ description: 'リンク名(解除はトップページ上のもの)。 / The link’s title (for a release, as it stands).' })
  linkTitle!: string;

  @Field(() => HomepagePeriod, { description: '表示期間。 / Display period on the top page.' })
  displayPeriod!: HomepagePeriod;

  @Field(() => String, { nullable: true, description: '備考。 / Note.' })
  note?: string;
}

export const TopPageLinkRequestConnection = Connection(TopPageLinkRequest, 'TopPageLinkRequest', 'トップページリンク設定・解除依頼');

@ObjectType({ implements: [Node, Audited], description: 'トップページのリンク(ページごとに一つ)。 / A link on the top page; one per page.' })
export class TopPageLink extends Node {
  @Field({ description: 'リンク名。 / Title shown on the top page.' })
  title!: string;

  @Field(() => HomepagePeriod, { description: '表示期間。 / Display period.' })
  displayPeriod!: HomepagePeriod;

  @Field(() => TopPageLinkStatus, { description: 'リンクの状態(設定中・解除済)。 / Whether it is set or released.' })
  status!: TopPageLinkStatus;

  @Field(() => DateTime, { description: '設定された日時(承認時)。 / When it was set (on approval).' })
  setAt!: string;

  @Field(() => DateTime, { nullable: true, description: '解除された日時。 / When it was released.' })
  releasedAt?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;
}

export const TopPageLinkConnection = Connection(TopPageLink, 'TopPageLink', 'トップページのリンク');

// ─── Inputs and payloads ──────────────────────────────────────────────────────────────────────────────────────

@InputType({ description: '掲載情報グループの作成(ホームページ運用管理者)。 / Create a category (the homepage operations manager).' })
export class CreateHomepageCategoryInput {
  @Field({ description: '名称(一意、例: くらし・手続き)。 / Name; unique.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name!: string;

  @Field(() => String, { nullable: true, description: '説明。 / Description.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  description?: string;
}

@InputType({ description: 'ページの作成(主管課の職員等又は情報管理責任者)。 / Draft a page of a department.' })
export class DraftHomepagePageInput {
  @Field(() => ID, { description: '主管課。 / The department whose page it is.' })
  @MaxLength(500)
  departmentId!: string;

  @Field({ description: 'ページ名。 / Title.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title!: string;

  @Field({ description: 'サイト上の位置(/ で始まる)。 / Path on the site, starting with /.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  path!: string;

  @Field(() => ID, { description: '掲載情報グループ。 / Category.' })
  @MaxLength(500)
  categoryId!: string;

  @Field(() => HomepagePeriodInput, { description: '掲載期間(終了日は任意)。 / Posting period (open-ended without `until`).' })
  @ValidateNested()
  postingPeriod!: HomepagePeriodInput;
}

@InputType({ description: 'ページの開設・停止・廃止の承認。 / Open, stop or abolish a page (its department’s information manager).' })
export class HomepagePageTransitionInput {
  @Field(() => ID, { description: 'ページ。 / The page.' })
  @MaxLength(500)
  pageId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;
}

@InputType({ description: '他課に関連する情報として、関係する主管課の登録(第27条第4項第2号)。 / List the other departments the page’s information relates to.' })
export class SetHomepagePageRelatedDepartmentsInput extends HomepagePageTransitionInput {
  @Field(() => [ID], { description: '関係する主管課(空にすれば関係なし)。 / The related departments (empty for none).' })
  @ArrayMaxSize(MAX_LIST)
  @MaxLength(500, { each: true })
  departmentIds!: string[];
}

@InputType({ description: '関係する主管課との調整の記録(第27条第4項第2号)。 / Record the coordination with a related department.' })
export class RecordHomepageCoordinationInput extends HomepagePageTransitionInput {
  @Field(() => ID, { description: '調整した主管課。 / The department coordinated with.' })
  @MaxLength(500)
  departmentId!: string;

  @Field(() => ID, { nullable: true, description: '調整の相手(その課の職員)。 / With whom.' })
  @IsOptional()
  @MaxLength(500)
  withPersonId?: string;

  @Field(() => LocalDate, { description: '調整日。 / The day it was settled.' })
  on!: string;

  @Field(() => HomepageCoordinationOutcome, { description: '結果。 / Outcome.' })
  outcome!: HomepageCoordinationOutcome;

  @Field(() => String, { nullable: true, description: '調整の内容。 / What was settled.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string;
}

@InputType({ description: '様式第10号の作成(`submit: true` で送付)。 / Request a top-page link to be set or released.' })
export class RequestTopPageLinkInput {
  @Field(() => ID, { description: 'リンク先のページ。 / The page linked to.' })
  @MaxLength(500)
  pageId!: string;

  @Field(() => TopPageLinkAction, { description: '依頼の種類(設定・解除)。 / Set or release the link.' })
  action!: TopPageLinkAction;

  @Field(() => String, { nullable: true, description: '設定: リンク名(既定はページ名)。 / SET: the link’s title (the page’s by default).' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  linkTitle?: string;

  @Field(() => ID, { nullable: true, description: '設定: 掲載情報グループ(既定はページのもの)。 / SET: category (the page’s by default).' })
  @IsOptional()
  @MaxLength(500)
  categoryId?: string;

  @Field(() => HomepagePeriodInput, {
    nullable: true,
    description: '設定: 表示期間(既定は本日から掲載期間の終了まで)。 / SET: display period (by default from today to the end of the posting period).',
  })
  @IsOptional()
  @ValidateNested()
  displayPeriod?: HomepagePeriodInput;

  @Field(() => String, { nullable: true, description: '備考。 / Note.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string;

  @Field({ nullable: true, defaultValue: false, description: '作成と同時に送付する。 / Submit at once.' })
  @IsOptional()
  submit!: boolean;
}

@InputType({ description: '定期確認の記録(ホームページ運用管理者、第27条第2項第2号)。 / Record the periodic check of a page.' })
export class RecordHomepageCheckInput {
  @Field(() => ID, { description: '確認したページ。 / The page checked.' })
  @MaxLength(500)
  pageId!: string;

  @Field(() => Int, { description: '読み取った版。 / The version you read.' })
  expectedVersion!: number;

  @Field(() => DateTime, { nullable: true, description: '確認日時(既定は現在)。 / When the check was done (now by default).' })
  @IsOptional()
  checkedAt?: Date;

  @Field(() => String, { nullable: true, description: '所見。 / Note.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string;
}

@ObjectType({ description: '掲載情報グループの変更結果。 / The result of a category mutation.' })
export class HomepageCategoryPayload {
  @Field(() => HomepageCategory, { nullable: true, description: '作成した掲載情報グループ(拒否時は null)。 / The category created; null when refused.' })
  category?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'ページの変更結果。 / The result of a page mutation.' })
export class HomepagePagePayload {
  @Field(() => HomepagePage, { nullable: true, description: '変更後のページ(拒否時は null)。 / The page as it now stands; null when refused.' })
  page?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: '様式第10号の作成結果。 / The result of a top-page link request.' })
export class TopPageLinkRequestPayload {
  @Field(() => TopPageLinkRequest, { nullable: true, description: '作成した様式第10号(拒否時は null)。 / The request created; null when refused.' })
  request?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
