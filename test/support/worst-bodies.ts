// The request bodies an attacker sends to make a JSON API work hard: about 1 MiB each, shaped after
// the route's own body schema so that each reaches the costly part (a long array where the schema
// has an array, a huge string where it has a string) rather than failing on the first property.
import { randomUUID } from 'node:crypto';

export const WORST_SIZE = 1024 * 1024;

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

export interface WorstBody {
  shape: string;
  /** The raw JSON text, at most WORST_SIZE bytes. */
  text: string;
}

/** The object schema of a body (the first object in a union), or an empty one. */
function objectOf(schema: SchemaNode | undefined): SchemaNode {
  if (!schema) return {};
  if (schema.properties) return schema;
  return schema.anyOf?.find((s) => s.properties) ?? {};
}

/** Distinct strings (uniqueness checks compare every pair) in a JSON array of about `bytes`. */
function longArray(bytes: number): string {
  const one = JSON.stringify(randomUUID()).length + 1;
  const n = Math.floor(bytes / one);
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = JSON.stringify(randomUUID());
  return `[${parts.join(',')}]`;
}

/** The worst bodies for a route whose body schema is `schema`. */
export function worstBodies(schema: unknown): WorstBody[] {
  const obj = objectOf(schema as SchemaNode);
  const props = Object.entries(obj.properties ?? {});
  const arrayProp = props.find(([, s]) => s.type === 'array')?.[0] ?? props[0]?.[0] ?? 'items';
  const stringProp = props.find(([, s]) => s.type === 'string')?.[0] ?? props[0]?.[0] ?? 'name';
  const room = WORST_SIZE - 64;
  const depth = Math.floor(room / 2);
  const keys = Math.floor(room / 12);
  return [
    { shape: 'nested arrays', text: `{"${arrayProp}":${'['.repeat(depth)}${']'.repeat(depth)}}` },
    {
      shape: 'nested objects',
      text: `{"${arrayProp}":${'{"a":'.repeat(Math.floor(room / 6))}1${'}'.repeat(Math.floor(room / 6))}}`,
    },
    { shape: `long array in ${arrayProp}`, text: `{"${arrayProp}":${longArray(room)}}` },
    {
      shape: 'long array of arrays',
      text: `{"${arrayProp}":[${Array.from({ length: Math.floor(room / 3) }, () => '[]').join(',')}]}`,
    },
    { shape: `huge string in ${stringProp}`, text: JSON.stringify({ [stringProp]: 'x'.repeat(room) }) },
    {
      shape: 'many keys',
      text: `{${Array.from({ length: keys }, (_, i) => `"k${i.toString(36).padStart(6, '0')}":0`).join(',')}}`,
    },
  ];
}
