// Small readers for ConnectWise JSON: ids are integers on the wire and strings in the hub.
import { PsaError } from '../errors.ts';

export type Row = Record<string, unknown>;

export const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** The id of a reference object `{id, name, _info}`, or null. */
export function refId(v: unknown): string | null {
  if (!v || typeof v !== 'object') return null;
  const id = (v as Row).id;
  return id === undefined || id === null ? null : String(id);
}

export const refName = (v: unknown): string =>
  v && typeof v === 'object' ? str((v as Row).name) || str((v as Row).identifier) : '';

/** A hub id as the integer ConnectWise wants; a validation error (never a request) otherwise. */
export function cwInt(id: string, what: string): number {
  if (!/^\d{1,10}$/.test(id.trim()) || Number(id) > 2_147_483_647) {
    throw new PsaError('validation', `${what} "${id}" is not a ConnectWise id (a whole number)`, {
      fields: { [what]: 'not a ConnectWise id' },
    });
  }
  return Number(id);
}

export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
