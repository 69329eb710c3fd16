/**
 * 第13条 (each dataset's measures against leak, damage and loss) and 第26条第1項・第2項 (each system's virus measures):
 * who records them, what they hold, and the findings — none recorded, or not reviewed for a year.
 */
import { dataProtection, lacksProtection, reviewProtection } from '../../functions/domain/dataProtection';
import { Dataset } from '../../functions/domain/datasets';
import { isReviewOverdue, reviewDueOn } from '../../functions/domain/measures';
import { lacksVirusMeasures, reviewVirusMeasures, systemVirusMeasures } from '../../functions/domain/virusMeasures';
import { datasetItem } from '../../functions/store/data';
import { systemItem } from '../../functions/store/systems';
import { EARLIER, NOW, administrator, digitalManager, generalManager, groupware, kenkouManager, refusal, shiminManager, shiminStaff, system } from '../support/domain';

const dataset = (extra: Partial<Dataset> = {}): Dataset => ({
  id: 'ds-juumin', systemId: 'juumin', departmentId: 'shimin', name: '住民基本台帳データ', containsPersonalInformation: true, version: 3, createdAt: EARLIER, updatedAt: EARLIER, ...extra,
});
const PROTECTION = { leakage: '職員ごとのアクセス権限と操作ログ。', damage: '日次バックアップ。', loss: '媒体の施錠保管。' };
const VIRUS = { prevention: 'ウィルス対策ソフトと定義ファイルの日次更新。', antiSpread: '業務系ネットワークの分離。', onInfection: '端末のLANケーブルを抜き、情報システム管理者へ報告する。' };
const A_YEAR_AND_A_DAY_AGO = '2025-06-13T03:00:00Z'; // reviewed 2025-06-13 (Tokyo): due 2026-06-13, before NOW's 2026-06-15

describe('measures are reviewed at least once a year', () => {
  it('a review falls due a year after the day it was made (Tokyo); none recorded is due from the first day', () => {
    expect(reviewDueOn({ reviewedBy: 'x', reviewedAt: '2026-06-14T20:00:00Z' })).toBe('2027-06-15');
    expect(reviewDueOn(undefined)).toBe('0000-00-00');
    expect(isReviewOverdue(undefined, NOW)).toBe(true);
    expect(isReviewOverdue({ reviewedBy: 'x', reviewedAt: A_YEAR_AND_A_DAY_AGO }, NOW)).toBe(true);
    expect(isReviewOverdue({ reviewedBy: 'x', reviewedAt: '2025-06-15T03:00:00Z' }, NOW)).toBe(false); // due today: not yet past
  });
});

