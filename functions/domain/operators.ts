/**
 * 操作職員等 (第12条): who may operate a system.
 *
 * 第1項: 情報系システムの操作は、情報システム管理者が指定した主管課の職員等(臨時職員又は委託職員等を含む。)でなければ
 * 操作してはならない。 — The system administrator designates (and so also releases) the operators of a 情報系 system,
 * directly: a designation from a day, open-ended or until a day. It is not back-dated.
 *
 * 第2項: 業務系システムの操作は、当該情報管理責任者が指定した職員等でなければ操作してはならない。情報管理責任者は、職員等を
 * 指定し、又は解除したときは、あらかじめ業務系システム操作職員等指定・解除報告書(様式第5号)を情報システム管理者に報告しな
 * ければならない。 — The text says both "when designated or released" and "in advance". Read together: the
 * information manager of the system's department (当該情報管理責任者, here the owning department's) designates and
 * releases by a decision that takes effect on a later day, and reports it before that day. So the report is the
 * designation: each entry (DESIGNATE or RELEASE a person, effective on a day) must take effect AFTER the day the
 * report is submitted (NOT_IN_ADVANCE otherwise), and on submission the entries take effect on their days — a
 * DESIGNATE entry creates a designation from its day, a RELEASE entry ends the person's designation the day before.
 * The system administrator is reported to, not asked: approving the report is its receipt (受理). Returning or
 * rejecting it (for correction), or the manager withdrawing it, undoes its entries: the designations it made are
 * cancelled, the designations it ended run on as before. The system administrator does not designate 業務系
 * operators directly (第2項 names the information manager), and the information manager does not report on 情報系.
 *
 * 職員等 includes temporary and contract staff: anyone in the register of people may be designated, whatever their
 * department (a contractor maintaining a 業務系 system belongs to another). One person holds at most one designation
 * on a system at any time: an item per (system, person) keeps their periods, written with the version read, so a
 * second overlapping designation, even racing, is refused as DUPLICATE.
 */
import { Actor, assertInformationManagerOf, holds, tokyoDate } from './people';
import { addDays, isDate } from './period';
import { Changed, Part, alongWith, changeOf } from './change';
import { Effect, Form, newApplication } from './forms';
import { Person } from './people';
import { allows, exists, refuse } from './refusal';
import { SystemRecord } from './systems';
import { ApplicationState, assertVersion } from './workflow';

export const ARTICLE_INFORMATION = '第12条第1項';
export const ARTICLE_BUSINESS = '第12条第2項';
/** The sort-key stand-in for "no last day". */
export const OPEN_END = '9999-12-31';
/** Most entries on one report: each writes a designation, the person's period item and an audit event, in one transaction. */
export const MAX_ENTRIES = 20;

export type DesignationBasis = 'ADMINISTRATOR' | 'REPORT';
export type DesignationStatus = 'ACTIVE' | 'CANCELLED';
export type ReportAction = 'DESIGNATE' | 'RELEASE';

