/**
 * コメント on an application, through the real Lambda handler against DynamoDB Local: a 様式第1号 submitted by 市民課長,
 * the system administrator asks for more, the applicant replies; both are in `comments` in the order written, in the
 * application's audit trail, and told to the other side. A stranger is refused and nothing is written; a closed
 * application takes no comment; a comment is read by whoever reads the application, never without signing in.
 */
import { Api, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

const ERRORS = 'userErrors { code message article field }';
const COMMENT = `mutation($input: AddApplicationCommentInput!) {
  addApplicationComment(input: $input) {
    application { id status version commentCount }
    comment { commentId body role createdAt author { id } actingFor { id } }
    ${ERRORS}
  }
}`;
const DRAFT = `mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { consultation { id status version } ${ERRORS} } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { application { id status version } ${ERRORS} } }`;
const REGISTER = `mutation($input: RegisterSystemInput!) { registerSystem(input: $input) { system { id } ${ERRORS} } }`;
const COMMENTS = `query($id: ID!, $first: Int!, $after: String) {
  node(id: $id) {
    ... on Application {
      commentCount
      comments(first: $first, after: $after) { nodes { commentId body role author { id name } } pageInfo { hasNextPage endCursor } }
    }
  }
}`;
const NOTICES = `{ myNotices(first: 50) { nodes { kind title message article subject { id } } } }`;

type Notice = { kind: string; title: string; message: string; article: string; subject: { id: string } | null };
const noticesAbout = async (who: string, id: string): Promise<Notice[]> => (await api.data(who, NOTICES)).myNotices.nodes.filter((n: Notice) => n.subject?.id === id);

let serial = 0;
/** A 様式第1号 of 市民課長 on a new system of 市民課, submitted. */
async function submitted(title = `窓口予約機能の追加${++serial}`): Promise<{ id: string; version: number }> {
  const system = await ok(api, 'shimin-manager', REGISTER, { name: `コメント確認システム${++serial}`, category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: gid('Department', 'shimin') });
  return ok(api, 'shimin-manager', DRAFT, { systemId: system.id, action: 'DECIDE', title, details: '窓口予約を受け付ける。', submit: true });
}

describe('様式第1号: the decider and the applicant discuss before the decision', () => {
  let c: { id: string; version: number };
  const title = '窓口予約機能の追加';

  beforeAll(async () => {
    c = await submitted(title);
  });

  it('the system administrator asks for more: the comment is written, the application moves to its next version, the applicant is told (第7条)', async () => {
    const res = (await api.data('soumu-director', COMMENT, { input: { applicationId: c.id, body: '  システム構成図を添付してください。\n' } })).addApplicationComment;
    expect(res.userErrors).toEqual([]);
    expect(res.application).toEqual({ id: c.id, status: 'SUBMITTED', version: c.version + 1, commentCount: 1 });
    expect(res.comment).toEqual({ commentId: expect.any(String), body: 'システム構成図を添付してください。', role: 'DECIDER', createdAt: expect.any(String), author: { id: gid('Person', 'soumu-director') }, actingFor: null });

    expect(await noticesAbout('shimin-manager', c.id)).toEqual([
      {
        kind: 'APPLICATION_COMMENTED',
        title: `様式第1号「${title}」へのコメント: システム構成図を添付してください。`,
        message: expect.stringMatching(/^様式第1号「窓口予約機能の追加」に決裁者\(情報システム管理者\)の.+さんがコメントしました。\n\nシステム構成図を添付してください。$/),
        article: '第7条',
        subject: { id: c.id },
      },
    ]);
    // The one who commented is not told of their own comment.
    expect(await noticesAbout('soumu-director', c.id)).toEqual([expect.objectContaining({ kind: 'APPLICATION_SUBMITTED' })]);
  });

  it('the applicant replies: the system administrator (the decider) is told; no one else is', async () => {
    const res = (await api.data('shimin-manager', COMMENT, { input: { applicationId: c.id, body: '構成図を添付しました。ご確認ください。' } })).addApplicationComment;
    expect(res.userErrors).toEqual([]);
    expect(res.comment).toMatchObject({ role: 'APPLICANT', author: { id: gid('Person', 'shimin-manager') } });
    expect(res.application).toMatchObject({ version: c.version + 2, commentCount: 2 });
    const told = (await noticesAbout('soumu-director', c.id)).filter((n) => n.kind === 'APPLICATION_COMMENTED');
    expect(told).toEqual([
      expect.objectContaining({ article: '第7条', message: expect.stringMatching(/^様式第1号「窓口予約機能の追加」に申請者の.+さんがコメントしました。\n\n構成図を添付しました。ご確認ください。$/) }),
    ]);
    for (const who of ['fuku-shichou', 'kenkou-manager', 'shimin-staff']) expect(await noticesAbout(who, c.id)).toEqual([]);
  });

  it('both are in `comments`, in the order written, read by any member of staff who reads the application; a page at a time', async () => {
    const all = (await api.data('kenkou-staff', COMMENTS, { id: c.id, first: 10 })).node;
    expect(all.commentCount).toBe(2);
    expect(all.comments.nodes.map((n: { body: string; role: string; author: { id: string } }) => [n.role, n.author.id, n.body])).toEqual([
      ['DECIDER', gid('Person', 'soumu-director'), 'システム構成図を添付してください。'],
      ['APPLICANT', gid('Person', 'shimin-manager'), '構成図を添付しました。ご確認ください。'],
    ]);
    const first = (await api.data('kenkou-staff', COMMENTS, { id: c.id, first: 1 })).node.comments;
    expect(first.nodes.map((n: { role: string }) => n.role)).toEqual(['DECIDER']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await api.data('kenkou-staff', COMMENTS, { id: c.id, first: 1, after: first.pageInfo.endCursor })).node.comments;
    expect(second.nodes.map((n: { role: string }) => n.role)).toEqual(['APPLICANT']);
  });

  it('each comment is in the application’s audit trail: who, the article, and the comment', async () => {
    const trail = (await api.data('shimin-staff', `query($id: ID!) { node(id: $id) { ... on Audited { auditTrail(first: 20) { nodes { action article actor { id } after } } } } }`, { id: c.id })).node.auditTrail.nodes;
    const commented = trail.filter((e: { action: string }) => e.action === 'consultation.commented');
    expect(commented).toHaveLength(2);
    expect(commented).toEqual(
      expect.arrayContaining([
        { action: 'consultation.commented', article: '第7条', actor: { id: gid('Person', 'soumu-director') }, after: { comment: expect.objectContaining({ body: 'システム構成図を添付してください。', role: 'DECIDER', authorId: 'soumu-director' }) } },
        { action: 'consultation.commented', article: '第7条', actor: { id: gid('Person', 'shimin-manager') }, after: { comment: expect.objectContaining({ body: '構成図を添付しました。ご確認ください。', role: 'APPLICANT' }) } },
      ]),
    );
  });

  it('viewerCanComment says who may comment, by the same rule: the applicant and the decider, no one else', async () => {
    const can = async (who: string) => (await api.data(who, `query($id: ID!) { node(id: $id) { ... on Application { viewerCanComment } } }`, { id: c.id })).node.viewerCanComment;
    expect(await Promise.all(['shimin-manager', 'soumu-director', 'kenkou-manager', 'shimin-staff', 'fuku-shichou'].map(can))).toEqual([true, true, false, false, false]);
  });

  it('a stranger (another department’s information manager, staff of the applicant’s own) is refused, citing 第7条, and nothing is written', async () => {
    for (const stranger of ['kenkou-manager', 'shimin-staff', 'fuku-shichou']) {
      expect(await refused(api, stranger, COMMENT, { applicationId: c.id, body: '横から失礼します。' })).toEqual([
        { code: 'FORBIDDEN', article: '第7条', field: null, message: 'この申請にコメントできるのは、申請者と決裁者(情報システム管理者及びその職務代理者)のみです。' },
      ]);
    }
  });

  it('a blank comment and one over 2,000 characters are refused in Japanese, naming the field', async () => {
    expect(await refused(api, 'shimin-manager', COMMENT, { applicationId: c.id, body: ' \n ' })).toEqual([{ code: 'INVALID_VALUE', article: '第7条', field: ['body'], message: 'コメントを入力してください。' }]);
    expect(await refused(api, 'shimin-manager', COMMENT, { applicationId: c.id, body: 'あ'.repeat(2001) })).toEqual([
      { code: 'INVALID_VALUE', article: '第7条', field: ['body'], message: 'コメントは2000文字以内で入力してください(2001文字)。' },
    ]);
  });

  it('something that is not an application is not found', async () => {
    expect(await refused(api, 'shimin-manager', COMMENT, { applicationId: gid('System', 'demo-juumin'), body: 'x' })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['applicationId'] })]);
  });

  it('without signing in, neither the application nor its comments are read', async () => {
    const res = await api.gql(null, COMMENTS, { id: c.id, first: 10 });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.raw).not.toContain('構成図');
  });
});

