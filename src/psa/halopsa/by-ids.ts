// Many records by id in few requests. Halo's lists filter by client, not by id (reference §4.14–4.15),
// and a record's id is all a billing target carries, so: walk the list page by page while that is
// cheaper than fetching the records still missing one by one (`record_count` says how many pages
// remain), then fetch those by id. At most min(pages, ids) + 1 requests.
import type { RequestOptions } from '../http.ts';
import { MAX_PAGE_SIZE, unwrap } from './listing.ts';
import type { HaloSession } from './session.ts';
import { haloOwnId, type Row } from './wire.ts';

/** Fewer wanted than this: fetch by id straight away. */
const DIRECT = 3;
/** By-id reads at once. */
const PARALLEL = 4;

export interface ByIdSource {
  path: string;
  key: string;
  query?: NonNullable<RequestOptions['query']>;
}

export async function readByIds(
  api: HaloSession,
  ids: readonly string[],
  source: ByIdSource,
): Promise<Map<string, Row>> {
  const missing = new Set(ids);
  const out = new Map<string, Row>();
  const take = (row: Row) => {
    const id = haloOwnId(row.id);
    if (missing.delete(id)) out.set(id, row);
  };
  for (let page = 1; missing.size >= DIRECT; page++) {
    const body = await api.get(source.path, {
      ...source.query,
      pageinate: true,
      page_size: MAX_PAGE_SIZE,
      page_no: page,
    });
    const { rows, recordCount } = unwrap(body, source.key);
    rows.forEach(take);
    const pagesLeft =
      recordCount === null
        ? rows.length < MAX_PAGE_SIZE
          ? 0
          : Infinity
        : Math.ceil(recordCount / MAX_PAGE_SIZE) - page;
    // The whole list is read: what is still missing is gone.
    if (pagesLeft <= 0 || rows.length === 0) return out;
    if (pagesLeft > missing.size) break;
  }
  const rest = [...missing];
  for (let i = 0; i < rest.length; i += PARALLEL)
    await Promise.all(
      rest.slice(i, i + PARALLEL).map(async (id) => {
        const row = await api.find<Row>(`${source.path}/${id}`, source.query);
        if (row && typeof row === 'object') take(row);
      }),
    );
  return out;
}
