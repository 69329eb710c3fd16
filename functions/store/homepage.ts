/**
 * ホームページ (第27条): categories, pages, 様式第10号 requests and the links on the top page, with the claims
 * that keep page paths and category names unique. Key layout in README.md.
 */
import { ClaimKind, HomepageCategory, HomepageClaim, HomepagePage, TopPageLink, TopPageLinkRequest, checkDueOn } from '../domain/homepage';
import { tokyoDate } from '../domain/people';
import { Store, compact, fromItem, listPage } from './store';
import { Item, PageRequest } from './table';
import { inboxPartition } from './consultations';

export const categoryKey = (id: string) => ({ pk: `HPCAT#${id}`, sk: 'HPCAT' });
export const pageKey = (id: string) => ({ pk: `HPPAGE#${id}`, sk: 'HPPAGE' });
export const linkRequestKey = (id: string) => ({ pk: `TOPLINKREQ#${id}`, sk: 'TOPLINKREQ' });
/** A page has at most one link on the top page: the link is keyed by the page. */
export const topPageLinkKey = (pageId: string) => ({ pk: `TOPLINK#${pageId}`, sk: 'TOPLINK' });

/** A claim on a unique value (a page's path, a category's name): one item per value. */
export const claimKey = (kind: ClaimKind, value: string) => ({ pk: `HPCLAIM#${kind}#${value}`, sk: 'CLAIM' });

/** The sparse partition of the links on the top page (only ACTIVE links carry it), by the last day shown. */
export const TOP_PAGE = 'TOPPAGE';
/** The sparse partition of open pages, by the date each falls due for the periodic check (第27条第2項第2号). */
export const HOMEPAGE_CHECK = 'HOMEPAGE_CHECK';
const OPEN_ENDED = '9999-12-31';

export function categoryItem(c: HomepageCategory): Item {
  return { ...categoryKey(c.id), entity: 'HomepageCategory', kindPk: 'HomepageCategory', kindSk: c.id, ...compact(c) };
}

export function pageItem(p: HomepagePage): Item {
  const due = checkDueOn(p);
  return {
    ...pageKey(p.id),
    entity: 'HomepagePage',
    deptPk: `DEPT#${p.departmentId}`,
    deptSk: `HPPAGE#${p.id}`,
    // Sparse: only an open page awaits the periodic check, by the date it falls due.
    ...(due ? { duePk: HOMEPAGE_CHECK, dueSk: `${due}#${p.id}` } : {}),
    ...compact(p),
  };
}

export function linkRequestItem(r: TopPageLinkRequest): Item {
  return {
    ...linkRequestKey(r.id),
    entity: 'TopPageLinkRequest',
    kindPk: 'TopPageLinkRequest',
    kindSk: r.id,
    // Sparse: only a submitted request is in the operations manager's inbox, oldest first.
    ...(r.status === 'SUBMITTED' ? { inboxPk: inboxPartition('HOMEPAGE_OPERATIONS_MANAGER'), inboxSk: `${r.submittedAt}#${r.id}` } : {}),
    applicantPk: `PERSON#${r.applicantId}`,
    applicantSk: r.id,
    subjectPk: `HPPAGE#${r.pageId}`,
    subjectSk: `TOPLINKREQ#${r.id}`,
    ...compact(r),
  };
}

export function topPageLinkItem(l: TopPageLink): Item {
  return {
    ...topPageLinkKey(l.pageId),
    entity: 'TopPageLink',
    // Sparse: only a link set on the top page is in its partition, by its last day shown (open-ended last).
    ...(l.status === 'ACTIVE' ? { subjectPk: TOP_PAGE, subjectSk: `${l.displayPeriod.until ?? OPEN_ENDED}#${l.pageId}` } : {}),
    ...compact(l),
  };
}

export function claimItem(c: HomepageClaim): Item {
  return { ...claimKey(c.kind, c.value), entity: 'HomepageClaim', ...compact(c) };
}

async function load<T>(store: Store, key: { pk: string; sk: string }): Promise<T | undefined> {
  const item = await store.load(key.pk, key.sk);
  return item && fromItem<T>(item);
}

export const getCategory = (store: Store, id: string) => load<HomepageCategory>(store, categoryKey(id));
export const getPage = (store: Store, id: string) => load<HomepagePage>(store, pageKey(id));
export const getLinkRequest = (store: Store, id: string) => load<TopPageLinkRequest>(store, linkRequestKey(id));
export const getTopPageLink = (store: Store, pageId: string) => load<TopPageLink>(store, topPageLinkKey(pageId));
export const getClaim = (store: Store, kind: ClaimKind, value: string) => load<HomepageClaim>(store, claimKey(kind, value));

export async function listCategories(store: Store, request: PageRequest) {
  return listPage<HomepageCategory>(await store.table.query({ index: 'byKind', partition: 'HomepageCategory', ...request }), store);
}

export async function listPagesOfDepartment(store: Store, departmentId: string, request: PageRequest) {
  return listPage<HomepagePage>(await store.table.query({ index: 'byDepartment', partition: `DEPT#${departmentId}`, prefix: 'HPPAGE#', ...request }), store);
}

/** Open pages due for the periodic check by today (第27条第2項第2号), the longest due first. */
export async function listPagesDueForCheck(store: Store, now: string, request: PageRequest) {
  return listPage<HomepagePage>(
    await store.table.query({ index: 'byDueDate', partition: HOMEPAGE_CHECK, between: ['0', `${tokyoDate(now)}#~`], ...request }),
    store,
  );
}

/** Links set on the top page whose display period has not ended (some may not have started: the caller tells). */
export async function listRunningTopPageLinks(store: Store, now: string, request: PageRequest) {
  return listPage<TopPageLink>(await store.table.query({ index: 'bySubject', partition: TOP_PAGE, between: [tokyoDate(now), '~'], ...request }), store);
}

export async function listLinkRequestsOfPage(store: Store, pageId: string, request: PageRequest) {
  return listPage<TopPageLinkRequest>(
    await store.table.query({ index: 'bySubject', partition: `HPPAGE#${pageId}`, prefix: 'TOPLINKREQ#', ...request, descending: true }),
    store,
  );
}

/** The state 様式第10号's rules read (topPageLinkForm): the page, and its link on the top page now. */
export async function linkRequestState(store: Store, r: TopPageLinkRequest) {
  const [page, link] = await Promise.all([getPage(store, r.pageId), getTopPageLink(store, r.pageId)]);
  return { page, link };
}
