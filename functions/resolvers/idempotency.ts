/**
 * `Idempotency-Key`: a client that may retry a request (a timeout, a dropped connection) sends a key of its
 * choosing; each mutation in the request then has one effect however often it is sent, and the retry gets the
 * first answer. The claim is made here, for the mutation being resolved; `mutate` keeps and finds the payload.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareFn } from 'type-graphql';
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

export const IdempotencyMiddleware: MiddlewareFn<Context> = async ({ context, info, args }, next) => {
  if (info.parentType.name !== 'Mutation' || !context.idempotencyKey) return next();
  context.idempotency = {
    personId: context.viewer.person.id,
    key: context.idempotencyKey,
    path: String(info.path.key),
    hash: createHash('sha256').update(`${info.fieldName}:${canonical(args)}`).digest('base64url'),
  };
  try {
    return await next();
  } finally {
    context.idempotency = undefined;
  }
};
