/**
 * 添付ファイル: the documents the regulation's records rest on — a system's design documents, the signed 協定書 of an
 * external provision (第15条第3項) and the evidence of the data's return or disposal (第15条第4項第4号), an outsourcing
 * contract (第22条), what an application or a virus incident is shown with. An attachment is an object of its own,
 * belonging to one object of the register: whoever acts on that object under its article attaches to it, and whoever
 * may read that object reads the attachment (functions/domain/kinds.ts) — nobody else learns it exists. The file
 * itself is never in the table: it is uploaded to and downloaded from storage through short-lived signed URLs, and
 * the attachment becomes AVAILABLE only once what arrived is what was declared.
 */
import { Transition, advance, changeOf } from './change';
import type { Consultation } from './consultations';
import { articleOf as consultationArticle } from './consultations';
import type { DataUseApplication } from './dataUse';
import { ARTICLE as DATA_USE_ARTICLE } from './dataUse';
import type { ExternalProvision } from './externalProvision';
import type { OutsourcingContract } from './outsourcing';
import { assertMayContract } from './outsourcing';
import { Actor, assertInformationManagerOf, holds } from './people';
import { refuse } from './refusal';
import type { SystemRecord } from './systems';
import { assertOwningManager } from './systems';
import type { VirusIncident } from './virusIncidents';
import { assertInCharge } from './virusIncidents';
import { ApplicationState, isFinal } from './workflow';

export const ATTACHMENT_KINDS = ['DESIGN_DOCUMENT', 'AGREEMENT', 'CONTRACT', 'RETURN_OR_DISPOSAL_EVIDENCE', 'OTHER'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_JA: Record<AttachmentKind, string> = {
  DESIGN_DOCUMENT: '設計書',
  AGREEMENT: '協定書',
  CONTRACT: '契約書',
  RETURN_OR_DISPOSAL_EVIDENCE: '返還・廃棄の証拠',
  OTHER: 'その他',
};

/** The largest file accepted: 20 MB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_NAME = 200;

/** The types of file accepted, with the endings their names may have. */
export const CONTENT_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'text/csv': ['.csv'],
  'text/plain': ['.txt'],
};

export type AttachmentStatus = 'PENDING' | 'AVAILABLE';

/** The kinds of object something can be attached to. */
export const ATTACHABLE_KINDS = ['System', 'Consultation', 'DataUseApplication', 'ExternalProvision', 'OutsourcingContract', 'VirusIncident'] as const;
export type AttachableKind = (typeof ATTACHABLE_KINDS)[number];

export function isAttachable(kind: string): kind is AttachableKind {
  return (ATTACHABLE_KINDS as readonly string[]).includes(kind);
}

/** The kind of the record an input names to attach to (`field`), or NOT_FOUND: no record of another kind takes files. */
export function attachableKind(kind: string | undefined, field: string): AttachableKind {
  if (kind === undefined || !isAttachable(kind)) {
    refuse('NOT_FOUND', [`${field} は添付先にできる記録 (行政システム、協議、様式第6号、様式第8号、外部委託契約、ウィルス事案) のIDではありません。`, `${field} is not the id of a record that takes attachments.`], undefined, [field]);
  }
  return kind;
}

