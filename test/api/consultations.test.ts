/**
 * Consultations on forms 1–3 through the real Lambda handler and DynamoDB Local: filed by the information manager
 * (第7条–第9条), decided by the system administrator, and, when approved, taking effect on the system(s) in the same
 * transaction. A refused mutation is a userError citing its article, and writes nothing.
 */
import { tokyoDate } from '../../functions/domain/people';
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const CONSULTATION = `id form action article status version title details submittedAt withdrawnAt createdAt
  viewerCanEdit viewerCanSubmit viewerCanWithdraw viewerCanDecide
  decision { outcome reason conditions decidedAt decidedBy { personId } actingFor { personId } }
  applicant { personId } applicantDepartment { code }
  system { id name status version network purposes decidedAt installedAt abolishedAt connectedSystems { id } }
  connectSystem { id }
  proposedChanges { name network purposes description processingDepartments { code } }`;
const ERRORS = 'userErrors { code message article field }';

const DRAFT = `mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { ${CONSULTATION} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateConsultationInput!) { updateConsultation(input: $input) { consultation { ${CONSULTATION} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: ConsultationTransitionInput!) { submitConsultation(input: $input) { consultation { ${CONSULTATION} } ${ERRORS} } }`;
const WITHDRAW = `mutation($input: ConsultationTransitionInput!) { withdrawConsultation(input: $input) { consultation { ${CONSULTATION} } ${ERRORS} } }`;
const DECIDE = `mutation($input: DecideConsultationInput!) { decideConsultation(input: $input) { consultation { ${CONSULTATION} } ${ERRORS} } }`;
const REGISTER = `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id version status } ${ERRORS} } }`;
const ACTING = `mutation($input: DesignateActingPersonInput!) { designateActingPerson(input: $input) { person { personId currentRoles { role department { code } } } ${ERRORS} } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Consultation { ${CONSULTATION} } } }`;
const SYSTEM = `query($id: ID!) { node(id: $id) { ... on System { id name status version network purposes installedAt abolishedAt
  connectedSystems { id name category } auditTrail(first: 100) { nodes { action article note actor { personId } } } } } }`;
const INBOX = `{ myInbox(first: 100) { nodes { id title viewerCanDecide } } }`;
const MINE = `{ myApplications(first: 100) { nodes { id title createdAt applicant { personId } } } }`;

type Consultation = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const file = (personId: string, input: Record<string, unknown>) => ok(api, personId, DRAFT, { submit: true, ...input });
const decide = (c: Consultation, outcome: string, extra: Record<string, unknown> = {}, personId = 'soumu-director') =>
  ok(api, personId, DECIDE, { consultationId: c.id, expectedVersion: c.version, outcome, ...extra });
const asViewer = async (personId: string, id: string): Promise<Consultation> => (await api.data(personId, NODE, { id })).node;
const systemAs = async (key: string, personId = 'soumu-director') => (await api.data(personId, SYSTEM, { id: gid('System', key) })).node;
const inbox = async (personId: string) => (await api.data(personId, INBOX)).myInbox.nodes as { id: string; viewerCanDecide: boolean }[];

let counter = 0;
/** A new 業務系 system of 市民課, registered and awaiting its 様式第1号 decision. */
async function registered(purposes: string[] = ['CITIZEN_WELFARE']): Promise<string> {
  const data = await api.data('shimin-manager', REGISTER, {
    input: { name: `市民課 新システム ${++counter}`, category: 'BUSINESS', network: 'INTERNAL', purposes, owningDepartmentId: gid('Department', 'shimin') },
  });
  expect(data.registerSystem.userErrors).toEqual([]);
  return data.registerSystem.system.id;
}

const flags = (c: Consultation) => ({ edit: c.viewerCanEdit, submit: c.viewerCanSubmit, withdraw: c.viewerCanWithdraw, decide: c.viewerCanDecide });
const NONE = { edit: false, submit: false, withdraw: false, decide: false };

