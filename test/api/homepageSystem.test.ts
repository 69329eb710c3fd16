/**
 * ホームページシステム管理者 (第27条第3項) through the real Lambda handler on DynamoDB Local: デジタル推進課長, the holder
 * in the demo city, records the security checks of the homepage system (第1号); the homepage operations manager, the
 * system administrator and the general manager read them; other staff neither record nor see them.
 */
import { Api, gid, ok, refused, setupApi, topError } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const ITEMS = ['ACCESS_CONTROL', 'SOFTWARE_UPDATES', 'TAMPERING', 'BACKUP', 'CERTIFICATE', 'ACCESS_LOG'];
const C = 'id checkedOn items { item result note } measuresTaken openIssues version recordedBy { personId } actingFor { personId }';
const RECORD = `mutation($input: RecordHomepageSecurityCheckInput!) { recordHomepageSecurityCheck(input: $input) { check { ${C} } userErrors { code message article field } } }`;
const LIST = `{ homepageSecurityChecks(first: 10) { nodes { id checkedOn } } }`;
const STATUS = `{ homepageSecurityStatus { lastCheckedOn dueOn overdue openIssues viewerCanRecordCheck } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on HomepageSecurityCheck { checkedOn } } }`;
const TRAIL = `query($id: ID!) { auditTrail(objectId: $id, first: 10) { nodes { action article actor { personId } } } }`;
const SEEDED = gid('HomepageSecurityCheck', 'demo-hpsec-1');
const tokyoDate = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const allOk = () => ITEMS.map((item) => ({ item, result: 'OK' }));

describe('第27条第3項第1号: the homepage system manager manages the security of the homepage system', () => {
  it('the demo city’s check, a month old, left the CMS update open: a finding, not yet overdue', async () => {
    const status = (await api.data('soumu-director', STATUS)).homepageSecurityStatus;
    expect(status).toEqual({ lastCheckedOn: tokyoDate(-30), dueOn: tokyoDate(60), overdue: false, openIssues: ['SOFTWARE_UPDATES'], viewerCanRecordCheck: false });
    expect((await api.data('digital-manager', STATUS)).homepageSecurityStatus.viewerCanRecordCheck).toBe(true);
  });

  it('デジタル推進課長 records a check of every item; the issue found OK closes the finding, and the check is newest in the list', async () => {
    const items = allOk().map((i) => (i.item === 'ACCESS_LOG' ? { ...i, note: '不審なアクセスなし。' } : i));
    const c = await ok(api, 'digital-manager', RECORD, { checkedOn: tokyoDate(0), items, measuresTaken: ' ' });
    expect(c).toMatchObject({ checkedOn: tokyoDate(0), openIssues: [], version: 1, recordedBy: { personId: 'digital-manager' }, actingFor: null, measuresTaken: null });
    expect(c.items.map((i: { item: string }) => i.item)).toEqual(ITEMS);
    expect(c.items[5]).toEqual({ item: 'ACCESS_LOG', result: 'OK', note: '不審なアクセスなし。' });
    const list = (await api.data('soumu-director', LIST)).homepageSecurityChecks.nodes;
    expect(list.map((n: { id: string }) => n.id).slice(0, 2)).toEqual([c.id, SEEDED]);
    expect((await api.data('fuku-shichou', STATUS)).homepageSecurityStatus).toMatchObject({ lastCheckedOn: tokyoDate(0), dueOn: tokyoDate(90), overdue: false, openIssues: [] });
    const trail = (await api.data('soumu-manager', TRAIL, { id: c.id })).auditTrail.nodes;
    expect(trail).toEqual([{ action: 'homepageSecurityCheck.recorded', article: '第27条第3項第1号', actor: { personId: 'digital-manager' } }]);
  });

  it('an issue found stays open until a later check finds it OK', async () => {
    const items = allOk().map((i) => (i.item === 'CERTIFICATE' ? { ...i, result: 'ISSUE', note: 'サーバ証明書の期限まで14日。' } : i));
    const c = await ok(api, 'digital-manager', RECORD, { checkedOn: tokyoDate(0), items, measuresTaken: '証明書の更新を発注した。' });
    expect(c).toMatchObject({ openIssues: ['CERTIFICATE'], measuresTaken: '証明書の更新を発注した。' });
    expect((await api.data('soumu-manager', STATUS)).homepageSecurityStatus.openIssues).toEqual(['CERTIFICATE']);
  });

  it.each(['soumu-manager', 'shimin-manager'])('%s (not the homepage system manager) may not record one, and nothing is written', async (who) => {
    expect(await refused(api, who, RECORD, { checkedOn: tokyoDate(0), items: allOk() })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第27条第3項第1号' })]);
  });

  it('every item once, an issue described, a day not in the future: refused naming the field', async () => {
    const missing = allOk().filter((i) => i.item !== 'BACKUP');
    const errors = await refused(api, 'digital-manager', RECORD, { checkedOn: tokyoDate(0), items: missing });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', article: '第27条第3項第1号', field: ['items'] })]);
    expect(errors[0].message).toContain('バックアップと復旧手順');
    expect(await refused(api, 'digital-manager', RECORD, { checkedOn: tokyoDate(0), items: [...allOk(), { item: 'BACKUP', result: 'OK' }] })).toEqual([expect.objectContaining({ field: ['items'] })]);
    const undescribed = allOk().map((i) => (i.item === 'TAMPERING' ? { ...i, result: 'ISSUE' } : i));
    expect(await refused(api, 'digital-manager', RECORD, { checkedOn: tokyoDate(0), items: undescribed })).toEqual([expect.objectContaining({ field: ['items', '2', 'note'] })]);
    expect(await refused(api, 'digital-manager', RECORD, { checkedOn: tokyoDate(1), items: allOk() })).toEqual([expect.objectContaining({ field: ['checkedOn'] })]);
  });
});

describe('第27条第3項: who reads the checks', () => {
  it('総務部長 (the system administrator) reads a check by its id', async () => {
    expect((await api.data('soumu-director', NODE, { id: SEEDED })).node).toEqual({ checkedOn: tokyoDate(-30) });
  });

  it('市民課の小林さん sees none: not by its id, not in the list, not in the audit trail, not the status', async () => {
    expect((await api.data('shimin-staff', NODE, { id: SEEDED })).node).toBeNull();
    expect((await api.data('shimin-staff', TRAIL, { id: SEEDED })).auditTrail.nodes).toEqual([]);
    expect((await api.data('soumu-director', TRAIL, { id: SEEDED })).auditTrail.nodes).not.toEqual([]);
    for (const query of [LIST, STATUS]) {
      const e = topError(await api.gql('shimin-staff', query));
      expect(e.extensions).toMatchObject({ code: 'FORBIDDEN', article: '第27条第3項' });
      expect(e.message).toMatch(/ホームページシステム管理者/);
    }
  });
});
