/**
 * データ利用承認申請書 (様式第6号, 第14条): 情報管理責任者は、他の主管課で所管するデータを利用しようとするときは、
 * あらかじめ当該データを所管する情報管理責任者に提出し、承認を得る. An approval is a grant for its period.
 */
import {
  ARTICLE,
  DataUseApplication,
  DataUseInput,
  assertMayApply,
  assertMayDecide,
  isCurrentGrant,
  mayDecide,
  validateDataUseInput,
  viewerActions,
} from '../../functions/domain/dataUse';
import { Dataset } from '../../functions/domain/datasets';
import { LegalBasis } from '../../functions/domain/legalBasis';
import { ApplicationStatus, decide } from '../../functions/domain/workflow';
import {
  NOW,
  EARLIER,
  actor,
  administrator,
  digitalManager,
  formerShiminManager,
  generalManager,
  kenkouManager,
  refusal,
  shiminManager,
  shiminStaff,
} from '../support/domain';

/** 健診結果データ of 健康推進課 (kenkou). */
const kenshin: Dataset = {
  id: 'demo-ds-kenshin',
  systemId: 'demo-hoken',
  departmentId: 'kenkou',
  name: '健診結果データ',
  containsPersonalInformation: true,
  version: 1,
  createdAt: EARLIER,
  updatedAt: EARLIER,
};
/** 住民基本台帳データ of 市民課 (shimin). */
const juumin: Dataset = { ...kenshin, id: 'demo-ds-juumin', systemId: 'demo-juumin', departmentId: 'shimin', name: '住民基本台帳データ' };

const formerKenkouManager = actor('former-kenkou', 'kenkou', ['INFORMATION_MANAGER', 'kenkou', '2026-03-31']);
const futureKenkouManager = actor('next-kenkou', 'kenkou', ['INFORMATION_MANAGER', 'kenkou', undefined, '2026-07-01']);
const kenkouStaff = actor('kenkou-staff', 'kenkou', ['STAFF', 'kenkou']);

/** 様式第6号 as the record holds it: its bases in law. */
type Form6 = Omit<DataUseInput, 'legalBases' | 'legalBasis'> & { legalBases: LegalBasis[] };

function input(extra: Partial<Form6> = {}): Form6 {
  return {
    purpose: '転入者の健診案内の送付',
    items: ['氏名', '受診年月日'],
    period: { from: '2026-06-01', until: '2026-06-30' },
    legalBases: [{ kind: 'OTHER_LAW', citation: '健康増進法第19条の2' }],
    ...extra,
  };
}

function application(status: ApplicationStatus, extra: Partial<DataUseApplication> = {}): DataUseApplication {
  return {
    id: 'a1',
    form: 'FORM_6',
    title: '「健診結果データ」の利用',
    datasetId: kenshin.id,
    owningDepartmentId: 'kenkou',
    requestingDepartmentId: 'shimin',
    ...input(),
    applicantId: 'shimin-manager',
    status,
    version: 2,
    submittedAt: status === 'DRAFT' ? undefined : '2026-06-01T00:00:00Z',
    createdAt: EARLIER,
    updatedAt: EARLIER,
    ...extra,
  };
}

