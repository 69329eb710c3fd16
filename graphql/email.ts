/** 電子メール — the register of mail addresses and 様式第11号 電子メール利用等申請書 (第28条). */
import { Field, InputType, Int, ID, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';
import { Application } from './applications';

export enum MailAddressStatus {
  ACTIVE = 'ACTIVE',
  DELETED = 'DELETED',
}
registerEnumType(MailAddressStatus, {
  name: 'MailAddressStatus',
  description: '電子メールアドレスの状態。 / Whether an address is in use.',
  valuesConfig: {
    ACTIVE: { description: '使用中。 / Assigned and in use.' },
    DELETED: { description: '変更又は削除済(台帳には残る)。 / Changed or deleted; kept in the register.' },
  },
});

export enum MailRequestKind {
  NEW = 'NEW',
  CHANGE = 'CHANGE',
  DELETE = 'DELETE',
}
registerEnumType(MailRequestKind, {
  name: 'MailRequestKind',
  description: '様式第11号の申請の種類(第28条)。 / What a 様式第11号 asks for.',
  valuesConfig: {
    NEW: { description: '新規(新たに電子メールアドレスを必要とするとき)。 / A new address.' },
    CHANGE: { description: '変更(既に付与されているアドレスを変更)。 / Change an address in use to another.' },
    DELETE: { description: '削除(既に付与されているアドレスを削除)。 / Delete an address in use.' },
  },
});

@ObjectType({ implements: [Node, Audited], description: '主管課に付与された電子メールアドレス(第28条)。 / An e-mail address assigned to a department.' })
export class MailAddress extends Node {
  @Field({ description: 'アドレス(小文字に正規化)。 / The address, in lower case.' })
  address!: string;

  @Field({ description: '用途。 / What it is for.' })
  purpose!: string;

  @Field(() => MailAddressStatus, { description: 'アドレスの状態(使用中・変更又は削除済)。 / Whether it is in use.' })
  status!: MailAddressStatus;

  @Field(() => DateTime, { description: '登録日時(様式第11号の承認)。 / When it was registered (the approval).' })
  registeredAt!: string;

  @Field(() => DateTime, { nullable: true, description: '変更・削除の日時。 / When it was changed or deleted.' })
  deletedAt?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;

  @Field(() => DateTime, { description: '最終更新日時。 / When it last changed.' })
  updatedAt!: string;
}

export const MailAddressConnection = Connection(MailAddress, 'MailAddress', '電子メールアドレス');

@ObjectType({
  implements: [Node, Audited, Application],
  description: '電子メール利用等申請書(様式第11号、第28条)。承認により台帳が変わる。 / An application to add, change or delete an e-mail address; approval changes the register.',
})
export class MailAddressApplication extends Application {
  @Field(() => MailRequestKind, { description: '申請の種類(新規・変更・削除、第28条)。 / New, change or delete.' })
  kind!: MailRequestKind;

  @Field(() => String, { nullable: true, description: '変更・削除するアドレス。 / The address in use to change or delete.' })
  address?: string;

  @Field(() => String, { nullable: true, description: '新たに必要とするアドレス。 / The address wanted (new, change).' })
  newAddress?: string;

  @Field(() => String, { nullable: true, description: '用途。 / What the address is for.' })
  purpose?: string;

  @Field(() => String, { nullable: true, description: '申請理由。 / Why.' })
  reason?: string;

  @Field(() => LocalDate, { nullable: true, description: '利用開始希望日。 / The day the address is wanted from.' })
  wantedFrom?: string;
}

export const MailAddressApplicationConnection = Connection(MailAddressApplication, 'MailAddressApplication', '電子メール利用等申請');

@InputType({ description: '電子メール利用等申請書(様式第11号)の作成。 / Apply for a new, changed or deleted e-mail address.' })
export class ApplyForMailAddressInput {
  @Field(() => MailRequestKind, { description: '申請の種類(新規・変更・削除)。 / New, change or delete.' })
  kind!: MailRequestKind;

  @Field(() => ID, { description: 'アドレスを付与される主管課(申請者が情報管理責任者である課)。 / The department (the applicant manages it).' })
  @MaxLength(500)
  departmentId!: string;

  @Field(() => String, { nullable: true, description: '変更・削除: 現在のアドレス。 / Change, delete: the address in use.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  address?: string;

  @Field(() => String, { nullable: true, description: '新規・変更: 必要とするアドレス。 / New, change: the address wanted.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  newAddress?: string;

  @Field(() => String, { nullable: true, description: '用途(新規は必須)。 / What it is for (required for a new address).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  purpose?: string;

  @Field(() => String, { nullable: true, description: '申請理由。 / Why.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  reason?: string;

  @Field(() => LocalDate, { nullable: true, description: '利用開始希望日(提出日以後)。 / The day it is wanted from (not before submission).' })
  @IsOptional()
  wantedFrom?: string;

  @Field({ nullable: true, defaultValue: false, description: '作成と同時に提出する。 / Submit at once.' })
  @IsOptional()
  submit!: boolean;
}

@ObjectType({ description: '電子メール利用等申請の変更結果。 / The result of a 様式第11号 mutation.' })
export class MailAddressApplicationPayload {
  @Field(() => MailAddressApplication, { nullable: true, description: '作成した様式第11号(拒否時は null)。 / The application created; null when refused.' })
  application?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
