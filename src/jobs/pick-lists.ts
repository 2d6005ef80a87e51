// A connection's pick lists as the portal and ticket settings read them: cached for all processes,
// read again on request, and every read of the PSA recorded in the connection's health.
import { CachedValue } from '../psa/cached-value.ts';
import type { PickLists } from '../psa/types.ts';
import { connectionCache } from '../store/connection-cache.ts';
import { recordHealth, type Connection } from '../store/connections.ts';
import { asAppError } from './connect.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';

/** Pick lists change rarely; a ticket must not cost a lookup. */
export const PICK_LIST_TTL_MS = 15 * 60_000;

export function pickListsOf(
  deps: SessionDeps,
  connection: Connection,
  refresh = false,
): Promise<{ fetchedAt: string; lists: PickLists }> {
  const read = async () => {
    try {
      const lists = await (await clientFor(deps, connection)).pickLists();
      await recordHealth(deps.db, connection.id, { ok: true });
      return { fetchedAt: new Date().toISOString(), lists };
    } catch (err) {
      await recordHealth(deps.db, connection.id, { ok: false, error: (err as Error).message });
      throw asAppError(err);
    }
  };
  const cache = connectionCache(deps.db, deps.secrets, connection.id);
  return new CachedValue(cache, 'hub:pick-lists', PICK_LIST_TTL_MS, read).get(refresh);
}
