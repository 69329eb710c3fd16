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
import { PasswordDisclosure, mayRead as mayReadPasswordsOf, mayReadDisclosure } from './passwords';
import { DeviceFinding, ProhibitedActException, mayReadException, mayRecordFindings } from './prohibitedActs';
import { Notice, mayReadNoticesOf } from './reminders';
import { mayReadIncidents } from './virusIncidents';
import { GuidelineAcknowledgement, mayReadAcknowledgement } from './securityGuideline';
import { ReceivedMail, mayReadReceivedMailOf } from './receivedMail';
import { mayReadSecurityChecks } from './homepageSystem';

/** What a rule may need beyond the object: the person a password record belongs to (their department). */
export interface ReadContext {
  /** The owner of a password record, when the record is read. */
  owner?: { id: string; departmentId: string };
  /** The object an attachment belongs to, with what its own rule needs, when an attachment is read. */
  parent?: { kind: string; object: object; context: ReadContext };
}

export interface ReadRule {
  /** The article that restricts reading; absent when every member of staff reads the kind. */
  article?: string;
  /** Whether `owner` (ReadContext) must be loaded before asking. */
  needsOwner?: boolean;
  /** Whether `parent` (ReadContext) must be loaded before asking: the object's `objectType` and `objectId` name it. */
  needsParent?: boolean;
  mayRead(viewer: Actor, object: object, now: string, context: ReadContext): boolean;
}

export interface KindDeclaration {
  /** Its name in the city's words (what a person reads: the audit trail, the enum of kinds). */
  label: string;
  /** The partition prefix of its items and of its audit events (functions/store/README.md). */
  prefix: string;
  read: ReadRule;
}

/** Every signed-in member of staff reads it: the city's shared register. */
export const EVERY_STAFF: ReadRule = { mayRead: () => true };

