/**
 * コメント on `npm start`, over real HTTP: a 様式第1号 submitted as 市民課長, the system administrator comments, the
 * applicant replies; each side's mail arrives in the local mail catcher, and both comments are on the application.
 * Runs the compiled server (npm test builds first).
 */
import { LocalServer } from '../support/localServer';

const server = new LocalServer();

beforeAll(() => server.start(), 180_000);
afterAll(() => server.remove());

const COMMENT = `mutation($input: AddApplicationCommentInput!) { addApplicationComment(input: $input) { comment { role body } userErrors { code message } } }`;

it('様式第1号: 総務部長 comments and 市民課長 receives the mail; 市民課長 replies and 総務部長 receives it; both are on the application', async () => {
  const registered = await server.gql('shimin-manager', `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id } userErrors { code message } } }`, {
    input: { name: '窓口予約システム', category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: 'RGVwYXJ0bWVudDpzaGltaW4' },
  });
  const filed = await server.gql('shimin-manager', `mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id } userErrors { code message } } }`, {
    input: { systemId: registered.registerSystem.system.id, action: 'DECIDE', title: '窓口予約システムの導入', details: '窓口の待ち時間を減らす。', submit: true },
  });
  const id = filed.draftConsultation.consultation.id;

  const asked = await server.gql('soumu-director', COMMENT, { input: { applicationId: id, body: 'システム構成図を添付してください。' } });
  expect(asked.addApplicationComment).toEqual({ comment: { role: 'DECIDER', body: 'システム構成図を添付してください。' }, userErrors: [] });
  const toApplicant = await server.caughtMail('shimin-manager@city.shiroishi.example', '【白石市】様式第1号「窓口予約システムの導入」へのコメント: システム構成図を添付してください。');
  expect(toApplicant.text).toMatch(/^伊藤 大輔 様\n\n様式第1号「窓口予約システムの導入」に決裁者\(情報システム管理者\)の佐藤 健一さんがコメントしました。\n\nシステム構成図を添付してください。\n/);
  expect(toApplicant.text).toContain('根拠: 第7条');

  await server.gql('shimin-manager', COMMENT, { input: { applicationId: id, body: '構成図を添付しました。' } });
  const toDecider = await server.caughtMail('soumu-director@city.shiroishi.example', '【白石市】様式第1号「窓口予約システムの導入」へのコメント: 構成図を添付しました。');
  expect(toDecider.text).toMatch(/^佐藤 健一 様\n\n様式第1号「窓口予約システムの導入」に申請者の伊藤 大輔さんがコメントしました。/);

  const read = await server.gql('kenkou-staff', `query($id: ID!) { node(id: $id) { ... on Application { comments(first: 10) { nodes { role body author { name } } } } } }`, { id });
  expect(read.node.comments.nodes).toEqual([
    { role: 'DECIDER', body: 'システム構成図を添付してください。', author: { name: '佐藤 健一' } },
    { role: 'APPLICANT', body: '構成図を添付しました。', author: { name: '伊藤 大輔' } },
  ]);
}, 60_000);
