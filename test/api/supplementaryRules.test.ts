/**
 * 第35条に基づく定め through the real Lambda handler: the general manager sets numbered rules and new versions of
 * them; a version never changes; the register and a rule by its citation are read by every member of staff.
 */
import { Api, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const tokyoDate = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const GM = 'fuku-shichou';
const ERRORS = 'userErrors { code message article field }';
const RULE = `id number revision title body effectiveFrom citation status version establishedBy { personId } viewerCanRevise
  versions { revision status } auditTrail(first: 5) { nodes { action article } }`;
const ESTABLISH = `mutation($input: EstablishSupplementaryRuleInput!) { establishSupplementaryRule(input: $input) { supplementaryRule { ${RULE} } ${ERRORS} } }`;
const REVISE = `mutation($input: ReviseSupplementaryRuleInput!) { reviseSupplementaryRule(input: $input) { supplementaryRule { ${RULE} } ${ERRORS} } }`;
const CITED = `query($citation: String!) { supplementaryRule(citation: $citation) { id revision status } }`;

const establish = (title = '端末の画面ロックに関する定め') => ok(api, GM, ESTABLISH, { title, body: '端末は5分で画面をロックする。', effectiveFrom: tokyoDate(0) });

describe('第35条: この訓令の施行に関し必要な事項は、総括管理責任者が定める', () => {
  it('第35条: the general manager sets a rule; it takes the next number and is cited by it', async () => {
    const a = await establish('第一の定め');
    const b = await establish('第二の定め');
    expect(b.number).toBe(a.number + 1);
    expect(b).toMatchObject({ revision: 1, status: 'IN_FORCE', version: 1, establishedBy: { personId: GM }, viewerCanRevise: true, citation: `第35条に基づく定め第${b.number}号(第1版)` });
    expect(b.auditTrail.nodes).toEqual([{ action: 'supplementaryRule.established', article: '第35条' }]);
    const { supplementaryRules } = await api.data('shimin-staff', '{ supplementaryRules(first: 100) { nodes { id viewerCanRevise } } }');
    expect(supplementaryRules.nodes).toEqual(expect.arrayContaining([{ id: a.id, viewerCanRevise: false }, { id: b.id, viewerCanRevise: false }]));
  });

  it('第35条: the system administrator, an information manager and staff set no rule; nothing is written', async () => {
    for (const who of ['soumu-director', 'shimin-manager', 'shimin-staff']) {
      expect(await refused(api, who, ESTABLISH, { title: 't', body: 'b', effectiveFrom: tokyoDate(0) })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第35条' })]);
    }
  });
});

describe('第35条: a new version supersedes the one before from its effective date; versions never change', () => {
  it('a version effective next month is pending; the citation without a version reads the one in force, with one that version', async () => {
    const v1 = await establish();
    const v2 = await ok(api, GM, REVISE, { ruleId: v1.id, body: '端末は3分で画面をロックする。', effectiveFrom: tokyoDate(30) });
    expect(v2).toMatchObject({ number: v1.number, revision: 2, title: v1.title, body: '端末は3分で画面をロックする。', status: 'PENDING', versions: [{ revision: 1, status: 'IN_FORCE' }, { revision: 2, status: 'PENDING' }] });
    expect(v2.auditTrail.nodes).toEqual([{ action: 'supplementaryRule.revised', article: '第35条' }]);
    expect((await api.data('shimin-staff', CITED, { citation: `第${v1.number}号` })).supplementaryRule).toEqual({ id: v1.id, revision: 1, status: 'IN_FORCE' });
    expect((await api.data('shimin-staff', CITED, { citation: v2.citation })).supplementaryRule).toEqual({ id: v2.id, revision: 2, status: 'PENDING' });
    expect((await api.data('shimin-staff', CITED, { citation: `${v1.number}.9` })).supplementaryRule).toBeNull();
    // Version 1 stands as it was.
    const { node } = await api.data(GM, `query($id: ID!) { node(id: $id) { ... on SupplementaryRule { body version viewerCanRevise } } }`, { id: v1.id });
    expect(node).toEqual({ body: '端末は5分で画面をロックする。', version: 1, viewerCanRevise: false });
  });

  it('a revision of a version that is not the latest is told to reload; so is the loser of two revisions at once', async () => {
    const v1 = await establish();
    const input = (body: string) => ({ ruleId: v1.id, body, effectiveFrom: tokyoDate(1) });
    const answers = await Promise.all([api.data(GM, REVISE, { input: input('案A') }), api.data(GM, REVISE, { input: input('案B') })]);
    const payloads = answers.map((a) => a.reviseSupplementaryRule);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.find((p) => p.userErrors.length)?.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', article: '第35条', field: ['ruleId'] })]);
    expect(await refused(api, GM, REVISE, input('案C'))).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
  });

  it('a new version takes effect no earlier than the one before', async () => {
    const v1 = await establish();
    expect(await refused(api, GM, REVISE, { ruleId: v1.id, body: 'x', effectiveFrom: tokyoDate(-1) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['effectiveFrom'] })]);
  });

  it('text that cites no rule is a bad argument, in Japanese', async () => {
    const res = await api.gql('shimin-staff', CITED, { citation: '第3条' });
    expect(res.body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('第35条に基づく定め第3号(第2版)'), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });
});

describe('第35条: a decision cites the rules it rests on', () => {
  const DECIDE = `mutation($input: DecideApplicationInput!) {
    decideApplication(input: $input) {
      application { status decision { citedRules { id citation } } auditTrail(first: 10) { nodes { action note } } }
      ${ERRORS}
    }
  }`;

  /** A 様式第1号 of 市民課, submitted to the system administrator: its id and version. */
  async function submitted(name: string): Promise<{ id: string; version: number }> {
    const system = await ok(api, 'shimin-manager', `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id } ${ERRORS} } }`, {
      name, category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: Buffer.from('Department:shimin').toString('base64url'),
    });
    return ok(api, 'shimin-manager', `mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id version } ${ERRORS} } }`, {
      systemId: system.id, action: 'DECIDE', title: `${name}の導入`, details: '窓口の事務を効率化する。', submit: true,
    });
  }

  it('the version in force is cited (by number alone, or by its version); the decision shows it and its audit note names it', async () => {
    const rule = await establish('行政システム導入の審査基準');
    await ok(api, GM, REVISE, { ruleId: rule.id, body: '改正後の基準。', effectiveFrom: tokyoDate(30) });
    const a = await submitted('窓口予約システム');
    const decided = await ok(api, 'soumu-director', DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome: 'APPROVED', citedRules: [`第${rule.number}号`, rule.citation] });
    expect(decided.status).toBe('APPROVED');
    expect(decided.decision.citedRules).toEqual([{ id: rule.id, citation: rule.citation }]);
    expect(decided.auditTrail.nodes.at(-1)).toEqual({ action: 'consultation.approved', note: `根拠: ${rule.citation}` });
  });

  it('a version not yet in effect, a rule that does not exist and text that is no citation are refused, naming the entry; nothing is decided', async () => {
    const rule = await establish('端末の持出しに関する定め');
    const v2 = await ok(api, GM, REVISE, { ruleId: rule.id, body: '改正後。', effectiveFrom: tokyoDate(30) });
    const a = await submitted('電子申請システム');
    const decide = (citedRules: string[]) => refused(api, 'soumu-director', DECIDE, { applicationId: a.id, expectedVersion: a.version, outcome: 'APPROVED', citedRules });
    expect(await decide([rule.citation, v2.citation])).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第35条', field: ['citedRules', '1'], message: expect.stringContaining('から効力を生じます') }),
    ]);
    expect(await decide(['第999999号'])).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['citedRules', '0'] })]);
    expect(await decide(['内規'])).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第35条', field: ['citedRules', '0'] })]);
    const { node } = await api.data('soumu-director', `query($id: ID!) { node(id: $id) { ... on Consultation { status version } } }`, { id: a.id });
    expect(node).toEqual({ status: 'SUBMITTED', version: a.version });
  });
});
