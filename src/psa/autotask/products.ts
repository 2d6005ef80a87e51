// What a plan can map to: recurring Services first, then Products (reference §4.5). Ids carry the
// entity (`service:25`, `product:29683600`) since the two number independently.
import type { PsaPage, PsaProduct } from '../types.ts';
import { decodeNext, encodeNext, f, queryBody, queryPage, type Filter } from './query.ts';
import type { AutotaskSession } from './session.ts';
import { idOf, str, type Row } from './wire.ts';

const PAGE = 200;

function toProduct(entity: 'Services' | 'Products', r: Row): PsaProduct {
  return {
    id: `${entity === 'Services' ? 'service' : 'product'}:${idOf(r.id)}`,
    name: str(r.name),
    code: entity === 'Products' ? str(r.sku) || null : null,
    inactive: r.isActive === false,
  };
}

export async function listProducts(
  api: AutotaskSession,
  q: { name?: string; next?: string | null },
): Promise<PsaPage<PsaProduct>> {
  const filter: Filter[] = q.name?.trim() ? [f.contains('name', q.name.trim())] : [];
  const fields = ['id', 'name', 'isActive'];
  // `next` is a page link of one entity, or (u = '') the start of Products after the last Service.
  const token = q.next ? decodeNext(q.next) : null;
  const entity = token?.e === 'Products' ? 'Products' : 'Services';
  const body = queryBody(filter, PAGE, entity === 'Products' ? [...fields, 'sku'] : fields);
  const link = token && token.u !== '' ? encodeNext(token.u, token.b) : null;
  const page = await queryPage(api, entity, body, link);
  let next: string | null = null;
  if (page.next) {
    const n = decodeNext(page.next);
    next = encodeNext(n.u, n.b, { e: entity });
  } else if (entity === 'Services') {
    next = encodeNext('', body, { e: 'Products' });
  }
  return { items: page.items.map((r) => toProduct(entity, r)), next };
}
