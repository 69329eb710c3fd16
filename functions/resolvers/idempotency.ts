/**
 * `Idempotency-Key`: a client that may retry a request (a timeout, a dropped connection) sends a key of its
 * choosing; each mutation in the request then has one effect however often it is sent, and the retry gets the
 * first answer. The request's fingerprint tells a retry from other input under the same key; `mutate` keeps and
 * finds the payload, by the mutation's place in the request (mutations run one after another, in order).
 */
import { createHash } from 'node:crypto';
import type { IdempotencyClaim } from '../store/idempotency';
import { Context } from './context';

/** JSON with object keys sorted, so the same input hashes alike whatever order the client wrote it in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What identifies a request's input: its document, operation and variables. */
export function requestFingerprint(query: string, operationName: string | undefined | null, variables: unknown): string {
  return createHash('sha256').update(`${operationName ?? ''}\n${query}\n${canonical(variables ?? {})}`).digest('base64url');
}

/** The claim of the next mutation in the request, when the client sent a key; one call per mutation. */
export function nextClaim(ctx: Context): IdempotencyClaim | undefined {
  if (!ctx.idempotencyKey || !ctx.requestFingerprint) return undefined;
  const path = String(ctx.mutationsRun);
  ctx.mutationsRun += 1;
  return { personId: ctx.viewer.person.id, key: ctx.idempotencyKey, path, hash: ctx.requestFingerprint };
}
