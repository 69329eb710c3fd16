/**
 * データの外部提供 (第15条): the information manager consults the general manager in advance on 様式第8号 (第1項); an
 * agreement (協定書等) is exchanged (第3項) holding the conditions of 第4項 (第1号–第8号). Data is provided only once
 * the consultation is approved and the agreement concluded; the conditions then live on as obligations.
 */
import {
  AgreementClause,
  CLAUSES,
  CLAUSE_TITLES,
  Clause,
  ExternalProvision,
  ProvisionInput,
  RequiredItem,
  assertMayDecide,
  assertMayProvide,
  clauseArticle,
  clauseStatuses,
  concludeAgreement,
  isAgreementComplete,
  isProvided,
  openObligations,
  recordClause,
  recordIncident,
  recordInspection,
  recordReturnOrDisposal,
  requiredItems,
  stage,
  validateProvisionInput,
  viewerActions,
} from '../../functions/domain/externalProvision';
import { Dataset } from '../../functions/domain/datasets';
import { LegalBasis } from '../../functions/domain/legalBasis';
import { ApplicationStatus } from '../../functions/domain/workflow';
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

const dataset = (id: string, departmentId: string, containsPersonalInformation: boolean): Dataset => ({
  id,
  systemId: `sys-${departmentId}`,
  departmentId,
  name: id,
  containsPersonalInformation,
  version: 1,
  createdAt: EARLIER,
  updatedAt: EARLIER,
});
const kenshin = dataset('demo-ds-kenshin', 'kenkou', true);
const yobou = dataset('demo-ds-yobou', 'kenkou', true);
const juumin = dataset('demo-ds-juumin', 'shimin', true);
const shisetsu = dataset('demo-ds-shisetsu', 'digital', false);

const FIXED = CLAUSES.filter((c) => c !== 'OTHER');
const ITEM: RequiredItem = { id: 'item-1', title: '再委託の禁止', requiredBy: 'fuku-shichou', requiredAt: '2026-06-01T00:00:00Z' };
const ITEM2: RequiredItem = { id: 'item-2', title: '提供先での保管場所の限定', requiredBy: 'fuku-shichou', requiredAt: '2026-06-01T00:00:00Z' };

/** 様式第8号 as the record holds it: its items, its method, its bases in law. */
type Form8 = Omit<ProvisionInput, 'legalBases' | 'legalBasis' | 'items' | 'method'> & { items: string[]; method: string; legalBases: LegalBasis[] };

function input(extra: Partial<Form8> = {}): Form8 {
  return {
    recipient: '宮城県 疾病・感染症対策課',
    recipientAbroad: false,
    includesPersonalInformation: true,
    purpose: '予防接種率の調査',
    items: ['接種年月日', '年齢'],
    method: '暗号化した電子媒体の手渡し',
    period: { from: '2026-06-01', until: '2026-06-30' },
    legalBases: [{ kind: 'OTHER_PUBLIC_BODY' }, { kind: 'RECIPIENT_MEASURES' }],
    ...extra,
  };
}

const entry = (clause: Clause, requiredItemId?: string): AgreementClause => ({
  clause,
  requiredItemId,
  reference: `協定書第${CLAUSES.indexOf(clause) + 2}条`,
  recordedBy: 'kenkou-manager',
  recordedAt: '2026-06-02T00:00:00Z',
});
const allFixed = () => FIXED.map((c) => entry(c));

function provision(status: ApplicationStatus, extra: Partial<ExternalProvision> = {}): ExternalProvision {
  return {
    id: 'p1',
    form: 'FORM_8',
    title: '「宮城県 疾病・感染症対策課」への外部提供',
    departmentId: 'kenkou',
    datasetIds: [yobou.id],
    ...input(),
    requiredItems: [],
    agreement: { clauses: [] },
    inspectionCount: 0,
    incidentCount: 0,
    applicantId: 'kenkou-manager',
    status,
    version: 3,
    submittedAt: status === 'DRAFT' ? undefined : '2026-05-20T00:00:00Z',
    createdAt: EARLIER,
    updatedAt: EARLIER,
    ...extra,
  };
}
/** Approved, with every fixed clause and each required item recorded, and concluded. */
function concluded(extra: Partial<ExternalProvision> = {}): ExternalProvision {
  return provision('APPROVED', {
    agreement: { clauses: allFixed(), documentReference: '健推第123号', concludedOn: '2026-06-01', concludedBy: 'kenkou-manager', concludedAt: '2026-06-01T01:00:00Z' },
    ...extra,
  });
}

