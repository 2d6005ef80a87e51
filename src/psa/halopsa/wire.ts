// HaloPSA's wire quirks, converted at the edge (reference §2): datetimes without a zone (meaning
// UTC), `1899-12-30T00:00:00` for an unset date, -1 (or 0) for an unset foreign key, and ids that
// arrive as decimals (`21.0`) or strings (`"21"`). Everything the hub sees is a string id or null.
import { PsaError } from '../errors.ts';

/** An id as the hub's string, or null for Halo's "not set" values (-1, 0, null, ''). */
export function haloId(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isFinite(n)) return n === -1 || n === 0 ? null : String(n);
  return String(value);
}

/** An id that must be present (a record's own id; recurring-invoice ids may be negative). */
export function haloOwnId(value: unknown): string {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? String(n) : String(value);
}

/**
 * A hub id back to the number Halo wants; Halo also accepts numeric strings ([obs] PY-CLOSE). An id
 * that is not one (a caller's typo in a query string) is a validation error, never a request.
 */
export function toHaloInt(id: string, what: string): number {
  const n = Number(id);
  if (!Number.isInteger(n))
    throw new PsaError('validation', `${what} "${id}" is not a HaloPSA id (a whole number)`, {
      fields: { [what]: 'not a HaloPSA id' },
    });
  return n;
}

const nullDate = /^(1899-12-30|1900-01-01|0001-01-01)/;

/** A Halo datetime (no zone = UTC) as ISO 8601 with Z; null for the unset sentinels. */
export function haloDate(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || nullDate.test(value)) return null;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function num(value: unknown, fallback = 0): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : fallback;
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/** A website or e-mail address as a bare lower-case domain, or null. */
export function domainOf(value: unknown): string | null {
  const s = str(value).trim().toLowerCase();
  if (s === '') return null;
  const afterAt = s.includes('@') ? s.slice(s.lastIndexOf('@') + 1) : s;
  const host = afterAt.replace(/^[a-z]+:\/\//, '').split(/[/?#:]/)[0] ?? '';
  const bare = host.replace(/^www\./, '');
  return bare.includes('.') ? bare : null;
}

export type Row = Record<string, unknown>;
