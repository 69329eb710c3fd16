/** 禁止行為 (第25条): the two exceptions the system administrator may allow, and devices found connected. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Connection, DateTime, LocalDate, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { EquipmentIdField } from './equipment';
import { Audited } from './audit';
import { Period, PeriodInput } from './period';

export enum ProhibitedActExceptionKind {
  SOFTWARE_INSTALLATION = 'SOFTWARE_INSTALLATION',
  EQUIPMENT_TAKEOUT = 'EQUIPMENT_TAKEOUT',
}
registerEnumType(ProhibitedActExceptionKind, {
  name: 'ProhibitedActExceptionKind',
  description: '第25条の例外の種類。 / Which exception to 第25条.',
  valuesConfig: {
    SOFTWARE_INSTALLATION: { description: '納入時以外のソフトウェアの導入(第25条第2号ただし書)。 / Installing software beyond what was delivered (第2号).' },
    EQUIPMENT_TAKEOUT: { description: '携帯用機器の屋外への持ち出し(第25条第3号ただし書)。 / Taking a portable device outside (第3号).' },
  },
});

export enum DeviceProtection {
  ENCRYPTION = 'ENCRYPTION',
  PASSWORD = 'PASSWORD',
}
registerEnumType(DeviceProtection, {
  name: 'DeviceProtection',
  description: '持ち出す機器のデータ保護の仕組み(第25条第3号)。 / How the data of a device taken outside is protected.',
  valuesConfig: {
    ENCRYPTION: { description: '暗号化。 / Encryption.' },
    PASSWORD: { description: 'パスワード等。 / Passwords and the like.' },
  },
});

export enum ProhibitedActExceptionStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  RETURNED_EQUIPMENT = 'RETURNED_EQUIPMENT',
}
registerEnumType(ProhibitedActExceptionStatus, {
  name: 'ProhibitedActExceptionStatus',
  description: '例外の申出の状態。 / Where a request for an exception stands.',
  valuesConfig: {
    REQUESTED: { description: '情報システム管理者の判断待ち。 / Awaits the system administrator.' },
    APPROVED: { description: '必要と認められた(期間内のみ有効)。 / Found necessary; in force within its period.' },
    REJECTED: { description: '認められなかった。 / Refused.' },
    RETURNED_EQUIPMENT: { description: '持ち出した機器が返却された。 / The device is back.' },
  },
});

@ObjectType({
  implements: [Node, Audited],
  description:
    '第25条の例外の申出(ソフトウェアの導入又は携帯用機器の持ち出し、情報システム管理者が必要と認めるとき)。 / A request for an exception to 第25条, allowed by the system administrator for a period.',
})
export class ProhibitedActException extends Node {
  @Field(() => ProhibitedActExceptionKind, { description: '例外の種類(第25条第2号・第3号)。 / Which exception.' })
  kind!: ProhibitedActExceptionKind;

  @Field({ description: '必要がある理由。 / Why it is needed.' })
  reason!: string;

  @Field(() => Period, { description: '期間(持ち出しは最終日が返却期限)。 / The period (for a take-out, its last day is the return date).' })
  period!: Period;

  @Field(() => String, { nullable: true, description: 'ソフトウェア名・版(第2号)。 / The software (第2号).' })
  software?: string;

  @Field(() => String, { nullable: true, description: '持ち出す機器(第3号)。 / The device (第3号).' })
  device?: string;

  @Field(() => Boolean, { nullable: true, description: '携帯用機器か。 / Whether it is portable.' })
  portable?: boolean;

  @Field(() => [DeviceProtection], { nullable: true, description: 'データ保護の仕組み(暗号化・パスワード等、第3号)。 / How the data is protected (第3号).' })
  protections?: DeviceProtection[];

  @Field(() => String, { nullable: true, description: 'データ保護の方法。 / How the data is protected.' })
  protectionDetails?: string;

  @Field(() => ProhibitedActExceptionStatus, { description: '申出の状態。 / Where it stands.' })
  status!: ProhibitedActExceptionStatus;

  @Field(() => DateTime, { nullable: true, description: '判断した日時。 / When it was decided.' })
  decidedAt?: string;

  @Field(() => String, { nullable: true, description: '判断の理由(不承認は必須)。 / The reason given (required to refuse).' })
  decisionReason?: string;

  @Field(() => LocalDate, { nullable: true, description: '返却日。 / The day the device came back.' })
  returnedOn?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

@ObjectType({
  implements: [Node, Audited],
  description:
    '運用に支障を及ぼし又は盗聴のおそれのある機器の接続の発見(第25条第1号、例外なし)。 / A device found connected that may disturb the systems or eavesdrop (第25条第1号, no exception).',
})
export class DeviceFinding extends Node {
  @Field({ description: '機器。 / The device.' })
  device!: string;

  @Field({ description: '発見の状況。 / What was found, and where.' })
  description!: string;

  @Field(() => DateTime, { description: '発見日時。 / When it was found.' })
  foundAt!: string;

  @Field({ description: '盗聴のおそれがあるか。 / Whether it could eavesdrop.' })
  eavesdropping!: boolean;

  @Field({ description: '取った措置。 / What was done.' })
  actionTaken!: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

export const ProhibitedActExceptionConnection = Connection(ProhibitedActException, 'ProhibitedActException', '第25条の例外の申出');
export const DeviceFindingConnection = Connection(DeviceFinding, 'DeviceFinding', '機器の接続の発見');

// ─── Inputs ─────────────────────────────────────────────────────────────────────────────────────────────────────

@InputType({ description: '第25条の例外の申出(職員等)。 / Ask for an exception to 第25条 (any of the staff).' })
export class RequestProhibitedActExceptionInput {
  @Field(() => ID, { description: '対象の行政システム。 / The system concerned.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => ProhibitedActExceptionKind, { description: '例外の種類(第25条第2号・第3号)。 / Which exception.' })
  kind!: ProhibitedActExceptionKind;

  @Field({ description: '必要がある理由。 / Why it is needed.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  reason!: string;

  @Field(() => PeriodInput, { description: '期間(持ち出しは最終日が返却期限)。 / The period (for a take-out, its last day is the return date).' })
  @ValidateNested()
  period!: PeriodInput;

  @Field(() => String, { nullable: true, description: 'ソフトウェア名・版(導入の場合)。 / The software (installation).' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  software?: string;

  @Field(() => String, { nullable: true, description: '機器(持ち出しの場合)。 / The device (take-out).' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  device?: string;

  @EquipmentIdField('持ち出す機器(電子計算機器の台帳にあるもの、持ち出しの場合。device を省けば資産番号等を機器とする)。 / The device in the register of equipment (take-out; its identifier stands for device when that is left out).')
  equipmentId?: string;

  @Field(() => Boolean, { nullable: true, description: '携帯用機器か(持ち出しは必須)。 / Whether portable (required to take out).' })
  @IsOptional()
  portable?: boolean;

  @Field(() => [DeviceProtection], { nullable: true, description: 'データ保護の仕組み(暗号化・パスワード等、持ち出しの場合)。 / How the data is protected (take-out).' })
  @IsOptional()
  @ArrayMaxSize(2)
  protections?: DeviceProtection[];

  @Field(() => String, { nullable: true, description: 'データ保護の方法(持ち出しは必須)。 / How the data is protected (required to take out).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  protectionDetails?: string;
}

@InputType({ description: '例外の申出に対する判断(情報システム管理者)。 / Decide a request (the system administrator).' })
export class DecideProhibitedActExceptionInput {
  @Field(() => ID, { description: '判断する例外の申出。 / The request to decide.' })
  @MaxLength(500)
  exceptionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field({ description: '必要と認めるか。 / Whether to allow it.' })
  approve!: boolean;

  @Field(() => String, { nullable: true, description: '理由(不承認は必須)。 / The reason (required to refuse).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  reason?: string;
}

@InputType({ description: '持ち出した機器の返却の記録。 / Record that a device taken outside is back.' })
export class RecordEquipmentReturnInput {
  @Field(() => ID, { description: '持ち出しの例外の申出。 / The take-out request.' })
  @MaxLength(500)
  exceptionId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field(() => LocalDate, { nullable: true, description: '返却日(既定は今日)。 / The day it came back (default today).' })
  @IsOptional()
  returnedOn?: string;
}

@InputType({ description: '機器の接続の発見の記録(第25条第1号)。 / Record a device found connected (第25条第1号).' })
export class RecordDeviceFindingInput {
  @Field(() => ID, { description: '機器が接続された行政システム。 / The system it was connected to.' })
  @MaxLength(500)
  systemId!: string;

  @Field({ description: '機器。 / The device.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  device!: string;

  @EquipmentIdField('電子計算機器の台帳にある機器(このシステムのもの)。私物等の台帳にない機器は device のみで記録する。 / The device in the register of equipment; one not in it (a private USB stick) is named in device alone.')
  equipmentId?: string;

  @Field({ description: '発見の状況。 / What was found, and where.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  description!: string;

  @Field(() => DateTime, { nullable: true, description: '発見日時(既定は現在)。 / When found (default now).' })
  @IsOptional()
  foundAt?: Date;

  @Field({ description: '盗聴のおそれがあるか。 / Whether it could eavesdrop.' })
  eavesdropping!: boolean;

  @Field({ description: '取った措置。 / What was done.' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  actionTaken!: string;
}

@ObjectType({ description: '例外の申出の変更結果。 / The result of a mutation on a request for an exception.' })
export class ProhibitedActExceptionPayload {
  @Field(() => ProhibitedActException, { nullable: true, description: '変更後の例外の申出(拒否されたときは空)。 / The request as changed; empty when refused.' })
  exception?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: '機器の接続の発見の記録結果。 / The result of recording a finding.' })
export class DeviceFindingPayload {
  @Field(() => DeviceFinding, { nullable: true, description: '記録した発見(拒否されたときは空)。 / The finding recorded; empty when refused.' })
  finding?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}
