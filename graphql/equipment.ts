/** 電子計算機器 (第2条第8号): the register of the equipment of the city's systems. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Connection, DateTime, MAX_NAME, MAX_TEXT, Node, UserError } from './common';
import { Audited } from './audit';

export enum EquipmentKind {
  SERVER = 'SERVER',
  CLIENT = 'CLIENT',
  PRINTER = 'PRINTER',
  WIRING = 'WIRING',
  CONNECTING_DEVICE = 'CONNECTING_DEVICE',
  PERIPHERAL = 'PERIPHERAL',
}
registerEnumType(EquipmentKind, {
  name: 'EquipmentKind',
  description: '電子計算機器の種別(第2条第8号)。 / What kind of equipment (第2条第8号).',
  valuesConfig: {
    SERVER: { description: 'コンピュータ(サーバ)。 / A server.' },
    CLIENT: { description: 'コンピュータ(クライアント)。 / A client computer.' },
    PRINTER: { description: '印刷装置。 / A printer.' },
    WIRING: { description: '接続に要する配線。 / Wiring.' },
    CONNECTING_DEVICE: { description: '接続機器(スイッチ、ルータ等)。 / A connecting device (switch, router).' },
    PERIPHERAL: { description: 'その他周辺装置。 / Another peripheral.' },
  },
});

export enum EquipmentStatus {
  IN_USE = 'IN_USE',
  REMOVED = 'REMOVED',
}
registerEnumType(EquipmentStatus, {
  name: 'EquipmentStatus',
  description: '電子計算機器の状態。 / Whether the equipment is in use.',
  valuesConfig: {
    IN_USE: { description: '使用中。 / In use.' },
    REMOVED: { description: '撤去済み。 / Removed.' },
  },
});

@ObjectType({ implements: [Node, Audited], description: '電子計算機器(第2条第8号)。 / A piece of equipment of a system (第2条第8号).' })
export class Equipment extends Node {
  @Field(() => EquipmentKind, { description: '種別。 / What kind.' })
  kind!: EquipmentKind;

  @Field({ description: '資産番号又はホスト名。 / Asset number or host name.' })
  identifier!: string;

  @Field(() => String, { nullable: true, description: '説明(機種等)。 / Description (model, purpose).' })
  description?: string;

  @Field(() => String, { nullable: true, description: '設置場所の詳細(ラック、階、席)。 / Where exactly (rack, floor, desk).' })
  locationDetail?: string;

  @Field(() => EquipmentStatus, { description: '状態。 / Status.' })
  status!: EquipmentStatus;

  @Field(() => DateTime, { nullable: true, description: '撤去日時。 / When it was removed.' })
  removedAt?: string;

  @Field(() => String, { nullable: true, description: '撤去の理由。 / Why it was removed.' })
  removalReason?: string;

  @Field(() => Int, { description: '版(更新のたびに増える)。 / Version; grows with every change.' })
  version!: number;

  @Field(() => DateTime, { description: '作成日時。 / When it was created.' })
  createdAt!: string;
}

export const EquipmentConnection = Connection(Equipment, 'Equipment', '電子計算機器');

@InputType({ description: '電子計算機器の登録(第2条第8号)。 / Register a piece of equipment.' })
export class RegisterEquipmentInput {
  @Field(() => ID, { description: '属する行政システム。 / The system it belongs to.' })
  @MaxLength(500)
  systemId!: string;

  @Field(() => EquipmentKind, { description: '種別。 / What kind.' })
  kind!: EquipmentKind;

  @Field({ description: '資産番号又はホスト名。 / Asset number or host name.' })
  @MinLength(1)
  @MaxLength(MAX_NAME)
  identifier!: string;

  @Field(() => String, { nullable: true, description: '説明(機種等)。 / Description (model, purpose).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  description?: string;

  @Field(() => ID, { nullable: true, description: '設置したサーバ室(主管課の執務室とはいずれか一方)。 / The server room it stands in (or an office, not both).' })
  @IsOptional()
  @MaxLength(500)
  roomId?: string;

  @Field(() => ID, { nullable: true, description: '設置した主管課の執務室(サーバ室とはいずれか一方)。 / The department whose office it stands in (or a server room).' })
  @IsOptional()
  @MaxLength(500)
  officeDepartmentId?: string;

  @Field(() => String, { nullable: true, description: '設置場所の詳細(ラック、階、席)。 / Where exactly (rack, floor, desk).' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  locationDetail?: string;
}

@InputType({ description: '電子計算機器の撤去。 / Remove a piece of equipment from use.' })
export class RemoveEquipmentInput {
  @Field(() => ID, { description: '撤去する電子計算機器。 / The equipment.' })
  @MaxLength(500)
  equipmentId!: string;

  @Field(() => Int, { description: '読み取った版(他の更新と競合すれば STALE_VERSION)。 / The version you read (STALE_VERSION if it changed meanwhile).' })
  expectedVersion!: number;

  @Field({ description: '撤去の理由(更新、廃棄等)。 / Why (replaced, disposed of).' })
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  reason!: string;
}

@ObjectType({ description: '電子計算機器の変更結果。 / The result of an equipment mutation.' })
export class EquipmentPayload {
  @Field(() => Equipment, { nullable: true, description: '変更後の電子計算機器(拒否されたときは空)。 / The equipment as changed; empty when refused.' })
  equipment?: unknown;

  @Field(() => [UserError], { description: '規程又は入力の規則による拒否(条文を引用)。空なら成功。 / Refusals by a rule of the regulation or of the input, citing the article; empty on success.' })
  userErrors!: UserError[];
}

/**
 * The optional `equipmentId` of an input that names a device (第16条, 第25条, 第26条): the equipment of the register,
 * beside the free text kept for devices not in it.
 */
export function EquipmentIdField(description: string): PropertyDecorator {
  return (target, key) => {
    Field(() => ID, { nullable: true, description })(target, key);
    IsOptional()(target, key);
    MaxLength(500)(target, key);
  };
}
