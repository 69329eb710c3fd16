/**
 * The one write path. A mutation names the object it changes (or makes) and the domain transition; this loads the
 * object by its kind, checks the version the client saw, asks the transition, and commits what it returns — every
 * changed object at the version read, its audit event, the parts beside it — in one transaction through `mutate()`.
 *
 *   handler → resolver (decode the input, name the transition) → write.ts (load, version, transition)
 *     → domain (the rule, the article, the new record) → store/kinds.ts (items) → Store.commit (TransactWriteItems)
 */
import { eventOf } from '../domain/audit';
import { Transition, Versioned, atVersion } from '../domain/change';
import { Kind } from '../domain/kinds';
import { Actor } from '../domain/people';
import { exists } from '../domain/refusal';
import { RecordOf, changesOf, getObject } from '../store/kinds';
import { getPersonWithRoles } from '../store/people';
import { Context } from './context';
import { Outcome, keyOf, mutate, nameOf, newId } from './support';

/** The object of `kind` a client named by its global id in `field`, or NOT_FOUND naming that field. */
export async function load<K extends Kind>(ctx: Context, kind: K, id: string, field: string): Promise<RecordOf<K>> {
  const record = await getObject(ctx.store, kind, keyOf(id, kind, field));
  return exists(record, nameOf(kind), [field]);
}

/** Like `load`, for an input field the client may leave out. */
export async function loadOptional<K extends Kind>(ctx: Context, kind: K, id: string | null | undefined, field: string): Promise<RecordOf<K> | undefined> {
  return id ? load(ctx, kind, id, field) : undefined;
}

/** A transition as the writes and audit events of one transaction, the payload built from the object it is about. */
export function outcomeOf<P>(ctx: Context, t: Transition, now: string, payload: (record: never) => P): Outcome<P> {
  return {
    payload: (payload as (record: Versioned) => P)(t.record),
    changes: changesOf(t),
    events: t.changes.map((c) => eventOf(c, ctx.viewer.person.id, now, newId(now))),
  };
}

type Payload<P> = (record: never) => P;

/** What a transition needs beside the time: the id of a new object, where it makes one. */
type Step<T> = (now: string, id: string) => T | Promise<T>;

/** A mutation that makes something new: the transition loads what it needs and makes the object's first version. */
export function create<P extends object>(ctx: Context, transition: Step<Transition>, payload: Payload<P>) {
  return mutate(ctx, async (now) => outcomeOf(ctx, await transition(now, newId(now)), now, payload));
}

/**
 * A mutation that changes one object: loaded by its kind from the global id in `field`, at the version the client
 * saw (`expectedVersion`, STALE_VERSION otherwise), then changed by the transition.
 */
export function change<K extends Kind, P extends object>(
  ctx: Context,
  target: { kind: K; id: string; field: string; expectedVersion?: number },
  transition: (record: RecordOf<K>, now: string, id: string) => Transition | Promise<Transition>,
  payload: Payload<P>,
) {
  return mutate(ctx, async (now) => {
    const record = await load(ctx, target.kind, target.id, target.field);
    const t = await atVersion(record as Versioned, target.expectedVersion, () => transition(record, now, newId(now)));
    return outcomeOf(ctx, t, now, payload);
  });
}

/** A person named by the client, with the roles they hold (for a rule about whom an action names). */
export async function loadActor(ctx: Context, id: string, field: string): Promise<Actor> {
  return exists(await getPersonWithRoles(ctx.store, keyOf(id, 'Person', field)), nameOf('Person'), [field]);
}
