// Wire quirks of Halo's JSON (reference §2 "Wire conventions", §10 item 8):
// - datetimes carry no zone designator and mean UTC (`2026-05-13T18:01:50.347`);
// - an unset date is `1899-12-30T00:00:00`, an unset foreign key is `-1`;
// - some integer ids are serialised as decimals (`Site.client_id`, `Users.site_id`: `21.0`),
//   which SPEC-2024 types as `number/double` and PDATA's FlexibleInt32Converter works around.
import type { SimResponse } from '../shared/types.ts';

/** The "no date" sentinel (reference §2, [obs] RINV). */
export const NULL_DATE = '1899-12-30T00:00:00';
/** The "no foreign key" sentinel (reference §2, [obs] RINV, ESET). */
export const NO_ID = -1;

/** A Date as Halo writes it: ISO 8601, milliseconds, no `Z`. */
export function haloDate(d: Date = new Date()): string {
  return d.toISOString().replace(/Z$/, '');
}

/**
 * Parse a datetime a client sent (with `Z`, an offset, or none, which Halo reads as UTC) into
 * Halo's wire form; undefined when it is not a date.
 */
export function parseHaloDate(value: string): string | undefined {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      value.trim(),
    );
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const base = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}`;
  if (base.startsWith('1899-12-30T00:00:00')) return NULL_DATE;
  const date = new Date(`${base}${zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z'}`);
  if (Number.isNaN(date.getTime())) return undefined;
  return haloDate(date);
}

/** Milliseconds since the epoch of a wire date (UTC), or undefined for the sentinel. */
export function dateMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === NULL_DATE) return undefined;
  const ms = Date.parse(`${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

const DECIMAL_MARK = '\u2063halo-decimal:';

/** A number Halo writes with a decimal point even when it is whole (`21.0`). */
export function decimal(n: number | null | undefined): unknown {
  return typeof n === 'number' ? `${DECIMAL_MARK}${n}` : n;
}

/** JSON text with the decimal quirk applied. */
export function toJsonText(body: unknown): string {
  return JSON.stringify(body).replace(
    /"\u2063halo-decimal:(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)"/g,
    (_all, n: string) => (n.includes('.') || n.includes('e') ? n : `${n}.0`),
  );
}

/** A JSON response as Halo's ASP.NET server writes it. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    body: toJsonText(body),
    raw: true,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  };
}

/** Coerce an id that may arrive as `21`, `21.0` or `"21"` (reference §2 "Lenient input"). */
export function asId(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.0+)?$/.test(value.trim())) return Number.parseInt(value, 10);
  return undefined;
}
