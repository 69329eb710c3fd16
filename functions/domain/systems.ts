/**
 * Administrative systems (行政システム): 第2条第5号–第7号, 第6条, 第8条ただし書, 第10条, 第11条, 第23条.
 * The consultations that move a system through its life (forms 1–3) are in consultations.ts.
 */
import { Transition, advance, changeOf } from './change';
import { Actor, Role, assertInformationManagerOf, holds, tokyoDate } from './people';
import { isDate, wareki } from './period';
import { allows, refuse, under } from './refusal';
import { Resilience, assertMayRecord } from './resilience';
import type { VirusMeasures } from './virusMeasures';

export const SYSTEM_CATEGORIES = ['INFORMATION', 'BUSINESS'] as const; // 情報系 / 業務系 (第2条第6号・第7号)
export type SystemCategory = (typeof SYSTEM_CATEGORIES)[number];

export const NETWORKS = ['EXTERNAL', 'INTERNAL'] as const; // 外部 / 内部
export type Network = (typeof NETWORKS)[number];

export const PURPOSES = [
  'CITIZEN_WELFARE', // 市民福祉の向上 (第6条第1号)
  'LABOUR_REDUCTION', // 労働の軽減 (第6条第2号)
  'COST_SAVING', // 経費の節減 (第6条第3号)
  'EFFICIENCY', // 事務の効率化 (第6条第4号)
  'ADMINISTRATIVE_STANDARDS', // その他行政水準の向上 (第6条第5号)
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** REGISTERED (in the register, not yet decided) → DECIDED (様式第1号) → INSTALLED (様式第2号) → ABOLISHED. */
export const SYSTEM_STATUSES = ['REGISTERED', 'DECIDED', 'INSTALLED', 'ABOLISHED'] as const;
export type SystemStatus = (typeof SYSTEM_STATUSES)[number];
/** Where a system stands, as a message in Japanese says it. */
export const SYSTEM_STATUS_JA: Record<SystemStatus, string> = { REGISTERED: '登録済 (未決定)', DECIDED: '決定済', INSTALLED: '設置済', ABOLISHED: '廃止済' };

export const DOCUMENT_KINDS = ['DESIGN', 'OPERATING_PROCEDURE', 'OPERATIONS_MANUAL', 'OTHER'] as const; // 第2条第11号
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface SystemDocument {
  kind: DocumentKind;
  title: string;
  /** Where the document is kept: a file path, a URL on the city network, a cabinet. */
  location?: string;
}

/** Who develops and maintains (第10条) or bears the cost (第23条), and on what footing. */
export const RESPONSIBILITY_BASES = ['DESIGNATED', 'PROCESSING_DEPARTMENT', 'AGREED_OVERRIDE'] as const;
export type ResponsibilityBasis = (typeof RESPONSIBILITY_BASES)[number];

/**
 * The three heads whose agreement (協議) an override needs (第10条第3項, 第23条第3項), in the article's order:
 * デジタル推進課長 (the holder of HOMEPAGE_SYSTEM_MANAGER: 第27条第3項 makes the one the other), 財政課長, and the
 * information manager concerned (当該情報管理責任者).
 */
export const OVERRIDE_PARTIES = ['DIGITAL_PROMOTION_HEAD', 'FINANCE_HEAD', 'INFORMATION_MANAGER'] as const;
export type OverridePartyRole = (typeof OVERRIDE_PARTIES)[number];

/** Each party: the role held on the day of the agreement, what the article calls it, and the input field naming them. */
export const OVERRIDE_PARTY: Record<OverridePartyRole, { role: Role; label: string; field: string }> = {
  DIGITAL_PROMOTION_HEAD: { role: 'HOMEPAGE_SYSTEM_MANAGER', label: 'デジタル推進課長', field: 'digitalPromotionHeadId' },
  FINANCE_HEAD: { role: 'FINANCE_HEAD', label: '財政課長', field: 'financeHeadId' },
  INFORMATION_MANAGER: { role: 'INFORMATION_MANAGER', label: '当該情報管理責任者', field: 'informationManagerId' },
};

/** One head who agreed, as recorded. */
export interface OverrideParty {
  role: OverridePartyRole;
  personId: string;
}

export interface OverrideAgreement {
  /** Date the heads of デジタル推進課 and 財政課 and the information manager agreed (協議). */
  agreedOn: string;
  /** Where the agreement is recorded (document number, minutes). */
  reference: string;
  /** Who agreed, each in the capacity the article names; absent only on an agreement carried over under 附則第3項. */
  parties?: OverrideParty[];
  /** The system administrator who consented (承諾). */
  consentedBy: string;
  consentedAt: string;
}

export interface Responsibility {
  departmentId: string;
  basis: ResponsibilityBasis;
  override?: OverrideAgreement;
  assignedBy: string;
  assignedAt: string;
}

export const RESPONSIBILITY_KINDS = ['MAINTENANCE', 'COST'] as const;
export type ResponsibilityKind = (typeof RESPONSIBILITY_KINDS)[number];

/** The article a responsibility rests on: 第10条 (maintenance) or 第23条 (cost), in the paragraph of its basis. */
export function responsibilityArticle(kind: ResponsibilityKind, r: Pick<Responsibility, 'basis'>): string {
  const paragraph = r.basis === 'DESIGNATED' ? 1 : r.basis === 'PROCESSING_DEPARTMENT' ? 2 : 3;
  return `${kind === 'MAINTENANCE' ? '第10条' : '第23条'}第${paragraph}項`;
}

export interface SystemRecord {
  id: string;
  name: string;
  description?: string;
  category: SystemCategory;
  network: Network;
  purposes: Purpose[];
  status: SystemStatus;
  /** The department (主管課) that registered the system and files its consultations. */
  owningDepartmentId: string;
  /** 業務系: the departments whose work the system processes (第10条第2項). */
  processingDepartmentIds: string[];
  maintenance?: Responsibility; // 第10条
  costBearing?: Responsibility; // 第23条
  documents: SystemDocument[];
  /** 第8条ただし書: a 業務系 system used solely for education or research. */
  educationOrResearchOnly: boolean;
  /** Systems this one is connected to after a 様式第3号 consultation (第9条). */
  connectedSystemIds: string[];
  /** 第17条・第18条: protective measures, failure measures and the recovery procedure (resilience.ts). */
  resilience?: Resilience;
  /** 第26条第1項・第2項: the measures against viruses, as last reviewed (virusMeasures.ts). */
  virusMeasures?: VirusMeasures;
  version: number;
  createdAt: string;
  updatedAt: string;
  decidedAt?: string;
  installedAt?: string;
  abolishedAt?: string;
}

export const OPERATING_HOURS = ['ALL_DAY', 'WORKING_HOURS'] as const;
export type OperatingHours = (typeof OPERATING_HOURS)[number];

/** 第11条: 情報系 all day (第1項); 業務系 within staff working hours (第2項). */
export function operatingHours(category: SystemCategory): { policy: OperatingHours; article: string } {
  return category === 'INFORMATION'
    ? { policy: 'ALL_DAY', article: '第11条第1項' }
    : { policy: 'WORKING_HOURS', article: '第11条第2項' };
}

/** Only the information manager of the owning department acts on a system's record (第5条, 第7条). */
export function assertOwningManager(
  actor: Actor,
  system: Pick<SystemRecord, 'owningDepartmentId'>,
  now: string,
  article: string,
  field: string[] = ['systemId'],
): void {
  assertInformationManagerOf(actor, [system.owningDepartmentId], now, article, field, ['このシステムの記録を扱う', "act on this system's record"]);
}

export interface SystemInput {
  name: string;
  description?: string;
  category: SystemCategory;
  network: Network;
  purposes: Purpose[];
  owningDepartmentId: string;
  processingDepartmentIds?: string[];
  documents?: SystemDocument[];
  educationOrResearchOnly?: boolean;
}

function validateShape(input: Pick<SystemInput, 'category' | 'educationOrResearchOnly' | 'purposes' | 'name'>): void {
  if (!input.name.trim()) refuse('INVALID_VALUE', ['システムの名称を入力してください。', 'A system needs a name.'], undefined, ['name']);
  if (input.educationOrResearchOnly && input.category !== 'BUSINESS') {
    refuse(
      'INVALID_VALUE',
      ['教育・研究専用とできるのは業務系システムに限ります。', 'Only a business-category system can be one used solely for education or research.'],
      '第8条',
      ['educationOrResearchOnly'],
    );
  }
  if (new Set(input.purposes).size !== input.purposes.length) {
    refuse('INVALID_VALUE', ['同じ処理の要件が重複して指定されています。', 'A purpose is listed twice.'], '第6条', ['purposes']);
  }
}

/** A new system enters the register; its default responsibilities follow 第10条第2項 and 第23条第2項 for 業務系. */
export function registerSystem(actor: Actor, input: SystemInput, id: string, now: string): SystemRecord {
  assertOwningManager(actor, input, now, '第7条', ['owningDepartmentId']);
  return newSystem(actor, input, id, now);
}

/** A system's first record from what the register says of it, its shape checked. */
function newSystem(actor: Actor, input: SystemInput, id: string, now: string): SystemRecord {
  validateShape(input);
  const processing = input.processingDepartmentIds?.length ? unique(input.processingDepartmentIds) : [input.owningDepartmentId];
  const byProcessing: Responsibility | undefined =
    input.category === 'BUSINESS' && processing.length === 1
      ? { departmentId: processing[0], basis: 'PROCESSING_DEPARTMENT', assignedBy: actor.person.id, assignedAt: now }
      : undefined;
  return {
    id,
    name: input.name.trim(),
    description: input.description?.trim() || undefined,
    category: input.category,
    network: input.network,
    purposes: input.purposes,
    status: 'REGISTERED',
    owningDepartmentId: input.owningDepartmentId,
    processingDepartmentIds: input.category === 'BUSINESS' ? processing : [],
    maintenance: byProcessing, // 第10条第2項
    costBearing: byProcessing, // 第23条第2項
    documents: input.documents ?? [],
    educationOrResearchOnly: input.educationOrResearchOnly ?? false,
    connectedSystemIds: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export type SystemEdit = Partial<Pick<SystemRecord, 'name' | 'description' | 'network' | 'purposes' | 'documents' | 'educationOrResearchOnly' | 'processingDepartmentIds'>>;

/** Fields that describe the record and may change at any time; the rest change only by 様式第2号 once decided. */
const RECORD_FIELDS: readonly (keyof SystemEdit)[] = ['description', 'documents'];

export function editSystem(actor: Actor, system: SystemRecord, edit: SystemEdit, now: string): Partial<SystemRecord> {
  assertOwningManager(actor, system, now, '第8条');
  if (system.status === 'ABOLISHED') refuse('INVALID_STATE', ['廃止されたシステムの記録は編集できません。', 'An abolished system is no longer edited.'], '第8条');
  const structural = (Object.keys(edit) as (keyof SystemEdit)[]).filter((k) => edit[k] !== undefined && !RECORD_FIELDS.includes(k));
  if (system.status !== 'REGISTERED' && structural.length) {
    refuse(
      'INVALID_STATE',
      [`決定済のシステムは編集できません。変更は様式第2号 (行政システムの設置等の協議書) により行ってください: ${structural.join(', ')}。`, `Once decided, a system is changed through Form No. 2 (consultation on installation, change or abolition), not edited: ${structural.join(', ')}.`],
      '第8条',
      structural,
    );
  }
  const next = { ...system, ...stripUndefined(edit) };
  validateShape(next);
  const patch: Partial<SystemRecord> = stripUndefined(edit);
  if (patch.name) patch.name = patch.name.trim();
  if (patch.processingDepartmentIds) patch.processingDepartmentIds = unique(patch.processingDepartmentIds);
  return patch;
}

/** 第6条: a system processes work for at least one of the five purposes; one with none cannot be decided. */
export function assertHasPurpose(system: Pick<SystemRecord, 'purposes'>): void {
  if (system.purposes.length === 0) {
    refuse(
      'MISSING_PURPOSE',
      ['システムは第6条の要件 (市民福祉の向上、労働の軽減、経費の節減、事務の効率化、その他行政水準の向上) の一つ以上を満たさなければなりません。', 'A system must serve at least one purpose of Article 6 (citizen welfare, labour reduction, cost saving, efficiency, raising administrative standards).'],
      '第6条',
      ['purposes'],
    );
  }
}

export interface ResponsibilityInput {
  kind: ResponsibilityKind;
  departmentId: string;
  basis: ResponsibilityBasis;
  agreement?: {
    agreedOn: string;
    reference: string;
    /** The people named as the three heads, with their roles (absent: not named). */
    parties?: Partial<Record<OverridePartyRole, Actor>>;
  };
}

/**
 * Who develops and maintains a system (第10条) and who bears its cost (第23条):
 * - 情報系: the department the system administrator designates (第10条第1項, 第23条第1項);
 * - 業務系: the department whose work it processes, or the one those departments agree on (第10条第2項, 第23条第2項);
 * - otherwise: an override agreed by the heads of デジタル推進課 and 財政課 and the information manager, with the
 *   system administrator's consent (第10条第3項, 第23条第3項), recorded as such.
 */
export function assignResponsibility(
  actor: Actor,
  system: SystemRecord,
  input: ResponsibilityInput,
  now: string,
  /** 附則第3項: an agreement made under the former rules, whose parties the old register may not name. */
  carriedOver = false,
): Responsibility {
  const maintenance = input.kind === 'MAINTENANCE';
  const art = (p: number) => (maintenance ? `第10条第${p}項` : `第23条第${p}項`);
  const isAdministrator = holds(actor, 'SYSTEM_ADMINISTRATOR', now);
  if (system.status === 'ABOLISHED') refuse('INVALID_STATE', ['このシステムは廃止されています。', 'The system is abolished.'], art(1));
  switch (input.basis) {
    case 'DESIGNATED':
      if (system.category !== 'INFORMATION') {
        refuse('INVALID_VALUE', ['情報システム管理者による指定は、情報系システムに限ります。', 'Designation by the system administrator applies to information-category systems.'], art(1), ['basis']);
      }
      if (!isAdministrator) {
        refuse('FORBIDDEN', ['情報系システムの担当課は情報システム管理者が指定します。', 'For an information-category system the system administrator designates the department.'], art(1));
      }
      return { departmentId: input.departmentId, basis: 'DESIGNATED', assignedBy: actor.person.id, assignedAt: now };
    case 'PROCESSING_DEPARTMENT':
      if (system.category !== 'BUSINESS') {
        refuse('INVALID_VALUE', ['情報系システムの担当課は指定によって定まり、処理する業務からは定まりません。', 'For an information-category system the department is designated, not derived from the work processed.'], art(2), ['basis']);
      }
      if (!system.processingDepartmentIds.includes(input.departmentId)) {
        refuse(
          'INVALID_VALUE',
          ['担当課は、システムが処理する業務を所管する主管課としてください。', 'The department must be one whose work the system processes.'],
          art(2),
          ['departmentId'],
        );
      }
      if (!isAdministrator) {
        assertInformationManagerOf(actor, [system.owningDepartmentId], now, art(2), ['systemId'], ['業務を所管する主管課を記録する', 'record the department that processes the work']);
      }
      return { departmentId: input.departmentId, basis: 'PROCESSING_DEPARTMENT', assignedBy: actor.person.id, assignedAt: now };
    case 'AGREED_OVERRIDE':
      if (!isAdministrator) {
        refuse('FORBIDDEN', ['別の区分は、情報システム管理者の承諾を得て効力を生じます。', 'An override takes effect with the consent of the system administrator.'], art(3));
      }
      if (!input.agreement?.reference.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(input.agreement.agreedOn ?? '')) {
        refuse(
          'OVERRIDE_AGREEMENT_REQUIRED',
          ['別の区分には、デジタル推進課長、財政課長及び情報管理責任者の協議 (協議日と文書番号等) を記録してください。', 'An override records the agreement of the heads of the Digital Promotion Section and the Finance Section and the information manager: its date and reference.'],
          art(3),
          ['agreement'],
        );
      }
      if (input.agreement.agreedOn > tokyoDate(now)) {
        refuse('INVALID_VALUE', [`協議の日(${wareki(input.agreement.agreedOn)})が将来の日付です。協議が調ってから記録してください。`, 'The agreement is dated in the future: record it once made.'], art(3), ['agreement', 'agreedOn']);
      }
      const parties = carriedOver && !input.agreement.parties ? undefined : agreedParties(system, input, art(3));
      return {
        departmentId: input.departmentId,
        basis: 'AGREED_OVERRIDE',
        override: {
          agreedOn: input.agreement.agreedOn,
          reference: input.agreement.reference.trim(),
          ...(parties ? { parties } : {}),
          consentedBy: actor.person.id,
          consentedAt: now,
        },
        assignedBy: actor.person.id,
        assignedAt: now,
      };
  }
}

/**
 * 第10条第3項, 第23条第3項: デジタル推進課長, 財政課長 and the information manager concerned agreed; each is named, and
 * each held that office on the day of the agreement. The information manager concerned is the manager of a
 * department the system is for (its owner, a department whose work it processes), of the department that holds the
 * responsibility now, or of the one the override gives it to.
 */
function agreedParties(system: SystemRecord, input: ResponsibilityInput, article: string): OverrideParty[] {
  const { agreedOn, parties = {} } = input.agreement!;
  const onThatDay = `${agreedOn}T12:00:00+09:00`;
  const current = input.kind === 'MAINTENANCE' ? system.maintenance : system.costBearing;
  const concerned = unique([system.owningDepartmentId, ...system.processingDepartmentIds, input.departmentId, ...(current ? [current.departmentId] : [])]);
  return OVERRIDE_PARTIES.map((role) => {
    const { role: office, label, field } = OVERRIDE_PARTY[role];
    const who = parties[role];
    if (!who) {
      refuse('OVERRIDE_AGREEMENT_REQUIRED', [`別の区分には${label}の協議が必要です。協議した${label}を指定してください。`, `An override needs the agreement of the ${role}: name them.`], article, ['agreement', field]);
    }
    const held = role === 'INFORMATION_MANAGER' ? concerned.some((d) => holds(who, office, onThatDay, d)) : holds(who, office, onThatDay);
    if (!held) {
      refuse(
        'INVALID_VALUE',
        [`${who.person.name}さんは、協議の日(${wareki(agreedOn)})に${label}ではありません。`, `${who.person.name} was not the ${role} on the day of the agreement.`],
        article,
        ['agreement', field],
      );
    }
    return { role, personId: who.person.id };
  });
}

export const EXEMPT_ACTIONS = ['INSTALL', 'CHANGE', 'ABOLISH'] as const;
export type ExemptAction = (typeof EXEMPT_ACTIONS)[number];

/**
 * 第8条ただし書: a 業務系 system used solely for education or research is installed, changed or abolished without
 * 様式第2号. The change is still recorded, and the record says it was made under the exemption.
 */
export function applyExemptChange(
  actor: Actor,
  system: SystemRecord,
  action: ExemptAction,
  changes: SystemEdit,
  now: string,
): Partial<SystemRecord> {
  assertOwningManager(actor, system, now, '第8条');
  if (system.category !== 'BUSINESS' || !system.educationOrResearchOnly) {
    refuse(
      'NOT_EXEMPT',
      ['様式第2号が不要なのは、教育・研究専用の業務系システムのみです。協議を行ってください。', 'Only a business-category system used solely for education or research is exempt from Form No. 2; file a consultation instead.'],
      '第8条',
      ['systemId'],
    );
  }
  if (system.status === 'REGISTERED') {
    refuse('INVALID_STATE', ['まずシステムの決定 (様式第1号) が必要です。ただし書の対象は設置・変更・廃止のみです。', 'The system must first be decided (Form No. 1); the exemption covers installation, change and abolition only.'], '第7条');
  }
  if (changes.educationOrResearchOnly === false) {
    refuse(
      'NOT_EXEMPT',
      ['教育・研究専用でなくなるシステムは、ただし書の対象外です。その変更は様式第2号により行ってください。', 'A system that stops being used solely for education or research leaves the exemption: that change goes through Form No. 2.'],
      '第8条',
      ['changes', 'educationOrResearchOnly'],
    );
  }
  return installChangeAbolish(system, action, changes, now);
}

/** The effect of an installation, change or abolition on the system, whether by 様式第2号 or under the exemption. */
export function installChangeAbolish(
  system: SystemRecord,
  action: ExemptAction,
  changes: SystemEdit,
  now: string,
): Partial<SystemRecord> {
  switch (action) {
    case 'INSTALL':
      if (system.status !== 'DECIDED') refuse('INVALID_STATE', [`設置できるのは決定済のシステムのみです。このシステムは${SYSTEM_STATUS_JA[system.status]}です。`, `Only a decided system can be installed; this one is ${system.status.toLowerCase()}.`], '第8条');
      return { status: 'INSTALLED', installedAt: now };
    case 'CHANGE': {
      if (system.status !== 'INSTALLED') refuse('INVALID_STATE', [`変更できるのは設置済のシステムのみです。このシステムは${SYSTEM_STATUS_JA[system.status]}です。`, `Only an installed system can be changed; this one is ${system.status.toLowerCase()}.`], '第8条');
      const patch = stripUndefined(changes);
      if (Object.keys(patch).length === 0) refuse('INVALID_VALUE', ['変更する内容を指定してください。', 'A change names what changes.'], '第8条', ['changes']);
      const next = { ...system, ...patch };
      validateShape(next);
      assertHasPurpose(next);
      return patch;
    }
    case 'ABOLISH':
      // 第8条: 既に設置している行政システムを…廃止
      if (system.status !== 'INSTALLED') {
        refuse('INVALID_STATE', [`廃止できるのは設置済のシステムのみです。このシステムは${SYSTEM_STATUS_JA[system.status]}です。`, `Only an installed system is abolished; this one is ${system.status.toLowerCase()}.`], '第8条');
      }
      return { status: 'ABOLISHED', abolishedAt: now };
  }
}

// The transitions of a system's record, as the one write path carries them out (functions/resolvers/write.ts): each
// the rule above, the system's next version, and the audit action with its article.

/** What the record says of a change made under 第8条ただし書, unless the one who records it says more. */
const EXEMPT_NOTE =
  'Exempt from 様式第2号: a 業務系 system used solely for education or research. 専ら教育又は研究に要する業務系システムのため協議書不要。';

/** 附則第3項: what the former rules decided counts as decided under this regulation. */
export const CARRIED_OVER_NOTE = '附則第3項により、旧規程による決定・措置をこの訓令によるものとみなす(台帳の取込み)';

/**
 * 附則第3項: who brings in what the former rules decided. The system administrator keeps the register of the network
 * (第4条): the ledger of systems, the data they hold and the approvals of its use come in by that hand.
 */
export function assertMayCarryOver(actor: Actor, now: string): void {
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) {
    refuse('FORBIDDEN', ['旧規程による決定・措置の台帳の取込みは情報システム管理者が行います。', 'The system administrator brings in the ledger of what the former rules decided.'], '第4条');
  }
}

/** What the ledger says of a system decided under the former rules, beyond what registering it says. */
export interface CarriedOver {
  status: 'DECIDED' | 'INSTALLED';
  decidedOn: string;
  installedOn?: string;
  /** 第10条: who develops and maintains it, when the ledger says (else the default of 第10条第2項 for 業務系). */
  maintenance?: Omit<ResponsibilityInput, 'kind'>;
  /** 第23条: who bears its cost, likewise. */
  costBearing?: Omit<ResponsibilityInput, 'kind'>;
}

/**
 * 附則第3項: a system the city already runs, decided (and installed) under the former rules (白石市電子計算組織管理運営
 * 規程), comes into the register as decided under this one, with the dates of its decision and installation, the
 * departments whose work it processes, its documents, and who maintains it and bears its cost — each responsibility
 * checked as `assignResponsibility` checks it, on the record as it comes in, so that one row of the ledger is one
 * record with one audit event. The system administrator, who keeps the register of the network (第4条), brings it in.
 */
export function carriedOverSystem(actor: Actor, input: SystemInput, carried: CarriedOver, id: string, now: string): SystemRecord {
  assertMayCarryOver(actor, now);
  if (!isDate(carried.decidedOn)) refuse('INVALID_VALUE', ['決定日を YYYY-MM-DD の形で入力してください。', 'The decision date is a date (YYYY-MM-DD).'], '附則第3項', ['decidedOn']);
  if (carried.status === 'INSTALLED' && (!carried.installedOn || !isDate(carried.installedOn) || carried.installedOn < carried.decidedOn)) {
    refuse('INVALID_VALUE', ['設置済のシステムには、決定日以後の設置日を入力してください。', 'An installed system has an installation date on or after its decision.'], '附則第3項', ['installedOn']);
  }
  const at = (date: string) => new Date(`${date}T00:00:00+09:00`).toISOString();
  const record: SystemRecord = {
    ...newSystem(actor, input, id, now),
    status: carried.status,
    decidedAt: at(carried.decidedOn),
    ...(carried.status === 'INSTALLED' ? { installedAt: at(carried.installedOn!) } : {}),
  };
  const responsibility = (kind: ResponsibilityKind, field: 'maintenance' | 'costBearing') => {
    const given = carried[field];
    return given ? under([field], () => assignResponsibility(actor, record, { ...given, kind }, now, true)) : record[field];
  };
  return { ...record, maintenance: responsibility('MAINTENANCE', 'maintenance'), costBearing: responsibility('COST', 'costBearing') };
}

export const systemRegister = {
  carriedOver: (actor: Actor, input: SystemInput, carried: CarriedOver, id: string, now: string): Transition<SystemRecord> =>
    changeOf('System', undefined, carriedOverSystem(actor, input, carried, id, now), 'system.carriedOver', '附則第3項', { note: CARRIED_OVER_NOTE }),
  register: (actor: Actor, input: SystemInput, id: string, now: string): Transition<SystemRecord> =>
    changeOf('System', undefined, registerSystem(actor, input, id, now), 'system.registered', '第7条'),
  update: (actor: Actor, s: SystemRecord, edit: SystemEdit, now: string): Transition<SystemRecord> =>
    changeOf('System', s, advance(s, editSystem(actor, s, edit, now), now), 'system.updated'),
  assignResponsibility(actor: Actor, s: SystemRecord, input: ResponsibilityInput, now: string): Transition<SystemRecord> {
    const r = assignResponsibility(actor, s, input, now);
    const field = input.kind === 'MAINTENANCE' ? 'maintenance' : 'costBearing';
    return changeOf('System', s, advance(s, { [field]: r }, now), `system.${field}Assigned`, responsibilityArticle(input.kind, r));
  },
  recordExemptChange(actor: Actor, s: SystemRecord, input: { action: ExemptAction; changes: SystemEdit; note?: string }, now: string): Transition<SystemRecord> {
    const after = advance(s, applyExemptChange(actor, s, input.action, input.changes, now), now);
    const action = `system.exempt${input.action.charAt(0)}${input.action.slice(1).toLowerCase()}`;
    return changeOf('System', s, after, action, '第8条ただし書', { note: input.note?.trim() || EXEMPT_NOTE });
  },
};

/** What the viewer may do with a system's record now (`viewerCan*`), each by the rule that would refuse it. */
export function systemActions(actor: Actor, s: SystemRecord, now: string) {
  const edit = s.status !== 'ABOLISHED' && allows(() => assertOwningManager(actor, s, now, '第8条'));
  return {
    edit,
    fileConsultation: edit, // 第7条–第9条: the one who keeps the record files its consultations
    recordResilience: s.status !== 'ABOLISHED' && allows(() => assertMayRecord(actor, s, now, '第17条')),
  };
}

export function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The department in charge of a system's maintenance: for 情報系 the one the system administrator designated (第10条第1項),
 * for 業務系 the one whose work it is (第10条第2項); the owning department until assigned.
 */
export function departmentInCharge(system: Pick<SystemRecord, 'maintenance' | 'owningDepartmentId'>): string {
  return system.maintenance?.departmentId ?? system.owningDepartmentId;
}
