/**
 * 通知のメール — a notice as the mail its addressee receives, and the rules of its delivery. Pure: the sender
 * (functions/mail/) reads the notice from the table's stream, the addressee from the register, and sends what this
 * renders through SMTP (locally) or Amazon SES (deployed).
 *
 * What is mailed: every notice written with a change (the outbox kinds) and each person's DAILY_DIGEST; a reminder
 * the daily job finds is mailed only within its addressee's digest of the day (functions/domain/reminders.ts).
 *
 * Delivery is at least once and never twice: before sending, the sender claims the notice's delivery record
 * (SENDING), and marks it SENT with the message id after. A redelivered stream record finds it SENT and sends
 * nothing; a SENDING left by a sender that crashed is taken over once it is older than CLAIM_STALE_AFTER_MS.
 */
import { KINDS, isKind } from './kinds';
import { tokyoDate } from './people';
import { wareki } from './period';
import { NOTICE_KIND_LABEL, Notice, NoticeKind, isReminderKind } from './reminders';

/** Who sends every mail, as the addressee's mail program shows it. */
export const MAIL_SENDER_NAME = '白石市 行政情報ネットワークシステム';

/** Every subject starts with the city's name in brackets, as the city's mail does. */
export const SUBJECT_PREFIX = '【白石市】';

/** Whether a notice of this kind goes out as a mail of its own (a reminder goes within the day's digest). */
export function isMailedAlone(kind: NoticeKind): boolean {
  return !isReminderKind(kind);
}

export interface Addressee {
  name: string;
  email: string;
}

/** A mail ready to send (the sender adds who sends it). */
export interface NoticeMail {
  to: string;
  subject: string;
  text: string;
}

/** Where the mail links to: the API's page for a query (GraphiQL locally, a portal or the API deployed). */
export interface MailLinkBase {
  /** E.g. `http://localhost:4000/graphql`; the query goes in its `query` parameter. */
  baseUrl: string;
  /** The global id of what the notice is about, when the API can show it (graphql/globalId.ts). */
  subjectGlobalId?: string;
}

