/** 電子メールにより受領したもの (第28条第2項) through the real Lambda handler: received by the department, read by it and the system administrator. */
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const SHIMIN = gid('Department', 'shimin');
const RECORD = `mutation($input: RecordReceivedMailInput!) { recordReceivedMail(input: $input) { receivedMail { id subject receiptNumber documentNumber department { code } handledBy { personId } } userErrors { code message article field } } }`;
const LIST = `query($departmentId: ID) { receivedMail(first: 50, departmentId: $departmentId) { nodes { id subject receiptNumber } } }`;
const input = { departmentId: SHIMIN, sender: 'soudan@example.jp', subject: '転入手続の問合せ', receiptNumber: '白市収第2001号', documentNumber: '白市第501号' };

describe('第28条第2項: mail received is handled as the 文書取扱規程 sets', () => {
  it('市民課’s staff record it; the department’s register shows it newest first, with the demo one', async () => {
    const m = await ok(api, 'shimin-staff', RECORD, input);
    expect(m).toMatchObject({ subject: '転入手続の問合せ', receiptNumber: '白市収第2001号', documentNumber: '白市第501号', department: { code: 'shimin' }, handledBy: { personId: 'shimin-staff' } });
    const ids = (await api.data('shimin-manager', LIST, {})).receivedMail.nodes.map((n: { id: string }) => n.id);
    expect(ids[0]).toBe(m.id);
    expect(ids).toContain(gid('ReceivedMail', 'demo-recvmail-shimin'));
    expect((await api.data('soumu-director', LIST, { departmentId: SHIMIN })).receivedMail.nodes.map((n: { id: string }) => n.id)).toContain(m.id);
  });

  it('健康推進課長 may neither record 市民課’s mail nor read its register', async () => {
    expect(await refused(api, 'kenkou-manager', RECORD, input)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第28条第2項' })]);
    const res = await api.gql('kenkou-manager', LIST, { departmentId: SHIMIN });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', article: '第28条第2項' });
    expect(res.body.errors[0].message).toMatch(/受領した主管課の職員/);
  });
});
