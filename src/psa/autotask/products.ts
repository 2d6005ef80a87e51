// What a plan can map to: recurring Services only. A plan's quantity goes on a Recurring Service
// contract, and Autotask adds only Services there (a Product answers 422 "only Autotask Services
// can be added to a Recurring Service contract", reference §4.5); Service Bundles the hub does not
// bill. Ids carry the entity (`service:25`) so a `product:N` id mapped earlier is still told apart.
import type { PsaPage, PsaProduct } from '../types.ts';
import { f, queryBody, queryPage, type Filter } from './query.ts';
import type { AutotaskSession } from './session.ts';
import { idOf, str, type Row } from './wire.ts';

const PAGE = 200;

function toProduct(r: Row): PsaProduct {
  return { id: `service:${idOf(r.id)}`, name: str(r.name), code: null, inactive: r.isActive === false };
}

export async function listProducts(
  api: AutotaskSession,
  q: { name?: string; next?: string | null },
): Promise<PsaPage<PsaProduct>> {
  const filter: Filter[] = q.name?.trim() ? [f.contains('name', q.name.trim())] : [];
  const body = queryBody(filter, PAGE, ['id', 'name', 'isActive']);
  const page = await queryPage(api, 'Services', body, q.next ?? null);
  return { items: page.items.map(toProduct), next: page.next };
}
