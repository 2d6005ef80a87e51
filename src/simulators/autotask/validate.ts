// Write-body binding and validation. The real server binds JSON with Json.NET: property names are
// case-insensitive, unknown properties are ignored, and a value of the wrong type fails the whole
// request with Json.NET's text (reference §4.1: `true` for integer `Contacts.isActive` →
// "Unexpected character encountered while parsing value: t"). Then the entity rules run: required
// fields, lengths, picklist values (and sub-issue type under its issue type) and referenced ids;
// every failure is listed in one HTTP 500 `{"errors":[…]}` (DOC create/update pages). The texts of
// the rule messages are ours: the reference records no live wording for them (§9).
import { fieldByName, tableForReference } from './entities.ts';
import { AutotaskError } from './errors.ts';
import type { EntityDef, FieldDef, Row, Udf } from './model.ts';
import type { AutotaskStore } from './store.ts';

export interface BoundBody {
  /** Known fields present in the body, coerced to their types (canonical names). */
  values: Record<string, unknown>;
  udfs?: Udf[];
}

/** A Json.NET binding failure; bindBody turns it into the server's error with line and position. */
class JsonNetFailure extends Error {
  readonly text: string;
  readonly path: string;
  constructor(text: string, path: string) {
    super(text);
    this.text = text;
    this.path = path;
  }
}

function jsonNetError(text: string, path: string): JsonNetFailure {
  return new JsonNetFailure(text, path);
}

/** Json.NET's `line L, position P`: just after the offending token of `key` in the raw body. */
function where(raw: string, key: string, value: unknown, unexpected: boolean): string {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`"${escaped}"\\s*:\\s*`).exec(raw);
  if (!m) return '';
  const start = m.index + m[0].length;
  const end = unexpected ? start + 1 : start + JSON.stringify(value).length;
  const before = raw.slice(0, end);
  const line = before.split('\n').length;
  const position = end - (before.lastIndexOf('\n') + 1);
  return `, line ${line}, position ${position}`;
}

/** ISO text the API answers with; inputs without a zone are UTC (reference §4.3: times are UTC). */
export function toIsoDate(value: string): string | undefined {
  const text = /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function coerce(field: FieldDef, value: unknown, path: string): unknown {
  if (value === null) return null;
  const first = typeof value === 'string' ? value.charAt(0) : JSON.stringify(value).charAt(0);
  switch (field.dataType) {
    case 'integer':
    case 'long': {
      if (typeof value === 'number') {
        if (!Number.isInteger(value))
          throw jsonNetError(`Input string '${value}' is not a valid integer.`, path);
        return value;
      }
      if (typeof value === 'string') {
        if (value.trim() === '') return null;
        if (!/^-?\d+$/.test(value.trim()))
          throw jsonNetError(`Could not convert string to integer: ${value}.`, path);
        return Number(value);
      }
      throw jsonNetError(`Unexpected character encountered while parsing value: ${first}.`, path);
    }
    case 'decimal': {
      if (typeof value === 'number') return value;
      if (typeof value === 'string') {
        if (value.trim() === '') return null;
        if (Number.isNaN(Number(value)))
          throw jsonNetError(`Could not convert string to decimal: ${value}.`, path);
        return Number(value);
      }
      throw jsonNetError(`Unexpected character encountered while parsing value: ${first}.`, path);
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value !== 0;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      if (typeof value === 'string')
        throw jsonNetError(`Could not convert string to boolean: ${value}.`, path);
      throw jsonNetError(`Unexpected character encountered while parsing value: ${first}.`, path);
    }
    case 'datetime': {
      if (typeof value !== 'string')
        throw jsonNetError(`Unexpected character encountered while parsing value: ${first}.`, path);
      if (value.trim() === '') return null;
      const iso = toIsoDate(value);
      if (!iso) throw jsonNetError(`Could not convert string to DateTime: ${value}.`, path);
      return iso;
    }
    default: {
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw jsonNetError(`Unexpected character encountered while parsing value: ${first}.`, path);
    }
  }
}

export function bindBody(entity: EntityDef, body: unknown, raw = ''): BoundBody {
  try {
    return bind(entity, body);
  } catch (err) {
    if (!(err instanceof JsonNetFailure)) throw err;
    const value = (body as Record<string, unknown>)[err.path];
    const at = where(raw, err.path, value, err.text.startsWith('Unexpected character'));
    throw new AutotaskError(`${err.text} Path '${err.path}'${at}.`);
  }
}

function bind(entity: EntityDef, body: unknown): BoundBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AutotaskError(`The request body must be a JSON ${entity.singular} object.`);
  }
  const values: Record<string, unknown> = {};
  let udfs: Udf[] | undefined;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key.toLowerCase() === 'userdefinedfields') {
      if (value === null) continue;
      if (!Array.isArray(value))
        throw jsonNetError('Cannot deserialize the current JSON object into a list.', key);
      udfs = value.map((u, i) => {
        if (typeof u !== 'object' || u === null)
          throw jsonNetError('Invalid user-defined field.', `${key}[${i}]`);
        const rec = u as Record<string, unknown>;
        const name = Object.entries(rec).find(([k]) => k.toLowerCase() === 'name')?.[1];
        const v = Object.entries(rec).find(([k]) => k.toLowerCase() === 'value')?.[1];
        return { name: String(name ?? ''), value: v === null || v === undefined ? null : String(v) };
      });
      continue;
    }
    const field = fieldByName(entity, key);
    if (!field) continue; // Json.NET ignores unknown members.
    values[field.name] = coerce(field, value, key);
  }
  return { values, udfs };
}

