/**
 * ホームページシステム管理者 (第27条第3項): デジタル推進課長 manages the homepage system — its security (第1号) and
 * the rest of its management (第2号). Each security check is a record of its own: the day it was made, the result
 * of every item a city checks, and what was done about the issues found. A check with ISSUE items is a finding
 * until a later check finds those items OK; a homepage not checked within CHECK_INTERVAL_DAYS is overdue.
 */
import { Transition, changeOf } from './change';
import { Actor, actingForIn, holds, tokyoDate } from './people';
import { addDays, isDate } from './period';
import { allows, refuse } from './refusal';

export const ARTICLE = '第27条第3項';
export const SECURITY_ARTICLE = '第27条第3項第1号';

/**
 * The homepage system is checked at least this often. The article sets no interval (「セキュリティを管理すること」):
 * a quarter is the city's own practice, the interval of the pages' own checks (homepage.ts REVIEW_INTERVAL_DAYS).
 */
export const CHECK_INTERVAL_DAYS = 90;

/** What a check covers, each once: the security of a public web system as a serious city checks it. */
export const SECURITY_ITEMS = ['ACCESS_CONTROL', 'SOFTWARE_UPDATES', 'TAMPERING', 'BACKUP', 'CERTIFICATE', 'ACCESS_LOG'] as const;
export type SecurityItem = (typeof SECURITY_ITEMS)[number];

/** Each item as a message in Japanese names it. */
export const SECURITY_ITEM_JA: Record<SecurityItem, string> = {
  ACCESS_CONTROL: '管理者アカウント・権限の管理',
  SOFTWARE_UPDATES: 'CMS・OS等の更新適用/脆弱性対策',
  TAMPERING: '改ざんの検知',
  BACKUP: 'バックアップと復旧手順',
  CERTIFICATE: 'サーバ証明書・暗号化通信',
  ACCESS_LOG: 'アクセスログの確認',
};

export type SecurityResult = 'OK' | 'ISSUE';

export interface SecurityItemResult {
  item: SecurityItem;
  result: SecurityResult;
  /** What was found (required for an ISSUE). */
  note?: string;
}