export interface Attachment {
  id: string;
  /** The kind of the object it belongs to, and that object's id. */
  objectType: AttachableKind;
  objectId: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  /** Bytes, as declared (and, once AVAILABLE, as stored). */
  size: number;
  /** The SHA-256 of the file (hex), when the client gave it. */
  sha256?: string;
  status: AttachmentStatus;
  uploadedBy: string;
  /** When the file was found stored as declared (AVAILABLE). */
  uploadedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AttachmentInput {
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  size: number;
  sha256?: string;
}

/** What one kind of object admits: the kinds of attachment, and who may attach (the rule of the object, its article). */
interface Attachable<R> {
  kinds: readonly AttachmentKind[];
  /** Refuses an actor who may not act on the object; returns the article they act under. */
  assertMayAttach(actor: Actor, object: R, kind: AttachmentKind, now: string): string;
}

/** An application's own documents: its applicant, while it is not decided or withdrawn. */
function assertApplicantWhileOpen(actor: Actor, a: ApplicationState, article: string): string {
  if (a.applicantId !== actor.person.id) refuse('FORBIDDEN', ['申請書に添付できるのは申請者本人のみです。', 'Only the applicant attaches to an application.'], article, ['objectId']);
  if (isFinal(a.status)) refuse('INVALID_STATE', ['決裁又は取下げの済んだ申請には添付できません。', 'Nothing is attached to an application once decided or withdrawn.'], article, ['objectId']);
  return article;
}

/** The article of an external provision's document: the 協定書 (第15条第3項), the evidence of return or disposal (第4項第4号). */
const PROVISION_ARTICLES: Partial<Record<AttachmentKind, string>> = { AGREEMENT: '第15条第3項', RETURN_OR_DISPOSAL_EVIDENCE: '第15条第4項第4号' };

const ATTACHABLE: { [K in AttachableKind]: Attachable<never> } = {
  // 第8条: the information manager of the owning department keeps the system's record (its design documents).
  System: {
    kinds: ['DESIGN_DOCUMENT', 'OTHER'],
    assertMayAttach: (actor, s: SystemRecord, _kind, now) => (assertOwningManager(actor, s, now, '第8条', ['objectId']), '第8条'),
  },
  Consultation: {
    kinds: ['DESIGN_DOCUMENT', 'OTHER'],
    assertMayAttach: (actor, c: Consultation) => assertApplicantWhileOpen(actor, c, consultationArticle(c.action)),
  },
  DataUseApplication: {
    kinds: ['OTHER'],
    assertMayAttach: (actor, a: DataUseApplication) => assertApplicantWhileOpen(actor, a, DATA_USE_ARTICLE),
  },
  // 第15条: the information manager of the providing department keeps the provision's record; the general manager,
  // who decides it and may require what the agreement holds, may attach too.
  ExternalProvision: {
    kinds: ['AGREEMENT', 'RETURN_OR_DISPOSAL_EVIDENCE', 'OTHER'],
    assertMayAttach: (actor, p: ExternalProvision, kind, now) => {
      const article = PROVISION_ARTICLES[kind] ?? '第15条第1項';
      if (!holds(actor, 'GENERAL_MANAGER', now)) {
        assertInformationManagerOf(actor, [p.departmentId], now, article, ['objectId'], ['この外部提供に添付する (総括管理責任者も可)', 'attach to this provision (or the general manager)']);
      }
      return article;
    },
  },
  // 第22条: whoever records the contract.
  OutsourcingContract: {
    kinds: ['CONTRACT', 'OTHER'],
    assertMayAttach: (actor, c: OutsourcingContract, _kind, now) => (assertMayContract(actor, { owningDepartmentId: c.departmentId }, now), '第22条'),
  },
  // 第26条第3項: the information manager in charge of the incident; the system administrator, who is told of it.
  VirusIncident: {
    kinds: ['OTHER'],
    assertMayAttach: (actor, v: VirusIncident, _kind, now) => {
      if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) assertInCharge(actor, v, now);
      return '第26条第3項';
    },
  },
};

/** The kinds of attachment an object of this kind admits. */
export const kindsFor = (objectType: AttachableKind): readonly AttachmentKind[] => ATTACHABLE[objectType].kinds;

/** Whether the viewer may attach to this object (for `viewerCanAttach`). */
export function assertMayAttach(actor: Actor, objectType: AttachableKind, object: object, kind: AttachmentKind, now: string): string {
  return (ATTACHABLE[objectType] as Attachable<object>).assertMayAttach(actor, object, kind, now);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
}

