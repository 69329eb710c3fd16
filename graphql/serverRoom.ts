/** サーバ室 (第16条): rooms, who may enter them, and the log of entries. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { EquipmentIdField } from './equipment';
import { Audited } from './audit';

export enum ServerRoomAuthorizationKind {
  DESIGNATED_STAFF = 'DESIGNATED_STAFF',
  CONTRACTOR_STAFF = 'CONTRACTOR_STAFF',
  APPROVED_VISITOR = 'APPROVED_VISITOR',
}
registerEnumType(ServerRoomAuthorizationKind, {
  name: 'ServerRoomAuthorizationKind',
  description: 'サーバ室に立ち入らせる根拠(第16条)。 / On what footing one may enter the server room.',
  valuesConfig: {
    DESIGNATED_STAFF: { description: '情報システム管理者が指定した職員。 / Staff the system administrator designates.' },
    CONTRACTOR_STAFF: { description: '業務を委託した事業者の職員。 / Staff of a contractor.' },
    APPROVED_VISITOR: { description: '情報システム管理者が必要があると認めた者(ただし書)。 / Anyone else the administrator finds it necessary to let in.' },
  },
});

export enum ServerRoomEntryStatus {
  AUTHORIZED = 'AUTHORIZED',
  UNAPPROVED = 'UNAPPROVED',
  APPROVED_AFTER_ENTRY = 'APPROVED_AFTER_ENTRY',
}
registerEnumType(ServerRoomEntryStatus, {
  name: 'ServerRoomEntryStatus',
  description: '入室の記録の状態。 / Whether an entry was authorized.',
  valuesConfig: {
    AUTHORIZED: { description: '入室時に有効な許可があった。 / Matched an authorization in force.' },
    UNAPPROVED: { description: '許可なし(情報システム管理者の確認待ち)。 / No authorization matched; awaits the administrator.' },
    APPROVED_AFTER_ENTRY: { description: '事後に情報システム管理者が必要と認めた(ただし書)。 / Approved after the fact.' },
  },
});

@ObjectType({ implements: [Node, Audited], description: 'サーバ室(第16条)。 / A server room.' })
export class ServerRoom extends Node {
  @Field({ description: '名称。 / Name.' })
  name!: string;

  @Field({ description: '所在。 / Where it is.' })
  location!: string;

  @Field(() => String, { nullable: true, description: '説明。 / Description.' })
  description?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

@ObjectType({ implements: [Node, Audited], description: 'サーバ室への立入りの許可(第16条)。 / Who may enter a server room, and on what footing.' })
export class ServerRoomAuthorization extends Node {
  @Field(() => ServerRoomAuthorizationKind, { description: '立ち入らせる根拠(指定した職員・委託事業者の職員・必要と認めた者)。 / On what footing.' })
  kind!: ServerRoomAuthorizationKind;

  @Field(() => String, { nullable: true, description: '氏名(市の職員以外)。 / Name of one who is not a person of the city.' })
  name?: string;

  @Field(() => String, { nullable: true, description: '委託事業者又は所属。 / Contractor or organization.' })
  organization?: string;

  @Field(() => String, { nullable: true, description: '必要があると認めた理由(ただし書)。 / Why the administrator found it necessary.' })
  reason?: string;

  @Field(() => LocalDate, { description: '有効期間の開始日(含む)。 / First day it is valid.' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: '有効期間の終了日(含む。空は期限なし)。 / Last day it is valid; empty for no end.' })
  validUntil?: string;

  @Field(() => DateTime, { description: '許可した日時。 / When it was granted.' })
  grantedAt!: string;

  @Field(() => DateTime, { nullable: true, description: '取消日時。 / When it was revoked.' })
  revokedAt?: string;

  @Field(() => String, { nullable: true, description: '取消しの理由。 / Why it was revoked.' })
  revocationReason?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;
}

@ObjectType({ description: '入室者(記録のとおり)。 / The entrant, as the log has them.' })
export class ServerRoomEntrant {
  @Field(() => String, { nullable: true, description: '氏名(市の職員以外)。 / Name of one who is not a person of the city.' })
  name?: string;

  @Field(() => String, { nullable: true, description: '委託事業者又は所属。 / Contractor or organization.' })
  organization?: string;
}

@ObjectType({ implements: [Node, Audited], description: 'サーバ室への入室の記録。 / An entry into a server room, as logged at the door.' })
export class ServerRoomEntry extends Node {
  @Field(() => DateTime, { description: '入室日時。 / When they entered.' })
  enteredAt!: string;

  @Field(() => DateTime, { nullable: true, description: '退室日時(在室中は空)。 / When they left; empty while inside.' })
  leftAt?: string;

  @Field({ description: '目的。 / Purpose.' })
  purpose!: string;

  @Field(() => ServerRoomEntrant, { description: '入室者。 / Who entered.' })
  entrant!: ServerRoomEntrant;

  @Field(() => ServerRoomEntryStatus, { description: '許可の有無(未承認は情報システム管理者の確認待ち)。 / Whether it was authorized.' })
  status!: ServerRoomEntryStatus;

  @Field(() => DateTime, { nullable: true, description: '事後に必要と認めた日時(第16条ただし書)。 / When it was approved after the fact.' })
  approvedAt?: string;

  @Field(() => String, { nullable: true, description: '事後に必要と認めた理由。 / Why it was approved after the fact.' })
  approvalReason?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

export const ServerRoomConnection = Connection(ServerRoom, 'ServerRoom', 'サーバ室');
export const ServerRoomAuthorizationConnection = Connection(ServerRoomAuthorization, 'ServerRoomAuthorization', 'サーバ室立入許可');
export const ServerRoomEntryConnection = Connection(ServerRoomEntry, 'ServerRoomEntry', 'サーバ室入室記録');

// ─── Inputs ─────────────────────────────────────────────────────────────────────────────────────────────────────

@InputType({ description: 'サーバ室の登録。 / Register a server room.' })
export class RegisterServerRoomInput {
  @Field({ description: '名称。 / Name.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name!: string;

  @Field({ description: '所在。 / Where it is.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  location!: string;

  @Field(() => String, { nullable: true, description: '説明。 / Description.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  description?: string;
}

@InputType({ description: 'サーバ室への立入りの許可(第16条)。 / Authorize someone to enter a server room.' })
export class AuthorizeServerRoomAccessInput {
  @Field(() => ID, { description: 'サーバ室。 / The server room.' })
  @MaxLength(500)
  roomId!: string;

  @Field(() => ServerRoomAuthorizationKind, { description: '立ち入らせる根拠。 / On what footing.' })
  kind!: ServerRoomAuthorizationKind;

  @Field(() => ID, { nullable: true, description: '市の職員(指定した職員は必須)。 / A person of the city (required for designated staff).' })
  @IsOptional()
  @MaxLength(500)
  personId?: string;

  @Field(() => String, { nullable: true, description: '氏名(市の職員以外)。 / Name of one who is not a person of the city.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  name?: string;

  @Field(() => String, { nullable: true, description: '委託事業者又は所属。 / Contractor or organization.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  organization?: string;

  @Field(() => String, { nullable: true, description: '必要があると認める理由(APPROVED_VISITOR は必須)。 / Why necessary (required for a visitor).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  reason?: string;

  @Field(() => LocalDate, { description: '有効期間の開始日(含む)。 / First day it is valid.' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: '有効期間の終了日(含む。APPROVED_VISITOR は必須、空は期限なし)。 / Last day it is valid (required for a visitor; empty for no end).' })
  @IsOptional()
  validUntil?: string;
}

@InputType({ description: '立入りの許可の取消し。 / Revoke an authorization.' })
export class RevokeServerRoomAccessInput {
  @Field(() => ID, { description: '取り消す許可。 / The authorization to revoke.' })
  @MaxLength(500)
  authorizationId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '取消しの理由。 / Why it is revoked.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  reason?: string;
}

@InputType({ description: '入室者: 職員、許可、又は氏名と所属のいずれか一つ。 / The entrant: a person, an authorization, or a name with organization.' })
export class ServerRoomEntrantInput {
  @Field(() => ID, { nullable: true, description: '市の職員。 / A person of the city.' })
  @IsOptional()
  @MaxLength(500)
  personId?: string;

  @Field(() => ID, { nullable: true, description: '該当する立入りの許可。 / The authorization they enter on.' })
  @IsOptional()
  @MaxLength(500)
  authorizationId?: string;

  @Field(() => String, { nullable: true, description: '氏名(市の職員以外)。 / Name of one who is not a person of the city.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  name?: string;

  @Field(() => String, { nullable: true, description: '委託事業者又は所属。 / Contractor or organization.' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  organization?: string;
}

@InputType({ description: '入室の記録(拒否されない。許可がなければ未承認として記録)。 / Log an entry (never refused; unapproved when no authorization matches).' })
export class RecordServerRoomEntryInput {
  @Field(() => ID, { description: 'サーバ室。 / The server room.' })
  @MaxLength(500)
  roomId!: string;

  @Field(() => DateTime, { nullable: true, description: '入室日時(既定は現在)。 / When (default now).' })
  @IsOptional()
  enteredAt?: Date;

  @Field({ description: '目的。 / Purpose.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  purpose!: string;

  @Field(() => ServerRoomEntrantInput, { description: '入室者。 / Who enters.' })
  @ValidateNested()
  entrant!: ServerRoomEntrantInput;

  @EquipmentIdField('作業する電子計算機器(このサーバ室に設置されたもの、第2条第8号)。 / The equipment worked on (standing in this room).')
  equipmentId?: string;
}

@InputType({ description: '退室の記録。 / Log the exit.' })
export class RecordServerRoomExitInput {
  @Field(() => ID, { description: '退室する入室の記録。 / The entry to close.' })
  @MaxLength(500)
  entryId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => DateTime, { nullable: true, description: '退室日時(既定は現在)。 / When (default now).' })
  @IsOptional()
  leftAt?: Date;
}

@InputType({ description: '未承認の入室を事後に必要と認める(第16条ただし書)。 / Approve an entry after the fact.' })
export class ApproveServerRoomEntryInput {
  @Field(() => ID, { description: '未承認の入室の記録。 / The unapproved entry.' })
  @MaxLength(500)
  entryId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field({ description: '必要と認めた理由。 / Why it was necessary.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  reason!: string;
}

@ObjectType({ description: 'サーバ室の登録結果。 / The result of registering a room.' })
export class ServerRoomPayload {
  @Field(() => ServerRoom, { nullable: true, description: '登録したサーバ室(拒否されたときは空)。 / The room registered; empty when refused.' })
  room?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: '立入りの許可の変更結果。 / The result of an authorization mutation.' })
export class ServerRoomAuthorizationPayload {
  @Field(() => ServerRoomAuthorization, { nullable: true, description: '変更後の許可(拒否されたときは空)。 / The authorization as changed; empty when refused.' })
  authorization?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: '入室の記録の変更結果。 / The result of an entry mutation.' })
export class ServerRoomEntryPayload {
  @Field(() => ServerRoomEntry, { nullable: true, description: '変更後の入室の記録(拒否されたときは空)。 / The entry as changed; empty when refused.' })
  entry?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
