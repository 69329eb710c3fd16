/**
 * ホームページシステム管理者 (第27条第3項): the homepage system's security checks, listed by the day each was made,
 * newest first; the latest is where the security stands. Key layout in README.md.
 */
import { HomepageSecurityCheck } from '../domain/homepageSystem';
import { OBJECT_PREFIX, Store, compact, fromItem } from './store';
import { Item, PageRequest, pageOf } from './table';

export const securityCheckKey = (id: string) => ({ pk: `${OBJECT_PREFIX.HomepageSecurityCheck}${id}`, sk: 'HPSEC' });

export function securityCheckItem(c: HomepageSecurityCheck): Item {
  return { ...securityCheckKey(c.id), entity: 'HomepageSecurityCheck', kindPk: 'HomepageSecurityCheck', kindSk: `${c.checkedOn}#${c.id}`, ...compact(c) };
}

export async function getSecurityCheck(store: Store, id: string): Promise<HomepageSecurityCheck | undefined> {
  const k = securityCheckKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<HomepageSecurityCheck>(item);
}

/** The checks, newest first (by the day made; of one day, the last recorded first). */
export async function listSecurityChecks(store: Store, request: PageRequest) {
  const p = await store.table.query({ index: 'byKind', partition: 'HomepageSecurityCheck', ...request, descending: true });
  store.prime(p.items);
  return pageOf(p, (i) => fromItem<HomepageSecurityCheck>(i));
}

/** The latest check: one Query of one item. */
export async function latestSecurityCheck(store: Store): Promise<HomepageSecurityCheck | undefined> {
  return (await listSecurityChecks(store, { first: 1 })).nodes[0];
}
