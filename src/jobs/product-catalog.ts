// A connection's product catalog (products, services, items), read once and kept in the connection's
// cache: plan mapping lists and checks products without a PSA round trip for each.
import { CachedValue } from '../psa/cached-value.ts';
import type { PsaProduct } from '../psa/types.ts';
import { connectionCache } from '../store/connection-cache.ts';
import type { Connection } from '../store/connections.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';

const CATALOG_TTL_MS = 60 * 60_000;
/** Enough for any MSP catalog we know of; past it the list is marked incomplete. */
const MAX_PRODUCTS = 10_000;
const KEY = 'hub:products';

export interface Catalog {
  fetchedAt: string;
  complete: boolean;
  items: PsaProduct[];
}

export function productCatalog(deps: SessionDeps, connection: Connection, refresh = false): Promise<Catalog> {
  const cache = connectionCache(deps.db, deps.secrets, connection.id);
  return new CachedValue(cache, KEY, CATALOG_TTL_MS, async (): Promise<Catalog> => {
    const client = await clientFor(deps, connection);
    const items: PsaProduct[] = [];
    let next: string | null = null;
    do {
      const page = await client.listProducts({ next });
      items.push(...page.items);
      next = page.next;
    } while (next && items.length < MAX_PRODUCTS);
    return { fetchedAt: new Date().toISOString(), complete: next === null, items };
  }).get(refresh);
}

/** The product with this id on the connection, reading the catalog again once if it is not known. */
export async function findProduct(deps: SessionDeps, connection: Connection, productId: string) {
  const find = (c: Catalog) => c.items.find((p) => p.id === productId);
  return find(await productCatalog(deps, connection)) ?? find(await productCatalog(deps, connection, true));
}
