// Paging (reference §3.1 [S1, S3]): `page` from 1, `pageSize` default 25 and at most 1,000 (a larger
// value is clamped — whether the server clamps or refuses is unconfirmed, §13). Navigable paging
// answers an RFC 5988 `Link` header with absolute URLs: `first`/`prev` only after page 1,
// `next`/`last` only before the last page. Forward-only paging (header `pagination-type:
// forward-only`) ignores `page`, refuses `orderBy`, orders by id, treats `pageId` as `id > pageId`
// and links the next `pageId` while rows remain.
import { fail } from './errors.ts';
import type { Row } from './conditions.ts';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 1000;

export interface PageRequest {
  origin: string;
  path: string;
  query: URLSearchParams;
  forwardOnly: boolean;
}

function intParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name) ?? query.get(name.toLowerCase());
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) fail(400, 'InvalidObject', `The value '${raw}' is not valid for ${name}.`);
  return n;
}

export function pageSizeOf(query: URLSearchParams): number {
  const size = intParam(query, 'pageSize');
  if (size === undefined || size <= 0) return DEFAULT_PAGE_SIZE;
  return Math.min(size, MAX_PAGE_SIZE);
}

function link(req: PageRequest, params: Record<string, string>, rel: string): string {
  const q = new URLSearchParams(req.query);
  for (const [k, v] of Object.entries(params)) {
    for (const key of [...q.keys()]) if (key.toLowerCase() === k.toLowerCase()) q.delete(key);
    q.set(k, v);
  }
  return `<${req.origin}${req.path}?${q.toString()}>; rel="${rel}"`;
}

/** Slice sorted rows into one page and build its Link header. */
export function paginate(rows: Row[], req: PageRequest): { rows: Row[]; headers: Record<string, string> } {
  const pageSize = pageSizeOf(req.query);
  if (req.forwardOnly) {
    const pageId = intParam(req.query, 'pageId') ?? 0;
    const after = rows
      .filter((r) => (r.id as number) > pageId)
      .sort((a, b) => (a.id as number) - (b.id as number));
    const page = after.slice(0, pageSize);
    const headers: Record<string, string> = {};
    if (after.length > pageSize) {
      headers.link = link(
        req,
        { pageSize: String(pageSize), pageId: String(page[page.length - 1]!.id) },
        'next',
      );
    }
    return { rows: page, headers };
  }
  const page = Math.max(1, intParam(req.query, 'page') ?? 1);
  const last = Math.max(1, Math.ceil(rows.length / pageSize));
  const slice = rows.slice((page - 1) * pageSize, page * pageSize);
  const links: string[] = [];
  const at = (p: number): Record<string, string> => ({ pageSize: String(pageSize), page: String(p) });
  if (page > 1) links.push(link(req, at(1), 'first'), link(req, at(Math.min(page - 1, last)), 'prev'));
  if (page < last) links.push(link(req, at(page + 1), 'next'), link(req, at(last), 'last'));
  return { rows: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}
