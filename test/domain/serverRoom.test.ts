/**
 * サーバ室への立入り制限 (第16条): only the staff the system administrator designates and the staff of contractors;
 * anyone else only when he finds it necessary (ただし書). The log at the door records every entry as it happened.
 */
import {
  ServerRoom,
  ServerRoomAuthorization,
  approveEntry,
  assertNotAuthorizedAlready,
  authorize,
  entryActions,
  isValidAt,
  matchAuthorization,
  recordEntry,
  recordExit,
  registerRoom,
  revoke,
} from '../../functions/domain/serverRoom';
import { EARLIER, administrator, digitalManager, generalManager, refusal, shiminStaff } from '../support/domain';

const NOW = '2026-06-15T03:00:00.000Z'; // 12:00 in Tokyo
const room: ServerRoom = registerRoom(administrator, { name: '本庁舎3階 サーバ室', location: '本庁舎3階' }, 'room', EARLIER);
const designated = authorize(administrator, room, { kind: 'DESIGNATED_STAFF', personId: 'digital-manager', validFrom: '2023-04-01' }, 'a1', EARLIER);
const engineer = authorize(administrator, room, { kind: 'CONTRACTOR_STAFF', name: '山田 太郎', organization: '株式会社みやぎ情報サービス', validFrom: '2026-04-01', validUntil: '2027-03-31' }, 'a2', NOW);