describe('第14条: who applies — the information manager of the department that would use the data (様式第6号)', () => {
  it('市民課’s information manager applies for 健康推進課’s data, for 市民課', () => {
    expect(() => assertMayApply(shiminManager, kenshin, 'shimin', NOW)).not.toThrow();
  });

  it('an information manager applies only for their own department: for another department it is WRONG_DEPARTMENT (第14条)', () => {
    // 健康推進課’s manager cannot apply in 市民課’s name, nor 市民課’s manager in デジタル推進課’s.
    expect(refusal(() => assertMayApply(kenkouManager, juumin, 'shimin', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: ARTICLE, field: ['requestingDepartmentId'] });
    expect(refusal(() => assertMayApply(shiminManager, kenshin, 'digital', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: ARTICLE });
    expect(refusal(() => assertMayApply(digitalManager, kenshin, 'shimin', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: ARTICLE });
  });

  it.each([
    ['職員等 (STAFF) of the requesting department', shiminStaff],
    ['the system administrator (情報システム管理者)', administrator],
    ['the general manager (総括管理責任者)', generalManager],
    ['a former information manager whose role ended', formerShiminManager],
  ])('%s is not an information manager today: FORBIDDEN (第14条)', (_who, who) => {
    expect(refusal(() => assertMayApply(who, kenshin, 'shimin', NOW))).toMatchObject({ code: 'FORBIDDEN', article: ARTICLE, field: ['requestingDepartmentId'] });
  });

  it('a department does not apply for its own data (他の主管課で所管するデータ): OWN_DEPARTMENT (第14条)', () => {
    expect(refusal(() => assertMayApply(shiminManager, juumin, 'shimin', NOW))).toMatchObject({ code: 'OWN_DEPARTMENT', article: ARTICLE, field: ['datasetId'] });
    expect(refusal(() => assertMayApply(kenkouManager, kenshin, 'kenkou', NOW))).toMatchObject({ code: 'OWN_DEPARTMENT', article: ARTICLE });
  });

  it('a manager of two departments applies from the one that does not hold the data, and only from it', () => {
    const both = actor('both', 'shimin', ['INFORMATION_MANAGER', 'shimin'], ['INFORMATION_MANAGER', 'kenkou']);
    expect(() => assertMayApply(both, kenshin, 'shimin', NOW)).not.toThrow();
    expect(refusal(() => assertMayApply(both, kenshin, 'kenkou', NOW))).toMatchObject({ code: 'OWN_DEPARTMENT' });
  });
});

describe('第14条: what 様式第6号 states — purpose, items, legal basis and the period of use', () => {
  it('a complete application passes', () => {
    expect(() => validateDataUseInput(input())).not.toThrow();
    expect(() => validateDataUseInput(input({ period: { from: '2026-06-15', until: '2026-06-15' } }))).not.toThrow();
  });

  it.each([
    ['the purpose of use (利用目的) is stated', { purpose: '   ' }, ['purpose']],
    ['the items needed (利用項目) are listed', { items: [] }, ['items']],
    ['no item is blank', { items: ['氏名', ' '] }, ['items']],
    ['the period starts on a date', { period: { from: '2026/06/01', until: '2026-06-30' } }, ['period', 'from']],
    ['the period starts on a calendar date that exists', { period: { from: '2026-02-30', until: '2026-06-30' } }, ['period', 'from']],
    ['the period ends on a date', { period: { from: '2026-06-01', until: 'soon' } }, ['period', 'until']],
    ['the period ends on a calendar date that exists', { period: { from: '2026-06-01', until: '2026-13-01' } }, ['period', 'until']],
    ['the period does not end before it starts', { period: { from: '2026-06-30', until: '2026-06-29' } }, ['period', 'until']],
  ] as [string, Partial<Form6>, string[]][])('%s (INVALID_VALUE, 第14条)', (_rule, extra, field) => {
    expect(refusal(() => validateDataUseInput(input(extra)))).toMatchObject({ code: 'INVALID_VALUE', article: ARTICLE, field });
  });
});

describe('第14条: who decides — the information manager who holds the data (当該データを所管する情報管理責任者)', () => {
  it('健康推進課’s information manager decides on 健康推進課’s data', () => {
    expect(() => assertMayDecide(kenkouManager, application('SUBMITTED'), NOW)).not.toThrow();
    expect(mayDecide(kenkouManager, application('SUBMITTED'), NOW)).toBe(true);
  });

  it('the requesting department’s information manager does not approve the use of another’s data: WRONG_DEPARTMENT (第14条)', () => {
    expect(refusal(() => assertMayDecide(shiminManager, application('SUBMITTED'), NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: ARTICLE, field: ['applicationId'] });
    expect(refusal(() => assertMayDecide(digitalManager, application('SUBMITTED'), NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: ARTICLE });
    expect(mayDecide(shiminManager, application('SUBMITTED'), NOW)).toBe(false);
  });

  it.each([
    ['the system administrator', administrator],
    ['the general manager', generalManager],
    ['職員等 of the owning department', kenkouStaff],
    ['a former information manager of the owning department', formerKenkouManager],
    ['an information manager whose role starts later', futureKenkouManager],
  ])('%s does not decide: FORBIDDEN (第14条)', (_who, who) => {
    expect(refusal(() => assertMayDecide(who, application('SUBMITTED'), NOW))).toMatchObject({ code: 'FORBIDDEN', article: ARTICLE });
    expect(mayDecide(who, application('SUBMITTED'), NOW)).toBe(false);
  });

  it('no one decides their own application, even when they also hold the owning department’s role (SELF_DECISION)', () => {
    const both = actor('both', 'shimin', ['INFORMATION_MANAGER', 'shimin'], ['INFORMATION_MANAGER', 'kenkou']);
    const own = application('SUBMITTED', { applicantId: 'both' });
    expect(() => assertMayDecide(both, own, NOW)).not.toThrow();
    expect(refusal(() => decide(own, 'both', { outcome: 'APPROVED' }, NOW, ARTICLE))).toMatchObject({ code: 'SELF_DECISION', article: ARTICLE });
    expect(viewerActions(both, own, NOW)).toMatchObject({ decide: false, withdraw: true });
  });

  it('the viewer’s next steps: the applicant may withdraw a submitted application, the owning manager may decide it', () => {
    expect(viewerActions(shiminManager, application('SUBMITTED'), NOW)).toEqual({ edit: false, submit: false, withdraw: true, decide: false });
    expect(viewerActions(kenkouManager, application('SUBMITTED'), NOW)).toEqual({ edit: false, submit: false, withdraw: false, decide: true });
    expect(viewerActions(shiminManager, application('RETURNED'), NOW)).toEqual({ edit: true, submit: true, withdraw: true, decide: false });
    expect(viewerActions(kenkouManager, application('APPROVED'), NOW)).toMatchObject({ decide: false });
  });
});

describe('第14条: an approval is a grant for its period (isCurrentGrant), by the city’s calendar (Asia/Tokyo)', () => {
  const period = { from: '2026-06-15', until: '2026-06-30' };

  it('an approved application is a current grant within its period, both days included', () => {
    expect(isCurrentGrant(application('APPROVED', { period }), '2026-06-15T03:00:00Z')).toBe(true);
    expect(isCurrentGrant(application('APPROVED', { period }), '2026-06-22T03:00:00Z')).toBe(true);
    expect(isCurrentGrant(application('APPROVED', { period }), '2026-06-30T14:59:59Z')).toBe(true);
  });

  it('not before its first day: the grant is not yet current', () => {
    expect(isCurrentGrant(application('APPROVED', { period }), '2026-06-14T03:00:00Z')).toBe(false);
  });

  it('not after its last day: the grant has lapsed', () => {
    expect(isCurrentGrant(application('APPROVED', { period }), '2026-07-01T03:00:00Z')).toBe(false);
  });

  it('the day starts at midnight in Tokyo, not in UTC: 15:00Z on the 14th is already the 15th in 白石市', () => {
    expect(isCurrentGrant(application('APPROVED', { period }), '2026-06-14T14:59:59Z')).toBe(false);
    expect(isCurrentGrant(application('APPROVED', { period }), '2026-06-14T15:00:00Z')).toBe(true);
    // …and the last day ends at midnight in Tokyo: 15:00Z on the 30th is 1 July there.
    expect(isCurrentGrant(application('APPROVED', { period }), '2026-06-30T15:00:00Z')).toBe(false);
  });

  it.each(['DRAFT', 'SUBMITTED', 'REJECTED', 'RETURNED', 'WITHDRAWN'] as const)('a %s application grants nothing, even within its period', (status) => {
    expect(isCurrentGrant(application(status, { period }), '2026-06-20T03:00:00Z')).toBe(false);
  });
});
