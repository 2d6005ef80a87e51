// A connection's PSA companies (all of them, inactive and prospects included), read once and kept
// in the connection's cache, so matching hundreds of organizations costs a few list calls in all.
import { CachedValue } from '../psa/cached-value.ts';
import type { PsaCompany } from '../psa/types.ts';
import { connectionCache } from '../store/connection-cache.ts';
import type { Connection } from '../store/connections.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';

const DIRECTORY_TTL_MS = 30 * 60_000;
/** Past this many companies the directory is marked incomplete rather than read forever. */
const MAX_COMPANIES = 25_000;
const KEY = 'hub:companies';

export interface Directory {
  fetchedAt: string;
  complete: boolean;
  items: PsaCompany[];
}

export function companyDirectory(
  deps: SessionDeps,
  connection: Connection,
  refresh = false,
): Promise<Directory> {
  const cache = connectionCache(deps.db, deps.secrets, connection.id);
  return new CachedValue(cache, KEY, DIRECTORY_TTL_MS, async (): Promise<Directory> => {
    const client = await clientFor(deps, connection);
    const items: PsaCompany[] = [];
    let next: string | null = null;
    do {
      const page = await client.searchCompanies({ includeInactive: true, pageSize: 500, next });
      items.push(...page.items);
      next = page.next;
    } while (next && items.length < MAX_COMPANIES);
    return { fetchedAt: new Date().toISOString(), complete: next === null, items };
  }).get(refresh);
}
