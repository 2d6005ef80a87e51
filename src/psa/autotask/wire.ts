// Autotask values at the hub's edge: ids are integers (int32/int64) on the wire, strings in the hub.
import { PsaError } from '../errors.ts';

export type Row = Record<string, unknown>;

export const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

export function idOf(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** A hub id string as the integer Autotask wants; validation error otherwise. */
export function toInt(value: string, what: string): number {
  const t = value.trim();
  if (!/^-?\d{1,18}$/.test(t))
    throw new PsaError('validation', `${what} "${value}" is not an Autotask id`, {
      fields: { [what]: 'not an Autotask id' },
    });
  return Number(t);
}

/** Midnight UTC of a day, as Autotask dates are written (reference §4.3: UTC). */
export function dayStart(d: Date): string {
  return `${d.toISOString().slice(0, 10)}T00:00:00Z`;
}
