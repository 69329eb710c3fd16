/**
 * サーバ室への立入り制限 (第16条) through the real Lambda handler: the system administrator's list of who may enter,
 * the log at the door (never refused; an entry matching no authorization is recorded unapproved), and approval
 * after the fact (ただし書).
 */
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const ROOM = gid('ServerRoom', 'demo-server-room');
const tokyoDate = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const ENTRY_FIELDS = `id status version enteredAt leftAt purpose entrant { name organization person { personId } } authorization { id kind }
  recordedBy { personId } approvedBy { personId } approvalReason viewerCanApprove viewerCanRecordExit room { id }`;
const ENTER = `mutation($input: RecordServerRoomEntryInput!) { recordServerRoomEntry(input: $input) { entry { ${ENTRY_FIELDS} } userErrors { code message article field } } }`;
const EXIT = `mutation($input: RecordServerRoomExitInput!) { recordServerRoomExit(input: $input) { entry { ${ENTRY_FIELDS} } userErrors { code message article field } } }`;
const APPROVE = `mutation($input: ApproveServerRoomEntryInput!) { approveServerRoomEntry(input: $input) { entry { ${ENTRY_FIELDS} } userErrors { code message article field } } }`;
const AUTH_FIELDS = 'id kind name organization reason validFrom validUntil current version person { personId } grantedBy { personId } viewerCanRevoke';
const AUTHORIZE = `mutation($input: AuthorizeServerRoomAccessInput!) { authorizeServerRoomAccess(input: $input) { authorization { ${AUTH_FIELDS} } userErrors { code message article field } } }`;
const REVOKE = `mutation($input: RevokeServerRoomAccessInput!) { revokeServerRoomAccess(input: $input) { authorization { ${AUTH_FIELDS} revokedAt } userErrors { code message article field } } }`;
const REGISTER = `mutation($input: RegisterServerRoomInput!) { registerServerRoom(input: $input) { room { id name location viewerCanAuthorize } userErrors { code message article field } } }`;
const UNAPPROVED = `{ unapprovedServerRoomEntries(first: 50) { nodes { id status purpose entrant { name organization } room { name } } } }`;
const CURRENT = `query($id: ID!) { node(id: $id) { ... on ServerRoom { name location viewerCanAuthorize currentAuthorizations(first: 50) { nodes { ${AUTH_FIELDS} } } entries(first: 50) { nodes { id enteredAt status } } } } }`;

const current = async (who = 'shimin-staff', room = ROOM) => (await api.data(who, CURRENT, { id: room })).node;
const unapprovedIds = async () => (await api.data('shimin-staff', UNAPPROVED)).unapprovedServerRoomEntries.nodes.map((n: { id: string }) => n.id);

