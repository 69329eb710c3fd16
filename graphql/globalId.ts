/** Opaque global ids: the type and the key of an object, encoded so clients treat them as opaque. */
import { KIND_NAMES } from '../functions/domain/kinds';

/** Every kind of object (declared once, functions/domain/kinds.ts), and the audit events that record their changes. */
export const NODE_TYPES = [...KIND_NAMES, 'AuditEvent'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** The longest global id accepted (an audit event's, which holds its object's key and its own, is the longest). */
export const MAX_GLOBAL_ID_LENGTH = 500;

/**
 * What a key may hold: printable ASCII without spaces (person and department ids, generated ids, `pk|sk` of an
 * audit event). Anything else — a NUL byte, a control character, text that is not UTF-8 — is no key of ours and
 * never reaches the store.
 */
const KEY = /^[\x21-\x7E]{1,400}$/;

/** The type and key of a global id, or undefined when it is not one of ours. */
export function fromGlobalId(id: string): { type: NodeType; key: string } | undefined {
  if (id.length > MAX_GLOBAL_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const type = text.slice(0, colon) as NodeType;
  const key = text.slice(colon + 1);
  if (!(NODE_TYPES as readonly string[]).includes(type) || !KEY.test(key)) return undefined;
  // One id per object: an id that does not encode back to itself (padding bits, another spelling) is not ours.
  if (toGlobalId(type, key) !== id) return undefined;
  return { type, key };
}
