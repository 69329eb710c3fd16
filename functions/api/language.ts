/**
 * The language the API speaks to a person: Japanese, the city staff's, always; English only when the client asks
 * for it with `Accept-Language: en` (the header's first language tag is `en` or `en-…`). The same rule on the Lambda
 * handler and on the local server, for userErrors, top-level errors and the answers given before GraphQL runs.
 *
 * The entry points read the header once per request: into the resolver Context (`Context.language`) and, for what
 * runs outside any resolver (Apollo's formatError, which sees no context), as the request's ambient language
 * (`speaking`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLError, GraphQLErrorOptions } from 'graphql';
import type { Message } from '../domain/refusal';

export type { Message };
export type Language = 'ja' | 'en';

type Headers = Record<string, string | string[] | undefined> | Iterable<[string, string]> | undefined | null;

function header(headers: Headers, name: string): string | undefined {
  if (!headers) return undefined;
  const entries: Iterable<[string, string | string[] | undefined]> =
    Symbol.iterator in headers ? (headers as Iterable<[string, string]>) : Object.entries(headers);
  for (const [key, value] of entries) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}

/** The language of a request from its headers: English when the first tag of `Accept-Language` is `en`, else Japanese. */
export function languageOf(headers: Headers): Language {
  const first = header(headers, 'accept-language')?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^en(-|$)/.test(first) ? 'en' : 'ja';
}

/** A message in the request's language. */
export function say(message: Message, language: Language): string {
  return language === 'en' ? message[1] : message[0];
}

const ambient = new AsyncLocalStorage<Language>();

/** Runs `run` (one request) in `language`, for the code that has no Context (formatError, Apollo's own errors). */
export function speaking<T>(language: Language, run: () => T): T {
  return ambient.run(language, run);
}

/** The language of the request being answered; Japanese outside any request. */
export function currentLanguage(): Language {
  return ambient.getStore() ?? 'ja';
}

/** Errors whose message the API wrote itself, in the request's language (the others are graphql-js's or Apollo's). */
const ours = new WeakSet<object>();

/** A top-level error in the request's language, marked as the API's own words. */
export function apiError(message: Message, language: Language, options?: GraphQLErrorOptions): GraphQLError {
  const error = new GraphQLError(say(message, language), options);
  ours.add(error);
  return error;
}

/** Whether the API wrote this error's message (following `originalError`: graphql-js wraps a resolver's error). */
export function isOurs(error: unknown): boolean {
  for (let e = error; typeof e === 'object' && e !== null; e = (e as { originalError?: unknown }).originalError) {
    if (ours.has(e)) return true;
  }
  return false;
}

/**
 * A message of graphql-js or Apollo about the request itself (a syntax error, an unknown field, a variable of the
 * wrong type): left in their English, since it speaks of the document (the developer's, not the staff's) in
 * GraphQL's own terms, with a Japanese lead so a person sees at once what happened.
 */
export function aboutTheRequest(message: string): Message {
  return [`リクエストが正しくありません: ${message}`, message];
}
