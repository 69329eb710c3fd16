/**
 * ウィルス対策 (第26条第1項・第2項): each system's measures to prevent infection (感染防止対策), to prevent spread
 * (拡散防止対策) and for when it is infected (感染時の対策), taken by the information manager the system administrator
 * designated (情報系, 第1項) or by the information manager of the work (業務系, 第2項). Kept on the system's record and
 * reviewed at least once a year (measures.ts); a system in operation without them, or not reviewed for a year, is a
 * finding. What is done on an infection is virusIncidents.ts (第3項・第4項).
 */
import { Transition, advance, changeOf } from './change';
import { Reviewed, isReviewOverdue, trimmed } from './measures';
import { Actor, assertInformationManagerOf } from './people';
import { allows, refuse } from './refusal';
import { SystemRecord } from './systems';

export interface VirusMeasuresInput {
  /** 感染防止対策. */
  prevention: string;
  /** 拡散防止対策. */
  antiSpread: string;
  /** 感染時の対策. */
  onInfection: string;
}

export interface VirusMeasures extends VirusMeasuresInput, Reviewed {}

type Charged = Pick<SystemRecord, 'category' | 'maintenance' | 'processingDepartmentIds' | 'owningDepartmentId'>;

/** 第26条第1項 for 情報系, 第2項 for 業務系. */
export const articleOf = (s: Pick<SystemRecord, 'category'>) => (s.category === 'INFORMATION' ? '第26条第1項' : '第26条第2項');

/**
 * Who takes the measures: 情報系 — the information manager of the department the system administrator designated
 * (its development and maintenance, 第10条第1項, or the agreed override of 第10条第3項); 業務系 — the information
 * manager of a department whose work the system processes.
 */
export function assertMayReviewVirusMeasures(actor: Actor, s: Charged, now: string): void {
  const article = articleOf(s);
  if (s.category === 'INFORMATION') {
    if (!s.maintenance) {
      refuse('INVALID_STATE', ['情報系システムのウィルス対策を行う情報管理責任者は、情報システム管理者が指定します (第10条第1項の指定がまだありません)。', 'The system administrator has not yet designated the information manager in charge of this system (Article 10(1)).'], article, ['systemId']);
    }
    assertInformationManagerOf(actor, [s.maintenance.departmentId], now, article, ['systemId'], ['情報システム管理者が指定した情報管理責任者としてウィルス対策を記録する', "record the system's virus measures (the information manager the system administrator designated)"]);
    return;
  }
  const departments = s.processingDepartmentIds.length ? s.processingDepartmentIds : [s.owningDepartmentId];
  assertInformationManagerOf(actor, departments, now, article, ['systemId'], ['業務を所管する情報管理責任者としてウィルス対策を記録する', "record the system's virus measures (the information manager of the work it processes)"]);
}

/** 第26条第1項・第2項: records (replacing) the measures; recording them is reviewing them. */
export function reviewVirusMeasures(actor: Actor, s: SystemRecord, input: VirusMeasuresInput, now: string): VirusMeasures {
  assertMayReviewVirusMeasures(actor, s, now);
  const article = articleOf(s);
  if (s.status === 'ABOLISHED') refuse('INVALID_STATE', ['このシステムは廃止されています。', 'The system is abolished.'], article, ['systemId']);
  const texts = trimmed({ prevention: input.prevention, antiSpread: input.antiSpread, onInfection: input.onInfection });
  if (!texts.prevention) refuse('INVALID_VALUE', ['感染防止対策を記載してください。', 'Describe the measures against infection.'], article, ['prevention']);
  if (!texts.antiSpread) refuse('INVALID_VALUE', ['拡散防止対策を記載してください。', 'Describe the measures against spread.'], article, ['antiSpread']);
  if (!texts.onInfection) refuse('INVALID_VALUE', ['感染時の対策を記載してください。', 'Describe the measures for an infection.'], article, ['onInfection']);
  return { prevention: texts.prevention, antiSpread: texts.antiSpread, onInfection: texts.onInfection, reviewedBy: actor.person.id, reviewedAt: now };
}

/** A finding: a system in operation (installed, not abolished) without measures, or not reviewed for a year. */
export function lacksVirusMeasures(s: Pick<SystemRecord, 'status'> & { virusMeasures?: VirusMeasures }, now: string): boolean {
  return s.status === 'INSTALLED' && isReviewOverdue(s.virusMeasures, now);
}

/** The transitions of a system's virus measures, as the one write path carries them out (functions/resolvers/write.ts). */
export const systemVirusMeasures = {
  review: (actor: Actor, s: SystemRecord, input: VirusMeasuresInput, now: string): Transition<SystemRecord> =>
    changeOf('System', s, advance(s, { virusMeasures: reviewVirusMeasures(actor, s, input, now) }, now), 'system.virusMeasuresReviewed', articleOf(s)),
};

/** What the viewer may do with a system's virus measures now (`viewerCan*`). */
export function virusMeasureActions(actor: Actor, s: SystemRecord, now: string) {
  return { review: s.status !== 'ABOLISHED' && allows(() => assertMayReviewVirusMeasures(actor, s, now)) };
}
