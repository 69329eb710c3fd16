/**
 * What the demo city's seed writes: each step a domain transition (functions/domain/change.ts), turned into the
 * writes of one transaction by the store (`changesOf`) and into its audit events (`eventOf`), like any other change.
 * Event ids and times are fixed by the seed, so the demo city comes out the same every time it is seeded.
 */
import { AuditEvent, eventOf } from '../../domain/audit';
import { Transition, Versioned, changeOf } from '../../domain/change';
import { Kind } from '../../domain/kinds';
import { changesOf } from '../../store/kinds';
import { Change } from '../../store/store';

export interface SeedBatch {
  changes: Change[];
  events: AuditEvent[];
}

/** The system administrator seeds the demo city. */
export const SEED_ACTOR = 'soumu-director';

const SEED_NOTE = 'デモ市の初期データ。 / Demo city seed.';

/** An object the seed makes: its first version, recorded as `<kind>.seeded` (`homepageCategory.seeded`). */
export function seedOf<R extends Versioned>(kind: Kind, record: R): Transition<R> {
  return changeOf(kind, undefined, record, `${kind.charAt(0).toLowerCase()}${kind.slice(1)}.seeded`);
}

/**
 * A transition of the seed as one batch: its writes, and the audit event of each of its changes made by `actor` at
 * `now` with the seed's note, with the id `ids` gives it (one per change, in order). A seeded object (one without
 * `before`) is recorded whole, its version and `updatedAt` included, as the seed has always recorded it.
 */
export function seeded(t: Transition, now: string, ids: string | string[], actor = SEED_ACTOR): SeedBatch {
  const eventIds = typeof ids === 'string' ? [ids] : ids;
  if (eventIds.length !== t.changes.length) throw new Error(`${t.changes.length} changes, ${eventIds.length} event ids`);
  return {
    changes: changesOf(t),
    events: t.changes.map((c, i) => {
      const event = eventOf({ ...c, note: SEED_NOTE }, actor, now, eventIds[i]);
      return c.before ? event : { ...event, after: { ...c.after } };
    }),
  };
}
