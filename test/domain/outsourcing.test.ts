/**
 * 外部委託 (第22条): 情報システム管理者及び情報管理責任者は、行政システムの開発、維持管理業務等の全部又は一部を外部に
 * 委託するときは、契約書に個人情報の保護に関し、必要な事項を明記しなければならない.
 */
import { ARTICLE, OutsourcingContract, assertMayContract, concludeContract, draftContract } from '../../functions/domain/outsourcing';
import { NOW, actor, administrator, digitalManager, formerShiminManager, generalManager, groupware, kenkouManager, refusal, shiminManager, shiminStaff, system } from '../support/domain';

const PERIOD = { from: '2026-04-01', until: '2027-03-31' };
const CLAUSE = { reference: '契約書第12条(個人情報の保護)' };

function contract(extra: Partial<OutsourcingContract> = {}): OutsourcingContract {
  const drafted = draftContract(shiminManager, system(), { contractor: '株式会社みやぎ情報', scope: 'MAINTENANCE', period: PERIOD, personalInformationClause: CLAUSE }, 'c1', NOW);
  return { ...drafted, ...extra };
}

describe('第22条: who records an outsourcing contract — the system administrator or the system’s information manager', () => {
  it('the system administrator (情報システム管理者), for any system', () => {
    expect(() => assertMayContract(administrator, system(), NOW)).not.toThrow();
    expect(() => assertMayContract(administrator, groupware(), NOW)).not.toThrow();
  });

  it('the information manager (情報管理責任者) of the system’s department', () => {
    expect(() => assertMayContract(shiminManager, system(), NOW)).not.toThrow();
    expect(() => assertMayContract(digitalManager, groupware(), NOW)).not.toThrow();
  });

  it('another department’s information manager is told it is not their department (WRONG_DEPARTMENT, 第22条)', () => {
    expect(refusal(() => assertMayContract(kenkouManager, system(), NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: ARTICLE, field: ['systemId'] });
  });

  it.each([
    ['職員等 of the system’s department', shiminStaff],
    ['the general manager', generalManager],
    ['a former information manager of the department', formerShiminManager],
    ['a former system administrator', actor('former-director', 'soumu', ['SYSTEM_ADMINISTRATOR', undefined, '2026-03-31'])],
  ])('%s is refused (FORBIDDEN, 第22条)', (_who, who) => {
    expect(refusal(() => assertMayContract(who, system(), NOW))).toMatchObject({ code: 'FORBIDDEN', article: ARTICLE, field: ['systemId'] });
    expect(refusal(() => draftContract(who, system(), { contractor: 'x', scope: 'DEVELOPMENT', period: PERIOD }, 'c', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第22条' });
  });
});

describe('第22条: recording the contract (draftContract)', () => {
  it('a draft for the system, of its department, with the clause as text or reference', () => {
    expect(draftContract(administrator, system(), { contractor: ' 株式会社みやぎ情報 ', scope: 'DEVELOPMENT_AND_MAINTENANCE', period: PERIOD, personalInformationClause: { text: ' 受託者は個人情報を適正に取り扱う。 ' } }, 'c1', NOW)).toEqual({
      id: 'c1',
      systemId: 'juumin',
      departmentId: 'shimin',
      contractor: '株式会社みやぎ情報',
      scope: 'DEVELOPMENT_AND_MAINTENANCE',
      period: PERIOD,
      personalInformationClause: { text: '受託者は個人情報を適正に取り扱う。', reference: undefined },
      status: 'DRAFT',
      recordedBy: 'soumu-director',
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('a blank clause counts as none', () => {
    const c = draftContract(shiminManager, system(), { contractor: 'x', scope: 'DEVELOPMENT', period: PERIOD, personalInformationClause: { text: ' ', reference: '' } }, 'c', NOW);
    expect(c.personalInformationClause).toBeUndefined();
  });

  it.each([
    ['the contractor (受託者) is named', { contractor: '  ' }, ['contractor']],
    ['the period starts on a date', { period: { from: 'April', until: '2027-03-31' } }, ['period', 'from']],
    ['the period ends on a date', { period: { from: '2026-04-01', until: '2027-02-29' } }, ['period', 'until']],
    ['the period does not end before it starts', { period: { from: '2026-04-01', until: '2026-03-31' } }, ['period', 'until']],
  ] as [string, object, string[]][])('%s (INVALID_VALUE, 第22条)', (_rule, extra, field) => {
    expect(
      refusal(() => draftContract(shiminManager, system(), { contractor: '株式会社みやぎ情報', scope: 'MAINTENANCE', period: PERIOD, ...extra }, 'c', NOW)),
    ).toMatchObject({ code: 'INVALID_VALUE', article: ARTICLE, field });
  });
});

describe('第22条: the contract is concluded only when it states the protection of personal information (concludeContract)', () => {
  it('with the clause, it is concluded on the date given', () => {
    expect(concludeContract(shiminManager, system(), contract(), '2026-04-01', NOW)).toEqual({ status: 'CONCLUDED', concludedOn: '2026-04-01' });
    expect(concludeContract(administrator, system(), contract(), '2026-04-01', NOW)).toEqual({ status: 'CONCLUDED', concludedOn: '2026-04-01' });
  });

  it('without the clause (個人情報の保護に関し必要な事項) it is refused (CONTRACT_INCOMPLETE, 第22条)', () => {
    const r = refusal(() => concludeContract(shiminManager, system(), contract({ personalInformationClause: undefined }), '2026-04-01', NOW));
    expect(r).toMatchObject({ code: 'CONTRACT_INCOMPLETE', article: '第22条', field: ['personalInformationClause'] });
    expect(r.message).toContain('個人情報の保護に関し必要な事項');
  });

  it('a contract is concluded once (INVALID_STATE, 第22条)', () => {
    expect(refusal(() => concludeContract(shiminManager, system(), contract({ status: 'CONCLUDED', concludedOn: '2026-04-01' }), '2026-04-02', NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第22条',
    });
  });

  it.each(['1 April', '2026-02-30', '2026-13-01'])('the conclusion date is a calendar date: %s is refused (INVALID_VALUE, 第22条)', (concludedOn) => {
    expect(refusal(() => concludeContract(shiminManager, system(), contract(), concludedOn, NOW))).toMatchObject({ code: 'INVALID_VALUE', article: '第22条', field: ['concludedOn'] });
  });

  it('only the system administrator or the system’s information manager concludes it (WRONG_DEPARTMENT / FORBIDDEN, 第22条)', () => {
    expect(refusal(() => concludeContract(kenkouManager, system(), contract(), '2026-04-01', NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第22条' });
    expect(refusal(() => concludeContract(shiminStaff, system(), contract(), '2026-04-01', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第22条' });
  });
});
