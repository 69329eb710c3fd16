/**
 * 第13条 (each dataset's measures against leak, damage and loss) and 第26条第1項・第2項 (each system's measures against
 * viruses) through the real Lambda handler against DynamoDB Local: who records them, the review they are, and the
 * findings — none recorded, or not reviewed for a year.
 */
import { eventOf } from '../../functions/domain/audit';
import { Transition } from '../../functions/domain/change';
import { dataProtection } from '../../functions/domain/dataProtection';
import { systemVirusMeasures } from '../../functions/domain/virusMeasures';
import { getDataset } from '../../functions/store/data';
import { changesOf } from '../../functions/store/kinds';
import { getPersonWithRoles } from '../../functions/store/people';
import { getSystem } from '../../functions/store/systems';
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const JUUMIN_DATA = gid('Dataset', 'demo-ds-juumin');
const INKAN_DATA = gid('Dataset', 'demo-ds-inkan');
const OPEN_DATA = gid('Dataset', 'demo-ds-shisetsu');
const JUUMIN = gid('System', 'demo-juumin');
const GROUPWARE = gid('System', 'demo-groupware');
const A_YEAR_AND_A_WEEK_AGO = () => new Date(Date.now() - 372 * 86_400_000).toISOString();

/** An earlier review, made by the same rule as the mutation, committed as it was then (the test's way back in time). */
async function reviewedLongAgo(personId: string, make: (actor: never, now: string) => Promise<Transition>) {
  const store = api.store();
  const now = A_YEAR_AND_A_WEEK_AGO();
  const actor = await getPersonWithRoles(store, personId);
  const t = await make(actor as never, now);
  await store.commit(changesOf(t), t.changes.map((c, i) => eventOf(c, personId, now, `old-review-${Date.now()}-${i}`)));
}

