// Lists are bare arrays paged with `page` (from 1) and `pageSize` (≤ 1000), and the answer's
// RFC 5988 `Link` header has a `rel="next"` only when another page exists (reference §3.1). The
// hub's opaque `next` is the next page number.
import { PsaError } from '../errors.ts';
import type { PsaPage } from '../types.ts';
import type { CwSession } from './auth.ts';
import type { Row } from './wire.ts';

export const MAX_PAGE_SIZE = 1000;

export interface ListQuery {
  conditions?: string;
  childConditions?: string;
  orderBy?: string;
  fields?: string;
}

/** Whether a Link header names a next page. */
export function hasNext(link: string | null): boolean {
  return link !== null && /rel="?next"?/i.test(link);
}

export function pageOf(next: string | null | undefined): number {
  if (next === undefined || next === null || next === '') return 1;
  if (!/^\d{1,6}$/.test(next) || Number(next) < 1) {
    throw new PsaError('validation', 'The paging token is not one the hub gave out', {
      fields: { next: 'unknown token' },
    });
  }
  return Number(next);
}

export async function listPage(
  api: CwSession,
  path: string,
  q: ListQuery,
  page: number,
  pageSize: number,
): Promise<PsaPage<Row>> {
  const size = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(pageSize)));
  const res = await api.request<Row[]>('GET', path, { query: { ...q, page, pageSize: size } });
  const items = Array.isArray(res.body) ? res.body : [];
  // Without a Link header, a full page may still have a successor.
  const link = res.headers.get('link');
  const more = link !== null ? hasNext(link) : items.length === size;
  return { items, next: more && items.length > 0 ? String(page + 1) : null };
}

/** Every row (up to `limit`), a page at a time. */
export async function listAll(
  api: CwSession,
  path: string,
  q: ListQuery = {},
  opts: { pageSize?: number; limit?: number } = {},
): Promise<Row[]> {
  const out: Row[] = [];
  const limit = opts.limit ?? 20_000;
  for (let page = 1; ; page++) {
    const p = await listPage(api, path, q, page, opts.pageSize ?? MAX_PAGE_SIZE);
    out.push(...p.items);
    if (p.next === null || out.length >= limit) return out.slice(0, limit);
  }
}
