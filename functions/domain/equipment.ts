/**
 * 電子計算機器 (第2条第8号): コンピュータ(サーバ及びクライアント)、印刷装置、接続に要する配線及び接続機器並びにその他
 * 周辺装置. The register of the equipment of the city's systems: what it is, how it is identified (asset number or
 * host name), where it stands (a server room, 第2条第12号, or a department's office), the system it belongs to
 * (ネットワークシステム, 第2条第4号: 電子計算機器及び通信機器等で構成するもの), and whether it is in use.
 *
 * Who keeps it: equipment is part of its system, and the system's 維持管理 belongs to the information manager the
 * system administrator designated (情報系, 第10条第1項) or to the one whose work it is (業務系, 第10条第2項). So the
 * information manager of the department in charge of the system's maintenance registers and removes its equipment;
 * the system administrator, who designates that department and keeps the server rooms (第16条), may too.
 *
 * The register is read by 第16条 (an entry into a server room names the equipment worked on), 第25条 (a device found
 * connected, a portable device taken outside) and 第26条 (the infected device). Devices outside the register (a
 * private USB stick found connected) stay free text there.
 */
import { advance, changeOf } from './change';
import { Actor, assertInformationManagerOf, holds } from './people';
import { allows, refuse } from './refusal';
import { SystemRecord, departmentInCharge } from './systems';

export const ARTICLE = '第2条第8号';
/** Who keeps a system's equipment: the information manager in charge of its maintenance (第10条第1項・第2項). */
export const KEEPER_ARTICLE = '第10条';

/** 第2条第8号's list, in its order. */
export const EQUIPMENT_KINDS = ['SERVER', 'CLIENT', 'PRINTER', 'WIRING', 'CONNECTING_DEVICE', 'PERIPHERAL'] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

export const EQUIPMENT_STATUSES = ['IN_USE', 'REMOVED'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

export interface Equipment {
  id: string;
  kind: EquipmentKind;
  /** 資産番号 or ホスト名: how staff find it on the label or the network. */
  identifier: string;
  description?: string;
  systemId: string;
  /** The department in charge of the system's maintenance when registered (第10条): whose information manager keeps it. */
  departmentId: string;
  /** Where it stands: a server room (第2条第12号) … */
  roomId?: string;
  /** … or a department's office. */
  officeDepartmentId?: string;
  /** Further detail of the place (rack, floor, desk). */
  locationDetail?: string;
  status: EquipmentStatus;
  registeredBy: string;
  removedAt?: string;
  removedBy?: string;
  removalReason?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EquipmentInput {
  kind: EquipmentKind;
  identifier: string;
  description?: string;
  roomId?: string;
  officeDepartmentId?: string;
  locationDetail?: string;
}

/** 第10条: the system administrator, or the information manager in charge of the system's maintenance. */
export function assertKeeper(actor: Actor, departmentId: string, now: string, field: string[]): void {
  if (holds(actor, 'SYSTEM_ADMINISTRATOR', now)) return;
  assertInformationManagerOf(actor, [departmentId], now, KEEPER_ARTICLE, field, ['このシステムの電子計算機器を登録し、又は撤去する', "register or remove this system's equipment"]);
}

export function registerEquipment(actor: Actor, system: SystemRecord, input: EquipmentInput, id: string, now: string): Equipment {
  const departmentId = departmentInCharge(system);
  assertKeeper(actor, departmentId, now, ['systemId']);
  const identifier = input.identifier.trim();
  // 第2条第8号
  if (!identifier) refuse('INVALID_VALUE', ['資産番号又はホスト名を入力してください。', 'Give the asset number or host name.'], ARTICLE, ['identifier']);
  if (!!input.roomId === !!input.officeDepartmentId) {
    refuse('INVALID_VALUE', ['設置場所は、サーバ室 (roomId) 又は主管課の執務室 (officeDepartmentId) のいずれか一方を指定してください。', 'Say where it stands: a server room (roomId) or a department’s office (officeDepartmentId), one of them.'], ARTICLE, ['roomId']);
  }
  if (system.status === 'ABOLISHED') refuse('INVALID_STATE', ['廃止されたシステムには電子計算機器を登録できません。', 'An abolished system takes no new equipment.'], ARTICLE, ['systemId']);
  return {
    id,
    kind: input.kind,
    identifier,
    description: input.description?.trim() || undefined,
    systemId: system.id,
    departmentId,
    roomId: input.roomId,
    officeDepartmentId: input.officeDepartmentId,
    locationDetail: input.locationDetail?.trim() || undefined,
    status: 'IN_USE',
    registeredBy: actor.person.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Removed from use (撤去・廃棄): kept in the register, with who removed it and why. */
export function removeEquipment(actor: Actor, e: Equipment, reason: string, now: string): Equipment {
  assertKeeper(actor, e.departmentId, now, ['equipmentId']);
  if (e.status === 'REMOVED') refuse('INVALID_STATE', ['この電子計算機器は既に撤去されています。', 'The equipment is removed already.'], ARTICLE, ['equipmentId']);
  if (!reason.trim()) refuse('INVALID_VALUE', ['撤去の理由を入力してください。', 'Say why it is removed.'], ARTICLE, ['reason']);
  return advance(e, { status: 'REMOVED', removedAt: now, removedBy: actor.person.id, removalReason: reason.trim() }, now);
}

/**
 * A record elsewhere names a piece of equipment (第16条, 第25条, 第26条): it must be in use and, where the record is
 * about a system or a server room, belong to that system or stand in that room. Its id, to keep beside the text.
 */
export function namedEquipment(e: Equipment | undefined, article: string, of: { systemId?: string; roomId?: string } = {}): { equipmentId?: string } {
  if (!e) return {};
  if (e.status === 'REMOVED') refuse('INVALID_STATE', ['撤去済みの電子計算機器は指定できません。', 'That equipment has been removed.'], article, ['equipmentId']);
  if (of.systemId !== undefined && e.systemId !== of.systemId) {
    refuse('INVALID_VALUE', ['指定した電子計算機器は、このシステムのものではありません。', 'That equipment belongs to another system.'], article, ['equipmentId']);
  }
  if (of.roomId !== undefined && e.roomId !== of.roomId) {
    refuse('INVALID_VALUE', ['指定した電子計算機器は、このサーバ室に設置されていません。', 'That equipment does not stand in this server room.'], article, ['equipmentId']);
  }
  return { equipmentId: e.id };
}

export const equipment = {
  register: (actor: Actor, system: SystemRecord, input: EquipmentInput, id: string, now: string) =>
    changeOf('Equipment', undefined, registerEquipment(actor, system, input, id, now), 'equipment.registered', ARTICLE),
  remove: (actor: Actor, e: Equipment, reason: string, now: string) => changeOf('Equipment', e, removeEquipment(actor, e, reason, now), 'equipment.removed', ARTICLE),
};

/** What the viewer may do with a piece of equipment now (`viewerCan*`). */
export function equipmentActions(actor: Actor, e: Equipment, now: string) {
  return { remove: allows(() => removeEquipment(actor, e, '撤去', now)) };
}
