/**
 * The consultations on a system's life, each filed by an information manager with the system administrator:
 * - 様式第1号 行政システム決定の協議書: deciding a new system, in advance (第7条);
 * - 様式第2号 行政システムの設置等の協議書: installing, changing or abolishing one (第8条);
 * - 様式第3号 ネットワークシステム接続の協議書: connecting a 情報系 and a 業務系 system, in advance (第9条).
 * They share the workflow of workflow.ts; this module adds who files, who decides, and what approval does.
 */
import { Changed, advance, changeOf } from './change';
import { Form, newApplication } from './forms';
import { Actor, assertInformationManagerOf, holds } from './people';
import { exists, refuse } from './refusal';
import { ApplicationState, assertEditable, permittedActions } from './workflow';
import { SYSTEM_STATUS_JA, SystemEdit, SystemRecord, assertHasPurpose, installChangeAbolish, stripUndefined } from './systems';

export const CONSULTATION_ACTIONS = ['DECIDE', 'INSTALL', 'CHANGE', 'ABOLISH', 'CONNECT'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

export const FORMS = ['FORM_1', 'FORM_2', 'FORM_3'] as const;
export type ConsultationForm = (typeof FORMS)[number];

export function formOf(action: ConsultationAction): ConsultationForm {
  return action === 'DECIDE' ? 'FORM_1' : action === 'CONNECT' ? 'FORM_3' : 'FORM_2';
}

export function articleOf(action: ConsultationAction): string {
  return action === 'DECIDE' ? '第7条' : action === 'CONNECT' ? '第9条' : '第8条';
}

/** The role that decides every one of these forms: 情報システム管理者. */
export const DECIDING_ROLE = 'SYSTEM_ADMINISTRATOR' as const;

export interface Consultation extends ApplicationState {
  id: string;
  form: ConsultationForm;
  action: ConsultationAction;
  systemId: string;
  /** 様式第3号: the system to connect to. */
  connectSystemId?: string;
  /** 様式第2号 (change): what the change makes of the system. */
  proposedChanges?: SystemEdit;
  title: string;
  /** The body of the form: reason, content, schedule, as the applicant writes it. */
  details: string;
  /** When the applicant intends the action to take effect (YYYY-MM-DD). */
  plannedOn?: string;
  applicantDepartmentId: string;
  createdAt: string;
  updatedAt: string;
}

export interface ConsultationInput {
  action: ConsultationAction;
  title: string;
  details: string;
  plannedOn?: string;
  connectSystemId?: string;
  proposedChanges?: SystemEdit;
}

/** The information manager of the system's department files (第7条, 第8条, 第9条). */
export function assertMayFile(actor: Actor, system: SystemRecord, other: SystemRecord | undefined, now: string, action: ConsultationAction): string {
  const departments = [system.owningDepartmentId, ...(other ? [other.owningDepartmentId] : [])];
  return assertInformationManagerOf(actor, departments, now, articleOf(action), ['systemId'], ['この協議を行う', 'file this consultation']);
}

export function assertMayDecide(actor: Actor, action: ConsultationAction, now: string): void {
  if (!holds(actor, DECIDING_ROLE, now)) {
    refuse(
      'FORBIDDEN',
      ['この協議は情報システム管理者のみが決裁できます。', 'Only the system administrator decides this consultation.'],
      articleOf(action),
    );
  }
}

/**
 * Whether the system is where the action can start: checked when the form is drafted, submitted and decided,
 * since the system may have moved on meanwhile.
 */
export function assertActionPossible(c: Pick<Consultation, 'action' | 'proposedChanges'>, system: SystemRecord, other?: SystemRecord): void {
  const article = articleOf(c.action);
  switch (c.action) {
    case 'DECIDE':
      if (system.status !== 'REGISTERED') {
        refuse('INVALID_STATE', [`このシステムは既に${SYSTEM_STATUS_JA[system.status]}です。様式第1号は新しいシステムを決定するための協議書です。`, `The system has already been ${system.status.toLowerCase()}; Form No. 1 decides a new system.`], article);
      }
      assertHasPurpose(system); // 第6条
      return;
    case 'INSTALL':
    case 'ABOLISH':
      dryRun(system, c.action, {});
      return;
    case 'CHANGE':
      dryRun(system, 'CHANGE', c.proposedChanges ?? {});
      return;
    case 'CONNECT': {
      if (!other) refuse('INVALID_VALUE', ['様式第3号では接続先のシステムを指定してください。', 'Form No. 3 names the system to connect to.'], article, ['connectSystemId']);
      if (other.id === system.id) refuse('INVALID_CONNECTION', ['システムを自分自身に接続することはできません。', 'A system is not connected to itself.'], article, ['connectSystemId']);
      const categories = new Set([system.category, other.category]);
      if (!(categories.has('INFORMATION') && categories.has('BUSINESS'))) {
        refuse(
          'INVALID_CONNECTION',
          ['様式第3号は、情報系システムと業務系システムを接続するための協議書です。', 'Form No. 3 is for connecting an information-category system with a business-category system.'],
          article,
          ['connectSystemId'],
        );
      }
      for (const s of [system, other]) {
        if (s.status !== 'DECIDED' && s.status !== 'INSTALLED') {
          refuse('INVALID_STATE', [`${s.name} は${SYSTEM_STATUS_JA[s.status]}です。接続できるのは決定済又は設置済のシステムのみです。`, `${s.name} is ${s.status.toLowerCase()}; only decided or installed systems are connected.`], article);
        }
      }
      if (system.connectedSystemIds.includes(other.id)) {
        refuse('DUPLICATE', ['これらのシステムは既に接続されています。', 'These systems are already connected.'], article, ['connectSystemId']);
      }
      return;
    }
  }
}

function dryRun(system: SystemRecord, action: 'INSTALL' | 'CHANGE' | 'ABOLISH', changes: SystemEdit): void {
  installChangeAbolish(system, action, changes, system.updatedAt);
}

export function validateConsultationInput(input: ConsultationInput): void {
  const article = articleOf(input.action);
  if (!input.title.trim()) refuse('INVALID_VALUE', ['協議の件名を入力してください。', 'A consultation needs a title.'], article, ['title']);
  if (!input.details.trim()) refuse('INVALID_VALUE', ['協議の内容・理由を入力してください。', 'A consultation states its content and reason.'], article, ['details']);
  if (input.plannedOn !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(input.plannedOn) || Number.isNaN(Date.parse(input.plannedOn)))) {
    refuse('INVALID_VALUE', ['plannedOn (予定日) は日付 (YYYY-MM-DD) で入力してください。', 'plannedOn must be a date (YYYY-MM-DD).'], article, ['plannedOn']);
  }
  if (input.action !== 'CONNECT' && input.connectSystemId) {
    refuse('INVALID_VALUE', ['接続先のシステムを指定するのは様式第3号のみです。', 'Only Form No. 3 names a system to connect to.'], article, ['connectSystemId']);
  }
  if (input.action !== 'CHANGE' && input.proposedChanges && Object.keys(stripUndefined(input.proposedChanges)).length) {
    refuse('INVALID_VALUE', ['変更内容を記載するのは変更の協議 (様式第2号) のみです。', 'Only a change (Form No. 2) proposes changes.'], article, ['proposedChanges']);
  }
}