export interface OperatorDesignation {
  id: string;
  systemId: string;
  personId: string;
  /** First day designated (inclusive). */
  validFrom: string;
  /** Last day designated (inclusive); open-ended when absent. */
  validUntil?: string;
  basis: DesignationBasis;
  /** REPORT: the 様式第5号 that designated. */
  reportId?: string;
  designatedBy: string;
  /** CANCELLED: its report was returned, rejected or withdrawn. */
  status: DesignationStatus;
  cancelledAt?: string;
  releasedBy?: string;
  releasedAt?: string;
  /** The 様式第5号 that released. */
  releaseReportId?: string;
  /** A release by report: the last day before it (OPEN_END when open), restored if the report is undone. */
  validUntilBeforeRelease?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One person's designations on one system: the periods that must not overlap. */
export interface OperatorSlot {
  systemId: string;
  personId: string;
  periods: { designationId: string; validFrom: string; validUntil: string }[];
  version: number;
}

export interface ReportEntry {
  action: ReportAction;
  personId: string;
  effectiveOn: string;
}

export interface OperatorReport extends ApplicationState {
  id: string;
  form: 'FORM_5';
  title: string;
  systemId: string;
  /** The system's department: its information manager reports. */
  departmentId: string;
  entries: ReportEntry[];
  note?: string;
  createdAt: string;
  updatedAt: string;
}

/** The day before a date, by the calendar. */
export function dayBefore(date: string): string {
  return addDays(date, -1);
}

export const lastDay = (d: Pick<OperatorDesignation, 'validUntil'>) => d.validUntil ?? OPEN_END;

/** Designated on that day: not cancelled, and the day within its period. */
export function isDesignatedOn(d: OperatorDesignation, date: string): boolean {
  return d.status === 'ACTIVE' && d.validFrom <= date && date <= lastDay(d);
}

function assertOperable(system: SystemRecord, article: string): void {
  if (system.status === 'ABOLISHED') refuse('INVALID_STATE', ['廃止されたシステムには操作職員等を指定できません。', 'An abolished system has no operators to designate.'], article, ['systemId']);
}

/** 第1項: the system administrator designates and releases 情報系 operators; 業務系 ones go through 様式第5号 (第2項). */
export function assertMayDesignateDirectly(actor: Actor, system: SystemRecord, now: string, field = ['systemId']): void {
  if (system.category === 'BUSINESS') {
    refuse(
      'FORBIDDEN',
      ['業務系システムの操作職員等は、主管課の情報管理責任者が指定・解除し、様式第5号 (reportOperators) であらかじめ報告します。', 'Operators of a business-category system are designated and released by the information manager of its department, reported in advance on Form No. 5 (reportOperators).'],
      ARTICLE_BUSINESS,
      field,
    );
  }
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) {
    refuse('FORBIDDEN', ['情報系システムの操作職員等は、情報システム管理者のみが指定できます。', 'Only the system administrator designates the operators of an information-category system.'], ARTICLE_INFORMATION, field);
  }
  assertOperable(system, ARTICLE_INFORMATION);
}

/** 第2項: the information manager of the 業務系 system's department reports; 情報系 operators are the SA's (第1項). */
export function assertMayReport(actor: Actor, system: SystemRecord, now: string): void {
  if (system.category === 'INFORMATION') {
    refuse(
      'FORBIDDEN',
      ['情報系システムの操作職員等は情報システム管理者が直接指定します。様式第5号による報告ではありません。', 'Operators of an information-category system are designated by the system administrator directly, not reported on Form No. 5.'],
      ARTICLE_INFORMATION,
      ['systemId'],
    );
  }
  assertInformationManagerOf(actor, [system.owningDepartmentId], now, ARTICLE_BUSINESS, ['systemId'], ['このシステムの操作職員等を指定・解除する (様式第5号)', 'designate and release the operators of this system (Form No. 5)']);
  assertOperable(system, ARTICLE_BUSINESS);
}

/** What the viewer may do about a system's operators (`viewerCan*`): designate them directly (第1項), or report them (第2項). */
export function operatorActions(actor: Actor, system: SystemRecord, now: string) {
  return {
    designate: allows(() => assertMayDesignateDirectly(actor, system, now)),
    report: allows(() => assertMayReport(actor, system, now)),
  };
}

/** The system administrator receives 様式第5号 (受理 = APPROVED) or returns it for correction. */
export function mayDecide(actor: Actor, now: string): boolean {
  return holds(actor, 'SYSTEM_ADMINISTRATOR', now);
}

export function assertMayDecide(actor: Actor, now: string): void {
  if (!mayDecide(actor, now)) {
    refuse('FORBIDDEN', ['様式第5号は情報システム管理者のみが受理できます。', 'Only the system administrator receives Form No. 5.'], ARTICLE_BUSINESS, ['applicationId']);
  }
}

