/**
 * データの保護 (第13条): 情報システム管理者及び情報管理責任者 take the measures needed to prevent the leak (漏えい),
 * damage (き損) and loss (滅失, the 等) of data. Each dataset keeps its measures on its own record, reviewed at least
 * once a year (measures.ts); a dataset holding personal information without measures, and measures not reviewed
 * for a year, are findings.
 */
import { Transition, advance, changeOf } from './change';
import { Dataset } from './datasets';
import { Reviewed, isReviewOverdue, trimmed } from './measures';
import { Actor, assertInformationManagerOf, holds } from './people';
import { allows, refuse } from './refusal';

export const ARTICLE = '第13条';

export interface DataProtectionInput {
  /** 漏えいの防止: access control, encryption, who may take it out. */
  leakage: string;
  /** き損の防止: backups, integrity checks. */
  damage: string;
  /** 滅失等の防止 (the 等 of the article): loss of media, deletion by mistake. */
  loss?: string;
}

export interface DataProtection extends DataProtectionInput, Reviewed {}

/** 第13条: the system administrator, or the information manager of the department that holds the dataset. */
export function assertMayReviewProtection(actor: Actor, d: Pick<Dataset, 'departmentId'>, now: string): void {
  if (holds(actor, 'SYSTEM_ADMINISTRATOR', now)) return;
  assertInformationManagerOf(actor, [d.departmentId], now, ARTICLE, ['datasetId'], ['データの漏えい、き損等の防止の措置を記録する (情報システム管理者も可)', "record a dataset's measures against leak and damage (or the system administrator)"]);
}

/** 第13条: records (replacing) the measures; recording them is reviewing them. */
export function reviewProtection(actor: Actor, d: Dataset, input: DataProtectionInput, now: string): DataProtection {
  assertMayReviewProtection(actor, d, now);
  const texts = trimmed({ leakage: input.leakage, damage: input.damage, loss: input.loss });
  if (!texts.leakage) refuse('INVALID_VALUE', ['漏えいを防止する措置を記載してください。', 'Describe the measures against leaks.'], ARTICLE, ['leakage']);
  if (!texts.damage) refuse('INVALID_VALUE', ['き損を防止する措置を記載してください。', 'Describe the measures against damage.'], ARTICLE, ['damage']);
  return { leakage: texts.leakage, damage: texts.damage, loss: texts.loss, reviewedBy: actor.person.id, reviewedAt: now };
}

/**
 * 第13条 finding: a dataset holding personal information without measures, or any dataset whose measures were last
 * reviewed more than a year ago.
 */
export function lacksProtection(d: Pick<Dataset, 'containsPersonalInformation'> & { protection?: DataProtection }, now: string): boolean {
  if (!d.protection) return d.containsPersonalInformation;
  return isReviewOverdue(d.protection, now);
}

/** The transitions of a dataset's measures, as the one write path carries them out (functions/resolvers/write.ts). */
export const dataProtection = {
  review: (actor: Actor, d: Dataset, input: DataProtectionInput, now: string): Transition<Dataset> =>
    changeOf('Dataset', d, advance(d, { protection: reviewProtection(actor, d, input, now) }, now), 'dataset.protectionReviewed', ARTICLE),
};

/** What the viewer may do with a dataset's measures now (`viewerCan*`). */
export function protectionActions(actor: Actor, d: Dataset, now: string) {
  return { review: allows(() => assertMayReviewProtection(actor, d, now)) };
}