/** Required, length, picklist and reference rules over a complete row. */
export function validateRow(
  store: AutotaskStore,
  entity: EntityDef,
  row: Row,
  changed: Set<string>,
): string[] {
  const errors: string[] = [];
  for (const f of entity.fields) {
    const v = row[f.name];
    if (f.isRequired && !f.isReadOnly && (v === null || v === undefined || v === '')) {
      errors.push(`Missing Required Field: ${f.name}.`);
      continue;
    }
    if (v === null || v === undefined) continue;
    if (f.dataType === 'string' && f.length > 0 && String(v).length > f.length) {
      errors.push(`Value for field ${f.name} exceeds the maximum length of ${f.length} characters.`);
    }
    // Only values the caller sets are checked against picklists and references: stored rows may
    // point at values deactivated since (the real server keeps those too).
    if (!changed.has(f.name)) continue;
    if (f.isPickList) {
      const list = store.picklist(entity.name, f.name);
      const item = list.find((p) => p.value === String(v));
      if (!item || !item.isActive) errors.push(`Invalid value ${String(v)} for picklist field ${f.name}.`);
      else if (f.picklistParentValueField) {
        const parent = fieldByName(entity, f.picklistParentValueField);
        const pv = parent ? row[parent.name] : null;
        if (item.parentValue !== '' && String(pv ?? '') !== item.parentValue) {
          errors.push(
            `Value ${String(v)} for ${f.name} does not belong to ${f.picklistParentValueField} ${String(pv ?? '')}.`,
          );
        }
      }
    }
    if (f.referenceEntityType) {
      const table = tableForReference(f.referenceEntityType);
      if (table && !store.table(table).has(Number(v))) {
        errors.push(
          `Value ${String(v)} for field ${f.name} does not match an existing ${f.referenceEntityType}.`,
        );
      }
    }
  }
  return errors;
}

/** UDF values must name a defined UDF and fit its picklist. */
export function mergeUdfs(
  store: AutotaskStore,
  entity: EntityDef,
  current: Udf[],
  incoming: Udf[] | undefined,
  replace: boolean,
): Udf[] {
  const defs = store.udfDefs(entity.name);
  const errors: string[] = [];
  const byName = new Map<string, string | null>();
  for (const d of defs)
    byName.set(d.name, replace ? null : (current.find((c) => c.name === d.name)?.value ?? null));
  for (const u of incoming ?? []) {
    const def = defs.find((d) => d.name.toLowerCase() === u.name.toLowerCase());
    if (!def) {
      errors.push(`Unable to find user-defined field ${u.name} in the ${entity.singular} Entity.`);
      continue;
    }
    if (
      def.isPickList &&
      u.value !== null &&
      !(def.picklistValues ?? []).some((p) => p.value === u.value && p.isActive)
    ) {
      errors.push(`Invalid value ${u.value} for user-defined field ${def.name}.`);
    }
    if (def.type === 'integer' && u.value !== null && !/^-?\d+$/.test(u.value))
      errors.push(`Invalid integer value ${u.value} for user-defined field ${def.name}.`);
    if (def.type === 'decimal' && u.value !== null && Number.isNaN(Number(u.value)))
      errors.push(`Invalid decimal value ${u.value} for user-defined field ${def.name}.`);
    if (def.type === 'datetime' && u.value !== null && Number.isNaN(Date.parse(u.value)))
      errors.push(`Invalid datetime value ${u.value} for user-defined field ${def.name}.`);
    if (def.length && u.value !== null && u.value.length > def.length)
      errors.push(
        `Value for user-defined field ${def.name} exceeds the maximum length of ${def.length} characters.`,
      );
    byName.set(def.name, u.value);
  }
  for (const d of defs) {
    if (d.isRequired && (byName.get(d.name) ?? null) === null)
      errors.push(`Missing Required Field: ${d.name}.`);
  }
  if (errors.length > 0) throw new AutotaskError(errors);
  return defs.map((d) => ({ name: d.name, value: byName.get(d.name) ?? null }));
}
