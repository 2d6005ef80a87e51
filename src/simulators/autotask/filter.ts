// The query filter grammar (reference §2.2–2.3, DOC REST_Basic_Query_Calls, APIGRATE FilterOperators):
// comparison ops eq noteq gt gte lt lte, string ops beginsWith endsWith contains, exist / notExist,
// list ops in / notIn, grouping and / or with nested `items`, and `udf: true` (field is a UDF name).
// Top-level entries are AND-ed. Field names and operators are case-insensitive; string comparisons
// are case-insensitive (SQL Server's default collation). A comparison with a null value is false
// (SQL semantics), so `noteq` does not match rows where the field is null.
import { fieldByName } from './entities.ts';
import { AutotaskError } from './errors.ts';
import { toIsoDate } from './validate.ts';
import type { EntityDef, FieldDef, Row, UdfDef } from './model.ts';

export interface FilterInput {
  op?: unknown;
  field?: unknown;
  udf?: unknown;
  value?: unknown;
  items?: unknown;
}

const OPS = [
  'eq',
  'noteq',
  'gt',
  'gte',
  'lt',
  'lte',
  'beginswith',
  'endswith',
  'contains',
  'exist',
  'notexist',
  'in',
  'notin',
  'and',
  'or',
] as const;
type Op = (typeof OPS)[number];

/** Max OR conditions per query (DOC SOAP_Thresholds_Limits; N8N sees the same text from REST). */
export const MAX_OR_CONDITIONS = 500;
const OR_LIMIT_MESSAGE = "Invalid query syntax. Queries are limited to 500 or fewer 'OR' conditions.";

type Predicate = (row: Row) => boolean;

interface Compiled {
  predicate: Predicate;
  orCount: number;
  udfs: Set<string>;
}

