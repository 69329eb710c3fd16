/**
 * Who may read what: one rule per kind of object, beside the write rules, citing the article that restricts it.
 * Every path to an object — `node`, `nodes`, every list, every nested field, the audit trail of the object and of a
 * person — asks this rule (functions/resolvers/reading.ts applies it to the whole schema). An object the viewer may
 * not read does not exist for them: it is null, or absent from the list, never refused with its contents beside.
 *
 * The register itself (systems, consultations, data, the homepage, mail addresses, operators, the server room,
 * oversight, the committee) is the city's shared record: every signed-in member of staff (職員等) reads it. What the
 * regulation keeps to named people is restricted here.
 */
import { AuditEvent } from './audit';
import { KINDS, Kind, ReadContext, ReadRule } from './kinds';
import { Actor, holds } from './people';
import { refuse } from './refusal';

export type { ReadContext, ReadRule } from './kinds';

/** The read rule of every kind, as declared with the kind (functions/domain/kinds.ts). */
export const READ_RULES = Object.fromEntries(Object.entries(KINDS).map(([kind, k]) => [kind, k.read])) as Record<Kind, ReadRule>;

/** Whether the viewer reads an object of this kind; `context` holds what the kind's rule needs (ReadRule.needsOwner). */
export function mayReadObject(viewer: Actor, type: Kind, object: object, now: string, context: ReadContext = {}): boolean {
  return READ_RULES[type].mayRead(viewer, object, now, context);
}

/** An audit event is readable exactly when its object is (the object as it is now is what the rule is asked of). */
export function mayReadAuditEvent(viewer: Actor, event: AuditEvent, object: object | undefined, now: string, context: ReadContext = {}): boolean {
  return !!object && mayReadObject(viewer, event.objectType, object, now, context);
}

/** What a person did (their audit trail) is read by that person, the system administrator and the general manager. */
export function assertMayReadActionsOf(viewer: Actor, personId: string, now: string): void {
  // 第4条
  if (personId !== viewer.person.id && !holds(viewer, 'SYSTEM_ADMINISTRATOR', now) && !holds(viewer, 'GENERAL_MANAGER', now)) {
    refuse('FORBIDDEN', ['職員が行ったことの記録は、本人、情報システム管理者又は総括管理責任者のみが参照できます。', 'Only the person, the system administrator or the general manager reads what a person did.'], '第4条', ['personId']);
  }
}
