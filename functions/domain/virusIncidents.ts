/**
 * コンピュータウィルス対策 (第26条): when a device is infected or suspected, the duty runs in order — disconnect it
 * from the network, report to the system administrator, request recovery (第3項, the information manager in charge
 * of the work); remove the virus and tell the other managers where needed (第4項, the information manager the system
 * administrator designates). Each step is timestamped and signed; an incident closes only with every step done and
 * with the question of personal information answered.
 */
import { advance, alongWith, changeOf } from './change';
import { tell } from './notices';
import { Actor, RoleAssignment, assertInformationManagerOf, holdersOf, holds, tokyoDate } from './people';
import { warekiTime } from './period';
import { allows, refuse } from './refusal';
import { SystemRecord, departmentInCharge } from './systems';
import { Equipment, namedEquipment } from './equipment';

export const ARTICLE = '第26条';

export const INCIDENT_STEPS = ['DISCONNECTED', 'REPORTED', 'RECOVERY_REQUESTED', 'VIRUS_REMOVED', 'OTHERS_NOTIFIED'] as const;
export type IncidentStep = (typeof INCIDENT_STEPS)[number];

export const STEP_ARTICLE: Record<IncidentStep, string> = {
  DISCONNECTED: '第26条第3項', // ネットワークからの速やかな切離し
  REPORTED: '第26条第3項', // 情報システム管理者へ速やかに報告
  RECOVERY_REQUESTED: '第26条第3項', // 復旧を依頼
  VIRUS_REMOVED: '第26条第4項', // ウィルスの駆除
  OTHERS_NOTIFIED: '第26条第4項', // 他の情報管理責任者に必要がある場合は周知
};

/** Each step as a message in Japanese names it. */
export const STEP_JA: Record<IncidentStep, string> = {
  DISCONNECTED: 'ネットワークからの切離し',
  REPORTED: '情報システム管理者への報告',
  RECOVERY_REQUESTED: '復旧の依頼',
  VIRUS_REMOVED: 'ウィルスの駆除',
  OTHERS_NOTIFIED: '他の情報管理責任者への周知',
};

export interface StepRecord {
  step: IncidentStep;
  at: string;
  by: string;
  note?: string;
  /** OTHERS_NOTIFIED only: 周知は必要がある場合 — recorded as not needed, with the reason in `note`. */
  notNeeded?: boolean;
}

export const PERSONAL_INFORMATION = ['AFFECTED', 'NOT_AFFECTED', 'UNDER_INVESTIGATION'] as const;
export type PersonalInformationImpact = (typeof PERSONAL_INFORMATION)[number];