export function validateEntries(entries: ReportEntry[]): void {
  if (entries.length === 0) refuse('INVALID_VALUE', ['報告には指定又は解除を一件以上記載してください。', 'A report lists at least one designation or release.'], ARTICLE_BUSINESS, ['entries']);
  if (entries.length > MAX_ENTRIES) refuse('INVALID_VALUE', [`一つの報告に記載できるのは ${MAX_ENTRIES} 件までです。`, `A report lists at most ${MAX_ENTRIES} entries.`], ARTICLE_BUSINESS, ['entries']);
  entries.forEach((e, i) => {
    if (!isDate(e.effectiveOn)) refuse('INVALID_VALUE', ['effectiveOn (発効日) は日付 (YYYY-MM-DD) で入力してください。', 'effectiveOn is a date (YYYY-MM-DD).'], ARTICLE_BUSINESS, ['entries', String(i), 'effectiveOn']);
  });
}

/** 第2項 あらかじめ: every entry takes effect after the day the report is submitted. */
export function assertReportInAdvance(entries: ReportEntry[], now: string): void {
  const today = tokyoDate(now);
  entries.forEach((e, i) => {
    if (e.effectiveOn <= today) {
      refuse(
        'NOT_IN_ADVANCE',
        [`${e.effectiveOn} に発効する指定・解除は、あらかじめ (遅くとも前日までに) 報告してください。`, `A designation or release effective on ${e.effectiveOn} is reported in advance: the report is submitted before that day, at the latest the day before.`],
        ARTICLE_BUSINESS,
        ['entries', String(i), 'effectiveOn'],
      );
    }
  });
}

/** A designation by the system administrator (第1項): from a day not yet past, open-ended or until a day. */
export function validateDirectPeriod(validFrom: string, validUntil: string | undefined, now: string): void {
  if (!isDate(validFrom)) refuse('INVALID_VALUE', ['validFrom (開始日) は日付 (YYYY-MM-DD) で入力してください。', 'validFrom is a date (YYYY-MM-DD).'], ARTICLE_INFORMATION, ['validFrom']);
  if (validUntil !== undefined && !isDate(validUntil)) refuse('INVALID_VALUE', ['validUntil (終了日) は日付 (YYYY-MM-DD) で入力してください。', 'validUntil is a date (YYYY-MM-DD).'], ARTICLE_INFORMATION, ['validUntil']);
  if (validFrom < tokyoDate(now)) refuse('INVALID_VALUE', ['指定はさかのぼって行えません。今日以降の日付としてください。', 'A designation is not back-dated: it takes effect today or later.'], ARTICLE_INFORMATION, ['validFrom']);
  if (validUntil !== undefined && validUntil < validFrom) refuse('INVALID_VALUE', ['validUntil (終了日) が validFrom (開始日) より前になっています。', 'validUntil is before validFrom.'], ARTICLE_INFORMATION, ['validUntil']);
}

/** 第12条第1項: the system administrator's release takes effect today or later, never back-dated. */
export function validateDirectRelease(effectiveOn: string, now: string): void {
  if (effectiveOn < tokyoDate(now)) refuse('INVALID_VALUE', ['解除はさかのぼって行えません。今日以降の日付としてください。', 'A release is not back-dated: it takes effect today or later.'], ARTICLE_INFORMATION, ['effectiveOn']);
}

export function emptySlot(systemId: string, personId: string): OperatorSlot {
  return { systemId, personId, periods: [], version: 0 };
}

function assertNoOverlap(slot: OperatorSlot, from: string, until: string, article: string, field: string[], except?: string): void {
  const clash = slot.periods.find((p) => p.designationId !== except && p.validFrom <= until && from <= p.validUntil);
  if (clash) {
    refuse(
      'DUPLICATE',
      [`この職員は既にこのシステムの操作職員等に指定されています (${clash.validFrom}から${clash.validUntil === OPEN_END ? '' : `${clash.validUntil}まで`})。`, `The person is already designated on this system from ${clash.validFrom}${clash.validUntil === OPEN_END ? '' : ` until ${clash.validUntil}`}.`],
      article,
      field,
    );
  }
}

