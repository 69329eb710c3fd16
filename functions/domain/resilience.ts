/**
 * 保守対策・障害対策 (第17条, 第18条): each system's protection against earthquake, fire, other disasters and theft,
 * decided in advance (第17条); its measures against failure (第18条第1項); and, in advance, what is done to recover
 * when it fails (第18条第2項). A system in operation without recovery procedures is a finding.
 */
import { Transition, advance, changeOf } from './change';
import { Actor, assertInformationManagerOf, holds, tokyoDate } from './people';
import { isDate } from './period';
import { refuse } from './refusal';
import { SystemRecord } from './systems';

export const HAZARDS = ['EARTHQUAKE', 'FIRE', 'OTHER_DISASTER', 'THEFT'] as const; // 地震・火災・その他の災害・盗難 (第17条)
export type Hazard = (typeof HAZARDS)[number];

export interface Protection {
  hazard: Hazard;
  measure: string;
}

export interface RecoveryProcedure {
  /** The document that sets out the recovery (回復措置に関し必要な事項). */
  title: string;
  /** Where it is kept. */
  location: string;
  /** When it was last reviewed (YYYY-MM-DD). */
  reviewedOn: string;
  /** Recovery time the procedure aims at, in hours, where stated. */
  targetHours?: number;
}

export interface Resilience {
  protections: Protection[];
  failureMeasures?: string;
  recoveryProcedure?: RecoveryProcedure;
  recordedBy: string;
  recordedAt: string;
}

/** 第17条・第18条: 情報システム管理者及び情報管理責任者 — the system administrator or the system's own information manager. */
export function assertMayRecord(actor: Actor, system: Pick<SystemRecord, 'owningDepartmentId' | 'maintenance'>, now: string, article: string): void {
  if (holds(actor, 'SYSTEM_ADMINISTRATOR', now)) return;
  const departments = [...new Set([system.owningDepartmentId, system.maintenance?.departmentId].filter((d): d is string => !!d))];
  assertInformationManagerOf(actor, departments, now, article, ['systemId'], ['システムの保護対策及び復旧手順を記録する (情報システム管理者も可)', "record the system's protective and recovery measures (or the system administrator)"]);
}

export function validateResilience(input: Omit<Resilience, 'recordedBy' | 'recordedAt'>, now: string): void {
  const hazards = input.protections.map((p) => p.hazard);
  if (new Set(hazards).size !== hazards.length) refuse('INVALID_VALUE', ['対策は災害等の種類ごとに一つです。その一つに詳しく記載してください。', 'One measure per hazard; describe it fully there.'], '第17条', ['protections']);
  if (input.protections.some((p) => !p.measure.trim())) refuse('INVALID_VALUE', ['各保護対策の内容を記載してください。', 'Describe each protective measure.'], '第17条', ['protections']);
  const r = input.recoveryProcedure;
  if (r) {
    if (!r.title.trim() || !r.location.trim()) refuse('INVALID_VALUE', ['復旧手順の名称と保管場所を入力してください。', 'Name the recovery procedure and where it is kept.'], '第18条第2項', ['recoveryProcedure']);
    if (!isDate(r.reviewedOn) || r.reviewedOn > tokyoDate(now)) refuse('INVALID_VALUE', ['reviewedOn (見直し日) は今日以前の日付で入力してください。', 'reviewedOn is a date not in the future.'], '第18条第2項', ['recoveryProcedure', 'reviewedOn']);
    if (r.targetHours !== undefined && !(r.targetHours > 0)) refuse('INVALID_VALUE', ['targetHours (目標復旧時間) は正の時間数で入力してください。', 'targetHours is a positive number of hours.'], '第18条第2項', ['recoveryProcedure', 'targetHours']);
  }
}

/** 第17条: the hazards a system has no measure against. */
export function unprotectedHazards(resilience: Pick<Resilience, 'protections'> | undefined): Hazard[] {
  return HAZARDS.filter((h) => !resilience?.protections.some((p) => p.hazard === h));
}

/** 第18条第2項: a system in operation (installed, not abolished) without recovery procedures defined in advance. */
export function lacksRecoveryProcedure(system: Pick<SystemRecord, 'status'>, resilience: Pick<Resilience, 'recoveryProcedure'> | undefined): boolean {
  return system.status === 'INSTALLED' && !resilience?.recoveryProcedure;
}

export type ResilienceInput = Omit<Resilience, 'recordedBy' | 'recordedAt'>;

/**
 * 第17条・第18条: records (replacing) a system's protective measures, failure measures and recovery procedure.
 * A system abolished has none to keep.
 */
export function recordResilience(actor: Actor, system: Pick<SystemRecord, 'owningDepartmentId' | 'maintenance' | 'status'>, input: ResilienceInput, now: string): Resilience {
  assertMayRecord(actor, system, now, '第17条');
  if (system.status === 'ABOLISHED') refuse('INVALID_STATE', ['このシステムは廃止されています。', 'The system is abolished.'], '第17条', ['systemId']);
  validateResilience(input, now);
  return {
    protections: input.protections.map((p) => ({ hazard: p.hazard, measure: p.measure.trim() })),
    failureMeasures: input.failureMeasures?.trim() || undefined,
    recoveryProcedure: input.recoveryProcedure && {
      title: input.recoveryProcedure.title.trim(),
      location: input.recoveryProcedure.location.trim(),
      reviewedOn: input.recoveryProcedure.reviewedOn,
      targetHours: input.recoveryProcedure.targetHours,
    },
    recordedBy: actor.person.id,
    recordedAt: now,
  };
}

/** The transitions of a system's measures, as the one write path carries them out (functions/resolvers/write.ts). */
export const systemResilience = {
  /** The system's next version with its measures; the event cites 第18条 once a recovery procedure is set, else 第17条. */
  record(actor: Actor, system: SystemRecord, input: ResilienceInput, now: string): Transition<SystemRecord> {
    const resilience = recordResilience(actor, system, input, now);
    return changeOf('System', system, advance(system, { resilience }, now), 'system.resilienceRecorded', resilience.recoveryProcedure ? '第18条' : '第17条');
  },
};
