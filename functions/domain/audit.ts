/**
 * The audit trail: every change records who, when, what, and the values before and after. It is written in the
 * same transaction as the change itself (functions/store), so neither exists without the other.
 */
import { Changed } from './change';
import { KIND_NAMES, Kind } from './kinds';

/** Every kind of object is audited (functions/domain/kinds.ts). */
export const AUDITED_TYPES: readonly Kind[] = KIND_NAMES;
export type AuditedType = Kind;

export interface AuditEvent {
  id: string;
  objectType: AuditedType;
  objectId: string;
  /** What happened, e.g. `system.registered`, `consultation.decided`. */
  action: string;
  actorId: string;
  at: string;
  /** The article under which the change was made, where one applies (`第8条ただし書` for an exempt change). */
  article?: string;
  note?: string;
  /** 職務代理: the role holder in whose place the actor acted (代決). */
  actingFor?: string;
  /** The changed fields only: their values before and after. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const IGNORED = new Set(['version', 'updatedAt']);

/** The fields that differ between two versions of an object, as `before`/`after` maps. */
export function diff(before: object | undefined, after: object): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (IGNORED.has(key)) continue;
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) {
      if (key in b && b[key] !== undefined) out.before[key] = b[key];
      if (key in a && a[key] !== undefined) out.after[key] = a[key];
    }
  }
  return out;
}

/** The audit event of one change of a transition (functions/domain/change.ts), made by `actorId` at `now`. */
export function eventOf(c: Changed, actorId: string, now: string, id: string): AuditEvent {
  return {
    id,
    objectType: c.kind,
    objectId: c.after.id,
    action: c.action,
    actorId,
    at: now,
    ...(c.recorded ? diff(c.recorded.before, c.recorded.after) : diff(c.before, c.after)),
    ...(c.article !== undefined ? { article: c.article } : {}),
    ...(c.note !== undefined ? { note: c.note } : {}),
    ...(c.actingFor !== undefined ? { actingFor: c.actingFor } : {}),
  };
}
