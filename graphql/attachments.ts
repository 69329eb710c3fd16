/** 添付ファイル — design documents, the signed 協定書, contracts, evidence of return or disposal: files of a record. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Connection, DateTime, MAX_NAME, Node, UserError } from './common';
import { Audited } from './audit';

export enum AttachmentKind {
  DESIGN_DOCUMENT = 'DESIGN_DOCUMENT',
  AGREEMENT = 'AGREEMENT',
  CONTRACT = 'CONTRACT',
  RETURN_OR_DISPOSAL_EVIDENCE = 'RETURN_OR_DISPOSAL_EVIDENCE',
  OTHER = 'OTHER',
}
registerEnumType(AttachmentKind, {
  name: 'AttachmentKind',
  description: '添付ファイルの種類。 / What an attachment is.',
  valuesConfig: {
    DESIGN_DOCUMENT: { description: '設計書(行政システム、協議)。 / A design document (of a system, a consultation).' },
    AGREEMENT: { description: '協定書(データの外部提供、第15条第3項)。 / The signed agreement of an external provision.' },
    CONTRACT: { description: '契約書(外部委託、第22条)。 / An outsourcing contract.' },
    RETURN_OR_DISPOSAL_EVIDENCE: { description: '返還・廃棄の証拠(第15条第4項第4号)。 / Evidence that provided data was returned or disposed of.' },
    OTHER: { description: 'その他。 / Anything else.' },
  },
});

export enum AttachmentStatus {
  PENDING = 'PENDING',
  AVAILABLE = 'AVAILABLE',
}
registerEnumType(AttachmentStatus, {
  name: 'AttachmentStatus',
  description: '添付ファイルの状態。 / Where an attachment stands.',
  valuesConfig: {
    PENDING: { description: 'アップロード待ち(ファイル未確認)。 / Waiting for its file.' },
    AVAILABLE: { description: '利用可能(申告どおりのファイルを確認済み)。 / Its file arrived as declared.' },
  },
});

@ObjectType({ implements: [Node, Audited], description: '添付ファイル。添付先の記録を閲覧できる者のみが閲覧できる。 / A file attached to a record; read by whoever reads that record.' })
export class Attachment extends Node {
  @Field(() => AttachmentKind, { description: '種類(設計書・協定書・契約書・返還・廃棄の証拠・その他)。 / What it is.' })
  kind!: AttachmentKind;

  @Field({ description: 'ファイル名。 / The file name.' })
  fileName!: string;

  @Field({ description: 'ファイルの種類(MIME タイプ)。 / The content type.' })
  contentType!: string;

  @Field(() => Int, { description: '大きさ(バイト)。 / Size in bytes.' })
  size!: number;

  @Field(() => String, { nullable: true, description: 'ファイルの SHA-256(16進、申告があれば)。 / The SHA-256 the uploader gave, if any.' })
  sha256?: string;

  @Field(() => AttachmentStatus, { description: '状態(アップロード待ち・利用可能)。 / Pending or available.' })
  status!: AttachmentStatus;

  @Field(() => DateTime, { nullable: true, description: 'アップロードの完了日時(待ちの間は null)。 / When the upload completed; null while pending.' })
  uploadedAt?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '登録日時。 / When it was requested.' })
  createdAt!: string;
}

export const AttachmentConnection = Connection(Attachment, 'Attachment', '添付ファイル');

@ObjectType({ description: 'アップロード用の署名付きURL(5分間有効)。 / A signed URL to upload the file to (five minutes).' })
export class AttachmentUpload {
  @Field({ description: 'ファイルを PUT で送る先の URL。 / The URL to PUT the file to.' })
  url!: string;

  @Field({ description: '送信時に付ける Content-Type(署名に含まれる)。 / The Content-Type the PUT must carry (it is signed).' })
  contentType!: string;

  @Field(() => Int, { description: '送信する大きさ(バイト、Content-Length、署名に含まれる)。 / The Content-Length the PUT must carry (signed).' })
  contentLength!: number;

  @Field(() => DateTime, { description: '有効期限。 / When the URL expires.' })
  expiresAt!: string;
}

@ObjectType({ description: 'ダウンロード用の署名付きURL(5分間有効)。 / A signed URL to download the file (five minutes).' })
export class AttachmentDownload {
  @Field({ description: 'ファイルを GET で受け取る URL(ファイル名付きで保存される)。 / The URL to GET the file from, saved under its name.' })
  url!: string;

  @Field(() => DateTime, { description: '有効期限。 / When the URL expires.' })
  expiresAt!: string;
}

@InputType({ description: '添付ファイルのアップロードの申出。 / Ask to upload a file to a record.' })
export class RequestAttachmentUploadInput {
  @Field(() => ID, { description: '添付先の記録のID(行政システム、協議、様式第6号、様式第8号、外部委託契約、ウィルス事案)。 / The id of the record attached to.' })
  @MaxLength(500)
  objectId!: string;

  @Field(() => AttachmentKind, { description: '種類。 / What it is.' })
  kind!: AttachmentKind;

  @Field({ description: 'ファイル名(拡張子は種類に合うもの)。 / The file name; its ending matches its type.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  fileName!: string;

  @Field({ description: 'ファイルの種類(PDF、PNG、JPEG、xlsx、docx、CSV、テキスト)。 / The content type (PDF, PNG, JPEG, xlsx, docx, CSV, text).' })
  @MaxLength(100)
  contentType!: string;

  @Field(() => Int, { description: '大きさ(バイト、20MB まで)。 / Size in bytes, up to 20 MB.' })
  @Min(0)
  @Max(2 ** 31 - 1)
  size!: number;

  @Field(() => String, { nullable: true, description: 'ファイルの SHA-256(16進64桁、任意)。 / The file’s SHA-256 (64 hex digits), optional.' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/)
  sha256?: string;
}

@InputType({ description: '添付ファイルのアップロードの完了。 / Say the file has been uploaded.' })
export class CompleteAttachmentUploadInput {
  @Field(() => ID, { description: '添付ファイルのID。 / The attachment’s id.' })
  @MaxLength(500)
  attachmentId!: string;
}

@ObjectType({ description: 'アップロードの申出の結果。 / The result of asking to upload.' })
export class RequestAttachmentUploadPayload {
  @Field(() => Attachment, { nullable: true, description: '登録された添付ファイル(アップロード待ち、拒否されたときは null)。 / The attachment, pending; null when refused.' })
  attachment?: unknown;

  @Field(() => AttachmentUpload, { nullable: true, description: 'ファイルを送る署名付きURL(拒否されたときは null)。 / Where to PUT the file; null when refused.' })
  upload?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'アップロードの完了の結果。 / The result of completing an upload.' })
export class AttachmentPayload {
  @Field(() => Attachment, { nullable: true, description: '変更後の添付ファイル(拒否されたときは null)。 / The attachment after the change; null when refused.' })
  attachment?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