/** A new designation and the person's periods with it; refused if it overlaps one they hold. */
export function designate(
  slot: OperatorSlot,
  d: Omit<OperatorDesignation, 'status' | 'version' | 'createdAt' | 'updatedAt'>,
  now: string,
  article: string,
  field: string[],
): { designation: OperatorDesignation; slot: OperatorSlot } {
  assertNoOverlap(slot, d.validFrom, lastDay(d), article, field);
  const designation: OperatorDesignation = { ...d, status: 'ACTIVE', version: 1, createdAt: now, updatedAt: now };
  return {
    designation,
    slot: { ...slot, periods: [...slot.periods, { designationId: d.id, validFrom: d.validFrom, validUntil: lastDay(d) }] },
  };
}

/** Ends a designation: `effectiveOn` is the first day no longer designated. */
export function release(
  slot: OperatorSlot,
  d: OperatorDesignation,
  effectiveOn: string,
  by: { actorId: string; reportId?: string },
  now: string,
  article: string,
  field: string[],
): { designation: OperatorDesignation; slot: OperatorSlot } {
  if (d.status !== 'ACTIVE') refuse('INVALID_STATE', ['この指定は取り消されています。', 'The designation was cancelled.'], article, field);
  if (!isDate(effectiveOn)) refuse('INVALID_VALUE', ['effectiveOn (発効日) は日付 (YYYY-MM-DD) で入力してください。', 'effectiveOn is a date (YYYY-MM-DD).'], article, field);
  const until = dayBefore(effectiveOn);
  if (effectiveOn <= d.validFrom) {
    refuse('INVALID_VALUE', [`この指定は ${d.validFrom} に始まります。解除はその翌日以降に発効させてください。`, `The designation starts on ${d.validFrom}; a release takes effect after that day.`], article, field);
  }
  if (until >= lastDay(d)) refuse('INVALID_STATE', [`この指定は既に ${d.validUntil} に終了します。`, `The designation already ends on ${d.validUntil}.`], article, field);
  const designation: OperatorDesignation = {
    ...d,
    validUntil: until,
    releasedBy: by.actorId,
    releasedAt: now,
    releaseReportId: by.reportId,
    validUntilBeforeRelease: by.reportId ? lastDay(d) : undefined,
    version: d.version + 1,
    updatedAt: now,
  };
  return {
    designation,
    slot: { ...slot, periods: slot.periods.map((p) => (p.designationId === d.id ? { ...p, validUntil: until } : p)) },
  };
}

/** The designation a release on `effectiveOn` ends: the one running the day before and on that day. */
export function designationToRelease(slot: OperatorSlot, effectiveOn: string): string | undefined {
  return slot.periods.find((p) => p.validFrom < effectiveOn && effectiveOn <= p.validUntil)?.designationId;
}

/** What is read and written while applying or undoing a report: each item once, with the version it was read at. */
export interface Workspace {
  slots: Map<string, OperatorSlot>;
  designations: Map<string, OperatorDesignation>;
  /** The versions read (absent: a new item). */
  readSlotVersions: Map<string, number | undefined>;
  readDesignations: Map<string, OperatorDesignation | undefined>;
}

export const slotId = (systemId: string, personId: string) => `${systemId}#${personId}`;

/**
 * 第2項: a submitted report takes effect on its days: DESIGNATE entries designate from effectiveOn, RELEASE entries
 * end the person's designation the day before. Entries apply in order (a person released and designated again).
 */
