// Cursor paging by (time, id), newest first, for logs. The cursor carries the time in whole
// microseconds, as Postgres stores it: a JavaScript Date keeps milliseconds only, and a cursor cut to
// milliseconds would skip or repeat rows written within the same millisecond.
import { AppError } from '../core/errors.ts';
import { decodeCursor, encodeCursor, type Page } from './paging.ts';

/** SQL selecting `column` as microseconds since the epoch, text (exact: extract() is numeric). */
export const microsKey = (column: string) => `(extract(epoch FROM ${column}) * 1000000)::bigint::text`;

/** Fetch one more row than asked to learn whether there is a next page. */
export function toTimePage<T extends { timeKey: string; id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.timeKey, last.id) : null };
}

/**
 * The condition continuing a newest-first listing after `cursor`, adding its values through `param`
 * (which returns the placeholder of a value it appended).
 */
export function beforeCursor(
  cursor: string | undefined,
  timeColumn: string,
  idColumn: string,
  param: (value: unknown) => string,
): string {
  if (!cursor) return 'true';
  const [micros, id] = decodeCursor(cursor);
  if (!/^-?\d{1,19}$/.test(micros) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError('invalid_request', 'querystring/cursor is not a cursor this API handed out', {
      details: [{ path: 'querystring/cursor', message: 'unknown cursor' }],
    });
  }
  return `(${timeColumn}, ${idColumn}) < ('epoch'::timestamptz + ${param(micros)}::bigint * interval '1 microsecond', ${param(id)}::uuid)`;
}

/** Collects positional parameters while a query's conditions are built. */
export function paramList(): { params: unknown[]; param: (value: unknown) => string } {
  const params: unknown[] = [];
  return { params, param: (value) => (params.push(value), `$${params.length}`) };
}
