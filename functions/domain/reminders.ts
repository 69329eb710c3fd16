/**
 * 通知 — what falls due or is overdue across the regulation, addressed to the person who must act: passwords not
 * changed within the year (第24条第3項), equipment not returned (第25条第3号), data provided outside and not returned
 * or disposed of (第15条第4項第4号), homepage pages past their posting period or unchecked (第27条第2項第2号), the
 * homepage system's security check (第27条第3項第1号),
 * applications waiting too long for a decision. The job that finds them runs on a schedule; a notice's id is made from
 * what it is about and the stage reached, so running the job twice on a day records nothing twice.
 */
import { createHash } from 'node:crypto';
import { Transition, advance, changeOf } from './change';
import { Actor, Role, RoleAssignment, decidersOf, designationNeeded, holdersOf, holds, tokyoDate } from './people';
import { passwordStatus } from './passwords';
import { CHECK_INTERVAL_DAYS, HomepageSecurityCheck, SECURITY_ITEM_JA, securityStatus } from './homepageSystem';
import { addDays, daysBetween, wareki } from './period';
import { allows, refuse } from './refusal';

/**
 * The kinds the reminders job finds due. Each stays a notice of its own in the API, but is mailed only within its
 * addressee's DAILY_DIGEST of the day: one mail a person a day, however much falls due.
 */
export const REMINDER_KINDS = [
  'PASSWORD_DUE_SOON',
  'PASSWORD_OVERDUE',
  'EQUIPMENT_NOT_RETURNED',
  'PROVISION_PAST_PERIOD',
  'HOMEPAGE_CHECK_DUE',
  'HOMEPAGE_SECURITY_CHECK_DUE',
  'APPLICATION_WAITING',
] as const;

