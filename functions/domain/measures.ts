/**
 * 措置の見直し: what 第13条 (each dataset's measures against leak and damage) and 第26条第1項・第2項 (each system's
 * measures against viruses) share. Measures are recorded as a whole and every record is a review: who reviewed them
 * and when; the earlier versions stay in the audit trail. Measures not reviewed within a year are a finding, as
 * passwords not changed within a year are (第24条第3項).
 */
import { tokyoDate } from './people';
import { addDays } from './period';

/** Measures are reviewed at least once a year. */
export const REVIEW_INTERVAL_DAYS = 365;

/** The due date of what has never been reviewed: before every date, so a finding from the first day. */
export const NEVER_REVIEWED = '0000-00-00';

export interface Reviewed {
  /** Who recorded (reviewed) the measures. */
  reviewedBy: string;
  reviewedAt: string;
}

/** The day by which the measures are to be reviewed again (NEVER_REVIEWED without measures). */
export function reviewDueOn(measures: Reviewed | undefined): string {
  return measures ? addDays(tokyoDate(measures.reviewedAt), REVIEW_INTERVAL_DAYS) : NEVER_REVIEWED;
}

/** Whether the measures are missing, or were last reviewed more than a year ago (their due date has passed). */
export function isReviewOverdue(measures: Reviewed | undefined, now: string): boolean {
  return reviewDueOn(measures) < tokyoDate(now);
}

/** Each text trimmed; an empty optional one left out. */
export function trimmed<T extends Record<string, string | undefined>>(texts: T): T {
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v?.trim() || undefined])) as T;
}
