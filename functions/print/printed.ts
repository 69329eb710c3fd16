/** What each printable object declares: its kind, the ids it names (read before rendering), and its page. */
import type { Kind } from '../domain/kinds';
import type { Refs, Related } from './layout';

export interface Printed<R> {
  kind: Kind;
  /** The ids of the objects the page names, read before it is rendered. */
  refs(record: R): Refs;
  /** The whole HTML page. */
  render(record: R, related: Related): string;
}

/** The ids several parts of a page name, together. */
export function mergeRefs(...all: Refs[]): Refs {
  const out: Refs = {};
  for (const refs of all) {
    for (const [key, ids] of Object.entries(refs) as [keyof Refs, (string | undefined)[]][]) out[key] = [...(out[key] ?? []), ...ids];
  }
  return out;
}