export const NOTICE_KINDS = [
  ...REMINDER_KINDS,
  // Written with the change they tell of, in its transaction (the outbox):
  'APPLICATION_SUBMITTED',
  'APPLICATION_DECIDED',
  'APPLICATION_COMMENTED',
  'DECIDER_NEEDED',
  'ACTING_DESIGNATED',
  'VIRUS_INCIDENT_REPORTED',
  'SYSTEM_STOP_ANNOUNCED',
  'COMMITTEE_MEETING_CONVENED',
  // The day's reminders of one person, in one mail:
  'DAILY_DIGEST',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function isReminderKind(kind: NoticeKind): boolean {
  return (REMINDER_KINDS as readonly NoticeKind[]).includes(kind);
}

/** What each kind of notice says, in a line: the mail's subject when a notice has no title, a digest's headings. */
export const NOTICE_KIND_LABEL: Record<NoticeKind, string> = {
  PASSWORD_DUE_SOON: 'パスワードの変更期限が近づいています',
  PASSWORD_OVERDUE: 'パスワードの変更期限を過ぎています',
  EQUIPMENT_NOT_RETURNED: '持ち出した機器が返却されていません',
  PROVISION_PAST_PERIOD: '外部提供の期間が終了しました(返還・廃棄が未記録)',
  HOMEPAGE_CHECK_DUE: 'ホームページの確認期限が来ています',
  HOMEPAGE_SECURITY_CHECK_DUE: 'ホームページシステムのセキュリティ点検の期限が来ています',
  APPLICATION_WAITING: '決裁を待っている申請があります',
  APPLICATION_SUBMITTED: '決裁を求める申請が提出されました',
  APPLICATION_DECIDED: '申請が決裁されました',
  APPLICATION_COMMENTED: '申請にコメントがありました',
  DECIDER_NEEDED: '職務代理者の指定が必要です',
  ACTING_DESIGNATED: '職務代理者に指定されました',
  VIRUS_INCIDENT_REPORTED: 'コンピュータウイルス等の感染が報告されました',
  SYSTEM_STOP_ANNOUNCED: 'システムの停止が周知されました',
  COMMITTEE_MEETING_CONVENED: '管理運営委員会が招集されました',
  DAILY_DIGEST: '本日の通知',
};

/**
 * The article each kind of reminder rests on. A waiting application cites the article of its own form; a notice
 * written with a change cites the article of that change.
 */
export const NOTICE_ARTICLE: Partial<Record<NoticeKind, string>> = {
  PASSWORD_DUE_SOON: '第24条第3項',
  PASSWORD_OVERDUE: '第24条第3項',
  EQUIPMENT_NOT_RETURNED: '第25条第3号',
  PROVISION_PAST_PERIOD: '第15条第4項第4号',
  HOMEPAGE_CHECK_DUE: '第27条第2項第2号',
  HOMEPAGE_SECURITY_CHECK_DUE: '第27条第3項第1号',
};

/** An application that has waited this many days for its decision is reminded to the one who decides. */
export const WAITING_DAYS = 14;

/** The article of each numbered form: a waiting application cites the article its form rests on. */
export const FORM_ARTICLE: Record<string, string> = {
  FORM_1: '第7条',
  FORM_2: '第8条',
  FORM_3: '第9条',
  FORM_5: '第12条第2項',
  FORM_6: '第14条',
  FORM_8: '第15条第1項',
  FORM_10: '第27条第4項第4号',
  FORM_11: '第28条',
};

/** 様式第N号, for the messages. */
export function formLabel(form: string): string {
  const n = /^FORM_(\d+)$/.exec(form)?.[1];
  return n ? `様式第${n}号` : form;
}

export interface Notice {
  /** A hash of `key`: safe in global ids and audit keys whatever the subject's id holds. */
  id: string;
  /** What the notice is about, readable: kind, subject, stage and addressee (the same on every run). */
  key: string;
  addresseeId: string;
  kind: NoticeKind;
  article: string;
  /** The global type and key of what the notice is about. */
  subjectType: string;
  subjectId: string;
  /** The date it fell or falls due. */
  dueOn: string;
  /** The stage reached (e.g. `30`, `7`, `1` days before, `overdue`): a new stage is a new notice. */
  stage: string;
  /** 件名: one line, Japanese (the mail's subject); absent on notices recorded before mail. */
  title?: string;
  /** The body, Japanese; dates 和暦. */
  message: string;
  createdAt: string;
  /** When it last changed: recorded, then read. */
  updatedAt: string;
  readAt?: string;
  version: number;
}

/** Something found due, before it is addressed. */
export interface DueItem {
  kind: NoticeKind;
  subjectType: string;
  subjectId: string;
  dueOn: string;
  stage: string;
  message: string;
  /** The article, where the kind alone does not say it (the form of a waiting application). */
  article?: string;
  /** Either the person who must act, or the role (with its department) whose holder must. */
  to: { personId: string } | { role: Role; departmentId?: string };
  /** An application's applicant: never its decider; when no one else may decide, who must designate one is told. */
  applicantId?: string;
}

export { holdersOf } from './people';

/** What a notice is about, readable; the same item at the same stage for the same person has the same key. */
export function noticeKey(addresseeId: string, item: Pick<DueItem, 'kind' | 'subjectType' | 'subjectId' | 'stage'>): string {
  return `${item.kind}#${item.subjectType}#${item.subjectId}#${item.stage}#${addresseeId}`;
}

/**
 * The notice's id: a hash of its key, so running the job twice finds the notice it recorded before, and the id has
 * none of the separators global ids and audit keys use ('#', '|', ':'), whatever the subject's own id holds.
 */
export function noticeId(addresseeId: string, item: Pick<DueItem, 'kind' | 'subjectType' | 'subjectId' | 'stage'>): string {
  return createHash('sha256').update(noticeKey(addresseeId, item)).digest('hex').slice(0, 32);
}

/**
 * The notices for what is due: one per item and person responsible. An item whose role nobody holds today is
 * returned as unaddressed, so the job can report it rather than drop it.
 */
export function addressNotices(items: DueItem[], assignments: RoleAssignment[], now: string): { notices: Notice[]; unaddressed: DueItem[] } {
  const notices: Notice[] = [];
  const unaddressed: DueItem[] = [];
  for (const raw of items) {
    const { item, to } = addressed(raw, assignments, now);
    if (to.length === 0) unaddressed.push(item);
    for (const addresseeId of to) {
      notices.push({
        id: noticeId(addresseeId, item),
        key: noticeKey(addresseeId, item),
        addresseeId,
        kind: item.kind,
        article: item.article ?? NOTICE_ARTICLE[item.kind] ?? '',
        subjectType: item.subjectType,
        subjectId: item.subjectId,
        dueOn: item.dueOn,
        stage: item.stage,
        message: item.message,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
    }
  }
  return { notices, unaddressed };
}

/**
 * Who an item goes to: the person, or the holders of the role (acting persons too). An application goes to those who
 * may decide it, never its applicant; when that leaves no one, to the holder and the system administrator, with why
 * and who must designate an acting person (職務代理).
 */
function addressed(item: DueItem, assignments: RoleAssignment[], now: string): { item: DueItem; to: string[] } {
  if ('personId' in item.to) return { item, to: [item.to.personId] };
  if (item.applicantId === undefined) return { item, to: holdersOf(assignments, item.to.role, now, item.to.departmentId) };
  const d = decidersOf(assignments, item.to.role, item.applicantId, now, item.to.departmentId);
  if (!d.mustDesignate) return { item, to: d.deciders };
  const need = designationNeeded(item.to.role, item.applicantId, d);
  const to = [...new Set([...d.mustDesignate.holders, ...d.mustDesignate.administrators])].sort();
  return { item: { ...item, message: `${item.message}${need}` }, to };
}

/** How many days an application submitted at `submittedAt` has waited by `now`, by the city's calendar. */
export function daysWaiting(submittedAt: string, now: string): number {
  return daysBetween(tokyoDate(submittedAt), tokyoDate(now));
}

/** The waiting stage of an application: a notice at 14 days, then again each further 14. */
export function waitingStage(submittedAt: string, now: string): string | undefined {
  const days = daysWaiting(submittedAt, now);
  return days < WAITING_DAYS ? undefined : `waiting-${Math.floor(days / WAITING_DAYS) * WAITING_DAYS}`;
}

// ─── What falls due, by source ─────────────────────────────────────────────────────────────────────────────────

/**
 * 第15条第4項第4号: data provided outside whose period has ended without its return or disposal recorded. The
 * department that provided it must see to it; the general manager, who approved the provision (第15条第1項), is told too.
 */
export function provisionPastPeriod(
  p: { id: string; title: string; departmentId: string; period: { until: string } },
  now: string,
): DueItem[] {
  if (p.period.until >= tokyoDate(now)) return [];
  const item = {
    kind: 'PROVISION_PAST_PERIOD' as const,
    subjectType: 'ExternalProvision',
    subjectId: p.id,
    dueOn: p.period.until,
    stage: 'overdue',
    message: `外部提供「${p.title}」の提供期間(${wareki(p.period.until)}まで)が終了しましたが、返還又は廃棄が記録されていません。`,
  };
  return [
    { ...item, to: { role: 'INFORMATION_MANAGER', departmentId: p.departmentId } },
    { ...item, to: { role: 'GENERAL_MANAGER' } },
  ];
}

/**
 * 第27条第2項第2号: an open page due for the operations manager's check (its posting period over, or unchecked too
 * long). The due date is the stage: once checked, the page falls due again on a later date, and that is a new notice.
 */
export function homepageCheckDue(p: { id: string; title: string }, dueOn: string, now: string): DueItem | undefined {
  if (dueOn > tokyoDate(now)) return undefined;
  return {
    kind: 'HOMEPAGE_CHECK_DUE',
    subjectType: 'HomepagePage',
    subjectId: p.id,
    dueOn,
    stage: dueOn,
    message: `ホームページ「${p.title}」の掲載期間・内容の確認期限(${wareki(dueOn)})が来ています。`,
    to: { role: 'HOMEPAGE_OPERATIONS_MANAGER' },
  };
}

/**
 * 第27条第3項第1号: the homepage system's security check, due every CHECK_INTERVAL_DAYS (homepageSystem.ts), reminded to
 * the homepage system manager (デジタル推進課長) from its due day until a check is recorded; never checked, due at once.
 * The due date is the stage: each check makes a new one.
 */
export function homepageSecurityCheckDue(latest: Pick<HomepageSecurityCheck, 'id' | 'checkedOn' | 'items'> | undefined, now: string): DueItem | undefined {
  const status = securityStatus(latest, now);
  if (status.dueOn && status.dueOn > tokyoDate(now)) return undefined;
  const issues = status.openIssues.length ? `未解消の指摘事項: ${status.openIssues.map((i) => SECURITY_ITEM_JA[i]).join('、')}。` : '';
  return {
    kind: 'HOMEPAGE_SECURITY_CHECK_DUE',
    subjectType: latest ? 'HomepageSecurityCheck' : 'HomepageSystem',
    subjectId: latest ? latest.id : 'security',
    dueOn: status.dueOn ?? tokyoDate(now),
    stage: status.dueOn ?? 'never-checked',
    message: status.dueOn
      ? `ホームページシステムのセキュリティ点検の期限(${wareki(status.dueOn)}、前回${wareki(latest!.checkedOn)}から${CHECK_INTERVAL_DAYS}日)が来ています。点検して記録してください。${issues}`
      : 'ホームページシステムのセキュリティ点検が記録されていません。点検して記録してください。',
    to: { role: 'HOMEPAGE_SYSTEM_MANAGER' },
  };
}

/**
 * 第24条第3項: a password not changed within its interval. Reminded 30, 7 and 1 days before it falls due, and once
 * overdue; each threshold reached is a stage of its own (a run that misses a day still sends the latest stage).
 */
export function passwordReminder(
  r: { id: string; personId: string; systemId: string; changedOn: string; dueOn: string },
  now: string,
  systemName = r.systemId,
): DueItem | undefined {
  const status = passwordStatus(r.changedOn, now, daysBetween(r.changedOn, r.dueOn));
  if (status.state === 'CURRENT') return undefined;
  const overdue = status.state === 'OVERDUE';
  return {
    kind: overdue ? 'PASSWORD_OVERDUE' : 'PASSWORD_DUE_SOON',
    subjectType: 'PasswordRecord',
    subjectId: r.id,
    dueOn: status.dueOn,
    stage: overdue ? 'overdue' : String(status.reminder),
    message: overdue
      ? `${systemName}のパスワードの変更期限(${wareki(status.dueOn)})を過ぎています。変更してください。`
      : `${systemName}のパスワードの変更期限(${wareki(status.dueOn)})まであと${status.daysLeft}日です。`,
    to: { personId: r.personId },
  };
}

/** 第25条第3号: a device taken outside whose period has ended and whose return is not recorded. */
export function equipmentNotReturned(
  e: { id: string; requestedBy: string; device?: string; period: { until: string } },
  now: string,
): DueItem | undefined {
  if (e.period.until >= tokyoDate(now)) return undefined;
  return {
    kind: 'EQUIPMENT_NOT_RETURNED',
    subjectType: 'ProhibitedActException',
    subjectId: e.id,
    dueOn: e.period.until,
    stage: 'overdue',
    message: `持ち出した機器「${e.device ?? '(機器)'}」の返却期限(${wareki(e.period.until)})を過ぎています。返却を記録してください。`,
    to: { personId: e.requestedBy },
  };
}

/**
 * An application waiting for its decision since `submittedAt`: reminded to the holder of the deciding role (of the
 * department, for an information manager) after 14 days, citing the article of its form.
 */
export function applicationWaiting(
  a: { id: string; entity: string; form: string; submittedAt: string; title?: string; applicantId?: string },
  decider: { role: Role; departmentId?: string },
  now: string,
): DueItem | undefined {
  const stage = waitingStage(a.submittedAt, now);
  if (!stage) return undefined;
  const label = formLabel(a.form);
  return {
    kind: 'APPLICATION_WAITING',
    subjectType: a.entity,
    subjectId: a.id,
    dueOn: addDays(tokyoDate(a.submittedAt), WAITING_DAYS),
    stage,
    article: FORM_ARTICLE[a.form],
    applicantId: a.applicantId,
    message: `${label}${a.title ? `「${a.title}」` : 'の申請'}が${daysWaiting(a.submittedAt, now)}日間決裁を待っています(${wareki(tokyoDate(a.submittedAt))}提出)。`,
    to: decider,
  };
}

/**
 * The latest instant (exclusive) of a submission that has waited WAITING_DAYS by `now`: the start (Asia/Tokyo) of
 * the day WAITING_DAYS − 1 days before today. Inbox keys below it are the applications to remind.
 */
export function waitingCutoff(now: string): string {
  return new Date(Date.parse(`${addDays(tokyoDate(now), -(WAITING_DAYS - 1))}T00:00:00+09:00`)).toISOString();
}

// ─── The day's digest: one mail a person a day ──────────────────────────────────────────────────────────────────

/**
 * The digest of one person's reminders recorded on the day of `now` (Asia/Tokyo): one DAILY_DIGEST notice listing
 * them, oldest due first, with their dates 和暦. Its id is made from the person and the day, so a second run on the
 * same day finds it recorded and adds none. A run that recorded a person's reminders and stopped before their digest
 * is run again: the digest lists every reminder of theirs recorded that day, those of the first attempt included.
 */
export function dailyDigest(addresseeId: string, reminders: Notice[], now: string): Notice {
  const today = tokyoDate(now);
  const item = { kind: 'DAILY_DIGEST' as const, subjectType: 'Person', subjectId: addresseeId, stage: today };
  const sorted = [...reminders].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  const articles = [...new Set(sorted.map((n) => n.article).filter((a) => a))];
  const message = [
    `${wareki(today)}の通知は次の${sorted.length}件です。`,
    ...sorted.map((n) => `\n■ ${NOTICE_KIND_LABEL[n.kind]}${n.article ? `(${n.article})` : ''}\n${n.message}`),
  ].join('\n');
  return {
    id: noticeId(addresseeId, item),
    key: noticeKey(addresseeId, item),
    addresseeId,
    kind: 'DAILY_DIGEST',
    article: articles.join('、'),
    subjectType: 'Person',
    subjectId: addresseeId,
    dueOn: today,
    stage: today,
    title: `${wareki(today)}の通知(${sorted.length}件)`,
    message,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** The digests of a run at `now`: for each person, their reminders due now that were recorded today. */
export function dailyDigests(notices: Notice[], now: string): Notice[] {
  const today = tokyoDate(now);
  const byPerson = new Map<string, Notice[]>();
  for (const n of notices) {
    if (!isReminderKind(n.kind) || tokyoDate(n.createdAt) !== today) continue;
    byPerson.set(n.addresseeId, [...(byPerson.get(n.addresseeId) ?? []), n]);
  }
  return [...byPerson].sort(([a], [b]) => a.localeCompare(b)).map(([person, reminders]) => dailyDigest(person, reminders, now));
}

// ─── Reading and marking notices ───────────────────────────────────────────────────────────────────────────────

/** Who reads a person's notices: the person, and the system administrator (who runs the reminders). */
export function mayReadNoticesOf(actor: Actor, personId: string, now: string): boolean {
  return actor.person.id === personId || holds(actor, 'SYSTEM_ADMINISTRATOR', now);
}

/** A person's notices are listed for the person and the system administrator; anyone else is refused. */
export function assertMayReadNoticesOf(actor: Actor, personId: string, now: string): void {
  // 第4条: the system administrator oversees the network's management, and so what falls due in it.
  if (!mayReadNoticesOf(actor, personId, now)) refuse('FORBIDDEN', ['職員あての通知は、本人又は情報システム管理者のみが参照できます。', 'Only the person or the system administrator reads a person’s notices.'], '第4条', ['personId']);
}

export function mayMarkRead(actor: Actor, n: Notice): boolean {
  return n.addresseeId === actor.person.id && !n.readAt;
}

/** Only the one a notice is addressed to marks it read, once; it stays on record (read notices are not deleted). */
export function markRead(actor: Actor, n: Notice, now: string): Notice {
  if (n.addresseeId !== actor.person.id) {
    refuse('FORBIDDEN', ['通知を既読にできるのは、宛先の本人のみです。', 'Only the person a notice is addressed to marks it read.'], n.article || undefined, ['noticeId']);
  }
  if (n.readAt) refuse('INVALID_STATE', [`この通知は ${n.readAt} に既読になっています。`, `This notice was read at ${n.readAt}.`], n.article || undefined, ['noticeId']);
  return advance(n, { readAt: now }, now);
}

/** The transitions of a notice, as the one write path carries them out (functions/resolvers/write.ts). */
export const notice = {
  /**
   * The reminders job records a notice addressed and not recorded before; the event cites the duty it reminds of. A
   * new notice has no version read: it is written only if no notice of that id exists (the job may run twice).
   */
  record: (n: Notice): Transition<Notice> => changeOf('Notice', undefined, n, 'notice.recorded', n.article || undefined),
  /** The event cites the duty the notice reminds of. */
  markRead: (actor: Actor, n: Notice, now: string): Transition<Notice> => changeOf('Notice', n, markRead(actor, n, now), 'notice.read', n.article || undefined),
};

/** What the viewer may do with a notice now (`viewerCan*`). */
export function noticeActions(actor: Actor, n: Notice, now: string) {
  return { markRead: allows(() => markRead(actor, n, now)) };
}