describe('第16条: the log at the door (the demo city)', () => {
  it('anyone may read the room: its designated staff (デジタル推進課長) and the contractor’s engineer; only the administrator may authorize', async () => {
    const room = await current();
    expect(room).toMatchObject({ name: '本庁舎3階 サーバ室', location: '本庁舎3階', viewerCanAuthorize: false });
    expect(room.currentAuthorizations.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'DESIGNATED_STAFF', person: { personId: 'digital-manager' }, current: true, viewerCanRevoke: false }),
        expect.objectContaining({ kind: 'CONTRACTOR_STAFF', name: '山田 太郎', organization: '株式会社みやぎ情報サービス', current: true }),
      ]),
    );
    expect((await current('soumu-director')).viewerCanAuthorize).toBe(true);
  });

  it('someone not on the list is recorded all the same, UNAPPROVED, and is seen among the unapproved entries (with the demo one)', async () => {
    const e = await ok(api, 'shimin-staff', ENTER, { roomId: ROOM, purpose: 'LANケーブルの確認', entrant: { name: '伊藤 光', organization: '市民課' } });
    expect(e).toMatchObject({ status: 'UNAPPROVED', authorization: null, recordedBy: { personId: 'shimin-staff' }, viewerCanApprove: false, viewerCanRecordExit: true, leftAt: null });
    const ids = await unapprovedIds();
    expect(ids).toEqual(expect.arrayContaining([e.id, gid('ServerRoomEntry', 'demo-roomentry-copier')]));
    expect((await current()).entries.nodes[0].id).toBe(e.id); // newest first
  });

  it('an entry matching a current authorization is AUTHORIZED: by person, by name and company as logged, or by authorization', async () => {
    const byPerson = await ok(api, 'shimin-staff', ENTER, { roomId: ROOM, purpose: '機器の更新', entrant: { personId: gid('Person', 'digital-manager') } });
    expect(byPerson).toMatchObject({ status: 'AUTHORIZED', authorization: { kind: 'DESIGNATED_STAFF' }, entrant: { person: { personId: 'digital-manager' } } });
    const byName = await ok(api, 'digital-manager', ENTER, { roomId: ROOM, enteredAt: minutesAgo(30), purpose: '定期点検', entrant: { name: '山田 太郎', organization: '株式会社みやぎ情報サービス' } });
    expect(byName).toMatchObject({ status: 'AUTHORIZED', authorization: { kind: 'CONTRACTOR_STAFF' } });
    const byId = await ok(api, 'digital-manager', ENTER, { roomId: ROOM, purpose: '定期点検', entrant: { authorizationId: gid('ServerRoomAuthorization', 'demo-roomauth-engineer') } });
    expect(byId.status).toBe('AUTHORIZED');
    const staff = await ok(api, 'shimin-staff', ENTER, { roomId: ROOM, purpose: '見学', entrant: { personId: gid('Person', 'shimin-staff') } });
    expect(staff.status).toBe('UNAPPROVED');
    expect(await unapprovedIds()).not.toContain(byPerson.id);
  });

  it('the log takes facts, not wishes: a future entry, an entrant named two ways, or an unknown room are refused and write nothing', async () => {
    expect(await refused(api, 'shimin-staff', ENTER, { roomId: ROOM, enteredAt: minutesAgo(-60), purpose: 'x', entrant: { name: 'a' } })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第16条', field: ['enteredAt'] })]);
    expect(await refused(api, 'shimin-staff', ENTER, { roomId: ROOM, purpose: 'x', entrant: { name: 'a', personId: gid('Person', 'shimin-staff') } })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['entrant'] })]);
    expect(await refused(api, 'shimin-staff', ENTER, { roomId: gid('ServerRoom', 'nowhere'), purpose: 'x', entrant: { name: 'a' } })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['roomId'] })]);
  });

  it('the exit is recorded once by whoever keeps the log; a stale version is refused', async () => {
    const e = await ok(api, 'shimin-staff', ENTER, { roomId: ROOM, enteredAt: minutesAgo(20), purpose: '点検', entrant: { personId: gid('Person', 'digital-manager') } });
    expect(await refused(api, 'kenkou-staff', EXIT, { entryId: e.id, expectedVersion: 5 })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    const out = await ok(api, 'kenkou-staff', EXIT, { entryId: e.id, expectedVersion: e.version });
    expect(out).toMatchObject({ version: 2, viewerCanRecordExit: false });
    expect(Date.parse(out.leftAt)).toBeGreaterThan(Date.parse(e.enteredAt));
    expect(await refused(api, 'kenkou-staff', EXIT, { entryId: e.id, expectedVersion: 2 })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });
});

