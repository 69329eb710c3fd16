/**
 * 申請・協議 — what every form shares: the workflow's states, the decision (the answers the text calls 様式第4号,
 * 第7号, 第9号), and the `Application` interface that the inbox and "my applications" list.
 */
import { Field, InputType, InterfaceType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional } from 'class-validator';
import { Connection, DateTime, LocalDate, Node } from './common';
import { Audited } from './audit';
import { Department, Person } from './people';

export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  RETURNED = 'RETURNED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: '申請・協議の状態(全様式共通)。 / Where an application stands; shared by every form.',
  valuesConfig: {
    DRAFT: { description: '下書き。 / Draft, not yet submitted.' },
    SUBMITTED: { description: '提出済・決裁待ち。 / Submitted, awaiting a decision.' },
    APPROVED: { description: '承認。 / Approved.' },
    REJECTED: { description: '不承認。 / Rejected.' },
    RETURNED: { description: '差戻し(修正の上再提出)。 / Returned for revision.' },
    WITHDRAWN: { description: '取下げ。 / Withdrawn by the applicant.' },
  },
});

export enum DecisionOutcome {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  RETURNED = 'RETURNED',
}
registerEnumType(DecisionOutcome, {
  name: 'DecisionOutcome',
  description: '決裁の結果。 / The outcome of a decision.',
  valuesConfig: {
    APPROVED: { description: '承認。 / Approve.' },
    REJECTED: { description: '不承認(理由必須)。 / Reject (reason required).' },
    RETURNED: { description: '差戻し(理由必須)。 / Return for revision (reason required).' },
  },
});

export enum Form {
  FORM_1 = 'FORM_1',
  FORM_2 = 'FORM_2',
  FORM_3 = 'FORM_3',
  FORM_5 = 'FORM_5',
  FORM_6 = 'FORM_6',
  FORM_8 = 'FORM_8',
  FORM_10 = 'FORM_10',
  FORM_11 = 'FORM_11',
}
registerEnumType(Form, {
  name: 'Form',
  description: '規程の様式。 / The form of the regulation an application is made on.',
  valuesConfig: {
    FORM_1: { description: '様式第1号 行政システム決定の協議書(第7条)。' },
    FORM_2: { description: '様式第2号 行政システムの設置等の協議書(第8条)。' },
    FORM_3: { description: '様式第3号 ネットワークシステム接続の協議書(第9条)。' },
    FORM_5: { description: '様式第5号 業務系システム操作職員等指定・解除報告書(第12条第2項)。' },
    FORM_6: { description: '様式第6号 データ利用承認申請書(第14条)。' },
    FORM_8: { description: '様式第8号 データの外部提供協議書(第15条)。' },
    FORM_10: { description: '様式第10号 ホームページトップページリンク設定・解除依頼書(第27条第4項第4号)。' },
    FORM_11: { description: '様式第11号 電子メール利用等申請書(第28条)。' },
  },
});


@ObjectType({
  description:
    '決裁(様式第4号・第7号・第9号に当たる回答)。 / The decision on an application: who, when, outcome, reason, conditions.',
})
export class Decision {
  @Field(() => DecisionOutcome, { description: '結果(承認・不承認・差戻し)。 / Approved, rejected or returned.' })
  outcome!: DecisionOutcome;

  @Field(() => DateTime, { description: '決裁日時。 / When it was decided.' })
  decidedAt!: string;

  @Field(() => String, { nullable: true, description: '理由。 / Reason.' })
  reason?: string;

  @Field(() => [String], { description: '承認の条件。 / Conditions attached to an approval.' })
  conditions!: string[];
}

@InterfaceType({
  implements: [Node, Audited],
  description: '申請・協議(様式を問わない)。 / An application on any form: what inboxes and “my applications” list.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Application extends Node {
  @Field(() => Form, { description: '様式。 / The form.' })
  form!: Form;

  @Field({ description: '件名。 / Title.' })
  title!: string;

  @Field(() => ApplicationStatus, { description: '状態(下書き・提出済・承認・不承認・差戻し・取下げ)。 / Where it stands in the workflow.' })
  status!: ApplicationStatus;

  @Field(() => Decision, { nullable: true, description: '決裁(決裁後のみ)。 / The decision, once made.' })
  decision?: Decision;

  @Field(() => DateTime, { nullable: true, description: '提出日時。 / When it was submitted.' })
  submittedAt?: string;

  @Field(() => DateTime, { nullable: true, description: '取下げ日時。 / When it was withdrawn.' })
  withdrawnAt?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;

  @Field(() => DateTime, { description: '最終更新日時。 / When it last changed.' })
  updatedAt!: string;

  @Field(() => Person, { description: '申請者(情報管理責任者)。 / The applicant.' })
  applicant!: unknown;

  @Field(() => Department, { description: '申請した主管課。 / The applicant’s department.' })
  applicantDepartment!: unknown;

  @Field({ description: '根拠条文。 / The article that prescribes the form.' })
  article!: string;

  @Field({ description: '閲覧者が提出できるか。 / Whether the viewer may submit it.' })
  viewerCanSubmit!: boolean;

  @Field({ description: '閲覧者が取り下げられるか。 / Whether the viewer may withdraw it.' })
  viewerCanWithdraw!: boolean;

  @Field({ description: '閲覧者が決裁できるか。 / Whether the viewer may decide it.' })
  viewerCanDecide!: boolean;

  @Field({
    description:
      '様式として印刷するページのリンク(閲覧者専用の署名付き、10分間有効、APIと同じオリジンのパス)。ブラウザで開いてPDFに印刷する。 / A link to the page that prints it as its form: signed for the viewer, valid for ten minutes, a path on the API’s origin; a browser prints it to PDF.',
  })
  printUrl!: string;
}

export const ApplicationConnection = Connection(Application, 'Application', '申請・協議');

@InputType({
  description:
    '申請・協議の台帳の絞り込み。指定した条件をすべて満たすもの(様式・状態は挙げたいずれか)。期間は提出日(下書きは作成日)、日本時間の暦日で両端を含む。 / ' +
    'Which applications to list: every condition given (any of the forms and statuses listed); the period is of the day each was submitted (a draft: made), in Japan, both days included.',
})
export class ApplicationFilter {
  @Field(() => [Form], { nullable: true, description: '様式(いずれか)。 / Any of these forms.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  form?: Form[];

  @Field(() => [ApplicationStatus], { nullable: true, description: '状態(いずれか)。 / Any of these statuses.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  status?: ApplicationStatus[];

  @Field(() => LocalDate, { nullable: true, description: 'この日以降に提出されたもの。 / Submitted on or after this day.' })
  from?: string;

  @Field(() => LocalDate, { nullable: true, description: 'この日以前に提出されたもの(当日を含む)。 / Submitted on or before this day, the day included.' })
  until?: string;
}
