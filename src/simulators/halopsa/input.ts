// Reading POST bodies the way Halo's ASP.NET/Newtonsoft binder does (reference §2, §5):
// the body must be a JSON array; each property is converted to the SPEC-2024 type of its schema
// (numbers may arrive as strings, e.g. `"tickettype_id": "35"` [obs] PY-CLOSE); properties the
// schema does not know are ignored by the binder (kept here for the few the newer API accepts,
// such as `team_id`); a value that cannot be converted is a 400 keyed by its path (`[0].client_id`).
import { readFileSync } from 'node:fs';
import { modelStateError } from './errors.ts';
import { parseHaloDate } from './wire.ts';

type FieldTypes = Record<string, Record<string, string>>;

const fieldTypes = JSON.parse(
  readFileSync(new URL('./spec/fields.json', import.meta.url), 'utf8'),
) as FieldTypes;

/** The names of the properties SPEC-2024 gives a schema. */
export function schemaFields(schema: string): Set<string> {
  return new Set(Object.keys(fieldTypes[schema] ?? {}));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function convert(
  type: string,
  value: unknown,
  path: string,
): { ok: true; value: unknown } | { ok: false; msg: string } {
  const [base, max] = type.split(':');
  if (value === null) {
    // SPEC-2024 makes every property nullable except `id`.
    if (path.endsWith('.id') && (base === 'int32' || base === 'int64'))
      return { ok: false, msg: `Error converting value {null} to type 'System.Int32'. Path '${path}'.` };
    return { ok: true, value: null };
  }
  switch (base) {
    case 'int32':
    case 'int64': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n === 'number' && Number.isInteger(n)) return { ok: true, value: n };
      if (typeof value === 'number' || typeof value === 'string') {
        return typeof value === 'number' || /^-?\d*\.\d+$/.test(value)
          ? { ok: false, msg: `Input string '${value}' is not a valid integer. Path '${path}'.` }
          : { ok: false, msg: `Could not convert string to integer: ${value}. Path '${path}'.` };
      }
      return {
        ok: false,
        msg: `Unexpected character encountered while parsing value: ${lead(value)}. Path '${path}'.`,
      };
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n === 'number' && Number.isFinite(n)) return { ok: true, value: n };
      if (typeof value === 'string')
        return { ok: false, msg: `Could not convert string to double: ${value}. Path '${path}'.` };
      return {
        ok: false,
        msg: `Unexpected character encountered while parsing value: ${lead(value)}. Path '${path}'.`,
      };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
        return { ok: true, value: value.trim().toLowerCase() === 'true' };
      if (typeof value === 'number') return { ok: true, value: value !== 0 };
      return { ok: false, msg: `Could not convert string to boolean: ${String(value)}. Path '${path}'.` };
    }
    case 'date-time': {
      if (typeof value !== 'string')
        return { ok: false, msg: `Unexpected token when parsing date. Path '${path}'.` };
      const d = parseHaloDate(value);
      return d === undefined
        ? { ok: false, msg: `Could not convert string to DateTime: ${value}. Path '${path}'.` }
        : { ok: true, value: d };
    }
    case 'uuid':
      if (typeof value === 'string' && GUID.test(value)) return { ok: true, value };
      return {
        ok: false,
        msg: `Error converting value "${String(value)}" to type 'System.Guid'. Path '${path}'.`,
      };
    case 'string': {
      if (typeof value === 'object')
        return {
          ok: false,
          msg: `Unexpected character encountered while parsing value: ${lead(value)}. Path '${path}'.`,
        };
      const s = String(value);
      // A [MaxLength] data annotation (the only lengths SPEC-2024 states).
      if (max !== undefined && s.length > Number(max)) {
        const field = path.replace(/^.*\./, '');
        return {
          ok: false,
          msg: `The field ${field} must be a string or array type with a maximum length of '${max}'.`,
        };
      }
      return { ok: true, value: s };
    }
    case 'array':
      if (Array.isArray(value)) return { ok: true, value };
      return {
        ok: false,
        msg: `Cannot deserialize the current JSON value into a collection. Path '${path}'.`,
      };
    case 'object':
      if (typeof value === 'object' && !Array.isArray(value)) return { ok: true, value };
      return {
        ok: false,
        msg: `Error converting value ${JSON.stringify(value)} to an object. Path '${path}'.`,
      };
    default:
      return { ok: true, value };
  }
}

function lead(value: unknown): string {
  return Array.isArray(value) ? '[' : typeof value === 'object' ? '{' : String(value);
}

/**
 * The posted array, each item converted to its schema's types; throws the model-state 400 when
 * the body is not an array of objects or a value does not convert.
 */
export function readArrayBody(
  body: unknown,
  rawBody: string,
  schema: string,
  entityType: string,
): Record<string, unknown>[] {
  if (rawBody.trim() === '' || body === undefined) {
    throw modelStateError({ '': ['A non-empty request body is required.'] });
  }
  if (!Array.isArray(body)) {
    throw modelStateError({
      '': [
        `Cannot deserialize the current JSON object (e.g. {"name":"value"}) into type 'System.Collections.Generic.List\`1[HaloEntities.${entityType}]' because the type requires a JSON array (e.g. [1,2,3]) to deserialize correctly.`,
      ],
    });
  }
  const types = fieldTypes[schema] ?? {};
  const errors: Record<string, string[]> = {};
  const items = body.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors[`[${i}]`] = [
        `Error converting value ${JSON.stringify(item)} to type 'HaloEntities.${entityType}'. Path '[${i}]'.`,
      ];
      return {};
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const type =
        types[key] ?? types[Object.keys(types).find((k) => k.toLowerCase() === key.toLowerCase()) ?? ''];
      const name =
        type === undefined
          ? key
          : (Object.keys(types).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key);
      if (type === undefined) {
        out[key] = value;
        continue;
      }
      const r = convert(type, value, `[${i}].${name}`);
      if (r.ok) out[name] = r.value;
      else (errors[`[${i}].${name}`] ??= []).push(r.msg);
    }
    return out;
  });
  if (Object.keys(errors).length > 0) throw modelStateError(errors);
  return items;
}

/** Keep only the properties SPEC-2024 gives the schema (responses must match it). */
export function pickSchema(schema: string, row: Record<string, unknown>): Record<string, unknown> {
  // In the schema's property order, as Halo's serializer writes them (`id` first).
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(fieldTypes[schema] ?? {})) if (row[k] !== undefined) out[k] = row[k];
  return out;
}
