/**
 * 電子計算機器 (第2条第8号): the register of equipment, kept by the information manager who maintains the system
 * (第10条第1項・第2項) or the system administrator; and the records of 第16条, 第25条 and 第26条 that name a device.
 */
import { Equipment, EquipmentInput, equipmentActions, namedEquipment, registerEquipment, removeEquipment } from '../../functions/domain/equipment';
import { deviceFinding, prohibitedActException } from '../../functions/domain/prohibitedActs';
import { serverRoom } from '../../functions/domain/serverRoom';
import { NOW, administrator, digitalManager, generalManager, groupware, kenkouManager, refusal, shiminManager, shiminStaff, system } from '../support/domain';

const PC: EquipmentInput = { kind: 'CLIENT', identifier: ' PC-SHIMIN-012 ', officeDepartmentId: 'shimin', locationDetail: '窓口2番' };
const pc = (): Equipment => registerEquipment(shiminManager, system(), PC, 'eq1', NOW);

describe('第2条第8号・第10条: who keeps the register of equipment', () => {
  it('第10条第2項: the information manager of the department whose work the 業務系 system does registers its equipment', () => {
    expect(pc()).toMatchObject({ id: 'eq1', kind: 'CLIENT', identifier: 'PC-SHIMIN-012', systemId: 'juumin', departmentId: 'shimin', officeDepartmentId: 'shimin', status: 'IN_USE', registeredBy: 'shimin-manager' });
  });

  it('第10条第1項: for a 情報系 system, the department the system administrator designated keeps it, not the owning one', () => {
    const designated = groupware({ owningDepartmentId: 'soumu', maintenance: { departmentId: 'digital', basis: 'DESIGNATED', assignedBy: 'soumu-director', assignedAt: NOW } });
    const e = registerEquipment(digitalManager, designated, { kind: 'SERVER', identifier: 'SV-GW-01', roomId: 'room' }, 'eq2', NOW);
    expect(e.departmentId).toBe('digital');
    expect(refusal(() => registerEquipment(shiminManager, designated, { kind: 'SERVER', identifier: 'SV-GW-02', roomId: 'room' }, 'eq3', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第10条' });
  });

  it('第10条: another department’s manager, the general manager and staff are refused; the system administrator may', () => {
    expect(refusal(() => registerEquipment(kenkouManager, system(), PC, 'x', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第10条' });
    expect(refusal(() => registerEquipment(generalManager, system(), PC, 'x', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第10条' });
    expect(refusal(() => registerEquipment(shiminStaff, system(), PC, 'x', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第10条' });
    expect(registerEquipment(administrator, system(), PC, 'x', NOW).departmentId).toBe('shimin');
  });

  it('第2条第8号: an identifier and one place (a server room or an office); an abolished system takes none', () => {
    expect(refusal(() => registerEquipment(shiminManager, system(), { ...PC, identifier: ' ' }, 'x', NOW))).toMatchObject({ field: ['identifier'], article: '第2条第8号' });
    expect(refusal(() => registerEquipment(shiminManager, system(), { ...PC, roomId: 'room' }, 'x', NOW)).field).toEqual(['roomId']);
    expect(refusal(() => registerEquipment(shiminManager, system(), { kind: 'PRINTER', identifier: 'PR-1' }, 'x', NOW)).field).toEqual(['roomId']);
    expect(refusal(() => registerEquipment(shiminManager, system({ status: 'ABOLISHED' }), PC, 'x', NOW)).code).toBe('INVALID_STATE');
  });

  it('removal keeps it in the register with who and why; once only, by its keeper', () => {
    const removed = removeEquipment(shiminManager, pc(), ' 更新のため廃棄。 ', NOW);
    expect(removed).toMatchObject({ status: 'REMOVED', removedBy: 'shimin-manager', removalReason: '更新のため廃棄。', version: 2 });
    expect(refusal(() => removeEquipment(shiminManager, removed, '再度', NOW)).code).toBe('INVALID_STATE');
    expect(refusal(() => removeEquipment(kenkouManager, pc(), '撤去', NOW)).code).toBe('WRONG_DEPARTMENT');
    expect(equipmentActions(shiminManager, pc(), NOW).remove).toBe(true);
    expect(equipmentActions(shiminStaff, pc(), NOW).remove).toBe(false);
    expect(equipmentActions(shiminManager, removed, NOW).remove).toBe(false);
  });
});

describe('第16条・第25条・第26条: a record names a device of the register beside its text', () => {
  it('in use, of the system concerned, and (第16条) standing in the room entered', () => {
    expect(namedEquipment(undefined, '第26条第3項')).toEqual({});
    expect(namedEquipment(pc(), '第26条第3項', { systemId: 'juumin' })).toEqual({ equipmentId: 'eq1' });
    expect(refusal(() => namedEquipment(pc(), '第26条第3項', { systemId: 'hoken' }))).toMatchObject({ code: 'INVALID_VALUE', article: '第26条第3項', field: ['equipmentId'] });
    expect(refusal(() => namedEquipment(removeEquipment(shiminManager, pc(), '撤去', NOW), '第25条第1号')).code).toBe('INVALID_STATE');
    expect(refusal(() => namedEquipment(pc(), '第16条', { roomId: 'room' })).article).toBe('第16条');
  });

  it('第25条第1号: a finding keeps its text and names the device; a private device stays text alone', () => {
    const input = { device: '私物USBメモリ', description: '窓口端末に接続されていた。', foundAt: NOW, eavesdropping: false, actionTaken: '取り外した。' };
    expect(deviceFinding.record(administrator, { id: 'juumin' }, input, 'f1', NOW).record).not.toHaveProperty('equipmentId');
    expect(deviceFinding.record(administrator, { id: 'juumin' }, { ...input, device: '窓口端末' }, 'f2', NOW, pc()).record).toMatchObject({ device: '窓口端末', equipmentId: 'eq1' });
  });

  it('第25条第3号: the portable device taken outside may be named by the register; its identifier stands for the text', () => {
    const input = { kind: 'EQUIPMENT_TAKEOUT' as const, reason: '出張窓口。', period: { from: '2026-06-20', until: '2026-06-21' }, portable: true, protections: ['ENCRYPTION' as const], protectionDetails: 'BitLocker。' };
    expect(prohibitedActException.request(shiminStaff, { id: 'juumin' }, input, 'x1', NOW, pc()).record).toMatchObject({ device: 'PC-SHIMIN-012', equipmentId: 'eq1' });
    const software = { kind: 'SOFTWARE_INSTALLATION' as const, reason: '帳票。', period: input.period, software: '帳票ツール 2.0' };
    expect(refusal(() => prohibitedActException.request(shiminStaff, { id: 'juumin' }, software, 'x2', NOW, pc())).field).toEqual(['equipmentId']);
  });

  it('第16条: an entry into a server room names the equipment worked on', () => {
    const server = registerEquipment(shiminManager, system(), { kind: 'SERVER', identifier: 'SV-1', roomId: 'room' }, 'eq9', NOW);
    const room = { id: 'room', name: 'サーバ室', location: '本庁舎', registeredBy: 'soumu-director', version: 1, createdAt: NOW, updatedAt: NOW };
    const input = { enteredAt: NOW, purpose: '保守', entrant: { name: '山田 太郎', organization: '委託事業者' } };
    expect(serverRoom.recordEntry(shiminStaff, room, input, [], 'e1', NOW, server).record).toMatchObject({ equipmentId: 'eq9', status: 'UNAPPROVED' });
    expect(refusal(() => serverRoom.recordEntry(shiminStaff, room, input, [], 'e2', NOW, pc())).field).toEqual(['equipmentId']);
  });
});
