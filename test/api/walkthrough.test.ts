/**
 * The walkthrough a new user makes in GraphiQL, through the real Lambda handler: 市民課's information manager
 * registers a system and submits its decision consultation (様式第1号); the system administrator approves it; the
 * system is decided and both steps are in its audit trail.
 */
import { Api, gid, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const REGISTER = `mutation($input: RegisterSystemInput!) {
  registerSystem(input: $input) { system { id name status version owningDepartment { name } } userErrors { code message article field } }
}`;
const DRAFT = `mutation($input: DraftConsultationInput!) {
  draftConsultation(input: $input) { consultation { id form status version viewerCanWithdraw } userErrors { code message article } }
}`;
const DECIDE = `mutation($input: DecideConsultationInput!) {
  decideConsultation(input: $input) {
    consultation { id status decision { outcome reason conditions decidedBy { personId } } system { status decidedAt version } }
    userErrors { code message article }
  }
}`;

describe('第7条: deciding a new system on 様式第1号', () => {
  it('registers, submits, is approved by the system administrator, and records both steps', async () => {
    const registered = await api.data('shimin-manager', REGISTER, {
      input: {
        name: 'コンビニ交付システム',
        category: 'BUSINESS',
        network: 'EXTERNAL',
        purposes: ['CITIZEN_WELFARE', 'EFFICIENCY'],
        owningDepartmentId: gid('Department', 'shimin'),
      },
    });
    expect(registered.registerSystem.userErrors).toEqual([]);
    const system = registered.registerSystem.system;
    expect(system).toMatchObject({ name: 'コンビニ交付システム', status: 'REGISTERED', owningDepartment: { name: '市民課' } });

    const drafted = await api.data('shimin-manager', DRAFT, {
      input: { systemId: system.id, action: 'DECIDE', title: 'コンビニ交付の導入', details: '住民票等をコンビニで交付する。', submit: true },
    });
    expect(drafted.draftConsultation.userErrors).toEqual([]);
    const consultation = drafted.draftConsultation.consultation;
    expect(consultation).toMatchObject({ form: 'FORM_1', status: 'SUBMITTED', viewerCanWithdraw: true });

    const inbox = await api.data('soumu-director', `{ myInbox(first: 10) { nodes { id title viewerCanDecide } } }`);
    expect(inbox.myInbox.nodes).toContainEqual({ id: consultation.id, title: 'コンビニ交付の導入', viewerCanDecide: true });

    const decided = await api.data('soumu-director', DECIDE, {
      input: { consultationId: consultation.id, expectedVersion: consultation.version, outcome: 'APPROVED', conditions: ['個人情報保護評価を実施すること'] },
    });
    expect(decided.decideConsultation.userErrors).toEqual([]);
    expect(decided.decideConsultation.consultation).toMatchObject({
      status: 'APPROVED',
      decision: { outcome: 'APPROVED', conditions: ['個人情報保護評価を実施すること'], decidedBy: { personId: 'soumu-director' } },
      system: { status: 'DECIDED', version: 2 },
    });

    const trail = await api.data(
      'shimin-manager',
      `query($id: ID!) { node(id: $id) { ... on System { status auditTrail(first: 10) { nodes { action article actor { personId } after } } } } }`,
      { id: system.id },
    );
    expect(trail.node.status).toBe('DECIDED');
    expect(trail.node.auditTrail.nodes.map((e: { action: string }) => e.action)).toEqual(['system.registered', 'system.decideApproved']);
    const consultationTrail = await api.data(
      'soumu-director',
      `query($id: ID!) { auditTrail(objectId: $id, first: 10) { nodes { action actor { personId } article } } }`,
      { id: consultation.id },
    );
    expect(consultationTrail.auditTrail.nodes).toEqual([
      { action: 'consultation.drafted', actor: { personId: 'shimin-manager' }, article: '第7条' },
      { action: 'consultation.submitted', actor: { personId: 'shimin-manager' }, article: '第7条' },
      { action: 'consultation.approved', actor: { personId: 'soumu-director' }, article: '第7条' },
    ]);
    const emptied = await api.data('soumu-director', `{ myInbox(first: 10) { nodes { id } } }`);
    expect(emptied.myInbox.nodes).not.toContainEqual({ id: consultation.id });
  });
});
