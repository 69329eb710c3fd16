/**
 * ホームページ (第27条, 様式第10号) through the real Lambda handler: the operations manager's categories, the
 * departments' pages and their approvals, the top page changed only by approved 様式第10号 requests, and the
 * periodic check. Every refusal is a userError citing its article and writes nothing.
 */
import { Api, Response, gid, ok, refused, setupApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await setupApi();
});

/** The calendar date in Asia/Tokyo, `offsetDays` from today. */
function tokyoDate(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

type Obj = { id: string; version: number; status: string; [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const ERRORS = 'userErrors { code message article field }';
const PAGE_FIELDS = `id title path status version onTopPage postingPeriod { from until } department { code } category { name }
  checkDueOn checkReasons lastCheck { checkedAt note checkedBy { personId } } openedAt stoppedAt abolishedAt draftedBy { personId }
  viewerCanOpen viewerCanStop viewerCanAbolish viewerCanRequestTopPageLink viewerCanRequestTopPageLinkRelease viewerCanRecordCheck`;
const LINK_FIELDS = `id title status current displayPeriod { from until } setAt releasedAt page { id title } category { name } request { id action } releaseRequest { id }`;
const REQUEST_FIELDS = `id form title status version action linkTitle displayPeriod { from until } note article page { id } category { name }
  applicant { personId } applicantDepartment { code } decision { outcome decidedBy { personId } } viewerCanSubmit viewerCanWithdraw viewerCanDecide`;

const CREATE_CATEGORY = `mutation($input: CreateHomepageCategoryInput!) { createHomepageCategory(input: $input) { category { id name description createdBy { personId } } ${ERRORS} } }`;
const DRAFT = `mutation($input: DraftHomepagePageInput!) { draftHomepagePage(input: $input) { page { ${PAGE_FIELDS} } ${ERRORS} } }`;
const OPEN = `mutation($input: HomepagePageTransitionInput!) { openHomepagePage(input: $input) { page { ${PAGE_FIELDS} } ${ERRORS} } }`;
const STOP = `mutation($input: HomepagePageTransitionInput!) { stopHomepagePage(input: $input) { page { ${PAGE_FIELDS} } ${ERRORS} } }`;
const ABOLISH = `mutation($input: HomepagePageTransitionInput!) { abolishHomepagePage(input: $input) { page { ${PAGE_FIELDS} } ${ERRORS} } }`;
const CHECK = `mutation($input: RecordHomepageCheckInput!) { recordHomepageCheck(input: $input) { page { ${PAGE_FIELDS} } ${ERRORS} } }`;
const REQUEST = `mutation($input: RequestTopPageLinkInput!) { requestTopPageLink(input: $input) { request { ${REQUEST_FIELDS} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: ApplicationTransitionInput!) { submitApplication(input: $input) { application { id status version } ${ERRORS} } }`;
const WITHDRAW = `mutation($input: ApplicationTransitionInput!) { withdrawApplication(input: $input) { application { id status version } ${ERRORS} } }`;
const DECIDE = `mutation($input: DecideApplicationInput!) {
  decideApplication(input: $input) { application { id status version ... on TopPageLinkRequest { decision { outcome decidedBy { personId } } } } ${ERRORS} }
}`;
const TOP_PAGE = `{ topPageLinks(first: 100) { nodes { ${LINK_FIELDS} } } }`;
const DUE = `{ homepagePagesDueForCheck(first: 100) { nodes { id checkDueOn checkReasons } } }`;
const PAGE_NODE = `query($id: ID!) { node(id: $id) { ... on HomepagePage { ${PAGE_FIELDS} topPageLink { ${LINK_FIELDS} auditTrail(first: 20) { nodes { action article actor { personId } } } }
  topPageLinkRequests(first: 20) { nodes { id action status } } auditTrail(first: 50) { nodes { action article actor { personId } } } } } }`;
const REQUEST_NODE = `query($id: ID!) { node(id: $id) { ... on TopPageLinkRequest { ${REQUEST_FIELDS} auditTrail(first: 20) { nodes { action article actor { personId } } } } } }`;

const SHIMIN = gid('Department', 'shimin');
const KURASHI = gid('HomepageCategory', 'demo-cat-kurashi');
const JUUMINHYOU = gid('HomepagePage', 'demo-page-juuminhyou');
const MYNUMBER = gid('HomepagePage', 'demo-page-mynumber');
const INFLUENZA = gid('HomepagePage', 'demo-page-influenza');
const GAIYOU = gid('HomepagePage', 'demo-page-gaiyou');

let serial = 0;
const path = (prefix = 'test') => `/${prefix}/page-${++serial}`;

async function draft(who = 'shimin-staff', extra: Record<string, unknown> = {}): Promise<Obj> {
  return ok(api, who, DRAFT, { departmentId: SHIMIN, title: `試験のページ ${++serial}`, path: path(), categoryId: KURASHI, postingPeriod: { from: tokyoDate(-10) }, ...extra });
}

const transition = (who: string, mutation: string, p: Obj) => ok(api, who, mutation, { pageId: p.id, expectedVersion: p.version });

async function openPage(extra: Record<string, unknown> = {}): Promise<Obj> {
  return transition('shimin-manager', OPEN, await draft('shimin-staff', extra));
}

async function node(id: string, who = 'shimin-manager'): Promise<Obj> {
  return (await api.data(who, PAGE_NODE, { id })).node;
}

async function requestNode(id: string, who = 'shimin-manager'): Promise<Obj> {
  return (await api.data(who, REQUEST_NODE, { id })).node;
}

const trail = (o: Obj) => o.auditTrail.nodes.map((n: { action: string }) => n.action);
const topPage = async (who = 'shimin-staff') => (await api.data(who, TOP_PAGE)).topPageLinks.nodes;
const approve = (r: Obj, who = 'soumu-manager') => ok(api, who, DECIDE, { applicationId: r.id, expectedVersion: r.version, outcome: 'APPROVED' });
const requestLink = (pageId: string, extra: Record<string, unknown> = {}, who = 'shimin-manager') => ok(api, who, REQUEST, { pageId, action: 'SET', submit: true, ...extra });

describe('the demo city’s homepage', () => {
  it('five categories, 市民課’s pages, the link already on the top page, and the pages the periodic check finds', async () => {
    const cats = await api.data('shimin-staff', `{ homepageCategories(first: 20) { nodes { id name } } }`);
    expect(cats.homepageCategories.nodes.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['くらし・手続き', '健康・福祉', '子育て・教育', '市政情報', '観光・イベント']));

    const pages = await api.data('shimin-manager', `{ homepagePages(first: 20) { nodes { id title status } } }`);
    expect(pages.homepagePages.nodes).toEqual(
      expect.arrayContaining([
        { id: JUUMINHYOU, title: '住民票の写しの請求', status: 'OPEN' },
        { id: MYNUMBER, title: 'マイナンバーカードの申請', status: 'OPEN' },
      ]),
    );
    const kenkou = await api.data('shimin-manager', `query($d: ID!) { node(id: $d) { ... on Department { homepagePages(first: 20) { nodes { title } } } } }`, { d: gid('Department', 'kenkou') });
    expect(kenkou.node.homepagePages.nodes).toContainEqual({ title: 'がん検診のご案内' });

    expect(await topPage()).toEqual([
      expect.objectContaining({ id: gid('TopPageLink', 'demo-page-mynumber'), title: 'マイナンバーカードの申請', status: 'ACTIVE', current: true, page: { id: MYNUMBER, title: 'マイナンバーカードの申請' }, category: { name: 'くらし・手続き' }, request: { id: expect.any(String), action: 'SET' } }),
    ]);

    const due = (await api.data('soumu-manager', DUE)).homepagePagesDueForCheck.nodes;
    expect(due).toEqual(
      expect.arrayContaining([
        { id: INFLUENZA, checkDueOn: tokyoDate(-13), checkReasons: ['PAST_POSTING_PERIOD'] },
        { id: GAIYOU, checkDueOn: expect.any(String), checkReasons: ['CHECK_OVERDUE'] },
      ]),
    );
    expect(due.map((d: { id: string }) => d.id)).not.toContain(JUUMINHYOU);
    expect(due.every((d: { checkReasons: string[] }) => d.checkReasons.length > 0)).toBe(true);
  });
});

describe('第27条第2項第4号: the homepage operations manager creates the categories', () => {
  it('総務課長 creates one; the name is unique (DUPLICATE); others are refused (FORBIDDEN); nothing is written on a refusal', async () => {
    const c = await ok(api, 'soumu-manager', CREATE_CATEGORY, { name: ' 防災・安全 ', description: '避難所・ハザードマップ。' });
    expect(c).toMatchObject({ name: '防災・安全', description: '避難所・ハザードマップ。', createdBy: { personId: 'soumu-manager' } });
    expect(await refused(api, 'soumu-manager', CREATE_CATEGORY, { name: '防災・安全' })).toEqual([expect.objectContaining({ code: 'DUPLICATE', article: '第27条第2項第4号', field: ['name'] })]);
    expect(await refused(api, 'soumu-manager', CREATE_CATEGORY, { name: '   ' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['name'] })]);
    for (const who of ['shimin-manager', 'soumu-director', 'digital-manager']) {
      expect(await refused(api, who, CREATE_CATEGORY, { name: '事業者向け' })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第27条第2項第4号' })]);
    }
    const listed = await api.data('shimin-staff', `{ homepageCategories(first: 100) { nodes { id } } }`);
    expect(listed.homepageCategories.nodes).toContainEqual({ id: c.id });
    const created = await api.data('soumu-director', `query($id: ID!) { auditTrail(objectId: $id, first: 5) { nodes { action article actor { personId } } } }`, { id: c.id });
    expect(created.auditTrail.nodes).toEqual([{ action: 'homepageCategory.created', article: '第27条第2項第4号', actor: { personId: 'soumu-manager' } }]);
  });
});

describe('第27条第4項: a department’s pages — drafted by its staff, opened, stopped and abolished with its information manager’s approval', () => {
  it('DRAFT → OPEN → STOPPED → OPEN → STOPPED → ABOLISHED, each step on the page’s audit trail', async () => {
    const p = await draft('shimin-staff', { path: '/kurashi/inkan/', postingPeriod: { from: tokyoDate(-1), until: tokyoDate(100) } });
    expect(p).toMatchObject({
      status: 'DRAFT',
      version: 1,
      path: '/kurashi/inkan',
      postingPeriod: { from: tokyoDate(-1), until: tokyoDate(100) },
      department: { code: 'shimin' },
      category: { name: 'くらし・手続き' },
      draftedBy: { personId: 'shimin-staff' },
      onTopPage: false,
      checkDueOn: null,
      checkReasons: [],
      viewerCanOpen: false,
    });
    expect(await node(p.id)).toMatchObject({ viewerCanOpen: true, viewerCanStop: false, viewerCanAbolish: true });
    const opened = await transition('shimin-manager', OPEN, p);
    expect(opened).toMatchObject({ status: 'OPEN', version: 2, openedAt: expect.any(String), checkDueOn: tokyoDate(90), viewerCanStop: true, viewerCanRequestTopPageLink: true });
    const stopped = await transition('shimin-manager', STOP, opened);
    expect(stopped).toMatchObject({ status: 'STOPPED', stoppedAt: expect.any(String), checkDueOn: null });
    const reopened = await transition('shimin-manager', OPEN, stopped);
    expect(reopened).toMatchObject({ status: 'OPEN', stoppedAt: null });
    const abolished = await transition('shimin-manager', ABOLISH, await transition('shimin-manager', STOP, reopened));
    expect(abolished).toMatchObject({ status: 'ABOLISHED', abolishedAt: expect.any(String), viewerCanOpen: false, viewerCanAbolish: false });
    const seen = await node(p.id);
    expect(seen.auditTrail.nodes).toEqual([
      { action: 'homepagePage.drafted', article: '第27条第4項第3号', actor: { personId: 'shimin-staff' } },
      { action: 'homepagePage.opened', article: '第27条第4項第1号', actor: { personId: 'shimin-manager' } },
      { action: 'homepagePage.stopped', article: '第27条第4項第1号', actor: { personId: 'shimin-manager' } },
      { action: 'homepagePage.opened', article: '第27条第4項第1号', actor: { personId: 'shimin-manager' } },
      { action: 'homepagePage.stopped', article: '第27条第4項第1号', actor: { personId: 'shimin-manager' } },
      { action: 'homepagePage.abolished', article: '第27条第4項第1号', actor: { personId: 'shimin-manager' } },
    ]);
    expect(await refused(api, 'shimin-manager', OPEN, { pageId: p.id, expectedVersion: abolished.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(await refused(api, 'shimin-manager', ABOLISH, { pageId: p.id, expectedVersion: abolished.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('第27条第2項第3号: one page at a path — a second is DUPLICATE (a trailing slash is the same path) until the first is abolished', async () => {
    const first = await draft('shimin-staff', { path: '/kurashi/zeishoumei' });
    for (const p of ['/kurashi/zeishoumei', '/kurashi/zeishoumei/']) {
      expect(await refused(api, 'shimin-manager', DRAFT, { departmentId: SHIMIN, title: '別のページ', path: p, categoryId: KURASHI, postingPeriod: { from: tokyoDate(0) } })).toEqual([
        expect.objectContaining({ code: 'DUPLICATE', article: '第27条第2項第3号', field: ['path'] }),
      ]);
    }
    // Another department cannot take a path that is in use either.
    expect(
      await refused(api, 'kenkou-staff', DRAFT, { departmentId: gid('Department', 'kenkou'), title: '別のページ', path: '/kurashi/zeishoumei', categoryId: KURASHI, postingPeriod: { from: tokyoDate(0) } }),
    ).toEqual([expect.objectContaining({ code: 'DUPLICATE' })]);
    await transition('shimin-manager', ABOLISH, first);
    expect(await draft('shimin-manager', { path: '/kurashi/zeishoumei/' })).toMatchObject({ path: '/kurashi/zeishoumei', status: 'DRAFT' });
  });

  it('two drafts racing for one path: exactly one wins, the other is DUPLICATE', async () => {
    const input = (title: string) => ({ departmentId: SHIMIN, title, path: '/kurashi/race', categoryId: KURASHI, postingPeriod: { from: tokyoDate(0) } });
    const results: Response[] = await Promise.all([api.gql('shimin-staff', DRAFT, { input: input('A') }), api.gql('shimin-manager', DRAFT, { input: input('B') })]);
    const payloads = results.map((r) => r.body.data.draftHomepagePage);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.find((p) => p.userErrors.length > 0).userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE' })]);
  });

  it.each([
    ['健康推進課’s manager drafts for 市民課: WRONG_DEPARTMENT', 'kenkou-manager', {}, 'WRONG_DEPARTMENT', '第27条第4項第3号', ['departmentId']],
    ['the system administrator: FORBIDDEN', 'soumu-director', {}, 'FORBIDDEN', '第27条第4項第3号', ['departmentId']],
    ['a path without a leading slash', 'shimin-staff', { path: 'kurashi/x' }, 'INVALID_VALUE', '第27条第4項第3号', ['path']],
    ['a posting period ending before it starts', 'shimin-staff', { postingPeriod: { from: tokyoDate(5), until: tokyoDate(4) } }, 'INVALID_VALUE', '第27条第4項第3号', ['postingPeriod', 'until']],
    ['an unknown category', 'shimin-staff', { categoryId: gid('HomepageCategory', 'no-such') }, 'NOT_FOUND', null, ['categoryId']],
    ['an unknown department', 'shimin-staff', { departmentId: gid('Department', 'no-such') }, 'NOT_FOUND', null, ['departmentId']],
  ])('drafting: %s — refused, nothing written', async (_what, who, extra, code, article, field) => {
    const input = { departmentId: SHIMIN, title: '拒否されるページ', path: path('refused'), categoryId: KURASHI, postingPeriod: { from: tokyoDate(0) }, ...extra };
    expect(await refused(api, who, DRAFT, input)).toEqual([expect.objectContaining({ code, article, field })]);
  });

  it.each([
    ['市民課’s staff: FORBIDDEN', 'shimin-staff', 'FORBIDDEN'],
    ['健康推進課’s manager: WRONG_DEPARTMENT', 'kenkou-manager', 'WRONG_DEPARTMENT'],
    ['the operations manager: WRONG_DEPARTMENT', 'soumu-manager', 'WRONG_DEPARTMENT'],
    ['the general manager: FORBIDDEN', 'fuku-shichou', 'FORBIDDEN'],
  ])('第27条第4項第1号: only the department’s information manager approves — %s', async (_who, who, code) => {
    const p = await draft();
    expect(await refused(api, who, OPEN, { pageId: p.id, expectedVersion: p.version })).toEqual([expect.objectContaining({ code, article: '第27条第4項第1号', field: ['pageId'] })]);
    const o = await transition('shimin-manager', OPEN, p);
    for (const m of [STOP, ABOLISH]) {
      expect(await refused(api, who, m, { pageId: o.id, expectedVersion: o.version })).toEqual([expect.objectContaining({ code, article: '第27条第4項第1号' })]);
    }
  });

  it('a stale version is STALE_VERSION; a page past its posting period is not opened', async () => {
    const p = await draft();
    expect(await refused(api, 'shimin-manager', OPEN, { pageId: p.id, expectedVersion: p.version + 1 })).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['expectedVersion'] })]);
    const ended = await draft('shimin-staff', { postingPeriod: { from: tokyoDate(-30), until: tokyoDate(-1) } });
    expect(await refused(api, 'shimin-manager', OPEN, { pageId: ended.id, expectedVersion: ended.version })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第27条第4項第1号' }),
    ]);
  });
});

describe('Done when: 市民課 requests a top-page link (様式第10号), the operations manager approves it from myInbox, and it is on the top page', () => {
  it('requested and submitted at once; nothing on the top page before the approval (あらかじめ); approved; listed by topPageLinks', async () => {
    const r = await requestLink(JUUMINHYOU, { linkTitle: '住民票の写しの請求(コンビニ交付も)', note: '4月からコンビニ交付開始' });
    expect(r).toMatchObject({
      form: 'FORM_10',
      status: 'SUBMITTED',
      action: 'SET',
      title: 'トップページリンク設定「住民票の写しの請求(コンビニ交付も)」',
      linkTitle: '住民票の写しの請求(コンビニ交付も)',
      displayPeriod: { from: tokyoDate(0), until: null },
      article: '第27条第4項第4号',
      page: { id: JUUMINHYOU },
      category: { name: 'くらし・手続き' },
      applicant: { personId: 'shimin-manager' },
      applicantDepartment: { code: 'shimin' },
      viewerCanWithdraw: true,
      viewerCanDecide: false,
    });
    // あらかじめ: until the operations manager approves, the top page is as it was.
    expect((await topPage()).map((l: { page: { id: string } }) => l.page.id)).toEqual([MYNUMBER]);
    expect(await node(JUUMINHYOU)).toMatchObject({ onTopPage: false, topPageLink: null });

    const inbox = (await api.data('soumu-manager', `{ myInbox(first: 100) { nodes { id form title viewerCanDecide ... on TopPageLinkRequest { page { title } } } } }`)).myInbox.nodes;
    expect(inbox).toContainEqual({ id: r.id, form: 'FORM_10', title: r.title, viewerCanDecide: true, page: { title: '住民票の写しの請求' } });
    expect((await api.data('soumu-director', `{ myInbox(first: 100) { nodes { id } } }`)).myInbox.nodes).not.toContainEqual({ id: r.id });

    const approved = await approve(r);
    expect(approved).toMatchObject({ status: 'APPROVED', decision: { outcome: 'APPROVED', decidedBy: { personId: 'soumu-manager' } } });
    expect((await api.data('soumu-manager', `{ myInbox(first: 100) { nodes { id } } }`)).myInbox.nodes).not.toContainEqual({ id: r.id });

    const links = await topPage();
    expect(links).toContainEqual(
      expect.objectContaining({
        id: gid('TopPageLink', 'demo-page-juuminhyou'),
        title: '住民票の写しの請求(コンビニ交付も)',
        status: 'ACTIVE',
        current: true,
        page: { id: JUUMINHYOU, title: '住民票の写しの請求' },
        category: { name: 'くらし・手続き' },
        request: { id: r.id, action: 'SET' },
        releaseRequest: null,
      }),
    );
    const page = await node(JUUMINHYOU);
    expect(page).toMatchObject({ onTopPage: true, viewerCanStop: false, viewerCanAbolish: false, viewerCanRequestTopPageLink: false, viewerCanRequestTopPageLinkRelease: true });
    expect(page.topPageLink.auditTrail.nodes).toEqual([{ action: 'topPageLink.set', article: '第27条第4項第4号', actor: { personId: 'soumu-manager' } }]);
    expect(trail(page).slice(-1)).toEqual(['homepagePage.linkedFromTopPage']);
    expect(trail(await requestNode(r.id))).toEqual(['topPageLinkRequest.drafted', 'topPageLinkRequest.submitted', 'topPageLinkRequest.approved']);

    // 第27条第4項第4号: a page on the top page is neither stopped nor abolished until its link is released.
    for (const m of [STOP, ABOLISH]) {
      expect(await refused(api, 'shimin-manager', m, { pageId: JUUMINHYOU, expectedVersion: page.version })).toEqual([
        expect.objectContaining({ code: 'INVALID_STATE', article: '第27条第4項第4号', field: ['pageId'] }),
      ]);
    }
    // A second link to the same page is refused at request.
    expect(await refused(api, 'shimin-manager', REQUEST, { pageId: JUUMINHYOU, action: 'SET', submit: true })).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', article: '第27条第4項第4号', field: ['pageId'] }),
    ]);
  });
});

describe('第27条第4項第4号: releasing a link, and what is refused at request, at submission and at approval', () => {
  it('RELEASE: requested for the link on the top page, approved, the link is RELEASED (kept on record) and leaves the top page; the page may then be stopped', async () => {
    const p = await openPage();
    await approve(await requestLink(p.id));
    const release = await ok(api, 'shimin-manager', REQUEST, { pageId: p.id, action: 'RELEASE', note: '掲載終了のため', submit: true });
    expect(release).toMatchObject({ action: 'RELEASE', status: 'SUBMITTED', linkTitle: p.title, title: `トップページリンク解除「${p.title}」` });
    expect((await topPage()).map((l: { page: { id: string } }) => l.page.id)).toContain(p.id);
    await approve(release);
    expect((await topPage()).map((l: { page: { id: string } }) => l.page.id)).not.toContain(p.id);
    const after = await node(p.id);
    expect(after).toMatchObject({ onTopPage: false, topPageLink: { status: 'RELEASED', current: false, releasedAt: expect.any(String), releaseRequest: { id: release.id } } });
    expect(after.topPageLink.auditTrail.nodes.map((n: { action: string }) => n.action)).toEqual(['topPageLink.set', 'topPageLink.released']);
    expect(after.topPageLinkRequests.nodes.map((n: { action: string }) => n.action)).toEqual(['RELEASE', 'SET']);
    // Released: none to release again (NOT_ON_TOP_PAGE); it may be set again (the same link, reactivated).
    expect(await refused(api, 'shimin-manager', REQUEST, { pageId: p.id, action: 'RELEASE' })).toEqual([expect.objectContaining({ code: 'NOT_ON_TOP_PAGE', article: '第27条第4項第4号' })]);
    await approve(await requestLink(p.id, { linkTitle: '再掲' }));
    expect(await node(p.id)).toMatchObject({ onTopPage: true, topPageLink: { status: 'ACTIVE', title: '再掲', releasedAt: null } });
    await approve(await ok(api, 'shimin-manager', REQUEST, { pageId: p.id, action: 'RELEASE', submit: true }));
    expect(await transition('shimin-manager', STOP, await node(p.id))).toMatchObject({ status: 'STOPPED' });
  });

  it.each([
    ['SET for a draft page (not open)', async () => ({ pageId: (await draft()).id, action: 'SET' }), 'INVALID_STATE', '第27条第4項第4号', ['pageId']],
    ['RELEASE of a page not on the top page', async () => ({ pageId: (await openPage()).id, action: 'RELEASE' }), 'NOT_ON_TOP_PAGE', '第27条第4項第4号', ['pageId']],
    ['RELEASE naming a title', async () => ({ pageId: MYNUMBER, action: 'RELEASE', linkTitle: 'x' }), 'INVALID_VALUE', '第27条第4項第4号', ['action']],
    ['a display period already ended', async () => ({ pageId: (await openPage()).id, action: 'SET', displayPeriod: { from: tokyoDate(-5), until: tokyoDate(-1) } }), 'INVALID_VALUE', '第27条第4項第4号', ['displayPeriod', 'until']],
    ['a display period beyond the posting period', async () => ({ pageId: (await openPage({ postingPeriod: { from: tokyoDate(-1), until: tokyoDate(10) } })).id, action: 'SET', displayPeriod: { from: tokyoDate(0), until: tokyoDate(11) } }), 'INVALID_VALUE', '第27条第4項第4号', ['displayPeriod']],
    ['an unknown category', async () => ({ pageId: (await openPage()).id, action: 'SET', categoryId: gid('HomepageCategory', 'no-such') }), 'NOT_FOUND', null, ['categoryId']],
    ['an unknown page', async () => ({ pageId: gid('HomepagePage', 'no-such'), action: 'SET' }), 'NOT_FOUND', null, ['pageId']],
  ])('at request: %s — refused, nothing written', async (_what, input, code, article, field) => {
    expect(await refused(api, 'shimin-manager', REQUEST, { ...(await input()), submit: true })).toEqual([expect.objectContaining({ code, article, field })]);
  });

  it.each([
    ['健康推進課’s manager for 市民課’s page: WRONG_DEPARTMENT', 'kenkou-manager', 'WRONG_DEPARTMENT'],
    ['市民課’s staff: FORBIDDEN', 'shimin-staff', 'FORBIDDEN'],
    ['the homepage system manager (デジタル推進課長): WRONG_DEPARTMENT', 'digital-manager', 'WRONG_DEPARTMENT'],
  ])('only the information manager of the page’s department requests — %s', async (_who, who, code) => {
    const p = await openPage();
    expect(await refused(api, who, REQUEST, { pageId: p.id, action: 'SET', submit: true })).toEqual([expect.objectContaining({ code, article: '第27条第4項第4号', field: ['pageId'] })]);
  });

  it('at submission: a draft request for a page another request has meanwhile linked is DUPLICATE', async () => {
    const p = await openPage();
    const drafted = await ok(api, 'shimin-manager', REQUEST, { pageId: p.id, action: 'SET', submit: false });
    expect(drafted).toMatchObject({ status: 'DRAFT', viewerCanSubmit: true });
    expect(await topPage()).not.toContainEqual(expect.objectContaining({ page: expect.objectContaining({ id: p.id }) }));
    await approve(await requestLink(p.id));
    expect(await refused(api, 'shimin-manager', SUBMIT, { applicationId: drafted.id, expectedVersion: drafted.version })).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', article: '第27条第4項第4号' }),
    ]);
  });

  it('at approval: of two submitted SET requests for one page, the second approval is DUPLICATE; a request for a page stopped meanwhile is INVALID_STATE', async () => {
    const p = await openPage();
    const [a, b] = [await requestLink(p.id), await requestLink(p.id)];
    await approve(a);
    expect(await refused(api, 'soumu-manager', DECIDE, { applicationId: b.id, expectedVersion: b.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', article: '第27条第4項第4号' }),
    ]);
    // It can still be rejected, with its reason.
    expect(await ok(api, 'soumu-manager', DECIDE, { applicationId: b.id, expectedVersion: b.version, outcome: 'REJECTED', reason: '既に設定済み' })).toMatchObject({ status: 'REJECTED' });

    const q = await openPage();
    const c = await requestLink(q.id);
    await transition('shimin-manager', STOP, await node(q.id));
    expect(await refused(api, 'soumu-manager', DECIDE, { applicationId: c.id, expectedVersion: c.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第27条第4項第4号' }),
    ]);
  });

  it('a rejected, returned or withdrawn request changes nothing on the top page; a returned one is resubmitted and approved', async () => {
    const p = await openPage();
    const r = await requestLink(p.id);
    const returned = await ok(api, 'soumu-manager', DECIDE, { applicationId: r.id, expectedVersion: r.version, outcome: 'RETURNED', reason: 'リンク名を短く' });
    expect(returned).toMatchObject({ status: 'RETURNED' });
    expect(await node(p.id)).toMatchObject({ onTopPage: false, topPageLink: null });
    const resubmitted = await ok(api, 'shimin-manager', SUBMIT, { applicationId: r.id, expectedVersion: returned.version });
    await approve(resubmitted);
    expect(await node(p.id)).toMatchObject({ onTopPage: true });

    const q = await openPage();
    const w = await requestLink(q.id);
    expect(await ok(api, 'shimin-manager', WITHDRAW, { applicationId: w.id, expectedVersion: w.version })).toMatchObject({ status: 'WITHDRAWN' });
    expect(await refused(api, 'soumu-manager', DECIDE, { applicationId: w.id, expectedVersion: w.version + 1, outcome: 'APPROVED' })).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(await node(q.id)).toMatchObject({ onTopPage: false, topPageLink: null });
  });

  it('only the homepage operations manager decides (FORBIDDEN); no one decides their own request (SELF_DECISION): 総務課長 asking for 総務課’s page', async () => {
    const p = await openPage();
    const r = await requestLink(p.id);
    for (const who of ['soumu-director', 'fuku-shichou', 'digital-manager', 'shimin-manager']) {
      expect(await refused(api, who, DECIDE, { applicationId: r.id, expectedVersion: r.version, outcome: 'APPROVED' })).toEqual([
        expect.objectContaining({ code: 'FORBIDDEN', article: '第27条第4項第4号', field: ['applicationId'] }),
      ]);
    }
    const own = await requestLink(GAIYOU, {}, 'soumu-manager');
    expect(own).toMatchObject({ applicantDepartment: { code: 'soumu' }, viewerCanDecide: false });
    expect(await refused(api, 'soumu-manager', DECIDE, { applicationId: own.id, expectedVersion: own.version, outcome: 'APPROVED' })).toEqual([
      expect.objectContaining({ code: 'SELF_DECISION', article: '第27条第4項第4号' }),
    ]);
  });

  it('a display period not yet begun: set, but not on the top page until its first day', async () => {
    const p = await openPage();
    await approve(await requestLink(p.id, { displayPeriod: { from: tokyoDate(3), until: tokyoDate(20) } }));
    expect(await node(p.id)).toMatchObject({ onTopPage: true, topPageLink: { status: 'ACTIVE', current: false, displayPeriod: { from: tokyoDate(3), until: tokyoDate(20) } } });
    expect((await topPage()).map((l: { page: { id: string } }) => l.page.id)).not.toContain(p.id);
  });
});

describe('races on the top page: keyed by the page and written with the version read', () => {
  it('two approvals of two SET requests for one page, 4 times: exactly one sets the link, the other is refused', async () => {
    for (let round = 0; round < 4; round++) {
      const p = await openPage();
      const [a, b] = [await requestLink(p.id), await requestLink(p.id)];
      const results: Response[] = await Promise.all([a, b].map((r) => api.gql('soumu-manager', DECIDE, { input: { applicationId: r.id, expectedVersion: r.version, outcome: 'APPROVED' } })));
      for (const res of results) expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
      const payloads = results.map((res) => res.body.data.decideApplication);
      const winners = payloads.filter((x) => x.userErrors.length === 0);
      expect(winners).toHaveLength(1);
      expect(payloads.find((x) => x.userErrors.length > 0).userErrors).toEqual([expect.objectContaining({ code: expect.stringMatching(/^(DUPLICATE|STALE_VERSION)$/) })]);
      const after = await node(p.id);
      expect(after.topPageLink).toMatchObject({ status: 'ACTIVE', request: { id: winners[0].application.id } });
      expect(after.topPageLink.auditTrail.nodes.map((n: { action: string }) => n.action)).toEqual(['topPageLink.set']);
    }
  });

  it('stopping a page racing the approval of its link, 4 times: exactly one wins (a stopped page is not linked; a linked page is not stopped)', async () => {
    for (let round = 0; round < 4; round++) {
      const p = await openPage();
      const r = await requestLink(p.id);
      const [approveRes, stopRes]: Response[] = await Promise.all([
        api.gql('soumu-manager', DECIDE, { input: { applicationId: r.id, expectedVersion: r.version, outcome: 'APPROVED' } }),
        api.gql('shimin-manager', STOP, { input: { pageId: p.id, expectedVersion: p.version } }),
      ]);
      const approved = approveRes.body.data.decideApplication.userErrors.length === 0;
      const stopped = stopRes.body.data.stopHomepagePage.userErrors.length === 0;
      expect(approved !== stopped).toBe(true);
      expect(await node(p.id)).toMatchObject(approved ? { status: 'OPEN', onTopPage: true } : { status: 'STOPPED', onTopPage: false, topPageLink: null });
    }
  });
});

describe('第27条第2項第2号: the operations manager’s periodic check', () => {
  it('a page never checked for long is due (CHECK_OVERDUE); recording the check takes it off the list and moves its due date 90 days on', async () => {
    const before = await node(GAIYOU, 'soumu-manager');
    expect(before).toMatchObject({ checkReasons: ['CHECK_OVERDUE'], lastCheck: null, viewerCanRecordCheck: true });
    const checked = await ok(api, 'soumu-manager', CHECK, { pageId: GAIYOU, expectedVersion: before.version, note: ' 市長名を更新済み ' });
    expect(checked).toMatchObject({ checkReasons: [], checkDueOn: tokyoDate(90), lastCheck: { note: '市長名を更新済み', checkedBy: { personId: 'soumu-manager' } } });
    expect((await api.data('soumu-manager', DUE)).homepagePagesDueForCheck.nodes.map((n: { id: string }) => n.id)).not.toContain(GAIYOU);
    expect(trail(await node(GAIYOU)).slice(-1)).toEqual(['homepagePage.checked']);
  });

  it('a page past its posting period stays due after a check (PAST_POSTING_PERIOD) until its department stops it', async () => {
    const before = await node(INFLUENZA, 'soumu-manager');
    const checked = await ok(api, 'soumu-manager', CHECK, { pageId: INFLUENZA, expectedVersion: before.version, checkedAt: new Date(Date.now() - 3600_000).toISOString() });
    expect(checked).toMatchObject({ checkReasons: ['PAST_POSTING_PERIOD'], checkDueOn: tokyoDate(-13) });
    expect((await api.data('soumu-manager', DUE)).homepagePagesDueForCheck.nodes).toContainEqual({ id: INFLUENZA, checkDueOn: tokyoDate(-13), checkReasons: ['PAST_POSTING_PERIOD'] });
    await ok(api, 'kenkou-manager', STOP, { pageId: INFLUENZA, expectedVersion: checked.version });
    expect((await api.data('soumu-manager', DUE)).homepagePagesDueForCheck.nodes.map((n: { id: string }) => n.id)).not.toContain(INFLUENZA);
  });

  it('refused: anyone but the operations manager (FORBIDDEN); a page not open (INVALID_STATE); a check in the future (INVALID_VALUE); a stale version', async () => {
    const p = await openPage();
    for (const who of ['shimin-manager', 'soumu-director', 'digital-manager']) {
      expect(await refused(api, who, CHECK, { pageId: p.id, expectedVersion: p.version })).toEqual([expect.objectContaining({ code: 'FORBIDDEN', article: '第27条第2項第2号' })]);
    }
    expect(await refused(api, 'soumu-manager', CHECK, { pageId: p.id, expectedVersion: p.version, checkedAt: new Date(Date.now() + 3600_000).toISOString() })).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', field: ['checkedAt'] }),
    ]);
    expect(await refused(api, 'soumu-manager', CHECK, { pageId: p.id, expectedVersion: p.version - 1 })).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    const d = await draft();
    expect(await refused(api, 'soumu-manager', CHECK, { pageId: d.id, expectedVersion: d.version })).toEqual([expect.objectContaining({ code: 'INVALID_STATE', article: '第27条第2項第2号' })]);
  });
});

describe('第27条第4項第2号: coordination with the departments a page’s information relates to', () => {
  const RELATED = `mutation($input: SetHomepagePageRelatedDepartmentsInput!) { setHomepagePageRelatedDepartments(input: $input) { page { id version relatedDepartments { code } uncoordinatedDepartments { code } } ${ERRORS} } }`;
  const COORDINATE = `mutation($input: RecordHomepageCoordinationInput!) { recordHomepageCoordination(input: $input) { page { id version uncoordinatedDepartments { code }
    coordinations { on outcome note department { code } withPerson { personId } recordedBy { personId } } viewerCanOpen } ${ERRORS} } }`;
  const KENKOU = gid('Department', 'kenkou');

  it('a page relating to 健康推進課 is not opened until the coordination with it is recorded as agreed', async () => {
    const d = await ok(api, 'shimin-staff', DRAFT, { departmentId: SHIMIN, title: '乳幼児健診と転入手続', path: '/kurashi/tennyu-kenshin', categoryId: KURASHI, postingPeriod: { from: '2024-04-01' } });
    const marked = await ok(api, 'shimin-manager', RELATED, { pageId: d.id, expectedVersion: d.version, departmentIds: [KENKOU] });
    expect(marked).toMatchObject({ relatedDepartments: [{ code: 'kenkou' }], uncoordinatedDepartments: [{ code: 'kenkou' }] });
    expect(await refused(api, 'shimin-manager', OPEN, { pageId: d.id, expectedVersion: marked.version })).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', article: '第27条第4項第2号', field: ['pageId'] }),
    ]);
    const input = { pageId: d.id, expectedVersion: marked.version, departmentId: KENKOU, withPersonId: gid('Person', 'kenkou-manager'), on: '2024-04-01', outcome: 'AGREED', note: '健診日程の表記を確認した。' };
    expect(await refused(api, 'kenkou-manager', COORDINATE, input)).toEqual([expect.objectContaining({ code: 'WRONG_DEPARTMENT', article: '第27条第4項第2号' })]);
    const agreed = await ok(api, 'shimin-manager', COORDINATE, input);
    expect(agreed).toMatchObject({
      uncoordinatedDepartments: [],
      coordinations: [{ on: '2024-04-01', outcome: 'AGREED', note: '健診日程の表記を確認した。', department: { code: 'kenkou' }, withPerson: { personId: 'kenkou-manager' }, recordedBy: { personId: 'shimin-manager' } }],
      viewerCanOpen: true,
    });
    expect((await ok(api, 'shimin-manager', OPEN, { pageId: d.id, expectedVersion: agreed.version })).status).toBe('OPEN');
  });
});
