/**
 * 外部委託 (第22条): when the development or maintenance of a system is outsourced in whole or part, the contract
 * states what is needed to protect personal information. A contract without that clause is not concluded here.
 */
import { Transition, advance, changeOf } from './change';
import { Actor, assertInformationManagerOf, holds } from './people';
import { Period, isDate, validatePeriod } from './period';
import { refuse } from './refusal';
import { SystemRecord } from './systems';

export const ARTICLE = '第22条';

export const CONTRACT_SCOPES = ['DEVELOPMENT', 'MAINTENANCE', 'DEVELOPMENT_AND_MAINTENANCE'] as const;
export type ContractScope = (typeof CONTRACT_SCOPES)[number];

export interface OutsourcingContract {
  id: string;
  systemId: string;
  departmentId: string;
  contractor: string;
  scope: ContractScope;
  period: Period;
  /** 個人情報の保護に関し必要な事項: its text, or where it stands in the contract (e.g. 第12条). */
  personalInformationClause?: { text?: string; reference?: string };
  status: 'DRAFT' | 'CONCLUDED';
  concludedOn?: string;
  recordedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** 第22条: 情報システム管理者及び情報管理責任者 — the system administrator, or the system's information manager. */
export function assertMayContract(actor: Actor, system: Pick<SystemRecord, 'owningDepartmentId'>, now: string): void {
  if (holds(actor, 'SYSTEM_ADMINISTRATOR', now)) return;
  assertInformationManagerOf(actor, [system.owningDepartmentId], now, ARTICLE, ['systemId'], ['システムの外部委託契約を記録する (情報システム管理者も可)', "record the system's outsourcing contracts (or the system administrator)"]);
}

export function draftContract(
  actor: Actor,
  system: SystemRecord,
  input: { contractor: string; scope: ContractScope; period: Period; personalInformationClause?: { text?: string; reference?: string } },
  id: string,
  now: string,
): OutsourcingContract {
  assertMayContract(actor, system, now);
  if (!input.contractor.trim()) refuse('INVALID_VALUE', ['受託者を入力してください。', 'Name the contractor.'], ARTICLE, ['contractor']);
  validatePeriod(input.period, ARTICLE);
  const clause = input.personalInformationClause;
  return {
    id,
    systemId: system.id,
    departmentId: system.owningDepartmentId,
    contractor: input.contractor.trim(),
    scope: input.scope,
    period: input.period,
    personalInformationClause: clause && (clause.text?.trim() || clause.reference?.trim()) ? { text: clause.text?.trim() || undefined, reference: clause.reference?.trim() || undefined } : undefined,
    status: 'DRAFT',
    recordedBy: actor.person.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** 第22条: the contract is recorded as concluded only when it states the protection of personal information. */
export function concludeContract(actor: Actor, system: SystemRecord, c: OutsourcingContract, concludedOn: string, now: string): Partial<OutsourcingContract> {
  assertMayContract(actor, system, now);
  if (c.status === 'CONCLUDED') refuse('INVALID_STATE', ['この契約は既に締結されています。', 'The contract is already concluded.'], ARTICLE);
  if (!c.personalInformationClause) {
    refuse(
      'CONTRACT_INCOMPLETE',
      ['契約を締結する前に、個人情報の保護に関し必要な事項を契約に定めてください。', 'The contract must state what is needed to protect personal information before it is concluded.'],
      ARTICLE,
      ['personalInformationClause'],
    );
  }
  if (!isDate(concludedOn)) refuse('INVALID_VALUE', ['concludedOn (締結日) は日付 (YYYY-MM-DD) で入力してください。', 'concludedOn is a date (YYYY-MM-DD).'], ARTICLE, ['concludedOn']);
  return { status: 'CONCLUDED', concludedOn };
}

// The transitions of a contract, as the one write path carries them out (functions/resolvers/write.ts).

export const outsourcingContract = {
  record: (actor: Actor, system: SystemRecord, input: Parameters<typeof draftContract>[2], id: string, now: string): Transition<OutsourcingContract> =>
    changeOf('OutsourcingContract', undefined, draftContract(actor, system, input, id, now), 'contract.recorded', ARTICLE),
  conclude: (actor: Actor, system: SystemRecord, c: OutsourcingContract, concludedOn: string, now: string): Transition<OutsourcingContract> =>
    changeOf('OutsourcingContract', c, advance(c, concludeContract(actor, system, c, concludedOn, now), now), 'contract.concluded', ARTICLE),
};
