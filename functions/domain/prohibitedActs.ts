/**
 * 禁止行為 (第25条) and its two exceptions: software beyond what was installed on delivery (第2号ただし書) and taking
 * equipment outside (第3号ただし書: only a portable device protected by encryption or passwords, so only permitted
 * users can read its data), each only when the system administrator finds it necessary — here, approved by him for a
 * stated period. Connections of devices that may disturb the systems or eavesdrop (第1号) have no exception: when
 * found, they are recorded as findings.
 */
import { advance, changeOf } from './change';
import { Actor, holds, tokyoDate } from './people';
import { Period, validatePeriod } from './period';
import { allows, refuse } from './refusal';
import { Equipment, namedEquipment } from './equipment';

export const EXCEPTION_KINDS = ['SOFTWARE_INSTALLATION', 'EQUIPMENT_TAKEOUT'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export const KIND_ARTICLE: Record<ExceptionKind, string> = {
  SOFTWARE_INSTALLATION: '第25条第2号',
  EQUIPMENT_TAKEOUT: '第25条第3号',
};

export const PROTECTIONS = ['ENCRYPTION', 'PASSWORD'] as const; // 暗号化 / パスワード等
export type Protection = (typeof PROTECTIONS)[number];

export type ExceptionStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RETURNED_EQUIPMENT';

export interface ProhibitedActException {
  id: string;
  kind: ExceptionKind;
  systemId: string;
  requestedBy: string;
  departmentId: string;
  reason: string;
  /** The period the exception runs: installation allowed, or the device away (its last day is the return date). */
  period: Period;
  /** 第2号: the software (name and version). */
  software?: string;
  /** 第3号: the device, that it is portable (携帯用機器), and how its data is protected. */
  device?: string;
  /** The device in the register of equipment (第2条第8号), when it is there. */
  equipmentId?: string;
  portable?: boolean;
  protections?: Protection[];
  protectionDetails?: string;
  status: ExceptionStatus;
  decidedBy?: string;
  decidedAt?: string;
  decisionReason?: string;
  returnedOn?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ExceptionInput {
  kind: ExceptionKind;
  reason: string;
  period: Period;
  software?: string;
  device?: string;
  portable?: boolean;
  protections?: Protection[];
  protectionDetails?: string;
}

/** What a request must state for its kind; a take-out of anything but a protected portable device is refused outright. */
export function validateException(input: ExceptionInput): void {
  const article = KIND_ARTICLE[input.kind];
  if (!input.reason.trim()) refuse('INVALID_VALUE', ['必要がある理由を記載してください。', 'State why it is needed.'], article, ['reason']);
  validatePeriod(input.period, article);
  if (input.kind === 'SOFTWARE_INSTALLATION') {
    if (!input.software?.trim()) refuse('INVALID_VALUE', ['導入するソフトウェアの名称・版を入力してください。', 'Name the software to install.'], article, ['software']);
    if (input.device || input.protections?.length) refuse('INVALID_VALUE', ['ソフトウェアの導入では、持ち出す機器は指定しません。', 'A software installation names no device to take out.'], article, ['device']);
    return;
  }
  if (!input.device?.trim()) refuse('INVALID_VALUE', ['持ち出す機器を入力してください。', 'Name the device to take outside.'], article, ['device']);
  if (input.portable !== true) {
    refuse('INVALID_VALUE', ['屋外へ持ち出せるのは携帯用機器に限ります。システムそのものは持ち出せません。', 'Only a portable device may be taken outside; the systems themselves never leave.'], article, ['portable']);
  }
  if (!input.protections?.length) {
    refuse('INVALID_VALUE', ['許可された利用者のみがデータを読めるよう、機器は暗号化やパスワード等の仕組みで保護してください。', 'The device must be protected by encryption or passwords so only permitted users can read its data.'], article, ['protections']);
  }
  if (!input.protectionDetails?.trim()) refuse('INVALID_VALUE', ['データの保護の方法 (方式、製品、設定) を記載してください。', 'Describe how the data is protected (method, product, settings).'], article, ['protectionDetails']);
}

/** Anyone of the city's staff may ask; the request names the system concerned. */
export function requestException(actor: Actor, systemId: string, input: ExceptionInput, id: string, now: string): ProhibitedActException {
  validateException(input);
  return {
    id,
    kind: input.kind,
    systemId,
    requestedBy: actor.person.id,
    departmentId: actor.person.departmentId,
    reason: input.reason.trim(),
    period: input.period,
    software: input.software?.trim() || undefined,
    device: input.device?.trim() || undefined,
    portable: input.kind === 'EQUIPMENT_TAKEOUT' ? input.portable : undefined,
    protections: input.kind === 'EQUIPMENT_TAKEOUT' ? [...new Set(input.protections)] : undefined,
    protectionDetails: input.protectionDetails?.trim() || undefined,
    status: 'REQUESTED',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** ただし書: 情報システム管理者が必要があると認めるとき — the system administrator decides, not on his own request. */
export function decideException(actor: Actor, e: ProhibitedActException, approve: boolean, reason: string | undefined, now: string): Partial<ProhibitedActException> {
  const article = KIND_ARTICLE[e.kind];
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) refuse('FORBIDDEN', ['第25条の例外を認めるのは情報システム管理者のみです。', 'Only the system administrator allows an exception to Article 25.'], article);
  if (e.requestedBy === actor.person.id) refuse('SELF_DECISION', ['自分の申出を自ら承認することはできません。', 'No one approves their own exception.'], article);
  if (e.status !== 'REQUESTED') refuse('ALREADY_DECIDED', ['この申出は既に決裁されています。', 'The request is decided already.'], article);
  if (!approve && !reason?.trim()) refuse('INVALID_VALUE', ['認めない理由を入力してください。', 'Give the reason for refusing.'], article, ['reason']);
  if (approve && e.period.until < tokyoDate(now)) refuse('INVALID_VALUE', ['期間が終了しているため、承認するものがありません。', 'The period has ended: nothing to approve.'], article, ['period']);
  return { status: approve ? 'APPROVED' : 'REJECTED', decidedBy: actor.person.id, decidedAt: now, decisionReason: reason?.trim() || undefined };
}

/** The device is back: recorded by the one who took it out or the system administrator. */
export function recordReturn(actor: Actor, e: ProhibitedActException, returnedOn: string, now: string): Partial<ProhibitedActException> {
  const article = KIND_ARTICLE[e.kind];
  if (e.kind !== 'EQUIPMENT_TAKEOUT') refuse('INVALID_STATE', ['返却を記録できるのは、屋外に持ち出した機器のみです。', 'Only equipment taken outside is returned.'], article);
  if (actor.person.id !== e.requestedBy && !holds(actor, 'SYSTEM_ADMINISTRATOR', now)) refuse('FORBIDDEN', ['返却は、持ち出した本人又は情報システム管理者が記録します。', 'The one who took it out, or the system administrator, records the return.'], article);
  if (e.status === 'RETURNED_EQUIPMENT') refuse('INVALID_STATE', ['この機器は既に返却されています。', 'The device is back already.'], article);
  if (e.status !== 'APPROVED') refuse('INVALID_STATE', ['返却できるのは、承認された持ち出しのみです。', 'Only an approved take-out is returned.'], article);
  if (returnedOn > tokyoDate(now) || returnedOn < e.period.from) refuse('INVALID_VALUE', ['返却日は、期間の開始日から今日までの日付としてください。', 'The return date lies between the start of the period and today.'], article, ['returnedOn']);
  return { status: 'RETURNED_EQUIPMENT', returnedOn };
}

/** An approved take-out whose period has ended without the device back. */
export function isReturnOverdue(e: Pick<ProhibitedActException, 'kind' | 'status' | 'period'>, now: string): boolean {
  return e.kind === 'EQUIPMENT_TAKEOUT' && e.status === 'APPROVED' && e.period.until < tokyoDate(now);
}

/** Whether the exception lets its holder act today. */
export function isInForce(e: Pick<ProhibitedActException, 'status' | 'period'>, now: string): boolean {
  const today = tokyoDate(now);
  return e.status === 'APPROVED' && e.period.from <= today && today <= e.period.until;
}

/** Who reads a request: the one who asked, the system administrator, and the information managers of the asker's department. */
export function mayReadException(actor: Actor, e: Pick<ProhibitedActException, 'requestedBy' | 'departmentId'>, now: string): boolean {
  return actor.person.id === e.requestedBy || holds(actor, 'SYSTEM_ADMINISTRATOR', now) || holds(actor, 'INFORMATION_MANAGER', now, e.departmentId);
}

export const FINDING_ARTICLE = '第25条第1号';

/**
 * 第25条第1号: a device connected that may disturb the systems' operation or eavesdrop has no exception; when one is
 * found, the system administrator or an information manager records it, and what was done about it.
 */
export interface DeviceFinding {
  id: string;
  systemId: string;
  device: string;
  /** The device in the register of equipment (第2条第8号), when it is there; a private one is named in `device` alone. */
  equipmentId?: string;
  description: string;
  foundAt: string;
  /** Whether the device could intercept communications (盗聴). */
  eavesdropping: boolean;
  /** What was done (disconnected, removed, reported). */
  actionTaken: string;
  recordedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Who records and reads findings: the system administrator and the information managers. */
export function mayRecordFindings(actor: Actor, now: string): boolean {
  return holds(actor, 'SYSTEM_ADMINISTRATOR', now) || holds(actor, 'INFORMATION_MANAGER', now);
}

export function recordDeviceFinding(
  actor: Actor,
  systemId: string,
  input: { device: string; description: string; foundAt: string; eavesdropping: boolean; actionTaken: string },
  id: string,
  now: string,
): DeviceFinding {
  if (!mayRecordFindings(actor, now)) {
    refuse('FORBIDDEN', ['接続された機器の発見は、情報システム管理者又は情報管理責任者が記録します。', 'The system administrator or an information manager records a device found connected.'], FINDING_ARTICLE);
  }
  if (!input.device.trim()) refuse('INVALID_VALUE', ['発見した機器を入力してください。', 'Name the device found.'], FINDING_ARTICLE, ['device']);
  if (!input.description.trim()) refuse('INVALID_VALUE', ['発見した内容と場所を記載してください。', 'Describe what was found and where.'], FINDING_ARTICLE, ['description']);
  if (!input.actionTaken.trim()) refuse('INVALID_VALUE', ['取った措置を記録してください。', 'Record what was done about it.'], FINDING_ARTICLE, ['actionTaken']);
  if (Number.isNaN(Date.parse(input.foundAt)) || Date.parse(input.foundAt) > Date.parse(now)) {
    refuse('INVALID_VALUE', ['foundAt (発見日時) は発見した日時とし、未来の日時は入力できません。', 'foundAt is the instant it was found, not in the future.'], FINDING_ARTICLE, ['foundAt']);
  }
  return {
    id,
    systemId,
    device: input.device.trim(),
    description: input.description.trim(),
    foundAt: new Date(input.foundAt).toISOString(),
    eavesdropping: input.eavesdropping,
    actionTaken: input.actionTaken.trim(),
    recordedBy: actor.person.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

// The transitions of a request and of a finding, as the one write path carries them out (functions/resolvers/write.ts):
// each the rule above, the object's next version, and the audit action with its article.

export const prohibitedActException = {
  /** `device`: the portable device of the register taken outside (第3号); its identifier stands for the text when none is given. */
  request(actor: Actor, system: { id: string }, input: ExceptionInput, id: string, now: string, device?: Equipment) {
    const article = KIND_ARTICLE[input.kind];
    if (device && input.kind !== 'EQUIPMENT_TAKEOUT') refuse('INVALID_VALUE', ['ソフトウェアの導入では、持ち出す機器は指定しません。', 'A software installation names no device to take out.'], article, ['equipmentId']);
    const named = namedEquipment(device, article, { systemId: system.id });
    const e = requestException(actor, system.id, { ...input, device: input.device?.trim() || device?.identifier }, id, now);
    return changeOf('ProhibitedActException', undefined, { ...e, ...named }, 'prohibitedActException.requested', article);
  },
  decide: (actor: Actor, e: ProhibitedActException, approve: boolean, reason: string | undefined, now: string) =>
    changeOf('ProhibitedActException', e, advance(e, decideException(actor, e, approve, reason, now), now), approve ? 'prohibitedActException.approved' : 'prohibitedActException.rejected', KIND_ARTICLE[e.kind]),
  /** The return date defaults to today. */
  recordReturn: (actor: Actor, e: ProhibitedActException, returnedOn: string | undefined, now: string) =>
    changeOf('ProhibitedActException', e, advance(e, recordReturn(actor, e, returnedOn ?? tokyoDate(now), now), now), 'prohibitedActException.returned', KIND_ARTICLE[e.kind]),
};

export const deviceFinding = {
  /** `device`: the equipment of the register found connected, when it is one (a private device stays text). */
  record: (actor: Actor, system: { id: string }, input: Parameters<typeof recordDeviceFinding>[2], id: string, now: string, device?: Equipment) =>
    changeOf('DeviceFinding', undefined, { ...recordDeviceFinding(actor, system.id, input, id, now), ...namedEquipment(device, FINDING_ARTICLE, { systemId: system.id }) }, 'deviceFinding.recorded', FINDING_ARTICLE),
};

/** What the viewer may do with a request now, each by the rule that would refuse it (`viewerCan*`). */
export function exceptionActions(actor: Actor, e: ProhibitedActException, now: string) {
  const today = tokyoDate(now);
  return {
    decide: allows(() => decideException(actor, e, true, undefined, now)) || allows(() => decideException(actor, e, false, 'x', now)),
    recordReturn: allows(() => recordReturn(actor, e, today < e.period.from ? e.period.from : today, now)),
  };
}

/** The system administrator's lists, each with the article that keeps it to them. */
const ADMINISTRATORS_LISTS = {
  pending: '第25条', // the requests awaiting their decision
  overdueReturns: '第25条第3号', // devices taken outside and not back after their period
} as const;

/** 第25条: the lists of pending requests and of devices overdue back are the system administrator's. */
export function assertMayReadExceptionLists(actor: Actor, now: string, list: keyof typeof ADMINISTRATORS_LISTS): void {
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) refuse('FORBIDDEN', ['この一覧は情報システム管理者のみが参照できます。', 'Only the system administrator reads this list.'], ADMINISTRATORS_LISTS[list]);
}

/** 第25条第1号: the findings are read by those who record them; anyone else is refused. */
export function assertMayReadFindings(actor: Actor, now: string): void {
  if (!mayRecordFindings(actor, now)) refuse('FORBIDDEN', ['発見の記録は、情報システム管理者及び情報管理責任者が参照できます。', 'The system administrator and the information managers read the findings.'], FINDING_ARTICLE);
}
