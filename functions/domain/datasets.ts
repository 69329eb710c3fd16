/**
 * データ (第2条第10号, 第13条): the datasets a system holds, owned by the system's department. Who may use another
 * department's data is in dataUse.ts (第14条); what leaves the city, in externalProvision.ts (第15条).
 */
import { Transition, changeOf } from './change';
import type { DataProtection } from './dataProtection';
import { Actor } from './people';
import { refuse } from './refusal';
import { CARRIED_OVER_NOTE, SystemRecord, assertMayCarryOver, assertOwningManager } from './systems';

export interface Dataset {
  id: string;
  systemId: string;
  /** The department that holds the data (所管する主管課): the owning department of its system. */
  departmentId: string;
  name: string;
  description?: string;
  /** 個人情報 (第2条第2号) is held. */
  containsPersonalInformation: boolean;
  /** 第13条: the measures against leak and damage, as last reviewed (dataProtection.ts). */
  protection?: DataProtection;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DatasetInput {
  name: string;
  description?: string;
  containsPersonalInformation: boolean;
}

/** The information manager of the system's department registers its datasets (第5条, 第13条). */
export function registerDataset(actor: Actor, system: SystemRecord, input: DatasetInput, id: string, now: string): Dataset {
  assertOwningManager(actor, system, now, '第13条');
  return newDataset(system, input, id, now);
}

/**
 * 附則第3項: the data a system already held under the former rules comes into the register with the ledger of its
 * system, brought in by the system administrator who keeps the register (第4条), as the ledger of systems is.
 */
export function carriedOverDataset(actor: Actor, system: SystemRecord, input: DatasetInput, id: string, now: string): Dataset {
  assertMayCarryOver(actor, now);
  return newDataset(system, input, id, now);
}

/** A dataset's first record, held by its system's department. */
function newDataset(system: SystemRecord, input: DatasetInput, id: string, now: string): Dataset {
  if (system.status === 'ABOLISHED') refuse('INVALID_STATE', ['システムが廃止されているため、そのデータはもう登録できません。', 'The system is abolished; its data is no longer registered.'], '第8条', ['systemId']);
  if (!input.name.trim()) refuse('INVALID_VALUE', ['データの名称を入力してください。', 'A dataset needs a name.'], '第13条', ['name']);
  return {
    id,
    systemId: system.id,
    departmentId: system.owningDepartmentId,
    name: input.name.trim(),
    description: input.description?.trim() || undefined,
    containsPersonalInformation: input.containsPersonalInformation,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** The transitions of a dataset, as the one write path carries them out (functions/resolvers/write.ts). */
export const dataset = {
  register: (actor: Actor, system: SystemRecord, input: DatasetInput, id: string, now: string): Transition<Dataset> =>
    changeOf('Dataset', undefined, registerDataset(actor, system, input, id, now), 'dataset.registered', '第13条'),
  carriedOver: (actor: Actor, system: SystemRecord, input: DatasetInput, id: string, now: string): Transition<Dataset> =>
    changeOf('Dataset', undefined, carriedOverDataset(actor, system, input, id, now), 'dataset.carriedOver', '附則第3項', { note: CARRIED_OVER_NOTE }),
};
