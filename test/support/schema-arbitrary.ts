// fast-check arbitraries derived from a route's TypeBox (JSON) schema: values of the schema's shape —
// its objects, arrays, literals — whose leaves are sometimes valid, sometimes just out of range, and
// sometimes the strings that break storage or parsing (NUL, lone surrogates, very long, emoji, RTL
// marks, prototype keys). Shaped values get past the first check and reach deeper ones; arbitrary
// JSON (`fc.jsonValue()`) covers the shapes the schema never thought of.
import fc from 'fast-check';

interface SchemaNode {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

const MAX_DEPTH = 6;

/** Where in the schema a node is, and the real values (ids, external ids) strings may take. */
interface At {
  depth: number;
  known: readonly string[];
}
const deeper = (at: At): At => ({ ...at, depth: at.depth + 1 });

/** Keys that mean something to JavaScript objects: never to be treated as plain data. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Strings that have broken services before: storage, rendering, parsing, comparisons. */
export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\u202eevil\u202c',
  '\u200f\u200e\u061c',
  '\ufeff',
  '\u2028\u2029',
  'Ω≈ç√∫',
  '%00',
  '../../etc/passwd',
  "'; DROP TABLE partners; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  ...PROTOTYPE_KEYS,
];

const anyJson = fc.jsonValue({ maxDepth: 3 });

function formatted(format: string | undefined): fc.Arbitrary<string> | null {
  switch (format) {
    case 'uuid':
      return fc.oneof(
        fc.uuid(),
        fc.uuid().map((u) => u.toUpperCase()),
        fc.constant('00000000-0000-0000-0000-000000000000'),
      );
    case 'date-time':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T25:61:61Z'),
      );
    case 'date':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default:
      return null;
  }
}

function matching(pattern: string | undefined): fc.Arbitrary<string> | null {
  if (!pattern) return null;
  try {
    return fc.stringMatching(new RegExp(pattern), { size: 'small' });
  } catch {
    return null; // a pattern fast-check cannot invert (lookaheads…): the other strings still apply
  }
}

function strings(schema: SchemaNode, known: readonly string[]): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 60;
  const near = Math.min(max, 300);
  const options: fc.Arbitrary<string>[] = [
    fc.string({ unit: 'binary', maxLength: near }),
    fc.string({ unit: 'grapheme', maxLength: near }),
    fc.constantFrom(...ODD_STRINGS),
    // Just over the limit, in characters that take several bytes or UTF-16 units.
    fc.constantFrom('x', 'é', '😀', '\u0000').map((c) => c.repeat(Math.min(max + 1, 20_000))),
    fc.constant('a'.repeat(100_000)),
  ];
  const valid = formatted(schema.format) ?? matching(schema.pattern);
  if (valid) options.push(valid.map((v) => `${v}\u0000`));
  // Weighted towards values that pass, so a body with many fields still reaches the handler now and
  // then; real ids are what get it past its first lookup.
  const plain = fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(max, 40) });
  const passing = [{ arbitrary: valid ?? plain, weight: options.length }];
  if (known.length) passing.push({ arbitrary: fc.constantFrom(...known), weight: 2 });
  return fc.oneof(...options.map((arbitrary) => ({ arbitrary, weight: 1 })), ...passing);
}

