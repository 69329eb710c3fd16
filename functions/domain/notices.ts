/**
 * 通知 written with the change they tell of (the outbox): in the same transaction, so a change is never without its
 * notice, nor a notice without its change. Each lands as a new Notice item; the sender (functions/mail) mails it from
 * the table's stream. A notice's id is made from what it tells and to whom, so a retried mutation writes none twice.
 */
import { Changed } from './change';
import type { Kind } from './kinds';
import { tokyoDate } from './people';
import { Notice, NoticeKind, noticeId, noticeKey } from './reminders';

/** What a notice tells, whoever it goes to. */
export interface Tidings {
  kind: NoticeKind;
  /** What it is about. */
  subjectType: Kind;
  subjectId: string;
  /** Which change of the subject it tells of (e.g. `submitted-2`): another change is another notice. */
  stage: string;
  article: string;
  /** 件名, Japanese. */
  title: string;
  /** 本文, Japanese; dates 和暦. */
  message: string;
  /** The date it concerns; the day of the change when none. */
  dueOn?: string;
}

/** The notices of `tidings` to each addressee (once each, the actor's own change told to others only). */
export function tell(addressees: readonly string[], tidings: Tidings, now: string, actorId?: string): Changed[] {
  const to = [...new Set(addressees)].filter((p) => p !== actorId).sort();
  return to.map((addresseeId) => {
    const n: Notice = {
      id: noticeId(addresseeId, tidings),
      key: noticeKey(addresseeId, tidings),
      addresseeId,
      kind: tidings.kind,
      article: tidings.article,
      subjectType: tidings.subjectType,
      subjectId: tidings.subjectId,
      dueOn: tidings.dueOn ?? tokyoDate(now),
      stage: tidings.stage,
      title: tidings.title,
      message: tidings.message,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return { kind: 'Notice', before: undefined, after: n, action: 'notice.recorded', article: tidings.article };
  });
}
