/** セキュリティ指針 (第29条): versions drafted, approved by the general manager, and acknowledged by staff. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import { Connection, DateTime, MAX_NAME, Node, UserError } from './common';
import { Audited } from './audit';
import { MAX_DOCUMENT } from './supplementaryRules';
import { Department, Person } from './people';

export enum SecurityGuidelineStatus {
  DRAFT = 'DRAFT',
  IN_FORCE = 'IN_FORCE',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(SecurityGuidelineStatus, {
  name: 'SecurityGuidelineStatus',
  description: 'セキュリティ指針の版の状態(第29条)。 / Where a version of the security guideline stands.',
  valuesConfig: {
    DRAFT: { description: '案(総括管理責任者の承認前)。 / A draft, awaiting the general manager’s approval.' },
    IN_FORCE: { description: '承認され、現に施行されている版。 / Approved; the version in force.' },
    SUPERSEDED: { description: '後の版の承認により効力を失った。 / Superseded by a later version approved.' },
  },
});

@ObjectType({
  implements: [Node, Audited],
  description:
    'セキュリティ指針の一つの版(第29条: 総括管理責任者が、その時点で考えられるセキュリティシステムや方式を採用し、必要な措置を講じる)。情報システム管理者又は総括管理責任者が案を作り、総括管理責任者が承認する。 / One version of the security guideline (第29条): drafted by the system administrator or the general manager, approved by the general manager.',
})
export class SecurityGuideline extends Node {
  @Field({ description: '件名。 / Title.' })
  title!: string;

  @Field({ description: '内容(採用するセキュリティシステムや方式、講じる措置)。 / The content: the security systems and methods adopted, the measures taken.' })
  content!: string;

  @Field(() => SecurityGuidelineStatus, { description: '状態。 / Where it stands.' })
  status!: SecurityGuidelineStatus;

  @Field(() => Int, { nullable: true, description: '第何版か(承認時に付く)。 / The edition, given on approval.' })
  edition?: number;

  @Field(() => DateTime, { nullable: true, description: '承認日時。 / When it was approved.' })
  approvedAt?: string;

  @Field(() => DateTime, { nullable: true, description: '後の版に代わられた日時。 / When a later version superseded it.' })
  supersededAt?: string;

  @Field(() => DateTime, { description: '案を作成した日時。 / When it was drafted.' })
  createdAt!: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;
}

@ObjectType({
  implements: [Node, Audited],
  description: 'セキュリティ指針の版を職員が確認した記録(第29条、本人・情報システム管理者・総括管理責任者のみ)。 / A member of staff’s acknowledgement of a version of the security guideline (the person, the system administrator and the general manager only).',
})
export class SecurityGuidelineAcknowledgement extends Node {
  @Field(() => DateTime, { description: '確認した日時。 / When it was acknowledged.' })
  acknowledgedAt!: string;

  @Field(() => Int, { description: '版(常に1)。 / Version: always 1.' })
  version!: number;
}

@ObjectType({ description: '主管課の職員の確認状況(第29条)。 / Who of a department has acknowledged a version, and who has not.' })
export class SecurityGuidelineDepartmentStatus {
  @Field(() => Department, { description: '主管課。 / The department.' })
  department!: Department;

  @Field(() => [Person], { description: '確認した職員(ID順)。 / Staff who acknowledged, by id.' })
  acknowledged!: Person[];

  @Field(() => [Person], { description: 'まだ確認していない職員(ID順)。 / Staff who have not, by id.' })
  notAcknowledged!: Person[];

  @Field(() => Int, { description: '職員の数。 / Staff of the department.' })
  staffCount!: number;

  @Field(() => Int, { description: '確認した職員の数。 / Staff who acknowledged.' })
  acknowledgedCount!: number;
}

export const SecurityGuidelineConnection = Connection(SecurityGuideline, 'SecurityGuideline', 'セキュリティ指針の版');

@InputType({ description: 'セキュリティ指針の案(情報システム管理者又は総括管理責任者)。 / A draft of the security guideline (the system administrator or the general manager).' })
export class DraftSecurityGuidelineInput {
  @Field({ description: '件名。 / Title.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  title!: string;

  @Field({ description: '内容。 / The content.' })
  @MinLength(1)
  @MaxLength(MAX_DOCUMENT)
  content!: string;
}

@InputType({ description: 'セキュリティ指針の承認(総括管理責任者、第29条)。 / Approve a draft (the general manager).' })
export class ApproveSecurityGuidelineInput {
  @Field(() => ID, { description: '承認する案。 / The draft.' })
  @MaxLength(500)
  guidelineId!: string;

  @Field(() => Int, { description: '読んだときの版(他の人が同時に変更していれば STALE_VERSION)。 / The version read.' })
  expectedVersion!: number;
}

@InputType({ description: 'セキュリティ指針の確認(職員等、現に施行されている版、一人一回)。 / Acknowledge the version in force (any member of staff, once).' })
export class AcknowledgeSecurityGuidelineInput {
  @Field(() => ID, { description: '確認する版。 / The version acknowledged.' })
  @MaxLength(500)
  guidelineId!: string;
}

@ObjectType({ description: 'セキュリティ指針の変更結果。 / The result of drafting or approving a version.' })
export class SecurityGuidelinePayload {
  @Field(() => SecurityGuideline, { nullable: true, description: '変更後の版(拒否されたときは null)。 / The version after the change; null when refused.' })
  securityGuideline?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'セキュリティ指針の確認の結果。 / The result of acknowledging a version.' })
export class SecurityGuidelineAcknowledgementPayload {
  @Field(() => SecurityGuidelineAcknowledgement, { nullable: true, description: '確認の記録(拒否されたときは null)。 / The acknowledgement; null when refused.' })
  acknowledgement?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
