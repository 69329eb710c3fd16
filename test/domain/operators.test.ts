/**
 * 操作職員等 (第12条): 情報系 — 情報システム管理者が指定した職員等 (第1項); 業務系 — 当該情報管理責任者が指定した職員等, each
 * designation and release reported in advance on 様式第5号 (第2項). The report is the designation: it takes effect
 * for its days on submission, and a return, rejection or withdrawal undoes it.
 */
import {
  ARTICLE_BUSINESS,
  ARTICLE_INFORMATION,
  OPEN_END,
  OperatorDesignation,
  OperatorReport,
  OperatorSlot,
  Workspace,
  applyReport,
  assertMayDecide,
  assertMayDesignateDirectly,
  assertMayReport,
  assertReportInAdvance,
  dayBefore,
  designate,
  isDesignatedOn,
  mayRelease,
  release,
  slotId,
  undoReport,
  validateDirectPeriod,
  validateEntries,
} from '../../functions/domain/operators';
import { NOW, administrator, digitalManager, generalManager, groupware, kenkouManager, refusal, shiminManager, shiminStaff, system } from '../support/domain';

const TODAY = '2026-06-15'; // NOW in Tokyo

function workspace(designations: OperatorDesignation[] = []): Workspace {
  const ws: Workspace = { slots: new Map(), designations: new Map(), readSlotVersions: new Map(), readDesignations: new Map() };
  for (const d of designations) {
    const key = slotId(d.systemId, d.personId);
    const slot: OperatorSlot = ws.slots.get(key) ?? { systemId: d.systemId, personId: d.personId, periods: [], version: 1 };
    slot.periods.push({ designationId: d.id, validFrom: d.validFrom, validUntil: d.validUntil ?? OPEN_END });
    ws.slots.set(key, slot);
    ws.readSlotVersions.set(key, 1);
    ws.designations.set(d.id, d);
    ws.readDesignations.set(d.id, d);
  }
  return ws;
}

const designation = (extra: Partial<OperatorDesignation> = {}): OperatorDesignation => ({
  id: 'd1',
  systemId: 'juumin',
  personId: 'shimin-staff',
  validFrom: '2026-04-01',
  basis: 'REPORT',
  reportId: 'r0',
  designatedBy: 'shimin-manager',
  status: 'ACTIVE',
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
  ...extra,
});

const report = (entries: OperatorReport['entries'], extra: Partial<OperatorReport> = {}): OperatorReport => ({
  id: 'r1',
  form: 'FORM_5',
  title: 't',
  systemId: 'juumin',
  departmentId: 'shimin',
  entries,
  applicantId: 'shimin-manager',
  status: 'SUBMITTED',
  submittedAt: NOW,
  version: 2,
  createdAt: NOW,
  updatedAt: NOW,
  ...extra,
});

let n = 0;
const ids = () => `new-${++n}`;

