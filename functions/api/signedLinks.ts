/**
 * Short-lived signed links: a browser that opens a link carries no bearer token, so the link itself says who asked
 * and until when, signed with HMAC-SHA256 under the table's link signing key (functions/store/linkSigningKey.ts,
 * cached per container). `?v=<viewer person id>&e=<expiry, seconds since the epoch>&s=<signature>`. Whoever serves a
 * link checks the signature and the expiry here, then reads the viewer afresh and asks the object's read rule again.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Store } from '../store/store';
import { linkSigningKey } from '../store/linkSigningKey';

/** How long a link stays valid. */
export const LINK_TTL_SECONDS = 10 * 60;

const keys = new Map<string, Promise<Buffer>>();

/** The signing key of the store's table: read (or made) once per container. */
export function signingKey(store: Store): Promise<Buffer> {
  const cached = keys.get(store.table.name);
  if (cached) return cached;
  const key = linkSigningKey(store, () => randomBytes(32), new Date().toISOString());
  keys.set(store.table.name, key);
  // A failed read is not kept: the next link tries again.
  key.catch(() => keys.delete(store.table.name));
  return key;
}

/** `resource` names what the link opens (its path and what else selects the document), so a signature fits one link only. */
function signature(key: Buffer, resource: string, viewerId: string, expires: number): string {
  return createHmac('sha256', key).update(`${resource}\n${viewerId}\n${expires}`).digest('base64url');
}

/** The query of a link to `resource` for this viewer, valid LINK_TTL_SECONDS from `nowMs`. */
export async function signedQuery(store: Store, resource: string, viewerId: string, nowMs: number): Promise<URLSearchParams> {
  const expires = Math.floor(nowMs / 1000) + LINK_TTL_SECONDS;
  return new URLSearchParams({ v: viewerId, e: String(expires), s: signature(await signingKey(store), resource, viewerId, expires) });
}

/** The viewer a link was made for, when its signature holds and it has not expired; otherwise undefined. */
export async function verifiedViewer(store: Store, resource: string, query: URLSearchParams, nowMs: number): Promise<string | undefined> {
  const viewerId = query.get('v');
  const expires = Number(query.get('e'));
  const given = Buffer.from(query.get('s') ?? '', 'base64url');
  if (!viewerId || !Number.isSafeInteger(expires) || expires * 1000 <= nowMs || expires * 1000 > nowMs + LINK_TTL_SECONDS * 1000 + 60_000) return undefined;
  const expected = Buffer.from(signature(await signingKey(store), resource, viewerId, expires), 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? viewerId : undefined;
}
