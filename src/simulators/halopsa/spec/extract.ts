// Extracts what the simulator and its tests need from Halo's official OpenAPI document
// (SPEC-2024, `../shared/specs/halopsa/swagger.json`), so neither has to load the 3.6 MB file:
//   - `fields.json`: per schema, each property's wire type (used to type-check POST bodies);
//   - `test/simulators/halopsa/spec-schemas.json`: the schemas of the simulated entities and every
//     schema they reference, for ajv.
// Usage: node src/simulators/halopsa/spec/extract.ts ../shared/specs/halopsa/swagger.json
import { readFileSync, writeFileSync } from 'node:fs';

interface PropSchema {
  type?: string;
  format?: string;
  maxLength?: number;
  $ref?: string;
  items?: PropSchema;
}
interface ObjSchema {
  properties?: Record<string, PropSchema>;
}

/** Halo schema name per simulated entity (reference §4 names them). */
export const entitySchemas = [
  'Faults',
  'Actions',
  'Area',
  'Site',
  'Users',
  'RequestType',
  'TStatus',
  'Policy',
  'SlaHead',
  'CategoryDetail',
  'SectionDetail',
  'Uname',
  'Item',
  'Licence_List',
  'InvoiceHeader',
  'InvoiceDetail',
  'TOutcome',
];

function wireType(p: PropSchema): string {
  if (p.$ref) return 'object';
  if (p.type === 'integer') return p.format === 'int64' ? 'int64' : 'int32';
  if (p.type === 'number') return 'number';
  if (p.type === 'string')
    return p.format === 'date-time' ? 'date-time' : p.format === 'uuid' ? 'uuid' : 'string';
  if (p.type === 'boolean') return 'boolean';
  if (p.type === 'array') return 'array';
  if (p.type === 'object') return 'object';
  return 'any';
}

function main(specPath: string): void {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
    components: { schemas: Record<string, ObjSchema> };
  };
  const all = spec.components.schemas;
  const fields: Record<string, Record<string, string>> = {};
  for (const name of entitySchemas) {
    const props = all[name]?.properties ?? {};
    fields[name] = Object.fromEntries(
      Object.entries(props).map(([k, p]) => [k, p.maxLength ? `${wireType(p)}:${p.maxLength}` : wireType(p)]),
    );
  }
  const seen = new Set<string>();
  const queue = [...entitySchemas];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name) || all[name] === undefined) continue;
    seen.add(name);
    for (const m of JSON.stringify(all[name]).matchAll(/#\/components\/schemas\/([A-Za-z0-9_.]+)/g))
      queue.push(m[1]!);
  }
  const schemas = Object.fromEntries([...seen].sort().map((n) => [n, all[n]]));
  const here = new URL('.', import.meta.url);
  writeFileSync(new URL('fields.json', here), JSON.stringify(fields) + '\n');
  writeFileSync(
    new URL('../../../../test/simulators/halopsa/spec-schemas.json', here),
    JSON.stringify({ source: 'SPEC-2024 components.schemas (subset)', schemas }) + '\n',
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv[2] ?? '../shared/specs/halopsa/swagger.json');