describe('第12条第1項: the system administrator designates the operators of a 情報系 system', () => {
  it('the system administrator may; no one else (FORBIDDEN 第12条第1項)', () => {
    expect(() => assertMayDesignateDirectly(administrator, groupware(), NOW)).not.toThrow();
    for (const a of [generalManager, digitalManager, shiminManager, shiminStaff]) {
      expect(refusal(() => assertMayDesignateDirectly(a, groupware(), NOW))).toMatchObject({ code: 'FORBIDDEN', article: ARTICLE_INFORMATION });
    }
  });

  it('第12条第2項: not for a 業務系 system, not even the system administrator; and not on an abolished system', () => {
    expect(refusal(() => assertMayDesignateDirectly(administrator, system(), NOW))).toMatchObject({ code: 'FORBIDDEN', article: ARTICLE_BUSINESS });
    expect(refusal(() => assertMayDesignateDirectly(administrator, groupware({ status: 'ABOLISHED' }), NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a designation is not back-dated; it does not end before it starts', () => {
    expect(() => validateDirectPeriod(TODAY, undefined, NOW)).not.toThrow();
    expect(refusal(() => validateDirectPeriod('2026-06-14', undefined, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['validFrom'] });
    expect(refusal(() => validateDirectPeriod(TODAY, '2026-06-14', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['validUntil'] });
  });

  it('one designation of a person on a system at a time: an overlapping one is DUPLICATE, a later one after a release is not', () => {
    const ws = workspace([designation({ id: 'g1', systemId: 'groupware', basis: 'ADMINISTRATOR', validFrom: TODAY, validUntil: '2026-06-30' })]);
    const slot = ws.slots.get(slotId('groupware', 'shimin-staff')) as OperatorSlot;
    const base = { systemId: 'groupware', personId: 'shimin-staff', basis: 'ADMINISTRATOR' as const, designatedBy: 'soumu-director' };
    expect(refusal(() => designate(slot, { ...base, id: 'g2', validFrom: '2026-06-30' }, NOW, ARTICLE_INFORMATION, ['personId']))).toMatchObject({ code: 'DUPLICATE', article: ARTICLE_INFORMATION });
    const out = designate(slot, { ...base, id: 'g2', validFrom: '2026-07-01' }, NOW, ARTICLE_INFORMATION, ['personId']);
    expect(out.slot.periods).toHaveLength(2);
    expect(out.designation).toMatchObject({ status: 'ACTIVE', version: 1 });
  });

  it('a release: effectiveOn is the first day no longer designated; it takes effect after the first day and before the last', () => {
    const d = designation({ basis: 'ADMINISTRATOR', validFrom: TODAY });
    const slot = workspace([d]).slots.get(slotId('juumin', 'shimin-staff')) as OperatorSlot;
    const out = release(slot, d, '2026-07-01', { actorId: 'soumu-director' }, NOW, ARTICLE_INFORMATION, ['effectiveOn']);
    expect(out.designation).toMatchObject({ validUntil: '2026-06-30', releasedBy: 'soumu-director', version: 2, validUntilBeforeRelease: undefined });
    expect(out.slot.periods[0].validUntil).toBe('2026-06-30');
    expect(refusal(() => release(slot, d, TODAY, { actorId: 'x' }, NOW, ARTICLE_INFORMATION, ['effectiveOn']))).toMatchObject({ code: 'INVALID_VALUE' });
    expect(refusal(() => release(out.slot, out.designation, '2026-07-05', { actorId: 'x' }, NOW, ARTICLE_INFORMATION, ['effectiveOn']))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('designated on a day: from its first to its last day, not when cancelled; the SA may release it while it runs', () => {
    const d = designation({ validFrom: '2026-06-01', validUntil: '2026-06-15' });
    expect([isDesignatedOn(d, '2026-05-31'), isDesignatedOn(d, '2026-06-01'), isDesignatedOn(d, '2026-06-15'), isDesignatedOn(d, '2026-06-16')]).toEqual([false, true, true, false]);
    expect(isDesignatedOn({ ...d, status: 'CANCELLED' }, '2026-06-10')).toBe(false);
    const gw = designation({ systemId: 'groupware', basis: 'ADMINISTRATOR' });
    expect(mayRelease(administrator, groupware(), gw, NOW)).toBe(true);
    expect(mayRelease(administrator, groupware(), { ...gw, validUntil: '2026-06-14' }, NOW)).toBe(false);
    expect(mayRelease(shiminManager, groupware(), gw, NOW)).toBe(false);
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
  });
});

describe('第12条第2項: the information manager of a 業務系 system’s department reports on 様式第5号, in advance', () => {
  it('市民課’s manager reports on 市民課’s 業務系 system; another department’s is WRONG_DEPARTMENT; others FORBIDDEN; 情報系 is 第1項', () => {
    expect(() => assertMayReport(shiminManager, system(), NOW)).not.toThrow();
    expect(refusal(() => assertMayReport(kenkouManager, system(), NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: ARTICLE_BUSINESS });
    for (const a of [administrator, shiminStaff, generalManager]) expect(refusal(() => assertMayReport(a, system(), NOW))).toMatchObject({ code: 'FORBIDDEN', article: ARTICLE_BUSINESS });
    expect(refusal(() => assertMayReport(digitalManager, groupware(), NOW))).toMatchObject({ code: 'FORBIDDEN', article: ARTICLE_INFORMATION });
  });

  it('the system administrator receives the report; no one else', () => {
    expect(() => assertMayDecide(administrator, NOW)).not.toThrow();
    expect(refusal(() => assertMayDecide(shiminManager, NOW))).toMatchObject({ code: 'FORBIDDEN', article: ARTICLE_BUSINESS });
  });

  it('あらかじめ: every entry takes effect after the day of submission — tomorrow is in advance, today is not (NOT_IN_ADVANCE)', () => {
    expect(() => assertReportInAdvance([{ action: 'DESIGNATE', personId: 'p', effectiveOn: '2026-06-16' }], NOW)).not.toThrow();
    expect(refusal(() => assertReportInAdvance([{ action: 'DESIGNATE', personId: 'p', effectiveOn: '2026-06-16' }, { action: 'RELEASE', personId: 'q', effectiveOn: TODAY }], NOW))).toMatchObject({
      code: 'NOT_IN_ADVANCE',
      article: ARTICLE_BUSINESS,
      field: ['entries', '1', 'effectiveOn'],
    });
  });

  it('a report lists 1 to 20 entries, each on a date', () => {
    expect(refusal(() => validateEntries([]))).toMatchObject({ code: 'INVALID_VALUE', field: ['entries'] });
    const many = Array.from({ length: 21 }, (_, i) => ({ action: 'DESIGNATE' as const, personId: `p${i}`, effectiveOn: '2026-07-01' }));
    expect(refusal(() => validateEntries(many))).toMatchObject({ code: 'INVALID_VALUE', field: ['entries'] });
    expect(refusal(() => validateEntries([{ action: 'DESIGNATE', personId: 'p', effectiveOn: '2026-7-1' }]))).toMatchObject({ field: ['entries', '0', 'effectiveOn'] });
  });

  it('on submission: DESIGNATE designates from effectiveOn (basis REPORT), RELEASE ends the designation the day before', () => {
    const ws = workspace([designation()]);
    const r = report([
      { action: 'RELEASE', personId: 'shimin-staff', effectiveOn: '2026-07-01' },
      { action: 'DESIGNATE', personId: 'kenkou-staff', effectiveOn: '2026-07-01' },
    ]);
    const { changed } = applyReport(r, ws, ids, NOW);
    expect(changed.map((d) => [d.personId, d.validFrom, d.validUntil, d.basis, d.reportId, d.releaseReportId])).toEqual([
      ['shimin-staff', '2026-04-01', '2026-06-30', 'REPORT', 'r0', 'r1'],
      ['kenkou-staff', '2026-07-01', undefined, 'REPORT', 'r1', undefined],
    ]);
    expect(changed[0]).toMatchObject({ validUntilBeforeRelease: OPEN_END, releasedBy: 'shimin-manager', version: 2 });
    expect(ws.slots.get(slotId('juumin', 'kenkou-staff'))?.periods).toEqual([{ designationId: changed[1].id, validFrom: '2026-07-01', validUntil: OPEN_END }]);
  });

  it('refused: releasing someone not designated then (INVALID_STATE), designating someone designated for an overlapping time (DUPLICATE)', () => {
    expect(refusal(() => applyReport(report([{ action: 'RELEASE', personId: 'kenkou-staff', effectiveOn: '2026-07-01' }]), workspace([designation()]), ids, NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: ARTICLE_BUSINESS,
      field: ['entries', '0', 'personId'],
    });
    expect(refusal(() => applyReport(report([{ action: 'DESIGNATE', personId: 'shimin-staff', effectiveOn: '2026-07-01' }]), workspace([designation()]), ids, NOW))).toMatchObject({
      code: 'DUPLICATE',
      article: ARTICLE_BUSINESS,
    });
  });

  it('a return, rejection or withdrawal undoes the report: its designations CANCELLED, its releases restored', () => {
    const ws = workspace([designation()]);
    const r = report([
      { action: 'RELEASE', personId: 'shimin-staff', effectiveOn: '2026-07-01' },
      { action: 'DESIGNATE', personId: 'shimin-staff', effectiveOn: '2026-08-01' },
    ]);
    const { changed } = applyReport(r, ws, ids, NOW);
    // A fresh read of what submission wrote.
    const after = workspace(changed);
    const { changed: undone } = undoReport(r, after, NOW);
    expect(undone.map((d) => [d.id, d.status, d.validUntil, d.releaseReportId])).toEqual([
      [changed[1].id, 'CANCELLED', undefined, undefined],
      ['d1', 'ACTIVE', undefined, undefined],
    ]);
    expect(after.slots.get(slotId('juumin', 'shimin-staff'))?.periods).toEqual([{ designationId: 'd1', validFrom: '2026-04-01', validUntil: OPEN_END }]);
  });

  it('undoing a release is refused while a later designation of the person stands (INVALID_STATE)', () => {
    const released = designation({ validUntil: '2026-06-30', releaseReportId: 'r1', validUntilBeforeRelease: OPEN_END, version: 2 });
    const later = designation({ id: 'd2', validFrom: '2026-08-01', reportId: 'r2' });
    expect(refusal(() => undoReport(report([{ action: 'RELEASE', personId: 'shimin-staff', effectiveOn: '2026-07-01' }]), workspace([released, later]), NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: ARTICLE_BUSINESS,
    });
  });
});