describe('open while submitted or returned; closed once decided or withdrawn', () => {
  it('returned for revision: the discussion goes on; approved: closed (ALREADY_DECIDED), nothing written', async () => {
    const c = await submitted();
    const returned = (await api.data('soumu-director', DECIDE, { input: { applicationId: c.id, expectedVersion: c.version, outcome: 'RETURNED', reason: '構成図がない。' } })).decideApplication;
    expect(returned.application.status).toBe('RETURNED');
    await ok(api, 'shimin-manager', COMMENT, { applicationId: c.id, body: '差戻しの理由について確認させてください。' });
    await ok(api, 'soumu-director', COMMENT, { applicationId: c.id, body: '構成図を添付の上、再提出してください。' });

    const again = await submitted();
    await ok(api, 'soumu-director', DECIDE, { applicationId: again.id, expectedVersion: again.version, outcome: 'APPROVED' });
    for (const who of ['shimin-manager', 'soumu-director']) {
      expect((await api.data(who, `query($id: ID!) { node(id: $id) { ... on Application { viewerCanComment } } }`, { id: again.id })).node.viewerCanComment).toBe(false);
      expect(await refused(api, who, COMMENT, { applicationId: again.id, body: '承認後のコメント。' })).toEqual([
        { code: 'ALREADY_DECIDED', article: '第7条', field: null, message: '決裁済みの申請にはコメントできません。' },
      ]);
    }
  });

  it('a draft and a withdrawn application are refused (INVALID_STATE)', async () => {
    const system = await ok(api, 'shimin-manager', REGISTER, { name: `コメント確認システム${++serial}`, category: 'BUSINESS', network: 'INTERNAL', purposes: ['EFFICIENCY'], owningDepartmentId: gid('Department', 'shimin') });
    const draft = await ok(api, 'shimin-manager', DRAFT, { systemId: system.id, action: 'DECIDE', title: '下書き', details: 'x' });
    expect(await refused(api, 'shimin-manager', COMMENT, { applicationId: draft.id, body: 'メモ。' })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: '下書きの申請にはコメントできません。提出してからコメントしてください。' })]);
    const c = await submitted();
    await ok(api, 'shimin-manager', `mutation($input: ApplicationTransitionInput!) { withdrawApplication(input: $input) { application { id } ${ERRORS} } }`, { applicationId: c.id, expectedVersion: c.version });
    expect(await refused(api, 'soumu-director', COMMENT, { applicationId: c.id, body: '確認します。' })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', message: '取り下げられた申請にはコメントできません。' })]);
  });
});
