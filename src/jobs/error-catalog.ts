// The catalog tickets are written from: the built-in one merged with the vendor's, read at most
// every few seconds per process so a ticket costs no look-up.
import { defaultCatalog, mergeCatalog, type Catalog } from '../core/error-catalog.ts';
import type { Db } from '../store/db.ts';
import { getCatalogInput } from '../store/error-catalog.ts';

const TTL_MS = 5_000;
let cached: { until: number; catalog: Catalog } | undefined;

export async function currentCatalog(db: Db, now = Date.now()): Promise<Catalog> {
  if (cached && cached.until > now) return cached.catalog;
  const stored = await getCatalogInput(db);
  const catalog = stored ? mergeCatalog(defaultCatalog, stored.input) : defaultCatalog;
  cached = { until: now + TTL_MS, catalog };
  return catalog;
}

/** After the vendor changed it: this process reads it again at once. */
export function forgetCatalog(): void {
  cached = undefined;
}