function numbers(schema: SchemaNode): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const max = schema.maximum ?? schema.exclusiveMaximum;
  const edges = [0, -0, -1, 1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53) - 1, Number.MAX_VALUE, 1e21];
  if (min !== undefined) edges.push(min, min - 1, min - 0.5);
  if (max !== undefined) edges.push(max, max + 1, max + 0.5);
  return fc.oneof(
    fc.constantFrom(...edges),
    fc.integer({ min: min ?? -1000, max: max ?? 1_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
}

function objects(schema: SchemaNode, at: At): fc.Arbitrary<unknown> {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(([key, sub]) => {
    const value = arbitraryFor(sub, deeper(at));
    // A required field is mostly there, an optional one half the time; absence is its own case.
    const freq = required.has(key) ? 10 : 2;
    return fc
      .option(value, { freq, nil: undefined })
      .map((v) => (v === undefined ? [] : [[key, v] as const]));
  });
  const open =
    schema.patternProperties ??
    (typeof schema.additionalProperties === 'object' ? { '': schema.additionalProperties } : {});
  const openValue = Object.values(open)[0];
  const extra = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, ...ODD_STRINGS), fc.string({ maxLength: 20 })),
      openValue ? arbitraryFor(openValue, deeper(at)) : anyJson,
    ),
    { maxLength: 3 },
  );
  const noExtra = fc.constant([] as (readonly [string, unknown])[]);
  // Object.fromEntries defines `__proto__` as an own key, the way JSON.parse would see it.
  return fc
    .tuple(fc.tuple(...entries), fc.oneof({ arbitrary: noExtra, weight: 3 }, extra))
    .map(([known, more]) => Object.fromEntries([...known.flat(), ...more]));
}

function arrays(schema: SchemaNode, at: At): fc.Arbitrary<unknown[]> {
  const item = schema.items ? arbitraryFor(schema.items, deeper(at)) : anyJson;
  const max = schema.maxItems;
  const options = [fc.array(item, { maxLength: Math.min(max ?? 5, 5) })];
  // One item over the limit, repeating the same item (uniqueness and length both matter).
  if (max !== undefined && max <= 1000)
    options.push(item.map((v) => Array.from({ length: max + 1 }, () => v)));
  return fc.oneof(...options);
}

function ofType(type: string, schema: SchemaNode, at: At): fc.Arbitrary<unknown> {
  switch (type) {
    case 'object':
      return objects(schema, at);
    case 'array':
      return arrays(schema, at);
    case 'string':
      return strings(schema, at.known);
    case 'integer':
    case 'number':
      return numbers(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return anyJson;
  }
}

function shaped(schema: SchemaNode, at: At): fc.Arbitrary<unknown> {
  if (at.depth > MAX_DEPTH) return anyJson;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => arbitraryFor(s, at)));
  if (schema.allOf?.length) return arbitraryFor(schema.allOf[0]!, at);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((t) => ofType(t, schema, at)));
  if (schema.type) return ofType(schema.type, schema, at);
  if (schema.properties) return objects(schema, at);
  return anyJson;
}

/**
 * Values shaped like `schema`, any node of which is now and then of the wrong type entirely; its
 * strings are now and then one of `known` (real ids), so a handler gets past "no such record".
 */
export function arbitraryFor(schema: unknown, at: At | readonly string[] = []): fc.Arbitrary<unknown> {
  const where = Array.isArray(at) ? { depth: 0, known: at } : (at as At);
  const node = (schema ?? {}) as SchemaNode;
  return fc.oneof({ arbitrary: shaped(node, where), weight: 15 }, { arbitrary: anyJson, weight: 1 });
}

/** Query-string values as they arrive: strings, repeated keys for arrays, JSON for objects. */
export function toQuery(value: unknown): string {
  const params = new URLSearchParams();
  const entries = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
  for (const [key, v] of entries) {
    for (const one of Array.isArray(v) ? v : [v])
      params.append(key, typeof one === 'object' && one !== null ? JSON.stringify(one) : String(one));
  }
  return params.toString();
}

/** Raw query strings no URLSearchParams would write: broken escapes, bad UTF-8, bracket syntax. */
export const RAW_QUERIES = [
  'q=%ED%A0%80',
  'q=%ff%fe',
  'q=%',
  'q=%zz',
  'q=%00',
  'limit=1e400',
  'limit=-0',
  'limit=9007199254740993',
  'limit=0x10',
  'limit=',
  'limit&limit',
  'q[]=a&q[]=b',
  'q[a]=b',
  '__proto__=x',
  '__proto__[admin]=1',
  'constructor[prototype][x]=1',
  'cursor=%E2%80%AE',
];
