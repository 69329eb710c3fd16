/** What every resolver receives: the signed-in viewer with their roles as the table says today, and the store. */
import type { GraphQLError } from 'graphql';
import { Actor } from '../domain/people';
import { Store } from '../store/store';
import type { Language } from '../api/language';

export interface Context {
  /** False for an unauthenticated request, which may only introspect the schema. */
  signedIn: boolean;
  viewer: Actor;
  store: Store;
  /** The current instant (ISO-8601, UTC); a function so retries and long requests see time move. */
  clock: () => string;
  requestId: string;
  /** The language of what the request is told (functions/api/language.ts): Japanese, or English on `Accept-Language: en`. */
  language: Language;
  /** Why the request may not proceed (an invalid token, an unknown person), raised once the operation is parsed. */
  rejection?: GraphQLError;
  /** The request's `Idempotency-Key` header, if the client sent one. */
  idempotencyKey?: string;
  /** The fingerprint of a mutation request sent with a key (resolvers/idempotency.ts). */
  requestFingerprint?: string;
  /** How many mutations of the request have run: a mutation's place in it. */
  mutationsRun: number;
  /** The codes of the userErrors the request's mutations answered, for the API function's Refusals metric. */
  refusals: string[];
}
