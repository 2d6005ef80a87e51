// Queries (reference §2): `GET /{E}/query?search=<QueryModel JSON>`, `POST /{E}/query` with the
// QueryModel body, `/query/count`, and the next/previous page URLs. Rows come sorted by id
// ascending (§2.3), at most `MaxRecords` (1–500, default 500) per page; `IncludeFields` trims each
// row to the listed fields plus `id` and `userDefinedFields` (§2.2). Page links are absolute
// `…/V1.0/{E}/query/next?paging=…&search=…` URLs that must be followed with the verb of the
// original query; a POST-originated link takes the same filter body again (§2.4, WYRE PR #170).
import type { SimResponse } from '../shared/types.ts';
import { fieldByName } from './entities.ts';
import { AutotaskError, wrongVerb } from './errors.ts';
import { compileFilter, prop } from './filter.ts';
import type { EntityDef, Row } from './model.ts';
import type { AutotaskStore } from './store.ts';

export const MAX_RECORDS = 500;

interface QueryModel {
  filter: unknown;
  maxRecords: number;
  includeFields?: string[];
}

/** The opaque `paging` blob of page links. */
interface Paging {
  pageSize: number;
  /** First page after this id. */
  after?: number;
  /** Last page before this id (previous-page links). */
  before?: number;
  /** Verb of the original query; the link must be followed with it. */
  verb: 'GET' | 'POST';
}

/** Parse a QueryModel from a GET `search` string or a POST body (property names case-insensitive). */
export function parseSearch(raw: unknown): QueryModel {
  let obj = raw;
  if (typeof raw === 'string') {
    try {
      obj = JSON.parse(raw);
    } catch {
      throw new AutotaskError('The search parameter is not a valid JSON query object.');
    }
  }
  if (obj === undefined || obj === null) obj = {};
  if (typeof obj !== 'object' || Array.isArray(obj))
    throw new AutotaskError('The query must be a JSON object.');
  const model = obj as Record<string, unknown>;
  const rawMax = prop(model, 'maxRecords');
  // Json.NET binds a numeric string to an int.
  const max = typeof rawMax === 'string' && /^\d+$/.test(rawMax.trim()) ? Number(rawMax) : rawMax;
  if (max !== undefined && max !== null && (typeof max !== 'number' || !Number.isInteger(max) || max < 0)) {
    throw new AutotaskError('MaxRecords must be an integer between 1 and 500.');
  }
  const include = prop(model, 'includeFields');
  if (
    include !== undefined &&
    include !== null &&
    (!Array.isArray(include) || include.some((f) => typeof f !== 'string'))
  ) {
    throw new AutotaskError('IncludeFields must be an array of field names.');
  }
  return {
    filter: prop(model, 'filter'),
    // Values above 500 are served as 500 (behaviour undocumented, reference §2.2); 0 means the default.
    maxRecords: typeof max === 'number' && max > 0 ? Math.min(max, MAX_RECORDS) : MAX_RECORDS,
    includeFields: (include as string[] | undefined) ?? undefined,
  };
}

function matching(store: AutotaskStore, entity: EntityDef, model: QueryModel): Row[] {
  const predicate = compileFilter(entity, store.udfDefs(entity.name), model.filter);
  return store
    .table(entity.name)
    .all()
    .filter(predicate)
    .sort((a, b) => a.id - b.id);
}

function projector(store: AutotaskStore, entity: EntityDef, include?: string[]): (row: Row) => Row {
  if (!include || include.length === 0) return (row) => row;
  const fields: string[] = [];
  const udfs: string[] = [];
  for (const name of include) {
    const f = fieldByName(entity, name);
    if (f) fields.push(f.name);
    else {
      const u = store.udfDefs(entity.name).find((d) => d.name.toLowerCase() === name.toLowerCase());
      if (!u) throw new AutotaskError(`Unable to find ${name} in the ${entity.singular} Entity.`);
      udfs.push(u.name.toLowerCase());
    }
  }
  return (row) => {
    const out: Row = { id: row.id };
    for (const f of fields) out[f] = row[f];
    out.userDefinedFields = (row.userDefinedFields ?? []).filter((u) => udfs.includes(u.name.toLowerCase()));
    return out;
  };
}

function link(origin: string, entity: EntityDef, paging: Paging, search: unknown): string {
  const s = paging.verb === 'GET' ? JSON.stringify(search ?? {}) : '{}';
  return `${origin}/atservicesrest/V1.0/${entity.name}/query/next?paging=${encodeURIComponent(JSON.stringify(paging))}&search=${encodeURIComponent(s)}`;
}

/** One page of a query, from the start or from a page link. */
export function queryPage(
  store: AutotaskStore,
  entity: EntityDef,
  rawSearch: unknown,
  verb: 'GET' | 'POST',
  origin: string,
  paging?: Paging,
): SimResponse {
  const model = parseSearch(rawSearch);
  const pageSize = paging?.pageSize ?? model.maxRecords;
  const rows = matching(store, entity, model);
  const project = projector(store, entity, model.includeFields);
  let page: Row[];
  if (paging?.before !== undefined) {
    const before = paging.before;
    const earlier = rows.filter((r) => r.id < before);
    page = earlier.slice(Math.max(0, earlier.length - pageSize));
  } else {
    const after = paging?.after;
    page = (after === undefined ? rows : rows.filter((r) => r.id > after)).slice(0, pageSize);
  }
  const first = page[0]?.id;
  const last = page.at(-1)?.id;
  const hasNext = last !== undefined && rows.some((r) => r.id > last);
  const hasPrev = first !== undefined && rows.some((r) => r.id < first);
  const searchForLink = typeof rawSearch === 'string' ? safeParse(rawSearch) : rawSearch;
  return {
    status: 200,
    body: {
      items: page.map(project),
      pageDetails: {
        count: page.length,
        requestCount: pageSize,
        prevPageUrl: hasPrev ? link(origin, entity, { pageSize, before: first, verb }, searchForLink) : null,
        nextPageUrl: hasNext ? link(origin, entity, { pageSize, after: last, verb }, searchForLink) : null,
      },
    },
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** Follow a `query/next` link: same verb as the original query (reference §2.4). */
export function followPage(
  store: AutotaskStore,
  entity: EntityDef,
  method: string,
  query: URLSearchParams,
  body: unknown,
  origin: string,
): SimResponse {
  let paging: Paging;
  try {
    paging = JSON.parse(query.get('paging') ?? '') as Paging;
  } catch {
    throw new AutotaskError('The paging parameter is invalid.');
  }
  if (typeof paging !== 'object' || paging === null || typeof paging.pageSize !== 'number') {
    throw new AutotaskError('The paging parameter is invalid.');
  }
  if (method !== paging.verb) return wrongVerb(method);
  const search = method === 'GET' ? (query.get('search') ?? '{}') : body;
  return queryPage(store, entity, search, paging.verb, origin, paging);
}

export function queryCount(store: AutotaskStore, entity: EntityDef, rawSearch: unknown): SimResponse {
  const model = parseSearch(rawSearch);
  return { status: 200, body: { queryCount: matching(store, entity, model).length } };
}
