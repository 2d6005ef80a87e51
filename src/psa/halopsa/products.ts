// Products are Halo Items (reference §4.16): `{record_count, items}`, searched with `search`, the
// item's own code in `internalreference`.
import type { PsaPage, PsaProduct } from '../types.ts';
import { listPage, pageFrom } from './listing.ts';
import type { HaloSession } from './session.ts';
import { haloOwnId, str, type Row } from './wire.ts';

export function toProduct(r: Row): PsaProduct {
  return {
    id: haloOwnId(r.id),
    name: str(r.name).trim(),
    code: str(r.internalreference).trim() || null,
    inactive: r.inactive === true,
  };
}

export async function listProducts(
  api: HaloSession,
  q: { name?: string; next?: string | null },
): Promise<PsaPage<PsaProduct>> {
  const query = { search: q.name?.trim() || undefined, order: 'name' };
  const page = await listPage(api, 'Item', 'items', query, pageFrom(q.next), 100);
  return { items: page.items.map(toProduct), next: page.next };
}
