/** 第35条: この訓令の施行に関し必要な事項は、総括管理責任者が定める — a register of numbered, versioned rules. */
import { RuleVersions, citationOf, citedInForce, citedRule, inForceOn, parseCitation, ruleActions, statusOf, supplementaryRules } from '../../functions/domain/supplementaryRules';
import { NOW, administrator, generalManager, refusal, shiminStaff } from '../support/domain';

const input = { title: '端末の画面ロックに関する定め', body: '端末は5分で画面をロックする。', effectiveFrom: '2026-04-01' };
const established = supplementaryRules.establish(generalManager, 2, input, NOW);
const first = established.record;
/** The versions kept beside rule 3 once it is set. */
const history1 = established.parts![0].value as RuleVersions;

describe('第35条: the general manager sets the rules', () => {
  it('第35条: a new rule takes the next number, version 1, set by the general manager', () => {
    const t = supplementaryRules.establish(generalManager, 2, input, NOW);
    expect(t.record).toMatchObject({ id: '3.1', number: 3, revision: 1, establishedBy: 'fuku-shichou', effectiveFrom: '2026-04-01', version: 1 });
    expect(t.changes).toEqual([expect.objectContaining({ kind: 'SupplementaryRule', before: undefined, action: 'supplementaryRule.established', article: '第35条' })]);
    // The versions kept beside it: new, so it must not exist yet (a second rule 3 racing it cannot land).
    expect(t.parts).toEqual([{ part: 'SupplementaryRuleVersions', value: { number: 3, revisions: [{ revision: 1, effectiveFrom: '2026-04-01' }], version: 1 }, expectedVersion: undefined }]);
  });

  it('第35条: no one else sets a rule or a version of it, not even the system administrator', () => {
    for (const actor of [administrator, shiminStaff]) {
      expect(refusal(() => supplementaryRules.establish(actor, 0, input, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第35条' });
      expect(refusal(() => supplementaryRules.revise(actor, first, history1, { body: 'x', effectiveFrom: '2026-07-01' }, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第35条' });
    }
  });

  it('a rule has a title, a text and an effective date', () => {
    expect(refusal(() => supplementaryRules.establish(generalManager, 0, { ...input, title: ' ' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['title'] });
    expect(refusal(() => supplementaryRules.establish(generalManager, 0, { ...input, body: '' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['body'] });
    expect(refusal(() => supplementaryRules.establish(generalManager, 0, { ...input, effectiveFrom: '2026-13-01' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['effectiveFrom'] });
  });
});

describe('第35条: versions are never changed; a new one supersedes the one before from its date', () => {
  const second = supplementaryRules.revise(generalManager, first, history1, { body: '端末は3分で画面をロックする。', effectiveFrom: '2026-07-01' }, NOW);
  const history2 = second.parts![0].value as RuleVersions;

  it('a revision is a new object (version 2 of the same number); the version before is not written', () => {
    expect(second.record).toMatchObject({ id: '3.2', number: 3, revision: 2, title: input.title, body: '端末は3分で画面をロックする。' });
    expect(second.changes).toEqual([expect.objectContaining({ before: undefined, action: 'supplementaryRule.revised', article: '第35条' })]);
    // The versions beside it are written at the version read: two revisions racing cannot both land.
    expect(second.parts).toEqual([{ part: 'SupplementaryRuleVersions', value: { number: 3, revisions: [{ revision: 1, effectiveFrom: '2026-04-01' }, { revision: 2, effectiveFrom: '2026-07-01' }], version: 2 }, expectedVersion: 1 }]);
  });

  it('only the latest version is revised: a revision of an older one is told to reload', () => {
    expect(refusal(() => supplementaryRules.revise(generalManager, first, history2, { body: 'x', effectiveFrom: '2026-08-01' }, NOW))).toMatchObject({ code: 'STALE_VERSION', field: ['ruleId'] });
    expect(ruleActions(generalManager, first, NOW, history2).revise).toBe(false);
    expect(ruleActions(generalManager, second.record, NOW, history2).revise).toBe(true);
    expect(ruleActions(administrator, second.record, NOW, history2).revise).toBe(false);
  });

  it('a new version takes effect no earlier than the one it supersedes', () => {
    expect(refusal(() => supplementaryRules.revise(generalManager, first, history1, { body: 'x', effectiveFrom: '2026-03-31' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['effectiveFrom'] });
  });

  it('the version in force on a day is the latest that has taken effect; the one after it is pending until its date', () => {
    const versions = history2.revisions;
    expect(inForceOn(versions, '2026-03-31')).toBeUndefined();
    expect(inForceOn(versions, '2026-06-30')?.revision).toBe(1);
    expect(inForceOn(versions, '2026-07-01')?.revision).toBe(2);
    expect(statusOf(first, history2, NOW)).toBe('IN_FORCE'); // NOW is 2026-06-15
    expect(statusOf(second.record, history2, NOW)).toBe('PENDING');
    expect(statusOf(first, history2, '2026-07-01T00:00:00+09:00')).toBe('SUPERSEDED');
  });
});

describe('第35条: a rule is cited as 第35条に基づく定め第N号(第M版)', () => {
  it('the citation of a version, and the forms a person writes read back', () => {
    expect(citationOf({ number: 3, revision: 2 })).toBe('第35条に基づく定め第3号(第2版)');
    expect(parseCitation('第35条に基づく定め第3号(第2版)')).toEqual({ number: 3, revision: 2 });
    expect(parseCitation('第３号（第２版）')).toEqual({ number: 3, revision: 2 });
    expect(parseCitation('3.2')).toEqual({ number: 3, revision: 2 });
    expect(parseCitation('第3号')).toEqual({ number: 3, revision: undefined });
    expect(parseCitation('3')).toEqual({ number: 3, revision: undefined });
  });

  it('text that cites no rule is no citation', () => {
    for (const text of ['', '第0号', '第3条', 'abc', '第3号(第0版)']) expect(parseCitation(text)).toBeUndefined();
    expect(refusal(() => citedRule('第3条'))).toMatchObject({ code: 'INVALID_VALUE', article: '第35条', field: ['citation'] });
    // One entry of the citations a record gives as its basis: quoted, naming that entry.
    expect(refusal(() => citedRule('内規', ['citedRules', 1]))).toMatchObject({ code: 'INVALID_VALUE', article: '第35条', field: ['citedRules', '1'], message: expect.stringContaining('「内規」は第35条に基づく定めの引用の形ではありません') });
  });
});

describe('第35条: a record cites the versions in force on its day', () => {
  const v1 = { ...first, id: '3.1', number: 3, revision: 1, effectiveFrom: '2026-04-01' };
  const v2 = { ...first, id: '3.2', number: 3, revision: 2, effectiveFrom: '2026-06-01' };
  const v3 = { ...first, id: '3.3', number: 3, revision: 3, effectiveFrom: '2026-07-01' };
  const history: RuleVersions = { number: 3, version: 3, revisions: [v1, v2, v3].map(({ revision, effectiveFrom }) => ({ revision, effectiveFrom })) };

  it('the version in force is cited, each once, in the order given', () => {
    expect(citedInForce([{ rule: v2, history }, { rule: v2, history }], NOW, 'citedRules')).toEqual(['3.2']);
  });

  it('a superseded version is refused naming the version in force; one not yet in effect, naming its day in 和暦', () => {
    expect(refusal(() => citedInForce([{ rule: v1, history }], NOW, 'citedRules'))).toMatchObject({
      code: 'INVALID_VALUE', article: '第35条', field: ['citedRules', '0'], ja: expect.stringContaining('効力を有する第35条に基づく定め第3号(第2版)を引用してください'),
    });
    expect(refusal(() => citedInForce([{ rule: v2, history }, { rule: v3, history }], NOW, 'citedRules'))).toMatchObject({
      code: 'INVALID_VALUE', field: ['citedRules', '1'], ja: '第35条に基づく定め第3号(第3版)は令和8年7月1日から効力を生じます。まだ根拠にはできません。',
    });
  });
});
