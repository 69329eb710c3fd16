/**
 * The walk a new user makes for data governance, through the real Lambda handler: a data-use application from
 * 市民課 to 健康推進課 (様式第6号, 第14条), and an external provision (様式第8号, 第15条) from consultation through an
 * agreement refused for a missing clause, then concluded, to its recorded disposal; each step in the audit trail.
 */
import { Api, gid, movedBack, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const APPLY = `mutation($input: ApplyForDataUseInput!) {
  applyForDataUse(input: $input) { application { id form status version title viewerCanWithdraw } userErrors { code message article field } }
}`;
const DECIDE = `mutation($input: DecideApplicationInput!) {
  decideApplication(input: $input) { application { id status version decision { outcome conditions decidedBy { personId } } } userErrors { code message article field } }
}`;
const CONSULT = `mutation($input: ConsultExternalProvisionInput!) {
  consultExternalProvision(input: $input) { provision { id form status version stage } userErrors { code message article field } }
}`;
const CLAUSE = `mutation($input: RecordAgreementClauseInput!) {
  recordAgreementClause(input: $input) { provision { version agreement { complete clauses { clause article present } } } userErrors { code message article field } }
}`;
const CONCLUDE = `mutation($input: ConcludeAgreementInput!) {
  concludeAgreement(input: $input) { provision { version stage agreement { complete concludedOn } openObligations { clause article overdue } } userErrors { code message article field } }
}`;

describe('第14条: using another department’s data (様式第6号)', () => {
  it('市民課 applies to use 健康推進課’s health-check data; 健康推進課’s information manager approves; it is a current grant', async () => {
    const applied = await api.data('shimin-manager', APPLY, {
      input: {
        datasetId: gid('Dataset', 'demo-ds-kenshin'),
        requestingDepartmentId: gid('Department', 'shimin'),
        purpose: '転入者の健診案内の送付',
        items: ['氏名', '受診年月日'],
        period: { from: tokyoDate(-1), until: tokyoDate(30) },
        legalBasis: '健康増進法第19条の2',
        submit: true,
      },
    });
    expect(applied.applyForDataUse.userErrors).toEqual([]);
    const application = applied.applyForDataUse.application;
    expect(application).toMatchObject({ form: 'FORM_6', status: 'SUBMITTED' });

    const inbox = await api.data('kenkou-manager', `{ myInbox(first: 10) { nodes { id form title applicant { personId } viewerCanDecide } } }`);
    expect(inbox.myInbox.nodes).toContainEqual({ id: application.id, form: 'FORM_6', title: '「健診結果データ」の利用', applicant: { personId: 'shimin-manager' }, viewerCanDecide: true });
    const notTheirs = await api.data('soumu-director', `{ myInbox(first: 50) { nodes { id } } }`);
    expect(notTheirs.myInbox.nodes).not.toContainEqual({ id: application.id });

    const byApplicant = await api.data('shimin-manager', DECIDE, { input: { applicationId: application.id, expectedVersion: application.version, outcome: 'APPROVED' } });
    expect(byApplicant.decideApplication.userErrors).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第14条' })]);

    const decided = await api.data('kenkou-manager', DECIDE, {
      input: { applicationId: application.id, expectedVersion: application.version, outcome: 'APPROVED', conditions: ['目的外利用の禁止'] },
    });
    expect(decided.decideApplication).toMatchObject({
      application: { status: 'APPROVED', decision: { outcome: 'APPROVED', conditions: ['目的外利用の禁止'], decidedBy: { personId: 'kenkou-manager' } } },
      userErrors: [],
    });

    const grants = await api.data('shimin-manager', `{ dataUseGrants(first: 10) { nodes { id current dataset { name } } } }`);
    expect(grants.dataUseGrants.nodes).toEqual([{ id: application.id, current: true, dataset: { name: '健診結果データ' } }]);
    const who = await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { ... on Dataset { currentGrants(first: 10) { nodes { requestingDepartment { name } } } } } }`, {
      id: gid('Dataset', 'demo-ds-kenshin'),
    });
    expect(who.node.currentGrants.nodes).toEqual([{ requestingDepartment: { name: '市民課' } }]);

    const trail = await api.data('shimin-manager', `query($id: ID!) { auditTrail(objectId: $id, first: 10) { nodes { action actor { personId } article } } }`, { id: application.id });
    expect(trail.auditTrail.nodes).toEqual([
      { action: 'dataUse.drafted', actor: { personId: 'shimin-manager' }, article: '第14条' },
      { action: 'dataUse.submitted', actor: { personId: 'shimin-manager' }, article: '第14条' },
      { action: 'dataUse.approved', actor: { personId: 'kenkou-manager' }, article: '第14条' },
    ]);
  });

  it('a department does not apply for its own data (OWN_DEPARTMENT, 第14条), and nothing is written', async () => {
    const before = await api.snapshot();
    const own = await api.data('shimin-manager', APPLY, {
      input: {
        datasetId: gid('Dataset', 'demo-ds-juumin'),
        requestingDepartmentId: gid('Department', 'shimin'),
        purpose: 'x',
        items: ['氏名'],
        period: { from: tokyoDate(0), until: tokyoDate(1) },
        legalBasis: 'x',
      },
    });
    expect(own.applyForDataUse.userErrors).toEqual([expect.objectContaining({ code: 'OWN_DEPARTMENT', article: '第14条' })]);
    expect(await api.snapshot()).toEqual(before);
  });
});

describe('第15条: providing data outside the city (様式第8号) under an agreement holding 第15条第4項', () => {
  it('from consultation, through an agreement refused for a missing clause, to its conclusion and recorded disposal', async () => {
    const consulted = await api.data('kenkou-manager', CONSULT, {
      input: {
        datasetIds: [gid('Dataset', 'demo-ds-yobou')],
        recipient: '宮城県 疾病・感染症対策課',
        recipientAbroad: false,
        includesPersonalInformation: true,
        purpose: '予防接種率の調査',
        items: ['接種年月日', '年齢'],
        method: '暗号化した電子媒体の手渡し',
        period: { from: tokyoDate(-60), until: tokyoDate(0) },
        legalBases: [{ kind: 'OTHER_PUBLIC_BODY' }, { kind: 'OTHER_LAW', citation: '予防接種法第5条' }],
        submit: true,
      },
    });
    expect(consulted.consultExternalProvision.userErrors).toEqual([]);
    let p = consulted.consultExternalProvision.provision;
    expect(p).toMatchObject({ form: 'FORM_8', status: 'SUBMITTED', stage: 'CONSULTATION' });

    const byAdministrator = await api.data('soumu-director', DECIDE, { input: { applicationId: p.id, expectedVersion: p.version, outcome: 'APPROVED' } });
    expect(byAdministrator.decideApplication.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第15条第1項' })]);
    const approved = await api.data('fuku-shichou', DECIDE, {
      input: { applicationId: p.id, expectedVersion: p.version, outcome: 'APPROVED', requiredClauses: ['再委託の禁止'] },
    });
    expect(approved.decideApplication.userErrors).toEqual([]);
    let version = approved.decideApplication.application.version;

    // Seven fixed clauses and the general manager's item; record all but 第7号 (damages).
    const clauses = ['CONFIDENTIALITY', 'NO_OTHER_PURPOSE_OR_THIRD_PARTY', 'NO_COPYING', 'RETURN_OR_DISPOSAL', 'INSPECTION', 'INCIDENT_REPORTING'];
    for (const [n, clause] of clauses.entries()) {
      const r = await api.data('kenkou-manager', CLAUSE, { input: { provisionId: p.id, expectedVersion: version, clause, reference: `協定書第${n + 2}条` } });
      expect(r.recordAgreementClause.userErrors).toEqual([]);
      version = r.recordAgreementClause.provision.version;
    }
    const item = (await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { ... on ExternalProvision { requiredItems { itemId title } } } }`, { id: p.id })).node
      .requiredItems[0];
    expect(item.title).toBe('再委託の禁止');
    const other = await api.data('kenkou-manager', CLAUSE, {
      input: { provisionId: p.id, expectedVersion: version, clause: 'OTHER', requiredItemId: item.itemId, text: '受領者は本データの処理を第三者に再委託してはならない。' },
    });
    version = other.recordAgreementClause.provision.version;
    expect(other.recordAgreementClause.provision.agreement).toMatchObject({ complete: false });
    expect(other.recordAgreementClause.provision.agreement.clauses.filter((c: { present: boolean }) => !c.present)).toEqual([
      { clause: 'DAMAGES', article: '第15条第4項第7号', present: false },
    ]);

    const before = await api.snapshot();
    const refused = await api.data('kenkou-manager', CONCLUDE, { input: { provisionId: p.id, expectedVersion: version, concludedOn: tokyoDate(-60), documentReference: '健推第123号 協定書' } });
    expect(refused.concludeAgreement.provision).toBeNull();
    expect(refused.concludeAgreement.userErrors).toEqual([expect.objectContaining({ code: 'AGREEMENT_INCOMPLETE', article: '第15条第4項第7号' })]);
    expect(refused.concludeAgreement.userErrors[0].message).toContain('損害賠償に関する事項');
    expect(await api.snapshot()).toEqual(before);

    const damages = await api.data('kenkou-manager', CLAUSE, { input: { provisionId: p.id, expectedVersion: version, clause: 'DAMAGES', reference: '協定書第9条' } });
    version = damages.recordAgreementClause.provision.version;
    const concluded = await api.data('kenkou-manager', CONCLUDE, { input: { provisionId: p.id, expectedVersion: version, concludedOn: tokyoDate(-60), documentReference: '健推第123号 協定書' } });
    expect(concluded.concludeAgreement.userErrors).toEqual([]);
    expect(concluded.concludeAgreement.provision).toMatchObject({ stage: 'PROVIDED', agreement: { complete: true } });
    expect(concluded.concludeAgreement.provision.openObligations).toContainEqual({ clause: 'RETURN_OR_DISPOSAL', article: '第15条第4項第4号', overdue: false });

    // The clock moves on a day: the period ended yesterday, and nothing is returned or disposed of yet.
    await movedBack(api, 'ExternalProvision', p.id, 1);
    const ended = (await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { ... on ExternalProvision { version stage openObligations { clause article overdue } } } }`, { id: p.id })).node;
    expect(ended.stage).toBe('PERIOD_ENDED');
    expect(ended.openObligations).toContainEqual({ clause: 'RETURN_OR_DISPOSAL', article: '第15条第4項第4号', overdue: true });
    version = ended.version;

    const overdue = await api.data('soumu-director', `{ provisionsPastPeriod(first: 10) { nodes { id } } }`);
    expect(overdue.provisionsPastPeriod.nodes).toContainEqual({ id: p.id });

    const disposed = await api.data(
      'kenkou-manager',
      `mutation($input: RecordReturnOrDisposalInput!) { recordReturnOrDisposal(input: $input) { provision { stage openObligations { clause } returnOrDisposal { kind on method } } userErrors { code } } }`,
      { input: { provisionId: p.id, expectedVersion: version, kind: 'DISPOSAL', on: tokyoDate(0), method: '提供先にて電子媒体を消去し、消去証明書を受領' } },
    );
    expect(disposed.recordReturnOrDisposal).toMatchObject({ provision: { stage: 'CLOSED', openObligations: [], returnOrDisposal: { kind: 'DISPOSAL' } }, userErrors: [] });
    const after = await api.data('soumu-director', `{ provisionsPastPeriod(first: 10) { nodes { id } } }`);
    expect(after.provisionsPastPeriod.nodes).not.toContainEqual({ id: p.id });

    p = (await api.data('kenkou-manager', `query($id: ID!) { node(id: $id) { ... on ExternalProvision { auditTrail(first: 30) { nodes { action article } } } } }`, { id: p.id })).node;
    const actions = p.auditTrail.nodes.map((n: { action: string }) => n.action);
    expect(actions[0]).toBe('externalProvision.drafted');
    expect(actions).toEqual(expect.arrayContaining(['externalProvision.submitted', 'externalProvision.approved', 'externalProvision.clauseRecorded', 'externalProvision.agreementConcluded', 'externalProvision.disposed']));
    expect(actions.filter((a: string) => a === 'externalProvision.agreementConcluded')).toHaveLength(1);
  });
});

describe('第22条: outsourcing contracts state the protection of personal information', () => {
  it('a contract without the clause is not concluded (CONTRACT_INCOMPLETE)', async () => {
    const recorded = await api.data(
      'shimin-manager',
      `mutation($input: RecordOutsourcingContractInput!) { recordOutsourcingContract(input: $input) { contract { id version status } userErrors { code } } }`,
      { input: { systemId: gid('System', 'demo-juumin'), contractor: '株式会社みやぎ情報', scope: 'MAINTENANCE', period: { from: tokyoDate(0), until: tokyoDate(365) } } },
    );
    const c = recorded.recordOutsourcingContract.contract;
    const conclude = `mutation($input: ConcludeOutsourcingContractInput!) { concludeOutsourcingContract(input: $input) { contract { status concludedOn } userErrors { code article field } } }`;
    const refused = await api.data('shimin-manager', conclude, { input: { contractId: c.id, expectedVersion: c.version, concludedOn: tokyoDate(0) } });
    expect(refused.concludeOutsourcingContract.userErrors).toEqual([{ code: 'CONTRACT_INCOMPLETE', article: '第22条', field: ['personalInformationClause'] }]);
  });
});
