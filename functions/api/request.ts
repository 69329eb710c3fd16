/** Checks on the raw request shared by the Lambda handler and the local server, before GraphQL sees it. */
import { CostMeter } from '../store/client';
import { LIMITS } from './server';
import { Language, Message, say } from './language';

export interface Rejection {
  status: number;
  /** The error's `extensions.code`. */
  code: string;
  body: string;
  headers: Record<string, string>;
}

function reject(status: number, code: string, message: Message, language: Language): Rejection {
  return {
    status,
    code,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    // Nothing reached DynamoDB; the cost is still reported, as on every response.
    body: JSON.stringify({
      errors: [{ message: say(message, language), extensions: { code } }],
      extensions: { cost: new CostMeter().snapshot() },
    }),
  };
}

/** A body over LIMITS.bodyBytes: 413, the same answer from the Lambda and the local server. */
export function tooLarge(language: Language): Rejection {
  return reject(
    413,
    'PAYLOAD_TOO_LARGE',
    [`リクエストの本文が ${LIMITS.bodyBytes} バイトを超えています。`, `The request body is larger than ${LIMITS.bodyBytes} bytes.`],
    language,
  );
}

/** Too large, or JSON that does not parse: a clear 4xx, never a fault. */
export function checkBody(body: string | undefined, contentType: string | undefined, language: Language): Rejection | undefined {
  if (!body) return undefined;
  if (Buffer.byteLength(body) > LIMITS.bodyBytes) return tooLarge(language);
  if (contentType?.toLowerCase().startsWith('application/json')) {
    try {
      JSON.parse(body);
    } catch {
      return reject(400, 'BAD_REQUEST', ['リクエストの本文が正しい JSON ではありません。', 'The request body is not valid JSON.'], language);
    }
  }
  return undefined;
}

// ─── An empty operation name is no operation name ───────────────────────────────────────────────────────────────
// GraphiQL (and other clients) send `"operationName": ""` for an anonymous operation such as `{ viewer { name } }`.
// GraphQL over HTTP: an operation name that is empty means none was given. Both entry points drop it before Apollo
// sees the request, so Apollo and its plugins meet an absent name, never "".

function withoutEmptyName(params: unknown): unknown {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return params;
  if ((params as { operationName?: unknown }).operationName !== '') return params;
  const { operationName: _empty, ...rest } = params as Record<string, unknown>;
  return rest;
}

/**
 * A parsed JSON POST body (or a batch of them) with `"operationName": ""` removed. Returns the body itself when
 * there is nothing to remove.
 */
export function normaliseOperationNameInBody<T>(body: T): T {
  if (Array.isArray(body)) {
    const out = body.map(withoutEmptyName);
    return (out.some((p, i) => p !== body[i]) ? out : body) as T;
  }
  return withoutEmptyName(body) as T;
}

/**
 * A query string (with or without its leading "?") with `operationName=` removed when every operationName in it is
 * empty. Other parameters are left exactly as written (no re-encoding).
 */
export function normaliseOperationNameInQuery(search: string): string {
  const question = search.startsWith('?') ? '?' : '';
  const raw = search.slice(question.length);
  if (!raw) return search;
  const parts = raw.split('&');
  const names = parts.map((part) => [...new URLSearchParams(part)][0] ?? ['', '']);
  const named = names.filter(([key]) => key === 'operationName');
  if (named.length === 0 || named.some(([, value]) => value !== '')) return search;
  const kept = parts.filter((_, i) => names[i][0] !== 'operationName');
  return kept.length > 0 ? question + kept.join('&') : '';
}