export interface OutsideReportDecision {
  /** Whether the incident is reported outside the city (e.g. to the Personal Information Protection Commission). */
  report: boolean;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export interface VirusIncident {
  id: string;
  systemId: string;
  /** The department whose information manager carries 第26条第3項's duty. */
  departmentId: string;
  device: string;
  /** The device in the register of equipment (第2条第8号), when it is there. */
  equipmentId?: string;
  detectedAt: string;
  /** 感染した疑いがある場合: suspected, not confirmed. */
  suspected: boolean;
  description: string;
  /** The information manager the system administrator designated to remove the virus (第26条第4項). */
  removalManagerId?: string;
  steps: StepRecord[];
  personalInformation: PersonalInformationImpact;
  outsideReport?: OutsideReportDecision;
  status: 'OPEN' | 'CLOSED';
  closedAt?: string;
  recordedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** 第26条第1項・第2項: the department in charge is the one that maintains the system (第10条, systems.ts). */
export { departmentInCharge } from './systems';

/** 第26条第3項: the information manager in charge of the work records the incident and its first three steps. */
export function assertInCharge(actor: Actor, incident: Pick<VirusIncident, 'departmentId'>, now: string, article = '第26条第3項'): void {
  assertInformationManagerOf(actor, [incident.departmentId], now, article, ['systemId'], ['業務を所管する情報管理責任者としてこのシステムのウィルス事案に対応する', 'act on a virus incident of this system (the information manager of the department whose work it is)']);
}

export function openIncident(
  actor: Actor,
  system: SystemRecord,
  input: { device: string; detectedAt: string; suspected: boolean; description: string },
  id: string,
  now: string,
): VirusIncident {
  const departmentId = departmentInCharge(system);
  assertInCharge(actor, { departmentId }, now);
  if (!input.device.trim()) refuse('INVALID_VALUE', ['電子計算機器を入力してください。', 'Name the device.'], '第26条第3項', ['device']);
  if (!input.description.trim()) refuse('INVALID_VALUE', ['発見した内容を記載してください。', 'Describe what was found.'], '第26条第3項', ['description']);
  assertInstant(input.detectedAt, now, ['detectedAt']);
  return {
    id,
    systemId: system.id,
    departmentId,
    device: input.device.trim(),
    detectedAt: input.detectedAt,
    suspected: input.suspected,
    description: input.description.trim(),
    steps: [],
    personalInformation: 'UNDER_INVESTIGATION',
    status: 'OPEN',
    recordedBy: actor.person.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

function assertInstant(at: string, now: string, field: string[]): void {
  if (Number.isNaN(Date.parse(at))) refuse('INVALID_VALUE', ['日時は ISO-8601 形式 (時差付き) で入力してください。', 'A time is an ISO-8601 instant with its offset.'], ARTICLE, field);
  if (Date.parse(at) > Date.parse(now)) refuse('INVALID_VALUE', ['手順は実施した後に記録します。未来の日時は入力できません。', 'A step is recorded when it has happened, not before.'], ARTICLE, field);
}

/** The next step due, or undefined when all are done. */
export function nextStep(incident: Pick<VirusIncident, 'steps'>): IncidentStep | undefined {
  return INCIDENT_STEPS.find((s) => !incident.steps.some((r) => r.step === s));
}

/** 第26条第4項: the system administrator designates the information manager who removes the virus. */
export function designateRemovalManager(actor: Actor, incident: VirusIncident, manager: Actor, now: string): Partial<VirusIncident> {
  assertMayDesignate(actor, incident, now);
  if (!holds(manager, 'INFORMATION_MANAGER', now)) {
    refuse('INVALID_VALUE', ['ウィルスの駆除は情報管理責任者が行います。情報管理責任者を指定してください。', 'The virus is removed by an information manager.'], '第26条第4項', ['managerId']);
  }
  return { removalManagerId: manager.person.id };
}

/** Whether the actor may designate (or re-designate) who removes the virus now, whoever the designee. */
export function assertMayDesignate(actor: Actor, incident: Pick<VirusIncident, 'status' | 'steps'>, now: string): void {
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) {
    refuse('FORBIDDEN', ['ウィルスの駆除を行う情報管理責任者は、情報システム管理者が指定します。', 'The system administrator designates who removes the virus.'], '第26条第4項');
  }
  if (incident.status === 'CLOSED') refuse('INVALID_STATE', ['この事案は終了しています。', 'The incident is closed.'], '第26条第4項');
  if (incident.steps.some((s) => s.step === 'VIRUS_REMOVED')) refuse('INVALID_STATE', ['ウィルスは既に駆除されています。', 'The virus has been removed already.'], '第26条第4項');
}

/**
 * Records the next step of the duty, in the order of 第26条第3項・第4項: each step only after the one before it,
 * by the one the article names, at a time not before the previous step's.
 */
export function recordStep(
  actor: Actor,
  incident: VirusIncident,
  input: { step: IncidentStep; at: string; note?: string; notNeeded?: boolean },
  now: string,
): Partial<VirusIncident> {
  const article = STEP_ARTICLE[input.step];
  if (incident.status === 'CLOSED') refuse('INVALID_STATE', ['この事案は終了しています。', 'The incident is closed.'], article);
  const due = nextStep(incident);
  if (input.step !== due) {
    if (incident.steps.some((s) => s.step === input.step)) {
      refuse('INVALID_STATE', [`${STEP_JA[input.step]}は既に記録されています。`, `${input.step} is recorded already.`], article, ['step']);
    }
    refuse('INVALID_STATE', [`手順は第26条の順序に従ってください。先に${STEP_JA[due as IncidentStep]}を記録してください。`, `Steps follow the order of Article 26: ${due} comes first.`], article, ['step']);
  }
  if (input.step === 'VIRUS_REMOVED' || input.step === 'OTHERS_NOTIFIED') {
    // 第26条第4項: 情報システム管理者が指定した情報管理責任者.
    if (!incident.removalManagerId) {
      refuse('INVALID_STATE', ['駆除を行う情報管理責任者が、まだ情報システム管理者によって指定されていません。', 'The system administrator has not yet designated who removes the virus.'], '第26条第4項', ['step']);
    }
    if (incident.removalManagerId !== actor.person.id || !holds(actor, 'INFORMATION_MANAGER', now)) {
      refuse('FORBIDDEN', ['ウィルスの駆除と他の情報管理責任者への周知は、情報システム管理者が指定した情報管理責任者のみが行えます。', 'Only the information manager the system administrator designated removes the virus and notifies the others.'], '第26条第4項');
    }
  } else {
    assertInCharge(actor, incident, now, article);
  }
  if (input.notNeeded && input.step !== 'OTHERS_NOTIFIED') {
    refuse('INVALID_VALUE', ['不要とできるのは、他の情報管理責任者への周知 (必要がある場合に行うもの) のみです。', 'Only the notice to other managers may be found not needed.'], article, ['notNeeded']);
  }
  if (input.notNeeded && !input.note?.trim()) refuse('INVALID_VALUE', ['周知が不要である理由を入力してください。', 'Say why no notice is needed.'], article, ['note']);
  assertInstant(input.at, now, ['at']);
  const previous = incident.steps.at(-1)?.at ?? incident.detectedAt;
  if (Date.parse(input.at) < Date.parse(previous)) {
    refuse('INVALID_VALUE', ['手順の日時を、前の手順 (又は発見) より前にすることはできません。', 'A step cannot come before the one it follows (or before detection).'], article, ['at']);
  }
  const record: StepRecord = { step: input.step, at: input.at, by: actor.person.id, note: input.note?.trim() || undefined, notNeeded: input.notNeeded || undefined };
  return { steps: [...incident.steps, record] };
}

/**
 * Whether personal information was affected, and — once it was — the decision to report it outside the city.
 * The information manager in charge and the system administrator answer it.
 */
export function assessPersonalInformation(
  actor: Actor,
  incident: VirusIncident,
  input: { impact: PersonalInformationImpact; reportOutside?: boolean; reason?: string },
  now: string,
): Partial<VirusIncident> {
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) assertInCharge(actor, incident, now, '第13条');
  if (incident.status === 'CLOSED') refuse('INVALID_STATE', ['この事案は終了しています。', 'The incident is closed.'], '第13条');
  if (input.impact !== 'AFFECTED' && input.reportOutside !== undefined) {
    refuse('INVALID_VALUE', ['外部への報告の判断は、個人情報に影響があった場合に行います。', 'The decision to report outside is made when personal information was affected.'], '第13条', ['reportOutside']);
  }
  if (input.reportOutside !== undefined && !input.reason?.trim()) refuse('INVALID_VALUE', ['判断の理由を入力してください。', 'Give the reason for the decision.'], '第13条', ['reason']);
  return {
    personalInformation: input.impact,
    outsideReport:
      input.reportOutside === undefined ? undefined : { report: input.reportOutside, reason: input.reason!.trim(), decidedBy: actor.person.id, decidedAt: now },
  };
}

/** What still keeps an incident open: missing steps, and the personal-information question. */
export function missingForClosure(incident: Pick<VirusIncident, 'steps' | 'personalInformation' | 'outsideReport'>): string[] {
  const missing: string[] = INCIDENT_STEPS.filter((s) => !incident.steps.some((r) => r.step === s));
  if (incident.personalInformation === 'UNDER_INVESTIGATION') missing.push('PERSONAL_INFORMATION_ASSESSMENT');
  if (incident.personalInformation === 'AFFECTED' && !incident.outsideReport) missing.push('OUTSIDE_REPORT_DECISION');
  return missing;
}

/** The system administrator closes an incident, and only with every step of 第26条 done. */
export function closeIncident(actor: Actor, incident: VirusIncident, now: string): Partial<VirusIncident> {
  if (!holds(actor, 'SYSTEM_ADMINISTRATOR', now)) refuse('FORBIDDEN', ['事案の終了は、報告を受けた情報システム管理者が行います。', 'The system administrator, to whom the incident is reported, closes it.'], '第26条第3項');
  if (incident.status === 'CLOSED') refuse('INVALID_STATE', ['この事案は既に終了しています。', 'The incident is closed already.'], ARTICLE);
  const missing = missingForClosure(incident);
  if (missing.length) {
    refuse('INVALID_STATE', [`未了の手順があるため、事案を終了できません: ${missing.join('、')}。`, `The incident cannot close with steps missing: ${missing.join(', ')}.`], missing[0] in STEP_ARTICLE ? STEP_ARTICLE[missing[0] as IncidentStep] : '第13条', ['incidentId']);
  }
  return { status: 'CLOSED', closedAt: now };
}

/** Who reads incidents: the system administrator, the general manager, and the information managers. */
export function mayReadIncidents(actor: Actor, now: string): boolean {
  return holds(actor, 'SYSTEM_ADMINISTRATOR', now) || holds(actor, 'GENERAL_MANAGER', now) || holds(actor, 'INFORMATION_MANAGER', now);
}

// The transitions of an incident, as the one write path carries them out (functions/resolvers/write.ts): each the
// rule above, the incident's next version, and the audit action with its article.

type Input<F extends (...args: never[]) => unknown, I extends number> = Parameters<F>[I];

export const virusIncident = {
  /** The system administrator is told at once, in the same transaction (第26条第3項: 情報システム管理者に報告). */
  report(actor: Actor, system: SystemRecord, input: Input<typeof openIncident, 2>, id: string, now: string, roleHolders: RoleAssignment[], device?: Equipment) {
    const v = { ...openIncident(actor, system, input, id, now), ...namedEquipment(device, '第26条第3項', { systemId: system.id }) };
    const told = tell(
      holdersOf(roleHolders, 'SYSTEM_ADMINISTRATOR', now),
      {
        kind: 'VIRUS_INCIDENT_REPORTED',
        subjectType: 'VirusIncident',
        subjectId: v.id,
        stage: 'reported',
        article: '第26条第3項',
        title: `コンピュータウイルス${v.suspected ? '感染の疑い' : '感染'}の報告(${system.name})`,
        message: `${system.name}の端末「${v.device}」で、コンピュータウイルス${v.suspected ? '感染の疑い' : '感染'}が報告されました(検知: ${warekiTime(v.detectedAt)})。\n${v.description}\nネットワークからの切断、ウイルス除去責任者の指定など、第26条の手順を進めてください。`,
        dueOn: tokyoDate(now),
      },
      now,
      actor.person.id,
    );
    return alongWith(changeOf('VirusIncident', undefined, v, 'virusIncident.reported', '第26条第3項'), { changes: told });
  },
  designateRemovalManager: (actor: Actor, v: VirusIncident, manager: Actor, now: string) =>
    changeOf('VirusIncident', v, advance(v, designateRemovalManager(actor, v, manager, now), now), 'virusIncident.removalManagerDesignated', '第26条第4項'),
  recordStep(actor: Actor, v: VirusIncident, input: Input<typeof recordStep, 2>, now: string) {
    const after = advance(v, recordStep(actor, v, input, now), now);
    // The steps are at most the five of 第26条, each once, so they stay in the incident; the event records the new one only.
    return changeOf('VirusIncident', v, after, `virusIncident.step.${input.step}`, STEP_ARTICLE[input.step], { recorded: { after: { step: after.steps.at(-1) } } });
  },
  assessPersonalInformation: (actor: Actor, v: VirusIncident, input: Input<typeof assessPersonalInformation, 2>, now: string) =>
    changeOf('VirusIncident', v, advance(v, assessPersonalInformation(actor, v, input, now), now), 'virusIncident.personalInformationAssessed', '第13条'),
  close: (actor: Actor, v: VirusIncident, now: string) => changeOf('VirusIncident', v, advance(v, closeIncident(actor, v, now), now), 'virusIncident.closed', ARTICLE),
};

/** What the viewer may do with an incident now, each by the rule that would refuse it (`viewerCan*`). */
export function incidentActions(actor: Actor, v: VirusIncident, now: string) {
  const step = nextStep(v);
  return {
    designateRemovalManager: allows(() => assertMayDesignate(actor, v, now)),
    recordStep: !!step && allows(() => recordStep(actor, v, { step, at: now }, now)),
    assessPersonalInformation: allows(() => assessPersonalInformation(actor, v, { impact: 'NOT_AFFECTED' }, now)),
    close: allows(() => closeIncident(actor, v, now)),
  };
}

/** 第26条: the open incidents are listed for those who read incidents; anyone else is refused. */
export function assertMayReadIncidents(actor: Actor, now: string): void {
  if (!mayReadIncidents(actor, now)) {
    refuse('FORBIDDEN', ['ウィルス事案は、情報システム管理者、総括管理責任者及び情報管理責任者が参照できます。', 'The system administrator, the general manager and the information managers read virus incidents.'], ARTICLE);
  }
}

/** What a person is told of an incident's progress: the step due next and what still keeps it open; nothing once closed. */
export function progressOf(v: VirusIncident): { nextStep?: IncidentStep; missingForClosure: string[] } {
  return v.status === 'OPEN' ? { nextStep: nextStep(v), missingForClosure: missingForClosure(v) } : { missingForClosure: [] };
}
