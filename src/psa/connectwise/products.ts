// Products from the catalog (`/procurement/catalog`, reference §7.6): `identifier` is the code,
// `description` the name a partner recognises.
import type { PsaPage, PsaProduct } from '../types.ts';
import type { CwSession } from './auth.ts';
import { contains, or } from './conditions.ts';
import { listPage, pageOf } from './paging.ts';
import { str, type Row } from './wire.ts';

export function toProduct(r: Row): PsaProduct {
  return {
    id: str(r.id),
    name: str(r.description) || str(r.identifier),
    code: str(r.identifier) || null,
    inactive: r.inactiveFlag === true,
  };
}

export async function listProducts(
  api: CwSession,
  q: { name?: string; next?: string | null; pageSize?: number },
): Promise<PsaPage<PsaProduct>> {
  const name = q.name?.trim();
  const p = await listPage(
    api,
    'procurement/catalog',
    {
      ...(name ? { conditions: or(contains('description', name), contains('identifier', name)) } : {}),
      orderBy: 'description asc, id asc',
      fields: 'id,identifier,description,inactiveFlag',
    },
    pageOf(q.next),
    q.pageSize ?? 100,
  );
  return { items: p.items.map(toProduct), next: p.next };
}
