/**
 * 電子計算機器 (第2条第8号): the register of equipment, in the order registered, and each system's equipment.
 * Key layout in README.md.
 */
import { Equipment } from '../domain/equipment';
import { OBJECT_PREFIX, Store, compact, fromItem } from './store';
import { Item, PageRequest, pageOf } from './table';

export const equipmentKey = (id: string) => ({ pk: `${OBJECT_PREFIX.Equipment}${id}`, sk: 'EQUIP' });

export function equipmentItem(e: Equipment): Item {
  return { ...equipmentKey(e.id), entity: 'Equipment', kindPk: 'Equipment', kindSk: e.id, subjectPk: `SYSTEM#${e.systemId}`, subjectSk: `EQUIP#${e.id}`, ...compact(e) };
}

export async function getEquipment(store: Store, id: string): Promise<Equipment | undefined> {
  const k = equipmentKey(id);
  const item = await store.load(k.pk, k.sk);
  return item && fromItem<Equipment>(item);
}

/** The register (every system), or one system's equipment: in the order registered. */
export async function listEquipment(store: Store, request: PageRequest, systemId?: string) {
  const p = systemId
    ? await store.table.query({ index: 'bySubject', partition: `SYSTEM#${systemId}`, prefix: 'EQUIP#', ...request })
    : await store.table.query({ index: 'byKind', partition: 'Equipment', ...request });
  store.prime(p.items);
  return pageOf(p, (i) => fromItem<Equipment>(i));
}
