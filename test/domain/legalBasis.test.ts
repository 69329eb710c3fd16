/**
 * 根拠法令 of 様式第6号 (第14条) and 様式第8号 (第15条) as law: the provisions of 個人情報の保護に関する法律 under which
 * a local government uses or provides personal information, or another law by name and article. And あらかじめ: a
 * period that has ended is neither applied for nor approved, nor agreed on.
 */
import { DataUseApplication, dataUseForm, draftDataUse } from '../../functions/domain/dataUse';
import { Dataset } from '../../functions/domain/datasets';
import { ExternalProvision, concludeAgreement, draftProvision, provisionForm } from '../../functions/domain/externalProvision';
import { Step, decided } from '../../functions/domain/forms';
import { LegalBasis, citedBases, givenBases, legalBasesOf, validateLegalBases } from '../../functions/domain/legalBasis';
import { NOW, EARLIER, generalManager, kenkouManager, refusal, shiminManager } from '../support/domain';

const dataset = (id: string, departmentId: string, personal: boolean): Dataset => ({
  id,
  systemId: 'demo-hoken',
  departmentId,
  name: id,
  containsPersonalInformation: personal,
  version: 1,
  createdAt: EARLIER,
  updatedAt: EARLIER,
});
const kenshin = dataset('demo-ds-kenshin', 'kenkou', true);
const shisetsu = dataset('demo-ds-shisetsu', 'kenkou', false);

const provide = { use: 'PROVISION' as const, personal: true, article: '第15条第1項' };
const use = { use: 'USE' as const, personal: true, article: '第14条' };

describe('個人情報の保護に関する法律: the bases of a use or provision of personal information', () => {
  it('personal information is used or provided on at least one basis; none is refused citing 第69条', () => {
    expect(refusal(() => validateLegalBases([], provide))).toMatchObject({ code: 'INVALID_VALUE', article: '個人情報の保護に関する法律第69条', field: ['legalBases'] });
    expect(refusal(() => validateLegalBases([], use))).toMatchObject({ article: '個人情報の保護に関する法律第69条' });
    expect(() => validateLegalBases([], { ...provide, personal: false })).not.toThrow();
  });

  it('a bare free text is no basis: another law is cited by its name and article', () => {
    expect(refusal(() => validateLegalBases([{ kind: 'OTHER_LAW', citation: 'なんとなく' }], use))).toMatchObject({ code: 'INVALID_VALUE', article: '第14条', field: ['legalBases', '0', 'citation'] });
    expect(refusal(() => validateLegalBases([{ kind: 'OTHER_LAW' }], provide))).toMatchObject({ field: ['legalBases', '0', 'citation'] });
    expect(() => validateLegalBases([{ kind: 'OTHER_LAW', citation: '健康増進法第19条の2' }], use)).not.toThrow();
    expect(() => validateLegalBases([{ kind: 'OTHER_LAW', citation: '統計法第三十三条' }], use)).not.toThrow();
  });

  it('a provision of the act takes no citation of its own', () => {
    expect(refusal(() => validateLegalBases([{ kind: 'WITHIN_PURPOSE', citation: '第69条' }], use))).toMatchObject({ article: '個人情報の保護に関する法律第69条第1項' });
  });

  it('第71条: a recipient abroad — the bases must include 第71条', () => {
    expect(refusal(() => validateLegalBases([{ kind: 'CONSENT_OR_TO_THE_PERSON' }], { ...provide, recipientAbroad: true }))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '個人情報の保護に関する法律第71条',
      field: ['legalBases'],
    });
    expect(() => validateLegalBases([{ kind: 'CONSENT_OR_TO_THE_PERSON' }, { kind: 'FOREIGN_RECIPIENT' }], { ...provide, recipientAbroad: true })).not.toThrow();
  });

  it('第69条第2項第2号 is internal use, no basis for a provision outside; 第70条 and 第71条 govern provision, no basis for a use within the city', () => {
    expect(refusal(() => validateLegalBases([{ kind: 'INTERNAL_USE' }], provide))).toMatchObject({ article: '個人情報の保護に関する法律第69条第2項第2号' });
    expect(() => validateLegalBases([{ kind: 'INTERNAL_USE' }], use)).not.toThrow();
    expect(refusal(() => validateLegalBases([{ kind: 'RECIPIENT_MEASURES' }], use))).toMatchObject({ article: '個人情報の保護に関する法律第70条' });
    expect(refusal(() => validateLegalBases([{ kind: 'FOREIGN_RECIPIENT' }], use))).toMatchObject({ article: '個人情報の保護に関する法律第71条' });
  });

  it('a basis listed twice is refused', () => {
    expect(refusal(() => validateLegalBases([{ kind: 'OTHER_PUBLIC_BODY' }, { kind: 'OTHER_PUBLIC_BODY' }], provide))).toMatchObject({ code: 'DUPLICATE', field: ['legalBases'] });
  });

  it('the deprecated single text is another law’s citation; both at once is refused', () => {
    expect(givenBases({ legalBasis: ' 健康増進法第19条の2 ' }, '第14条')).toEqual([{ kind: 'OTHER_LAW', citation: '健康増進法第19条の2' }]);
    expect(givenBases({ legalBases: [{ kind: 'INTERNAL_USE', citation: ' ' }] }, '第14条')).toEqual([{ kind: 'INTERNAL_USE' }]);
    expect(refusal(() => givenBases({ legalBases: [{ kind: 'INTERNAL_USE' }], legalBasis: '統計法第33条' }, '第14条'))).toMatchObject({ field: ['legalBasis'] });
  });

  it('a record stored before the bases shows its free text as another law; the bases are cited by the act’s name and article', () => {
    expect(legalBasesOf({ legalBasis: '予防接種法' })).toEqual([{ kind: 'OTHER_LAW', citation: '予防接種法' }]);
    const bases: LegalBasis[] = [{ kind: 'OTHER_PUBLIC_BODY' }, { kind: 'OTHER_LAW', citation: '予防接種法第5条' }];
    expect(citedBases({ legalBases: bases })).toBe('個人情報の保護に関する法律第69条第2項第3号、予防接種法第5条');
  });
});

