/**
 * 電子計算機器 (第2条第8号) through the real Lambda handler: the register kept by the information manager who maintains
 * the system (第10条), read by every member of staff, and named by the records of 第16条, 第25条 and 第26条.
 */
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const JUUMIN = gid('System', 'demo-juumin');
const HOKEN = gid('System', 'demo-hoken');
const ROOM = gid('ServerRoom', 'demo-server-room');
const SERVER = gid('Equipment', 'demo-equipment-juumin-server');
const E = 'id kind identifier status version removalReason system { name } department { code } room { id } officeDepartment { code } registeredBy { personId } removedBy { personId } viewerCanRemove';
const REGISTER = `mutation($input: RegisterEquipmentInput!) { registerEquipment(input: $input) { equipment { ${E} } userErrors { code message article field } } }`;
const REMOVE = `mutation($input: RemoveEquipmentInput!) { removeEquipment(input: $input) { equipment { ${E} } userErrors { code message article field } } }`;
const REGISTER_LIST = `query($systemId: ID) { equipmentRegister(first: 100, systemId: $systemId) { nodes { id identifier } } }`;
const pc = (identifier: string) => ({ systemId: JUUMIN, kind: 'CLIENT', identifier, officeDepartmentId: gid('Department', 'shimin'), locationDetail: '窓口' });
const listed = async (who: string, systemId?: string) => (await api.data(who, REGISTER_LIST, { systemId })).equipmentRegister.nodes.map((n: { identifier: string }) => n.identifier);

describe('第2条第8号・第10条: the register of equipment', () => {
  it('第10条第2項: 市民課長 registers a client of 住民情報システム; every member of staff reads it, in its system’s list and not another’s', async () => {
    const e = await ok(api, 'shimin-manager', REGISTER, pc('PC-SHIMIN-101'));
    expect(e).toMatchObject({ kind: 'CLIENT', status: 'IN_USE', version: 1, system: { name: '住民情報システム' }, department: { code: 'shimin' }, room: null, officeDepartment: { code: 'shimin' }, registeredBy: { personId: 'shimin-manager' }, viewerCanRemove: true });
    expect(await listed('kenkou-staff')).toEqual(expect.arrayContaining(['SV-JUUMIN-01', 'PC-SHIMIN-101']));
    expect(await listed('shimin-staff', JUUMIN)).toContain('PC-SHIMIN-101');
    expect(await listed('shimin-staff', HOKEN)).not.toContain('PC-SHIMIN-101');
  });

  it('第10条: 健康推進課長 may not register 市民課’s equipment, and nothing is written', async () => {
    expect(await refused(api, 'kenkou-manager', REGISTER, pc('PC-X'))).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第10条' })]);
  });

  it('第2条第8号: one place — a server room or an office — not both', async () => {
    const errors = await refused(api, 'shimin-manager', REGISTER, { ...pc('PC-Y'), roomId: ROOM });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第2条第8号', field: ['roomId'] })]);
    expect(errors[0].message).toMatch(/設置場所/);
  });

  it('removal keeps it in the register, with who and why; a removed device may not be named any more', async () => {
    const e = await ok(api, 'shimin-manager', REGISTER, pc('PC-SHIMIN-102'));
    const removed = await ok(api, 'soumu-director', REMOVE, { equipmentId: e.id, expectedVersion: e.version, reason: '更新のため廃棄。' });
    expect(removed).toMatchObject({ status: 'REMOVED', version: 2, removalReason: '更新のため廃棄。', removedBy: { personId: 'soumu-director' }, viewerCanRemove: false });
    expect(await refused(api, 'soumu-director', REMOVE, { equipmentId: e.id, expectedVersion: 1, reason: '再度' })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    const finding = { systemId: JUUMIN, device: '窓口端末', description: '不明な機器。', eavesdropping: false, actionTaken: '切離し。', equipmentId: e.id };
    expect(await refused(api, 'soumu-director', FINDING, finding)).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第25条第1号', field: ['equipmentId'] })]);
  });
});

const FINDING = `mutation($input: RecordDeviceFindingInput!) { recordDeviceFinding(input: $input) { finding { id device equipment { identifier } } userErrors { code message article field } } }`;
const ENTER = `mutation($input: RecordServerRoomEntryInput!) { recordServerRoomEntry(input: $input) { entry { id equipment { identifier room { id } } } userErrors { code message article field } } }`;
const VIRUS = `mutation($input: ReportVirusIncidentInput!) { reportVirusIncident(input: $input) { incident { id device equipment { identifier kind } } userErrors { code message article field } } }`;
const TAKEOUT = `mutation($input: RequestProhibitedActExceptionInput!) { requestProhibitedActException(input: $input) { exception { id device equipment { identifier } } userErrors { code message article field } } }`;
const tokyoDate = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('第16条・第25条・第26条: records name the device of the register beside the text', () => {
  it('第16条: an entry into the server room names the server worked on; equipment of another place is refused', async () => {
    const entry = await ok(api, 'digital-contractor', ENTER, { roomId: ROOM, purpose: '保守', entrant: { name: '山田 太郎', organization: '株式会社みやぎ情報サービス' }, equipmentId: SERVER });
    expect(entry.equipment).toEqual({ identifier: 'SV-JUUMIN-01', room: { id: ROOM } });
    const office = await ok(api, 'shimin-manager', REGISTER, pc('PC-SHIMIN-103'));
    expect(await refused(api, 'digital-contractor', ENTER, { roomId: ROOM, purpose: '保守', entrant: { name: '山田 太郎', organization: 'みやぎ' }, equipmentId: office.id })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第16条', field: ['equipmentId'] }),
    ]);
  });

  it('第25条第1号: a private USB stick stays text alone; a registered device is named', async () => {
    const base = { systemId: JUUMIN, description: '窓口端末に接続されていた。', eavesdropping: false, actionTaken: '取り外した。' };
    expect((await ok(api, 'shimin-manager', FINDING, { ...base, device: '私物USBメモリ' })).equipment).toBeNull();
    expect((await ok(api, 'shimin-manager', FINDING, { ...base, device: '業務サーバ', equipmentId: SERVER })).equipment).toEqual({ identifier: 'SV-JUUMIN-01' });
  });

  it('第25条第3号: the portable device taken outside, by the register; its identifier stands for the text', async () => {
    const laptop = await ok(api, 'shimin-manager', REGISTER, { ...pc('NB-SHIMIN-01'), kind: 'CLIENT' });
    const input = { systemId: JUUMIN, kind: 'EQUIPMENT_TAKEOUT', reason: '出張窓口。', period: { from: tokyoDate(1), until: tokyoDate(2) }, portable: true, protections: ['ENCRYPTION'], protectionDetails: 'BitLocker。', equipmentId: laptop.id };
    expect(await ok(api, 'shimin-staff', TAKEOUT, input)).toMatchObject({ device: 'NB-SHIMIN-01', equipment: { identifier: 'NB-SHIMIN-01' } });
  });

  it('第26条第3項: the infected device is named; equipment of another system is refused', async () => {
    const input = { systemId: JUUMIN, device: '業務サーバ', suspected: true, description: '不審な通信。', equipmentId: SERVER };
    expect((await ok(api, 'shimin-manager', VIRUS, input)).equipment).toEqual({ identifier: 'SV-JUUMIN-01', kind: 'SERVER' });
    expect(await refused(api, 'kenkou-manager', VIRUS, { ...input, systemId: HOKEN })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第26条第3項', field: ['equipmentId'] })]);
  });
});
