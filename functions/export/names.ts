/** The names a row shows beside the ids it holds (a department's, a person's, a system's), read in one batch a page. */
import { getDepartment, getPerson } from '../store/people';
import { getSystem } from '../store/systems';
import { Store } from '../store/store';

export const departmentName = async (store: Store, id: string | undefined) => (id ? (await getDepartment(store, id))?.name ?? id : undefined);
export const personName = async (store: Store, id: string | undefined) => (id ? (await getPerson(store, id))?.name ?? id : undefined);
export const systemName = async (store: Store, id: string | undefined) => (id ? (await getSystem(store, id))?.name ?? id : undefined);

/** Each item of a page with what its row shows beside it, read together (the store batches the reads of one tick). */
export function withNames<T, N>(items: T[], names: (item: T) => Promise<N>): Promise<(N & { item: T })[]> {
  return Promise.all(items.map(async (item) => ({ ...(await names(item)), item })));
}