export const KINDS = {
  Department: { label: '主管課', prefix: 'DEPT#', read: EVERY_STAFF },
  Person: { label: '職員', prefix: 'PERSON#', read: EVERY_STAFF },
  System: { label: '行政システム', prefix: 'SYSTEM#', read: EVERY_STAFF },
  Consultation: { label: '協議(様式第1号〜第3号)', prefix: 'CONSULT#', read: EVERY_STAFF },
  Dataset: { label: 'データ', prefix: 'DATASET#', read: EVERY_STAFF },
  DataUseApplication: { label: 'データ利用承認申請(様式第6号)', prefix: 'DATAUSE#', read: EVERY_STAFF },
  ExternalProvision: { label: 'データの外部提供(様式第8号)', prefix: 'PROVISION#', read: EVERY_STAFF },
  OutsourcingContract: { label: '外部委託契約', prefix: 'CONTRACT#', read: EVERY_STAFF },
  HomepageCategory: { label: 'ホームページの掲載情報グループ', prefix: 'HPCAT#', read: EVERY_STAFF },
  HomepagePage: { label: 'ホームページのページ', prefix: 'HPPAGE#', read: EVERY_STAFF },
  TopPageLinkRequest: { label: 'トップページリンク設定・解除依頼(様式第10号)', prefix: 'TOPLINKREQ#', read: EVERY_STAFF },
  TopPageLink: { label: 'トップページのリンク', prefix: 'TOPLINK#', read: EVERY_STAFF },
  MailAddress: { label: '電子メールアドレス', prefix: 'MAILADDR#', read: EVERY_STAFF },
  MailAddressApplication: { label: '電子メール利用等申請(様式第11号)', prefix: 'MAILAPP#', read: EVERY_STAFF },
  OperatorReport: { label: '操作職員等指定・解除報告(様式第5号)', prefix: 'OPREPORT#', read: EVERY_STAFF },
  OperatorDesignation: { label: '操作職員等の指定', prefix: 'OPERATOR#', read: EVERY_STAFF },
  WorkingCalendar: { label: '勤務時間の暦', prefix: 'CALENDAR#', read: EVERY_STAFF },
  ServiceInterruption: { label: 'サービス停止', prefix: 'INTERRUPTION#', read: EVERY_STAFF },
  ServerRoom: { label: 'サーバ室', prefix: 'ROOM#', read: EVERY_STAFF },
  ServerRoomAuthorization: { label: 'サーバ室への立入りの許可', prefix: 'ROOMAUTH#', read: EVERY_STAFF },
  ServerRoomEntry: { label: 'サーバ室への入室の記録', prefix: 'ROOMENTRY#', read: EVERY_STAFF },
  Equipment: { label: '電子計算機器', prefix: 'EQUIP#', read: EVERY_STAFF },
  // 第24条: the person, the system administrator (who alone may let a password be told), and the information
  // manager of the person's department, who sees that the yearly change is made.
  PasswordRecord: {
    label: 'パスワードの記録',
    prefix: 'PASSWORD#',
    read: {
      article: '第24条',
      needsOwner: true,
      mayRead: (viewer, _record, now, { owner }) => !!owner && mayReadPasswordsOf(viewer, owner, now),
    },
  },
  // 第24条第1項: a password told with the system administrator's leave: the person told, and whoever reads the
  // teller's password records (the teller, the system administrator, the teller's information manager).
  PasswordDisclosure: {
    label: 'パスワードの教示',
    prefix: 'PWDISCLOSURE#',
    read: {
      article: '第24条第1項',
      needsOwner: true,
      mayRead: (viewer, d, now, { owner }) => !!owner && mayReadDisclosure(viewer, d as PasswordDisclosure, owner, now),
    },
  },
  // 第25条: a request for an exception: the one who asked, the system administrator who allows it, and the
  // information manager of the asker's department.
  ProhibitedActException: {
    label: '禁止行為の例外の申出',
    prefix: 'EXCEPTION#',
    read: {
      article: '第25条',
      mayRead: (viewer, e, now) => mayReadException(viewer, e as ProhibitedActException, now),
    },
  },
  // 第25条第1号: devices found connected: the system administrator and the information managers who record them.
  DeviceFinding: {
    label: '接続機器の発見',
    prefix: 'DEVFINDING#',
    read: {
      article: '第25条第1号',
      mayRead: (viewer, _f: Partial<DeviceFinding>, now) => mayRecordFindings(viewer, now),
    },
  },
  // 第26条: virus incidents: the system administrator, the information managers the article charges with them, and
  // the general manager.
  VirusIncident: {
    label: 'ウィルス事案',
    prefix: 'VIRUS#',
    read: {
      article: '第26条',
      mayRead: (viewer, _incident, now) => mayReadIncidents(viewer, now),
    },
  },
  // 第28条第2項: mail received is a document of the receiving department: its staff and the system administrator.
  ReceivedMail: {
    label: '電子メールにより受領した文書',
    prefix: 'RECVMAIL#',
    read: {
      article: '第28条第2項',
      mayRead: (viewer, m, now) => mayReadReceivedMailOf(viewer, (m as ReceivedMail).departmentId, now),
    },
  },
  Investigation: { label: '行政システムの調査', prefix: 'INVESTIGATION#', read: EVERY_STAFF },
  Guidance: { label: '指導及び助言', prefix: 'GUIDANCE#', read: EVERY_STAFF },
  TrainingSession: { label: '研修', prefix: 'TRAINING#', read: EVERY_STAFF },
  CommitteeMeeting: { label: '管理運営委員会の会議', prefix: 'MEETING#', read: EVERY_STAFF },
  WorkingGroup: { label: '部会', prefix: 'WORKGROUP#', read: EVERY_STAFF },
  // An attachment: whoever reads the object it belongs to (that object's rule), and nobody else. Of the kinds that
  // take attachments (functions/domain/attachments.ts), the regulation restricts one, a virus incident (第26条): the
  // article cited when an attachment is hidden (test/domain/attachments.test.ts holds the two lists together).
  Attachment: {
    label: '添付ファイル',
    prefix: 'ATTACH#',
    read: {
      article: '第26条',
      needsParent: true,
      mayRead: (viewer, _a, now, { parent }): boolean => !!parent && ruleOf(parent.kind).mayRead(viewer, parent.object, now, parent.context),
    },
  },
  SupplementaryRule: { label: '第35条に基づく定め', prefix: 'SUPPRULE#', read: EVERY_STAFF },
  SecurityGuideline: { label: 'セキュリティ指針', prefix: 'SECGUIDE#', read: EVERY_STAFF },
  // 第29条: a person's acknowledgement of the security guideline: the person, and the system administrator and the
  // general manager, who see that the measures reach every member of staff.
  SecurityGuidelineAcknowledgement: {
    label: 'セキュリティ指針の確認',
    prefix: 'SGACK#',
    read: {
      article: '第29条',
      mayRead: (viewer, a, now) => mayReadAcknowledgement(viewer, a as GuidelineAcknowledgement, now),
    },
  },
  // 第27条第3項: the homepage system's security checks: the homepage system manager who makes them, the homepage
  // operations manager, the system administrator and the general manager.
  HomepageSecurityCheck: {
    label: 'ホームページシステムのセキュリティ点検',
    prefix: 'HPSEC#',
    read: {
      article: '第27条第3項',
      mayRead: (viewer, _check, now) => mayReadSecurityChecks(viewer, now),
    },
  },
  // A notice: the person it is addressed to, and the system administrator who runs the reminders (第4条).
  Notice: {
    label: '通知',
    prefix: 'NOTICE#',
    read: {
      article: '第4条',
      mayRead: (viewer, n, now) => mayReadNoticesOf(viewer, (n as Notice).addresseeId, now),
    },
  },
} as const satisfies Record<string, KindDeclaration>;

/** The read rule of a kind (for the rule of an attachment, which is its object's). */
function ruleOf(kind: string): ReadRule {
  return (KINDS as Record<string, KindDeclaration>)[kind].read;
}

/** A kind of object: audited, a node of the API, a partition of the store. */
export type Kind = keyof typeof KINDS;

/** Every kind, in the order declared. */
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export function isKind(name: string): name is Kind {
  return Object.prototype.hasOwnProperty.call(KINDS, name);
}
