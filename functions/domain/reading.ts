/**
 * Who may read what: one rule per kind of object, beside the write rules, citing the article that restricts it.
 * Every path to an object — `node`, `nodes`, every list, every nested field, the audit trail of the object and of a
 * person — asks this rule (functions/resolvers/reading.ts applies it to the whole schema). An object the viewer may
 * not read does not exist for them: it is null, or absent from the list, never refused with its contents beside.
 *
 * The register itself (systems, consultations, data, the homepage, mail addresses, operators, the server room,
 * oversight, the committee) is the city's shared record: every signed-in member of staff (職員等) reads it. What the
 * regulation keeps to named people is restricted here.
 */
import { AuditEvent, AuditedType } from './audit';
import { Actor } from './people';
import { mayRead as mayReadPasswordsOf } from './passwords';
import { DeviceFinding, ProhibitedActException, mayReadException, mayRecordFindings } from './prohibitedActs';
import { Notice, mayReadNoticesOf } from './reminders';
import { mayReadIncidents } from './virusIncidents';

/** What a rule may need beyond the object: the person a password record belongs to (their department). */
export interface ReadContext {
  /** The owner of a password record, when the record is read. */
  owner?: { id: string; departmentId: string };
}

export interface ReadRule {
  /** The article that restricts reading; absent when every member of staff reads the kind. */
  article?: string;
  /** Whether `owner` (ReadContext) must be loaded before asking. */
  needsOwner?: boolean;
  mayRead(viewer: Actor, object: object, now: string, context: ReadContext): boolean;
}

/** Every signed-in member of staff reads it: the city's shared register. */
const EVERY_STAFF: ReadRule = { mayRead: () => true };

export const READ_RULES: Record<AuditedType, ReadRule> = {
  Department: EVERY_STAFF,
  Person: EVERY_STAFF,
  System: EVERY_STAFF,
  Consultation: EVERY_STAFF,
  Dataset: EVERY_STAFF,
  DataUseApplication: EVERY_STAFF,
  ExternalProvision: EVERY_STAFF,
  OutsourcingContract: EVERY_STAFF,
  HomepageCategory: EVERY_STAFF,
  HomepagePage: EVERY_STAFF,
  TopPageLinkRequest: EVERY_STAFF,
  TopPageLink: EVERY_STAFF,
  MailAddress: EVERY_STAFF,
  MailAddressApplication: EVERY_STAFF,
  OperatorReport: EVERY_STAFF,
  OperatorDesignation: EVERY_STAFF,
  WorkingCalendar: EVERY_STAFF,
  ServiceInterruption: EVERY_STAFF,
  ServerRoom: EVERY_STAFF,
  ServerRoomAuthorization: EVERY_STAFF,
  ServerRoomEntry: EVERY_STAFF,
  Investigation: EVERY_STAFF,
  Guidance: EVERY_STAFF,
  TrainingSession: EVERY_STAFF,
  CommitteeMeeting: EVERY_STAFF,
  WorkingGroup: EVERY_STAFF,
  // 第24条: the person, the system administrator (who alone may let a password be told), and the information
  // manager of the person's department, who sees that the yearly change is made.
  PasswordRecord: {
    article: '第24条',
    needsOwner: true,
    mayRead: (viewer, _record, now, { owner }) => !!owner && mayReadPasswordsOf(viewer, owner, now),
  },
  // 第25条: a request for an exception: the one who asked, the system administrator who allows it, and the
  // information manager of the asker's department.
  ProhibitedActException: {
    article: '第25条',
    mayRead: (viewer, e, now) => mayReadException(viewer, e as ProhibitedActException, now),
  },
  // 第25条第1号: devices found connected: the system administrator and the information managers who record them.
  DeviceFinding: {
    article: '第25条第1号',
    mayRead: (viewer, _f: Partial<DeviceFinding>, now) => mayRecordFindings(viewer, now),
  },
  // 第26条: virus incidents: the system administrator, the information managers the article charges with them, and
  // the general manager.
  VirusIncident: {
    article: '第26条',
    mayRead: (viewer, _incident, now) => mayReadIncidents(viewer, now),
  },
  // A notice: the person it is addressed to, and the system administrator who runs the reminders (第4条).
  Notice: {
    article: '第4条',
    mayRead: (viewer, n, now) => mayReadNoticesOf(viewer, (n as Notice).addresseeId, now),
  },
};

/** Whether the viewer reads an object of this kind; `context` holds what the kind's rule needs (ReadRule.needsOwner). */
export function mayReadObject(viewer: Actor, type: AuditedType, object: object, now: string, context: ReadContext = {}): boolean {
  return READ_RULES[type].mayRead(viewer, object, now, context);
}

/** An audit event is readable exactly when its object is (the object as it is now is what the rule is asked of). */
export function mayReadAuditEvent(viewer: Actor, event: AuditEvent, object: object | undefined, now: string, context: ReadContext = {}): boolean {
  return !!object && mayReadObject(viewer, event.objectType, object, now, context);
}