/** The query a mail's link opens for the object a notice is about: the object and its audit trail. */
export function subjectQuery(globalId: string): string {
  return [
    '# 通知の対象と、その監査証跡 / What the notice is about, and its audit trail',
    'query NoticeSubject {',
    `  node(id: "${globalId}") {`,
    '    __typename',
    '    id',
    '    ... on Audited {',
    '      auditTrail(first: 20) { nodes { at action article actor { name } } }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** The query a digest's link opens: the addressee's notices not read yet. */
export const MY_UNREAD_NOTICES_QUERY = [
  '# 自分宛ての未読の通知 / My notices not read yet',
  'query MyUnreadNotices {',
  '  myNotices(first: 20, unreadOnly: true) {',
  '    nodes { id kind title message article dueOn createdAt subject { __typename id } }',
  '  }',
  '}',
  '',
].join('\n');

/** The link of a notice's mail: its object, or (a digest) the addressee's unread notices. */
export function noticeLink(n: Notice, link: MailLinkBase): string {
  const query = n.kind === 'DAILY_DIGEST' || !link.subjectGlobalId ? MY_UNREAD_NOTICES_QUERY : subjectQuery(link.subjectGlobalId);
  return `${link.baseUrl}${link.baseUrl.includes('?') ? '&' : '?'}${new URLSearchParams({ query })}`;
}

/** One line: a subject never breaks (a header with a line break in it would be two headers). */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/**
 * The mail of a notice, in Japanese: subject `【白石市】<title, or what its kind says>`; the body addresses the person
 * (`<name> 様`), gives the message, the article it rests on, the date it falls due (a reminder's) and the date of the
 * notice 和暦, a link to what it is about, and the footer of the city's automatic mail.
 */
export function renderNoticeMail(n: Notice, addressee: Addressee, link: MailLinkBase): NoticeMail {
  const what = n.subjectType && isKind(n.subjectType) ? KINDS[n.subjectType].label : n.subjectType;
  const lines = [
    `${addressee.name} 様`,
    '',
    n.message,
    '',
    ...(n.article ? [`根拠: ${n.article}`] : []),
    ...(isReminderKind(n.kind) && n.dueOn ? [`期限: ${wareki(n.dueOn)}`] : []),
    `通知日: ${wareki(tokyoDate(n.createdAt))}`,
    '',
    n.kind === 'DAILY_DIGEST' ? '未読の通知は次のリンクから確認できます(サインインが必要です)。' : '詳しくは次のリンクから確認できます(サインインが必要です)。',
    noticeLink(n, link),
    ...(n.kind !== 'DAILY_DIGEST' && link.subjectGlobalId ? [`対象: ${what}(ID: ${link.subjectGlobalId})`] : []),
    '',
    '--',
    MAIL_SENDER_NAME,
    'このメールは自動送信です。このメールに返信されても回答できません。',
    '',
  ];
  return { to: addressee.email, subject: oneLine(`${SUBJECT_PREFIX}${n.title || NOTICE_KIND_LABEL[n.kind]}`), text: lines.join('\n') };
}

// ─── Delivery: at least once, never twice ──────────────────────────────────────────────────────────────────────

export const DELIVERY_STATES = [
  'SENDING', // claimed by a sender, which is sending it now
  'SENT', // sent, with the message id the mail service gave
  'FAILED', // a send failed and released its claim: the next attempt claims it again
  'UNDELIVERABLE', // the addressee has no mail address (or is not registered): recorded, never sent
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The record of a notice's mail, beside the notice (functions/store/mail.ts). */
export interface Delivery {
  noticeId: string;
  addresseeId: string;
  state: DeliveryState;
  /** The address it was (or is being) sent to. */
  to?: string;
  /** Sends tried, this one included. */
  attempts: number;
  /** When the last claim was made. */
  claimedAt?: string;
  sentAt?: string;
  messageId?: string;
  /** Why the last attempt failed, or why the notice cannot be delivered. */
  error?: string;
  version: number;
  updatedAt: string;
}

/**
 * A claim older than this was left by a sender that stopped (crashed, timed out) between claiming and recording the
 * send: it may be taken over, at the risk of a second mail if that sender did send. It is longer than any sender
 * runs (the deployed function's timeout is a minute), so a live sender's claim is never taken over.
 */
export const CLAIM_STALE_AFTER_MS = 5 * 60_000;

/**
 * What a sender does with a notice whose delivery is `d`: SEND (claim it and send), DONE (sent, or cannot be: a
 * redelivered record sends nothing), or BUSY (another sender claimed it a moment ago: try again later).
 */
export function nextStep(d: Delivery | undefined, now: string, staleAfterMs = CLAIM_STALE_AFTER_MS): 'SEND' | 'DONE' | 'BUSY' {
  if (!d || d.state === 'FAILED') return 'SEND';
  if (d.state === 'SENT' || d.state === 'UNDELIVERABLE') return 'DONE';
  return Date.parse(now) - Date.parse(d.claimedAt ?? d.updatedAt) >= staleAfterMs ? 'SEND' : 'BUSY';
}

const next = (d: Delivery | undefined, patch: Partial<Delivery> & Pick<Delivery, 'noticeId' | 'addresseeId' | 'state'>, now: string): Delivery => ({
  attempts: 0,
  ...d,
  ...patch,
  version: (d?.version ?? 0) + 1,
  updatedAt: now,
});

/** The claim: SENDING to `to` from `now`, one more attempt. */
export function claim(d: Delivery | undefined, n: Pick<Notice, 'id' | 'addresseeId'>, to: string, now: string): Delivery {
  return next(d, { noticeId: n.id, addresseeId: n.addresseeId, state: 'SENDING', to, attempts: (d?.attempts ?? 0) + 1, claimedAt: now, error: undefined }, now);
}

/** Sent: the message id the mail service gave. */
export function sent(d: Delivery, messageId: string, now: string): Delivery {
  return next(d, { noticeId: d.noticeId, addresseeId: d.addresseeId, state: 'SENT', sentAt: now, messageId }, now);
}

/** The send failed: the claim is released for the next attempt, with the reason. */
export function released(d: Delivery, error: string, now: string): Delivery {
  return next(d, { noticeId: d.noticeId, addresseeId: d.addresseeId, state: 'FAILED', error: error.slice(0, 1000) }, now);
}

/** Nobody to send it to: recorded once, never sent. */
export function undeliverable(d: Delivery | undefined, n: Pick<Notice, 'id' | 'addresseeId'>, error: string, now: string): Delivery {
  return next(d, { noticeId: n.id, addresseeId: n.addresseeId, state: 'UNDELIVERABLE', error }, now);
}