describe('第13条: the measures against leak and damage of each dataset', () => {
  const FIELDS = `id version lacksProtection protectionReviewDueOn viewerCanReviewProtection
    protection { leakage damage loss reviewedAt reviewedBy { personId } }`;
  const REVIEW = `mutation($input: ReviewDatasetProtectionInput!) { reviewDatasetProtection(input: $input) { dataset { ${FIELDS} } userErrors { code message article field } } }`;
  const DATASET = `query($id: ID!) { node(id: $id) { ... on Dataset { ${FIELDS} auditTrail(first: 20) { nodes { action article } } } } }`;
  const LACKING = `{ datasetsLackingProtection(first: 100) { nodes { id lacksProtection } } }`;
  const MEASURES = { leakage: '職員ごとのアクセス権限と操作ログの確認。', damage: '日次バックアップと遠隔地保管。', loss: '媒体の施錠保管。' };
  const dataset = async (id: string, who = 'shimin-manager') => (await api.data(who, DATASET, { id })).node;
  const lackingIds = async () => (await api.data('shimin-staff', LACKING)).datasetsLackingProtection.nodes.map((n: { id: string }) => n.id);

  it('the demo city: the datasets holding personal information have no measures yet and are findings; open data is not', async () => {
    const ids = await lackingIds();
    expect(ids).toEqual(expect.arrayContaining([JUUMIN_DATA, INKAN_DATA, gid('Dataset', 'demo-ds-kenshin')]));
    expect(ids).not.toContain(OPEN_DATA);
    expect(await dataset(JUUMIN_DATA)).toMatchObject({ protection: null, lacksProtection: true, protectionReviewDueOn: null, viewerCanReviewProtection: true });
    expect((await dataset(JUUMIN_DATA, 'kenkou-manager')).viewerCanReviewProtection).toBe(false);
  });

  it('the department’s information manager records them: a review, signed, due again in a year; the dataset leaves the findings', async () => {
    const before = await dataset(JUUMIN_DATA);
    const d = await ok(api, 'shimin-manager', REVIEW, { datasetId: JUUMIN_DATA, expectedVersion: before.version, ...MEASURES });
    expect(d).toMatchObject({ version: before.version + 1, lacksProtection: false, protection: { ...MEASURES, reviewedBy: { personId: 'shimin-manager' } } });
    const inAYear = new Date(Date.parse(d.protection.reviewedAt) + 9 * 3600_000 + 365 * 86_400_000).toISOString().slice(0, 10);
    expect(d.protectionReviewDueOn).toBe(inAYear);
    expect(await lackingIds()).not.toContain(JUUMIN_DATA);
    // The system administrator reviews them again: a new version; the earlier one stays in the audit trail.
    const again = await ok(api, 'soumu-director', REVIEW, { datasetId: JUUMIN_DATA, expectedVersion: d.version, ...MEASURES, loss: null });
    expect(again).toMatchObject({ version: d.version + 1, protection: { loss: null, reviewedBy: { personId: 'soumu-director' } } });
    const trail = (await dataset(JUUMIN_DATA)).auditTrail.nodes.filter((n: { action: string }) => n.action === 'dataset.protectionReviewed');
    expect(trail).toEqual([{ action: 'dataset.protectionReviewed', article: '第13条' }, { action: 'dataset.protectionReviewed', article: '第13条' }]);
  });

  it('measures last reviewed more than a year ago are a finding again, open data included', async () => {
    await reviewedLongAgo('digital-manager', async (actor, now) => dataProtection.review(actor, (await getDataset(api.store(), 'demo-ds-shisetsu'))!, MEASURES, now));
    expect(await dataset(OPEN_DATA, 'digital-manager')).toMatchObject({ lacksProtection: true, protection: { reviewedBy: { personId: 'digital-manager' } } });
    expect(await lackingIds()).toContain(OPEN_DATA);
  });

  it('another department’s manager, staff and the general manager may not; the measures are described; a stale version is refused', async () => {
    const d = await dataset(INKAN_DATA);
    const input = { datasetId: INKAN_DATA, expectedVersion: d.version, ...MEASURES };
    expect(await refused(api, 'kenkou-manager', REVIEW, input)).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第13条', field: ['datasetId'] })]);
    expect(await refused(api, 'shimin-staff', REVIEW, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第13条' })]);
    expect(await refused(api, 'fuku-shichou', REVIEW, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第13条' })]);
    expect(await refused(api, 'shimin-manager', REVIEW, { ...input, leakage: ' ' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第13条', field: ['leakage'] })]);
    expect(await refused(api, 'shimin-manager', REVIEW, { ...input, expectedVersion: d.version - 1 })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
  });
});

describe('第26条第1項・第2項: the virus measures of each system', () => {
  const FIELDS = `id version status lacksVirusMeasures virusMeasuresReviewDueOn viewerCanReviewVirusMeasures
    virusMeasures { prevention antiSpread onInfection reviewedAt reviewedBy { personId } }`;
  const REVIEW = `mutation($input: ReviewSystemVirusMeasuresInput!) { reviewSystemVirusMeasures(input: $input) { system { ${FIELDS} } userErrors { code message article field } } }`;
  const SYSTEM = `query($id: ID!) { node(id: $id) { ... on System { ${FIELDS} auditTrail(first: 20) { nodes { action article } } } } }`;
  const LACKING = `{ systemsLackingVirusMeasures(first: 100) { nodes { id lacksVirusMeasures } } }`;
  const MEASURES = { prevention: 'ウィルス対策ソフトと定義ファイルの日次更新。', antiSpread: '業務系ネットワークの分離とUSBメモリの使用制限。', onInfection: '端末をネットワークから切り離し、情報システム管理者へ報告する。' };
  const system = async (id: string, who = 'shimin-manager') => (await api.data(who, SYSTEM, { id })).node;
  const lackingIds = async () => (await api.data('shimin-staff', LACKING)).systemsLackingVirusMeasures.nodes.map((n: { id: string }) => n.id);

  it('the demo city: every system in operation lacks them; the one decided but not installed is not in the list', async () => {
    const ids = await lackingIds();
    expect(ids).toEqual(expect.arrayContaining([JUUMIN, GROUPWARE, gid('System', 'demo-hoken')]));
    expect(ids).not.toContain(gid('System', 'demo-kenshin-yoyaku'));
  });

  it('第2項: the information manager of the work records the measures of a 業務系 system; it leaves the list', async () => {
    const s = await system(JUUMIN);
    expect(s.viewerCanReviewVirusMeasures).toBe(true);
    const after = await ok(api, 'shimin-manager', REVIEW, { systemId: JUUMIN, expectedVersion: s.version, ...MEASURES });
    expect(after).toMatchObject({ version: s.version + 1, lacksVirusMeasures: false, virusMeasures: { ...MEASURES, reviewedBy: { personId: 'shimin-manager' } } });
    expect(after.virusMeasuresReviewDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await system(JUUMIN)).auditTrail.nodes).toEqual(expect.arrayContaining([{ action: 'system.virusMeasuresReviewed', article: '第26条第2項' }]));
    expect(await lackingIds()).not.toContain(JUUMIN);
  });

  it('第1項: for a 情報系 system, the information manager the system administrator designated; the administrator himself does not', async () => {
    const s = await system(GROUPWARE, 'digital-manager');
    expect(s.viewerCanReviewVirusMeasures).toBe(true);
    const input = { systemId: GROUPWARE, expectedVersion: s.version, ...MEASURES };
    expect(await refused(api, 'soumu-director', REVIEW, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第26条第1項' })]);
    expect(await refused(api, 'shimin-manager', REVIEW, input)).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第26条第1項' })]);
    await ok(api, 'digital-manager', REVIEW, input);
    expect((await system(GROUPWARE)).auditTrail.nodes).toEqual(expect.arrayContaining([{ action: 'system.virusMeasuresReviewed', article: '第26条第1項' }]));
    expect(await lackingIds()).not.toContain(GROUPWARE);
  });

  it('measures reviewed more than a year ago are a finding; each is described; a stale version is refused', async () => {
    await reviewedLongAgo('kenkou-manager', async (actor, now) => systemVirusMeasures.review(actor, (await getSystem(api.store(), 'demo-hoken'))!, MEASURES, now));
    const hoken = await system(gid('System', 'demo-hoken'), 'kenkou-manager');
    expect(hoken).toMatchObject({ lacksVirusMeasures: true, virusMeasures: { reviewedBy: { personId: 'kenkou-manager' } } });
    expect(await lackingIds()).toContain(hoken.id);
    const input = { systemId: hoken.id, expectedVersion: hoken.version, ...MEASURES };
    expect(await refused(api, 'kenkou-manager', REVIEW, { ...input, onInfection: ' ' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第26条第2項', field: ['onInfection'] })]);
    expect(await refused(api, 'kenkou-manager', REVIEW, { ...input, expectedVersion: hoken.version - 1 })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    expect(await refused(api, 'shimin-staff', REVIEW, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第26条第2項' })]);
  });

  it('a virus incident shows the measures of its system, those for an infection included', async () => {
    const q = `query($id: ID!) { node(id: $id) { ... on VirusIncident { system { id } virusMeasures { onInfection reviewedBy { personId } } } } }`;
    const incident = (await api.data('soumu-director', q, { id: gid('VirusIncident', 'demo-virus-open') })).node;
    expect(incident).toEqual({ system: { id: gid('System', 'demo-hoken') }, virusMeasures: { onInfection: MEASURES.onInfection, reviewedBy: { personId: 'kenkou-manager' } } });
    const closed = (await api.data('soumu-director', q, { id: gid('VirusIncident', 'demo-virus-closed') })).node;
    expect(closed.virusMeasures).toEqual({ onInfection: MEASURES.onInfection, reviewedBy: { personId: 'digital-manager' } });
  });
});