/** What approval does to the system(s): decided, installed, changed, abolished, or the connection recorded. */
export function effectOfApproval(
  c: Pick<Consultation, 'action' | 'proposedChanges'>,
  system: SystemRecord,
  other: SystemRecord | undefined,
  now: string,
): { system: Partial<SystemRecord>; other?: Partial<SystemRecord> } {
  assertActionPossible(c, system, other);
  switch (c.action) {
    case 'DECIDE':
      return { system: { status: 'DECIDED', decidedAt: now } };
    case 'INSTALL':
    case 'CHANGE':
    case 'ABOLISH':
      return { system: installChangeAbolish(system, c.action, c.proposedChanges ?? {}, now) };
    case 'CONNECT': {
      const o = other as SystemRecord;
      return {
        system: { connectedSystemIds: [...system.connectedSystemIds, o.id] },
        other: { connectedSystemIds: [...o.connectedSystemIds, system.id] },
      };
    }
  }
}

/** The systems a consultation concerns, as they stand now: the system, and for 様式第3号 the one to connect to. */
export interface ConsultationSubjects {
  system?: SystemRecord;
  other?: SystemRecord;
}

function subjectsOf(c: Pick<Consultation, 'connectSystemId'>, s: ConsultationSubjects): [SystemRecord, SystemRecord | undefined] {
  return [exists(s.system, ['行政システム', 'system'], ['systemId']), c.connectSystemId ? exists(s.other, ['接続する行政システム', 'system'], ['connectSystemId']) : undefined];
}