describe('第15条第1項: who consults — the information manager of the department holding the data', () => {
  it('健康推進課’s manager consults on 健康推進課’s datasets and is told whose consultation it is', () => {
    expect(assertMayProvide(kenkouManager, [kenshin, yobou], NOW)).toBe('kenkou');
    expect(assertMayProvide(digitalManager, [shisetsu], NOW)).toBe('digital');
  });

  it('one consultation provides the data of one department only (INVALID_VALUE, 第15条第1項)', () => {
    const both = actor('both', 'kenkou', ['INFORMATION_MANAGER', 'kenkou'], ['INFORMATION_MANAGER', 'shimin']);
    expect(refusal(() => assertMayProvide(both, [kenshin, juumin], NOW))).toMatchObject({ code: 'INVALID_VALUE', article: '第15条第1項', field: ['datasetIds'] });
  });

  it('another department’s information manager does not consult on data it does not hold (WRONG_DEPARTMENT, 第15条第1項)', () => {
    expect(refusal(() => assertMayProvide(shiminManager, [kenshin], NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第15条第1項', field: ['datasetIds'] });
  });

  it.each([
    ['職員等', shiminStaff],
    ['the system administrator', administrator],
    ['the general manager', generalManager],
    ['a former information manager', formerShiminManager],
  ])('%s is not an information manager today: FORBIDDEN (第15条第1項)', (_who, who) => {
    expect(refusal(() => assertMayProvide(who, [juumin], NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第15条第1項' });
  });
});

describe('第15条第1項: what 様式第8号 states', () => {
  it('a complete consultation passes; data without personal information may say none is included', () => {
    expect(() => validateProvisionInput(input(), [yobou])).not.toThrow();
    expect(() => validateProvisionInput(input({ includesPersonalInformation: false }), [shisetsu])).not.toThrow();
    expect(() => validateProvisionInput(input({ includesPersonalInformation: true }), [shisetsu])).not.toThrow();
  });

  it('personal information (個人情報) must be declared when a dataset named holds it (INVALID_VALUE, 第15条第1項)', () => {
    expect(refusal(() => validateProvisionInput(input({ includesPersonalInformation: false }), [yobou]))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第15条第1項',
      field: ['includesPersonalInformation'],
    });
    expect(refusal(() => validateProvisionInput(input({ includesPersonalInformation: false }), [shisetsu, yobou]))).toMatchObject({ field: ['includesPersonalInformation'] });
  });

  it.each([
    ['the data is named', {}, [], ['datasetIds']],
    ['the recipient (提供先) is named', { recipient: ' ' }, [yobou], ['recipient']],
    ['the purpose (提供目的) is stated', { purpose: '' }, [yobou], ['purpose']],
    ['the data items (提供項目) are listed', { items: [] }, [yobou], ['items']],
    ['no data item is blank', { items: ['氏名', ' '] }, [yobou], ['items']],
    ['the method of provision (提供方法) is stated', { method: ' ' }, [yobou], ['method']],
    ['another law is cited by name and article, not by a bare text', { legalBases: [{ kind: 'OTHER_LAW', citation: 'なんとなく' }] }, [yobou], ['legalBases', '0', 'citation']],
    ['the period starts on a date', { period: { from: 'x', until: '2026-06-30' } }, [yobou], ['period', 'from']],
    ['the period ends on a date', { period: { from: '2026-06-01', until: '2026-06-31' } }, [yobou], ['period', 'until']],
    ['the period does not end before it starts', { period: { from: '2026-06-02', until: '2026-06-01' } }, [yobou], ['period', 'until']],
  ] as [string, Partial<Form8>, Dataset[], string[]][])('%s (INVALID_VALUE, 第15条第1項)', (_rule, extra, datasets, field) => {
    expect(refusal(() => validateProvisionInput(input(extra), datasets))).toMatchObject({ code: 'INVALID_VALUE', article: '第15条第1項', field });
  });
});

describe('第15条第1項: who decides — the general manager (総括管理責任者) only', () => {
  it('the general manager decides', () => {
    expect(() => assertMayDecide(generalManager, NOW)).not.toThrow();
    expect(viewerActions(generalManager, provision('SUBMITTED'), NOW).decide).toBe(true);
  });

  it.each([
    ['the system administrator', administrator],
    ['the information manager who consults', kenkouManager],
    ['another information manager', shiminManager],
    ['a former general manager', actor('former-gm', 'tokubetsu', ['GENERAL_MANAGER', undefined, '2026-03-31'])],
  ])('%s does not decide (FORBIDDEN, 第15条第1項)', (_who, who) => {
    expect(refusal(() => assertMayDecide(who, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第15条第1項' });
    expect(viewerActions(who, provision('SUBMITTED'), NOW).decide).toBe(false);
  });
});

describe('第15条第4項第8号: items the general manager requires (その他総括管理責任者が必要と認める事項)', () => {
  it('each item is recorded with who required it and when; blank entries are dropped', () => {
    let n = 0;
    expect(requiredItems(['再委託の禁止', '  ', ' 保管場所の限定 '], 'fuku-shichou', NOW, () => `i${++n}`)).toEqual([
      { id: 'i1', title: '再委託の禁止', requiredBy: 'fuku-shichou', requiredAt: NOW },
      { id: 'i2', title: '保管場所の限定', requiredBy: 'fuku-shichou', requiredAt: NOW },
    ]);
    expect(requiredItems([], 'fuku-shichou', NOW, () => 'x')).toEqual([]);
  });

  it('an item listed twice is refused (DUPLICATE, 第15条第4項第8号)', () => {
    expect(refusal(() => requiredItems(['再委託の禁止', ' 再委託の禁止'], 'fuku-shichou', NOW, () => 'x'))).toMatchObject({
      code: 'DUPLICATE',
      article: '第15条第4項第8号',
      field: ['requiredClauses'],
    });
  });
});

describe('第15条第4項: the agreement checked clause by clause (clauseStatuses)', () => {
  it('the seven fixed conditions are 第1号–第7号, in the order of the text, each with its title', () => {
    const statuses = clauseStatuses({ agreement: { clauses: [] }, requiredItems: [] });
    expect(statuses.map((s) => [s.clause, s.article, s.title])).toEqual([
      ['CONFIDENTIALITY', '第15条第4項第1号', '秘密保持に関する事項'],
      ['NO_OTHER_PURPOSE_OR_THIRD_PARTY', '第15条第4項第2号', '目的外の使用及び第三者への提供の禁止に関する事項'],
      ['NO_COPYING', '第15条第4項第3号', '複写又は複製の禁止に関する事項'],
      ['RETURN_OR_DISPOSAL', '第15条第4項第4号', '使用期間終了後の返還又は廃棄の義務に関する事項'],
      ['INSPECTION', '第15条第4項第5号', '使用又は保管状況に係る検査に応じる義務に関する事項'],
      ['INCIDENT_REPORTING', '第15条第4項第6号', '滅失、き損等の事故発生時における報告義務に関する事項'],
      ['DAMAGES', '第15条第4項第7号', '損害賠償に関する事項'],
    ]);
    expect(clauseArticle('OTHER')).toBe('第15条第4項第8号');
    expect(CLAUSE_TITLES.OTHER).toBe('その他総括管理責任者が必要と認める事項');
  });

  it('a missing condition says why, citing its item; a present one carries its entry', () => {
    const statuses = clauseStatuses({ agreement: { clauses: [entry('CONFIDENTIALITY')] }, requiredItems: [] });
    expect(statuses[0]).toMatchObject({ clause: 'CONFIDENTIALITY', present: true, entry: entry('CONFIDENTIALITY'), missingBecause: undefined });
    expect(statuses[6]).toMatchObject({ clause: 'DAMAGES', present: false, entry: undefined });
    expect(statuses[6].missingBecause).toContain('損害賠償に関する事項');
    expect(statuses[6].missingBecause).toContain('第15条第4項第7号');
  });

  it('第8号 appears once for each item the general manager required, and not at all when none was', () => {
    expect(clauseStatuses({ agreement: { clauses: allFixed() }, requiredItems: [] })).toHaveLength(7);
    const statuses = clauseStatuses({ agreement: { clauses: [...allFixed(), entry('OTHER', ITEM.id)] }, requiredItems: [ITEM, ITEM2] });
    expect(statuses).toHaveLength(9);
    expect(statuses.slice(7)).toEqual([
      expect.objectContaining({ clause: 'OTHER', article: '第15条第4項第8号', title: '再委託の禁止', requiredItem: ITEM, present: true }),
      expect.objectContaining({ clause: 'OTHER', article: '第15条第4項第8号', title: '提供先での保管場所の限定', requiredItem: ITEM2, present: false }),
    ]);
    expect(statuses[8].missingBecause).toContain('提供先での保管場所の限定');
    expect(statuses[8].missingBecause).toContain('第15条第4項第8号');
  });

  it('the agreement is complete only with all seven and every required item', () => {
    expect(isAgreementComplete({ agreement: { clauses: allFixed() }, requiredItems: [] })).toBe(true);
    expect(isAgreementComplete({ agreement: { clauses: allFixed().slice(1) }, requiredItems: [] })).toBe(false);
    expect(isAgreementComplete({ agreement: { clauses: allFixed() }, requiredItems: [ITEM] })).toBe(false);
    expect(isAgreementComplete({ agreement: { clauses: [...allFixed(), entry('OTHER', ITEM.id)] }, requiredItems: [ITEM] })).toBe(true);
  });
});

describe('第15条第3項・第4項: recording where each condition stands in the agreement (recordClause)', () => {
  it('after approval, the providing department’s manager records a clause by its text or its place in the document', () => {
    const byRef = recordClause(kenkouManager, provision('APPROVED'), { clause: 'CONFIDENTIALITY', reference: ' 協定書第2条 ' }, NOW);
    expect(byRef).toEqual([{ clause: 'CONFIDENTIALITY', requiredItemId: undefined, text: undefined, reference: '協定書第2条', recordedBy: 'kenkou-manager', recordedAt: NOW }]);
    const byText = recordClause(kenkouManager, provision('APPROVED'), { clause: 'DAMAGES', text: '受領者は損害を賠償する。' }, NOW);
    expect(byText[0]).toMatchObject({ clause: 'DAMAGES', text: '受領者は損害を賠償する。', reference: undefined });
  });

  it('recording a clause again replaces its entry rather than adding a second one', () => {
    const p = provision('APPROVED', { agreement: { clauses: [entry('CONFIDENTIALITY'), entry('NO_COPYING')] } });
    const clauses = recordClause(kenkouManager, p, { clause: 'CONFIDENTIALITY', reference: '協定書第10条' }, NOW);
    expect(clauses.filter((c) => c.clause === 'CONFIDENTIALITY')).toEqual([expect.objectContaining({ reference: '協定書第10条' })]);
    expect(clauses).toHaveLength(2);
  });

  it('第8号 names the required item it answers; each item has its own entry', () => {
    const p = provision('APPROVED', { requiredItems: [ITEM, ITEM2], agreement: { clauses: [entry('OTHER', ITEM.id)] } });
    const clauses = recordClause(kenkouManager, p, { clause: 'OTHER', requiredItemId: ITEM2.id, text: '保管は提供先庁舎内に限る。' }, NOW);
    expect(clauses.filter((c) => c.clause === 'OTHER').map((c) => c.requiredItemId).sort()).toEqual([ITEM.id, ITEM2.id]);
  });

  it.each(['DRAFT', 'SUBMITTED', 'RETURNED', 'REJECTED', 'WITHDRAWN'] as const)('not before the consultation is approved: a %s one is refused (INVALID_STATE, 第15条第3項)', (status) => {
    expect(refusal(() => recordClause(kenkouManager, provision(status), { clause: 'CONFIDENTIALITY', reference: '第2条' }, NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第15条第3項',
    });
  });

  it('not after the agreement is concluded (INVALID_STATE, 第15条第3項)', () => {
    expect(refusal(() => recordClause(kenkouManager, concluded(), { clause: 'CONFIDENTIALITY', reference: '第2条' }, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第15条第3項' });
  });

  it('the text or the reference is needed (INVALID_VALUE, citing the clause’s item)', () => {
    expect(refusal(() => recordClause(kenkouManager, provision('APPROVED'), { clause: 'NO_COPYING', text: ' ', reference: '' }, NOW))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第15条第4項第3号',
      field: ['text'],
    });
  });

  it('第8号 must name an item the general manager required (INVALID_VALUE, 第15条第4項第8号)', () => {
    const p = provision('APPROVED', { requiredItems: [ITEM] });
    expect(refusal(() => recordClause(kenkouManager, p, { clause: 'OTHER', text: '何か' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', article: '第15条第4項第8号', field: ['requiredItemId'] });
    expect(refusal(() => recordClause(kenkouManager, p, { clause: 'OTHER', requiredItemId: 'nope', text: '何か' }, NOW))).toMatchObject({ field: ['requiredItemId'] });
    // Nothing was required: clause 8 has nothing to answer.
    expect(refusal(() => recordClause(kenkouManager, provision('APPROVED'), { clause: 'OTHER', requiredItemId: ITEM.id, text: '何か' }, NOW))).toMatchObject({ field: ['requiredItemId'] });
  });

  it('the other clauses must not name a required item (INVALID_VALUE)', () => {
    const p = provision('APPROVED', { requiredItems: [ITEM] });
    expect(refusal(() => recordClause(kenkouManager, p, { clause: 'DAMAGES', requiredItemId: ITEM.id, reference: '第9条' }, NOW))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第15条第4項第7号',
      field: ['requiredItemId'],
    });
  });

  it('only the providing department’s information manager keeps the record (WRONG_DEPARTMENT / FORBIDDEN)', () => {
    expect(refusal(() => recordClause(shiminManager, provision('APPROVED'), { clause: 'CONFIDENTIALITY', reference: '第2条' }, NOW))).toMatchObject({
      code: 'WRONG_DEPARTMENT',
      article: '第15条第4項第1号',
      field: ['provisionId'],
    });
    for (const who of [generalManager, administrator, actor('kenkou-staff', 'kenkou', ['STAFF', 'kenkou'])]) {
      expect(refusal(() => recordClause(who, provision('APPROVED'), { clause: 'CONFIDENTIALITY', reference: '第2条' }, NOW))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('第15条第3項・第4項: the agreement is concluded only when it holds every condition (concludeAgreement)', () => {
  const conclusion = { concludedOn: '2026-06-10', documentReference: ' 健推第123号 協定書 ' };

  it('with all seven conditions (and no required item) it is concluded, by whom and when', () => {
    const p = provision('APPROVED', { agreement: { clauses: allFixed() } });
    expect(concludeAgreement(kenkouManager, p, conclusion, NOW)).toEqual({
      clauses: allFixed(),
      documentReference: '健推第123号 協定書',
      concludedOn: '2026-06-10',
      concludedBy: 'kenkou-manager',
      concludedAt: NOW,
    });
  });

  it('with every required item answered too, it is concluded', () => {
    const p = provision('APPROVED', { requiredItems: [ITEM], agreement: { clauses: [...allFixed(), entry('OTHER', ITEM.id)] } });
    expect(concludeAgreement(kenkouManager, p, conclusion, NOW).concludedAt).toBe(NOW);
  });

  it.each(FIXED.map((c, i) => [c, i + 1] as const))('without %s it is refused (AGREEMENT_INCOMPLETE, 第15条第4項第%i号)', (clause, n) => {
    const p = provision('APPROVED', { agreement: { clauses: allFixed().filter((e) => e.clause !== clause) } });
    const r = refusal(() => concludeAgreement(kenkouManager, p, conclusion, NOW));
    expect(r).toMatchObject({ code: 'AGREEMENT_INCOMPLETE', article: `第15条第4項第${n}号`, field: ['clauses', clause] });
    expect(r.message).toContain(CLAUSE_TITLES[clause]);
  });

  it('several missing: the refusal cites the first missing item and names every one missing', () => {
    const p = provision('APPROVED', { agreement: { clauses: [entry('CONFIDENTIALITY'), entry('NO_COPYING'), entry('INSPECTION')] } });
    const r = refusal(() => concludeAgreement(kenkouManager, p, conclusion, NOW));
    expect(r).toMatchObject({ code: 'AGREEMENT_INCOMPLETE', article: '第15条第4項第2号' });
    for (const c of ['NO_OTHER_PURPOSE_OR_THIRD_PARTY', 'RETURN_OR_DISPOSAL', 'INCIDENT_REPORTING', 'DAMAGES'] as const) {
      expect(r.message).toContain(CLAUSE_TITLES[c]);
      expect(r.message).toContain(clauseArticle(c));
    }
    for (const c of ['CONFIDENTIALITY', 'NO_COPYING', 'INSPECTION'] as const) expect(r.message).not.toContain(CLAUSE_TITLES[c]);
  });

  it('with the seven present but an item the general manager required not answered: refused under 第15条第4項第8号, naming the item', () => {
    const p = provision('APPROVED', { requiredItems: [ITEM, ITEM2], agreement: { clauses: [...allFixed(), entry('OTHER', ITEM.id)] } });
    const r = refusal(() => concludeAgreement(kenkouManager, p, conclusion, NOW));
    expect(r).toMatchObject({ code: 'AGREEMENT_INCOMPLETE', article: '第15条第4項第8号', field: ['clauses', 'OTHER'] });
    expect(r.message).toContain('提供先での保管場所の限定');
    expect(r.message).not.toContain('再委託の禁止');
  });

  it.each(['DRAFT', 'SUBMITTED', 'RETURNED', 'REJECTED', 'WITHDRAWN'] as const)('a %s consultation leads to no agreement (INVALID_STATE, 第15条第3項)', (status) => {
    const p = provision(status, { agreement: { clauses: allFixed() } });
    expect(refusal(() => concludeAgreement(kenkouManager, p, conclusion, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第15条第3項' });
  });

  it('an agreement is concluded once (INVALID_STATE, 第15条第3項)', () => {
    expect(refusal(() => concludeAgreement(kenkouManager, concluded(), conclusion, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第15条第3項' });
  });

  it('the conclusion date and the signed document are stated (INVALID_VALUE)', () => {
    const p = provision('APPROVED', { agreement: { clauses: allFixed() } });
    expect(refusal(() => concludeAgreement(kenkouManager, p, { ...conclusion, concludedOn: '10 June' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['concludedOn'] });
    expect(refusal(() => concludeAgreement(kenkouManager, p, { ...conclusion, documentReference: '  ' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['documentReference'] });
  });

  it('an agreement is not recorded as concluded on a day still to come: data would count as provided before the agreement is exchanged (INVALID_VALUE, 第15条第3項)', () => {
    const p = provision('APPROVED', { agreement: { clauses: allFixed() } });
    // NOW is 2026-06-15 in Tokyo.
    expect(concludeAgreement(kenkouManager, p, { ...conclusion, concludedOn: '2026-06-15' }, NOW).concludedOn).toBe('2026-06-15');
    expect(refusal(() => concludeAgreement(kenkouManager, p, { ...conclusion, concludedOn: '2026-06-16' }, NOW))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第15条第3項',
      field: ['concludedOn'],
    });
  });

  it('only the providing department’s information manager concludes (WRONG_DEPARTMENT / FORBIDDEN, 第15条第3項)', () => {
    const p = provision('APPROVED', { agreement: { clauses: allFixed() } });
    expect(refusal(() => concludeAgreement(shiminManager, p, conclusion, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第15条第3項' });
    expect(refusal(() => concludeAgreement(generalManager, p, conclusion, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第15条第3項' });
  });
});

describe('第15条: where a provision stands (stage) — data is provided only once approved AND concluded', () => {
  it.each([
    ['DRAFT', 'CONSULTATION'],
    ['SUBMITTED', 'CONSULTATION'],
    ['RETURNED', 'CONSULTATION'],
    ['REJECTED', 'NOT_PROVIDED'],
    ['WITHDRAWN', 'NOT_PROVIDED'],
    ['APPROVED', 'AGREEMENT_PENDING'],
  ] as const)('a %s consultation without a concluded agreement is at %s, and nothing is provided', (status, expected) => {
    expect(stage(provision(status), NOW)).toBe(expected);
    expect(isProvided(provision(status))).toBe(false);
  });

  it('approved and concluded, within the period: PROVIDED', () => {
    expect(stage(concluded(), NOW)).toBe('PROVIDED');
    expect(stage(concluded(), '2026-06-30T14:59:59Z')).toBe('PROVIDED');
    expect(isProvided(concluded())).toBe(true);
  });

  it('approved and concluded, the period over by the Tokyo calendar, nothing returned: PERIOD_ENDED', () => {
    expect(stage(concluded(), '2026-06-30T15:00:00Z')).toBe('PERIOD_ENDED');
    expect(stage(concluded(), '2026-08-01T00:00:00Z')).toBe('PERIOD_ENDED');
  });

  it('returned or disposed of: CLOSED, whether or not the period has ended', () => {
    const rd = { kind: 'DISPOSAL' as const, on: '2026-06-20', method: '消去', recordedBy: 'kenkou-manager', recordedAt: NOW };
    expect(stage(concluded({ returnOrDisposal: rd }), NOW)).toBe('CLOSED');
    expect(stage(concluded({ returnOrDisposal: rd }), '2026-08-01T00:00:00Z')).toBe('CLOSED');
  });
});

describe('第15条第4項第4号–第6号: obligations recorded once the data is provided', () => {
  it('第4号: the return or disposal is recorded: kind, date, method, by whom', () => {
    expect(recordReturnOrDisposal(kenkouManager, concluded(), { kind: 'RETURN', on: '2026-06-14', method: ' 媒体を返還 ' }, NOW)).toEqual({
      kind: 'RETURN',
      on: '2026-06-14',
      method: '媒体を返還',
      recordedBy: 'kenkou-manager',
      recordedAt: NOW,
    });
  });

  it('第5号: an inspection is recorded with its findings, an item of its own counted on the provision', () => {
    const p = concluded();
    expect(recordInspection(kenkouManager, p, { on: '2026-06-12', findings: ' 施錠保管を確認 ' }, 'insp-1', NOW)).toEqual({
      child: { id: 'insp-1', provisionId: p.id, version: 1, on: '2026-06-12', findings: '施錠保管を確認', recordedBy: 'kenkou-manager', recordedAt: NOW },
      patch: { inspectionCount: 1 },
    });
  });

  it('第6号: an incident is recorded as reported', () => {
    expect(recordIncident(kenkouManager, concluded(), { occurredOn: '2026-06-10', reportedOn: '2026-06-10', description: ' USBメモリの紛失 ' }, 'inc-1', NOW)).toMatchObject({
      child: { id: 'inc-1', description: 'USBメモリの紛失' },
      patch: { incidentCount: 1 },
    });
  });

  const notProvided: [string, ExternalProvision][] = [
    ['a submitted consultation', provision('SUBMITTED')],
    ['an approved one whose agreement is not concluded', provision('APPROVED', { agreement: { clauses: allFixed() } })],
    ['a rejected one', provision('REJECTED')],
    ['a withdrawn one', provision('WITHDRAWN')],
  ];
  it.each(notProvided)('nothing is recorded on %s: nothing was provided (INVALID_STATE)', (_what, p) => {
    expect(refusal(() => recordReturnOrDisposal(kenkouManager, p, { kind: 'RETURN', on: '2026-06-14', method: '返還' }, NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第15条第4項第4号',
    });
    expect(refusal(() => recordInspection(kenkouManager, p, { on: '2026-06-12', findings: 'x' }, 'i', NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第15条第4項第5号' });
    expect(refusal(() => recordIncident(kenkouManager, p, { occurredOn: '2026-06-10', reportedOn: '2026-06-11', description: 'x' }, 'i', NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第15条第4項第6号',
    });
  });

  it('第4号: the return or disposal is recorded once (INVALID_STATE)', () => {
    const p = concluded({ returnOrDisposal: { kind: 'RETURN', on: '2026-07-01', method: '返還', recordedBy: 'kenkou-manager', recordedAt: NOW } });
    expect(refusal(() => recordReturnOrDisposal(kenkouManager, p, { kind: 'DISPOSAL', on: '2026-07-02', method: '消去' }, NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第15条第4項第4号',
    });
  });

  it('第4号: a return or disposal is not recorded before it has happened: the provision would be closed while the recipient still holds the data (INVALID_VALUE)', () => {
    // NOW is 2026-06-15 in Tokyo.
    expect(recordReturnOrDisposal(kenkouManager, concluded(), { kind: 'RETURN', on: '2026-06-15', method: '返還' }, NOW).on).toBe('2026-06-15');
    expect(refusal(() => recordReturnOrDisposal(kenkouManager, concluded(), { kind: 'RETURN', on: '2026-06-16', method: '返還' }, NOW))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第15条第4項第4号',
      field: ['on'],
    });
  });

  it.each([
    ['on is a date', { on: '7/1' }, ['on']],
    ['the method (方法) is stated', { method: ' ' }, ['method']],
    ['the data is not returned before the period began', { on: '2026-05-31' }, ['on']],
  ] as [string, object, string[]][])('第4号: %s (INVALID_VALUE)', (_rule, extra, field) => {
    expect(refusal(() => recordReturnOrDisposal(kenkouManager, concluded(), { kind: 'DISPOSAL', on: '2026-06-14', method: '消去', ...extra }, NOW))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第15条第4項第4号',
      field,
    });
  });

  it.each([
    ['on is a date', { on: '' }, ['on']],
    ['the findings are recorded', { findings: '  ' }, ['findings']],
  ] as [string, object, string[]][])('第5号: %s (INVALID_VALUE)', (_rule, extra, field) => {
    expect(refusal(() => recordInspection(kenkouManager, concluded(), { on: '2026-06-12', findings: '問題なし', ...extra }, 'i', NOW))).toMatchObject({
      code: 'INVALID_VALUE',
      article: '第15条第4項第5号',
      field,
    });
  });

  it.each([
    ['occurredOn is a date', { occurredOn: 'yesterday' }, ['occurredOn']],
    ['reportedOn is a date', { reportedOn: '2026-06-32' }, ['reportedOn']],
    ['an incident is reported after it occurred', { occurredOn: '2026-06-12', reportedOn: '2026-06-11' }, ['reportedOn']],
    ['the incident is described (事故の内容)', { description: '' }, ['description']],
  ] as [string, object, string[]][])('第6号: %s (INVALID_VALUE)', (_rule, extra, field) => {
    expect(
      refusal(() => recordIncident(kenkouManager, concluded(), { occurredOn: '2026-06-10', reportedOn: '2026-06-11', description: '紛失', ...extra }, 'i', NOW)),
    ).toMatchObject({ code: 'INVALID_VALUE', article: '第15条第4項第6号', field });
  });

  it('only the providing department’s information manager records them (WRONG_DEPARTMENT / FORBIDDEN)', () => {
    expect(refusal(() => recordReturnOrDisposal(shiminManager, concluded(), { kind: 'RETURN', on: '2026-06-14', method: '返還' }, NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT' });
    expect(refusal(() => recordInspection(administrator, concluded(), { on: '2026-06-12', findings: 'x' }, 'i', NOW))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(() => recordIncident(generalManager, concluded(), { occurredOn: '2026-06-10', reportedOn: '2026-06-11', description: 'x' }, 'i', NOW))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('第15条第4項: the obligations still open (openObligations)', () => {
  it('nothing is owed on data not provided', () => {
    expect(openObligations(provision('SUBMITTED'), NOW)).toEqual([]);
    expect(openObligations(provision('APPROVED', { agreement: { clauses: allFixed() } }), NOW)).toEqual([]);
    expect(openObligations(provision('REJECTED'), NOW)).toEqual([]);
  });

  it('within the period: return or disposal (第4号) is due at its end, not overdue; inspection (第5号) and incident reporting (第6号) stand', () => {
    const open = openObligations(concluded({ inspectionCount: 1 }), NOW);
    expect(open.map((o) => [o.clause, o.article, o.overdue])).toEqual([
      ['RETURN_OR_DISPOSAL', '第15条第4項第4号', false],
      ['INSPECTION', '第15条第4項第5号', false],
      ['INCIDENT_REPORTING', '第15条第4項第6号', false],
    ]);
    expect(open[0].note).toContain('2026-06-30');
    expect(open[1].note).toContain('1 inspection');
  });

  it('after the period (Tokyo calendar) with nothing returned or disposed of: 第4号 is overdue', () => {
    expect(openObligations(concluded(), '2026-06-30T14:59:59Z')[0].overdue).toBe(false);
    const after = openObligations(concluded(), '2026-06-30T15:00:00Z');
    expect(after[0]).toMatchObject({ clause: 'RETURN_OR_DISPOSAL', overdue: true });
    expect(after[0].note).toContain('2026-06-30');
    expect(after.slice(1).every((o) => !o.overdue)).toBe(true);
  });

  it('once returned or disposed of, nothing is open', () => {
    const rd = { kind: 'RETURN' as const, on: '2026-07-01', method: '返還', recordedBy: 'kenkou-manager', recordedAt: NOW };
    expect(openObligations(concluded({ returnOrDisposal: rd }), '2026-08-01T00:00:00Z')).toEqual([]);
  });
});
