/**
 * Idempotency records: the payload a mutation returned, kept a day under the key the client sent
 * (`Idempotency-Key`), so a retried request has one effect and gets the same answer. The record is written in the
 * same transaction as the change it answers: either both exist or neither.
 */
import { Store } from './store';
import { Item } from './table';
import { TTL_ATTRIBUTE } from './tableSchema';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export interface IdempotencyClaim {
  personId: string;
  key: string;
  /** The mutation's place in the request (0, 1, …): one request may hold several, run in order. */
  path: string;
  /** A hash of the mutation's arguments: the same key with other input is a client error. */
  hash: string;
}

export interface IdempotencyRecord {
  hash: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

const keyOf = (c: IdempotencyClaim) => ({ pk: `IDEMPOTENCY#${c.personId}#${c.key}`, sk: `RESPONSE#${c.path}` });

export async function getIdempotencyRecord(store: Store, claim: IdempotencyClaim): Promise<IdempotencyRecord | undefined> {
  const k = keyOf(claim);
  const item = await store.table.get(k.pk, k.sk);
  if (!item) return undefined;
  // DynamoDB deletes expired items within a few days, not at once: an expired record no longer counts.
  if (Number(item[TTL_ATTRIBUTE]) * 1000 < Date.now()) return undefined;
  return { hash: String(item.hash), payload: item.payload as Record<string, unknown>, createdAt: String(item.createdAt) };
}

export function idempotencyItem(claim: IdempotencyClaim, payload: object, now: string): Item {
  return {
    ...keyOf(claim),
    entity: 'IdempotencyRecord',
    hash: claim.hash,
    payload,
    createdAt: now,
    [TTL_ATTRIBUTE]: Math.floor(Date.parse(now) / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
}