export function applyReport(r: OperatorReport, ws: Workspace, newId: () => string, now: string): { changed: OperatorDesignation[] } {
  const changed = new Set<string>();
  r.entries.forEach((e, i) => {
    const field = ['entries', String(i), 'personId'];
    const key = slotId(r.systemId, e.personId);
    const slot = ws.slots.get(key) ?? emptySlot(r.systemId, e.personId);
    if (e.action === 'DESIGNATE') {
      const out = designate(
        slot,
        { id: newId(), systemId: r.systemId, personId: e.personId, validFrom: e.effectiveOn, basis: 'REPORT', reportId: r.id, designatedBy: r.applicantId },
        now,
        ARTICLE_BUSINESS,
        field,
      );
      ws.slots.set(key, out.slot);
      ws.designations.set(out.designation.id, out.designation);
      if (!ws.readDesignations.has(out.designation.id)) ws.readDesignations.set(out.designation.id, undefined);
      changed.add(out.designation.id);
    } else {
      const id = designationToRelease(slot, e.effectiveOn);
      const d = id && ws.designations.get(id);
      if (!d) refuse('INVALID_STATE', [`この職員は ${e.effectiveOn} にこのシステムの操作職員等に指定されていないため、解除するものがありません。`, `The person is not designated on this system on ${e.effectiveOn}: there is nothing to release.`], ARTICLE_BUSINESS, field);
      const out = release(slot, d, e.effectiveOn, { actorId: r.applicantId, reportId: r.id }, now, ARTICLE_BUSINESS, field);
      ws.slots.set(key, out.slot);
      ws.designations.set(d.id, out.designation);
      changed.add(d.id);
    }
  });
  return { changed: [...changed].map((id) => ws.designations.get(id) as OperatorDesignation) };
}

/**
 * A report returned, rejected or withdrawn undoes its entries: its designations are cancelled, the designations it
 * released run on as before — unless the person has been designated again meanwhile (INVALID_STATE: undo that first).
 */
export function undoReport(r: OperatorReport, ws: Workspace, now: string): { changed: OperatorDesignation[] } {
  const changed: OperatorDesignation[] = [];
  const mine = [...ws.designations.values()].filter((d) => d.systemId === r.systemId);
  for (const d of mine.filter((x) => x.reportId === r.id && x.status === 'ACTIVE')) {
    const cancelled: OperatorDesignation = { ...d, status: 'CANCELLED', cancelledAt: now, version: d.version + 1, updatedAt: now };
    const key = slotId(d.systemId, d.personId);
    const slot = ws.slots.get(key) as OperatorSlot;
    ws.slots.set(key, { ...slot, periods: slot.periods.filter((p) => p.designationId !== d.id) });
    ws.designations.set(d.id, cancelled);
    changed.push(cancelled);
  }
  for (const d of mine.map((x) => ws.designations.get(x.id) as OperatorDesignation).filter((x) => x.releaseReportId === r.id && x.status === 'ACTIVE')) {
    const key = slotId(d.systemId, d.personId);
    const slot = ws.slots.get(key) as OperatorSlot;
    const until = d.validUntilBeforeRelease ?? OPEN_END;
    const field = ['applicationId'];
    try {
      assertNoOverlap(slot, d.validFrom, until, ARTICLE_BUSINESS, field, d.id);
    } catch {
      refuse(
        'INVALID_STATE',
        ['この報告を取り消すと、その後の報告で改めて指定された指定が復活してしまいます。後の報告を先に取り消してください。', 'Undoing this report would restore a designation the person has since been given again; the later report is undone first.'],
        ARTICLE_BUSINESS,
        field,
      );
    }
    const restored: OperatorDesignation = {
      ...d,
      validUntil: until === OPEN_END ? undefined : until,
      releasedBy: undefined,
      releasedAt: undefined,
      releaseReportId: undefined,
      validUntilBeforeRelease: undefined,
      version: d.version + 1,
      updatedAt: now,
    };
    ws.slots.set(key, { ...slot, periods: slot.periods.map((p) => (p.designationId === d.id ? { ...p, validUntil: until } : p)) });
    ws.designations.set(d.id, restored);
    changed.push(restored);
  }
  return { changed };
}

