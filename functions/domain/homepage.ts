/**
 * ホームページ (第27条): the city homepage as the regulation divides it.
 * - The homepage operations manager (ホームページ運用管理者, 総務課長) keeps the categories (掲載情報グループ,
 *   第2項第4号), the top page (第2項第1号) and the periodic check of posting periods and content (第2項第2号).
 * - Each department's information manager, as ホームページ情報管理者, approves opening, stopping and abolishing its
 *   pages (第4項第1号) and asks, in advance, for a link on the top page to be set or released with
 *   様式第10号 ホームページトップページリンク設定・解除依頼書 (第4項第4号). Only the approval of that request changes
 *   the top page: nothing appears there before it (あらかじめ).
 * Dates are the city's calendar dates (YYYY-MM-DD, Asia/Tokyo); `now` is always passed in.
 */
import { Actor, DEPARTMENT_ROLES, assertInformationManagerOf, holds, tokyoDate } from './people';
import { addDays, isDate } from './period';
import { Part, Transition, advance, alongWith, changeOf } from './change';
import { Form, newApplication } from './forms';
import { Name, allows, exists, refuse } from './refusal';
import { ApplicationState, assertVersion, permittedActions } from './workflow';

export const CATEGORY_ARTICLE = '第27条第2項第4号';
export const CHECK_ARTICLE = '第27条第2項第2号';
export const PAGE_APPROVAL_ARTICLE = '第27条第4項第1号';
export const CONTENT_ARTICLE = '第27条第4項第3号';
export const TOP_PAGE_LINK_ARTICLE = '第27条第4項第4号';
export const COORDINATION_ARTICLE = '第27条第4項第2号';

/**
 * 第27条第2項第2号 「情報の掲載期間、情報内容及びデザイン等を定期的に確認」: the regulation says "periodically"
 * without an interval; the city checks every open page at least every 90 days. A page falls due for its check
 * 90 days after its last check (or, never checked, after it was first opened).
 */
export const REVIEW_INTERVAL_DAYS = 90;

/** A posting or display period: inclusive dates; open-ended when `until` is absent. */
export interface OpenPeriod {
  from: string;
  until?: string;
}

// ─── Claims on unique values ────────────────────────────────────────────────────────────────────────────────

/** What must be unique: a page's path among pages not abolished, a category's name. */
export type ClaimKind = 'PATH' | 'CATEGORY_NAME';

/**
 * A claim on a unique value: held while `holderId` is set. Released claims are kept (and taken again with the
 * version read): the table's writers put items, they never delete them.
 */
export interface HomepageClaim {
  kind: ClaimKind;
  value: string;
  holderId?: string;
  version: number;
  updatedAt: string;
}

/** The claim written with the version read (none: it must not exist yet), so two racing takers cannot both win. */
const claimPart = (claim: HomepageClaim, read: HomepageClaim | undefined): Part => ({ part: 'HomepageClaim', value: claim, expectedVersion: read?.version });

/** Takes `value` for `holderId` from the claim as read; `taken` refuses when another holds it. */
function take(read: HomepageClaim | undefined, kind: ClaimKind, value: string, holderId: string, now: string, taken: () => never): Part {
  if (read?.holderId) taken();
  return claimPart({ kind, value, holderId, version: (read?.version ?? 0) + 1, updatedAt: now }, read);
}

/** Lets a value its holder held go (an abolished page's path); nothing when another holds it. */
function letGo(read: HomepageClaim | undefined, holderId: string, now: string): Part[] {
  if (!read || read.holderId !== holderId) return [];
  return [claimPart({ ...read, holderId: undefined, version: read.version + 1, updatedAt: now }, read)];
}

// ─── Categories (掲載情報グループ, 第2項第4号) ─────────────────────────────────────────────────────────────────

