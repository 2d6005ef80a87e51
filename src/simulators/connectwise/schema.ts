// The vendor's component schemas, read at start: `manage-2026.4.json` is copied unchanged from the
// official GET-only subset [S4]; `manage-extra.json` holds the schemas that subset lacks, written
// from the v2025.1 models (reference §7.4, §7.9-7.11 [S6, S7]). Field types, required lists, enums
// and "Max length: N" notes drive both write validation and the typing of `conditions`.
import { readFileSync } from 'node:fs';

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: string[];
  nullable?: boolean;
  description?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  $ref?: string;
}

function load(file: string): Record<string, JsonSchema> {
  const doc = JSON.parse(readFileSync(new URL(`./schemas/${file}`, import.meta.url), 'utf8')) as {
    schemas: Record<string, JsonSchema>;
  };
  return doc.schemas;
}

export const schemas: Record<string, JsonSchema> = {
  ...load('manage-2026.4.json'),
  ...load('manage-extra.json'),
};

export const SPEC_VERSION = '2026.4';

export function schemaNamed(name: string): JsonSchema {
  const schema = schemas[name];
  if (!schema) throw new Error(`no schema ${name}`);
  return schema;
}

export function deref(schema: JsonSchema): JsonSchema {
  let s = schema;
  while (s.$ref) s = schemaNamed(s.$ref.replace('#/components/schemas/', ''));
  return s;
}

/** "Max length: 100;" in the spec description → 100. */
export function maxLength(schema: JsonSchema): number | undefined {
  const m = /Max length: (\d+)/.exec(schema.description ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Case-insensitive property lookup; returns the property's real name and its (dereferenced) schema. */
export function property(schema: JsonSchema, name: string): { name: string; schema: JsonSchema } | undefined {
  const props = deref(schema).properties ?? {};
  if (props[name]) return { name, schema: deref(props[name]) };
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(props))
    if (key.toLowerCase() === lower) return { name: key, schema: deref(value) };
  return undefined;
}

export type ScalarKind = 'string' | 'number' | 'boolean' | 'date' | 'object' | 'array' | 'any';

export function scalarKind(schema: JsonSchema): ScalarKind {
  const s = deref(schema);
  if (s.type === 'string') return s.format === 'date-time' ? 'date' : 'string';
  if (s.type === 'integer' || s.type === 'number') return 'number';
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'array') return 'array';
  // CustomFieldValue.value is `{type: object}` with no properties: it holds any scalar [S4].
  if (s.type === 'object' && !s.properties && !s.additionalProperties) return 'any';
  if (s.type === 'object' || s.properties) return 'object';
  return 'any';
}

/**
 * Resolve a `/`-separated field path (case-insensitive [S1 examples, inferred]) through a schema,
 * stepping into array items, e.g. `communicationItems/value` on Contact.
 */
export function resolvePath(
  root: JsonSchema,
  path: string,
): { names: string[]; schema: JsonSchema; throughArray: boolean } | undefined {
  let current = deref(root);
  const names: string[] = [];
  let throughArray = false;
  for (const part of path.split('/')) {
    if (current.type === 'array' && current.items) {
      current = deref(current.items);
      throughArray = true;
    }
    // `_info/lastUpdated`: `_info` is a string map [S4].
    if (
      current.additionalProperties &&
      typeof current.additionalProperties === 'object' &&
      !current.properties
    ) {
      names.push(part);
      current = deref(current.additionalProperties);
      continue;
    }
    const found = property(current, part);
    if (!found) return undefined;
    names.push(found.name);
    current = found.schema;
  }
  return { names, schema: current, throughArray };
}