describe('第13条: 情報システム管理者及び情報管理責任者 take the measures against leak and damage of data', () => {
  it('the information manager of the department holding the dataset records them, trimmed and signed: that is a review', () => {
    const p = reviewProtection(shiminManager, dataset(), { leakage: ` ${PROTECTION.leakage} `, damage: PROTECTION.damage, loss: ' ' }, NOW);
    expect(p).toEqual({ leakage: PROTECTION.leakage, damage: PROTECTION.damage, loss: undefined, reviewedBy: 'shimin-manager', reviewedAt: NOW });
    const t = dataProtection.review(administrator, dataset(), PROTECTION, NOW);
    expect(t.record).toMatchObject({ version: 4, protection: { ...PROTECTION, reviewedBy: 'soumu-director' } });
    expect(t.changes[0]).toMatchObject({ kind: 'Dataset', action: 'dataset.protectionReviewed', article: '第13条' });
  });
  it('another department’s manager, staff and the general manager may not', () => {
    expect(refusal(() => reviewProtection(kenkouManager, dataset(), PROTECTION, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第13条', field: ['datasetId'] });
    expect(refusal(() => reviewProtection(shiminStaff, dataset(), PROTECTION, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第13条' });
    expect(refusal(() => reviewProtection(generalManager, dataset(), PROTECTION, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第13条' });
  });
  it('the measures against leak and against damage are described', () => {
    expect(refusal(() => reviewProtection(shiminManager, dataset(), { ...PROTECTION, leakage: ' ' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['leakage'] });
    expect(refusal(() => reviewProtection(shiminManager, dataset(), { ...PROTECTION, damage: '' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['damage'] });
  });
  it('a finding: personal information without measures, or measures not reviewed for a year; open data without measures is not', () => {
    const reviewed = (at: string) => ({ ...PROTECTION, reviewedBy: 'shimin-manager', reviewedAt: at });
    expect(lacksProtection(dataset(), NOW)).toBe(true);
    expect(lacksProtection(dataset({ protection: reviewed(EARLIER) }), NOW)).toBe(true);
    expect(lacksProtection(dataset({ protection: reviewed(NOW) }), NOW)).toBe(false);
    expect(lacksProtection(dataset({ containsPersonalInformation: false }), NOW)).toBe(false);
    expect(lacksProtection(dataset({ containsPersonalInformation: false, protection: reviewed(A_YEAR_AND_A_DAY_AGO) }), NOW)).toBe(true);
  });
  it('the dataset item sits in the due partition by its review date, and not at all for open data never reviewed', () => {
    expect(datasetItem(dataset())).toMatchObject({ duePk: 'DATASET_PROTECTION_DUE', dueSk: '0000-00-00#ds-juumin' });
    expect(datasetItem(dataset({ protection: { ...PROTECTION, reviewedBy: 'x', reviewedAt: NOW } }))).toMatchObject({ dueSk: '2027-06-15#ds-juumin' });
    expect(datasetItem(dataset({ containsPersonalInformation: false })).duePk).toBeUndefined();
  });
});

describe('第26条第1項・第2項: the virus measures of each system', () => {
  it('第2項: for 業務系, the information manager of the work it processes records them; the audit cites 第26条第2項', () => {
    const t = systemVirusMeasures.review(shiminManager, system(), VIRUS, NOW);
    expect(t.record).toMatchObject({ version: 5, virusMeasures: { ...VIRUS, reviewedBy: 'shimin-manager', reviewedAt: NOW } });
    expect(t.changes[0]).toMatchObject({ action: 'system.virusMeasuresReviewed', article: '第26条第2項' });
    expect(refusal(() => reviewVirusMeasures(kenkouManager, system(), VIRUS, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第26条第2項' });
    expect(refusal(() => reviewVirusMeasures(administrator, system(), VIRUS, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第26条第2項' });
  });
  it('第2項: a system processing another department’s work is that department’s to protect', () => {
    const shared = system({ processingDepartmentIds: ['kenkou'] });
    expect(() => reviewVirusMeasures(kenkouManager, shared, VIRUS, NOW)).not.toThrow();
    expect(refusal(() => reviewVirusMeasures(shiminManager, shared, VIRUS, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT' });
  });
  it('第1項: for 情報系, the information manager the system administrator designated (第10条); none designated, none may', () => {
    const designated = groupware({ maintenance: { departmentId: 'digital', basis: 'DESIGNATED', assignedBy: 'soumu-director', assignedAt: EARLIER } });
    expect(systemVirusMeasures.review(digitalManager, designated, VIRUS, NOW).changes[0].article).toBe('第26条第1項');
    expect(refusal(() => reviewVirusMeasures(shiminManager, designated, VIRUS, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第26条第1項' });
    expect(refusal(() => reviewVirusMeasures(digitalManager, groupware(), VIRUS, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第26条第1項' });
  });
  it('each of the three is described; an abolished system has none to keep', () => {
    for (const field of ['prevention', 'antiSpread', 'onInfection'] as const) {
      expect(refusal(() => reviewVirusMeasures(shiminManager, system(), { ...VIRUS, [field]: ' ' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: [field] });
    }
    expect(refusal(() => reviewVirusMeasures(shiminManager, system({ status: 'ABOLISHED' }), VIRUS, NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });
  it('a finding: in operation without measures or not reviewed for a year; a system not installed is not one', () => {
    expect(lacksVirusMeasures(system(), NOW)).toBe(true);
    expect(lacksVirusMeasures(system({ virusMeasures: { ...VIRUS, reviewedBy: 'x', reviewedAt: A_YEAR_AND_A_DAY_AGO } }), NOW)).toBe(true);
    expect(lacksVirusMeasures(system({ virusMeasures: { ...VIRUS, reviewedBy: 'x', reviewedAt: NOW } }), NOW)).toBe(false);
    expect(lacksVirusMeasures(system({ status: 'DECIDED' }), NOW)).toBe(false);
    expect(systemItem(system())).toMatchObject({ subjectPk: 'VIRUS_MEASURES_DUE', subjectSk: '0000-00-00#juumin' });
    expect(systemItem(system({ status: 'ABOLISHED' })).subjectPk).toBeUndefined();
  });
});
