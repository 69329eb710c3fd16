/**
 * 通知 — what falls due or is overdue across the regulation, addressed to the person who must act: passwords not
 * changed within the year (第24条第3項), equipment not returned (第25条第3号), data provided outside and not returned
 * or disposed of (第15条第4項第4号), homepage pages past their posting period or unchecked (第27条第2項第2号),
 * applications waiting too long for a decision. The job that finds them runs on a schedule; a notice's id is made from
 * what it is about and the stage reached, so running the job twice on a day records nothing twice.
 */
import { Role, RoleAssignment, isAssignmentActive, tokyoDate } from './people';

export const NOTICE_KINDS = [
  'PASSWORD_DUE_SOON',
  'PASSWORD_OVERDUE',
  'EQUIPMENT_NOT_RETURNED',
  'PROVISION_PAST_PERIOD',
  'HOMEPAGE_CHECK_DUE',
  'APPLICATION_WAITING',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The article each kind of notice rests on; a waiting application cites the article of its own form. */
export const NOTICE_ARTICLE: Record<Exclude<NoticeKind, 'APPLICATION_WAITING'>, string> = {
  PASSWORD_DUE_SOON: '第24条第3項',
  PASSWORD_OVERDUE: '第24条第3項',
  EQUIPMENT_NOT_RETURNED: '第25条第3号',
  PROVISION_PAST_PERIOD: '第15条第4項第4号',
  HOMEPAGE_CHECK_DUE: '第27条第2項第2号',
};

/** An application that has waited this many days for its decision is reminded to the one who decides. */
export const WAITING_DAYS = 14;

export interface Notice {
  id: string;
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
  message: string;
  createdAt: string;
  readAt?: string;
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
}

/** The holders of a role today (of that department, for department roles): who a notice to a role goes to. */
export function holdersOf(assignments: RoleAssignment[], role: Role, now: string, departmentId?: string): string[] {
  return [
    ...new Set(
      assignments
        .filter((a) => a.role === role && isAssignmentActive(a, now) && (departmentId === undefined || a.departmentId === departmentId))
        .map((a) => a.personId),
    ),
  ].sort();
}

export function noticeId(addresseeId: string, item: Pick<DueItem, 'kind' | 'subjectId' | 'stage'>): string {
  return `${item.kind}#${item.subjectId}#${item.stage}#${addresseeId}`;
}

/**
 * The notices for what is due: one per item and person responsible. An item whose role nobody holds today is
 * returned as unaddressed, so the job can report it rather than drop it.
 */
export function addressNotices(items: DueItem[], assignments: RoleAssignment[], now: string): { notices: Notice[]; unaddressed: DueItem[] } {
  const notices: Notice[] = [];
  const unaddressed: DueItem[] = [];
  for (const item of items) {
    const to = 'personId' in item.to ? [item.to.personId] : holdersOf(assignments, item.to.role, now, item.to.departmentId);
    if (to.length === 0) unaddressed.push(item);
    for (const addresseeId of to) {
      notices.push({
        id: noticeId(addresseeId, item),
        addresseeId,
        kind: item.kind,
        article: item.article ?? (item.kind === 'APPLICATION_WAITING' ? '' : NOTICE_ARTICLE[item.kind]),
        subjectType: item.subjectType,
        subjectId: item.subjectId,
        dueOn: item.dueOn,
        stage: item.stage,
        message: item.message,
        createdAt: now,
      });
    }
  }
  return { notices, unaddressed };
}

/** How many days an application submitted at `submittedAt` has waited by `now`, by the city's calendar. */
export function daysWaiting(submittedAt: string, now: string): number {
  return Math.round((Date.parse(`${tokyoDate(now)}T00:00:00Z`) - Date.parse(`${tokyoDate(submittedAt)}T00:00:00Z`)) / 86_400_000);
}

/** The waiting stage of an application: a notice at 14 days, then again each further 14. */
export function waitingStage(submittedAt: string, now: string): string | undefined {
  const days = daysWaiting(submittedAt, now);
  return days < WAITING_DAYS ? undefined : `waiting-${Math.floor(days / WAITING_DAYS) * WAITING_DAYS}`;
}