/** Case-insensitive key lookup on a plain object (the server binds JSON names case-insensitively). */
export function prop(obj: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function compileFilter(entity: EntityDef, udfs: readonly UdfDef[], filter: unknown): Predicate {
  if (filter === undefined || filter === null) return () => true;
  if (!Array.isArray(filter)) throw new AutotaskError('Filter must be an array of filter expressions.');
  const compiled = filter.map((f) => compileOne(entity, udfs, f));
  const orCount = compiled.reduce((n, c) => n + c.orCount, 0);
  if (orCount > MAX_OR_CONDITIONS) throw new AutotaskError(OR_LIMIT_MESSAGE);
  const usedUdfs = new Set(compiled.flatMap((c) => [...c.udfs]));
  // DOC REST_Updating_Data_PATCH: "You can only query by one user-defined field at a time".
  if (usedUdfs.size > 1) throw new AutotaskError('You can only query by one user-defined field at a time.');
  return (row) => compiled.every((c) => c.predicate(row));
}

function compileOne(entity: EntityDef, udfs: readonly UdfDef[], raw: unknown): Compiled {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new AutotaskError('Invalid filter expression.');
  const f = raw as Record<string, unknown>;
  const opText = prop(f, 'op');
  const op = typeof opText === 'string' ? (opText.toLowerCase() as Op) : undefined;
  if (!op || !OPS.includes(op)) throw new AutotaskError(`Invalid filter operator: '${String(opText)}'.`);
  if (op === 'and' || op === 'or') {
    const items = prop(f, 'items');
    if (!Array.isArray(items) || items.length === 0)
      throw new AutotaskError(`The '${opText}' operator requires a list of items.`);
    const children = items.map((i) => compileOne(entity, udfs, i));
    const childOr = children.reduce((n, c) => n + c.orCount, 0);
    const udfSet = new Set(children.flatMap((c) => [...c.udfs]));
    if (op === 'and')
      return { predicate: (r) => children.every((c) => c.predicate(r)), orCount: childOr, udfs: udfSet };
    return {
      predicate: (r) => children.some((c) => c.predicate(r)),
      orCount: childOr + children.length,
      udfs: udfSet,
    };
  }
  const fieldName = prop(f, 'field');
  if (typeof fieldName !== 'string' || fieldName === '')
    throw new AutotaskError(`The '${opText}' operator requires a field.`);
  const isUdf = prop(f, 'udf') === true;
  const value = prop(f, 'value');
  let getter: (row: Row) => unknown;
  let kind: string;
  const udfNames = new Set<string>();
  if (isUdf) {
    const def = udfs.find((u) => u.name.toLowerCase() === fieldName.toLowerCase());
    if (!def) throw new AutotaskError(`Unable to find ${fieldName} in the ${entity.singular} Entity.`);
    udfNames.add(def.name.toLowerCase());
    kind = def.type;
    getter = (row) =>
      row.userDefinedFields?.find((u) => u.name.toLowerCase() === def.name.toLowerCase())?.value ?? null;
  } else {
    const def = fieldByName(entity, fieldName);
    if (!def) throw new AutotaskError(`Unable to find ${fieldName} in the ${entity.singular} Entity.`);
    if (!def.isQueryable) throw new AutotaskError(`The field ${def.name} is not queryable.`);
    kind = def.dataType;
    getter = (row) => row[def.name] ?? null;
    checkValueType(def, op, value);
  }
  const predicate = leaf(op, kind, value, fieldName, getter);
  const orCount = op === 'in' || op === 'notin' ? (value as unknown[]).length : 0;
  return { predicate, orCount, udfs: udfNames };
}

/** DOC REST_Basic_Query_Calls: boolean fields take JSON true/false only. */
function checkValueType(def: FieldDef, op: Op, value: unknown): void {
  if (op === 'exist' || op === 'notexist') return;
  const values = op === 'in' || op === 'notin' ? (Array.isArray(value) ? value : [value]) : [value];
  for (const v of values) {
    if (def.dataType === 'boolean' && typeof v !== 'boolean') {
      throw new AutotaskError(`Invalid value for boolean field ${def.name}: booleans must be true or false.`);
    }
    if ((def.dataType === 'integer' || def.dataType === 'long' || def.dataType === 'decimal') && v !== null) {
      if (typeof v === 'boolean' || typeof v === 'object' || Number.isNaN(Number(v)) || v === '') {
        throw new AutotaskError(`Invalid value '${String(v)}' for field ${def.name}: a number is required.`);
      }
    }
    if (def.dataType === 'datetime' && v !== null && Number.isNaN(Date.parse(String(v)))) {
      throw new AutotaskError(`Invalid value '${String(v)}' for field ${def.name}: a date/time is required.`);
    }
  }
}

type Cmp = (a: unknown, b: unknown) => number | undefined;

function comparer(kind: string): Cmp {
  if (kind === 'integer' || kind === 'long' || kind === 'decimal') {
    return (a, b) => (a === null || b === null || a === '' ? undefined : Number(a) - Number(b));
  }
  if (kind === 'datetime') {
    // Times without a zone are UTC (reference §4.3), whatever the machine's zone.
    const ms = (v: unknown) => Date.parse(toIsoDate(String(v)) ?? String(v));
    return (a, b) => (a === null || b === null ? undefined : ms(a) - ms(b));
  }
  if (kind === 'boolean')
    return (a, b) =>
      a === null || b === null
        ? undefined
        : Number(a === true || a === 'true') - Number(b === true || b === 'true');
  return (a, b) => {
    if (a === null || b === null) return undefined;
    const x = String(a).toLowerCase();
    const y = String(b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

function leaf(op: Op, kind: string, value: unknown, field: string, get: (row: Row) => unknown): Predicate {
  const cmp = comparer(kind);
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v).toLowerCase());
  switch (op) {
    case 'exist':
      return (r) => !isMissing(get(r));
    case 'notexist':
      return (r) => isMissing(get(r));
    case 'in':
    case 'notin': {
      if (!Array.isArray(value))
        throw new AutotaskError(
          `The '${op === 'in' ? 'in' : 'notIn'}' operator requires an array value for ${field}.`,
        );
      const list = value as unknown[];
      const member = (r: Row) => list.some((v) => cmp(get(r), v) === 0);
      return op === 'in' ? member : (r) => !isMissing(get(r)) && !member(r);
    }
    case 'beginswith':
    case 'endswith':
    case 'contains': {
      if (value === null || value === undefined || typeof value === 'object') {
        throw new AutotaskError(`The '${op}' operator requires a string value for ${field}.`);
      }
      const needle = String(value).toLowerCase();
      return (r) => {
        const hay = text(get(r));
        if (hay === null) return false;
        return op === 'contains'
          ? hay.includes(needle)
          : op === 'beginswith'
            ? hay.startsWith(needle)
            : hay.endsWith(needle);
      };
    }
    default: {
      if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
        throw new AutotaskError(`The '${op}' operator requires a single value for ${field}.`);
      }
      const tests: Record<string, (c: number) => boolean> = {
        eq: (c) => c === 0,
        noteq: (c) => c !== 0,
        gt: (c) => c > 0,
        gte: (c) => c >= 0,
        lt: (c) => c < 0,
        lte: (c) => c <= 0,
      };
      const test = tests[op] ?? (() => false);
      if (value === null || value === undefined) {
        // `eq null` / `noteq null` behave as notExist / exist; ordering against null matches nothing.
        if (op === 'eq') return (r) => isMissing(get(r));
        if (op === 'noteq') return (r) => !isMissing(get(r));
        return () => false;
      }
      return (r) => {
        const c = cmp(get(r), value);
        return c !== undefined && !Number.isNaN(c) && test(c);
      };
    }
  }
}
