/**
 * The consultations on a system's life, each filed by an information manager with the system administrator:
 * - 様式第1号 行政システム決定の協議書: deciding a new system, in advance (第7条);
 * - 様式第2号 行政システムの設置等の協議書: installing, changing or abolishing one (第8条);
 * - 様式第3号 ネットワークシステム接続の協議書: connecting a 情報系 and a 業務系 system, in advance (第9条).
 * They share the workflow of workflow.ts; this module adds who files, who decides, and what approval does.
 */
import { Actor, assertInformationManagerOf, holds } from './people';
import { refuse } from './refusal';
import { ApplicationState } from './workflow';
import { SystemEdit, SystemRecord, assertHasPurpose, installChangeAbolish, stripUndefined } from './systems';

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
  return assertInformationManagerOf(actor, departments, now, articleOf(action), ['systemId'], 'file this consultation');
}

export function assertMayDecide(actor: Actor, action: ConsultationAction, now: string): void {
  if (!holds(actor, DECIDING_ROLE, now)) {
    refuse(
      'FORBIDDEN',
      'Only the system administrator (情報システム管理者) decides this consultation. 情報システム管理者のみが決裁できます。',
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
        refuse('INVALID_STATE', `The system has already been ${system.status.toLowerCase()}; 様式第1号 decides a new system.`, article);
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
      if (!other) refuse('INVALID_VALUE', '様式第3号 names the system to connect to.', article, ['connectSystemId']);
      if (other.id === system.id) refuse('INVALID_CONNECTION', 'A system is not connected to itself.', article, ['connectSystemId']);
      const categories = new Set([system.category, other.category]);
      if (!(categories.has('INFORMATION') && categories.has('BUSINESS'))) {
        refuse(
          'INVALID_CONNECTION',
          '様式第3号 is for connecting a 情報系 system with a 業務系 system (情報系システム及び業務系システムの接続).',
          article,
          ['connectSystemId'],
        );
      }
      for (const s of [system, other]) {
        if (s.status !== 'DECIDED' && s.status !== 'INSTALLED') {
          refuse('INVALID_STATE', `${s.name} is ${s.status.toLowerCase()}; only decided or installed systems are connected.`, article);
        }
      }
      if (system.connectedSystemIds.includes(other.id)) {
        refuse('DUPLICATE', 'These systems are already connected.', article, ['connectSystemId']);
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
  if (!input.title.trim()) refuse('INVALID_VALUE', 'A consultation needs a title (件名).', article, ['title']);
  if (!input.details.trim()) refuse('INVALID_VALUE', 'A consultation states its content and reason (内容・理由).', article, ['details']);
  if (input.plannedOn !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(input.plannedOn) || Number.isNaN(Date.parse(input.plannedOn)))) {
    refuse('INVALID_VALUE', 'plannedOn must be a date (YYYY-MM-DD).', article, ['plannedOn']);
  }
  if (input.action !== 'CONNECT' && input.connectSystemId) {
    refuse('INVALID_VALUE', 'Only 様式第3号 names a system to connect to.', article, ['connectSystemId']);
  }
  if (input.action !== 'CHANGE' && input.proposedChanges && Object.keys(stripUndefined(input.proposedChanges)).length) {
    refuse('INVALID_VALUE', 'Only a change (様式第2号) proposes changes.', article, ['proposedChanges']);
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
