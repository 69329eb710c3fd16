/**
 * 電子メールにより受領したもの (第28条第2項): 白石市役所文書取扱規程に定める取扱いをしなければならない. What a department
 * receives by e-mail is received (収受) as a document is: entered in the department's register of received documents
 * with the day it came, from whom, its subject, the 収受番号 (and the 文書番号 when it is filed), and who handled it.
 * The staff of the receiving department record it.
 *
 * Who reads it: a received document belongs to the department that received it (文書取扱規程), and it may carry
 * what a citizen wrote, so its register is kept to that department's staff and the system administrator, who keeps
 * the mail system (第28条). The register of other kinds is the city's shared record; this one is not.
 */
import { changeOf } from './change';
import { Actor, holds } from './people';
import { refuse } from './refusal';

export const ARTICLE = '第28条第2項';

export interface ReceivedMail {
  id: string;
  /** The receiving department (主管課). */
  departmentId: string;
  receivedAt: string;
  /** 差出人: the sender's name or address, as the mail states it. */
  sender: string;
  subject: string;
  /** 収受番号: the number the department's register of received documents gives it. */
  receiptNumber: string;
  /** 文書番号: when it is filed as a document. */
  documentNumber?: string;
  note?: string;
  /** Who received and handled it (処理者). */
  handledBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A member of the department: it is theirs, or they hold a role in it (its information manager, its staff). */
function belongsTo(actor: Actor, departmentId: string, now: string): boolean {
  return actor.person.departmentId === departmentId || holds(actor, 'INFORMATION_MANAGER', now, departmentId) || holds(actor, 'STAFF', now, departmentId);
}

/** 第28条第2項: the receiving department's staff and the system administrator read what it received. */
export function mayReadReceivedMailOf(actor: Actor, departmentId: string, now: string): boolean {
  return belongsTo(actor, departmentId, now) || holds(actor, 'SYSTEM_ADMINISTRATOR', now);
}

export function assertMayReadReceivedMailOf(actor: Actor, departmentId: string, now: string): void {
  if (!mayReadReceivedMailOf(actor, departmentId, now)) {
    refuse('FORBIDDEN', ['電子メールにより受領した文書の記録は、受領した主管課の職員及び情報システム管理者が参照できます。', 'The receiving department’s staff and the system administrator read the mail it received.'], ARTICLE, ['departmentId']);
  }
}

export type ReceivedMailInput = Pick<ReceivedMail, 'departmentId' | 'receivedAt' | 'sender' | 'subject' | 'receiptNumber' | 'documentNumber' | 'note'>;

export function recordReceivedMail(actor: Actor, input: ReceivedMailInput, id: string, now: string): ReceivedMail {
  // 第28条第2項
  if (!belongsTo(actor, input.departmentId, now)) {
    refuse('FORBIDDEN', ['電子メールにより受領したものは、受領した主管課の職員が文書として収受します。', 'The staff of the receiving department receive it as a document.'], ARTICLE, ['departmentId']);
  }
  if (Number.isNaN(Date.parse(input.receivedAt)) || Date.parse(input.receivedAt) > Date.parse(now)) {
    refuse('INVALID_VALUE', ['receivedAt (受領日時) は受領した日時とし、未来の日時は入力できません。', 'receivedAt is when it came, not in the future.'], ARTICLE, ['receivedAt']);
  }
  const required = { sender: ['差出人', 'the sender'], subject: ['件名', 'the subject'], receiptNumber: ['収受番号', 'the receipt number'] } as const;
  for (const [field, [ja, en]] of Object.entries(required)) {
    if (!input[field as keyof typeof required].trim()) refuse('INVALID_VALUE', [`${ja}を入力してください。`, `Give ${en}.`], ARTICLE, [field]);
  }
  return {
    id,
    departmentId: input.departmentId,
    receivedAt: new Date(input.receivedAt).toISOString(),
    sender: input.sender.trim(),
    subject: input.subject.trim(),
    receiptNumber: input.receiptNumber.trim(),
    documentNumber: input.documentNumber?.trim() || undefined,
    note: input.note?.trim() || undefined,
    handledBy: actor.person.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export const receivedMail = {
  record: (actor: Actor, input: ReceivedMailInput, id: string, now: string) =>
    changeOf('ReceivedMail', undefined, recordReceivedMail(actor, input, id, now), 'receivedMail.recorded', ARTICLE),
};
