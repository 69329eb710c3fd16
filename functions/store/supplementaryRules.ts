/**
 * 第35条に基づく定め: one item per version of a rule, all in one partition of byKind sorted by number then version, so
 * the register is one Query and the versions of one rule a prefix of it. Key layout in README.md.
 */
import { RuleVersions, SupplementaryRule } from '../domain/supplementaryRules';
import { OBJECT_PREFIX, Store, compact, fromItem } from './store';
import { Item, PageRequest, pageOf } from './table';

const PARTITION = 'SupplementaryRule';
const numberKey = (n: number) => String(n).padStart(6, '0');

export const supplementaryRuleKey = (id: string) => ({ pk: `${OBJECT_PREFIX.SupplementaryRule}${id}`, sk: 'SUPPRULE' });

export function supplementaryRuleItem(r: SupplementaryRule): Item {
  return { ...supplementaryRuleKey(r.id), entity: 'SupplementaryRule', kindPk: PARTITION, kindSk: `${numberKey(r.number)}#${String(r.revision).padStart(4, '0')}`, ...compact(r) };
}

export async function getSupplementaryRule(store: Store, id: string): Promise<SupplementaryRule | undefined> {
  const k = supplementaryRuleKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<SupplementaryRule>(item);
}

/** Every version, by number and then version. */
export async function listSupplementaryRules(store: Store, request: PageRequest) {
  const p = await store.table.query({ index: 'byKind', partition: PARTITION, ...request });
  store.prime(p.items);
  return pageOf(p, (i) => fromItem<SupplementaryRule>(i));
}

/** The versions of one rule, beside them: `SUPPRULE#<number>` / `VERSIONS` (no index). */
export const ruleVersionsKey = (number: number) => ({ pk: `${OBJECT_PREFIX.SupplementaryRule}${number}`, sk: 'VERSIONS' });

export function ruleVersionsItem(v: RuleVersions): Item {
  return { ...ruleVersionsKey(v.number), entity: 'SupplementaryRuleVersions', ...compact(v) };
}

export async function getRuleVersions(store: Store, number: number): Promise<RuleVersions | undefined> {
  const k = ruleVersionsKey(number);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<RuleVersions>(item);
}

/** The number of the last rule set; 0 when none has been. */
export async function lastRuleNumber(store: Store): Promise<number> {
  const p = await store.table.query({ index: 'byKind', partition: PARTITION, first: 1, descending: true });
  return p.items.length ? fromItem<SupplementaryRule>(p.items[0]).number : 0;
}
