/**
 * データの外部提供協議書 (様式第8号, 第15条) through the real Lambda handler: the consultation decided by the general
 * manager alone (第1項), the agreement (協定書等, 第3項) checked clause by clause against 第4項, data counted as
 * provided only once approved AND concluded, and the obligations after (第4号–第6号). Every refusal is a userError
 * citing its article and leaves the table exactly as it was.
 */
import { Api, movedBack, DRAFT_CONSULTATION, REGISTER_SYSTEM, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

/** The calendar date in Asia/Tokyo, `offsetDays` from today. */
function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const FIXED = ['CONFIDENTIALITY', 'NO_OTHER_PURPOSE_OR_THIRD_PARTY', 'NO_COPYING', 'RETURN_OR_DISPOSAL', 'INSPECTION', 'INCIDENT_REPORTING', 'DAMAGES'] as const;
const TITLES: Record<(typeof FIXED)[number], string> = {
  CONFIDENTIALITY: '秘密保持に関する事項',
  NO_OTHER_PURPOSE_OR_THIRD_PARTY: '目的外の使用及び第三者への提供の禁止に関する事項',
  NO_COPYING: '複写又は複製の禁止に関する事項',
  RETURN_OR_DISPOSAL: '使用期間終了後の返還又は廃棄の義務に関する事項',
  INSPECTION: '使用又は保管状況に係る検査に応じる義務に関する事項',
  INCIDENT_REPORTING: '滅失、き損等の事故発生時における報告義務に関する事項',
  DAMAGES: '損害賠償に関する事項',
};

const PROVISION_FIELDS = `id form status version stage title
  department { code } datasets { id } period { from until } includesPersonalInformation
  decision { outcome reason }
  requiredItems { itemId title }
  agreement { complete concludedOn documentReference clauses { clause article title present missingBecause requiredItem { itemId title } entry { text reference } } }
  openObligations { clause article overdue }
  returnOrDisposal { kind on method }
  inspections { on findings }
  incidents { occurredOn reportedOn description }
  inspectionCount incidentCount
  recordedInspections(first: 10) { nodes { on findings } pageInfo { hasNextPage } }
  reportedIncidents(first: 10) { nodes { occurredOn reportedOn description } pageInfo { hasNextPage } }
  viewerCanSubmit viewerCanWithdraw viewerCanDecide`;
const PAYLOAD = `provision { ${PROVISION_FIELDS} } userErrors { code message article field }`;
const CONSULT = `mutation($input: ConsultExternalProvisionInput!) { consultExternalProvision(input: $input) { ${PAYLOAD} } }`;
const CLAUSE = `mutation($input: RecordAgreementClauseInput!) { recordAgreementClause(input: $input) { ${PAYLOAD} } }`;
const CONCLUDE = `mutation($input: ConcludeAgreementInput!) { concludeAgreement(input: $input) { ${PAYLOAD} } }`;
const RETURN = `mutation($input: RecordReturnOrDisposalInput!) { recordReturnOrDisposal(input: $input) { ${PAYLOAD} } }`;
const INSPECT = `mutation($input: RecordInspectionInput!) { recordProvisionInspection(input: $input) { ${PAYLOAD} } }`;
const INCIDENT = `mutation($input: RecordIncidentInput!) { recordProvisionIncident(input: $input) { ${PAYLOAD} } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) {
  decideApplication(input: $input) { application { id status version ... on ExternalProvision { stage requiredItems { itemId title } } } userErrors { code message article field } }
}`;
const SUBMIT = `mutation($input: ApplicationTransitionInput!) { submitApplication(input: $input) { application { id status version } userErrors { code message article field } } }`;
const WITHDRAW = `mutation($input: ApplicationTransitionInput!) { withdrawApplication(input: $input) { application { id status version } userErrors { code message article field } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on ExternalProvision { ${PROVISION_FIELDS} auditTrail(first: 50) { nodes { action article actor { personId } } } } } }`;

type P = { id: string; version: number; status: string; stage: string; [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

function consultInput(extra: Record<string, unknown> = {}) {
  return {
    datasetIds: [gid('Dataset', 'demo-ds-yobou')],
    recipient: '宮城県 疾病・感染症対策課',
    recipientAbroad: false,
    includesPersonalInformation: true,
    purpose: '予防接種率の調査',
    items: ['接種年月日', '年齢'],
    method: '暗号化した電子媒体の手渡し',
    period: { from: tokyoDate(-1), until: tokyoDate(30) },
    legalBases: [{ kind: 'OTHER_PUBLIC_BODY' }, { kind: 'RECIPIENT_MEASURES' }],
    submit: true,
    ...extra,
  };
}

const consult = (extra: Record<string, unknown> = {}, who = 'kenkou-manager'): Promise<P> => ok(api, who, CONSULT, consultInput(extra));
const node = async (id: string, who = 'kenkou-manager'): Promise<P> => (await api.data(who, NODE, { id })).node;
const trail = (p: P) => p.auditTrail.nodes.map((n: { action: string }) => n.action);

async function approve(p: P, requiredClauses?: string[]): Promise<P> {
  await ok(api, 'fuku-shichou', DECIDE, { applicationId: p.id, expectedVersion: p.version, outcome: 'APPROVED', ...(requiredClauses ? { requiredClauses } : {}) });
  return node(p.id);
}

/** Records the clauses named (by reference) and returns the provision after. */
async function record(p: P, clauses: readonly string[]): Promise<P> {
  let current = p;
  for (const clause of clauses) {
    current = await ok(api, 'kenkou-manager', CLAUSE, { provisionId: p.id, expectedVersion: current.version, clause, reference: `協定書 ${clause}` });
  }
  return current;
}

async function recordItem(p: P, itemId: string): Promise<P> {
  return ok(api, 'kenkou-manager', CLAUSE, { provisionId: p.id, expectedVersion: p.version, clause: 'OTHER', requiredItemId: itemId, text: '受領者は再委託してはならない。' });
}

const conclusion = (p: P, extra: Record<string, unknown> = {}) => ({ provisionId: p.id, expectedVersion: p.version, concludedOn: tokyoDate(0), documentReference: '健推第1号 協定書', ...extra });

/** Consulted, approved, every clause recorded and the agreement concluded. */
async function provided(extra: Record<string, unknown> = {}): Promise<P> {
  const p = await record(await approve(await consult(extra)), FIXED);
  return ok(api, 'kenkou-manager', CONCLUDE, conclusion(p));
}

/** A period whose last day is today: once the clock has moved on a day (`endedSince`), it ended yesterday. */
const endsToday = { period: { from: tokyoDate(-60), until: tokyoDate(0) } };

/** The clock moves on a day: the provision as it stands, its period ended yesterday (第15条 あらかじめ allows no other way to it). */
async function endedSince(p: P): Promise<P> {
  await movedBack(api, 'ExternalProvision', p.id, 1);
  return node(p.id);
}

describe('第15条第1項: the information manager of the department holding the data consults in advance (様式第8号)', () => {
  it('健康推進課’s manager consults on its data: a consultation awaiting the general manager; nothing is provided yet', async () => {
    const p = await consult();
    expect(p).toMatchObject({
      form: 'FORM_8',
      status: 'SUBMITTED',
      stage: 'CONSULTATION',
      department: { code: 'kenkou' },
      datasets: [{ id: gid('Dataset', 'demo-ds-yobou') }],
      agreement: { complete: false, concludedOn: null },
      openObligations: [],
      viewerCanWithdraw: true,
      viewerCanDecide: false,
    });
    expect(p.agreement.clauses.map((c: { clause: string; article: string }) => [c.clause, c.article])).toEqual(FIXED.map((c, i) => [c, `第15条第4項第${i + 1}号`]));
    expect(await node(p.id, 'fuku-shichou')).toMatchObject({ viewerCanDecide: true });
    const inbox = await api.data('fuku-shichou', `{ myInbox(first: 100) { nodes { id form } } }`);
    expect(inbox.myInbox.nodes).toContainEqual({ id: p.id, form: 'FORM_8' });
  });

  it('data without personal information may be consulted on as such (デジタル推進課’s 公共施設一覧)', async () => {
    const p = await consult({ datasetIds: [gid('Dataset', 'demo-ds-shisetsu')], includesPersonalInformation: false, recipient: 'オープンデータ事業者' }, 'digital-manager');
    expect(p).toMatchObject({ status: 'SUBMITTED', department: { code: 'digital' }, includesPersonalInformation: false });
  });

  it.each([
    ['another department’s information manager does not consult on data it does not hold: WRONG_DEPARTMENT', 'shimin-manager', {}, 'WRONG_DEPARTMENT', '第15条第1項', ['datasetIds']],
    ['職員等 is not an information manager: FORBIDDEN', 'kenkou-staff', {}, 'FORBIDDEN', '第15条第1項', ['datasetIds']],
    ['the system administrator does not consult: FORBIDDEN', 'soumu-director', {}, 'FORBIDDEN', '第15条第1項', ['datasetIds']],
    ['one consultation provides one department’s data only', 'kenkou-manager', { datasetIds: [gid('Dataset', 'demo-ds-yobou'), gid('Dataset', 'demo-ds-juumin')] }, 'INVALID_VALUE', '第15条第1項', ['datasetIds']],
    ['personal information must be declared when a dataset holds it', 'kenkou-manager', { includesPersonalInformation: false }, 'INVALID_VALUE', '第15条第1項', ['includesPersonalInformation']],
    ['the recipient is named', 'kenkou-manager', { recipient: '  ' }, 'INVALID_VALUE', '第15条第1項', ['recipient']],
    ['the purpose is stated', 'kenkou-manager', { purpose: ' ' }, 'INVALID_VALUE', '第15条第1項', ['purpose']],
    ['the data items provided are listed (様式第8号)', 'kenkou-manager', { items: [] }, 'INVALID_VALUE', '第15条第1項', ['items']],
    ['the method of provision is stated (様式第8号)', 'kenkou-manager', { method: undefined }, 'INVALID_VALUE', '第15条第1項', ['method']],
    ['personal information is provided on a legal basis (個人情報の保護に関する法律第69条)', 'kenkou-manager', { legalBases: [] }, 'INVALID_VALUE', '個人情報の保護に関する法律第69条', ['legalBases']],
    ['a bare free text is no legal basis', 'kenkou-manager', { legalBases: [{ kind: 'OTHER_LAW', citation: 'なんとなく' }] }, 'INVALID_VALUE', '第15条第1項', ['legalBases', '0', 'citation']],
    ['a recipient abroad: 第71条 is among the bases', 'kenkou-manager', { recipientAbroad: true }, 'INVALID_VALUE', '個人情報の保護に関する法律第71条', ['legalBases']],
    ['第69条第2項第2号 is internal use, no basis for a provision outside', 'kenkou-manager', { legalBases: [{ kind: 'INTERNAL_USE' }] }, 'INVALID_VALUE', '個人情報の保護に関する法律第69条第2項第2号', ['legalBases', '0']],
    ['あらかじめ: a period that has ended is not consulted on', 'kenkou-manager', { period: { from: tokyoDate(-60), until: tokyoDate(-1) } }, 'INVALID_VALUE', '第15条第1項', ['period', 'until']],
    ['the period does not end before it starts', 'kenkou-manager', { period: { from: tokyoDate(3), until: tokyoDate(2) } }, 'INVALID_VALUE', '第15条第1項', ['period', 'until']],
    ['the dataset exists', 'kenkou-manager', { datasetIds: [gid('Dataset', 'nope')] }, 'NOT_FOUND', null, ['datasetIds']],
  ])('%s — refused, nothing written', async (_rule, who, extra, code, article, field) => {
    expect(await refused(api, who, CONSULT, consultInput(extra))).toEqual([expect.objectContaining({ code, article, field })]);
  });
});

describe('第15条第1項: only the general manager (総括管理責任者) decides', () => {
  it.each([
    ['the system administrator', 'soumu-director'],
    ['the consulting information manager', 'kenkou-manager'],
    ['another information manager', 'shimin-manager'],
    ['職員等', 'kenkou-staff'],
  ])('%s is refused (FORBIDDEN, 第15条第1項), nothing written', async (_who, who) => {
    const p = await consult();
    expect(await refused(api, who, DECIDE, { applicationId: p.id, expectedVersion: p.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', article: '第15条第1項' }),
    ]);
  });

  it('the general manager approves, requiring items of his own (第8号); each becomes a condition the agreement must hold', async () => {
    const p = await consult();
    const approved = await ok(api, 'fuku-shichou', DECIDE, { applicationId: p.id, expectedVersion: p.version, outcome: 'APPROVED', requiredClauses: ['再委託の禁止', '保管場所の限定'] });
    expect(approved).toMatchObject({ status: 'APPROVED', stage: 'AGREEMENT_PENDING' });
    expect(approved.requiredItems.map((i: { title: string }) => i.title)).toEqual(['再委託の禁止', '保管場所の限定']);
    const after = await node(p.id);
    expect(after.agreement.clauses.slice(7)).toEqual([
      expect.objectContaining({ clause: 'OTHER', article: '第15条第4項第8号', title: '再委託の禁止', present: false }),
      expect.objectContaining({ clause: 'OTHER', article: '第15条第4項第8号', title: '保管場所の限定', present: false }),
    ]);
    expect(trail(after)).toEqual(['externalProvision.drafted', 'externalProvision.submitted', 'externalProvision.approved']);
    expect(after.auditTrail.nodes[2]).toEqual({ action: 'externalProvision.approved', article: '第15条第1項', actor: { personId: 'fuku-shichou' } });
  });

  it('an item required twice is refused (DUPLICATE, 第15条第4項第8号); a stale version is STALE_VERSION; nothing written', async () => {
    const p = await consult();
    expect(await refused(api, 'fuku-shichou', DECIDE, { applicationId: p.id, expectedVersion: p.version, outcome: 'APPROVED', requiredClauses: ['再委託の禁止', '再委託の禁止'] })).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', article: '第15条第4項第8号', field: ['requiredClauses'] }),
    ]);
    expect(await refused(api, 'fuku-shichou', DECIDE, { applicationId: p.id, expectedVersion: p.version + 1, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'STALE_VERSION', field: ['expectedVersion'] }),
    ]);
  });

  it.each(['REJECTED', 'RETURNED'])('required items belong to an approval: with %s they are refused (INVALID_VALUE, 第15条第4項第8号)', async (outcome) => {
    const p = await consult();
    expect(await refused(api, 'fuku-shichou', DECIDE, { applicationId: p.id, expectedVersion: p.version, outcome, reason: '理由', requiredClauses: ['再委託の禁止'] })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第15条第4項第8号', field: ['requiredClauses'] }),
    ]);
  });

  it('required items belong to 様式第8号: on a 様式第6号 approval they are refused (INVALID_VALUE, 第15条第4項第8号)', async () => {
    const use = await ok(api, 'shimin-manager', `mutation($input: ApplyForDataUseInput!) { applyForDataUse(input: $input) { application { id version } userErrors { code } } }`, {
      datasetId: gid('Dataset', 'demo-ds-kenshin'),
      requestingDepartmentId: gid('Department', 'shimin'),
      purpose: '案内',
      items: ['氏名'],
      period: { from: tokyoDate(0), until: tokyoDate(10) },
      legalBases: [{ kind: 'INTERNAL_USE' }],
      submit: true,
    });
    expect(await refused(api, 'kenkou-manager', DECIDE, { applicationId: use.id, expectedVersion: use.version, outcome: 'APPROVED', requiredClauses: ['再委託の禁止'] })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第15条第4項第8号', field: ['requiredClauses'] }),
    ]);
  });

  it('required items belong to 様式第8号: on a 様式第1号 approval (decideApplication) they are refused (INVALID_VALUE, 第15条第4項第8号), and the system is not decided', async () => {
    const system = await ok(api, 'shimin-manager', REGISTER_SYSTEM, {
      name: '窓口予約システム',
      category: 'BUSINESS',
      network: 'INTERNAL',
      purposes: ['EFFICIENCY'],
      owningDepartmentId: gid('Department', 'shimin'),
    });
    const consultation = await ok(api, 'shimin-manager', DRAFT_CONSULTATION, { systemId: system.id, action: 'DECIDE', title: '決定の協議', details: '様式第1号', submit: true });
    const read = await api.data('soumu-director', `query($id: ID!) { node(id: $id) { ... on Consultation { version } } }`, { id: consultation.id });
    expect(await refused(api, 'soumu-director', DECIDE, { applicationId: consultation.id, expectedVersion: read.node.version, outcome: 'APPROVED', requiredClauses: ['再委託の禁止'] })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第15条第4項第8号', field: ['requiredClauses'] }),
    ]);
    const after = await api.data('soumu-director', `query($id: ID!) { node(id: $id) { ... on System { status } } }`, { id: system.id });
    expect(after.node.status).toBe('REGISTERED');
  });

  it('rejected (with its reason) or withdrawn: NOT_PROVIDED, and no agreement follows', async () => {
    const p = await consult();
    expect(await refused(api, 'fuku-shichou', DECIDE, { applicationId: p.id, expectedVersion: p.version, outcome: 'REJECTED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第15条第1項', field: ['reason'] }),
    ]);
    const rejected = await ok(api, 'fuku-shichou', DECIDE, { applicationId: p.id, expectedVersion: p.version, outcome: 'REJECTED', reason: '個人情報の提供は認められない' });
    expect(rejected).toMatchObject({ status: 'REJECTED', stage: 'NOT_PROVIDED' });
    expect(await refused(api, 'kenkou-manager', CLAUSE, { provisionId: p.id, expectedVersion: rejected.version, clause: 'CONFIDENTIALITY', reference: '第2条' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第3項' }),
    ]);

    const q = await consult();
    expect(await refused(api, 'fuku-shichou', WITHDRAW, { applicationId: q.id, expectedVersion: q.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    await ok(api, 'kenkou-manager', WITHDRAW, { applicationId: q.id, expectedVersion: q.version });
    const withdrawn = await node(q.id);
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', stage: 'NOT_PROVIDED', openObligations: [] });
    expect(await refused(api, 'fuku-shichou', DECIDE, { applicationId: q.id, expectedVersion: withdrawn.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第1項' }),
    ]);
  });

  it('returned for revision, resubmitted by the consulting manager, then approved; an approved consultation is not withdrawn', async () => {
    const p = await consult();
    const returned = await ok(api, 'fuku-shichou', DECIDE, { applicationId: p.id, expectedVersion: p.version, outcome: 'RETURNED', reason: '提供項目を限定すること' });
    expect(returned).toMatchObject({ status: 'RETURNED', stage: 'CONSULTATION' });
    expect(await refused(api, 'shimin-manager', SUBMIT, { applicationId: p.id, expectedVersion: returned.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const resubmitted = await ok(api, 'kenkou-manager', SUBMIT, { applicationId: p.id, expectedVersion: returned.version });
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED' });
    const approved = await ok(api, 'fuku-shichou', DECIDE, { applicationId: p.id, expectedVersion: resubmitted.version, outcome: 'APPROVED' });
    expect(approved).toMatchObject({ status: 'APPROVED', stage: 'AGREEMENT_PENDING' });
    expect(await refused(api, 'kenkou-manager', WITHDRAW, { applicationId: p.id, expectedVersion: approved.version })).toEqual([expect.objectContaining({ code: 'ALREADY_DECIDED' })]);
    expect(trail(await node(p.id))).toEqual([
      'externalProvision.drafted',
      'externalProvision.submitted',
      'externalProvision.returned',
      'externalProvision.submitted',
      'externalProvision.approved',
    ]);
  });
});

describe('第15条第3項: no agreement, and nothing provided, before the consultation is approved', () => {
  it('on a submitted consultation, every agreement and obligation record is refused (INVALID_STATE), nothing written', async () => {
    const p = await consult();
    const base = { provisionId: p.id, expectedVersion: p.version };
    expect(await refused(api, 'kenkou-manager', CLAUSE, { ...base, clause: 'CONFIDENTIALITY', reference: '第2条' })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第3項' })]);
    expect(await refused(api, 'kenkou-manager', CONCLUDE, conclusion(p))).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第3項' })]);
    expect(await refused(api, 'kenkou-manager', RETURN, { ...base, kind: 'RETURN', on: tokyoDate(0), method: '返還' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第4項第4号' }),
    ]);
    expect(await refused(api, 'kenkou-manager', INSPECT, { ...base, on: tokyoDate(0), findings: '問題なし' })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第4項第5号' })]);
    expect(await refused(api, 'kenkou-manager', INCIDENT, { ...base, occurredOn: tokyoDate(-2), reportedOn: tokyoDate(-1), description: '紛失' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第4項第6号' }),
    ]);
  });
});

describe('第15条第3項・第4項: the agreement, clause by clause, after approval', () => {
  let p: P;
  let item: { itemId: string; title: string };
  beforeAll(async () => {
    p = await approve(await consult(), ['再委託の禁止']);
    item = p.requiredItems[0];
  });

  it('approved but not concluded: AGREEMENT_PENDING; nothing is provided, so no obligation is open and none can be recorded', async () => {
    expect(p).toMatchObject({ stage: 'AGREEMENT_PENDING', openObligations: [], agreement: { complete: false } });
    const base = { provisionId: p.id, expectedVersion: p.version };
    expect(await refused(api, 'kenkou-manager', RETURN, { ...base, kind: 'DISPOSAL', on: tokyoDate(0), method: '消去' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第4項第4号' }),
    ]);
    expect(await refused(api, 'kenkou-manager', INSPECT, { ...base, on: tokyoDate(0), findings: 'x' })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第4項第5号' })]);
    expect(await refused(api, 'kenkou-manager', INCIDENT, { ...base, occurredOn: tokyoDate(0), reportedOn: tokyoDate(0), description: 'x' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第4項第6号' }),
    ]);
  });

  it.each([
    ['another department’s information manager: WRONG_DEPARTMENT', 'shimin-manager', {}, 'WRONG_DEPARTMENT', '第15条第4項第1号', ['provisionId']],
    ['the general manager does not keep the record: FORBIDDEN', 'fuku-shichou', {}, 'FORBIDDEN', '第15条第4項第1号', ['provisionId']],
    ['neither text nor reference', 'kenkou-manager', { reference: null, text: '  ' }, 'INVALID_VALUE', '第15条第4項第1号', ['text']],
    ['第8号 without naming the required item', 'kenkou-manager', { clause: 'OTHER' }, 'INVALID_VALUE', '第15条第4項第8号', ['requiredItemId']],
    ['第8号 naming an item never required', 'kenkou-manager', { clause: 'OTHER', requiredItemId: 'not-an-item' }, 'INVALID_VALUE', '第15条第4項第8号', ['requiredItemId']],
    ['a stale version', 'kenkou-manager', { expectedVersion: 1 }, 'STALE_VERSION', null, ['expectedVersion']],
  ])('recordAgreementClause refused — %s; nothing written', async (_rule, who, extra, code, article, field) => {
    const errors = await refused(api, who, CLAUSE, { provisionId: p.id, expectedVersion: p.version, clause: 'CONFIDENTIALITY', reference: '協定書第2条', ...extra });
    expect(errors).toEqual([expect.objectContaining({ code, article, field })]);
  });

  it('a clause other than 第8号 naming a required item is refused (INVALID_VALUE)', async () => {
    expect(await refused(api, 'kenkou-manager', CLAUSE, { provisionId: p.id, expectedVersion: p.version, clause: 'DAMAGES', requiredItemId: item.itemId, reference: '第9条' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第15条第4項第7号', field: ['requiredItemId'] }),
    ]);
  });

  it('with nothing recorded, concluding is refused (AGREEMENT_INCOMPLETE) citing 第1号 and naming every missing condition', async () => {
    const errors = await refused(api, 'kenkou-manager', CONCLUDE, conclusion(p));
    expect(errors).toEqual([expect.objectContaining({ code: 'AGREEMENT_INCOMPLETE', article: '第15条第4項第1号', field: ['clauses', 'CONFIDENTIALITY'] })]);
    for (const c of FIXED) expect(errors[0].message).toContain(TITLES[c]);
    expect(errors[0].message).toContain('再委託の禁止');
  });

  it('clauses recorded one by one: the check follows; 第7号 missing is refused under 第7号; then only the general manager’s item under 第8号; then concluded', async () => {
    p = await record(p, FIXED.filter((c) => c !== 'DAMAGES'));
    expect(p.agreement.clauses.filter((c: { present: boolean }) => !c.present).map((c: { article: string }) => c.article)).toEqual(['第15条第4項第7号', '第15条第4項第8号']);
    const missingDamages = await refused(api, 'kenkou-manager', CONCLUDE, conclusion(p));
    expect(missingDamages).toEqual([expect.objectContaining({ code: 'AGREEMENT_INCOMPLETE', article: '第15条第4項第7号' })]);
    expect(missingDamages[0].message).toContain('損害賠償に関する事項');
    expect(missingDamages[0].message).toContain('再委託の禁止');
    expect(missingDamages[0].message).not.toContain('秘密保持に関する事項');

    p = await record(p, ['DAMAGES']);
    const missingItem = await refused(api, 'kenkou-manager', CONCLUDE, conclusion(p));
    expect(missingItem).toEqual([expect.objectContaining({ code: 'AGREEMENT_INCOMPLETE', article: '第15条第4項第8号', field: ['clauses', 'OTHER'] })]);
    expect(missingItem[0].message).toContain('再委託の禁止');

    p = await recordItem(p, item.itemId);
    expect(p.agreement).toMatchObject({ complete: true, concludedOn: null });
    expect(p.agreement.clauses[7]).toMatchObject({ clause: 'OTHER', present: true, requiredItem: { itemId: item.itemId, title: '再委託の禁止' }, entry: { text: '受領者は再委託してはならない。' } });
    expect(p.stage).toBe('AGREEMENT_PENDING');

    expect(await refused(api, 'shimin-manager', CONCLUDE, conclusion(p))).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第15条第3項' })]);
    expect(await refused(api, 'fuku-shichou', CONCLUDE, conclusion(p))).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第15条第3項' })]);
    expect(await refused(api, 'kenkou-manager', CONCLUDE, conclusion(p, { expectedVersion: p.version - 1 }))).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    expect(await refused(api, 'kenkou-manager', CONCLUDE, conclusion(p, { documentReference: '  ' }))).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['documentReference'] })]);

    p = await ok(api, 'kenkou-manager', CONCLUDE, conclusion(p));
    expect(p).toMatchObject({ stage: 'PROVIDED', agreement: { complete: true, concludedOn: tokyoDate(0), documentReference: '健推第1号 協定書' } });
    expect(p.openObligations).toEqual([
      { clause: 'RETURN_OR_DISPOSAL', article: '第15条第4項第4号', overdue: false },
      { clause: 'INSPECTION', article: '第15条第4項第5号', overdue: false },
      { clause: 'INCIDENT_REPORTING', article: '第15条第4項第6号', overdue: false },
    ]);
    const actions = trail(await node(p.id));
    expect(actions.filter((a: string) => a === 'externalProvision.clauseRecorded')).toHaveLength(8);
    expect(actions.filter((a: string) => a === 'externalProvision.agreementConcluded')).toHaveLength(1);
  });

  it('after conclusion the clauses no longer change and the agreement is not concluded again (INVALID_STATE, 第15条第3項)', async () => {
    expect(await refused(api, 'kenkou-manager', CLAUSE, { provisionId: p.id, expectedVersion: p.version, clause: 'CONFIDENTIALITY', reference: '第20条' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第3項' }),
    ]);
    expect(await refused(api, 'kenkou-manager', CONCLUDE, conclusion(p))).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第3項' })]);
  });

  it('第4項第5号・第6号: inspections and incidents are recorded on provided data, by its department’s manager, on the version read', async () => {
    const base = () => ({ provisionId: p.id, expectedVersion: p.version });
    expect(await refused(api, 'shimin-manager', INSPECT, { ...base(), on: tokyoDate(0), findings: '問題なし' })).toEqual([
      expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第15条第4項第5号' }),
    ]);
    expect(await refused(api, 'kenkou-manager', INSPECT, { ...base(), expectedVersion: p.version - 1, on: tokyoDate(0), findings: '問題なし' })).toEqual([
      expect.objectContaining({ code: 'STALE_VERSION' }),
    ]);
    expect(await refused(api, 'kenkou-manager', INSPECT, { ...base(), on: tokyoDate(0), findings: '  ' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['findings'] })]);
    p = await ok(api, 'kenkou-manager', INSPECT, { ...base(), on: tokyoDate(0), findings: '施錠保管を確認' });
    expect(p.inspections).toEqual([{ on: tokyoDate(0), findings: '施錠保管を確認' }]);
    // Each inspection is an item of its own: listed by page, counted on the provision.
    expect(p.recordedInspections).toEqual({ nodes: [{ on: tokyoDate(0), findings: '施錠保管を確認' }], pageInfo: { hasNextPage: false } });
    expect(p.inspectionCount).toBe(1);

    expect(await refused(api, 'shimin-manager', INCIDENT, { ...base(), occurredOn: tokyoDate(0), reportedOn: tokyoDate(0), description: '紛失' })).toEqual([
      expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第15条第4項第6号' }),
    ]);
    expect(await refused(api, 'kenkou-manager', INCIDENT, { ...base(), expectedVersion: p.version - 1, occurredOn: tokyoDate(0), reportedOn: tokyoDate(0), description: '紛失' })).toEqual([
      expect.objectContaining({ code: 'STALE_VERSION' }),
    ]);
    expect(await refused(api, 'kenkou-manager', INCIDENT, { ...base(), occurredOn: tokyoDate(0), reportedOn: tokyoDate(-1), description: '紛失' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第15条第4項第6号', field: ['reportedOn'] }),
    ]);
    p = await ok(api, 'kenkou-manager', INCIDENT, { ...base(), occurredOn: tokyoDate(-1), reportedOn: tokyoDate(0), description: 'USBメモリの紛失' });
    expect(p.incidents).toEqual([{ occurredOn: tokyoDate(-1), reportedOn: tokyoDate(0), description: 'USBメモリの紛失' }]);
    expect(p.reportedIncidents.nodes).toEqual([{ occurredOn: tokyoDate(-1), reportedOn: tokyoDate(0), description: 'USBメモリの紛失' }]);
    expect(p).toMatchObject({ inspectionCount: 1, incidentCount: 1, stage: 'PROVIDED' });
    // Its audit event records the new incident only, not the provision twice over.
    const trail = await api.data('kenkou-manager', 'query($id: ID!) { node(id: $id) { ... on ExternalProvision { auditTrail(first: 50) { nodes { action before after } } } } }', { id: p.id });
    const reported = trail.node.auditTrail.nodes.find((e: { action: string }) => e.action === 'externalProvision.incidentReported');
    expect(reported).toMatchObject({ before: {}, after: { incident: { description: 'USBメモリの紛失' } } });
    expect(Object.keys(reported.after)).toEqual(['incident']);
  });

  it('第4項第4号: the return or disposal is recorded once, by its department’s manager, on the version read; then CLOSED with nothing open', async () => {
    const base = () => ({ provisionId: p.id, expectedVersion: p.version, kind: 'RETURN' });
    expect(await refused(api, 'shimin-manager', RETURN, { ...base(), on: tokyoDate(0), method: '返還' })).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第15条第4項第4号' })]);
    expect(await refused(api, 'fuku-shichou', RETURN, { ...base(), on: tokyoDate(0), method: '返還' })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第15条第4項第4号' })]);
    expect(await refused(api, 'kenkou-manager', RETURN, { ...base(), expectedVersion: p.version + 1, on: tokyoDate(0), method: '返還' })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    expect(await refused(api, 'kenkou-manager', RETURN, { ...base(), on: tokyoDate(-5), method: '返還' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第15条第4項第4号', field: ['on'] }),
    ]);
    expect(await refused(api, 'kenkou-manager', RETURN, { ...base(), on: tokyoDate(0), method: ' ' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['method'] })]);
    p = await ok(api, 'kenkou-manager', RETURN, { ...base(), on: tokyoDate(0), method: '電子媒体を返還し受領書を取得' });
    expect(p).toMatchObject({ stage: 'CLOSED', openObligations: [], returnOrDisposal: { kind: 'RETURN', on: tokyoDate(0), method: '電子媒体を返還し受領書を取得' } });
    expect(await refused(api, 'kenkou-manager', RETURN, { ...base(), kind: 'DISPOSAL', on: tokyoDate(0), method: '消去' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第15条第4項第4号' }),
    ]);
    const actions = trail(await node(p.id));
    expect(actions.slice(-3)).toEqual(['externalProvision.inspected', 'externalProvision.incidentReported', 'externalProvision.returned']);
  });
});

describe('様式第8号: its items, its method and its legal bases as law; 第15条 あらかじめ', () => {
  it('the items, the method and the bases are read back; the approval’s audit event cites the bases', async () => {
    const p = await consult({ recipientAbroad: true, legalBases: [{ kind: 'CONSENT_OR_TO_THE_PERSON' }, { kind: 'FOREIGN_RECIPIENT' }] });
    const read = (await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { ... on ExternalProvision { items method legalBases { kind citation } legalBasis } } }`, { id: p.id })).node;
    expect(read).toEqual({
      items: ['接種年月日', '年齢'],
      method: '暗号化した電子媒体の手渡し',
      legalBases: [
        { kind: 'CONSENT_OR_TO_THE_PERSON', citation: '個人情報の保護に関する法律第69条第2項第1号' },
        { kind: 'FOREIGN_RECIPIENT', citation: '個人情報の保護に関する法律第71条' },
      ],
      legalBasis: '個人情報の保護に関する法律第69条第2項第1号、個人情報の保護に関する法律第71条',
    });
    await approve(p);
    const events = (await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { ... on ExternalProvision { auditTrail(first: 10) { nodes { action article note } } } } }`, { id: p.id })).node.auditTrail.nodes;
    expect(events.at(-1)).toEqual({ action: 'externalProvision.approved', article: '第15条第1項', note: '根拠: 個人情報の保護に関する法律第69条第2項第1号、個人情報の保護に関する法律第71条' });
  });

  it('submitted while in force, it is not approved once its period has ended', async () => {
    const p = await endedSince(await consult(endsToday));
    expect(await refused(api, 'fuku-shichou', DECIDE, { applicationId: p.id, expectedVersion: p.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第15条第1項', field: ['period', 'until'] }),
    ]);
  });

  it('approved while in force, its agreement is not concluded once the period has ended (第15条第3項)', async () => {
    const p = await endedSince(await record(await approve(await consult(endsToday)), FIXED));
    expect(await refused(api, 'kenkou-manager', CONCLUDE, conclusion(p, { concludedOn: tokyoDate(-1) }))).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第15条第3項', field: ['period', 'until'] }),
    ]);
  });
});

describe('第15条第4項第4号: provisions past their period with nothing returned or disposed of', () => {
  const cases: Record<string, P> = {};
  beforeAll(async () => {
    cases['provided, period ended'] = await endedSince(await provided(endsToday));
    cases['provided, within period'] = await provided({ period: { from: tokyoDate(-10), until: tokyoDate(10) } });
    cases['provided, last day today'] = await provided({ period: { from: tokyoDate(-10), until: tokyoDate(0) } });
    cases['approved, not concluded, period ended'] = await endedSince(await approve(await consult(endsToday)));
    cases['submitted, period ended'] = await endedSince(await consult(endsToday));
    const disposed = await endedSince(await provided(endsToday));
    cases['provided, period ended, disposed of'] = await ok(api, 'kenkou-manager', RETURN, {
      provisionId: disposed.id,
      expectedVersion: disposed.version,
      kind: 'DISPOSAL',
      on: tokyoDate(0),
      method: '消去証明書を受領',
    });
  });

  it('each stands where the rules say', () => {
    expect(Object.fromEntries(Object.entries(cases).map(([k, v]) => [k, v.stage]))).toEqual({
      'provided, period ended': 'PERIOD_ENDED',
      'provided, within period': 'PROVIDED',
      'provided, last day today': 'PROVIDED',
      'approved, not concluded, period ended': 'AGREEMENT_PENDING',
      'submitted, period ended': 'CONSULTATION',
      'provided, period ended, disposed of': 'CLOSED',
    });
  });

  it('openObligations: overdue only once the period has ended with nothing returned; none when nothing was provided or all is closed', () => {
    const overdue = (name: string) => cases[name].openObligations.find((o: { clause: string }) => o.clause === 'RETURN_OR_DISPOSAL')?.overdue;
    expect(overdue('provided, period ended')).toBe(true);
    expect(overdue('provided, within period')).toBe(false);
    expect(overdue('provided, last day today')).toBe(false);
    for (const name of ['approved, not concluded, period ended', 'submitted, period ended', 'provided, period ended, disposed of']) {
      expect({ name, open: cases[name].openObligations }).toEqual({ name, open: [] });
    }
  });

  it('provisionsPastPeriod lists exactly the concluded provisions past their period with no return or disposal', async () => {
    const listed = (await api.data('soumu-director', `{ provisionsPastPeriod(first: 100) { nodes { id stage } } }`)).provisionsPastPeriod.nodes;
    expect(listed).toContainEqual({ id: cases['provided, period ended'].id, stage: 'PERIOD_ENDED' });
    for (const name of Object.keys(cases).filter((n) => n !== 'provided, period ended')) {
      expect({ name, listed: listed.some((n: { id: string }) => n.id === cases[name].id) }).toEqual({ name, listed: false });
    }
    // Exactly: every provision of this table at PERIOD_ENDED, and no other.
    const all: { id: string; stage: string }[] = [];
    for (const dept of ['kenkou', 'shimin', 'digital']) {
      const d = await api.data('soumu-director', `query($d: ID) { externalProvisions(first: 100, departmentId: $d) { nodes { id stage } } }`, { d: gid('Department', dept) });
      all.push(...d.externalProvisions.nodes);
    }
    const expected = all.filter((n) => n.stage === 'PERIOD_ENDED').map((n) => n.id).sort();
    expect(listed.map((n: { id: string }) => n.id).sort()).toEqual(expected);
    expect(listed.every((n: { stage: string }) => n.stage === 'PERIOD_ENDED')).toBe(true);
  });
});
