/**
 * データの外部提供 (第15条): an information manager who would provide data outside the city consults the general
 * manager in advance on 様式第8号 (第1項); an agreement (協定書等) is exchanged (第3項) and must contain the conditions
 * of 第4項. Data counts as provided only once the consultation is approved and the agreement concluded; the
 * conditions then live on as obligations: return or disposal (第4号), inspection (第5号), incident reports (第6号).
 */
import { Transition, advance, alongWith, changeOf } from './change';
import { Dataset } from './datasets';
import { Actor, assertInformationManagerOf, holds, tokyoDate } from './people';
import { Period, assertNotEnded, hasEnded, isDate, validatePeriod } from './period';
import { LegalBasis, WithLegalBasis, citedBases, givenBases, validateLegalBases } from './legalBasis';
import { newApplication } from './forms';
import type { Form } from './forms';
import { exists, refuse } from './refusal';
import { ApplicationState, permittedActions } from './workflow';

export const ARTICLE = '第15条';

/** The conditions of 第15条第4項, in the order of its items (第1号–第8号). */
export const CLAUSES = [
  'CONFIDENTIALITY', // 第1号 秘密保持に関する事項
  'NO_OTHER_PURPOSE_OR_THIRD_PARTY', // 第2号 目的外の使用及び第三者への提供の禁止に関する事項
  'NO_COPYING', // 第3号 複写又は複製の禁止に関する事項
  'RETURN_OR_DISPOSAL', // 第4号 使用期間終了後の返還又は廃棄の義務に関する事項
  'INSPECTION', // 第5号 使用又は保管状況に係る検査に応じる義務に関する事項
  'INCIDENT_REPORTING', // 第6号 滅失、き損等の事故発生時における報告義務に関する事項
  'DAMAGES', // 第7号 損害賠償に関する事項
  'OTHER', // 第8号 その他総括管理責任者が必要と認める事項
] as const;
export type Clause = (typeof CLAUSES)[number];

export const CLAUSE_TITLES: Record<Clause, string> = {
  CONFIDENTIALITY: '秘密保持に関する事項',
  NO_OTHER_PURPOSE_OR_THIRD_PARTY: '目的外の使用及び第三者への提供の禁止に関する事項',
  NO_COPYING: '複写又は複製の禁止に関する事項',
  RETURN_OR_DISPOSAL: '使用期間終了後の返還又は廃棄の義務に関する事項',
  INSPECTION: '使用又は保管状況に係る検査に応じる義務に関する事項',
  INCIDENT_REPORTING: '滅失、き損等の事故発生時における報告義務に関する事項',
  DAMAGES: '損害賠償に関する事項',
  OTHER: 'その他総括管理責任者が必要と認める事項',
};

/** The article of each clause, as the text numbers them: what a refusal about the clause cites. */
export const CLAUSE_ARTICLES: Record<Clause, string> = {
  CONFIDENTIALITY: '第15条第4項第1号',
  NO_OTHER_PURPOSE_OR_THIRD_PARTY: '第15条第4項第2号',
  NO_COPYING: '第15条第4項第3号',
  RETURN_OR_DISPOSAL: '第15条第4項第4号',
  INSPECTION: '第15条第4項第5号',
  INCIDENT_REPORTING: '第15条第4項第6号',
  DAMAGES: '第15条第4項第7号',
  OTHER: '第15条第4項第8号',
};

export function clauseArticle(clause: Clause): string {
  return CLAUSE_ARTICLES[clause];
}


/** A clause-8 item the general manager requires (その他総括管理責任者が必要と認める事項). */
export interface RequiredItem {
  id: string;
  title: string;
  requiredBy: string;
  requiredAt: string;
}

/** Where a clause stands in the agreement: its text, or a reference to where it stands in the signed document. */
export interface AgreementClause {
  clause: Clause;
  /** For clause 8: which required item this entry answers. */
  requiredItemId?: string;
  text?: string;
  reference?: string;
  recordedBy: string;
  recordedAt: string;
}

export interface Agreement {
  clauses: AgreementClause[];
  /** The signed document (協定書等): number, title, where kept. */
  documentReference?: string;
  concludedOn?: string;
  concludedBy?: string;
  concludedAt?: string;
}

