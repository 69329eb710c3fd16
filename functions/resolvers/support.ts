/** The few mechanics every resolver shares: ids, refusals as userErrors, and retrying writes that lost a race. */
import { randomBytes } from 'node:crypto';
import { AuditEvent } from '../domain/audit';
import { KINDS } from '../domain/kinds';
import { Name, Refusal, notAnIdOf } from '../domain/refusal';
import { apiError } from '../api/language';
import { InvalidCursor } from '../store/cursor';
import { ListPage, WriteConflict } from '../store/table';
import { Change } from '../store/store';
import { getIdempotencyRecord, idempotencyItem } from '../store/idempotency';
import { NodeType, fromGlobalId, toGlobalId } from '../../graphql/globalId';
import type { ConnectionShape } from '../../graphql/common';
import { UserError, UserErrorCode } from '../../graphql/common';
import { Context } from './context';
import { nextClaim } from './idempotency';

let lastMillis = 0;
let sequence = 0;

/**
 * A new id that sorts by creation time, and within one process by creation order even in the same millisecond
 * (so the audit events of one mutation keep their order).
 */
export function newId(now: string): string {
  const millis = Date.parse(now);
  sequence = millis === lastMillis ? sequence + 1 : 0;
  lastMillis = millis;
  return millis.toString(36).padStart(9, '0') + sequence.toString(36).padStart(3, '0') + randomBytes(4).toString('hex');
}

/** The key of a global id of the expected type, or a NOT_FOUND refusal naming the input field. */
export function keyOf(globalId: string, type: NodeType, field: string): string {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) notAnIdOf(nameOf(type), [field]);
  return decoded.key;
}

/** A kind of object as a message names it: its label in the city's words, and `VirusIncident` → `virus incident`. */
export function nameOf(type: NodeType): Name {
  const en = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return [type === 'AuditEvent' ? '監査記録' : KINDS[type].label, en];
}

export function globalId(type: NodeType, key: string): string {
  return toGlobalId(type, key);
}

/** A refusal as the userError a mutation answers, in the request's language, counted in the request's refusals. */
export function toUserError(r: Refusal, ctx: Pick<Context, 'language' | 'refusals'>): UserError {
  ctx.refusals.push(r.code);
  return { code: r.code as UserErrorCode, message: ctx.language === 'en' ? r.en : r.ja, article: r.article, field: r.field };
}

/**
 * Attempts of one mutation that keeps losing a race (or reading a half-committed view). Three see a race through:
 * the first loses, the second reads the winner's state and meets the rule that now refuses it (ALREADY_DECIDED,
 * STALE_VERSION), the third covers a check that collided with a transaction still in flight. Each attempt counts in
 * the request's estimate of DynamoDB calls (functions/api/dynamodbCalls.ts, MUTATION_ATTEMPTS), so more would
 * leave fewer mutations within the call budget.
 */
const MAX_ATTEMPTS = 3;

/** What a mutation decided: its payload, the objects it changes and the audit events that record them (write.ts). */
export interface Outcome<P> {
  payload: P;
  changes: Change[];
  events: AuditEvent[];
}


/**
 * Runs a mutation: read, apply the rules, then write the changes and their audit events in one transaction. A
 * refusal becomes a userError and nothing is written. When the write loses a race (a version condition failed,
 * or the transaction collided with another), the whole mutation runs again from fresh reads, so the loser meets
 * the rule that now refuses it (ALREADY_DECIDED, STALE_VERSION) instead of a fault. A refusal stands only when
 * everything it was computed from still holds, all at one moment (`Store.readsStillHold`): a run that read half of
 * a rival's transaction (the consultation before it, the system after it) would otherwise answer INVALID_STATE
 * where a consistent view says ALREADY_DECIDED; it runs again like a write that lost, within the same attempts.
 * With an `Idempotency-Key`, the payload is kept with the change, and a retry of the same request returns it
 * without a second effect.
 */