describe('第16条: the system administrator decides who enters the server room', () => {
  it('registers the room; no one else does', () => {
    expect(room).toMatchObject({ name: '本庁舎3階 サーバ室', registeredBy: 'soumu-director' });
    for (const who of [generalManager, digitalManager, shiminStaff]) {
      expect(refusal(() => registerRoom(who, { name: 'x', location: 'y' }, 'r', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第16条' });
    }
  });

  it('designates staff (指定した職員: a person of the city) and lists contractor staff (委託事業者の職員: name and company)', () => {
    expect(designated).toMatchObject({ kind: 'DESIGNATED_STAFF', personId: 'digital-manager', grantedBy: 'soumu-director' });
    expect(engineer).toMatchObject({ kind: 'CONTRACTOR_STAFF', name: '山田 太郎', organization: '株式会社みやぎ情報サービス' });
    expect(refusal(() => authorize(administrator, room, { kind: 'DESIGNATED_STAFF', validFrom: '2026-06-15' }, 'x', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['personId'] });
    expect(refusal(() => authorize(administrator, room, { kind: 'CONTRACTOR_STAFF', name: '山田', validFrom: '2026-06-15' }, 'x', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['organization'] });
  });

  it('第16条ただし書: anyone else only with the reason he finds it necessary, and for a period', () => {
    const visitor = { kind: 'APPROVED_VISITOR' as const, name: '佐々木 次郎', organization: '東北OA販売', validFrom: '2026-06-15', validUntil: '2026-06-15' };
    expect(refusal(() => authorize(administrator, room, visitor, 'x', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['reason'] });
    expect(refusal(() => authorize(administrator, room, { ...visitor, reason: '複合機の設定', validUntil: undefined }, 'x', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['validUntil'] });
    expect(authorize(administrator, room, { ...visitor, reason: '複合機の設定' }, 'x', NOW)).toMatchObject({ kind: 'APPROVED_VISITOR', reason: '複合機の設定' });
  });

  it('refuses anyone but the administrator, and dates that make no sense', () => {
    expect(refusal(() => authorize(digitalManager, room, { kind: 'DESIGNATED_STAFF', personId: 'x', validFrom: '2026-06-15' }, 'x', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第16条' });
    expect(refusal(() => authorize(administrator, room, { kind: 'DESIGNATED_STAFF', personId: 'x', validFrom: '2026-06-15', validUntil: '2026-06-01' }, 'x', NOW)).field).toEqual(['validUntil']);
    expect(refusal(() => authorize(administrator, room, { kind: 'DESIGNATED_STAFF', personId: 'x', validFrom: '2026-02-30' }, 'x', NOW)).field).toEqual(['validFrom']);
    expect(refusal(() => authorize(administrator, room, { kind: 'CONTRACTOR_STAFF', personId: 'x', name: 'y', organization: 'z', validFrom: '2026-06-15' }, 'x', NOW)).code).toBe('INVALID_VALUE');
  });

  it('one authorization per person and room while it runs; an ended or revoked one is no obstacle', () => {
    expect(refusal(() => assertNotAuthorizedAlready(designated, NOW))).toMatchObject({ code: 'DUPLICATE', article: '第16条' });
    expect(() => assertNotAuthorizedAlready({ ...designated, validUntil: '2026-03-31' }, NOW)).not.toThrow();
    expect(() => assertNotAuthorizedAlready(revoke(administrator, designated, '異動', NOW), NOW)).not.toThrow();
    expect(() => assertNotAuthorizedAlready(undefined, NOW)).not.toThrow();
  });

  it('revocation ends it from that moment; only the administrator revokes, once', () => {
    const revoked = revoke(administrator, designated, '異動', NOW);
    expect(revoked).toMatchObject({ revoked: true, revokedBy: 'soumu-director', version: 2 });
    expect(isValidAt(revoked, '2026-06-15T02:59:59.000Z')).toBe(true);
    expect(isValidAt(revoked, NOW)).toBe(false);
    expect(refusal(() => revoke(administrator, revoked, undefined, NOW)).code).toBe('INVALID_STATE');
    expect(refusal(() => revoke(digitalManager, designated, undefined, NOW)).code).toBe('FORBIDDEN');
  });

  it('an authorization runs on its dates in Tokyo, both included', () => {
    expect(isValidAt(engineer, '2026-03-31T15:00:00.000Z')).toBe(true); // 4/1 00:00 JST
    expect(isValidAt(engineer, '2026-03-31T14:59:59.000Z')).toBe(false);
    expect(isValidAt(engineer, '2027-03-31T14:59:59.000Z')).toBe(true);
    expect(isValidAt(engineer, '2027-03-31T15:00:00.000Z')).toBe(false);
  });
});

describe('第16条: the log at the door', () => {
  const all: ServerRoomAuthorization[] = [designated, engineer];

  it('an entry matching an authorization in force is AUTHORIZED: by person, by authorization, or by name and company as logged', () => {
    expect(matchAuthorization('room', { personId: 'digital-manager' }, NOW, all)?.id).toBe('a1');
    expect(matchAuthorization('room', { authorizationId: 'a2' }, NOW, all)?.id).toBe('a2');
    expect(matchAuthorization('room', { name: '山田太郎', organization: '株式会社みやぎ情報サービス' }, NOW, all)?.id).toBe('a2');
    const e = recordEntry(shiminStaff, room, { enteredAt: NOW, purpose: '点検', entrant: { personId: 'digital-manager' } }, designated, 'e1', NOW);
    expect(e).toMatchObject({ status: 'AUTHORIZED', authorizationId: 'a1', recordedBy: 'shimin-staff' });
  });

  it('anyone else is recorded all the same, UNAPPROVED: the log is never refused', () => {
    expect(matchAuthorization('room', { personId: 'shimin-staff' }, NOW, all)).toBeUndefined();
    expect(matchAuthorization('room', { name: '山田 太郎', organization: '別会社' }, NOW, all)).toBeUndefined();
    expect(matchAuthorization('other-room', { personId: 'digital-manager' }, NOW, all)).toBeUndefined();
    expect(matchAuthorization('room', { name: '山田 太郎', organization: '株式会社みやぎ情報サービス' }, '2027-04-01T01:00:00.000Z', all)).toBeUndefined();
    const e = recordEntry(shiminStaff, room, { enteredAt: NOW, purpose: '見学', entrant: { name: '佐々木 次郎', organization: '東北OA販売' } }, undefined, 'e2', NOW);
    expect(e).toMatchObject({ status: 'UNAPPROVED', authorizationId: undefined });
    expect(entryActions(administrator, e, NOW)).toEqual({ approve: true, recordExit: true });
    expect(entryActions(shiminStaff, e, NOW)).toEqual({ approve: false, recordExit: true });
  });

  it('the entrant is named one way; an entry is logged once it happened, with its purpose', () => {
    const input = { enteredAt: NOW, purpose: '点検', entrant: { personId: 'p', name: 'n' } };
    expect(refusal(() => recordEntry(shiminStaff, room, input, undefined, 'e', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['entrant'] });
    expect(refusal(() => recordEntry(shiminStaff, room, { ...input, entrant: {} }, undefined, 'e', NOW)).field).toEqual(['entrant']);
    expect(refusal(() => recordEntry(shiminStaff, room, { ...input, entrant: { personId: 'p' }, enteredAt: '2026-06-15T04:00:00.000Z' }, undefined, 'e', NOW)).field).toEqual(['enteredAt']);
    expect(refusal(() => recordEntry(shiminStaff, room, { ...input, entrant: { personId: 'p' }, purpose: ' ' }, undefined, 'e', NOW)).field).toEqual(['purpose']);
  });

  it('the exit is logged once, not before the entry nor in the future', () => {
    const e = recordEntry(shiminStaff, room, { enteredAt: '2026-06-15T01:00:00.000Z', purpose: '点検', entrant: { personId: 'x' } }, undefined, 'e', NOW);
    const out = recordExit(shiminStaff, e, '2026-06-15T02:00:00.000Z', NOW);
    expect(out).toMatchObject({ leftAt: '2026-06-15T02:00:00.000Z', exitRecordedBy: 'shimin-staff', version: 2 });
    expect(refusal(() => recordExit(shiminStaff, out, NOW, NOW)).code).toBe('INVALID_STATE');
    expect(refusal(() => recordExit(shiminStaff, e, '2026-06-15T00:00:00.000Z', NOW)).field).toEqual(['leftAt']);
    expect(refusal(() => recordExit(shiminStaff, e, '2026-06-15T04:00:00.000Z', NOW)).field).toEqual(['leftAt']);
  });

  it('第16条ただし書: the administrator approves an unapproved entry after the fact, with the reason; only once; no one else', () => {
    const e = recordEntry(shiminStaff, room, { enteredAt: NOW, purpose: '見学', entrant: { name: '佐々木 次郎' } }, undefined, 'e', NOW);
    const approved = approveEntry(administrator, e, '複合機の設定に必要と認めた', NOW);
    expect(approved).toMatchObject({ status: 'APPROVED_AFTER_ENTRY', approvedBy: 'soumu-director', approvalReason: '複合機の設定に必要と認めた' });
    expect(refusal(() => approveEntry(administrator, approved, 'x', NOW)).code).toBe('INVALID_STATE');
    expect(refusal(() => approveEntry(administrator, e, ' ', NOW)).field).toEqual(['reason']);
    expect(refusal(() => approveEntry(digitalManager, e, 'x', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第16条' });
    const authorized = recordEntry(shiminStaff, room, { enteredAt: NOW, purpose: '点検', entrant: { personId: 'digital-manager' } }, designated, 'e', NOW);
    expect(refusal(() => approveEntry(administrator, authorized, 'x', NOW)).code).toBe('INVALID_STATE');
  });
});