export interface HomepageCategory {
  id: string;
  name: string;
  description?: string;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function isHomepageOperationsManager(actor: Actor, now: string): boolean {
  return holds(actor, 'HOMEPAGE_OPERATIONS_MANAGER', now);
}

/** Refuses unless the actor is the homepage operations manager (ホームページ運用管理者, 総務課長) today. */
export function assertHomepageOperationsManager(actor: Actor, now: string, article: string, what: Name, field?: string[]): void {
  if (!isHomepageOperationsManager(actor, now)) {
    refuse('FORBIDDEN', [`${what[0]}ことができるのは、ホームページ運用管理者 (総務課長) のみです。`, `Only the homepage operations manager may ${what[1]}.`], article, field);
  }
}

export function createCategory(actor: Actor, input: { name: string; description?: string }, id: string, now: string): HomepageCategory {
  // 第27条第2項第4号: the operations manager coordinates the categories for new information.
  assertHomepageOperationsManager(actor, now, CATEGORY_ARTICLE, ['掲載情報グループを作成する', 'create a category']);
  const name = input.name.trim();
  if (!name) refuse('INVALID_VALUE', ['掲載情報グループ (カテゴリ) の名称を入力してください。', 'Name the category.'], CATEGORY_ARTICLE, ['name']);
  return { id, name, description: input.description?.trim() || undefined, createdBy: actor.person.id, version: 1, createdAt: now, updatedAt: now };
}

// ─── Pages ────────────────────────────────────────────────────────────────────────────────────────────────────

export const PAGE_STATUSES = ['DRAFT', 'OPEN', 'STOPPED', 'ABOLISHED'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];
/** Where a page stands, as a message in Japanese says it. */
const PAGE_STATUS_JA: Record<PageStatus, string> = { DRAFT: '作成中', OPEN: '公開中', STOPPED: '停止中', ABOLISHED: '廃止済' };

export interface HomepageCheck {
  checkedAt: string;
  checkedBy: string;
  note?: string;
}

export interface HomepagePage {
  id: string;
  /** The department in charge (主管課) whose page it is. */
  departmentId: string;
  title: string;
  /** Where it stands on the site, e.g. /kurashi/juuminhyou; unique among pages not abolished. */
  path: string;
  categoryId: string;
  postingPeriod: OpenPeriod;
  status: PageStatus;
  draftedBy: string;
  firstOpenedAt?: string;
  openedAt?: string;
  stoppedAt?: string;
  abolishedAt?: string;
  /** The operations manager's last periodic check (第2項第2号). */
  lastCheck?: HomepageCheck;
  /** Whether a link on the top page points here: set and cleared only by approvals of 様式第10号, with the link. */
  onTopPage: boolean;
  /** 第27条第4項第2号: the other departments the page's information relates to (他課に関連する情報). */
  relatedDepartmentIds?: string[];
  /** The coordination with each of them, the latest for each department (bounded by the departments listed). */
  coordinations?: PageCoordination[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PageInput {
  title: string;
  path: string;
  postingPeriod: OpenPeriod;
}

const PATH = /^\/[A-Za-z0-9._~\-/]*$/;

/** A site path as compared for uniqueness: trimmed, without a trailing slash (except the root). */
export function normalizePath(path: string): string {
  const p = path.trim();
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

export function validateOpenPeriod(p: OpenPeriod, article: string, field: string): void {
  if (!isDate(p.from)) refuse('INVALID_VALUE', ['期間の開始日を日付 (YYYY-MM-DD) で入力してください。', 'The period starts on a date (YYYY-MM-DD).'], article, [field, 'from']);
  if (p.until !== undefined) {
    if (!isDate(p.until)) refuse('INVALID_VALUE', ['期間の終了日を日付 (YYYY-MM-DD) で入力してください。', 'The period ends on a date (YYYY-MM-DD).'], article, [field, 'until']);
    if (p.until < p.from) refuse('INVALID_VALUE', ['期間の終了日が開始日より前になっています。', 'The period ends before it starts.'], article, [field, 'until']);
  }
}

export function validatePageInput(input: PageInput): PageInput {
  const title = input.title.trim();
  if (!title) refuse('INVALID_VALUE', ['ページ名を入力してください。', 'Give the page a title.'], CONTENT_ARTICLE, ['title']);
  const path = normalizePath(input.path);
  if (!PATH.test(path) || path.includes('//') || path.split('/').some((s) => s === '.' || s === '..')) {
    refuse('INVALID_VALUE', ['サイト上のパスは / で始め、英数字と . _ ~ - / のみで入力してください (例: /kurashi/juuminhyou)。', 'The path on the site starts with / and holds letters, digits and . _ ~ - / only (e.g. /kurashi/juuminhyou).'], CONTENT_ARTICLE, ['path']);
  }
  validateOpenPeriod(input.postingPeriod, CONTENT_ARTICLE, 'postingPeriod');
  return { title, path, postingPeriod: { from: input.postingPeriod.from, until: input.postingPeriod.until ?? undefined } };
}

/**
 * 第27条第4項第3号・第5号: the department's pages are its own to prepare — its staff (職員等) or its information
 * manager drafts them. One who acts for another department is told it is not theirs; anyone else, that the role is not.
 */
export function assertMayDraftPage(actor: Actor, departmentId: string, now: string): void {
  if (holds(actor, 'INFORMATION_MANAGER', now, departmentId) || holds(actor, 'STAFF', now, departmentId)) return;
  const actsForAnother = DEPARTMENT_ROLES.some((r) => holds(actor, r, now));
  if (actsForAnother) {
    refuse(
      'WRONG_DEPARTMENT',
      ['ページを作成できるのは、そのページの所管課の職員等又は情報管理責任者のみです。', "A department's pages are drafted by its own staff or information manager."],
      CONTENT_ARTICLE,
      ['departmentId'],
    );
  }
  refuse(
    'FORBIDDEN',
    ['ページを作成できるのは、主管課の職員等又は情報管理責任者のみです。', "Only the department's staff or its information manager drafts its pages."],
    CONTENT_ARTICLE,
    ['departmentId'],
  );
}

export function draftPage(actor: Actor, departmentId: string, categoryId: string, input: PageInput, id: string, now: string): HomepagePage {
  assertMayDraftPage(actor, departmentId, now);
  const fields = validatePageInput(input);
  return {
    id,
    departmentId,
    categoryId,
    ...fields,
    status: 'DRAFT',
    draftedBy: actor.person.id,
    onTopPage: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** 第27条第4項第1号: the department's information manager, as ホームページ情報管理者, approves. */
function assertPageApprover(actor: Actor, page: HomepagePage, now: string, what: Name): void {
  assertInformationManagerOf(actor, [page.departmentId], now, PAGE_APPROVAL_ARTICLE, ['pageId'], [`ホームページ情報管理者として${what[0]}`, `${what[1]} (as the homepage information manager)`]);
}

function postingEnded(page: Pick<HomepagePage, 'postingPeriod'>, now: string): boolean {
  return page.postingPeriod.until !== undefined && tokyoDate(now) > page.postingPeriod.until;
}

// ─── Coordination with related departments (第27条第4項第2号) ───────────────────────────────────────────────────

export const COORDINATION_OUTCOMES = ['AGREED', 'NOT_AGREED'] as const;
export type CoordinationOutcome = (typeof COORDINATION_OUTCOMES)[number];

/** 関係する主管課との調整: with which department, with whom, on which day, and how it ended. */
export interface PageCoordination {
  departmentId: string;
  /** The person of that department it was settled with, when named. */
  withPersonId?: string;
  on: string;
  outcome: CoordinationOutcome;
  note?: string;
  recordedBy: string;
  recordedAt: string;
}

function assertCoordinator(actor: Actor, page: HomepagePage, now: string): void {
  assertInformationManagerOf(actor, [page.departmentId], now, COORDINATION_ARTICLE, ['pageId'], ['ホームページ情報管理者として関係する主管課との調整を記録する', 'record the coordination with related departments (as the homepage information manager)']);
  if (page.status === 'ABOLISHED') refuse('INVALID_STATE', ['廃止済のページです。', 'The page is abolished.'], COORDINATION_ARTICLE, ['pageId']);
}

/** 第27条第4項第2号: the page is marked as relating to other departments; coordinations with departments no longer listed fall away. */
export function setRelatedDepartments(actor: Actor, page: HomepagePage, departmentIds: string[], now: string): Partial<HomepagePage> {
  assertCoordinator(actor, page, now);
  const related = [...new Set(departmentIds)];
  if (related.includes(page.departmentId)) refuse('INVALID_VALUE', ['自課は関係する他課に含めません。', 'The page’s own department is not another department.'], COORDINATION_ARTICLE, ['departmentIds']);
  return { relatedDepartmentIds: related, coordinations: (page.coordinations ?? []).filter((c) => related.includes(c.departmentId)) };
}

/** 第27条第4項第2号: the coordination with one related department; a later one for the same department replaces it. */
export function recordCoordination(actor: Actor, page: HomepagePage, input: Omit<PageCoordination, 'recordedBy' | 'recordedAt'>, now: string): Partial<HomepagePage> {
  assertCoordinator(actor, page, now);
  if (!(page.relatedDepartmentIds ?? []).includes(input.departmentId)) {
    refuse('INVALID_VALUE', ['このページに関係する主管課として登録されていない課です。先に関係する主管課を登録してください。', 'That department is not listed as related to the page; list it first.'], COORDINATION_ARTICLE, ['departmentId']);
  }
  if (!isDate(input.on) || input.on > tokyoDate(now)) refuse('INVALID_VALUE', ['調整日は調整した日 (YYYY-MM-DD) とし、未来の日付は入力できません。', 'on is the day it was settled, not in the future.'], COORDINATION_ARTICLE, ['on']);
  const c: PageCoordination = { ...input, note: input.note?.trim() || undefined, recordedBy: actor.person.id, recordedAt: now };
  return { coordinations: [...(page.coordinations ?? []).filter((x) => x.departmentId !== c.departmentId), c] };
}

/** The related departments without an agreed coordination: the page does not open while there is one. */
export function uncoordinatedDepartments(page: Pick<HomepagePage, 'relatedDepartmentIds' | 'coordinations'>): string[] {
  const agreed = new Set((page.coordinations ?? []).filter((c) => c.outcome === 'AGREED').map((c) => c.departmentId));
  return (page.relatedDepartmentIds ?? []).filter((d) => !agreed.has(d));
}

/** Opening (開設) a drafted page, or reopening a stopped one: approved by the department's information manager. */
export function openPage(actor: Actor, page: HomepagePage, now: string): Partial<HomepagePage> {
  assertPageApprover(actor, page, now, ['このページの公開を承認する', 'approve opening this page']);
  const uncoordinated = uncoordinatedDepartments(page);
  if (uncoordinated.length) {
    // 第27条第4項第2号
    refuse('INVALID_STATE', [`関係する主管課 (${uncoordinated.join('、')}) との調整が済んでいないため、公開できません。`, `Coordination with the related departments (${uncoordinated.join(', ')}) is not settled; the page is not opened.`], COORDINATION_ARTICLE, ['pageId']);
  }
  if (page.status !== 'DRAFT' && page.status !== 'STOPPED') {
    refuse('INVALID_STATE', [`${PAGE_STATUS_JA[page.status]}のページは公開できません。公開できるのは作成中又は停止中のページです。`, `A ${page.status.toLowerCase()} page cannot be opened; only drafted and stopped ones.`], PAGE_APPROVAL_ARTICLE);
  }
  if (postingEnded(page, now)) {
    refuse('INVALID_STATE', ['このページの掲載期間は終了しているため、公開できません。', 'The posting period of this page has ended; it is not opened.'], PAGE_APPROVAL_ARTICLE, ['pageId']);
  }
  return { status: 'OPEN', openedAt: now, firstOpenedAt: page.firstOpenedAt ?? now, stoppedAt: undefined };
}

/** 第27条第4項第4号: the top page links only to pages that are there; its link is released first (様式第10号). */
function assertNotOnTopPage(page: HomepagePage, what: Name): void {
  if (page.onTopPage) {
    refuse(
      'INVALID_STATE',
      [`このページはトップページからリンクされています。${what[0]}する前に、リンクの解除を依頼してください (様式第10号)。`, `This page is linked from the top page: ask for the link to be released (Form No. 10) before you ${what[1]} it.`],
      TOP_PAGE_LINK_ARTICLE,
      ['pageId'],
    );
  }
}

export function stopPage(actor: Actor, page: HomepagePage, now: string): Partial<HomepagePage> {
  assertPageApprover(actor, page, now, ['このページの停止を承認する', 'approve stopping this page']);
  if (page.status !== 'OPEN') refuse('INVALID_STATE', [`停止できるのは公開中のページのみです。このページは${PAGE_STATUS_JA[page.status]}です。`, `Only an open page can be stopped; this one is ${page.status.toLowerCase()}.`], PAGE_APPROVAL_ARTICLE);
  assertNotOnTopPage(page, ['停止', 'stop']);
  return { status: 'STOPPED', stoppedAt: now };
}

export function abolishPage(actor: Actor, page: HomepagePage, now: string): Partial<HomepagePage> {
  assertPageApprover(actor, page, now, ['このページの廃止を承認する', 'approve abolishing this page']);
  if (page.status === 'ABOLISHED') refuse('INVALID_STATE', ['このページは既に廃止されています。', 'This page is already abolished.'], PAGE_APPROVAL_ARTICLE);
  assertNotOnTopPage(page, ['廃止', 'abolish']);
  return { status: 'ABOLISHED', abolishedAt: now };
}

// ─── The periodic check (第27条第2項第2号) ────────────────────────────────────────────────────────────────────

export const CHECK_REASONS = ['PAST_POSTING_PERIOD', 'CHECK_OVERDUE'] as const;
export type CheckReason = (typeof CHECK_REASONS)[number];


/** The date the page's periodic check counts from: its last check, or, never checked, when it was first opened. */
function reviewBase(page: HomepagePage): string {
  return tokyoDate(page.lastCheck?.checkedAt ?? page.firstOpenedAt ?? page.openedAt ?? page.createdAt);
}

/**
 * The date an open page falls due for the operations manager's check: the earlier of the day after its posting
 * period ends and its last check plus the review interval. Pages not open are not checked (undefined).
 */
export function checkDueOn(page: HomepagePage): string | undefined {
  if (page.status !== 'OPEN') return undefined;
  const review = addDays(reviewBase(page), REVIEW_INTERVAL_DAYS);
  const posting = page.postingPeriod.until !== undefined ? addDays(page.postingPeriod.until, 1) : undefined;
  return posting !== undefined && posting < review ? posting : review;
}

/** Why an open page awaits the check today: empty when it does not (agrees with `checkDueOn`). */
export function checkReasons(page: HomepagePage, now: string): CheckReason[] {
  if (page.status !== 'OPEN') return [];
  const today = tokyoDate(now);
  const reasons: CheckReason[] = [];
  if (postingEnded(page, now)) reasons.push('PAST_POSTING_PERIOD');
  if (addDays(reviewBase(page), REVIEW_INTERVAL_DAYS) <= today) reasons.push('CHECK_OVERDUE');
  return reasons;
}

export function recordCheck(actor: Actor, page: HomepagePage, input: { checkedAt?: string; note?: string }, now: string): Partial<HomepagePage> {
  // 第27条第2項第2号: the operations manager checks posting periods, content and design periodically.
  assertHomepageOperationsManager(actor, now, CHECK_ARTICLE, ['ページの定期点検を記録する', 'record the periodic check of a page'], ['pageId']);
  if (page.status !== 'OPEN') refuse('INVALID_STATE', [`点検するのは公開中のページのみです。このページは${PAGE_STATUS_JA[page.status]}です。`, `Only open pages are checked; this one is ${page.status.toLowerCase()}.`], CHECK_ARTICLE, ['pageId']);
  const checkedAt = input.checkedAt ? new Date(input.checkedAt).toISOString() : now;
  if (checkedAt > now) refuse('INVALID_VALUE', ['点検は実施した後に記録します。checkedAt に未来の日時は入力できません。', 'A check is recorded once it is done: checkedAt is not in the future.'], CHECK_ARTICLE, ['checkedAt']);
  if (page.lastCheck && checkedAt < page.lastCheck.checkedAt) {
    refuse('INVALID_VALUE', ['前回記録された点検より前の点検は記録できません。', 'A check is not recorded before the last one recorded.'], CHECK_ARTICLE, ['checkedAt']);
  }
  return { lastCheck: { checkedAt, checkedBy: actor.person.id, note: input.note?.trim() || undefined } };
}

// ─── The top page (様式第10号, 第27条第4項第4号) ──────────────────────────────────────────────────────────────

export const LINK_ACTIONS = ['SET', 'RELEASE'] as const;
export type LinkAction = (typeof LINK_ACTIONS)[number];

export interface TopPageLinkRequest extends ApplicationState {
  id: string;
  form: 'FORM_10';
  title: string;
  action: LinkAction;
  pageId: string;
  /** The page's department: its information manager requests. */
  departmentId: string;
  /** The link as it is to be set (SET) or as it stands (RELEASE). */
  linkTitle: string;
  categoryId: string;
  displayPeriod: OpenPeriod;
  note?: string;
  createdAt: string;
  updatedAt: string;
}

export interface TopPageLink {
  /** The page's id: a page has at most one link on the top page. */
  id: string;
  pageId: string;
  title: string;
  categoryId: string;
  displayPeriod: OpenPeriod;
  status: 'ACTIVE' | 'RELEASED';
  setByRequestId: string;
  setBy: string;
  setAt: string;
  releasedByRequestId?: string;
  releasedBy?: string;
  releasedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function isLinkActive(link: TopPageLink | undefined): link is TopPageLink {
  return link?.status === 'ACTIVE';
}

/** On the top page now: set (ACTIVE) and within its display period. */
export function isOnTopPageNow(link: TopPageLink, now: string): boolean {
  const today = tokyoDate(now);
  return link.status === 'ACTIVE' && link.displayPeriod.from <= today && (link.displayPeriod.until === undefined || today <= link.displayPeriod.until);
}

/** 第27条第4項第4号: the information manager of the page's department sends 様式第10号. */
export function assertMayRequestLink(actor: Actor, page: HomepagePage, now: string): void {
  assertInformationManagerOf(actor, [page.departmentId], now, TOP_PAGE_LINK_ARTICLE, ['pageId'], ['ホームページ情報管理者としてこのページへのトップページリンクを依頼する', 'ask for a top-page link to this page (as the homepage information manager)']);
}

/**
 * What the top page must be for the request to make sense, checked at request, at submission and at approval:
 * a link is set only to an open page that has none; only a link that is there is released.
 */
export function assertLinkRequestable(action: LinkAction, page: HomepagePage, link: TopPageLink | undefined): void {
  if (action === 'SET') {
    if (page.status !== 'OPEN') {
      refuse('INVALID_STATE', [`トップページからリンクできるのは公開中のページのみです。このページは${PAGE_STATUS_JA[page.status]}です。`, `The top page links only to open pages; this one is ${page.status.toLowerCase()}.`], TOP_PAGE_LINK_ARTICLE, ['pageId']);
    }
    if (isLinkActive(link)) refuse('DUPLICATE', ['このページには既にトップページからのリンクがあります。', 'This page is already linked from the top page.'], TOP_PAGE_LINK_ARTICLE, ['pageId']);
  } else if (!isLinkActive(link)) {
    refuse('NOT_ON_TOP_PAGE', ['トップページにこのページへのリンクはないため、解除できません。', 'The top page has no link to this page to release.'], TOP_PAGE_LINK_ARTICLE, ['pageId']);
  }
}

export interface LinkRequestInput {
  action: LinkAction;
  linkTitle?: string;
  categoryId?: string;
  displayPeriod?: OpenPeriod;
  note?: string;
}

/**
 * The contents of 様式第10号. SET: the link's title (default: the page's), its category (default: the page's)
 * and display period (default: from today until the page's posting period ends), within the posting period.
 * RELEASE: the link as it stands on the top page.
 */
export function linkRequestFields(
  input: LinkRequestInput,
  page: HomepagePage,
  link: TopPageLink | undefined,
  now: string,
): Pick<TopPageLinkRequest, 'title' | 'action' | 'linkTitle' | 'categoryId' | 'displayPeriod' | 'note'> {
  const note = input.note?.trim() || undefined;
  if (input.action === 'RELEASE') {
    const current = link as TopPageLink; // assertLinkRequestable has found it ACTIVE
    if (input.linkTitle != null || input.categoryId != null || input.displayPeriod != null) {
      refuse('INVALID_VALUE', ['解除の依頼ではページのみを指定してください。解除するのはトップページにある現在のリンクです。', 'A release names the page only: the link released is the one on the top page.'], TOP_PAGE_LINK_ARTICLE, ['action']);
    }
    return { title: `トップページリンク解除「${current.title}」`, action: 'RELEASE', linkTitle: current.title, categoryId: current.categoryId, displayPeriod: current.displayPeriod, note };
  }
  const linkTitle = (input.linkTitle ?? page.title).trim();
  if (!linkTitle) refuse('INVALID_VALUE', ['リンク名を入力してください。', 'Give the link a title.'], TOP_PAGE_LINK_ARTICLE, ['linkTitle']);
  const today = tokyoDate(now);
  const displayPeriod: OpenPeriod = {
    from: input.displayPeriod?.from ?? (page.postingPeriod.from > today ? page.postingPeriod.from : today),
    until: input.displayPeriod?.until ?? page.postingPeriod.until,
  };
  validateOpenPeriod(displayPeriod, TOP_PAGE_LINK_ARTICLE, 'displayPeriod');
  if (displayPeriod.until !== undefined && displayPeriod.until < today) {
    refuse('INVALID_VALUE', ['表示期間は既に終了しています。', 'The display period has already ended.'], TOP_PAGE_LINK_ARTICLE, ['displayPeriod', 'until']);
  }
  const posting = page.postingPeriod;
  if (displayPeriod.from < posting.from || (posting.until !== undefined && (displayPeriod.until === undefined || displayPeriod.until > posting.until))) {
    refuse('INVALID_VALUE', ['リンクの表示期間は、ページの掲載期間内としてください。', 'The link is displayed within the posting period of its page.'], TOP_PAGE_LINK_ARTICLE, ['displayPeriod']);
  }
  return { title: `トップページリンク設定「${linkTitle}」`, action: 'SET', linkTitle, categoryId: input.categoryId ?? page.categoryId, displayPeriod, note };
}

/** 第27条第4項第4号: the homepage operations manager, to whom 様式第10号 is sent, decides it. */
export function assertMayDecideLinkRequest(actor: Actor, now: string): void {
  assertHomepageOperationsManager(actor, now, TOP_PAGE_LINK_ARTICLE, ['トップページリンク設定・解除依頼 (様式第10号) を決裁する', 'decide a request for a top-page link (Form No. 10)'], ['applicationId']);
}

/**
 * What an approval does to the top page, in the same transaction: SET puts the link there (new, or the page's
 * released link set again), RELEASE takes it off (the link stays on record as RELEASED). The page records it too,
 * so stopping and abolishing it meet the link (and race with the approval on the page's version).
 */
export function approveLinkRequest(
  r: TopPageLinkRequest,
  page: HomepagePage,
  link: TopPageLink | undefined,
  deciderId: string,
  now: string,
): { link: TopPageLink; page: Partial<HomepagePage> } {
  assertLinkRequestable(r.action, page, link);
  if (r.action === 'SET') {
    return {
      link: {
        id: page.id,
        pageId: page.id,
        title: r.linkTitle,
        categoryId: r.categoryId,
        displayPeriod: r.displayPeriod,
        status: 'ACTIVE',
        setByRequestId: r.id,
        setBy: deciderId,
        setAt: now,
        releasedByRequestId: undefined,
        releasedBy: undefined,
        releasedAt: undefined,
        version: (link?.version ?? 0) + 1,
        createdAt: link?.createdAt ?? now,
        updatedAt: now,
      },
      page: { onTopPage: true },
    };
  }
  const current = link as TopPageLink;
  return {
    link: { ...current, status: 'RELEASED', releasedByRequestId: r.id, releasedBy: deciderId, releasedAt: now, version: current.version + 1, updatedAt: now },
    page: { onTopPage: false },
  };
}

export function linkRequestActions(actor: Actor, r: TopPageLinkRequest, now: string) {
  return permittedActions(r, actor.person.id, isHomepageOperationsManager(actor, now));
}

/** What the viewer may do next with a page, each by the rule that would refuse it (`viewerCan*`). */
export function pageActions(actor: Actor, page: HomepagePage, now: string) {
  const mayRequest = allows(() => assertMayRequestLink(actor, page, now));
  return {
    open: allows(() => openPage(actor, page, now)),
    stop: allows(() => stopPage(actor, page, now)),
    abolish: allows(() => abolishPage(actor, page, now)),
    requestTopPageLink: mayRequest && page.status === 'OPEN' && !page.onTopPage,
    requestTopPageLinkRelease: mayRequest && page.onTopPage,
    recordCheck: allows(() => recordCheck(actor, page, {}, now)),
  };
}

/** What the viewer may do with a link on the top page: ask for its release, as the page's information manager. */
export function topPageLinkActions(actor: Actor, link: TopPageLink, page: HomepagePage, now: string) {
  return { requestRelease: isLinkActive(link) && allows(() => assertMayRequestLink(actor, page, now)) };
}

/** What a top-page link request's rules read: the page, and the link it has on the top page now. */
export interface LinkRequestState {
  page?: HomepagePage;
  link?: TopPageLink;
}

/**
 * 様式第10号 on the shared workflow: the information manager of the page's department sends it, the homepage
 * operations manager decides; the approval changes the top page in the same transaction.
 */
export const topPageLinkForm: Form<TopPageLinkRequest, LinkRequestState> = {
  kind: 'TopPageLinkRequest',
  readsStateOn: ['submit', 'approve'],
  action: 'topPageLinkRequest',
  article: () => TOP_PAGE_LINK_ARTICLE,
  checkSubmit({ actor, now }, r, state) {
    const page = exists(state.page, ['ホームページのページ', 'page'], ['pageId']);
    assertMayRequestLink(actor, page, now);
    assertLinkRequestable(r.action, page, state.link);
  },
  assertMayDecide: (actor, _r, now) => assertMayDecideLinkRequest(actor, now),
  decider: () => ({ role: 'HOMEPAGE_OPERATIONS_MANAGER' }),
  // 第27条第4項第4号: the link is set or released when — and only when — the request is approved (あらかじめ).
  approve({ actor, now }, _before, after, _decision, state) {
    const page = exists(state.page, ['ホームページのページ', 'page'], ['applicationId']);
    const effect = approveLinkRequest(after, page, state.link, actor.person.id, now);
    const set = after.action === 'SET';
    const article = TOP_PAGE_LINK_ARTICLE;
    return {
      after,
      changes: [
        // Keyed by the page and written with the version read: two approvals racing cannot both set a link.
        { kind: 'TopPageLink', before: state.link, after: effect.link, action: set ? 'topPageLink.set' : 'topPageLink.released', article },
        { kind: 'HomepagePage', before: page, after: advance(page, effect.page, now), action: set ? 'homepagePage.linkedFromTopPage' : 'homepagePage.unlinkedFromTopPage', article },
      ],
    };
  },
};

/** A new 様式第10号 of the page's information manager, drafted (第27条第4項第4号); `category` as named by the request. */
export function draftLinkRequest(
  actor: Actor,
  page: HomepagePage,
  link: TopPageLink | undefined,
  category: HomepageCategory | undefined,
  input: Omit<LinkRequestInput, 'categoryId'>,
  id: string,
  now: string,
): TopPageLinkRequest {
  assertMayRequestLink(actor, page, now);
  assertLinkRequestable(input.action, page, link);
  const fields = linkRequestFields({ ...input, categoryId: category?.id }, page, link, now);
  return { ...newApplication(actor, id, now), form: 'FORM_10', ...fields, pageId: page.id, departmentId: page.departmentId };
}

/** Opening, stopping, abolishing: the rule first (a decided state answers whatever version was seen), then the version. */
function decided(page: HomepagePage, patch: Partial<HomepagePage>, expectedVersion: number, verb: string, now: string): Transition<HomepagePage> {
  assertVersion(page.version, expectedVersion);
  return changeOf('HomepagePage', page, advance(page, patch, now), `homepagePage.${verb}`, PAGE_APPROVAL_ARTICLE);
}

/** The changes of the homepage, each a transition: the rule, the article, the audit action, the claims beside it. */
export const homepage = {
  createCategory(actor: Actor, input: { name: string; description?: string }, nameClaim: HomepageClaim | undefined, id: string, now: string) {
    const c = createCategory(actor, input, id, now);
    const taken = () => refuse('DUPLICATE', [`「${c.name}」という名称の掲載情報グループは既にあります。`, `A category named "${c.name}" exists already.`], CATEGORY_ARTICLE, ['name']);
    return alongWith(changeOf('HomepageCategory', undefined, c, 'homepageCategory.created', CATEGORY_ARTICLE), { parts: [take(nameClaim, 'CATEGORY_NAME', c.name, c.id, now, taken)] });
  },
  draftPage(actor: Actor, departmentId: string, categoryId: string, input: PageInput, pathClaim: HomepageClaim | undefined, id: string, now: string) {
    const p = draftPage(actor, departmentId, categoryId, input, id, now);
    // 第27条第2項第3号: one page at a path (the operations manager coordinates the pages' structure and routes).
    const taken = () => refuse('DUPLICATE', [`パス ${p.path} は他のページが使用しています。`, `Another page stands at ${p.path}.`], '第27条第2項第3号', ['path']);
    return alongWith(changeOf('HomepagePage', undefined, p, 'homepagePage.drafted', CONTENT_ARTICLE), { parts: [take(pathClaim, 'PATH', p.path, p.id, now, taken)] });
  },
  open: (actor: Actor, page: HomepagePage, expectedVersion: number, now: string) => decided(page, openPage(actor, page, now), expectedVersion, 'opened', now),
  stop: (actor: Actor, page: HomepagePage, expectedVersion: number, now: string) => decided(page, stopPage(actor, page, now), expectedVersion, 'stopped', now),
  /** 第27条第2項第3号: an abolished page's path is free for another page. */
  abolish: (actor: Actor, page: HomepagePage, expectedVersion: number, pathClaim: HomepageClaim | undefined, now: string) =>
    alongWith(decided(page, abolishPage(actor, page, now), expectedVersion, 'abolished', now), { parts: letGo(pathClaim, page.id, now) }),
  setRelatedDepartments: (actor: Actor, page: HomepagePage, departmentIds: string[], now: string) =>
    changeOf('HomepagePage', page, advance(page, setRelatedDepartments(actor, page, departmentIds, now), now), 'homepagePage.relatedDepartmentsSet', COORDINATION_ARTICLE),
  recordCoordination(actor: Actor, page: HomepagePage, input: Parameters<typeof recordCoordination>[2], now: string) {
    const after = advance(page, recordCoordination(actor, page, input, now), now);
    return changeOf('HomepagePage', page, after, 'homepagePage.coordinationRecorded', COORDINATION_ARTICLE, { recorded: { after: { coordination: after.coordinations?.at(-1) } } });
  },
  recordCheck(actor: Actor, page: HomepagePage, expectedVersion: number, input: { checkedAt?: string; note?: string }, now: string) {
    const patch = recordCheck(actor, page, input, now);
    assertVersion(page.version, expectedVersion);
    return changeOf('HomepagePage', page, advance(page, patch, now), 'homepagePage.checked', CHECK_ARTICLE, { note: patch.lastCheck?.note });
  },
};
