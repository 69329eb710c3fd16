/**
 * The demo city's ホームページ (第27条, 様式第10号): the five categories, open pages of 市民課 and 健康推進課, one
 * page past its posting period, one not checked for long, a draft, and one link already on the top page (with the
 * approved 様式第10号 that set it). Ids are stable (demo-page-juuminhyou, …) for walkthroughs; dates follow `now`.
 */
import { HomepageCategory, HomepageClaim, HomepagePage, TopPageLink, TopPageLinkRequest } from '../../domain/homepage';
import { addDays } from '../../domain/period';
import { tokyoDate } from '../../domain/people';
import { Part, alongWith } from '../../domain/change';
import { SeedBatch, seedOf, seeded } from './seedBatch';

/** The operations manager (総務課長) keeps the categories and the top page. */
const OPERATIONS_MANAGER = 'soumu-manager';

export const DEMO_CATEGORIES: [id: string, name: string, description: string][] = [
  ['demo-cat-kurashi', 'くらし・手続き', '届出・証明・税・ごみなど暮らしの手続き。'],
  ['demo-cat-kenkou', '健康・福祉', '健診・予防接種・介護・障がい福祉。'],
  ['demo-cat-kosodate', '子育て・教育', '妊娠・出産・保育・学校。'],
  ['demo-cat-shisei', '市政情報', '市の概要・計画・財政・選挙。'],
  ['demo-cat-kankou', '観光・イベント', '観光案内・催し物。'],
];

type DemoPage = {
  id: string;
  departmentId: string;
  title: string;
  path: string;
  categoryId: string;
  /** Days relative to today. */
  from: number;
  until?: number;
  status: HomepagePage['status'];
  /** Days ago it was first opened, and last checked (none: never checked). */
  openedDaysAgo?: number;
  checkedDaysAgo?: number;
};

export const DEMO_PAGES: DemoPage[] = [
  { id: 'demo-page-juuminhyou', departmentId: 'shimin', title: '住民票の写しの請求', path: '/kurashi/juuminhyou', categoryId: 'demo-cat-kurashi', from: -400, status: 'OPEN', openedDaysAgo: 400, checkedDaysAgo: 20 },
  { id: 'demo-page-mynumber', departmentId: 'shimin', title: 'マイナンバーカードの申請', path: '/kurashi/mynumber', categoryId: 'demo-cat-kurashi', from: -300, status: 'OPEN', openedDaysAgo: 300, checkedDaysAgo: 10 },
  { id: 'demo-page-gankenshin', departmentId: 'kenkou', title: 'がん検診のご案内', path: '/kenkou/gankenshin', categoryId: 'demo-cat-kenkou', from: -60, until: 240, status: 'OPEN', openedDaysAgo: 60, checkedDaysAgo: 30 },
  // Past its posting period, still open: the periodic check finds it (PAST_POSTING_PERIOD).
  { id: 'demo-page-influenza', departmentId: 'kenkou', title: 'インフルエンザ予防接種の助成(昨季)', path: '/kenkou/influenza', categoryId: 'demo-cat-kenkou', from: -200, until: -14, status: 'OPEN', openedDaysAgo: 200, checkedDaysAgo: 45 },
  // Never checked since it was opened long ago (CHECK_OVERDUE).
  { id: 'demo-page-gaiyou', departmentId: 'soumu', title: '白石市の概要', path: '/shisei/gaiyou', categoryId: 'demo-cat-shisei', from: -500, status: 'OPEN', openedDaysAgo: 500 },
  // A draft of 市民課 awaiting its information manager's approval to open (第27条第4項第1号).
  { id: 'demo-page-koseki', departmentId: 'shimin', title: '戸籍証明書の郵送請求', path: '/kurashi/koseki', categoryId: 'demo-cat-kurashi', from: 0, status: 'DRAFT' },
];

/** The link already on the top page: マイナンバーカードの申請, set by an approved 様式第10号. */
const LINKED_PAGE = 'demo-page-mynumber';