const FORM_LABEL: Record<ConsultationForm, string> = { FORM_1: '様式第1号', FORM_2: '様式第2号', FORM_3: '様式第3号' };

/** 様式第1号–第3号: filed by the system's information manager, decided by the system administrator (第7条–第9条). */
export const consultationForm: Form<Consultation, ConsultationSubjects> = {
  kind: 'Consultation',
  readsStateOn: ['submit', 'approve'],
  action: 'consultation',
  article: (c) => articleOf(c.action),
  checkSubmit({ actor, now }, c, state) {
    const [system, other] = subjectsOf(c, state);
    assertMayFile(actor, system, other, now, c.action);
    assertActionPossible(c, system, other);
  },
  assertMayDecide: (actor, c, now) => assertMayDecide(actor, c.action, now),
  decider: () => ({ role: DECIDING_ROLE }),
  // Approval takes effect on the system(s): decided, installed, changed, abolished, or connected.
  approve({ now, cite }, before, after, _decision, state) {
    const [system, other] = subjectsOf(before, state);
    const effect = effectOfApproval(before, system, other, now);
    const changes: Changed[] = [];
    for (const [s, patch] of [[system, effect.system], [other, effect.other]] as const) {
      if (!s || !patch) continue;
      changes.push({
        kind: 'System',
        before: s,
        after: advance(s, patch, now),
        action: `system.${before.action.toLowerCase()}Approved`,
        article: articleOf(before.action),
        note: `${FORM_LABEL[before.form]} approved: ${cite('Consultation', before.id)}`,
      });
    }
    return { after, changes };
  },
};

/** A new consultation from what the applicant sent (validated here), by the applicant, drafted. */
export function draftConsultation(
  actor: Actor,
  input: ConsultationInput,
  system: SystemRecord,
  other: SystemRecord | undefined,
  id: string,
  now: string,
): Consultation {
  validateConsultationInput(input);
  const applicantDepartmentId = assertMayFile(actor, system, other, now, input.action);
  if (input.action === 'CONNECT' && !other) refuse('INVALID_VALUE', ['様式第3号では接続先のシステムを指定してください。', 'Form No. 3 names the system to connect to.'], '第9条', ['connectSystemId']);
  assertActionPossible(input, system, other);
  return {
    ...newApplication(actor, id, now),
    form: formOf(input.action),
    action: input.action,
    systemId: system.id,
    connectSystemId: other?.id,
    proposedChanges: input.action === 'CHANGE' ? input.proposedChanges : undefined,
    title: input.title.trim(),
    details: input.details.trim(),
    plannedOn: input.plannedOn,
    applicantDepartmentId,
  };
}

/** A draft or returned consultation revised by its applicant (第7条–第9条). */
export function reviseConsultation(actor: Actor, before: Consultation, input: Partial<Pick<Consultation, 'title' | 'details' | 'plannedOn' | 'proposedChanges'>>, now: string) {
  assertEditable(before, actor.person.id, articleOf(before.action));
  const after = advance(
    before,
    {
      title: input.title?.trim() ?? before.title,
      details: input.details?.trim() ?? before.details,
      plannedOn: input.plannedOn ?? before.plannedOn,
      proposedChanges: input.proposedChanges ?? before.proposedChanges,
    },
    now,
  );
  validateConsultationInput(after);
  return changeOf('Consultation', before, after, 'consultation.revised', articleOf(after.action));
}

/** What the viewer may do with a consultation, for `viewerCan*`. */
export function consultationActions(actor: Actor, c: Consultation, now: string) {
  return permittedActions(c, actor.person.id, holds(actor, DECIDING_ROLE, now));
}