export async function mutate<P extends object>(
  ctx: Context,
  run: (now: string) => Promise<Outcome<P>>,
): Promise<P | { userErrors: UserError[] }> {
  const claim = nextClaim(ctx);
  for (let attempt = 1; ; attempt++) {
    try {
      ctx.store.trackReads();
      if (claim) {
        const earlier = await getIdempotencyRecord(ctx.store, claim);
        if (earlier) {
          if (earlier.hash !== claim.hash) {
            throw apiError(
              [
                'この Idempotency-Key は別の入力のリクエストに使われています。新しいリクエストには新しいキーを使ってください。',
                'This Idempotency-Key was used for a request with other input. Use a new key for a new request.',
              ],
              ctx.language,
              { extensions: { code: 'BAD_USER_INPUT', argumentName: 'input', http: { status: 422 } } },
            );
          }
          return earlier.payload as P;
        }
      }
      const now = ctx.clock();
      const { payload, changes, events } = await run(now);
      const answer = { ...payload, userErrors: [] };
      await ctx.store.commit(changes, events, claim ? [idempotencyItem(claim, answer, now)] : []);
      return answer;
    } catch (e) {
      // A refusal read from a torn or stale view is not an answer: run again, as after a lost write.
      if (e instanceof Refusal && (await ctx.store.readsStillHold())) return { userErrors: [toUserError(e, ctx)] };
      if (e instanceof Refusal || e instanceof WriteConflict) {
        ctx.store.forget();
        if (attempt < MAX_ATTEMPTS) {
          await new Promise((r) => setTimeout(r, Math.random() * 15 * attempt));
          continue;
        }
        return {
          userErrors: [
            toUserError(
              new Refusal('STALE_VERSION', [
                '他の人が同時にこの記録を更新しました。再読込してからやり直してください。',
                'Others changed this record at the same time. Reload it and try again.',
              ]),
              ctx,
            ),
          ],
        };
      }
      throw e;
    } finally {
      ctx.store.untrackReads();
    }
  }
}

/**
 * Runs a read; a bad argument (a cursor from another list, an id of the wrong type) is a clear client error, in the
 * request's language.
 */
export async function read<T>(ctx: Pick<Context, 'language'>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof InvalidCursor) {
      throw apiError(e.said, ctx.language, { extensions: { code: 'BAD_USER_INPUT', argumentName: e.argument } });
    }
    if (e instanceof Refusal) {
      const forbidden = e.code === 'FORBIDDEN' || e.code === 'WRONG_DEPARTMENT';
      throw apiError([e.ja, e.en], ctx.language, {
        extensions: forbidden
          ? { code: 'FORBIDDEN', article: e.article, http: { status: 403 } }
          : { code: 'BAD_USER_INPUT', argumentName: e.field?.[0], article: e.article },
      });
    }
    throw e;
  }
}

/** An instant a client sent (a `DateTimeISO` input), as stored: ISO-8601 in UTC. */
export const iso = (d: Date | string) => new Date(d).toISOString();

const actionSets = new WeakMap<Context, WeakMap<object, Map<Function, unknown>>>();

/**
 * What the viewer may do with an object, from the domain's action set for its kind, computed once per object per
 * request: every `viewerCan*` field of the object reads the same set.
 */
export function actionsOf<R extends object, A>(ctx: Context, record: R, actions: (viewer: Context['viewer'], record: R, now: string) => A): A {
  let byRecord = actionSets.get(ctx);
  if (!byRecord) actionSets.set(ctx, (byRecord = new WeakMap()));
  let sets = byRecord.get(record);
  if (!sets) byRecord.set(record, (sets = new Map()));
  if (!sets.has(actions)) sets.set(actions, actions(ctx.viewer, record, ctx.clock()));
  return sets.get(actions) as A;
}

/** The description of every mutation's one argument: what it holds is described on its input type. */
export const INPUT = '変更の内容(各項目の説明は入力型に記載)。 / What to change; each field is described on the input type.';

/** A page of nothing (a list the viewer has no part in). */
export const EMPTY_PAGE: ListPage<never> = { nodes: [], cursors: [], hasNextPage: false, hasPreviousPage: false };

/** Builds a connection from a page read from the store: every edge with its own cursor. */
export function connection<T>(page: ListPage<T>, totalCount?: number): ConnectionShape<T> {
  return {
    nodes: page.nodes,
    edges: page.nodes.map((node, i) => ({ node, cursor: page.cursors[i] })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.startCursor ?? page.cursors[0],
      endCursor: page.endCursor ?? page.cursors[page.cursors.length - 1],
    },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}
