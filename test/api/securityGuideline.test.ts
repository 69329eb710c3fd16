/**
 * セキュリティ指針 (第29条) through the real Lambda handler: a version drafted by the system administrator, approved
 * by the general manager, acknowledged by staff once each; who has not yet is read by department by the system
 * administrator and the general manager only.
 */
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const SA = 'soumu-director';
const GM = 'fuku-shichou';
const ERRORS = 'userErrors { code message article field }';
const GUIDELINE = `id title status edition version approvedAt supersededAt draftedBy { personId } approvedBy { personId } viewerCanApprove viewerCanAcknowledge
  auditTrail(first: 5) { nodes { action article } }`;
const DRAFT = `mutation($input: DraftSecurityGuidelineInput!) { draftSecurityGuideline(input: $input) { securityGuideline { ${GUIDELINE} } ${ERRORS} } }`;
const APPROVE = `mutation($input: ApproveSecurityGuidelineInput!) { approveSecurityGuideline(input: $input) { securityGuideline { ${GUIDELINE} } ${ERRORS} } }`;
const ACKNOWLEDGE = `mutation($input: AcknowledgeSecurityGuidelineInput!) { acknowledgeSecurityGuideline(input: $input) {
  acknowledgement { id acknowledgedAt person { personId } guideline { id } auditTrail(first: 5) { nodes { action article } } } ${ERRORS} } }`;
const STATUS = `query($id: ID!, $dept: ID) { node(id: $id) { ... on SecurityGuideline { acknowledgementStatus(departmentId: $dept) {
  department { code } staffCount acknowledgedCount acknowledged { personId } notAcknowledged { personId } } } } }`;
const MINE = '{ viewer { securityGuidelineAcknowledgement { id } } currentSecurityGuideline { id viewerAcknowledgement { id } viewerCanAcknowledge } }';

/** A version drafted by the system administrator and approved by the general manager: the one in force. */
async function approved(title: string) {
  const d = await ok(api, SA, DRAFT, { title, content: '画面ロックは5分。パスワードは年1回以上変更する。' });
  return ok(api, GM, APPROVE, { guidelineId: d.id, expectedVersion: d.version });
}

describe('第29条: the general manager adopts the security guideline', () => {
  it('第29条: the system administrator drafts, the general manager approves; the version approved is in force', async () => {
    const d = await ok(api, SA, DRAFT, { title: '白石市情報セキュリティ指針', content: '画面ロックは5分。' });
    expect(d).toMatchObject({ status: 'DRAFT', edition: null, draftedBy: { personId: SA }, viewerCanApprove: false });
    expect((await api.data(GM, `query($id: ID!) { node(id: $id) { ... on SecurityGuideline { viewerCanApprove } } }`, { id: d.id })).node.viewerCanApprove).toBe(true);
    expect(await refused(api, SA, APPROVE, { guidelineId: d.id, expectedVersion: d.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第29条' })]);
    const a = await ok(api, GM, APPROVE, { guidelineId: d.id, expectedVersion: d.version });
    expect(a).toMatchObject({ status: 'IN_FORCE', approvedBy: { personId: GM }, version: 2 });
    expect(a.auditTrail.nodes.map((n: { action: string }) => n.action).sort()).toEqual(['securityGuideline.approved', 'securityGuideline.drafted']);
    expect((await api.data('shimin-staff', '{ currentSecurityGuideline { id } }')).currentSecurityGuideline).toEqual({ id: a.id });
    expect(await refused(api, GM, APPROVE, { guidelineId: d.id, expectedVersion: a.version })).toEqual([expect.objectContaining({ code: 'ALREADY_DECIDED' })]);
  });

  it('第29条: an information manager or staff drafts nothing', async () => {
    expect(await refused(api, 'shimin-manager', DRAFT, { title: 't', content: 'c' })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第29条' })]);
  });
});

describe('第29条: every member of staff acknowledges the version in force, once', () => {
  it('an acknowledgement is an object of its own with its audit event; a second is refused; the person reads their own', async () => {
    const g = await approved('確認用の指針');
    expect((await api.data('shimin-staff', MINE)).viewer.securityGuidelineAcknowledgement).toBeNull();
    const a = await ok(api, 'shimin-staff', ACKNOWLEDGE, { guidelineId: g.id });
    expect(a).toMatchObject({ person: { personId: 'shimin-staff' }, guideline: { id: g.id }, auditTrail: { nodes: [{ action: 'securityGuideline.acknowledged', article: '第29条' }] } });
    expect(await refused(api, 'shimin-staff', ACKNOWLEDGE, { guidelineId: g.id })).toEqual([expect.objectContaining({ code: 'DUPLICATE', article: '第29条' })]);
    expect(await api.data('shimin-staff', MINE)).toEqual({ viewer: { securityGuidelineAcknowledgement: { id: a.id } }, currentSecurityGuideline: { id: g.id, viewerAcknowledgement: { id: a.id }, viewerCanAcknowledge: false } });
    // Another person's acknowledgement: the system administrator reads it, her information manager does not.
    const PERSON = `query($id: ID!) { node(id: $id) { ... on Person { securityGuidelineAcknowledgement { id } } } }`;
    expect((await api.data(SA, PERSON, { id: gid('Person', 'shimin-staff') })).node.securityGuidelineAcknowledgement).toEqual({ id: a.id });
    expect((await api.data('shimin-manager', PERSON, { id: gid('Person', 'shimin-staff') })).node.securityGuidelineAcknowledgement).toBeNull();
  });

  it('第29条: who of a department has acknowledged and who has not: the system administrator and the general manager; null for anyone else', async () => {
    const g = await approved('確認状況の指針');
    await ok(api, 'shimin-staff', ACKNOWLEDGE, { guidelineId: g.id });
    const { node } = await api.data(SA, STATUS, { id: g.id, dept: gid('Department', 'shimin') });
    const s = node.acknowledgementStatus;
    expect(s).toMatchObject({ department: { code: 'shimin' }, acknowledgedCount: 1, acknowledged: [{ personId: 'shimin-staff' }] });
    expect(s.notAcknowledged).toContainEqual({ personId: 'shimin-manager' });
    expect(s.staffCount).toBe(s.acknowledged.length + s.notAcknowledged.length);
    expect((await api.data(GM, STATUS, { id: g.id, dept: gid('Department', 'shimin') })).node.acknowledgementStatus.acknowledgedCount).toBe(1);
    expect((await api.data('shimin-manager', STATUS, { id: g.id, dept: gid('Department', 'shimin') })).node.acknowledgementStatus).toBeNull();
  });

  it('第29条: a new version approved supersedes the one in force; staff acknowledge the new one, not the old', async () => {
    const old = await approved('旧版');
    await ok(api, 'kenkou-staff', ACKNOWLEDGE, { guidelineId: old.id });
    const next = await approved('新版');
    expect(next.edition).toBe(old.edition + 1);
    const { node } = await api.data('kenkou-staff', `query($id: ID!) { node(id: $id) { ... on SecurityGuideline { ${GUIDELINE} } } }`, { id: old.id });
    expect(node).toMatchObject({ status: 'SUPERSEDED', viewerCanAcknowledge: false });
    expect(node.auditTrail.nodes.map((n: { action: string }) => n.action)).toContain('securityGuideline.superseded');
    expect(await refused(api, 'kenkou-staff', ACKNOWLEDGE, { guidelineId: old.id })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第29条' })]);
    expect((await api.data('kenkou-staff', MINE)).viewer.securityGuidelineAcknowledgement).toBeNull();
    await ok(api, 'kenkou-staff', ACKNOWLEDGE, { guidelineId: next.id });
  });
});
