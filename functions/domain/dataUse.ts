/**
 * データ利用承認申請書 (様式第6号, 第14条): an information manager who would use data another department holds
 * applies in advance to the information manager who holds it, and needs approval. Approval is a grant for a period.
 */
import { Transition, changeOf } from './change';
import { Dataset } from './datasets';
import { Actor, assertInformationManagerOf, holds, tokyoDate } from './people';
import { Period, assertNotEnded, hasEnded, isCurrent, isDate, validatePeriod } from './period';
import { LegalBasis, WithLegalBasis, citedBases, givenBases, validateLegalBases } from './legalBasis';
import { Form, newApplication } from './forms';
import { exists, refuse } from './refusal';
import { assertMayCarryOver } from './systems';
import { ApplicationState, permittedActions } from './workflow';

export const ARTICLE = '第14条';

export interface DataUseApplication extends ApplicationState, WithLegalBasis {
  id: string;
  form: 'FORM_6';
  title: string;
  datasetId: string;
  /** The department that holds the data and decides: the dataset's department. */
  owningDepartmentId: string;
  /** The department that would use the data. */
  requestingDepartmentId: string;
  purpose: string;
  /** The items (項目) of the data needed. */
  items: string[];
  period: Period;
  createdAt: string;
  updatedAt: string;
}

export interface DataUseInput {
  purpose: string;
  items: string[];
  period: Period;
  /** The bases in law (個人情報の保護に関する法律 or another law). */
  legalBases?: LegalBasis[] | null;
  /** Deprecated: a single citation of another law (法令名と条項), read as OTHER_LAW. */
  legalBasis?: string | null;
}

export function validateDataUseInput(input: Omit<DataUseInput, 'legalBases' | 'legalBasis'>): void {
  if (!input.purpose.trim()) refuse('INVALID_VALUE', ['利用目的を入力してください。', 'State the purpose of use.'], ARTICLE, ['purpose']);
  if (input.items.length === 0 || input.items.some((i) => !i.trim())) {
    refuse('INVALID_VALUE', ['利用するデータの項目 (利用項目) を入力してください。', 'List the data items needed.'], ARTICLE, ['items']);
  }
  validatePeriod(input.period, ARTICLE);
}

/**
 * The applicant is the information manager of the requesting department (他の主管課で所管するデータ): a
 * department does not apply for its own data.
 */
export function assertMayApply(actor: Actor, dataset: Dataset, requestingDepartmentId: string, now: string): void {
  assertInformationManagerOf(actor, [requestingDepartmentId], now, ARTICLE, ['requestingDepartmentId'], ['データの利用を申請する', 'apply for the use of data']);
  assertNotOwnData(dataset, requestingDepartmentId);
}

/** 第14条 is about data another department holds (他の主管課で所管するデータ): a department uses its own without it. */
export function assertNotOwnData(dataset: Pick<Dataset, 'departmentId'>, requestingDepartmentId: string): void {
  if (dataset.departmentId === requestingDepartmentId) {
    refuse(
      'OWN_DEPARTMENT',
      ['自課で所管するデータは申請せずに利用できます。様式第6号は、他の主管課で所管するデータを利用するための申請です。', 'A department uses its own data without applying: Form No. 6 is for data another department holds.'],
      ARTICLE,
      ['datasetId'],
    );
  }
}

/** The information manager who holds the data decides (当該データを所管する情報管理責任者). */
export function assertMayDecide(actor: Actor, application: Pick<DataUseApplication, 'owningDepartmentId'>, now: string): void {
  assertInformationManagerOf(
    actor,
    [application.owningDepartmentId],
    now,
    ARTICLE,
    ['applicationId'],
    ['このデータの利用を決裁する (データを所管する主管課の情報管理責任者が決裁します)', 'decide on the use of this data: the information manager of the department that holds it decides'],
  );
}

export function mayDecide(actor: Actor, application: DataUseApplication, now: string): boolean {
  return holds(actor, 'INFORMATION_MANAGER', now, application.owningDepartmentId);
}

/** An approved application is a grant; it is current while its period runs. */
export function isCurrentGrant(a: Pick<DataUseApplication, 'status' | 'period'>, now: string): boolean {
  return a.status === 'APPROVED' && isCurrent(a.period, now);
}

export function viewerActions(actor: Actor, a: DataUseApplication, now: string) {
  return permittedActions(a, actor.person.id, mayDecide(actor, a, now));
}

/** 様式第6号 on the shared workflow: the requesting department's information manager applies, the data's department decides (第14条). */
export const dataUseForm: Form<DataUseApplication, Dataset | undefined> = {
  kind: 'DataUseApplication',
  readsStateOn: ['submit'],
  action: 'dataUse',
  article: () => ARTICLE,
  checkSubmit: ({ actor, now }, a, dataset) => {
    assertMayApply(actor, exists(dataset, ['データ', 'dataset'], ['datasetId']), a.requestingDepartmentId, now);
    assertNotEnded(a.period, now, ARTICLE); // 第14条 あらかじめ: a period that has ended is not applied for
  },
  approve: ({ now }, _before, after) => {
    assertNotEnded(after.period, now, ARTICLE); // 第14条 あらかじめ: nor approved
    return { after };
  },
  basis: (a) => citedBases(a),
  assertMayDecide: (actor, a, now) => assertMayDecide(actor, a, now),
  decider: (a) => ({ role: 'INFORMATION_MANAGER', departmentId: a.owningDepartmentId }),
};

