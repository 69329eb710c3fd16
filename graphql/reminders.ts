/** 通知: what falls due or is overdue, recorded by the reminders job for the person who must act. */
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Connection, DateTime, LocalDate, Node, PageArgs, UserError } from './common';
import { Audited } from './audit';

export enum NoticeKind {
  PASSWORD_DUE_SOON = 'PASSWORD_DUE_SOON',
  PASSWORD_OVERDUE = 'PASSWORD_OVERDUE',
  EQUIPMENT_NOT_RETURNED = 'EQUIPMENT_NOT_RETURNED',
  PROVISION_PAST_PERIOD = 'PROVISION_PAST_PERIOD',
  HOMEPAGE_CHECK_DUE = 'HOMEPAGE_CHECK_DUE',
  HOMEPAGE_SECURITY_CHECK_DUE = 'HOMEPAGE_SECURITY_CHECK_DUE',
  APPLICATION_WAITING = 'APPLICATION_WAITING',
  APPLICATION_SUBMITTED = 'APPLICATION_SUBMITTED',
  APPLICATION_DECIDED = 'APPLICATION_DECIDED',
  APPLICATION_COMMENTED = 'APPLICATION_COMMENTED',
  DECIDER_NEEDED = 'DECIDER_NEEDED',
  ACTING_DESIGNATED = 'ACTING_DESIGNATED',
  VIRUS_INCIDENT_REPORTED = 'VIRUS_INCIDENT_REPORTED',
  SYSTEM_STOP_ANNOUNCED = 'SYSTEM_STOP_ANNOUNCED',
  COMMITTEE_MEETING_CONVENED = 'COMMITTEE_MEETING_CONVENED',
  DAILY_DIGEST = 'DAILY_DIGEST',
}
registerEnumType(NoticeKind, {
  name: 'NoticeKind',
  description: '通知の種類。 / What a notice is about.',
  valuesConfig: {
    PASSWORD_DUE_SOON: { description: 'パスワードの変更期限が近い(30日・7日・1日前、第24条第3項)。 / A password falls due soon.' },
    PASSWORD_OVERDUE: { description: 'パスワードの変更期限を過ぎた(第24条第3項)。 / A password is overdue for its change.' },
    EQUIPMENT_NOT_RETURNED: { description: '持ち出した機器が返却されていない(第25条第3号)。 / Equipment taken outside is not back.' },
    PROVISION_PAST_PERIOD: {
      description: '外部提供の期間が終了したが返還又は廃棄が記録されていない(第15条第4項第4号)。 / Data provided outside is past its period.',
    },
    HOMEPAGE_CHECK_DUE: { description: 'ホームページの掲載期間・内容の確認期限(第27条第2項第2号)。 / A page is due for its check.' },
    HOMEPAGE_SECURITY_CHECK_DUE: { description: 'ホームページシステムのセキュリティ点検の期限(第27条第3項第1号、ホームページシステム管理者あて)。 / The homepage system’s security check is due.' },
    APPLICATION_WAITING: { description: '申請が14日以上決裁を待っている。 / An application has waited 14 days or more for its decision.' },
    APPLICATION_SUBMITTED: { description: '決裁すべき申請・報告が提出された(決裁者及び職務代理者へ)。 / An application awaits your decision.' },
    APPLICATION_DECIDED: { description: '申請・報告が決裁された(承認・却下・差戻し・受理)(申請者へ)。 / Your application was decided.' },
    APPLICATION_COMMENTED: { description: '申請・報告にコメントがあった(申請者のコメントは決裁者及び職務代理者へ、決裁者のコメントは申請者へ)。 / Someone commented on an application you apply for or decide.' },
    DECIDER_NEEDED: {
      description:
        '決裁者が申請者本人であるなど決裁できる者がいないため、職務代理者の指定が必要。 / No one may decide an application until an acting person is designated.',
    },
    ACTING_DESIGNATED: { description: '職務代理者に指定された(職務代理・代決)。 / You were designated to act for a role holder.' },
    VIRUS_INCIDENT_REPORTED: { description: 'コンピュータウイルス等の感染が報告された(第26条、情報システム管理者へ)。 / A virus incident was reported.' },
    SYSTEM_STOP_ANNOUNCED: {
      description: 'システムの停止(保守・障害)が周知された(第11条、システムの利用者・所管課へ)。 / A stop of a system was announced.',
    },
    COMMITTEE_MEETING_CONVENED: {
      description: '管理運営委員会の会議が招集された(庶務を処理するデジタル推進課長から委員長・副委員長・委員へ、第34条)。 / A committee meeting was convened: the secretariat’s notice to its members.',
    },
    DAILY_DIGEST: { description: 'その日の期限通知をまとめたもの(メール1通)。 / The day’s reminders of one person, in one mail.' },
  },
});

@ObjectType({
  implements: [Node, Audited],
  description:
    '通知: 期限が来た又は過ぎた事項を、対応すべき者に宛てて記録したもの(毎日の通知処理が記録する)。 / A notice of something due or overdue, addressed to the person who must act (recorded by the daily reminders job).',
})
export class Notice extends Node {
  @Field(() => NoticeKind, { description: '通知の種類。 / What it is about.' })
  kind!: NoticeKind;

  @Field({ description: '根拠条文(申請の待機は様式の条文)。 / The article (for a waiting application, that of its form).' })
  article!: string;

  @Field({ nullable: true, description: '件名(メールの件名)。 / The subject line (of its mail).' })
  title?: string;

  @Field(() => LocalDate, { description: '期限日。 / The date it fell or falls due.' })
  dueOn!: string;

  @Field({ description: '段階(30・7・1日前、overdue、waiting-14 等)。新しい段階は新しい通知。 / The stage reached; a new stage is a new notice.' })
  stage!: string;

  @Field({ description: '本文。 / The message, for a person.' })
  message!: string;

  @Field(() => DateTime, { description: '記録日時。 / When the job recorded it.' })
  createdAt!: string;

  @Field(() => DateTime, { nullable: true, description: '既読にした日時。 / When the addressee marked it read.' })
  readAt?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;
}

export const NoticeConnection = Connection(Notice, 'Notice', '通知');

@InputType({ description: '通知を既読にする(宛先の本人)。 / Mark a notice read (its addressee).' })
export class MarkNoticeReadInput {
  @Field(() => ID, { description: '既読にする通知。 / The notice to mark read.' })
  @MaxLength(500)
  noticeId!: string;

  @Field(() => Int, { description: '読んだ版。 / The version read.' })
  expectedVersion!: number;
}

@ObjectType({ description: '既読にした結果。 / The result of marking a notice read.' })
export class NoticePayload {
  @Field(() => Notice, { nullable: true, description: '既読にした通知(拒否されたときは空)。 / The notice as marked; null when refused.' })
  notice?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ArgsType()
export class NoticeListArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: '未読のみ。 / Only the notices not read yet.' })
  @IsOptional()
  unreadOnly?: boolean;
}

@ArgsType()
export class NoticesOfArgs extends NoticeListArgs {
  @Field(() => ID, { description: '職員。 / The person.' })
  @MaxLength(500)
  personId!: string;
}