export interface HomepageSecurityCheck {
  id: string;
  /** The day the check was made (YYYY-MM-DD, Asia/Tokyo). */
  checkedOn: string;
  /** Every item, once, in the order of SECURITY_ITEMS. */
  items: SecurityItemResult[];
  /** What was done, or is to be done, about the issues found. */
  measuresTaken?: string;
  recordedBy: string;
  /** 職務代理: the homepage system manager in whose place it was recorded. */
  actingFor?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SecurityCheckInput {
  checkedOn: string;
  items: SecurityItemResult[];
  measuresTaken?: string;
}

const MAY_READ = ['HOMEPAGE_SYSTEM_MANAGER', 'HOMEPAGE_OPERATIONS_MANAGER', 'SYSTEM_ADMINISTRATOR', 'GENERAL_MANAGER'] as const;

/**
 * 第27条第3項: the homepage system's security checks are read by the homepage system manager who makes them, the
 * homepage operations manager (第27条第2項), the system administrator and the general manager.
 */
export function mayReadSecurityChecks(actor: Actor, now: string): boolean {
  return MAY_READ.some((role) => holds(actor, role, now));
}

export function assertMayReadSecurityChecks(actor: Actor, now: string): void {
  if (!mayReadSecurityChecks(actor, now)) {
    refuse('FORBIDDEN', ['ホームページシステムのセキュリティ点検は、ホームページシステム管理者、ホームページ運用管理者、情報システム管理者及び総括管理責任者が参照できます。', 'The homepage system manager, the homepage operations manager, the system administrator and the general manager read the homepage security checks.'], ARTICLE);
  }
}

/** 第27条第3項第1号: the homepage system manager (デジタル推進課長, or the person acting for them) manages the security. */
export function assertMayRecordSecurityCheck(actor: Actor, now: string): void {
  if (!holds(actor, 'HOMEPAGE_SYSTEM_MANAGER', now)) {
    refuse('FORBIDDEN', ['ホームページシステムのセキュリティの管理は、ホームページシステム管理者 (デジタル推進課長) が行います。', 'The homepage system manager (the head of the digital promotion division) manages the security of the homepage system.'], SECURITY_ARTICLE);
  }
}

/** 第27条第3項第1号: a check of every item, once each; an issue described; made on or before today. */
export function recordSecurityCheck(actor: Actor, input: SecurityCheckInput, id: string, now: string): HomepageSecurityCheck {
  assertMayRecordSecurityCheck(actor, now);
  const A = SECURITY_ARTICLE;
  if (!isDate(input.checkedOn)) refuse('INVALID_VALUE', ['checkedOn (点検日) は日付 (YYYY-MM-DD) で入力してください。', 'checkedOn is a date (YYYY-MM-DD).'], A, ['checkedOn']);
  if (input.checkedOn > tokyoDate(now)) refuse('INVALID_VALUE', ['点検は、行った後に記録してください (未来の日付は記録できません)。', 'A check is recorded once it is made, not before.'], A, ['checkedOn']);
  const duplicated = SECURITY_ITEMS.filter((item) => input.items.filter((r) => r.item === item).length > 1);
  if (duplicated.length) {
    refuse('INVALID_VALUE', [`点検項目は一つずつ記録してください (重複: ${duplicated.map((i) => SECURITY_ITEM_JA[i]).join('、')})。`, `Record each item once (duplicated: ${duplicated.join(', ')}).`], A, ['items']);
  }
  const missing = SECURITY_ITEMS.filter((item) => !input.items.some((r) => r.item === item));
  if (missing.length) {
    refuse('INVALID_VALUE', [`点検していない項目があります: ${missing.map((i) => SECURITY_ITEM_JA[i]).join('、')}。すべての項目を点検してください。`, `Items not checked: ${missing.join(', ')}. Check every item.`], A, ['items']);
  }
  const items = SECURITY_ITEMS.map((item) => {
    const r = input.items.find((x) => x.item === item) as SecurityItemResult;
    const note = r.note?.trim() || undefined;
    if (r.result === 'ISSUE' && !note) {
      refuse('INVALID_VALUE', [`「${SECURITY_ITEM_JA[item]}」に問題があるときは、その内容を記載してください。`, `Describe the issue found in ${item}.`], A, ['items', String(input.items.indexOf(r)), 'note']);
    }
    return { item, result: r.result, ...(note ? { note } : {}) };
  });
  return {
    id,
    checkedOn: input.checkedOn,
    items,
    measuresTaken: input.measuresTaken?.trim() || undefined,
    recordedBy: actor.person.id,
    actingFor: actingForIn(actor, 'HOMEPAGE_SYSTEM_MANAGER', now),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** The items a check found an issue with. */
export const issuesOf = (c: Pick<HomepageSecurityCheck, 'items'>): SecurityItem[] => c.items.filter((r) => r.result === 'ISSUE').map((r) => r.item);

export interface SecurityStatus {
  lastCheckedOn?: string;
  /** The day the next check is due; absent while never checked (overdue from the first day). */
  dueOn?: string;
  overdue: boolean;
  /**
   * The findings still open: the ISSUE items of the latest check. Every check covers every item, so an issue stays
   * open exactly until a later check finds its item OK.
   */
  openIssues: SecurityItem[];
}

/** Where the homepage system's security stands today, from its latest check (by the day it was made). */
export function securityStatus(latest: Pick<HomepageSecurityCheck, 'checkedOn' | 'items'> | undefined, now: string): SecurityStatus {
  if (!latest) return { overdue: true, openIssues: [] };
  const dueOn = addDays(latest.checkedOn, CHECK_INTERVAL_DAYS);
  return { lastCheckedOn: latest.checkedOn, dueOn, overdue: dueOn < tokyoDate(now), openIssues: issuesOf(latest) };
}

/** What the viewer may do with the homepage system's security now (`viewerCan*`). */
export function securityActions(actor: Actor, now: string) {
  return { recordCheck: allows(() => assertMayRecordSecurityCheck(actor, now)) };
}

/** The transitions of the homepage system's security, as the one write path carries them out (functions/resolvers/write.ts). */
export const homepageSecurity = {
  record(actor: Actor, input: SecurityCheckInput, id: string, now: string): Transition<HomepageSecurityCheck> {
    const check = recordSecurityCheck(actor, input, id, now);
    const t = changeOf('HomepageSecurityCheck', undefined, check, 'homepageSecurityCheck.recorded', SECURITY_ARTICLE);
    return { ...t, changes: t.changes.map((c) => ({ ...c, actingFor: check.actingFor })) };
  },
};