/** An id ordered by time like `newId` (resolvers/support.ts), so the request sorts by its date in `myApplications`. */
const timeOrderedId = (at: string, tag: string) => `${Date.parse(at).toString(36).padStart(9, '0')}000${tag}`;

export function demoHomepage(now: string): SeedBatch[] {
  const today = tokyoDate(now);
  const day = (offset: number) => addDays(today, offset);
  const instant = (daysAgo: number) => new Date(Date.parse(now) - daysAgo * 86_400_000).toISOString();
  const batches: SeedBatch[] = [];
  let n = 0;
  const nextId = () => `seed-homepage-${n++}`;
  // A name or path is claimed by the object that holds it (no two alike), the claim new with the object.
  const claim = (kind: HomepageClaim['kind'], value: string, holderId: string): Part => ({
    part: 'HomepageClaim',
    value: { kind, value, holderId, version: 1, updatedAt: now } satisfies HomepageClaim,
  });

  for (const [id, name, description] of DEMO_CATEGORIES) {
    const c: HomepageCategory = { id, name, description, createdBy: OPERATIONS_MANAGER, version: 1, createdAt: now, updatedAt: now };
    batches.push(seeded(alongWith(seedOf('HomepageCategory', c), { parts: [claim('CATEGORY_NAME', name, id)] }), now, nextId()));
  }

  for (const d of DEMO_PAGES) {
    const p: HomepagePage = {
      id: d.id,
      departmentId: d.departmentId,
      title: d.title,
      path: d.path,
      categoryId: d.categoryId,
      postingPeriod: { from: day(d.from), until: d.until === undefined ? undefined : day(d.until) },
      status: d.status,
      draftedBy: `${d.departmentId}-manager`,
      firstOpenedAt: d.openedDaysAgo === undefined ? undefined : instant(d.openedDaysAgo),
      openedAt: d.openedDaysAgo === undefined ? undefined : instant(d.openedDaysAgo),
      lastCheck: d.checkedDaysAgo === undefined ? undefined : { checkedAt: instant(d.checkedDaysAgo), checkedBy: OPERATIONS_MANAGER, note: '掲載期間・内容・デザインを確認。' },
      onTopPage: d.id === LINKED_PAGE,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    batches.push(seeded(alongWith(seedOf('HomepagePage', p), { parts: [claim('PATH', p.path, p.id)] }), now, nextId()));
  }

  const setAt = instant(30);
  const requestedAt = instant(32);
  const request: TopPageLinkRequest = {
    id: timeOrderedId(requestedAt, 'demo0010'),
    form: 'FORM_10',
    title: 'トップページリンク設定「マイナンバーカードの申請」',
    action: 'SET',
    pageId: LINKED_PAGE,
    departmentId: 'shimin',
    linkTitle: 'マイナンバーカードの申請',
    categoryId: 'demo-cat-kurashi',
    displayPeriod: { from: day(-30) },
    applicantId: 'shimin-manager',
    status: 'APPROVED',
    submittedAt: requestedAt,
    decision: { outcome: 'APPROVED', decidedBy: OPERATIONS_MANAGER, decidedAt: setAt, conditions: [] },
    version: 3,
    createdAt: requestedAt,
    updatedAt: setAt,
  };
  const link: TopPageLink = {
    id: LINKED_PAGE,
    pageId: LINKED_PAGE,
    title: request.linkTitle,
    categoryId: request.categoryId,
    displayPeriod: request.displayPeriod,
    status: 'ACTIVE',
    setByRequestId: request.id,
    setBy: OPERATIONS_MANAGER,
    setAt,
    version: 1,
    createdAt: setAt,
    updatedAt: setAt,
  };
  batches.push(seeded(alongWith(seedOf('TopPageLinkRequest', request), { changes: seedOf('TopPageLink', link).changes }), now, [nextId(), nextId()]));
  return batches;
}
