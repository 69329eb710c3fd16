/**
 * ホームページ (第27条): 総務課長をホームページ運用管理者とし … 情報管理責任者をホームページ情報管理者とし …
 * The rules as pure functions, at fixed instants (NOW = 2026-06-15 12:00 in Tokyo).
 */
import {
  HomepagePage,
  REVIEW_INTERVAL_DAYS,
  TopPageLink,
  TopPageLinkRequest,
  abolishPage,
  approveLinkRequest,
  assertLinkRequestable,
  assertMayDecideLinkRequest,
  assertMayRequestLink,
  checkDueOn,
  checkReasons,
  createCategory,
  draftPage,
  isOnTopPageNow,
  linkRequestActions,
  linkRequestFields,
  normalizePath,
  openPage,
  pageActions,
  recordCheck,
  stopPage,
  recordCoordination,
  setRelatedDepartments,
  uncoordinatedDepartments,
} from '../../functions/domain/homepage';
import { addDays } from '../../functions/domain/period';
import { EARLIER, NOW, actor, administrator, digitalManager, formerShiminManager, generalManager, kenkouManager, refusal, shiminManager, shiminStaff } from '../support/domain';

const operationsManager = actor('soumu-manager', 'soumu', ['INFORMATION_MANAGER', 'soumu'], ['HOMEPAGE_OPERATIONS_MANAGER']);
const formerOperationsManager = actor('former-soumu', 'soumu', ['HOMEPAGE_OPERATIONS_MANAGER', undefined, '2026-03-31']);
const kenkouStaff = actor('kenkou-staff', 'kenkou', ['STAFF', 'kenkou']);
const TODAY = '2026-06-15';

function page(extra: Partial<HomepagePage> = {}): HomepagePage {
  return {
    id: 'juuminhyou',
    departmentId: 'shimin',
    title: '住民票の写しの請求',
    path: '/kurashi/juuminhyou',
    categoryId: 'kurashi',
    postingPeriod: { from: '2025-04-01' },
    status: 'OPEN',
    draftedBy: 'shimin-staff',
    firstOpenedAt: '2026-04-01T00:00:00Z',
    openedAt: '2026-04-01T00:00:00Z',
    onTopPage: false,
    version: 2,
    createdAt: EARLIER,
    updatedAt: EARLIER,
    ...extra,
  };
}

function request(extra: Partial<TopPageLinkRequest> = {}): TopPageLinkRequest {
  return {
    id: 'req-1',
    form: 'FORM_10',
    title: 'トップページリンク設定「住民票」',
    action: 'SET',
    pageId: 'juuminhyou',
    departmentId: 'shimin',
    linkTitle: '住民票',
    categoryId: 'kurashi',
    displayPeriod: { from: TODAY },
    applicantId: 'shimin-manager',
    status: 'SUBMITTED',
    submittedAt: NOW,
    version: 2,
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  };
}

function link(extra: Partial<TopPageLink> = {}): TopPageLink {
  return {
    id: 'juuminhyou',
    pageId: 'juuminhyou',
    title: '住民票',
    categoryId: 'kurashi',
    displayPeriod: { from: '2026-06-01' },
    status: 'ACTIVE',
    setByRequestId: 'req-0',
    setBy: 'soumu-manager',
    setAt: EARLIER,
    version: 1,
    createdAt: EARLIER,
    updatedAt: EARLIER,
    ...extra,
  };
}

