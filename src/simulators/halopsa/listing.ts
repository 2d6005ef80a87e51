// List endpoints (reference §3): `search` (a "like" filter), `order`/`orderdesc` with `order2..5`,
// `pageinate`/`page_size`/`page_no`, `count`, and the response envelope each endpoint has:
// wrapped `{page_no?, page_size?, record_count, <key>: [...]}` (Tickets, Client, Site, Users,
// Actions, Item, SoftwareLicence, RecurringInvoice) or a bare array (Status, Priority, TicketType,
// Agent; Team, Category, SLA, Outcome [inferred]) — reference §3.3.
import type { Query } from './query.ts';
import type { Row } from './seed-types.ts';

export interface ListShape {
  /** The wrapper's list key, or null for a bare array. */
  key: string | null;
  /** Fields `search` looks in. */
  searchFields: string[];
  /** Default sort field. */
  defaultOrder: string;
  /** Clamp for `page_size` (SPEC: "Maximum size: 100" on /Tickets). */
  maxPageSize?: number;
  /**
   * False where SPEC-2024 lists no `pageinate`/`page_size`/`page_no` (`GET /Actions`): like any
   * parameter an ASP.NET action does not declare, they are then ignored and the whole list comes back.
   */
  paging?: boolean;
}

/** SQL Server's default collation compares case-insensitively; NULLs sort first ascending. */
function compare(a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an && bn ? 0 : an ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base', numeric: false });
}

function fieldOf(row: Row, name: string): string | undefined {
  if (name in row) return name;
  const lower = name.toLowerCase();
  return Object.keys(row).find((k) => k.toLowerCase() === lower);
}

/** Case-insensitive substring match on any of the fields ("like '%term%'"); ids match exactly. */
export function search<T extends Row>(rows: T[], term: string | undefined, fields: string[]): T[] {
  if (term === undefined) return rows;
  const needle = term.trim().toLowerCase();
  if (needle === '') return rows;
  return rows.filter((row) =>
    fields.some((f) => {
      const v = row[f];
      if (f === 'id') return String(v) === needle;
      return typeof v === 'string' && v.toLowerCase().includes(needle);
    }),
  );
}

/** Sort by `order`..`order5` (each with `orderdesc`..`orderdesc5`), then the default, then id. */
export function order<T extends Row>(rows: T[], q: Query, defaultOrder: string): T[] {
  const keys: { field: string; desc: boolean }[] = [];
  for (const n of ['', '2', '3', '4', '5']) {
    const field = q.str(`order${n}`);
    const desc = q.bool(`orderdesc${n}`) ?? false;
    if (field !== undefined) keys.push({ field, desc });
    else if (n === '' && desc) keys.push({ field: defaultOrder, desc: true });
  }
  if (keys.length === 0) keys.push({ field: defaultOrder, desc: false });
  const sample = rows[0];
  // An unknown order field is ignored [inferred]; the default order still applies.
  const resolved = keys
    .map((k) => ({ field: sample ? fieldOf(sample, k.field) : undefined, desc: k.desc }))
    .filter((k): k is { field: string; desc: boolean } => k.field !== undefined);
  const fallback = sample ? fieldOf(sample, defaultOrder) : undefined;
  if (fallback !== undefined && !resolved.some((k) => k.field === fallback))
    resolved.push({ field: fallback, desc: false });
  return [...rows].sort((a, b) => {
    for (const k of resolved) {
      const c = compare(a[k.field], b[k.field]);
      if (c !== 0) return k.desc ? -c : c;
    }
    return a.id - b.id;
  });
}

/** Apply search, order, paging and `count`; shape the envelope. */
export function listBody(
  rows: Row[],
  q: Query,
  shape: ListShape,
  defaultPageSize: number,
  toWire: (row: Row) => unknown,
): unknown {
  const paging = shape.paging !== false;
  // ASP.NET binds every declared parameter, used or not: a bad value fails even when paging is off.
  for (const name of paging ? ['page_no', 'page_size', 'count'] : ['count']) q.int(name);
  const ordered = order(search(rows, q.str('search'), shape.searchFields), q, shape.defaultOrder);
  const total = ordered.length;
  const paginate = paging && (q.bool('pageinate') ?? false);
  let page = ordered;
  let pageNo: number | undefined;
  let pageSize: number | undefined;
  if (paginate && shape.key !== null) {
    pageSize = q.int('page_size') ?? defaultPageSize;
    if (pageSize < 1) pageSize = defaultPageSize;
    if (shape.maxPageSize !== undefined) pageSize = Math.min(pageSize, shape.maxPageSize);
    pageNo = Math.max(1, q.int('page_no') ?? 1);
    page = ordered.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  } else {
    const count = q.int('count');
    if (count !== undefined && count >= 0) page = ordered.slice(0, count);
  }
  const wire = page.map(toWire);
  if (shape.key === null) return wire;
  return pageNo === undefined
    ? { record_count: total, [shape.key]: wire }
    : { page_no: pageNo, page_size: pageSize, record_count: total, [shape.key]: wire };
}

/** `includeactive`/`includeinactive`/`activeinactive` (reference §3.1): default active only. */
export function activeFilter(q: Query, inactiveField = 'inactive'): (row: Row) => boolean {
  let active = q.bool('includeactive') ?? true;
  let inactive = q.bool('includeinactive') ?? false;
  const both = q.str('activeinactive');
  if (both !== undefined) {
    const [a, i] = both.split(',').map((s) => s.trim().toLowerCase() === 'true');
    active = a ?? active;
    inactive = i ?? inactive;
  }
  return (row) => (row[inactiveField] === true ? inactive : active);
}