/** A new 様式第6号: the requesting department's information manager applies for another department's dataset (第14条). */
export function draftDataUse(actor: Actor, input: DataUseInput, dataset: Dataset, requestingDepartmentId: string, id: string, now: string): DataUseApplication {
  assertMayApply(actor, dataset, requestingDepartmentId, now);
  const legalBases = givenBases(input, ARTICLE);
  validateLegalBases(legalBases, { use: 'USE', personal: dataset.containsPersonalInformation, article: ARTICLE });
  const draft = { ...form6(actor, input, dataset, requestingDepartmentId, id, now), legalBases };
  assertNotEnded(draft.period, now, ARTICLE); // 第14条 あらかじめ: a period that has ended is not applied for
  return draft;
}

/** What 様式第6号 says but its legal basis, its fields checked (第14条), as a draft by `actor`. */
function form6(actor: Actor, input: DataUseInput, dataset: Dataset, requestingDepartmentId: string, id: string, now: string): DataUseApplication {
  const fields = { purpose: input.purpose.trim(), items: input.items.map((i) => i.trim()), period: { from: input.period.from, until: input.period.until } };
  validateDataUseInput(fields);
  return {
    ...newApplication(actor, id, now),
    form: 'FORM_6',
    title: `「${dataset.name}」の利用`,
    datasetId: dataset.id,
    owningDepartmentId: dataset.departmentId,
    requestingDepartmentId,
    ...fields,
  };
}

/** 附則第3項: what the audit event of an approval carried over says. */
export const CARRIED_OVER_GRANT_NOTE = '附則第3項により、旧規程によるデータ利用の承認をこの訓令(第14条)による承認とみなす(承認の取込み)';

/** What the city's list of approvals made under the former rules says of one, beyond what 様式第6号 says. */
export interface CarriedOverApproval {
  /** The day the department holding the data approved it. */
  decidedOn: string;
  /** The former approval's document number (文書番号), when the list gives it. */
  reference?: string;
  conditions: string[];
}

/**
 * 附則第3項: an approval of the use of another department's data made under the former rules counts as made under
 * 第14条. It comes in as the grant it is — an approved 様式第6号 for its period — checked as an application would be
 * (another department's dataset, purpose, items, legal basis, a valid period), and only while it is in force: one
 * whose period has ended grants nothing today. Recording it is not deciding it (the holding department's manager
 * decided it then): the system administrator, who keeps the register (第4条), brings it in, and stands in the record
 * as the one who recorded the decision, its reason saying on what footing.
 */
export function carriedOverDataUse(
  actor: Actor,
  input: DataUseInput,
  dataset: Dataset,
  requestingDepartmentId: string,
  carried: CarriedOverApproval,
  id: string,
  now: string,
): DataUseApplication {
  assertMayCarryOver(actor, now);
  assertNotOwnData(dataset, requestingDepartmentId);
  // The legal basis stands as the former approval recorded it, in its words: a record of then, like any stored before the bases were law.
  const legalBasis = input.legalBasis?.trim();
  if (!legalBasis) refuse('INVALID_VALUE', ['根拠法令等を、取り込む承認に記録されたとおり入力してください。', 'State the legal basis as the approval recorded it.'], '附則第3項', ['legalBasis']);
  const application = { ...form6(actor, input, dataset, requestingDepartmentId, id, now), legalBasis };
  if (!isDate(carried.decidedOn) || carried.decidedOn > tokyoDate(now)) {
    refuse('INVALID_VALUE', ['承認日を、今日以前の日付 (YYYY-MM-DD) で入力してください。', 'The approval date is a date (YYYY-MM-DD) not after today.'], '附則第3項', ['decidedOn']);
  }
  if (hasEnded(application.period, now)) {
    refuse('INVALID_VALUE', ['利用期間が終了しています。取り込むのは現に効力のある承認のみです。', 'The period of use has ended: only approvals in force are brought in.'], '附則第3項', ['period', 'until']);
  }
  const decidedAt = new Date(`${carried.decidedOn}T00:00:00+09:00`).toISOString();
  const reference = carried.reference?.trim();
  return {
    ...application,
    status: 'APPROVED',
    submittedAt: decidedAt,
    decision: {
      outcome: 'APPROVED',
      decidedBy: actor.person.id,
      decidedAt,
      reason: reference ? `${CARRIED_OVER_GRANT_NOTE}: ${reference}` : CARRIED_OVER_GRANT_NOTE,
      conditions: carried.conditions.map((c) => c.trim()).filter(Boolean),
    },
  };
}

/** The transitions of a grant outside the workflow of 様式第6号, as the one write path carries them out. */
export const dataUseGrant = {
  carriedOver: (actor: Actor, input: DataUseInput, dataset: Dataset, requestingDepartmentId: string, carried: CarriedOverApproval, id: string, now: string): Transition<DataUseApplication> =>
    changeOf('DataUseApplication', undefined, carriedOverDataUse(actor, input, dataset, requestingDepartmentId, carried, id, now), 'dataUse.carriedOver', '附則第3項', { note: CARRIED_OVER_GRANT_NOTE }),
};