describe('第27条第2項第4号: the homepage operations manager coordinates the categories (掲載情報グループ)', () => {
  it('総務課長 creates a category, its name trimmed', () => {
    expect(createCategory(operationsManager, { name: ' くらし・手続き ', description: ' ' }, 'c1', NOW)).toMatchObject({ id: 'c1', name: 'くらし・手続き', description: undefined, createdBy: 'soumu-manager' });
  });

  it.each([
    ['an information manager', shiminManager],
    ['the system administrator', administrator],
    ['the general manager', generalManager],
    ['the homepage system manager (デジタル推進課長)', digitalManager],
    ['a former operations manager', formerOperationsManager],
  ])('%s does not: FORBIDDEN', (_who, who) => {
    expect(refusal(() => createCategory(who, { name: 'x' }, 'c1', NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第27条第2項第4号' });
  });

  it('a blank name is refused', () => {
    expect(refusal(() => createCategory(operationsManager, { name: '  ' }, 'c1', NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['name'] });
  });
});

describe('第27条第4項第3号: a department drafts its own pages', () => {
  const input = { title: ' 住民票の写しの請求 ', path: '/kurashi/juuminhyou/', postingPeriod: { from: '2026-07-01' } };

  it('its staff or its information manager drafts; the path is normalized; the posting period may be open-ended', () => {
    for (const who of [shiminStaff, shiminManager]) {
      expect(draftPage(who, 'shimin', 'kurashi', input, 'p1', NOW)).toMatchObject({
        status: 'DRAFT',
        title: '住民票の写しの請求',
        path: '/kurashi/juuminhyou',
        postingPeriod: { from: '2026-07-01', until: undefined },
        draftedBy: who.person.id,
        onTopPage: false,
        version: 1,
      });
    }
  });

  it.each([
    ['another department’s information manager: WRONG_DEPARTMENT', kenkouManager, 'WRONG_DEPARTMENT'],
    ['another department’s staff: WRONG_DEPARTMENT', kenkouStaff, 'WRONG_DEPARTMENT'],
    ['the operations manager (総務課): WRONG_DEPARTMENT', operationsManager, 'WRONG_DEPARTMENT'],
    ['the system administrator: FORBIDDEN', administrator, 'FORBIDDEN'],
    ['a former information manager: FORBIDDEN', formerShiminManager, 'FORBIDDEN'],
  ])('%s', (_who, who, code) => {
    expect(refusal(() => draftPage(who, 'shimin', 'kurashi', input, 'p1', NOW))).toMatchObject({ code, article: '第27条第4項第3号', field: ['departmentId'] });
  });

  it.each([
    ['a blank title', { title: ' ' }, ['title']],
    ['a path not starting with /', { path: 'kurashi' }, ['path']],
    ['a path with spaces', { path: '/kurashi/juumin hyou' }, ['path']],
    ['a path climbing up', { path: '/kurashi/../admin' }, ['path']],
    ['a posting period ending before it starts', { postingPeriod: { from: '2026-07-01', until: '2026-06-30' } }, ['postingPeriod', 'until']],
    ['a posting period starting on no date', { postingPeriod: { from: '2026-02-30' } }, ['postingPeriod', 'from']],
  ])('%s is refused (INVALID_VALUE)', (_what, extra, field) => {
    expect(refusal(() => draftPage(shiminStaff, 'shimin', 'kurashi', { ...input, ...extra }, 'p1', NOW))).toMatchObject({ code: 'INVALID_VALUE', field });
  });

  it('paths compare without a trailing slash', () => {
    expect(normalizePath(' /kurashi/ ')).toBe('/kurashi');
    expect(normalizePath('/')).toBe('/');
  });
});

describe('第27条第4項第1号: the ホームページ情報管理者 approves opening, stopping and abolishing', () => {
  it('DRAFT → OPEN → STOPPED → OPEN → ABOLISHED, each by 市民課’s information manager', () => {
    const opened = openPage(shiminManager, page({ status: 'DRAFT', firstOpenedAt: undefined, openedAt: undefined }), NOW);
    expect(opened).toMatchObject({ status: 'OPEN', openedAt: NOW, firstOpenedAt: NOW });
    expect(stopPage(shiminManager, page(), NOW)).toMatchObject({ status: 'STOPPED', stoppedAt: NOW });
    const reopened = openPage(shiminManager, page({ status: 'STOPPED' }), NOW);
    expect(reopened).toMatchObject({ status: 'OPEN', openedAt: NOW, firstOpenedAt: '2026-04-01T00:00:00Z' });
    expect(abolishPage(shiminManager, page(), NOW)).toMatchObject({ status: 'ABOLISHED', abolishedAt: NOW });
    expect(abolishPage(shiminManager, page({ status: 'DRAFT' }), NOW)).toMatchObject({ status: 'ABOLISHED' });
  });

  it.each([
    ['市民課’s staff: FORBIDDEN', shiminStaff, 'FORBIDDEN'],
    ['another department’s manager: WRONG_DEPARTMENT', kenkouManager, 'WRONG_DEPARTMENT'],
    ['the operations manager: WRONG_DEPARTMENT (it is not 総務課’s page)', operationsManager, 'WRONG_DEPARTMENT'],
    ['the system administrator: FORBIDDEN', administrator, 'FORBIDDEN'],
  ])('only the page’s department’s information manager — %s', (_who, who, code) => {
    for (const [rule, p] of [[openPage, page({ status: 'DRAFT' })], [stopPage, page()], [abolishPage, page()]] as const) {
      expect(refusal(() => rule(who, p, NOW))).toMatchObject({ code, article: '第27条第4項第1号', field: ['pageId'] });
    }
  });

  it('transitions out of their states are INVALID_STATE', () => {
    expect(refusal(() => openPage(shiminManager, page(), NOW))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => openPage(shiminManager, page({ status: 'ABOLISHED' }), NOW))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => stopPage(shiminManager, page({ status: 'DRAFT' }), NOW))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => stopPage(shiminManager, page({ status: 'STOPPED' }), NOW))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => abolishPage(shiminManager, page({ status: 'ABOLISHED' }), NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a page whose posting period has ended is not opened', () => {
    expect(refusal(() => openPage(shiminManager, page({ status: 'STOPPED', postingPeriod: { from: '2026-01-01', until: '2026-06-14' } }), NOW))).toMatchObject({
      code: 'INVALID_STATE',
      article: '第27条第4項第1号',
    });
    // The last day of the posting period is still within it.
    expect(openPage(shiminManager, page({ status: 'DRAFT', postingPeriod: { from: '2026-01-01', until: TODAY } }), NOW)).toMatchObject({ status: 'OPEN' });
  });

  it('第27条第4項第4号: a page linked from the top page is neither stopped nor abolished until the link is released', () => {
    for (const rule of [stopPage, abolishPage]) {
      expect(refusal(() => rule(shiminManager, page({ onTopPage: true }), NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第27条第4項第4号', field: ['pageId'] });
    }
    expect(pageActions(shiminManager, page({ onTopPage: true }), NOW)).toMatchObject({ stop: false, abolish: false, requestTopPageLink: false, requestTopPageLinkRelease: true });
  });

  it('viewerCan…: what each viewer may do next', () => {
    expect(pageActions(shiminManager, page(), NOW)).toEqual({ open: false, stop: true, abolish: true, requestTopPageLink: true, requestTopPageLinkRelease: false, recordCheck: false });
    expect(pageActions(shiminManager, page({ status: 'DRAFT' }), NOW)).toMatchObject({ open: true, stop: false, requestTopPageLink: false });
    expect(pageActions(shiminStaff, page({ status: 'DRAFT' }), NOW)).toMatchObject({ open: false, abolish: false });
    expect(pageActions(operationsManager, page(), NOW)).toEqual({ open: false, stop: false, abolish: false, requestTopPageLink: false, requestTopPageLinkRelease: false, recordCheck: true });
    expect(pageActions(operationsManager, page({ status: 'STOPPED' }), NOW).recordCheck).toBe(false);
  });
});

describe(`第27条第2項第2号: the operations manager checks pages periodically (every ${REVIEW_INTERVAL_DAYS} days, and after their posting period)`, () => {
  it('an open page falls due 90 days after its last check, or, never checked, after it was first opened', () => {
    expect(checkDueOn(page({ lastCheck: { checkedAt: '2026-06-01T03:00:00Z', checkedBy: 'soumu-manager' } }))).toBe(addDays('2026-06-01', 90));
    expect(checkDueOn(page())).toBe('2026-06-30');
    expect(addDays('2026-04-01', 90)).toBe('2026-06-30');
  });

  it('… or the day after its posting period ends, whichever is earlier', () => {
    expect(checkDueOn(page({ postingPeriod: { from: '2026-04-01', until: '2026-06-20' } }))).toBe('2026-06-21');
    expect(checkDueOn(page({ postingPeriod: { from: '2026-04-01', until: '2026-12-31' } }))).toBe('2026-06-30');
  });

  it('pages not open are not checked', () => {
    for (const status of ['DRAFT', 'STOPPED', 'ABOLISHED'] as const) {
      expect(checkDueOn(page({ status }))).toBeUndefined();
      expect(checkReasons(page({ status, postingPeriod: { from: '2025-01-01', until: '2025-12-31' } }), NOW)).toEqual([]);
    }
  });

  it('the reasons: PAST_POSTING_PERIOD after the last day, CHECK_OVERDUE from the day it falls due; both at once', () => {
    expect(checkReasons(page(), NOW)).toEqual([]);
    expect(checkReasons(page({ postingPeriod: { from: '2026-01-01', until: TODAY } }), NOW)).toEqual([]);
    expect(checkReasons(page({ postingPeriod: { from: '2026-01-01', until: '2026-06-14' } }), NOW)).toEqual(['PAST_POSTING_PERIOD']);
    expect(checkReasons(page({ firstOpenedAt: '2026-03-17T00:00:00Z' }), NOW)).toEqual(['CHECK_OVERDUE']); // 2026-03-17 + 90 = 2026-06-15
    expect(checkReasons(page({ firstOpenedAt: '2026-03-18T00:00:00Z' }), NOW)).toEqual([]);
    expect(checkReasons(page({ firstOpenedAt: '2025-01-01T00:00:00Z', postingPeriod: { from: '2025-01-01', until: '2025-12-31' } }), NOW)).toEqual(['PAST_POSTING_PERIOD', 'CHECK_OVERDUE']);
  });

  it('a page listed as due has a reason, and one with a reason is due (checkDueOn ≤ today ⇔ reasons)', () => {
    const variants = [
      page(),
      page({ firstOpenedAt: '2026-03-17T00:00:00Z' }),
      page({ postingPeriod: { from: '2026-01-01', until: '2026-06-14' } }),
      page({ postingPeriod: { from: '2026-01-01', until: TODAY } }),
      page({ lastCheck: { checkedAt: '2026-03-16T16:00:00Z', checkedBy: 'x' } }), // 2026-03-17 in Tokyo
    ];
    for (const p of variants) expect((checkDueOn(p) as string) <= TODAY).toBe(checkReasons(p, NOW).length > 0);
  });

  it('recording a check moves the due date; only the operations manager records it, on open pages, not in the future', () => {
    const patch = recordCheck(operationsManager, page(), { note: ' 内容確認 ' }, NOW);
    expect(patch).toEqual({ lastCheck: { checkedAt: NOW, checkedBy: 'soumu-manager', note: '内容確認' } });
    expect(checkDueOn(page(patch))).toBe(addDays(TODAY, 90));
    expect(recordCheck(operationsManager, page(), { checkedAt: '2026-06-14T09:00:00+09:00' }, NOW).lastCheck?.checkedAt).toBe('2026-06-14T00:00:00.000Z');
    for (const who of [shiminManager, administrator, digitalManager, formerOperationsManager]) {
      expect(refusal(() => recordCheck(who, page(), {}, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第27条第2項第2号' });
    }
    expect(refusal(() => recordCheck(operationsManager, page({ status: 'STOPPED' }), {}, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第27条第2項第2号' });
    expect(refusal(() => recordCheck(operationsManager, page(), { checkedAt: '2026-06-16T00:00:00Z' }, NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['checkedAt'] });
    expect(
      refusal(() => recordCheck(operationsManager, page({ lastCheck: { checkedAt: '2026-06-10T00:00:00.000Z', checkedBy: 'x' } }), { checkedAt: '2026-06-01T00:00:00Z' }, NOW)),
    ).toMatchObject({ code: 'INVALID_VALUE', field: ['checkedAt'] });
  });
});

describe('第27条第4項第4号: 様式第10号, sent in advance by the ホームページ情報管理者 to the operations manager', () => {
  it('the information manager of the page’s department requests; others are refused', () => {
    expect(() => assertMayRequestLink(shiminManager, page(), NOW)).not.toThrow();
    expect(refusal(() => assertMayRequestLink(kenkouManager, page(), NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT', article: '第27条第4項第4号', field: ['pageId'] });
    expect(refusal(() => assertMayRequestLink(operationsManager, page(), NOW))).toMatchObject({ code: 'WRONG_DEPARTMENT' });
    expect(refusal(() => assertMayRequestLink(shiminStaff, page(), NOW))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('SET needs an open page not on the top page (DUPLICATE); RELEASE needs the link there (NOT_ON_TOP_PAGE)', () => {
    expect(() => assertLinkRequestable('SET', page(), undefined)).not.toThrow();
    expect(() => assertLinkRequestable('SET', page(), link({ status: 'RELEASED' }))).not.toThrow();
    expect(refusal(() => assertLinkRequestable('SET', page(), link()))).toMatchObject({ code: 'DUPLICATE', article: '第27条第4項第4号' });
    for (const status of ['DRAFT', 'STOPPED', 'ABOLISHED'] as const) {
      expect(refusal(() => assertLinkRequestable('SET', page({ status }), undefined))).toMatchObject({ code: 'INVALID_STATE', article: '第27条第4項第4号' });
    }
    expect(() => assertLinkRequestable('RELEASE', page(), link())).not.toThrow();
    expect(refusal(() => assertLinkRequestable('RELEASE', page(), undefined))).toMatchObject({ code: 'NOT_ON_TOP_PAGE', article: '第27条第4項第4号' });
    expect(refusal(() => assertLinkRequestable('RELEASE', page(), link({ status: 'RELEASED' })))).toMatchObject({ code: 'NOT_ON_TOP_PAGE' });
  });

  it('SET: the link’s title and category default to the page’s, its display period from today to the end of the posting period', () => {
    expect(linkRequestFields({ action: 'SET' }, page(), undefined, NOW)).toEqual({
      title: 'トップページリンク設定「住民票の写しの請求」',
      action: 'SET',
      linkTitle: '住民票の写しの請求',
      categoryId: 'kurashi',
      displayPeriod: { from: TODAY, until: undefined },
      note: undefined,
    });
    const limited = page({ postingPeriod: { from: '2026-07-01', until: '2026-09-30' } });
    expect(linkRequestFields({ action: 'SET', linkTitle: ' 住民票 ', categoryId: 'other' }, limited, undefined, NOW)).toMatchObject({
      linkTitle: '住民票',
      categoryId: 'other',
      displayPeriod: { from: '2026-07-01', until: '2026-09-30' },
    });
    // Without its last day, the link is shown until the page's posting period ends.
    expect(linkRequestFields({ action: 'SET', displayPeriod: { from: '2026-07-15' } }, limited, undefined, NOW).displayPeriod).toEqual({ from: '2026-07-15', until: '2026-09-30' });
  });

  it.each([
    ['a blank link title', { linkTitle: ' ' }, page(), ['linkTitle']],
    ['a display period already ended', { displayPeriod: { from: '2026-06-01', until: '2026-06-14' } }, page(), ['displayPeriod', 'until']],
    ['a display period ending before it starts', { displayPeriod: { from: '2026-07-01', until: '2026-06-30' } }, page(), ['displayPeriod', 'until']],
    ['a display period before the posting period', { displayPeriod: { from: '2026-06-15' } }, page({ postingPeriod: { from: '2026-07-01' } }), ['displayPeriod']],
    ['a display period beyond the posting period', { displayPeriod: { from: '2026-06-15', until: '2027-01-01' } }, page({ postingPeriod: { from: '2026-01-01', until: '2026-12-31' } }), ['displayPeriod']],
  ])('SET: %s is refused (INVALID_VALUE)', (_what, extra, p, field) => {
    expect(refusal(() => linkRequestFields({ action: 'SET', ...extra }, p, undefined, NOW))).toMatchObject({ code: 'INVALID_VALUE', article: '第27条第4項第4号', field });
  });

  it('RELEASE: the form carries the link as it stands; it names nothing else', () => {
    expect(linkRequestFields({ action: 'RELEASE', note: '掲載終了' }, page({ onTopPage: true }), link(), NOW)).toEqual({
      title: 'トップページリンク解除「住民票」',
      action: 'RELEASE',
      linkTitle: '住民票',
      categoryId: 'kurashi',
      displayPeriod: { from: '2026-06-01' },
      note: '掲載終了',
    });
    expect(refusal(() => linkRequestFields({ action: 'RELEASE', linkTitle: 'x' }, page(), link(), NOW))).toMatchObject({ code: 'INVALID_VALUE', field: ['action'] });
    // Explicit nulls from a client name nothing.
    expect(linkRequestFields({ action: 'RELEASE', linkTitle: null, displayPeriod: null } as never, page(), link(), NOW)).toMatchObject({ action: 'RELEASE', linkTitle: '住民票' });
  });

  it('only the homepage operations manager decides', () => {
    expect(() => assertMayDecideLinkRequest(operationsManager, NOW)).not.toThrow();
    for (const who of [shiminManager, administrator, generalManager, digitalManager, formerOperationsManager]) {
      expect(refusal(() => assertMayDecideLinkRequest(who, NOW))).toMatchObject({ code: 'FORBIDDEN', article: '第27条第4項第4号', field: ['applicationId'] });
    }
    expect(linkRequestActions(operationsManager, request(), NOW)).toMatchObject({ decide: true });
    expect(linkRequestActions(shiminManager, request(), NOW)).toMatchObject({ decide: false, withdraw: true });
    expect(linkRequestActions(operationsManager, request({ applicantId: 'soumu-manager' }), NOW)).toMatchObject({ decide: false });
  });
});

describe('第27条第4項第4号: the approval — and only it — changes the top page (あらかじめ)', () => {
  it('SET puts the link, keyed by the page, on the top page; the page records it', () => {
    const { link: set, page: patch } = approveLinkRequest(request(), page(), undefined, 'soumu-manager', NOW);
    expect(set).toMatchObject({ id: 'juuminhyou', pageId: 'juuminhyou', title: '住民票', status: 'ACTIVE', setByRequestId: 'req-1', setBy: 'soumu-manager', setAt: NOW, version: 1 });
    expect(patch).toEqual({ onTopPage: true });
    expect(isOnTopPageNow(set, NOW)).toBe(true);
  });

  it('SET again after a release reactivates the page’s link, with the version read', () => {
    const released = link({ status: 'RELEASED', releasedAt: EARLIER, releasedBy: 'soumu-manager', releasedByRequestId: 'req-0b', version: 2 });
    const { link: set } = approveLinkRequest(request(), page(), released, 'soumu-manager', NOW);
    expect(set).toMatchObject({ status: 'ACTIVE', version: 3, setByRequestId: 'req-1', releasedAt: undefined, releasedByRequestId: undefined, createdAt: EARLIER });
  });

  it('RELEASE marks the link RELEASED (it stays on record) and the page unlinked', () => {
    const { link: released, page: patch } = approveLinkRequest(request({ action: 'RELEASE' }), page({ onTopPage: true }), link(), 'soumu-manager', NOW);
    expect(released).toMatchObject({ status: 'RELEASED', releasedAt: NOW, releasedBy: 'soumu-manager', releasedByRequestId: 'req-1', setByRequestId: 'req-0', version: 2 });
    expect(patch).toEqual({ onTopPage: false });
    expect(isOnTopPageNow(released, NOW)).toBe(false);
  });

  it('refused at approval as at request: a link already there (DUPLICATE), none to release (NOT_ON_TOP_PAGE), a page no longer open', () => {
    expect(refusal(() => approveLinkRequest(request(), page(), link(), 'soumu-manager', NOW))).toMatchObject({ code: 'DUPLICATE' });
    expect(refusal(() => approveLinkRequest(request({ action: 'RELEASE' }), page(), undefined, 'soumu-manager', NOW))).toMatchObject({ code: 'NOT_ON_TOP_PAGE' });
    expect(refusal(() => approveLinkRequest(request(), page({ status: 'STOPPED' }), undefined, 'soumu-manager', NOW))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('on the top page now: ACTIVE and within its display period, both days included', () => {
    expect(isOnTopPageNow(link({ displayPeriod: { from: TODAY, until: TODAY } }), NOW)).toBe(true);
    expect(isOnTopPageNow(link({ displayPeriod: { from: '2026-06-16' } }), NOW)).toBe(false);
    expect(isOnTopPageNow(link({ displayPeriod: { from: '2026-06-01', until: '2026-06-14' } }), NOW)).toBe(false);
  });
});

describe('第27条第4項第2号: coordination with the departments the information relates to', () => {
  const draft = (): HomepagePage => ({
    id: 'pg', departmentId: 'shimin', title: '転入手続', path: '/tennyu', categoryId: 'c', postingPeriod: { from: '2026-04-01' }, status: 'DRAFT',
    draftedBy: 'shimin-staff', onTopPage: false, version: 1, createdAt: NOW, updatedAt: NOW,
  });
  const apply = (p: HomepagePage, patch: Partial<HomepagePage>): HomepagePage => ({ ...p, ...patch, version: p.version + 1 });

  it('a page marked as relating to 健康推進課 opens only once the coordination with it is recorded as agreed', () => {
    const marked = apply(draft(), setRelatedDepartments(shiminManager, draft(), ['kenkou', 'kenkou'], NOW));
    expect(marked.relatedDepartmentIds).toEqual(['kenkou']);
    expect(uncoordinatedDepartments(marked)).toEqual(['kenkou']);
    expect(refusal(() => openPage(shiminManager, marked, NOW))).toMatchObject({ code: 'INVALID_STATE', article: '第27条第4項第2号' });
    const objected = apply(marked, recordCoordination(shiminManager, marked, { departmentId: 'kenkou', withPersonId: 'kenkou-manager', on: '2026-06-10', outcome: 'NOT_AGREED' }, NOW));
    expect(refusal(() => openPage(shiminManager, objected, NOW)).article).toBe('第27条第4項第2号');
    const agreed = apply(objected, recordCoordination(shiminManager, objected, { departmentId: 'kenkou', on: '2026-06-12', outcome: 'AGREED', note: '健診日程の表記を確認' }, NOW));
    expect(agreed.coordinations).toEqual([expect.objectContaining({ departmentId: 'kenkou', outcome: 'AGREED', on: '2026-06-12', recordedBy: 'shimin-manager' })]);
    expect(openPage(shiminManager, agreed, NOW).status).toBe('OPEN');
  });

  it('only the page department’s information manager records it, for a listed department, on a day not in the future', () => {
    expect(refusal(() => setRelatedDepartments(kenkouManager, draft(), ['kenkou'], NOW)).code).toBe('WRONG_DEPARTMENT');
    expect(refusal(() => setRelatedDepartments(shiminManager, draft(), ['shimin'], NOW)).field).toEqual(['departmentIds']);
    const marked = apply(draft(), setRelatedDepartments(shiminManager, draft(), ['kenkou'], NOW));
    expect(refusal(() => recordCoordination(shiminManager, marked, { departmentId: 'fukushi', on: '2026-06-10', outcome: 'AGREED' }, NOW)).field).toEqual(['departmentId']);
    expect(refusal(() => recordCoordination(shiminManager, marked, { departmentId: 'kenkou', on: '2026-06-20', outcome: 'AGREED' }, NOW)).field).toEqual(['on']);
    // Unmarking drops the coordinations with departments no longer listed.
    const agreed = apply(marked, recordCoordination(shiminManager, marked, { departmentId: 'kenkou', on: '2026-06-10', outcome: 'AGREED' }, NOW));
    expect(setRelatedDepartments(shiminManager, agreed, [], NOW)).toEqual({ relatedDepartmentIds: [], coordinations: [] });
  });
});
