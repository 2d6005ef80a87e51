// Queries (reference §2): `POST {Entity}/query` with a QueryModel, pages of at most 500 rows, and
// the next page by POSTing `pageDetails.nextPageUrl` with the same body (a GET on a POST link is a
// 405, §2.4). Filters use the documented operators only (§2.3).
import { PsaError } from '../errors.ts';
import type { PsaPage } from '../types.ts';
import type { AutotaskSession } from './session.ts';
import type { Row } from './wire.ts';

export const MAX_RECORDS = 500;

export type Op =
  | 'eq'
  | 'noteq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'beginsWith'
  | 'endsWith'
  | 'contains'
  | 'exist'
  | 'notExist'
  | 'in'
  | 'notIn';

export interface Filter {
  op: Op | 'and' | 'or';
  field?: string;
  value?: string | number | boolean | (string | number)[];
  udf?: boolean;
  items?: Filter[];
}

export const f = {
  eq: (field: string, value: string | number | boolean): Filter => ({ op: 'eq', field, value }),
  in: (field: string, value: (string | number)[]): Filter => ({ op: 'in', field, value }),
  notIn: (field: string, value: (string | number)[]): Filter => ({ op: 'notIn', field, value }),
  contains: (field: string, value: string): Filter => ({ op: 'contains', field, value }),
  gte: (field: string, value: string | number): Filter => ({ op: 'gte', field, value }),
  lte: (field: string, value: string | number): Filter => ({ op: 'lte', field, value }),
  /** "Match everything" (reference §2.3: `exist id`). */
  all: (): Filter => ({ op: 'exist', field: 'id' }),
};

export interface QueryModel {
  filter: Filter[];
  MaxRecords?: number;
  IncludeFields?: string[];
}

interface QueryResult {
  items?: Row[];
  pageDetails?: { nextPageUrl?: string | null };
}

export function queryBody(filter: Filter[], pageSize = MAX_RECORDS, includeFields?: string[]): QueryModel {
  const body: QueryModel = {
    filter: filter.length > 0 ? filter : [f.all()],
    MaxRecords: Math.max(1, Math.min(MAX_RECORDS, Math.floor(pageSize))),
  };
  if (includeFields)
    body.IncludeFields = includeFields.includes('id') ? includeFields : ['id', ...includeFields];
  return body;
}

/** The opaque `next` of a PsaPage: the page link and the body it must be POSTed with. */
export function encodeNext(url: string, body: QueryModel, extra: Record<string, unknown> = {}): string {
  return Buffer.from(JSON.stringify({ u: url, b: body, ...extra }), 'utf8').toString('base64url');
}

export function decodeNext(next: string): { u: string; b: QueryModel } & Record<string, unknown> {
  try {
    const v = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof v.u === 'string' && v.b && typeof v.b === 'object')
      return v as { u: string; b: QueryModel } & Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new PsaError('validation', 'That page link is not one the Autotask connector gave out', {
    fields: { next: 'unknown page link' },
  });
}

/** One page of `entity` rows: the first (from a body) or a following one (from `next`). */
export async function queryPage(
  api: AutotaskSession,
  entity: string,
  body: QueryModel,
  next?: string | null,
): Promise<PsaPage<Row>> {
  let url = `${entity}/query`;
  let sent = body;
  if (next) {
    const n = decodeNext(next);
    url = n.u;
    sent = n.b;
  }
  const res = await api.request<QueryResult>('POST', url, { body: sent }, { entity, verb: 'query' });
  const link = res.body?.pageDetails?.nextPageUrl;
  return { items: res.body?.items ?? [], next: link ? encodeNext(link, sent) : null };
}

/** Every row matching, following next-page links (bounded, so a runaway tenant cannot loop us). */
export async function queryAll(
  api: AutotaskSession,
  entity: string,
  filter: Filter[],
  opts: { includeFields?: string[]; maxPages?: number } = {},
): Promise<Row[]> {
  const rows: Row[] = [];
  let page = await queryPage(api, entity, queryBody(filter, MAX_RECORDS, opts.includeFields));
  rows.push(...page.items);
  for (let n = 1; page.next && n < (opts.maxPages ?? 40); n++) {
    page = await queryPage(api, entity, queryBody(filter), page.next);
    rows.push(...page.items);
  }
  return rows;
}

/** Split `in` lists so no query carries more than 500 OR conditions (reference §2.2). */
export function chunks<T>(values: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