/** The file as declared: its name, type and size within the limits, its name ending as its type does. */
export function validateFile(input: AttachmentInput, article: string): void {
  const name = input.fileName;
  if (!name.trim() || name.length > MAX_FILE_NAME || /[\\/\u0000-\u001f\u007f]/.test(name)) {
    refuse('INVALID_VALUE', [`ファイル名は1〜${MAX_FILE_NAME}文字で、/ や \\ 、制御文字を含まないものにしてください。`, `The file name has 1 to ${MAX_FILE_NAME} characters, without / or \\ or control characters.`], article, ['fileName']);
  }
  const endings = CONTENT_TYPES[input.contentType];
  if (!endings) {
    refuse('INVALID_VALUE', ['添付できるファイルの種類は PDF、PNG、JPEG、Excel (xlsx)、Word (docx)、CSV、テキストのみです。', 'Attach PDF, PNG, JPEG, xlsx, docx, CSV or text files only.'], article, ['contentType']);
  }
  if (!endings.includes(extensionOf(name))) {
    refuse('INVALID_VALUE', [`ファイル名の拡張子がファイルの種類と一致しません (${endings.join('、')} のいずれか)。`, `The file name must end as its type does (${endings.join(', ')}).`], article, ['fileName']);
  }
  if (!Number.isInteger(input.size) || input.size < 1 || input.size > MAX_ATTACHMENT_BYTES) {
    refuse('INVALID_VALUE', [`ファイルの大きさは1バイト以上20MB (${MAX_ATTACHMENT_BYTES} バイト) 以下にしてください。`, `A file has 1 byte to 20 MB (${MAX_ATTACHMENT_BYTES} bytes).`], article, ['size']);
  }
  if (input.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(input.sha256)) {
    refuse('INVALID_VALUE', ['sha256 は64桁の16進数で入力してください。', 'sha256 is 64 hexadecimal digits.'], article, ['sha256']);
  }
}

/** A new attachment, PENDING until its file is uploaded: by whoever acts on the object under its article. */
export function requestAttachment(actor: Actor, objectType: AttachableKind, object: { id: string }, input: AttachmentInput, id: string, now: string): { attachment: Attachment; article: string } {
  const article = assertMayAttach(actor, objectType, object, input.kind, now);
  if (!kindsFor(objectType).includes(input.kind)) {
    const allowed = kindsFor(objectType).map((k) => ATTACHMENT_KIND_JA[k]).join('、');
    refuse('INVALID_VALUE', [`この記録に添付できるのは ${allowed} です。`, `This record takes attachments of the kinds ${kindsFor(objectType).join(', ')}.`], article, ['kind']);
  }
  validateFile(input, article);
  return {
    article,
    attachment: {
      id,
      objectType,
      objectId: object.id,
      kind: input.kind,
      fileName: input.fileName.trim(),
      contentType: input.contentType,
      size: input.size,
      sha256: input.sha256?.toLowerCase(),
      status: 'PENDING',
      uploadedBy: actor.person.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
  };
}

/** The file found in storage, as its HEAD says. */
export interface StoredFile {
  size: number;
  contentType?: string;
}

/** The upload is complete when the file stored is the one declared: then AVAILABLE. */
export function completeAttachment(actor: Actor, a: Attachment, object: object, stored: StoredFile | undefined, now: string): { patch: Partial<Attachment>; article: string } {
  const article = assertMayAttach(actor, a.objectType, object, a.kind, now);
  if (a.status === 'AVAILABLE') refuse('INVALID_STATE', ['このファイルのアップロードは既に完了しています。', 'This upload is already complete.'], article, ['attachmentId']);
  if (!stored) refuse('INVALID_STATE', ['ファイルがまだアップロードされていません。発行されたURLにファイルを送ってから完了してください。', 'The file has not been uploaded yet: send it to the URL given, then complete.'], article, ['attachmentId']);
  if (stored.size !== a.size || (stored.contentType ?? '') !== a.contentType) {
    refuse('INVALID_VALUE', ['アップロードされたファイルの大きさ又は種類が、申告されたものと一致しません。', 'The file uploaded differs in size or type from the one declared.'], article, ['attachmentId']);
  }
  return { patch: { status: 'AVAILABLE', uploadedAt: now }, article };
}

// The transitions of an attachment, as the one write path carries them out (functions/resolvers/write.ts).

export const attachment = {
  request: (actor: Actor, objectType: AttachableKind, object: { id: string }, input: AttachmentInput, id: string, now: string): Transition<Attachment> => {
    const { attachment: a, article } = requestAttachment(actor, objectType, object, input, id, now);
    return changeOf('Attachment', undefined, a, 'attachment.requested', article);
  },
  complete: (actor: Actor, a: Attachment, object: object, stored: StoredFile | undefined, now: string): Transition<Attachment> => {
    const { patch, article } = completeAttachment(actor, a, object, stored, now);
    return changeOf('Attachment', a, advance(a, patch, now), 'attachment.uploaded', article);
  },
};
