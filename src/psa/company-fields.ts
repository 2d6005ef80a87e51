// What every connector's company custom-field write shares: the values asked for checked against
// the fields' types before anything is sent (an unknown field or a value the field cannot hold is a
// validation error naming the field), and what the PSA holds read back in the same form, so only
// the fields that differ are written.
import { PsaError } from './errors.ts';
import type { CompanyField } from './types.ts';

export type CompanyFieldValue = string | number | null;

/**
 * A value fit for its field: a number for number fields, the UTC day `YYYY-MM-DD` for date fields
 * (the three PSAs' company date fields hold a day, not a time), text for text fields; null clears
 * (an empty text clears too).
 */
export interface CheckedValue {
  field: CompanyField;
  value: string | number | null;
}

const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date or timestamp as its UTC day, or undefined when it is not one. */
export function utcDay(v: string): string | undefined {
  const t = v.trim();
  const day = ISO_DAY.exec(t);
  if (day) {
    const d = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return d.toISOString().slice(0, 10) === t ? t : undefined;
  }
  if (!ISO_TIME.test(t)) return undefined;
  // A time without a zone is read as UTC, as Halo and ConnectWise write theirs.
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t.replace(' ', 'T')}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

function checkOne(field: CompanyField, v: unknown): { value: string | number | null } | { error: string } {
  if (v === null || v === undefined) return { value: null };
  switch (field.type) {
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && NUMBER.test(v) ? Number(v) : NaN;
      return Number.isFinite(n) ? { value: n } : { error: `holds numbers; ${JSON.stringify(v)} is not one` };
    }
    case 'date': {
      const day = typeof v === 'string' ? utcDay(v) : undefined;
      return day
        ? { value: day }
        : { error: `holds dates; ${JSON.stringify(v)} is not an ISO 8601 date (YYYY-MM-DD) or timestamp` };
    }
    case 'text': {
      if (typeof v === 'number' && Number.isFinite(v)) return { value: String(v) };
      if (typeof v !== 'string') return { error: `holds text; ${JSON.stringify(v)} is not text` };
      return { value: v === '' ? null : v };
    }
  }
}

/**
 * Every value checked against the company fields the PSA has (`psa` names it in messages); one
 * validation error naming every unknown field and every value its field cannot hold, or the values.
 */
export function checkFieldValues(
  psa: string,
  fields: readonly CompanyField[],
  values: Record<string, unknown>,
): CheckedValue[] {
  if (!values || typeof values !== 'object' || Array.isArray(values))
    throw new PsaError('validation', 'The custom field values must be an object of field id → value', {
      fields: { values: 'not an object' },
    });
  const byId = new Map(fields.map((f) => [f.id, f]));
  const problems: Record<string, string> = {};
  const out: CheckedValue[] = [];
  for (const [id, v] of Object.entries(values)) {
    const field = byId.get(id);
    if (!field) {
      problems[id] = `${psa} has no active company custom field with id "${id}"`;
      continue;
    }
    const r = checkOne(field, v);
    if ('error' in r) problems[id] = `"${field.name}" ${r.error}`;
    else out.push({ field, value: r.value });
  }
  const ids = Object.keys(problems);
  if (ids.length > 0)
    throw new PsaError('validation', Object.values(problems).join('; '), { fields: problems });
  return out;
}

/** What the PSA holds for a field, in the form `checkFieldValues` gives (so the two compare). */
export function heldValue(field: CompanyField, held: unknown): string | number | null {
  if (held === null || held === undefined || held === '') return null;
  if (field.type === 'number') {
    const n = typeof held === 'number' ? held : Number(held);
    return Number.isFinite(n) ? n : String(held);
  }
  if (field.type === 'date') return typeof held === 'string' ? (utcDay(held) ?? held) : String(held);
  return typeof held === 'string' ? held : String(held);
}

/** The values that differ from what the company holds (`held(field)` reads one field's value). */
export function changed(
  checked: readonly CheckedValue[],
  held: (field: CompanyField) => unknown,
): CheckedValue[] {
  return checked.filter((c) => heldValue(c.field, held(c.field)) !== c.value);
}