describe('第8条: 様式第2号 行政システムの設置等の協議書', () => {
  it('install: 健康推進課長 files for the decided 健診オンライン予約; approval installs it', async () => {
    const c = await file('kenkou-manager', {
      systemId: gid('System', 'demo-kenshin-yoyaku'),
      action: 'INSTALL',
      title: '健診オンライン予約の設置',
      details: '令和8年10月から市民向けに公開する。',
      plannedOn: '2026-10-01',
    });
    expect(c).toMatchObject({ form: 'FORM_2', article: '第8条', action: 'INSTALL', status: 'SUBMITTED', applicantDepartment: { code: 'kenkou' }, system: { status: 'DECIDED' } });
    const approved = await decide(c, 'APPROVED');
    expect(approved).toMatchObject({ status: 'APPROVED', decision: { outcome: 'APPROVED', decidedBy: { personId: 'soumu-director' } }, system: { status: 'INSTALLED' } });
    expect(typeof approved.system.installedAt).toBe('string');
    expect((await systemAs('demo-kenshin-yoyaku')).auditTrail.nodes.at(-1)).toMatchObject({
      action: 'system.installApproved',
      article: '第8条',
      actor: { personId: 'soumu-director' },
    });
  });

  it('install: an installed system is not installed again (INVALID_STATE)', async () => {
    const errors = await refused(api, 'shimin-manager', DRAFT, { systemId: gid('System', 'demo-juumin'), action: 'INSTALL', title: '再設置', details: '再設置', submit: true });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第8条' })]);
  });

  it('change: the proposed changes take effect on approval, not before', async () => {
    const c = await file('kenkou-manager', {
      systemId: gid('System', 'demo-kenshin-yoyaku'),
      action: 'CHANGE',
      title: 'がん検診の予約を追加',
      details: 'がん検診の予約も受け付ける。',
      proposedChanges: { name: '健診・がん検診オンライン予約', purposes: ['CITIZEN_WELFARE', 'LABOUR_REDUCTION', 'EFFICIENCY'] },
    });
    expect(c).toMatchObject({ form: 'FORM_2', action: 'CHANGE', proposedChanges: { name: '健診・がん検診オンライン予約' }, system: { name: '健診オンライン予約' } });
    const approved = await decide(c, 'APPROVED', { conditions: ['公開前に脆弱性診断を受けること'] });
    expect(approved).toMatchObject({
      decision: { conditions: ['公開前に脆弱性診断を受けること'] },
      system: { name: '健診・がん検診オンライン予約', purposes: ['CITIZEN_WELFARE', 'LABOUR_REDUCTION', 'EFFICIENCY'], status: 'INSTALLED' },
    });
    expect((await systemAs('demo-kenshin-yoyaku')).auditTrail.nodes.at(-1)).toMatchObject({ action: 'system.changeApproved', article: '第8条' });
  });

  it('change: the processing departments a 様式第2号 proposes are read back as departments, and null when it leaves them alone', async () => {
    const c = await file('kenkou-manager', {
      systemId: gid('System', 'demo-kenshin-yoyaku'),
      action: 'CHANGE',
      title: '市民課の窓口予約も処理する',
      details: '市民課の窓口予約の業務も処理する。',
      proposedChanges: { processingDepartmentIds: [gid('Department', 'kenkou'), gid('Department', 'shimin')] },
    });
    expect(c.proposedChanges.processingDepartments.map((d: { code: string }) => d.code).sort()).toEqual(['kenkou', 'shimin']);
    expect((await asViewer('soumu-director', c.id)).proposedChanges.processingDepartments).toHaveLength(2);
    const other = await file('kenkou-manager', { systemId: gid('System', 'demo-kenshin-yoyaku'), action: 'CHANGE', title: '名称のみ', details: '名称のみ変更する。', proposedChanges: { description: '概要のみ' } });
    expect(other.proposedChanges.processingDepartments).toBeNull();
    await ok(api, 'kenkou-manager', WITHDRAW, { consultationId: c.id, expectedVersion: c.version });
    await ok(api, 'kenkou-manager', WITHDRAW, { consultationId: other.id, expectedVersion: other.version });
  });

  it('change: only a change proposes changes (INVALID_VALUE)', async () => {
    const errors = await refused(api, 'kenkou-manager', DRAFT, {
      systemId: gid('System', 'demo-hoken'),
      action: 'ABOLISH',
      title: '廃止',
      details: '廃止',
      proposedChanges: { name: '別名' },
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第8条', field: ['proposedChanges'] })]);
  });

  it('abolish: approval abolishes it; an abolished system is not changed afterwards', async () => {
    const c = await file('kenkou-manager', { systemId: gid('System', 'demo-kenshin-yoyaku'), action: 'ABOLISH', title: '健診予約の廃止', details: '県の共同システムへ移行する。' });
    const approved = await decide(c, 'APPROVED');
    expect(approved).toMatchObject({ status: 'APPROVED', system: { status: 'ABOLISHED' } });
    expect(typeof approved.system.abolishedAt).toBe('string');
    const errors = await refused(api, 'kenkou-manager', DRAFT, {
      systemId: gid('System', 'demo-kenshin-yoyaku'),
      action: 'CHANGE',
      title: '廃止後の変更',
      details: 'x',
      proposedChanges: { network: 'INTERNAL' },
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第8条' })]);
  });

  it('abolish: 様式第2号 abolishes a system already installed (既に設置している行政システムを…廃止); a decided, uninstalled one is refused (INVALID_STATE)', async () => {
    const systemId = await registered();
    await decide(await file('shimin-manager', { systemId, action: 'DECIDE', title: '決定のみ', details: 'x' }), 'APPROVED');
    const errors = await refused(api, 'shimin-manager', DRAFT, { systemId, action: 'ABOLISH', title: '未設置システムの廃止', details: 'x', submit: true });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第8条' })]);
  });

  it('第8条: another department’s manager does not file for the system (WRONG_DEPARTMENT)', async () => {
    const errors = await refused(api, 'shimin-manager', DRAFT, { systemId: gid('System', 'demo-hoken'), action: 'ABOLISH', title: '他課の廃止', details: 'x' });
    expect(errors).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第8条' })]);
  });
});

describe('第9条: 様式第3号 ネットワークシステム接続の協議書', () => {
  it('グループウェア (情報系) with 住民情報システム (業務系): approval records the connection on both systems', async () => {
    const c = await file('digital-manager', {
      systemId: gid('System', 'demo-groupware'),
      connectSystemId: gid('System', 'demo-juumin'),
      action: 'CONNECT',
      title: 'グループウェアと住民情報システムの接続',
      details: '窓口予約の通知を連携する。',
    });
    expect(c).toMatchObject({ form: 'FORM_3', article: '第9条', action: 'CONNECT', connectSystem: { id: gid('System', 'demo-juumin') }, applicantDepartment: { code: 'digital' } });
    await decide(c, 'APPROVED');
    const groupware = await systemAs('demo-groupware');
    const juumin = await systemAs('demo-juumin');
    expect(groupware.connectedSystems).toEqual([{ id: juumin.id, name: '住民情報システム', category: 'BUSINESS' }]);
    expect(juumin.connectedSystems).toEqual([{ id: groupware.id, name: 'グループウェア', category: 'INFORMATION' }]);
    for (const s of [groupware, juumin]) expect(s.auditTrail.nodes.at(-1)).toMatchObject({ action: 'system.connectApproved', article: '第9条' });
  });

  it.each([
    {
      rule: 'systems already connected are not connected twice (DUPLICATE)',
      personId: 'shimin-manager',
      from: 'demo-juumin',
      to: 'demo-groupware',
      title: '再接続',
      code: 'DUPLICATE',
    },
    {
      rule: '業務系 with 業務系 is not a connection under 第9条 (INVALID_CONNECTION)',
      personId: 'kenkou-manager',
      from: 'demo-hoken',
      to: 'demo-juumin',
      title: '業務系同士',
      code: 'INVALID_CONNECTION',
    },
    {
      rule: 'a system is not connected to itself (INVALID_CONNECTION)',
      personId: 'digital-manager',
      from: 'demo-groupware',
      to: 'demo-groupware',
      title: '自己接続',
      code: 'INVALID_CONNECTION',
    },
    {
      rule: 'the manager of neither system’s department does not file it (WRONG_DEPARTMENT)',
      personId: 'kyouiku-manager',
      from: 'demo-homepage',
      to: 'demo-hoken',
      title: '他課の接続',
      code: 'WRONG_DEPARTMENT',
    },
  ])('$rule', async ({ personId, from, to, title, code }) => {
    const errors = await refused(api, personId, DRAFT, {
      systemId: gid('System', from),
      connectSystemId: gid('System', to),
      action: 'CONNECT',
      title,
      details: 'x',
    });
    expect(errors).toEqual([expect.objectContaining({ code, article: '第9条' })]);
  });

  it('様式第3号 names the system to connect to (INVALID_VALUE)', async () => {
    const errors = await refused(api, 'digital-manager', DRAFT, { systemId: gid('System', 'demo-groupware'), action: 'CONNECT', title: '接続先なし', details: 'x' });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第9条', field: ['connectSystemId'] })]);
  });
});

describe('第7条・第6条: 様式第1号 and the shared workflow', () => {
  it('第6条: a system serving none of the purposes cannot be submitted for decision (MISSING_PURPOSE)', async () => {
    const systemId = await registered([]);
    const errors = await refused(api, 'shimin-manager', DRAFT, { systemId, action: 'DECIDE', title: '目的なし', details: 'x', submit: true });
    expect(errors).toEqual([expect.objectContaining({ code: 'MISSING_PURPOSE', article: '第6条', field: ['purposes'] })]);
  });

  it('第7条: another department’s manager does not file the decision (WRONG_DEPARTMENT)', async () => {
    const systemId = await registered();
    const errors = await refused(api, 'kenkou-manager', DRAFT, { systemId, action: 'DECIDE', title: '他課', details: 'x' });
    expect(errors).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第7条' })]);
  });

  it('returned for revision with a reason → revised → resubmitted → approved: the system is decided', async () => {
    const systemId = await registered();
    const c = await file('shimin-manager', { systemId, action: 'DECIDE', title: '窓口番号案内の導入', details: '待ち時間を表示する。' });
    expect(c).toMatchObject({ form: 'FORM_1', article: '第7条', status: 'SUBMITTED' });

    expect(await refused(api, 'shimin-manager', UPDATE, { consultationId: c.id, expectedVersion: c.version, details: '提出後の修正' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE' }),
    ]);
    expect(await refused(api, 'soumu-director', DECIDE, { consultationId: c.id, expectedVersion: c.version, outcome: 'RETURNED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', article: '第7条', field: ['reason'] }),
    ]);

    const returned = await decide(c, 'RETURNED', { reason: '経費の見積りを添付してください。' });
    expect(returned).toMatchObject({
      status: 'RETURNED',
      decision: { outcome: 'RETURNED', reason: '経費の見積りを添付してください。', decidedBy: { personId: 'soumu-director' } },
      system: { status: 'REGISTERED' },
    });
    expect(flags(await asViewer('shimin-manager', c.id))).toEqual({ edit: true, submit: true, withdraw: true, decide: false });
    expect(flags(await asViewer('soumu-director', c.id))).toEqual(NONE);
    expect((await inbox('soumu-director')).map((n) => n.id)).not.toContain(c.id);

    const revised = await ok(api, 'shimin-manager', UPDATE, { consultationId: c.id, expectedVersion: returned.version, details: '待ち時間を表示する。見積り: 別添のとおり。' });
    expect(revised).toMatchObject({ status: 'RETURNED', details: '待ち時間を表示する。見積り: 別添のとおり。', version: returned.version + 1 });

    const resubmitted = await ok(api, 'shimin-manager', SUBMIT, { consultationId: c.id, expectedVersion: revised.version });
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', decision: null });
    expect(await inbox('soumu-director')).toContainEqual({ id: c.id, title: '窓口番号案内の導入', viewerCanDecide: true });

    const approved = await decide(resubmitted, 'APPROVED');
    expect(approved).toMatchObject({ status: 'APPROVED', decision: { outcome: 'APPROVED', reason: null }, system: { status: 'DECIDED' } });
    const trail = await api.data('soumu-director', `query($id: ID!) { auditTrail(objectId: $id, first: 20) { nodes { action article } } }`, { id: c.id });
    expect(trail.auditTrail.nodes).toEqual([
      { action: 'consultation.drafted', article: '第7条' },
      { action: 'consultation.submitted', article: '第7条' },
      { action: 'consultation.returned', article: '第7条' },
      { action: 'consultation.revised', article: '第7条' },
      { action: 'consultation.submitted', article: '第7条' },
      { action: 'consultation.approved', article: '第7条' },
    ]);
  });

  it('a rejection needs its reason; conditions belong to an approval; a rejected application is not decided again', async () => {
    const systemId = await registered();
    const c = await file('shimin-manager', { systemId, action: 'DECIDE', title: '不承認となる協議', details: '効果が不明。' });
    for (const extra of [{}, { reason: '   ' }]) {
      expect(await refused(api, 'soumu-director', DECIDE, { consultationId: c.id, expectedVersion: c.version, outcome: 'REJECTED', ...extra })).toEqual([
        expect.objectContaining({ code: 'INVALID_VALUE', article: '第7条', field: ['reason'] }),
      ]);
    }
    expect(
      await refused(api, 'soumu-director', DECIDE, { consultationId: c.id, expectedVersion: c.version, outcome: 'REJECTED', reason: '費用対効果が不明', conditions: ['再検討'] }),
    ).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第7条', field: ['conditions'] })]);

    const rejected = await decide(c, 'REJECTED', { reason: '費用対効果が不明' });
    expect(rejected).toMatchObject({ status: 'REJECTED', decision: { outcome: 'REJECTED', reason: '費用対効果が不明', conditions: [] }, system: { status: 'REGISTERED' } });
    expect(flags(await asViewer('shimin-manager', rejected.id))).toEqual(NONE);
    expect(await refused(api, 'soumu-director', DECIDE, { consultationId: c.id, expectedVersion: rejected.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'ALREADY_DECIDED', article: '第7条' }),
    ]);
    expect(await refused(api, 'shimin-manager', WITHDRAW, { consultationId: c.id, expectedVersion: rejected.version })).toEqual([
      expect.objectContaining({ code: 'ALREADY_DECIDED' }),
    ]);
  });

  it('withdraw: only the applicant, with the current version; then nothing more happens to it', async () => {
    const systemId = await registered();
    const c = await file('shimin-manager', { systemId, action: 'DECIDE', title: '取り下げる協議', details: '計画見直し。' });
    expect(await refused(api, 'kenkou-manager', WITHDRAW, { consultationId: c.id, expectedVersion: c.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await refused(api, 'soumu-director', WITHDRAW, { consultationId: c.id, expectedVersion: c.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await refused(api, 'shimin-manager', WITHDRAW, { consultationId: c.id, expectedVersion: c.version - 1 })).toEqual([
      expect.objectContaining({ code: 'STALE_VERSION', field: ['expectedVersion'] }),
    ]);

    const withdrawn = await ok(api, 'shimin-manager', WITHDRAW, { consultationId: c.id, expectedVersion: c.version });
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', decision: null, system: { status: 'REGISTERED' } });
    expect(typeof withdrawn.withdrawnAt).toBe('string');
    expect(flags(withdrawn)).toEqual(NONE);
    expect((await inbox('soumu-director')).map((n) => n.id)).not.toContain(c.id);
    expect(await refused(api, 'shimin-manager', WITHDRAW, { consultationId: c.id, expectedVersion: withdrawn.version })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE' }),
    ]);
    expect(await refused(api, 'shimin-manager', SUBMIT, { consultationId: c.id, expectedVersion: withdrawn.version })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE' }),
    ]);
    expect(await refused(api, 'soumu-director', DECIDE, { consultationId: c.id, expectedVersion: withdrawn.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第7条' }),
    ]);
  });

  it('withdrawing an approved application is refused (ALREADY_DECIDED)', async () => {
    const systemId = await registered();
    const approved = await decide(await file('shimin-manager', { systemId, action: 'DECIDE', title: '承認後の取下げ', details: 'x' }), 'APPROVED');
    expect(await refused(api, 'shimin-manager', WITHDRAW, { consultationId: approved.id, expectedVersion: approved.version })).toEqual([
      expect.objectContaining({ code: 'ALREADY_DECIDED' }),
    ]);
  });

  it.each([
    ['the general manager (総括管理責任者)', 'fuku-shichou'],
    ['an information manager', 'kenkou-manager'],
    ['the applicant', 'shimin-manager'],
    ['staff (職員等)', 'shimin-staff'],
  ])('only the system administrator decides: %s cannot (FORBIDDEN, 第7条)', async (_who, personId) => {
    const systemId = await registered();
    const c = await file('shimin-manager', { systemId, action: 'DECIDE', title: `${personId} は決裁できない`, details: 'x' });
    expect(await refused(api, personId, DECIDE, { consultationId: c.id, expectedVersion: c.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', article: '第7条' }),
    ]);
    expect((await asViewer(personId, c.id)).viewerCanDecide).toBe(false);
  });

  it('only the system administrator decides 様式第2号 and 様式第3号 too (FORBIDDEN, 第8条 / 第9条)', async () => {
    const change = await file('shimin-manager', { systemId: gid('System', 'demo-juumin'), action: 'CHANGE', title: '変更', details: 'x', proposedChanges: { network: 'EXTERNAL' } });
    expect(await refused(api, 'fuku-shichou', DECIDE, { consultationId: change.id, expectedVersion: change.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', article: '第8条' }),
    ]);
    const connect = await file('zaisei-manager', {
      systemId: gid('System', 'demo-zaimu'),
      connectSystemId: gid('System', 'demo-hoken'),
      action: 'CONNECT',
      title: '接続',
      details: 'x',
    });
    expect(await refused(api, 'digital-manager', DECIDE, { consultationId: connect.id, expectedVersion: connect.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', article: '第9条' }),
    ]);
    await ok(api, 'shimin-manager', WITHDRAW, { consultationId: change.id, expectedVersion: change.version });
    await ok(api, 'zaisei-manager', WITHDRAW, { consultationId: connect.id, expectedVersion: connect.version });
  });

  it('a decision on a version the decider did not read is refused (STALE_VERSION)', async () => {
    const systemId = await registered();
    const draft = await ok(api, 'shimin-manager', DRAFT, { systemId, action: 'DECIDE', title: '版の確認', details: 'x' });
    const submitted = await ok(api, 'shimin-manager', SUBMIT, { consultationId: draft.id, expectedVersion: draft.version });
    expect(await refused(api, 'soumu-director', DECIDE, { consultationId: draft.id, expectedVersion: draft.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'STALE_VERSION', field: ['expectedVersion'] }),
    ]);
    expect(await refused(api, 'shimin-manager', SUBMIT, { consultationId: draft.id, expectedVersion: draft.version })).toEqual([
      expect.objectContaining({ code: 'STALE_VERSION' }),
    ]);
    await decide(submitted, 'APPROVED');
  });
});

describe('what the viewer may do (viewerCan*)', () => {
  it('draft → submitted → approved, as the applicant, the system administrator and another manager see it', async () => {
    const systemId = await registered();
    const draft = await ok(api, 'shimin-manager', DRAFT, { systemId, action: 'DECIDE', title: '権限表示の確認', details: 'x' });
    expect(draft.status).toBe('DRAFT');
    expect(flags(draft)).toEqual({ edit: true, submit: true, withdraw: true, decide: false });
    expect(flags(await asViewer('soumu-director', draft.id))).toEqual(NONE);
    expect(flags(await asViewer('kenkou-manager', draft.id))).toEqual(NONE);
    expect((await inbox('soumu-director')).map((n) => n.id)).not.toContain(draft.id);
    expect(await refused(api, 'soumu-director', DECIDE, { consultationId: draft.id, expectedVersion: draft.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第7条' }),
    ]);
    expect(await refused(api, 'kenkou-manager', SUBMIT, { consultationId: draft.id, expectedVersion: draft.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);

    const submitted = await ok(api, 'shimin-manager', SUBMIT, { consultationId: draft.id, expectedVersion: draft.version });
    expect(flags(submitted)).toEqual({ edit: false, submit: false, withdraw: true, decide: false });
    expect(flags(await asViewer('soumu-director', draft.id))).toEqual({ ...NONE, decide: true });
    expect(flags(await asViewer('kenkou-manager', draft.id))).toEqual(NONE);

    const approved = await decide(submitted, 'APPROVED');
    expect(flags(approved)).toEqual(NONE);
    expect(flags(await asViewer('shimin-manager', draft.id))).toEqual(NONE);
  });
});

describe('myApplications and myInbox', () => {
  it('myApplications lists the applicant’s own consultations, newest first', async () => {
    const first = await file('shimin-manager', { systemId: await registered(), action: 'DECIDE', title: '一覧確認 1', details: 'x' });
    const second = await ok(api, 'shimin-manager', DRAFT, { systemId: await registered(), action: 'DECIDE', title: '一覧確認 2', details: 'x' });
    const mine = (await api.data('shimin-manager', MINE)).myApplications.nodes as { id: string; createdAt: string; applicant: { personId: string } }[];
    expect(mine.slice(0, 2).map((n) => n.id)).toEqual([second.id, first.id]);
    expect(mine.every((n) => n.applicant.personId === 'shimin-manager')).toBe(true);
    expect(mine.map((n) => n.createdAt)).toEqual([...mine.map((n) => n.createdAt)].sort().reverse());
    expect(mine.length).toBeGreaterThan(5);
    const theirs = (await api.data('kenkou-manager', MINE)).myApplications.nodes as { id: string; applicant: { personId: string } }[];
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((n) => n.applicant.personId === 'kenkou-manager')).toBe(true);
    expect(theirs.map((n) => n.id)).not.toContain(first.id);
  });

  it('myInbox: the system administrator sees what awaits a decision, oldest first; anyone else has an empty inbox', async () => {
    const older = await file('shimin-manager', { systemId: await registered(), action: 'DECIDE', title: '受信箱 古', details: 'x' });
    const newer = await file('shimin-manager', { systemId: await registered(), action: 'DECIDE', title: '受信箱 新', details: 'x' });
    const ids = (await inbox('soumu-director')).map((n) => n.id);
    expect(ids.indexOf(older.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    for (const personId of ['shimin-manager', 'kenkou-manager', 'shimin-staff', 'fuku-shichou', 'digital-manager']) {
      expect(await inbox(personId)).toEqual([]);
    }
  });
});

describe('no one decides their own application', () => {
  it('市民課長, acting for the system administrator as well, cannot decide their own consultation (SELF_DECISION), but can decide another’s', async () => {
    const today = tokyoDate(new Date().toISOString());
    const assigned = await api.data('soumu-director', ACTING, {
      input: { personId: gid('Person', 'shimin-manager'), role: 'SYSTEM_ADMINISTRATOR', validFrom: today, validUntil: today, reason: '出張のため' },
    });
    expect(assigned.designateActingPerson.userErrors).toEqual([]);
    expect(assigned.designateActingPerson.person.currentRoles).toEqual(
      expect.arrayContaining([{ role: 'SYSTEM_ADMINISTRATOR', department: null }, { role: 'INFORMATION_MANAGER', department: { code: 'shimin' } }]),
    );

    const own = await file('shimin-manager', { systemId: await registered(), action: 'DECIDE', title: '自己決裁の禁止', details: 'x' });
    expect(flags(own)).toEqual({ edit: false, submit: false, withdraw: true, decide: false });
    expect(await inbox('shimin-manager')).toContainEqual({ id: own.id, title: '自己決裁の禁止', viewerCanDecide: false });
    expect(await refused(api, 'shimin-manager', DECIDE, { consultationId: own.id, expectedVersion: own.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'SELF_DECISION', article: '第7条' }),
    ]);

    const others = await file('kenkou-manager', { systemId: gid('System', 'demo-hoken'), action: 'CHANGE', title: '他課の変更', details: 'x', proposedChanges: { network: 'EXTERNAL' } });
    expect((await asViewer('shimin-manager', others.id)).viewerCanDecide).toBe(true);
    expect(await decide(others, 'APPROVED', {}, 'shimin-manager')).toMatchObject({ status: 'APPROVED', decision: { decidedBy: { personId: 'shimin-manager' }, actingFor: { personId: 'soumu-director' } }, system: { network: 'EXTERNAL' } });

    expect((await asViewer('soumu-director', own.id)).viewerCanDecide).toBe(true);
    expect(await decide(own, 'APPROVED')).toMatchObject({ status: 'APPROVED', decision: { decidedBy: { personId: 'soumu-director' } } });
  });
});
