/**
 * サーバ室への立入り制限 (第16条): 情報システム管理者は、指定した職員及び業務を委託した事業者の職員以外の者をサーバ室に
 * 立ち入らせてはならない。ただし、情報システム管理者が必要があると認めるときは、この限りでない。
 * The system administrator keeps, for each server room, the list of who may enter: the staff he designates, the
 * staff of contractors, and (ただし書) anyone else he finds it necessary to let in. Entries are logged at the door by
 * whoever keeps the log; the log is never refused, because it must be true: an entry that matches no authorization
 * is recorded as unapproved, and the administrator may approve it after the fact.
 */
import { advance, alongWith, changeOf, Part, Transition } from './change';
import { Actor, holds, tokyoDate } from './people';
import { isDate } from './period';
import { allows, Name, refuse } from './refusal';
import { Equipment, namedEquipment } from './equipment';

export const ARTICLE = '第16条';

export interface ServerRoom {
  id: string;
  name: string;
  location: string;
  description?: string;
  registeredBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const AUTHORIZATION_KINDS = [
  'DESIGNATED_STAFF', // 情報システム管理者が指定した職員
  'CONTRACTOR_STAFF', // 業務を委託した事業者の職員
  'APPROVED_VISITOR', // 情報システム管理者が必要があると認めた者 (ただし書)
] as const;
export type AuthorizationKind = (typeof AUTHORIZATION_KINDS)[number];

export interface ServerRoomAuthorization {
  id: string;
  roomId: string;
  kind: AuthorizationKind;
  /** A person of the city (required for designated staff; optional otherwise). */
  personId?: string;
  /** The name of one who is not a person of the city (a contractor's engineer, a visitor). */
  name?: string;
  /** The contractor (委託事業者) or the visitor's organization. */
  organization?: string;
  /** Why the administrator found it necessary (ただし書); required for an approved visitor. */
  reason?: string;
  /** Inclusive dates (YYYY-MM-DD) in Asia/Tokyo; open-ended without validUntil. */
  validFrom: string;
  validUntil?: string;
  grantedBy: string;
  grantedAt: string;
  revoked?: boolean;
  revokedAt?: string;
  revokedBy?: string;
  revocationReason?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const ENTRY_STATUSES = ['AUTHORIZED', 'UNAPPROVED', 'APPROVED_AFTER_ENTRY'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export interface Entrant {
  personId?: string;
  authorizationId?: string;
  name?: string;
  organization?: string;
}

export interface ServerRoomEntry {
  id: string;
  roomId: string;
  enteredAt: string;
  leftAt?: string;
  purpose: string;
  entrant: Entrant;
  /** The equipment worked on (第2条第8号), when the entry names one. */
  equipmentId?: string;
  status: EntryStatus;
  /** The authorization the entry matched, when it did. */
  authorizationId?: string;
  recordedBy: string;
  exitRecordedBy?: string;
  approvedBy?: string;
  approvedAt?: string;
  approvalReason?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Which authorization of a room a person holds: one at a time, written with the version read so two grants race cleanly. */
export interface Grantee {
  roomId: string;
  personId: string;
  authorizationId?: string;
  version: number;
}

const isAdministrator = (actor: Actor, now: string) => holds(actor, 'SYSTEM_ADMINISTRATOR', now);

function assertAdministrator(actor: Actor, now: string, what: Name): void {
  if (!isAdministrator(actor, now)) {
    refuse('FORBIDDEN', [`${what[0]}は情報システム管理者のみが行えます。サーバ室の立入りは情報システム管理者が管理します。`, `Only the system administrator may ${what[1]}.`], ARTICLE);
  }
}

export const mayAdministerServerRooms = isAdministrator;

/** 第16条: the administrator keeps the server rooms whose entry he controls. */
export function registerRoom(actor: Actor, input: { name: string; location: string; description?: string }, id: string, now: string): ServerRoom {
  assertAdministrator(actor, now, ['サーバ室の登録', 'register a server room']);
  if (!input.name.trim()) refuse('INVALID_VALUE', ['サーバ室の名称を入力してください。', 'Name the server room.'], ARTICLE, ['name']);
  if (!input.location.trim()) refuse('INVALID_VALUE', ['サーバ室の場所を入力してください。', 'Say where the server room is.'], ARTICLE, ['location']);
  return {
    id,
    name: input.name.trim(),
    location: input.location.trim(),
    description: input.description?.trim() || undefined,
    registeredBy: actor.person.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export interface AuthorizationInput {
  kind: AuthorizationKind;
  personId?: string;
  name?: string;
  organization?: string;
  reason?: string;
  validFrom: string;
  validUntil?: string;
}

/**
 * 第16条: the administrator designates staff (指定した職員), lists the staff of contractors (委託事業者の職員), and
 * lets in anyone else he finds it necessary to (ただし書), saying why.
 */
export function authorize(actor: Actor, room: ServerRoom, input: AuthorizationInput, id: string, now: string): ServerRoomAuthorization {
  assertAdministrator(actor, now, ['サーバ室に立ち入る者の決定', 'decide who enters the server room']);
  const name = input.name?.trim() || undefined;
  const organization = input.organization?.trim() || undefined;
  const reason = input.reason?.trim() || undefined;
  if (input.kind === 'DESIGNATED_STAFF') {
    if (!input.personId) refuse('INVALID_VALUE', ['指定した職員は市の職員です。personId を指定してください。', 'Designated staff is a person of the city: give personId.'], ARTICLE, ['personId']);
    if (name || organization) refuse('INVALID_VALUE', ['指定した職員は personId のみで指定してください。', 'Designated staff is named by personId alone.'], ARTICLE, ['name']);
  }
  if (input.kind === 'CONTRACTOR_STAFF') {
    if (!input.personId && !name) refuse('INVALID_VALUE', ['委託事業者の従事者の氏名を入力するか、personId を指定してください。', "Name the contractor's staff member (or give personId)."], ARTICLE, ['name']);
    if (!organization) refuse('INVALID_VALUE', ['委託事業者を入力してください。', 'Name the contractor.'], ARTICLE, ['organization']);
  }
  if (input.kind === 'APPROVED_VISITOR') {
    if (!input.personId && !name) refuse('INVALID_VALUE', ['立入りを認める者の氏名を入力するか、personId を指定してください。', 'Name the visitor (or give personId).'], ARTICLE, ['name']);
    if (!reason) refuse('INVALID_VALUE', ['情報システム管理者が必要があると認める理由を入力してください。', 'Say why the administrator finds it necessary.'], ARTICLE, ['reason']);
    if (!input.validUntil) refuse('INVALID_VALUE', ['必要があると認めて立ち入らせる者は期間を限ります。validUntil (終了日) を指定してください。', 'A visitor is let in for a period: give validUntil.'], ARTICLE, ['validUntil']);
  }
  if (input.personId && name) refuse('INVALID_VALUE', ['personId と氏名は、どちらか一方のみを指定してください。', 'Give personId or a name, not both.'], ARTICLE, ['name']);
  if (!isDate(input.validFrom)) refuse('INVALID_VALUE', ['validFrom (開始日) は日付 (YYYY-MM-DD) で入力してください。', 'validFrom is a date (YYYY-MM-DD).'], ARTICLE, ['validFrom']);
  if (input.validUntil !== undefined) {
    if (!isDate(input.validUntil)) refuse('INVALID_VALUE', ['validUntil (終了日) は日付 (YYYY-MM-DD) で入力してください。', 'validUntil is a date (YYYY-MM-DD).'], ARTICLE, ['validUntil']);
    if (input.validUntil < input.validFrom) refuse('INVALID_VALUE', ['validUntil (終了日) が validFrom (開始日) より前になっています。', 'validUntil is before validFrom.'], ARTICLE, ['validUntil']);
    if (input.validUntil < tokyoDate(now)) refuse('INVALID_VALUE', ['この許可の期間は既に終了しています。', 'The authorization would have ended already.'], ARTICLE, ['validUntil']);
  }
  return {
    id,
    roomId: room.id,
    kind: input.kind,
    personId: input.personId,
    name,
    organization,
    reason,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    grantedBy: actor.person.id,
    grantedAt: now,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * One authorization at a time per person and room: a second one while the first runs is a duplicate (revoke or let
 * it end first). `existing` is the one the room's register of grantees points at.
 */
export function assertNotAuthorizedAlready(existing: ServerRoomAuthorization | undefined, now: string): void {
  if (existing && !existing.revoked && (existing.validUntil === undefined || existing.validUntil >= tokyoDate(now))) {
    refuse('DUPLICATE', ['この者は既にこのサーバ室への立入りを許可されています。変更するには、先に許可を取り消してください。', 'That person already holds an authorization for this room; revoke it first to change it.'], ARTICLE, ['personId']);
  }
}

export function revoke(actor: Actor, a: ServerRoomAuthorization, reason: string | undefined, now: string): ServerRoomAuthorization {
  assertAdministrator(actor, now, ['サーバ室への立入りの許可の取消し', 'revoke an authorization to enter the server room']);
  if (a.revoked) refuse('INVALID_STATE', ['この許可は既に取り消されています。', 'The authorization is already revoked.'], ARTICLE, ['authorizationId']);
  return advance(a, { revoked: true, revokedAt: now, revokedBy: actor.person.id, revocationReason: reason?.trim() || undefined }, now);
}

/** Whether the authorization lets its holder in at the instant: not revoked then, and within its dates. */
export function isValidAt(a: ServerRoomAuthorization, at: string): boolean {
  const date = tokyoDate(at);
  if (a.revoked && (a.revokedAt === undefined || a.revokedAt <= at)) return false;
  return a.validFrom <= date && (a.validUntil === undefined || date <= a.validUntil);
}

const same = (a?: string, b?: string) => !!a && !!b && a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * The authorization of the room that lets the entrant in at `at`, among `candidates` (the one named, the person's,
 * the room's current list): by authorization id, by person, or by name and organization as the log has them.
 */
export function matchAuthorization(roomId: string, entrant: Entrant, at: string, candidates: ServerRoomAuthorization[]): ServerRoomAuthorization | undefined {
  return candidates.find((a) => {
    if (a.roomId !== roomId || !isValidAt(a, at)) return false;
    if (entrant.authorizationId) return a.id === entrant.authorizationId;
    if (entrant.personId) return a.personId === entrant.personId;
    return same(a.name, entrant.name) && same(a.organization, entrant.organization);
  });
}

export function validateEntrant(e: Entrant): void {
  const given = [e.personId, e.authorizationId, e.name?.trim()].filter(Boolean).length;
  if (given !== 1) refuse('INVALID_VALUE', ['入室者は、personId、authorizationId 又は氏名 (所属とともに) のいずれか一つの方法で指定してください。', 'Name the entrant one way: personId, authorizationId, or a name (with organization).'], ARTICLE, ['entrant']);
}

/**
 * 第16条: the log at the door records every entry as it happened; one that matches no authorization of the room
 * at that time is recorded, unapproved, for the administrator to see.
 */
export function recordEntry(
  actor: Actor,
  room: ServerRoom,
  input: { enteredAt: string; purpose: string; entrant: Entrant },
  matched: ServerRoomAuthorization | undefined,
  id: string,
  now: string,
): ServerRoomEntry {
  validateEntrant(input.entrant);
  if (input.enteredAt > now) refuse('INVALID_VALUE', ['入室は入室した後に記録します。enteredAt に未来の日時は入力できません。', 'An entry is recorded once it has happened: enteredAt is in the future.'], ARTICLE, ['enteredAt']);
  if (!input.purpose.trim()) refuse('INVALID_VALUE', ['入室の目的を入力してください。', 'State the purpose of the entry.'], ARTICLE, ['purpose']);
  const entrant: Entrant = {
    personId: input.entrant.personId,
    authorizationId: input.entrant.authorizationId,
    name: input.entrant.name?.trim() || undefined,
    organization: input.entrant.organization?.trim() || undefined,
  };
  return {
    id,
    roomId: room.id,
    enteredAt: input.enteredAt,
    purpose: input.purpose.trim(),
    entrant,
    status: matched ? 'AUTHORIZED' : 'UNAPPROVED',
    authorizationId: matched?.id,
    recordedBy: actor.person.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export function recordExit(actor: Actor, e: ServerRoomEntry, leftAt: string, now: string): ServerRoomEntry {
  if (e.leftAt) refuse('INVALID_STATE', ['退室は既に記録されています。', 'The exit is already recorded.'], ARTICLE, ['entryId']);
  if (leftAt < e.enteredAt) refuse('INVALID_VALUE', ['leftAt (退室日時) が入室より前になっています。', 'leftAt is before the entry.'], ARTICLE, ['leftAt']);
  if (leftAt > now) refuse('INVALID_VALUE', ['退室は退室した後に記録します。leftAt に未来の日時は入力できません。', 'An exit is recorded once it has happened: leftAt is in the future.'], ARTICLE, ['leftAt']);
  return advance(e, { leftAt, exitRecordedBy: actor.person.id }, now);
}

/** 第16条ただし書: the administrator may find, after the fact, that an unapproved entry was necessary. */
export function approveEntry(actor: Actor, e: ServerRoomEntry, reason: string, now: string): ServerRoomEntry {
  assertAdministrator(actor, now, ['サーバ室への入室の承認', 'approve an entry into the server room']);
  if (e.status === 'AUTHORIZED') refuse('INVALID_STATE', ['この入室は許可に基づくものです (承認は不要です)。', 'The entry is authorized.'], ARTICLE, ['entryId']);
  if (e.status !== 'UNAPPROVED') refuse('INVALID_STATE', ['この入室は既に承認されています。', 'The entry is already approved.'], ARTICLE, ['entryId']);
  if (!reason.trim()) refuse('INVALID_VALUE', ['入室が必要であったと認める理由を入力してください。', 'Say why the entry was necessary.'], ARTICLE, ['reason']);
  return advance(e, { status: 'APPROVED_AFTER_ENTRY', approvedBy: actor.person.id, approvedAt: now, approvalReason: reason.trim() }, now);
}

export function entryActions(actor: Actor, e: ServerRoomEntry, now: string): { approve: boolean; recordExit: boolean } {
  return { approve: e.status === 'UNAPPROVED' && isAdministrator(actor, now), recordExit: !e.leftAt };
}

// The transitions of the server rooms' register, as the one write path carries them out (functions/resolvers/write.ts):
// each the rule above, the object's next version, and the audit action with its article.

/** The register of grantees with `personId` holding `authorizationId` of the room (none: undefined). */
function grantee(g: Grantee | undefined, roomId: string, personId: string, authorizationId: string | undefined): Part {
  return { part: 'ServerRoomGrantee', value: { roomId, personId, authorizationId, version: (g?.version ?? 0) + 1 }, expectedVersion: g?.version };
}

export const serverRoom = {
  register: (actor: Actor, input: Parameters<typeof registerRoom>[1], id: string, now: string) =>
    changeOf('ServerRoom', undefined, registerRoom(actor, input, id, now), 'serverRoom.registered', ARTICLE),
  /** `held`: the person's entry in the room's register of grantees, and the authorization it points at. */
  authorize(actor: Actor, room: ServerRoom, input: AuthorizationInput, held: { grantee?: Grantee; existing?: ServerRoomAuthorization }, id: string, now: string): Transition {
    const a = authorize(actor, room, input, id, now);
    const t = changeOf('ServerRoomAuthorization', undefined, a, 'serverRoomAccess.authorized', ARTICLE);
    if (!a.personId) return t;
    assertNotAuthorizedAlready(held.existing, now);
    return alongWith(t, { parts: [grantee(held.grantee, room.id, a.personId, a.id)] });
  },
  revoke(actor: Actor, a: ServerRoomAuthorization, reason: string | undefined, held: Grantee | undefined, now: string): Transition {
    const t = changeOf('ServerRoomAuthorization', a, revoke(actor, a, reason, now), 'serverRoomAccess.revoked', ARTICLE);
    return held?.authorizationId === a.id ? alongWith(t, { parts: [grantee(held, held.roomId, held.personId, undefined)] }) : t;
  },
  /** `candidates`: the authorization the entrant named, or the room's running ones; the entry is never refused for want of one. */
  recordEntry(actor: Actor, room: ServerRoom, input: Parameters<typeof recordEntry>[2], candidates: ServerRoomAuthorization[], id: string, now: string, worked?: Equipment) {
    const entry = { ...recordEntry(actor, room, input, matchAuthorization(room.id, input.entrant, input.enteredAt, candidates), id, now), ...namedEquipment(worked, ARTICLE, { roomId: room.id }) };
    return changeOf('ServerRoomEntry', undefined, entry, entry.status === 'AUTHORIZED' ? 'serverRoomEntry.recorded' : 'serverRoomEntry.recordedUnapproved', ARTICLE);
  },
  recordExit: (actor: Actor, e: ServerRoomEntry, leftAt: string, now: string) =>
    changeOf('ServerRoomEntry', e, recordExit(actor, e, leftAt, now), 'serverRoomEntry.exited', ARTICLE),
  approveEntry: (actor: Actor, e: ServerRoomEntry, reason: string, now: string) =>
    changeOf('ServerRoomEntry', e, approveEntry(actor, e, reason, now), 'serverRoomEntry.approved', ARTICLE),
};

/** What the viewer may do with a room now (`viewerCan*`). */
export function roomActions(actor: Actor, _room: ServerRoom, now: string) {
  return { authorize: isAdministrator(actor, now) };
}

/** What the viewer may do with an authorization now, by the rule that would refuse it. */
export function authorizationActions(actor: Actor, a: ServerRoomAuthorization, now: string) {
  return { revoke: allows(() => revoke(actor, a, undefined, now)) };
}
