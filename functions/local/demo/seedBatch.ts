/** What the demo city's seed writes: batches of changes with their audit events, committed one transaction each. */
import { AuditEvent, AuditedType } from '../../domain/audit';
import { Change } from '../../store/store';

export interface SeedBatch {
  changes: Change[];
  events: AuditEvent[];
}

/** The system administrator seeds the demo city. */
export const SEED_ACTOR = 'soumu-director';

/** The audit event of a seeded object; `key` makes its id unique (e.g. `homepage-3`). */
export function seedEvent(objectType: AuditedType, objectId: string, after: object, now: string, key: string): AuditEvent {
  return {
    id: `seed-${key}`,
    objectType,
    objectId,
    action: `${objectType.charAt(0).toLowerCase()}${objectType.slice(1)}.seeded`,
    actorId: SEED_ACTOR,
    at: now,
    note: 'デモ市の初期データ。 / Demo city seed.',
    before: {},
    after: after as Record<string, unknown>,
  };
}