/** Whether the viewer may release this designation directly: the system administrator, on a 情報系 system, before it ends. */
export function mayRelease(actor: Actor, system: SystemRecord, d: OperatorDesignation, now: string): boolean {
  return operatorActions(actor, system, now).designate && d.status === 'ACTIVE' && lastDay(d) >= tokyoDate(now);
}

/** What a 様式第5号 report's rules read: at submission the system and the people it names; the designations and slots it touches. */
export interface ReportState {
  system?: SystemRecord;
  people?: (Person | undefined)[];
  workspace: Workspace;
}

/** A person's periods on a system as written, on the version read (0: none yet, written as new). */
function slotPart(slot: OperatorSlot, read: number): Part {
  return { part: 'OperatorSlot', value: { ...slot, version: read + 1 }, expectedVersion: read === 0 ? undefined : read };
}

/** What the entries of a report do to the designations (applied on submission, undone on closing), with the slots they touch. */
function reportEffect(r: OperatorReport, ws: Workspace, now: string, undo: boolean, newId: () => string): Effect {
  const { changed } = undo ? undoReport(r, ws, now) : applyReport(r, ws, newId, now);
  const changes: Changed[] = changed.map((d) => {
    const before = ws.readDesignations.get(d.id);
    const action = undo ? (d.status === 'CANCELLED' ? 'cancelled' : 'restored') : before ? 'released' : 'designated';
    return { kind: 'OperatorDesignation', before, after: d, action: `operatorDesignation.${action}`, article: ARTICLE_BUSINESS };
  });
  const parts = [...new Set(changed.map((d) => slotId(d.systemId, d.personId)))].map((key) => slotPart(ws.slots.get(key) as OperatorSlot, ws.readSlotVersions.get(key) ?? 0));
  return { changes, parts };
}

/**
 * 様式第5号 on the shared workflow: the system's information manager designates or releases and reports it in advance;
 * the system administrator receives the report (受理, APPROVED) or asks for its correction (訂正の求め, RETURNED)
 * (第12条第2項). The designation is the information manager's act: no answer of the administrator undoes it; the
 * information manager does, by withdrawing the report (or by a later report releasing).
 */
export const operatorReportForm: Form<OperatorReport, ReportState> = {
  kind: 'OperatorReport',
  readsStateOn: ['submit', 'withdraw'],
  action: 'operatorReport',
  article: () => ARTICLE_BUSINESS,
  checkSubmit({ actor, now }, r, state) {
    assertMayReport(actor, exists(state.system, ['行政システム', 'system'], ['systemId']), now);
    (state.people ?? []).forEach((p, i) => exists(p, ['職員', 'person'], ['entries', String(i), 'personId']));
    assertReportInAdvance(r.entries, now); // 第12条第2項: あらかじめ
  },
  assertMayDecide: (actor, _r, now) => assertMayDecide(actor, now),
  decider: () => ({ role: 'SYSTEM_ADMINISTRATOR' }),
  outcomeWords: { APPROVED: '受理', RETURNED: '訂正の求め' },
  // 第12条第2項: 報告 — received or returned for correction, never rejected.
  assertOutcome(outcome) {
    if (outcome === 'REJECTED') {
      refuse(
        'INVALID_VALUE',
        ['様式第5号は報告です。受理するか、訂正を求めてください (不承認はありません)。', 'A report (Form No. 5) is received or returned for correction; it is not rejected.'],
        ARTICLE_BUSINESS,
        ['outcome'],
      );
    }
  },
  // 第12条第2項: the entries take effect for their days when the report is first submitted; a report returned for
  // correction keeps them in force, so its resubmission changes nothing of them …
  onSubmit: ({ now, newId }, before, after, state) => (before?.status === 'RETURNED' ? {} : reportEffect(after, state.workspace, now, false, newId)),
  // … and the information manager's withdrawal of a report in force undoes them.
  onWithdraw: ({ now, newId }, before, state) =>
    before.status === 'SUBMITTED' || before.status === 'RETURNED' ? reportEffect(before, state.workspace, now, true, newId) : undefined,
};

