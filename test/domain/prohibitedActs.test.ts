/** 禁止行為 (第25条): its two exceptions, allowed only by the system administrator, for a period; returns of equipment. */
import { ExceptionInput, decideException, isInForce, isReturnOverdue, mayReadException, recordDeviceFinding, recordReturn, requestException } from '../../functions/domain/prohibitedActs';
import { NOW, administrator, kenkouManager, refusal, shiminManager, shiminStaff } from '../support/domain';

const takeout = (extra: Partial<ExceptionInput> = {}): ExceptionInput => ({
  kind: 'EQUIPMENT_TAKEOUT',
  reason: '出張窓口での証明書交付。',
  period: { from: '2026-06-10', until: '2026-06-20' },
  device: 'タブレット TB-03',
  portable: true,
  protections: ['ENCRYPTION', 'PASSWORD'],
  protectionDetails: 'BitLocker による全体暗号化、生体認証とPIN。',
  ...extra,
});
const install: ExceptionInput = { kind: 'SOFTWARE_INSTALLATION', reason: '窓口予約の試行。', period: { from: '2026-06-01', until: '2026-12-31' }, software: '予約受付ツール 2.1' };

describe('第25条第3号: taking equipment outside', () => {
  it('a protected portable device, with its period, may be asked for', () => {
    expect(requestException(shiminStaff, 'juumin', takeout(), 'e1', NOW)).toMatchObject({ status: 'REQUESTED', departmentId: 'shimin', protections: ['ENCRYPTION', 'PASSWORD'] });
  });

  it.each([
    [{ portable: false }, 'portable'],
    [{ protections: [] }, 'protections'],
    [{ protectionDetails: ' ' }, 'protectionDetails'],
    [{ device: '' }, 'device'],
    [{ period: { from: '2026-06-20', until: '2026-06-10' } }, 'period'],
  ])('refused without what the article requires: %j', (extra, field) => {
    expect(refusal(() => requestException(shiminStaff, 'juumin', takeout(extra as Partial<ExceptionInput>), 'e', NOW))).toMatchObject({ code: 'INVALID_VALUE', article: '第25条第3号', field: expect.arrayContaining([field]) });
  });

  it('the return is recorded; a take-out past its period without it is overdue', () => {
    const approved = { ...requestException(shiminStaff, 'juumin', takeout({ period: { from: '2026-06-01', until: '2026-06-10' } }), 'e', NOW), status: 'APPROVED' as const };
    expect(isReturnOverdue(approved, NOW)).toBe(true);
    expect(recordReturn(shiminStaff, approved, '2026-06-12', NOW)).toEqual({ status: 'RETURNED_EQUIPMENT', returnedOn: '2026-06-12' });
    expect(refusal(() => recordReturn(shiminManager, approved, '2026-06-12', NOW))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(() => recordReturn(shiminStaff, approved, '2026-07-01', NOW))).toMatchObject({ field: ['returnedOn'] });
    expect(isReturnOverdue({ ...approved, status: 'RETURNED_EQUIPMENT' }, NOW)).toBe(false);
  });
});

describe('第25条第2号: software beyond what was delivered', () => {
  it('names the software; names no device', () => {
    expect(requestException(shiminStaff, 'juumin', install, 'e', NOW)).toMatchObject({ software: '予約受付ツール 2.1', protections: undefined });
    expect(refusal(() => requestException(shiminStaff, 'juumin', { ...install, software: '' }, 'e', NOW))).toMatchObject({ article: '第25条第2号', field: ['software'] });
  });
  it('nothing to return', () => {
    const approved = { ...requestException(shiminStaff, 'juumin', install, 'e', NOW), status: 'APPROVED' as const };
    expect(refusal(() => recordReturn(shiminStaff, approved, '2026-06-12', NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('ただし書: only the system administrator allows, for the period stated', () => {
  const request = requestException(shiminStaff, 'juumin', takeout(), 'e', NOW);
  it('the system administrator approves; others may not; a refusal gives its reason', () => {
    expect(decideException(administrator, request, true, undefined, NOW)).toMatchObject({ status: 'APPROVED', decidedBy: 'soumu-director' });
    expect(refusal(() => decideException(shiminManager, request, true, undefined, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第25条第3号' });
    expect(refusal(() => decideException(administrator, request, false, undefined, NOW))).toMatchObject({ field: ['reason'] });
  });
  it('decided once; never by the one who asked', () => {
    expect(refusal(() => decideException(administrator, { ...request, status: 'APPROVED' }, true, undefined, NOW))).toMatchObject({ code: 'ALREADY_DECIDED' });
    expect(refusal(() => decideException(administrator, { ...request, requestedBy: 'soumu-director' }, true, undefined, NOW))).toMatchObject({ code: 'SELF_DECISION' });
  });
  it('in force only while approved and within its period', () => {
    expect(isInForce({ ...request, status: 'APPROVED' }, NOW)).toBe(true);
    expect(isInForce(request, NOW)).toBe(false);
    expect(isInForce({ ...request, status: 'APPROVED', period: { from: '2026-07-01', until: '2026-07-31' } }, NOW)).toBe(false);
  });
});

describe('第25条第1号: devices found connected (no exception)', () => {
  const input = { device: '無線LANルータ', description: '執務室の情報コンセントに接続。', foundAt: '2026-06-15T01:00:00Z', eavesdropping: true, actionTaken: '取り外した。' };
  it('the system administrator or an information manager records one', () => {
    expect(recordDeviceFinding(shiminManager, 'juumin', input, 'f1', NOW)).toMatchObject({ id: 'f1', systemId: 'juumin', eavesdropping: true, recordedBy: 'shimin-manager', foundAt: '2026-06-15T01:00:00.000Z' });
    expect(() => recordDeviceFinding(administrator, 'juumin', input, 'f2', NOW)).not.toThrow();
  });
  it('staff do not; a finding states the device, what was found, what was done, and a time not in the future', () => {
    expect(refusal(() => recordDeviceFinding(shiminStaff, 'juumin', input, 'f', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第25条第1号' });
    expect(refusal(() => recordDeviceFinding(shiminManager, 'juumin', { ...input, actionTaken: ' ' }, 'f', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['actionTaken'] });
    expect(refusal(() => recordDeviceFinding(shiminManager, 'juumin', { ...input, foundAt: '2026-06-16T00:00:00Z' }, 'f', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['foundAt'] });
  });
});

describe('who reads a request for an exception', () => {
  it('the one who asked, the system administrator, and the information manager of the asker’s department', () => {
    const e = requestException(shiminStaff, 'juumin', install, 'e1', NOW);
    expect([shiminStaff, administrator, shiminManager, kenkouManager].map((a) => mayReadException(a, e, NOW))).toEqual([true, true, true, false]);
  });
});