describe('第16条ただし書: the system administrator approves an entry after the fact', () => {
  it('only the administrator, with the reason; the entry leaves the unapproved list; not twice', async () => {
    const e = await ok(api, 'shimin-staff', ENTER, { roomId: ROOM, purpose: '複合機の設定', entrant: { name: '佐藤 一', organization: '東北OA販売株式会社' } });
    expect(await refused(api, 'digital-manager', APPROVE, { entryId: e.id, expectedVersion: 1, reason: '必要' })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第16条' })]);
    const approved = await ok(api, 'soumu-director', APPROVE, { entryId: e.id, expectedVersion: 1, reason: '複合機の設定のため必要と認めた。' });
    expect(approved).toMatchObject({ status: 'APPROVED_AFTER_ENTRY', approvedBy: { personId: 'soumu-director' }, approvalReason: '複合機の設定のため必要と認めた。', viewerCanApprove: false });
    expect(await unapprovedIds()).not.toContain(e.id);
    expect(await refused(api, 'soumu-director', APPROVE, { entryId: e.id, expectedVersion: 2, reason: 'x' })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    const trail = await api.data('soumu-director', `query($id: ID!) { auditTrail(objectId: $id, first: 10) { nodes { action article actor { personId } } } }`, { id: e.id });
    expect(trail.auditTrail.nodes.map((n: { action: string }) => n.action)).toEqual(['serverRoomEntry.recordedUnapproved', 'serverRoomEntry.approved']);
  });
});

describe('第16条: the system administrator keeps the list', () => {
  it('registers a room; designates staff; an entry then matches; revoked, it no longer does; re-designation after revocation is allowed', async () => {
    expect(await refused(api, 'digital-manager', REGISTER, { name: '分庁舎サーバ室', location: '分庁舎1階' })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第16条' })]);
    const room = await ok(api, 'soumu-director', REGISTER, { name: '分庁舎サーバ室', location: '分庁舎1階' });
    const input = { roomId: room.id, kind: 'DESIGNATED_STAFF', personId: gid('Person', 'digital-contractor'), validFrom: tokyoDate(0) };
    expect(await refused(api, 'digital-manager', AUTHORIZE, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第16条' })]);
    const a = await ok(api, 'soumu-director', AUTHORIZE, input);
    expect(a).toMatchObject({ kind: 'DESIGNATED_STAFF', person: { personId: 'digital-contractor' }, current: true, grantedBy: { personId: 'soumu-director' }, viewerCanRevoke: true });
    expect(await refused(api, 'soumu-director', AUTHORIZE, input)).toEqual([expect.objectContaining({ code: 'DUPLICATE', article: '第16条', field: ['personId'] })]);

    const enter = () => ok(api, 'digital-contractor', ENTER, { roomId: room.id, purpose: 'バックアップ媒体の交換', entrant: { personId: gid('Person', 'digital-contractor') } });
    expect((await enter()).status).toBe('AUTHORIZED');

    expect(await refused(api, 'soumu-director', REVOKE, { authorizationId: a.id, expectedVersion: 9 })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    const revoked = await ok(api, 'soumu-director', REVOKE, { authorizationId: a.id, expectedVersion: a.version, reason: '担当替え。' });
    expect(revoked).toMatchObject({ current: false, viewerCanRevoke: false, version: 2 });
    expect((await current('shimin-staff', room.id)).currentAuthorizations.nodes).toEqual([]);
    expect((await enter()).status).toBe('UNAPPROVED');
    expect(await refused(api, 'soumu-director', REVOKE, { authorizationId: a.id, expectedVersion: 2 })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect((await ok(api, 'soumu-director', AUTHORIZE, input)).current).toBe(true);
  });

  it('第16条ただし書: a visitor needs the reason and a period; contractor staff need their company', async () => {
    const base = { roomId: ROOM, name: '見学者', organization: '白石市立中学校', validFrom: tokyoDate(0) };
    expect(await refused(api, 'soumu-director', AUTHORIZE, { ...base, kind: 'APPROVED_VISITOR', validUntil: tokyoDate(0) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['reason'] })]);
    expect(await refused(api, 'soumu-director', AUTHORIZE, { ...base, kind: 'CONTRACTOR_STAFF', organization: undefined })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['organization'] })]);
    const v = await ok(api, 'soumu-director', AUTHORIZE, { ...base, kind: 'APPROVED_VISITOR', validUntil: tokyoDate(0), reason: '社会科見学として必要と認めた。' });
    expect(v).toMatchObject({ kind: 'APPROVED_VISITOR', reason: '社会科見学として必要と認めた。', current: true });
    const e = await ok(api, 'shimin-staff', ENTER, { roomId: ROOM, purpose: '見学', entrant: { name: '見学者', organization: '白石市立中学校' } });
    expect(e).toMatchObject({ status: 'AUTHORIZED', authorization: { id: v.id, kind: 'APPROVED_VISITOR' } });
  });

  it('two designations of the same person race: exactly one wins, the other is a DUPLICATE', async () => {
    const input = { roomId: ROOM, kind: 'DESIGNATED_STAFF', personId: gid('Person', 'soumu-manager'), validFrom: tokyoDate(0) };
    const results = await Promise.all([1, 2].map(() => api.data('soumu-director', AUTHORIZE, { input })));
    const payloads = results.map((r) => r.authorizeServerRoomAccess);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.find((p) => p.userErrors.length > 0).userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE' })]);
    const people = (await current()).currentAuthorizations.nodes.filter((n: { person: { personId: string } | null }) => n.person?.personId === 'soumu-manager');
    expect(people).toHaveLength(1);
  });
});