/** A report's entry as the client sent it: `personId` absent when the id sent is not a person's. */
export type ReportEntryInput = Omit<ReportEntry, 'personId'> & { personId?: string };

/**
 * A new 様式第5号 of the 業務系 system's information manager, drafted; when submitted at once, in advance (第12条第2項).
 * `people`: the register's entry of each person named, in the order of the entries.
 */
export function draftReport(
  actor: Actor,
  system: SystemRecord,
  input: { entries: ReportEntryInput[]; note?: string },
  people: (Person | undefined)[],
  submitNow: boolean,
  id: string,
  now: string,
): OperatorReport {
  assertMayReport(actor, system, now); // 第12条第2項 (情報系: 第1項)
  const entries = input.entries.map(({ action, personId, effectiveOn }, i) => {
    if (!personId) refuse('NOT_FOUND', ['personId は職員のIDではありません。', 'personId is not the id of a Person.'], undefined, ['entries', String(i), 'personId']);
    return { action, personId, effectiveOn };
  });
  validateEntries(entries);
  people.forEach((p, i) => {
    if (!p) refuse('NOT_FOUND', ['指定されたIDの職員は見つかりません。', 'No person has that id.'], undefined, ['entries', String(i), 'personId']);
  });
  if (submitNow) assertReportInAdvance(entries, now); // 第12条第2項: あらかじめ
  return {
    ...newApplication(actor, id, now),
    form: 'FORM_5',
    title: `「${system.name}」操作職員等指定・解除報告`,
    systemId: system.id,
    departmentId: system.owningDepartmentId,
    entries,
    note: input.note?.trim() || undefined,
  };
}

/** 第12条第1項: the system administrator designates and releases the operators of a 情報系 system directly. */
export const operatorDesignation = {
  designate(actor: Actor, system: SystemRecord, personId: string, period: { validFrom: string; validUntil?: string }, slot: OperatorSlot | undefined, id: string, now: string) {
    assertMayDesignateDirectly(actor, system, now); // 第12条第1項 (業務系: 第2項)
    validateDirectPeriod(period.validFrom, period.validUntil, now);
    const d = { id, systemId: system.id, personId, validFrom: period.validFrom, validUntil: period.validUntil, basis: 'ADMINISTRATOR' as const, designatedBy: actor.person.id };
    const out = designate(slot ?? emptySlot(system.id, personId), d, now, ARTICLE_INFORMATION, ['personId']);
    return alongWith(changeOf('OperatorDesignation', undefined, out.designation, 'operatorDesignation.designated', ARTICLE_INFORMATION), { parts: [slotPart(out.slot, slot?.version ?? 0)] });
  },
  release(actor: Actor, system: SystemRecord | undefined, d: OperatorDesignation, expectedVersion: number, effectiveOn: string, slot: OperatorSlot | undefined, now: string) {
    assertMayDesignateDirectly(actor, exists(system, ['行政システム', 'system'], ['designationId']), now, ['designationId']); // 第12条第1項 (業務系: 第2項)
    assertVersion(d.version, expectedVersion);
    validateDirectRelease(effectiveOn, now);
    const out = release(slot ?? emptySlot(d.systemId, d.personId), d, effectiveOn, { actorId: actor.person.id }, now, ARTICLE_INFORMATION, ['effectiveOn']);
    return alongWith(changeOf('OperatorDesignation', d, out.designation, 'operatorDesignation.released', ARTICLE_INFORMATION), { parts: [slotPart(out.slot, slot?.version ?? 0)] });
  },
};

/** The designations a report made or ended that are in force (cancelled ones are not), from the workspace it touches. */
export function designationsOfReport(r: Pick<OperatorReport, 'id'>, ws: Workspace): OperatorDesignation[] {
  return [...ws.designations.values()].filter((d) => d.status === 'ACTIVE' && (d.reportId === r.id || d.releaseReportId === r.id));
}