const step = (actor: Step['actor'], now = NOW): Step => ({ actor, now, newId: () => 'new-id', cite: (kind, id) => `${kind}:${id}` });
const ENDED = { from: '2026-05-01', until: '2026-06-14' }; // NOW is 2026-06-15 in Tokyo
const RUNNING = { from: '2026-06-01', until: '2026-06-15' };
const form6 = { purpose: '健診案内', items: ['氏名'], legalBases: [{ kind: 'INTERNAL_USE' as const }] };
const form8 = { recipient: '宮城県', recipientAbroad: false, includesPersonalInformation: true, purpose: '調査', items: ['年齢'], method: '手渡し', legalBases: [{ kind: 'OTHER_PUBLIC_BODY' as const }] };

describe('第14条・第15条 あらかじめ: a period that has ended is neither applied for nor approved', () => {
  it('第14条: 様式第6号 for a period ended yesterday is refused; one ending today is accepted', () => {
    expect(refusal(() => draftDataUse(shiminManager, { ...form6, period: ENDED }, kenshin, 'shimin', 'a1', NOW))).toMatchObject({ code: 'INVALID_VALUE', article: '第14条', field: ['period', 'until'] });
    expect(draftDataUse(shiminManager, { ...form6, period: RUNNING }, kenshin, 'shimin', 'a1', NOW).period).toEqual(RUNNING);
  });

  it('第14条: submitted while in force, it is not approved once its period has ended (the clock moved on); the approval cites its bases', () => {
    const a: DataUseApplication = { ...draftDataUse(shiminManager, { ...form6, period: RUNNING }, kenshin, 'shimin', 'a1', NOW), status: 'SUBMITTED', version: 2 };
    const decision = { outcome: 'APPROVED' as const, conditions: [], expectedVersion: 2 };
    expect(refusal(() => decided(dataUseForm, step(kenkouManager, '2026-06-16T03:00:00Z'), a, decision, kenshin))).toMatchObject({ code: 'INVALID_VALUE', article: '第14条' });
    const t = decided(dataUseForm, step(kenkouManager), a, decision, kenshin);
    expect(t.record.status).toBe('APPROVED');
    expect(t.changes[0]).toMatchObject({ action: 'dataUse.approved', article: '第14条', note: '根拠: 個人情報の保護に関する法律第69条第2項第2号' });
    // Rejecting it after its end is still possible: only approval has nothing left to grant.
    expect(decided(dataUseForm, step(kenkouManager, '2026-06-16T03:00:00Z'), a, { ...decision, outcome: 'REJECTED', reason: '期間経過' }, kenshin).record.status).toBe('REJECTED');
  });

  it('第15条第1項: 様式第8号 for a period that has ended is refused at consultation and at approval', () => {
    expect(refusal(() => draftProvision(kenkouManager, { ...form8, period: ENDED }, [kenshin], 'p1', NOW))).toMatchObject({ article: '第15条第1項', field: ['period', 'until'] });
    const p: ExternalProvision = { ...draftProvision(kenkouManager, { ...form8, period: RUNNING }, [kenshin, shisetsu], 'p1', NOW), status: 'SUBMITTED', version: 2 };
    expect(p).toMatchObject({ items: ['年齢'], method: '手渡し' });
    const decision = { outcome: 'APPROVED' as const, conditions: [], expectedVersion: 2 };
    expect(refusal(() => decided(provisionForm, step(generalManager, '2026-06-16T03:00:00Z'), p, decision, [kenshin]))).toMatchObject({ article: '第15条第1項' });
    const t = decided(provisionForm, step(generalManager), p, decision, [kenshin]);
    expect(t.changes[0]).toMatchObject({ article: '第15条第1項', note: '根拠: 個人情報の保護に関する法律第69条第2項第3号' });
  });

  it('第15条第3項: an agreement is not concluded for a period that has ended', () => {
    const p = { ...draftProvision(kenkouManager, { ...form8, period: RUNNING }, [kenshin], 'p1', NOW), status: 'APPROVED' as const };
    expect(refusal(() => concludeAgreement(kenkouManager, p, { concludedOn: '2026-06-15', documentReference: '協定書' }, '2026-06-16T03:00:00Z'))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第15条第3項',
    });
  });
});
