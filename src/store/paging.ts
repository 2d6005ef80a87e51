// Cursor paging by (name, id): stable under inserts, and a cursor is opaque to clients.
import { AppError } from '../core/errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

export function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid_request', 'querystring/cursor is not a cursor this API handed out', {
    details: [{ path: 'querystring/cursor', message: 'unknown cursor' }],
  });
}

/** Fetch one more row than asked to learn whether there is a next page. */
export function toPage<T extends { name: string; id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.name, last.id) : null };
}

/** SQL fragment and parameters continuing after `cursor`, numbered from `$first`. */
export function afterCursor(cursor: string | undefined, first: number): { sql: string; params: string[] } {
  if (!cursor) return { sql: 'true', params: [] };
  const [name, id] = decodeCursor(cursor);
  return { sql: `(name, id) > ($${first}, $${first + 1}::uuid)`, params: [name, id] };
}
