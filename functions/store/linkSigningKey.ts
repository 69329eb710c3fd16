/**
 * The key that signs short-lived links (functions/api/signedLinks.ts): 32 random bytes kept as one item of the table,
 * `CONFIG#LINK_SIGNING_KEY` / `KEY`, made on first use with a conditional put. Two containers racing to make it: one
 * put wins, the other's condition fails and it reads the winner's key, so both sign with the same one.
 */
import { Store } from './store';

export const LINK_SIGNING_KEY = { pk: 'CONFIG#LINK_SIGNING_KEY', sk: 'KEY' } as const;

/** The key as stored, or, when there is none yet, `fresh` stored as the key unless another was stored first. */
export async function linkSigningKey(store: Store, fresh: () => Buffer, now: string): Promise<Buffer> {
  const found = await store.load(LINK_SIGNING_KEY.pk, LINK_SIGNING_KEY.sk);
  if (found) return Buffer.from(found.key as string, 'base64');
  const key = fresh();
  if (await store.table.putIf({ item: { ...LINK_SIGNING_KEY, key: key.toString('base64'), createdAt: now } })) return key;
  const winner = await store.table.get(LINK_SIGNING_KEY.pk, LINK_SIGNING_KEY.sk);
  if (!winner) throw new Error('the link signing key was neither written nor found');
  return Buffer.from(winner.key as string, 'base64');
}
