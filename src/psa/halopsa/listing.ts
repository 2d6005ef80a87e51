// Halo's list calls (reference §3): `pageinate=true&page_size=N&page_no=P` (Halo's spelling),
// `record_count` the total across pages, and two shapes — a wrapper `{record_count, <key>: [...]}`
// for Tickets/Client/Users/Item/… and a bare array for Status/Priority/TicketType/Agent (and
// probably Team/Category/SLA). Every list call accepts either.
import type { RequestOptions } from '../http.ts';
import type { PsaPage } from '../types.ts';
import type { HaloSession } from './session.ts';
import type { Row } from './wire.ts';

/** Largest page the hub asks for: `/Tickets` clamps to 100 (SPEC), and §3.1 advises ≤100 everywhere. */
export const MAX_PAGE_SIZE = 100;
/** A safety stop for walking every page of a list. */
const MAX_PAGES = 200;

type Query = NonNullable<RequestOptions['query']>;

/** The rows of a list answer, wrapped or bare. */
export function unwrap(body: unknown, key: string): { rows: Row[]; recordCount: number | null } {
  if (Array.isArray(body)) return { rows: body as Row[], recordCount: null };
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const rows = Array.isArray(b[key]) ? (b[key] as Row[]) : [];
    const rc = Number(b.record_count);
    return { rows, recordCount: Number.isFinite(rc) ? rc : null };
  }
  return { rows: [], recordCount: null };
}

/** Encode where the next page starts; opaque to the hub. */
function nextToken(pageNo: number): string {
  return `p${pageNo}`;
}

export function pageFrom(next: string | null | undefined): number {
  const m = /^p(\d+)$/.exec(next ?? '');
  return m ? Math.max(1, Number(m[1])) : 1;
}

/** One page of a list. */
export async function listPage(
  api: HaloSession,
  path: string,
  key: string,
  query: Query,
  pageNo: number,
  pageSize: number,
): Promise<PsaPage<Row>> {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, pageSize));
  const body = await api.get(path, { ...query, pageinate: true, page_size: size, page_no: pageNo });
  const { rows, recordCount } = unwrap(body, key);
  const more = recordCount !== null ? pageNo * size < recordCount : rows.length >= size;
  return { items: rows, next: more && rows.length > 0 ? nextToken(pageNo + 1) : null };
}

/** Every row of a list, page by page. */
export async function listAll(
  api: HaloSession,
  path: string,
  key: string,
  query: Query = {},
): Promise<Row[]> {
  const out: Row[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const p = await listPage(api, path, key, query, page, MAX_PAGE_SIZE);
    out.push(...p.items);
    if (p.next === null) break;
  }
  return out;
}

/** A lookup list (bare array in practice, wrapped tolerated), without paging. */
export async function listLookup(
  api: HaloSession,
  path: string,
  key: string,
  query: Query = {},
): Promise<Row[]> {
  return unwrap(await api.get(path, query), key).rows;
}
