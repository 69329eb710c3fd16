/**
 * Every kind of object the city's register holds, declared once: its name (the GraphQL type, the audit event's
 * `objectType`, the global id's type), the partition prefix its items and audit events live under, and who may read
 * it (functions/domain/reading.ts asks this rule on every path to an object). Every list of kinds — the audited
 * kinds, the node types, the GraphQL enum `AuditedType`, the store's partitions, the loaders of `node(id)` — is
 * derived from this table.
 *
 * The register itself (systems, consultations, data, the homepage, mail addresses, operators, the server room,
 * oversight, the committee) is the city's shared record: every signed-in member of staff (職員等) reads it. What the
 * regulation keeps to named people is restricted here, citing the article.
 */
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

export interface KindDeclaration {
  /** The partition prefix of its items and of its audit events (functions/store/README.md). */
  prefix: string;
  read: ReadRule;
}

/** Every signed-in member of staff reads it: the city's shared register. */
export const EVERY_STAFF: ReadRule = { mayRead: () => true };

export const KINDS = {
  Department: { prefix: 'DEPT#', read: EVERY_STAFF },
  Person: { prefix: 'PERSON#', read: EVERY_STAFF },
  System: { prefix: 'SYSTEM#', read: EVERY_STAFF },
  Consultation: { prefix: 'CONSULT#', read: EVERY_STAFF },
  Dataset: { prefix: 'DATASET#', read: EVERY_STAFF },
  DataUseApplication: { prefix: 'DATAUSE#', read: EVERY_STAFF },
  ExternalProvision: { prefix: 'PROVISION#', read: EVERY_STAFF },
  OutsourcingContract: { prefix: 'CONTRACT#', read: EVERY_STAFF },
  HomepageCategory: { prefix: 'HPCAT#', read: EVERY_STAFF },
  HomepagePage: { prefix: 'HPPAGE#', read: EVERY_STAFF },
  TopPageLinkRequest: { prefix: 'TOPLINKREQ#', read: EVERY_STAFF },
  TopPageLink: { prefix: 'TOPLINK#', read: EVERY_STAFF },
  MailAddress: { prefix: 'MAILADDR#', read: EVERY_STAFF },
  MailAddressApplication: { prefix: 'MAILAPP#', read: EVERY_STAFF },
  OperatorReport: { prefix: 'OPREPORT#', read: EVERY_STAFF },
  OperatorDesignation: { prefix: 'OPERATOR#', read: EVERY_STAFF },
  WorkingCalendar: { prefix: 'CALENDAR#', read: EVERY_STAFF },
  ServiceInterruption: { prefix: 'INTERRUPTION#', read: EVERY_STAFF },
  ServerRoom: { prefix: 'ROOM#', read: EVERY_STAFF },
  ServerRoomAuthorization: { prefix: 'ROOMAUTH#', read: EVERY_STAFF },
  ServerRoomEntry: { prefix: 'ROOMENTRY#', read: EVERY_STAFF },
  // 第24条: the person, the system administrator (who alone may let a password be told), and the information
  // manager of the person's department, who sees that the yearly change is made.
  PasswordRecord: {
    prefix: 'PASSWORD#',
    read: {
      article: '第24条',
      needsOwner: true,
      mayRead: (viewer, _record, now, { owner }) => !!owner && mayReadPasswordsOf(viewer, owner, now),
    },
  },
  // 第25条: a request for an exception: the one who asked, the system administrator who allows it, and the
  // information manager of the asker's department.
  ProhibitedActException: {
    prefix: 'EXCEPTION#',
    read: {
      article: '第25条',
      mayRead: (viewer, e, now) => mayReadException(viewer, e as ProhibitedActException, now),
    },
  },
  // 第25条第1号: devices found connected: the system administrator and the information managers who record them.
  DeviceFinding: {
    prefix: 'DEVFINDING#',
    read: {
      article: '第25条第1号',
      mayRead: (viewer, _f: Partial<DeviceFinding>, now) => mayRecordFindings(viewer, now),
    },
  },
  // 第26条: virus incidents: the system administrator, the information managers the article charges with them, and
  // the general manager.
  VirusIncident: {
    prefix: 'VIRUS#',
    read: {
      article: '第26条',
      mayRead: (viewer, _incident, now) => mayReadIncidents(viewer, now),
    },
  },
  Investigation: { prefix: 'INVESTIGATION#', read: EVERY_STAFF },
  Guidance: { prefix: 'GUIDANCE#', read: EVERY_STAFF },
  TrainingSession: { prefix: 'TRAINING#', read: EVERY_STAFF },
  CommitteeMeeting: { prefix: 'MEETING#', read: EVERY_STAFF },
  WorkingGroup: { prefix: 'WORKGROUP#', read: EVERY_STAFF },
  // A notice: the person it is addressed to, and the system administrator who runs the reminders (第4条).
  Notice: {
    prefix: 'NOTICE#',
    read: {
      article: '第4条',
      mayRead: (viewer, n, now) => mayReadNoticesOf(viewer, (n as Notice).addresseeId, now),
    },
  },
} as const satisfies Record<string, KindDeclaration>;

/** A kind of object: audited, a node of the API, a partition of the store. */
export type Kind = keyof typeof KINDS;

/** Every kind, in the order declared. */
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export function isKind(name: string): name is Kind {
  return Object.prototype.hasOwnProperty.call(KINDS, name);
}
