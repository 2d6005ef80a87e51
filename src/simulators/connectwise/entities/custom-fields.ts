// Company custom fields. Definitions are `/system/userDefinedFields` (reference §6 [S1, S6]; the
// GET-only spec subset does not have the path, so the shape is the SDKs' `UserDefinedField` model:
// id, podId, caption, sequenceNumber, fieldTypeIdentifier, numberDecimals, entryTypeIdentifier,
// requiredFlag, displayOnScreenFlag, readOnlyFlag, listViewFlag…). On a company the values are the
// `customFields` array of `CustomFieldValue` [S4]: every field of the company screen, with a `value`
// only when one is set. A PATCH replaces the whole array (reference §5 [S1]: "send the entire
// customFields array; you cannot patch a single entry"), so a field left out of the array is cleared
// [inferred from S1]. A field whose "Display on screen" is off is hidden from the array and cannot
// be written: that is the simulator's inactive field [inferred].
import { fieldError, type ValidationError } from '../errors.ts';
import type { Ctx, EntityDef } from '../entity.ts';
import type { Rec } from '../store.ts';

/** The pod (screen) of company custom fields [inferred: the real id is not in the sources]. */
export const COMPANY_POD = 1;
/** Longest value a Text custom field takes [inferred]. */
export const TEXT_LIMIT = 1000;

export const userDefinedFields: EntityDef = {
  table: 'userDefinedFields',
  path: '/system/userDefinedFields',
  schema: 'UserDefinedField',
  resource: 'userDefinedField',
  label: 'UserDefinedField',
  security: 'System.TableSetup',
  setupTable: true,
  readOnly: true,
};

const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent']);

function companyDefs(ctx: Ctx): Rec[] {
  return ctx.store
    .table('userDefinedFields')
    .all()
    .filter((d) => d.podId === COMPANY_POD && d.displayOnScreenFlag !== false)
    .sort((a, b) => Number(a.sequenceNumber ?? 0) - Number(b.sequenceNumber ?? 0) || a.id - b.id);
}

function entryOf(def: Rec, value: unknown): Rec {
  const e: Rec = {
    id: def.id,
    caption: def.caption,
    type: def.fieldTypeIdentifier,
    entryMethod: def.entryTypeIdentifier ?? 'EntryField',
    numberOfDecimals: def.numberDecimals ?? 0,
  };
  if (value !== undefined && value !== null && value !== '') e.value = value;
  if (typeof def.connectWiseId === 'string') e.connectWiseId = def.connectWiseId;
  return e;
}

/** A company's `customFields` as the API shows them: every displayed field, then stored leftovers. */
export function companyCustomFields(stored: unknown, ctx: Ctx): Rec[] {
  const held = Array.isArray(stored) ? (stored as Rec[]) : [];
  const defs = companyDefs(ctx);
  const shown = defs.map((d) => entryOf(d, held.find((h) => h?.id === d.id)?.value));
  // Values of fields the seed has no definition for stay as stored (hand-made seeds).
  const all = ctx.store.table('userDefinedFields');
  const leftovers = held.filter((h) => h && !all.has(h.id));
  return [...shown, ...leftovers];
}

function dateValue(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  return Number.isNaN(ms) ? undefined : `${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`;
}

/** Check and store the posted/patched `customFields` (values normalised to the field's type). */
export function prepareCustomFields(row: Rec, ctx: Ctx, existing: Rec | undefined): ValidationError[] {
  const posted = row.customFields;
  if (posted === undefined || posted === null) {
    row.customFields = existing?.customFields ?? [];
    return [];
  }
  if (!Array.isArray(posted))
    return [
      fieldError('InvalidField', 'company', 'customFields', 'The field customFields must be an array.'),
    ];
  if (existing && posted === existing.customFields) return [];
  const errors: ValidationError[] = [];
  const bad = (message: string) =>
    errors.push(fieldError('InvalidField', 'company', 'customFields', message));
  const defs = companyDefs(ctx);
  const all = ctx.store.table('userDefinedFields');
  const out: Rec[] = [];
  for (const raw of posted as unknown[]) {
    const e = (raw && typeof raw === 'object' ? raw : {}) as Rec;
    const def = defs.find((d) => d.id === Number(e.id));
    if (!def) {
      // A field of a hand-made seed without definitions is kept as sent; a defined one that is
      // hidden or belongs to another screen is refused.
      if (!all.has(Number(e.id))) out.push(e);
      else bad(`Custom field ${String(e.id)} is not available on companies.`);
      continue;
    }
    const v = e.value;
    const caption = String(def.caption);
    if (v === undefined || v === null || v === '') {
      if (def.requiredFlag === true) bad(`The custom field '${caption}' is required.`);
      continue;
    }
    const type = String(def.fieldTypeIdentifier);
    if (NUMBER_TYPES.has(type)) {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isFinite(n)) bad(`The value '${String(v)}' of custom field '${caption}' is not a number.`);
      else out.push(entryOf(def, n));
    } else if (type === 'Date') {
      const d = dateValue(v);
      if (d === undefined) bad(`The value '${String(v)}' of custom field '${caption}' is not a date.`);
      else out.push(entryOf(def, d));
    } else if (type === 'Checkbox') {
      if (typeof v !== 'boolean')
        bad(`The value '${String(v)}' of custom field '${caption}' is not true or false.`);
      else out.push(entryOf(def, v));
    } else {
      const s = typeof v === 'string' ? v : String(v);
      if (s.length > TEXT_LIMIT)
        bad(`The value of custom field '${caption}' may not be longer than ${TEXT_LIMIT} characters.`);
      else out.push(entryOf(def, s));
    }
  }
  row.customFields = out;
  return errors;
}
