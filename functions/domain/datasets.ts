/**
 * データ (第2条第10号, 第13条): the datasets a system holds, owned by the system's department. Who may use another
 * department's data is in dataUse.ts (第14条); what leaves the city, in externalProvision.ts (第15条).
 */
import { Transition, changeOf } from './change';
import { Actor } from './people';
import { refuse } from './refusal';
import { SystemRecord, assertOwningManager } from './systems';

export interface Dataset {
  id: string;
  systemId: string;
  /** The department that holds the data (所管する主管課): the owning department of its system. */
  departmentId: string;
  name: string;
  description?: string;
  /** 個人情報 (第2条第2号) is held. */
  containsPersonalInformation: boolean;
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
};
