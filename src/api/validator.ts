// Schema validation that costs time in proportion to the input. TypeBox checks `uniqueItems` by
// comparing every pair of items, before and regardless of `maxItems`: 30,000 items held the event
// loop for seconds. So the compiled schema goes without `uniqueItems`, and uniqueness is checked
// afterwards — only once the value passed, so every array is within its `maxItems` — with a Set.
// And a value that fails is first searched for what is too long in one linear walk, since TypeBox's
// error report describes every failing item of a 500,000-item array before it answers.
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath?: string;
  message?: string;
  params?: Record<string, unknown>;
  /** The value found at `instancePath`, for messages that quote what was sent (enums). */
  value?: unknown;
  /** For an error inside a union of literals at its place: the union's schema path and values. */
  enumUnion?: { schemaPath: string; values: string[] };
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

/** A copy of `schema` without `uniqueItems`, keeping TypeBox's non-enumerable markers. */
function withoutUniqueItems<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withoutUniqueItems) as T;
  if (!isNode(schema)) return schema;
  const copy: PropertyDescriptorMap = {};
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(schema))) {
    if (key === 'uniqueItems') continue;
    copy[key] = 'value' in d ? { ...d, value: withoutUniqueItems(d.value) } : d;
  }
  return Object.defineProperties({}, copy) as T;
}

function hasUniqueItems(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasUniqueItems);
  if (!isNode(schema)) return false;
  return schema.uniqueItems === true || Object.values(schema).some(hasUniqueItems);
}

const error = (keyword: string, instancePath: string, message: string, params = {}): SchemaError => ({
  keyword,
  instancePath,
  message,
  params,
});

/**
 * The first array longer than its `maxItems`, string longer than its `maxLength`, unknown field of a
 * closed object or record over its `maxProperties`, walking schema and value together: found in time
 * linear in the value, where TypeBox's own error report visits (and describes) every item first.
 */
function firstOverrun(schema: unknown, value: unknown, path: string): SchemaError | null {
  if (!isNode(schema)) return null;
  if (typeof value === 'string') {
    const max = schema.maxLength;
    return typeof max === 'number' && value.length > max
      ? error('maxLength', path, `must not be longer than ${max} characters`)
      : null;
  }
  if (Array.isArray(value)) {
    const max = schema.maxItems;
    if (typeof max === 'number' && value.length > max)
      return error('maxItems', path, `must not have more than ${max} items`);
    for (let i = 0; i < value.length; i++) {
      const hit = firstOverrun(schema.items, value[i], `${path}/${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (!isNode(value)) return null;
  const max = schema.maxProperties;
  if (typeof max === 'number' && Object.keys(value).length > max)
    return error('maxProperties', path, `must not have more than ${max} fields`);
  const properties = isNode(schema.properties) ? schema.properties : {};
  if (schema.additionalProperties === false) {
    const unknown = Object.keys(value).filter((k) => !(k in properties));
    if (unknown.length)
      return error('additionalProperties', path, 'unknown fields', {
        additionalProperties: unknown.slice(0, 5),
      });
  }
  for (const [key, sub] of Object.entries(properties)) {
    if (!(key in value)) continue;
    const hit = firstOverrun(sub, value[key], `${path}/${key}`);
    if (hit) return hit;
  }
  return null;
}

/** The first repeated item of an array the schema says is unique, walking schema and value together. */
function firstRepeat(schema: unknown, value: unknown, path: string): SchemaError | null {
  if (!isNode(schema)) return null;
  if (Array.isArray(value)) {
    if (schema.uniqueItems === true) {
      const seen = new Map<string, number>();
      for (let i = 0; i < value.length; i++) {
        const key = JSON.stringify(value[i]);
        const first = seen.get(key);
        if (first !== undefined)
          return error(
            'uniqueItems',
            path,
            `must not have duplicate items (item ${i} repeats item ${first})`,
          );
        seen.set(key, i);
      }
    }
    for (let i = 0; i < value.length; i++) {
      const hit = firstRepeat(schema.items, value[i], `${path}/${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (isNode(value) && isNode(schema.properties)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (!(key in value)) continue;
      const hit = firstRepeat(sub, value[key], `${path}/${key}`);
      if (hit) return hit;
    }
  }
  return null;
}

/** The value at a JSON pointer such as `/items/0/status`, or undefined. */
function valueAt(root: unknown, pointer: string): unknown {
  let at = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (!isNode(at)) return undefined;
    at = at[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return at;
}

/** The values of a union of literals (perhaps nested, perhaps with null), or null if it is not one. */
function literalValues(node: unknown): string[] | null {
  if (!isNode(node)) return null;
  if ('const' in node) return [String(node.const)];
  if (node.type === 'null') return ['null'];
  if (!Array.isArray(node.anyOf)) return null;
  const values = node.anyOf.map(literalValues);
  return values.every((v) => v !== null) ? values.flat() : null;
}

/**
 * The union of literals an error sits in, read from the schema: the first `anyOf` on its schema
 * path at the error's own place. TypeBox stops after a few errors (its DoS guard), which can cut
 * off the union's own error, so the values come from the schema rather than from the errors.
 */
function enumUnionOf(schema: unknown, e: SchemaError): SchemaError['enumUnion'] {
  const depth = e.instancePath.split('/').length - 1;
  const segments = (e.schemaPath ?? '').replace(/^#\/?/, '').split('/').filter(Boolean);
  let node: unknown = schema;
  let at = 0;
  for (let i = 0; i < segments.length && isNode(node); i++) {
    const seg = segments[i]!;
    if (seg === 'anyOf' && at === depth) {
      const values = literalValues(node);
      if (!values || values.every((v) => v === 'null')) return undefined;
      return { schemaPath: `#/${segments.slice(0, i).join('/')}`, values };
    }
    if (seg === 'properties' || seg === 'patternProperties') {
      node = isNode(node[seg]) ? (node[seg] as Node)[segments[++i] ?? ''] : undefined;
      at++;
    } else if (seg === 'items' || seg === 'additionalProperties') {
      node = node[seg];
      at++;
    } else node = node[seg];
  }
  return undefined;
}

/** Compile `schema` into a check that answers null when `value` passes, or its errors. */
export function compileCheck(schema: TSchema): (value: unknown) => readonly SchemaError[] | null {
  const compiled = Compile(withoutUniqueItems(schema));
  const unique = hasUniqueItems(schema);
  return (value) => {
    if (!compiled.Check(value)) {
      const overrun = firstOverrun(schema, value, '');
      if (overrun) return [overrun];
      const errors = compiled.Errors(value) as unknown as SchemaError[];
      return errors.map((e) => {
        const enumUnion = (e.schemaPath ?? '').includes('anyOf') ? enumUnionOf(schema, e) : undefined;
        return { ...e, value: valueAt(value, e.instancePath), ...(enumUnion ? { enumUnion } : {}) };
      });
    }
    const repeat = unique ? firstRepeat(schema, value, '') : null;
    return repeat ? [repeat] : null;
  };
}

/** Fastify's validator: bodies as sent; querystring, params and headers converted to the schema's types. */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = compileCheck(schema);
  return (value) => {
    const converted = httpPart === 'body' ? value : Value.Convert(schema, value);
    const errors = check(converted);
    return errors ? { error: errors as never } : { value: converted };
  };
};
