/** 電子メールにより受領したもの (第28条第2項): received as documents are (収受), in the receiving department's register. */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Connection, DateTime, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';

@ObjectType({
  implements: [Node, Audited],
  description: '電子メールにより受領した文書(白石市役所文書取扱規程による収受、第28条第2項)。 / Mail received, entered as a received document (第28条第2項).',
})
export class ReceivedMail extends Node {
  @Field(() => DateTime, { description: '受領日時。 / When it came.' })
  receivedAt!: string;

  @Field({ description: '差出人(氏名又はアドレス)。 / The sender (name or address).' })
  sender!: string;

  @Field({ description: '件名。 / Subject.' })
  subject!: string;

  @Field({ description: '収受番号。 / The receipt number.' })
  receiptNumber!: string;

  @Field(() => String, { nullable: true, description: '文書番号(文書として整理したとき)。 / The document number, once filed.' })
  documentNumber?: string;

  @Field(() => String, { nullable: true, description: '備考(処理の内容等)。 / Note (how it was handled).' })
  note?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

export const ReceivedMailConnection = Connection(ReceivedMail, 'ReceivedMail', '電子メールにより受領した文書');

@InputType({ description: '電子メールにより受領した文書の収受の記録(受領した主管課の職員、第28条第2項)。 / Record mail received as a document (the receiving department’s staff).' })
export class RecordReceivedMailInput {
  @Field(() => ID, { description: '受領した主管課。 / The receiving department.' })
  @MaxLength(500)
  departmentId!: string;

  @Field(() => DateTime, { nullable: true, description: '受領日時(既定は現在)。 / When it came (default now).' })
  @IsOptional()
  receivedAt?: Date;

  @Field({ description: '差出人(氏名又はアドレス)。 / The sender (name or address).' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  sender!: string;

  @Field({ description: '件名。 / Subject.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  subject!: string;

  @Field({ description: '収受番号。 / The receipt number.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  receiptNumber!: string;

  @Field(() => String, { nullable: true, description: '文書番号(文書として整理したとき)。 / The document number, once filed.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  documentNumber?: string;

  @Field(() => String, { nullable: true, description: '備考(処理の内容等)。 / Note (how it was handled).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string;
}

@ObjectType({ description: '受領した文書の記録結果。 / The result of recording mail received.' })
export class ReceivedMailPayload {
  @Field(() => ReceivedMail, { nullable: true, description: '記録した文書(拒否されたときは空)。 / The record; empty when refused.' })
  receivedMail?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