export const END_KINDS = ['RETURN', 'DISPOSAL'] as const;
export type EndKind = (typeof END_KINDS)[number];

export interface ReturnOrDisposal {
  kind: EndKind;
  on: string;
  method: string;
  recordedBy: string;
  recordedAt: string;
}

/** An inspection (第5号): an item of its own beside its provision, so a provision takes any number of them. */
export interface Inspection {
  id: string;
  provisionId: string;
  version: number;
  on: string;
  findings: string;
  recordedBy: string;
  recordedAt: string;
}

/** An incident reported (第6号): an item of its own beside its provision. */
export interface IncidentReport {
  id: string;
  provisionId: string;
  version: number;
  occurredOn: string;
  reportedOn: string;
  description: string;
  recordedBy: string;
  recordedAt: string;
}

export interface ExternalProvision extends ApplicationState, WithLegalBasis {
  id: string;
  form: 'FORM_8';
  title: string;
  departmentId: string;
  datasetIds: string[];
  recipient: string;
  recipientAbroad: boolean;
  includesPersonalInformation: boolean;
  purpose: string;
  /** The items (項目) of the data provided; absent on a record stored before 様式第8号 held them. */
  items?: string[];
  /** How the data is provided (提供方法); absent on a record stored before 様式第8号 held it. */
  method?: string;
  period: Period;
  /** Clause-8 items the general manager required when approving. */
  requiredItems: RequiredItem[];
  agreement: Agreement;
  returnOrDisposal?: ReturnOrDisposal;
  /** How many inspections are recorded (the inspections are items of their own). */
  inspectionCount: number;
  /** How many incidents are recorded (the incidents are items of their own). */
  incidentCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProvisionInput {
  recipient: string;
  recipientAbroad: boolean;
  includesPersonalInformation: boolean;
  purpose: string;
  /** The items (項目) of the data provided. */
  items?: string[] | null;
  /** How the data is provided (提供方法). */
  method?: string | null;
  period: Period;
  /** The bases in law (個人情報の保護に関する法律 or another law). */
  legalBases?: LegalBasis[] | null;
  /** Deprecated: a single citation of another law (法令名と条項), read as OTHER_LAW. */
  legalBasis?: string | null;
}

/** What 様式第8号 says, trimmed: the fields a provision record holds. */
type ProvisionFields = Pick<ExternalProvision, 'recipient' | 'recipientAbroad' | 'includesPersonalInformation' | 'purpose' | 'period'> & { items: string[]; method: string; legalBases: LegalBasis[] };

/** What 様式第8号 says, its fields trimmed and checked (第15条第1項), as the record holds them. */
export function validateProvisionInput(given: ProvisionInput, datasets: Dataset[]): ProvisionFields {
  const input: ProvisionFields = {
    recipient: given.recipient.trim(),
    recipientAbroad: given.recipientAbroad,
    includesPersonalInformation: given.includesPersonalInformation,
    purpose: given.purpose.trim(),
    items: (given.items ?? []).map((i) => i.trim()),
    method: given.method?.trim() ?? '',
    period: { from: given.period.from, until: given.period.until },
    legalBases: givenBases(given, '第15条第1項'),
  };
  if (new Set(datasets.map((d) => d.id)).size !== datasets.length) refuse('DUPLICATE', ['同じデータが重複して指定されています。', 'A dataset is named twice.'], '第15条第1項', ['datasetIds']);
  if (datasets.length === 0) refuse('INVALID_VALUE', ['提供するデータを指定してください。', 'Name the data to be provided.'], '第15条第1項', ['datasetIds']);
  if (!input.recipient.trim()) refuse('INVALID_VALUE', ['提供先を入力してください。', 'Name the recipient.'], '第15条第1項', ['recipient']);
  if (!input.purpose.trim()) refuse('INVALID_VALUE', ['提供目的を入力してください。', 'State the purpose.'], '第15条第1項', ['purpose']);
  if (input.items.length === 0 || input.items.some((i) => !i)) {
    refuse('INVALID_VALUE', ['提供するデータの項目 (提供項目) を入力してください。', 'List the data items provided.'], '第15条第1項', ['items']);
  }
  if (!input.method) refuse('INVALID_VALUE', ['提供の方法 (例: 暗号化した電子媒体の手渡し) を入力してください。', 'State how the data is provided.'], '第15条第1項', ['method']);
  validatePeriod(input.period, '第15条第1項');
  // 個人情報: the consultation says so when any dataset holds it.
  if (!input.includesPersonalInformation && datasets.some((d) => d.containsPersonalInformation)) {
    refuse(
      'INVALID_VALUE',
      ['指定されたデータに個人情報が含まれています。協議書に個人情報を含む旨を記載してください。', 'A dataset named holds personal information: the consultation must say personal information is included.'],
      '第15条第1項',
      ['includesPersonalInformation'],
    );
  }
  validateLegalBases(input.legalBases, { use: 'PROVISION', personal: input.includesPersonalInformation, recipientAbroad: input.recipientAbroad, article: '第15条第1項' });
  return input;
}

/** The information manager of the department that holds the data consults (第15条第1項). */
export function assertMayProvide(actor: Actor, datasets: Dataset[], now: string): string {
  const departments = [...new Set(datasets.map((d) => d.departmentId))];
  if (departments.length > 1) {
    refuse('INVALID_VALUE', ['一つの協議で提供できるのは一つの主管課のデータです。主管課ごとに協議してください。', 'One consultation provides the data of one department; file one for each department.'], '第15条第1項', ['datasetIds']);
  }
  return assertInformationManagerOf(actor, departments, now, '第15条第1項', ['datasetIds'], ['このデータの外部提供を協議する', 'consult on providing this data']);
}

export function assertMayDecide(actor: Actor, now: string): void {
  if (!holds(actor, 'GENERAL_MANAGER', now)) {
    refuse('FORBIDDEN', ['データの外部提供の協議は総括管理責任者のみが決裁できます。', 'Only the general manager decides an external provision.'], '第15条第1項');
  }
}

/** Clause-8 items, required by the general manager when approving (その他総括管理責任者が必要と認める事項). */
export function requiredItems(titles: string[], deciderId: string, now: string, newId: () => string): RequiredItem[] {
  const clean = titles.map((t) => t.trim()).filter((t) => t.length > 0);
  if (new Set(clean).size !== clean.length) refuse('DUPLICATE', ['同じ必要事項が重複しています。', 'A required item is listed twice.'], clauseArticle('OTHER'), ['requiredClauses']);
  return clean.map((title) => ({ id: newId(), title, requiredBy: deciderId, requiredAt: now }));
}

export interface ClauseStatus {
  clause: Clause;
  article: string;
  title: string;
  requiredItem?: RequiredItem;
  entry?: AgreementClause;
  present: boolean;
  /** Why the clause is missing, for a person. */
  missingBecause?: string;
}

/**
 * The completeness check of 第15条第4項, clause by clause: the seven fixed clauses, and clause 8 once for each
 * item the general manager required (none when nothing was required).
 */
export function clauseStatuses(p: Pick<ExternalProvision, 'agreement' | 'requiredItems'>): ClauseStatus[] {
  const fixed: ClauseStatus[] = CLAUSES.filter((c) => c !== 'OTHER').map((clause) => {
    const entry = p.agreement.clauses.find((e) => e.clause === clause);
    return {
      clause,
      article: clauseArticle(clause),
      title: CLAUSE_TITLES[clause],
      entry,
      present: !!entry,
      missingBecause: entry ? undefined : `The agreement does not yet state ${CLAUSE_TITLES[clause]} (${clauseArticle(clause)}).`,
    };
  });
  const other: ClauseStatus[] = p.requiredItems.map((item) => {
    const entry = p.agreement.clauses.find((e) => e.clause === 'OTHER' && e.requiredItemId === item.id);
    return {
      clause: 'OTHER',
      article: clauseArticle('OTHER'),
      title: item.title,
      requiredItem: item,
      entry,
      present: !!entry,
      missingBecause: entry ? undefined : `The general manager required 「${item.title}」 (${clauseArticle('OTHER')}); the agreement does not yet state it.`,
    };
  });
  return [...fixed, ...other];
}

export function isAgreementComplete(p: Pick<ExternalProvision, 'agreement' | 'requiredItems'>): boolean {
  return clauseStatuses(p).every((c) => c.present);
}

function assertProvider(actor: Actor, p: ExternalProvision, now: string, article: string): void {
  assertInformationManagerOf(actor, [p.departmentId], now, article, ['provisionId'], ['この外部提供の記録を管理する', 'keep the record of this provision']);
}

/** Records where a clause stands in the agreement; only after approval and before conclusion (第15条第3項). */
export function recordClause(
  actor: Actor,
  p: ExternalProvision,
  input: { clause: Clause; requiredItemId?: string; text?: string; reference?: string },
  now: string,
): AgreementClause[] {
  const article = clauseArticle(input.clause);
  assertProvider(actor, p, now, article);
  if (p.status !== 'APPROVED') refuse('INVALID_STATE', ['協定書等の締結は、協議の承認 (第15条第1項) の後に行います。', 'The agreement follows the approval of the consultation (Article 15(1)).'], '第15条第3項');
  if (p.agreement.concludedAt) refuse('INVALID_STATE', ['協定書等は締結済みです。条項はもう変更できません。', 'The agreement is concluded; its clauses no longer change.'], '第15条第3項');
  if (!input.text?.trim() && !input.reference?.trim()) {
    refuse('INVALID_VALUE', ['条項の文言か、締結した文書の中での位置 (例: 第5条) を入力してください。', 'Give the clause text or where it stands in the signed document (e.g. Article 5).'], article, ['text']);
  }
  if (input.clause === 'OTHER') {
    if (!p.requiredItems.some((i) => i.id === input.requiredItemId)) {
      refuse('INVALID_VALUE', ['第8号の条項は、総括管理責任者が必要と認めた事項に対応します。その事項を指定してください (requiredItemId)。', 'Clause 8 answers an item the general manager required: name it (requiredItemId).'], article, ['requiredItemId']);
    }
  } else if (input.requiredItemId) {
    refuse('INVALID_VALUE', ['必要と認められた事項に対応するのは第8号の条項のみです。', 'Only clause 8 answers a required item.'], article, ['requiredItemId']);
  }
  const entry: AgreementClause = {
    clause: input.clause,
    requiredItemId: input.clause === 'OTHER' ? input.requiredItemId : undefined,
    text: input.text?.trim() || undefined,
    reference: input.reference?.trim() || undefined,
    recordedBy: actor.person.id,
    recordedAt: now,
  };
  const others = p.agreement.clauses.filter((e) => !(e.clause === entry.clause && e.requiredItemId === entry.requiredItemId));
  return [...others, entry];
}

/** 第15条第3項・第4項: the agreement is concluded only when it holds every clause required of it. */
export function concludeAgreement(actor: Actor, p: ExternalProvision, input: { concludedOn: string; documentReference: string }, now: string): Agreement {
  assertProvider(actor, p, now, '第15条第3項');
  if (p.status !== 'APPROVED') refuse('INVALID_STATE', ['協定書等を締結できるのは、承認された協議 (第15条第1項) のみです。', 'Only an approved consultation leads to an agreement (Article 15(1)).'], '第15条第3項');
  if (p.agreement.concludedAt) refuse('INVALID_STATE', ['協定書等は既に締結されています。', 'The agreement is already concluded.'], '第15条第3項');
  if (!isDate(input.concludedOn)) refuse('INVALID_VALUE', ['concludedOn (締結日) は日付 (YYYY-MM-DD) で入力してください。', 'concludedOn is a date (YYYY-MM-DD).'], '第15条第3項', ['concludedOn']);
  assertNotEnded(p.period, now, '第15条第3項'); // 第15条第3項: an agreement for a period that has ended provides nothing
  if (input.concludedOn > tokyoDate(now)) refuse('INVALID_VALUE', ['協定書等は取り交わした後に記録します。締結日に未来の日付は入力できません。', 'An agreement is recorded once exchanged: concludedOn cannot be in the future.'], '第15条第3項', ['concludedOn']);
  if (!input.documentReference.trim()) refuse('INVALID_VALUE', ['締結した文書 (協定書等) の名称を入力してください。', 'Name the signed document.'], '第15条第3項', ['documentReference']);
  const missing = clauseStatuses(p).filter((c) => !c.present);
  if (missing.length > 0) {
    const first = missing[0];
    refuse(
      'AGREEMENT_INCOMPLETE',
      [`協定書等に必要な条件が欠けています: ${missing.map((m) => `${m.title} (${m.article})`).join('、')}。`, `The agreement lacks ${missing.map((m) => `${m.clause === 'OTHER' ? m.title : m.clause} (${m.article})`).join(', ')}.`],
      first.article,
      ['clauses', first.clause],
    );
  }
  return { ...p.agreement, documentReference: input.documentReference.trim(), concludedOn: input.concludedOn, concludedBy: actor.person.id, concludedAt: now };
}

export const PROVISION_STAGES = ['CONSULTATION', 'AGREEMENT_PENDING', 'PROVIDED', 'PERIOD_ENDED', 'CLOSED', 'NOT_PROVIDED'] as const;
export type ProvisionStage = (typeof PROVISION_STAGES)[number];

/** Where a provision stands. Data is provided only when approved and the agreement concluded. */
export function stage(p: ExternalProvision, now: string): ProvisionStage {
  if (p.status === 'REJECTED' || p.status === 'WITHDRAWN') return 'NOT_PROVIDED';
  if (p.status !== 'APPROVED') return 'CONSULTATION';
  if (!p.agreement.concludedAt) return 'AGREEMENT_PENDING';
  if (p.returnOrDisposal) return 'CLOSED';
  return hasEnded(p.period, now) ? 'PERIOD_ENDED' : 'PROVIDED';
}

export function isProvided(p: ExternalProvision): boolean {
  return p.status === 'APPROVED' && !!p.agreement.concludedAt;
}

function assertConcluded(p: ExternalProvision, article: string): void {
  if (!isProvided(p)) refuse('INVALID_STATE', ['提供は行われていません。協議が承認されていないか、協定書等が締結されていません。', 'Nothing was provided: the consultation is not approved or the agreement not concluded.'], article);
}

/** 第4号: at the end of the period the data is returned or disposed of; the record says when and how. */
export function recordReturnOrDisposal(actor: Actor, p: ExternalProvision, input: { kind: EndKind; on: string; method: string }, now: string): ReturnOrDisposal {
  const article = clauseArticle('RETURN_OR_DISPOSAL');
  assertProvider(actor, p, now, article);
  assertConcluded(p, article);
  if (p.returnOrDisposal) refuse('INVALID_STATE', ['返還又は廃棄は既に記録されています。', 'The return or disposal is already recorded.'], article);
  if (!isDate(input.on)) refuse('INVALID_VALUE', ['on (実施日) は日付 (YYYY-MM-DD) で入力してください。', 'on is a date (YYYY-MM-DD).'], article, ['on']);
  if (!input.method.trim()) refuse('INVALID_VALUE', ['返還又は廃棄の方法を入力してください。', 'State how the data was returned or disposed of.'], article, ['method']);
  if (input.on < p.period.from) refuse('INVALID_VALUE', ['使用期間の開始前に返還することはできません。', 'The data cannot be returned before the period began.'], article, ['on']);
  if (input.on > tokyoDate(now)) refuse('INVALID_VALUE', ['返還又は廃棄は実施した後に記録します。未来の日付は入力できません。', 'A return or disposal is recorded once done: the date cannot be in the future.'], article, ['on']);
  return { kind: input.kind, on: input.on, method: input.method.trim(), recordedBy: actor.person.id, recordedAt: now };
}

/** 第5号: inspections of how the recipient uses and keeps the data. */
export function recordInspection(
  actor: Actor,
  p: ExternalProvision,
  input: { on: string; findings: string },
  id: string,
  now: string,
): { child: Inspection; patch: Pick<ExternalProvision, 'inspectionCount'> } {
  const article = clauseArticle('INSPECTION');
  assertProvider(actor, p, now, article);
  assertConcluded(p, article);
  if (!isDate(input.on)) refuse('INVALID_VALUE', ['on (検査日) は日付 (YYYY-MM-DD) で入力してください。', 'on is a date (YYYY-MM-DD).'], article, ['on']);
  if (!input.findings.trim()) refuse('INVALID_VALUE', ['検査の結果を記録してください。', 'Record what the inspection found.'], article, ['findings']);
  return {
    child: { id, provisionId: p.id, version: 1, on: input.on, findings: input.findings.trim(), recordedBy: actor.person.id, recordedAt: now },
    patch: { inspectionCount: (p.inspectionCount ?? 0) + 1 },
  };
}

/** 第6号: loss, damage and other incidents at the recipient, as reported. */
export function recordIncident(
  actor: Actor,
  p: ExternalProvision,
  input: { occurredOn: string; reportedOn: string; description: string },
  id: string,
  now: string,
): { child: IncidentReport; patch: Pick<ExternalProvision, 'incidentCount'> } {
  const article = clauseArticle('INCIDENT_REPORTING');
  assertProvider(actor, p, now, article);
  assertConcluded(p, article);
  if (!isDate(input.occurredOn)) refuse('INVALID_VALUE', ['occurredOn (発生日) は日付 (YYYY-MM-DD) で入力してください。', 'occurredOn is a date (YYYY-MM-DD).'], article, ['occurredOn']);
  if (!isDate(input.reportedOn)) refuse('INVALID_VALUE', ['reportedOn (報告日) は日付 (YYYY-MM-DD) で入力してください。', 'reportedOn is a date (YYYY-MM-DD).'], article, ['reportedOn']);
  if (input.reportedOn < input.occurredOn) refuse('INVALID_VALUE', ['事故の報告日が発生日より前になっています。', 'An incident is reported after it occurred.'], article, ['reportedOn']);
  if (!input.description.trim()) refuse('INVALID_VALUE', ['事故の内容を入力してください。', 'Describe the incident.'], article, ['description']);
  return {
    child: { id, provisionId: p.id, version: 1, occurredOn: input.occurredOn, reportedOn: input.reportedOn, description: input.description.trim(), recordedBy: actor.person.id, recordedAt: now },
    patch: { incidentCount: (p.incidentCount ?? 0) + 1 },
  };
}

export interface Obligation {
  clause: Clause;
  article: string;
  title: string;
  /** Due now (the period has ended and nothing was returned or disposed of). */
  overdue: boolean;
  note: string;
}

/** The obligations still open on a provided dataset. */
export function openObligations(p: ExternalProvision, now: string): Obligation[] {
  if (!isProvided(p) || p.returnOrDisposal) return [];
  const ended = hasEnded(p.period, now);
  return [
    {
      clause: 'RETURN_OR_DISPOSAL',
      article: clauseArticle('RETURN_OR_DISPOSAL'),
      title: CLAUSE_TITLES.RETURN_OR_DISPOSAL,
      overdue: ended,
      note: ended ? `The period ended on ${p.period.until}; no return or disposal is recorded.` : `Due when the period ends on ${p.period.until}.`,
    },
    {
      clause: 'INSPECTION',
      article: clauseArticle('INSPECTION'),
      title: CLAUSE_TITLES.INSPECTION,
      overdue: false,
      note: `${p.inspectionCount ?? 0} inspection(s) recorded; the recipient must accept inspection while it holds the data.`,
    },
    {
      clause: 'INCIDENT_REPORTING',
      article: clauseArticle('INCIDENT_REPORTING'),
      title: CLAUSE_TITLES.INCIDENT_REPORTING,
      overdue: false,
      note: `${p.incidentCount ?? 0} incident(s) reported; the recipient reports loss or damage while it holds the data.`,
    },
  ];
}

export function viewerActions(actor: Actor, p: ExternalProvision, now: string) {
  return permittedActions(p, actor.person.id, holds(actor, 'GENERAL_MANAGER', now));
}

/** 様式第8号 on the shared workflow: the data's information manager consults, the general manager decides (第15条第1項). */
export const provisionForm: Form<ExternalProvision, (Dataset | undefined)[]> = {
  kind: 'ExternalProvision',
  readsStateOn: ['submit'],
  action: 'externalProvision',
  article: () => '第15条第1項',
  checkSubmit: ({ actor, now }, p, datasets) => {
    assertMayProvide(actor, datasets.map((d) => exists(d, ['データ', 'dataset'], ['datasetIds'])), now);
    assertNotEnded(p.period, now, '第15条第1項'); // 第15条第1項 あらかじめ: a period that has ended is not consulted on
  },
  assertMayDecide: (actor, _p, now) => assertMayDecide(actor, now),
  decider: () => ({ role: 'GENERAL_MANAGER' }),
  takesRequiredClauses: true,
  // 第15条第4項第8号: approving, the general manager may require further items the agreement must contain.
  approve: ({ actor, now, newId }, _before, after, decision) => {
    assertNotEnded(after.period, now, '第15条第1項'); // 第15条第1項 あらかじめ: nor approved
    return { after: { ...after, requiredItems: requiredItems(decision.requiredClauses ?? [], actor.person.id, now, newId) } };
  },
  basis: (p) => citedBases(p),
};

/** A new 様式第8号: the information manager of the department that holds the data consults in advance (第15条第1項). */
export function draftProvision(actor: Actor, input: ProvisionInput, datasets: Dataset[], id: string, now: string): ExternalProvision {
  const departmentId = assertMayProvide(actor, datasets, now);
  const fields = validateProvisionInput(input, datasets);
  assertNotEnded(fields.period, now, '第15条第1項'); // 第15条第1項 あらかじめ: a period that has ended is not consulted on
  return {
    ...newApplication(actor, id, now),
    form: 'FORM_8',
    title: `「${fields.recipient}」への外部提供`,
    departmentId,
    datasetIds: datasets.map((d) => d.id),
    ...fields,
    requiredItems: [],
    agreement: { clauses: [] },
    inspectionCount: 0,
    incidentCount: 0,
  };
}

/** What is recorded beside a provision, an item of its own, and how its audit event names it: 第5号, 第6号. */
const RECORDED_AS = { ProvisionInspection: 'inspection', ProvisionIncident: 'incident' } as const;

/**
 * The provision's next version, recorded as `externalProvision.<action>` under `article`. With `added`, a new
 * inspection or incident is written beside it (it must not exist yet) and is all its audit event records.
 */
function changed(
  p: ExternalProvision,
  patch: Partial<ExternalProvision>,
  action: string,
  article: string,
  now: string,
  added?: { part: keyof typeof RECORDED_AS; value: Inspection | IncidentReport },
): Transition<ExternalProvision> {
  const recorded = added && { recorded: { after: { [RECORDED_AS[added.part]]: added.value } } };
  const t = changeOf('ExternalProvision', p, advance(p, patch, now), `externalProvision.${action}`, article, recorded);
  return added ? alongWith(t, { parts: [added] }) : t;
}

/** What follows approval (第15条第3項・第4項), each by the department's information manager. */
export const externalProvision = {
  recordClause: (actor: Actor, p: ExternalProvision, input: Parameters<typeof recordClause>[2], now: string) =>
    changed(p, { agreement: { ...p.agreement, clauses: recordClause(actor, p, input, now) } }, 'clauseRecorded', '第15条第4項', now),
  concludeAgreement: (actor: Actor, p: ExternalProvision, input: Parameters<typeof concludeAgreement>[2], now: string) =>
    changed(p, { agreement: concludeAgreement(actor, p, input, now) }, 'agreementConcluded', '第15条第3項', now),
  recordReturnOrDisposal: (actor: Actor, p: ExternalProvision, input: Parameters<typeof recordReturnOrDisposal>[2], now: string) =>
    changed(p, { returnOrDisposal: recordReturnOrDisposal(actor, p, input, now) }, input.kind === 'RETURN' ? 'returned' : 'disposed', clauseArticle('RETURN_OR_DISPOSAL'), now),
  recordInspection(actor: Actor, p: ExternalProvision, input: Parameters<typeof recordInspection>[2], id: string, now: string) {
    const { child, patch } = recordInspection(actor, p, input, id, now);
    return changed(p, patch, 'inspected', clauseArticle('INSPECTION'), now, { part: 'ProvisionInspection', value: child });
  },
  recordIncident(actor: Actor, p: ExternalProvision, input: Parameters<typeof recordIncident>[2], id: string, now: string) {
    const { child, patch } = recordIncident(actor, p, input, id, now);
    return changed(p, patch, 'incidentReported', clauseArticle('INCIDENT_REPORTING'), now, { part: 'ProvisionIncident', value: child });
  },
};
