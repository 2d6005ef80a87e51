// Copies, unchanged, the component schemas the simulator serves from the official GET-only
// OpenAPI subset (reference §11, [S4]) into `manage-2026.4.json`, following `$ref`s, so the
// simulator and its tests read the vendor's own field lists, required lists, enums and
// "Max length" notes. Run: node src/simulators/connectwise/schemas/extract-schemas.ts [spec.json]
import { readFileSync, writeFileSync } from 'node:fs';

const ROOTS = [
  'Company',
  'CompanyStatus',
  'CompanyType',
  'CompanySite',
  'Contact',
  'Board',
  'BoardStatus',
  'BoardType',
  'BoardSubType',
  'BoardItem',
  'Priority',
  'Ticket',
  'ServiceNote',
  'CatalogItem',
  'Agreement',
  'AgreementType',
  'Addition',
  'Member',
  'Location',
  'Department',
  'Count',
  'ConfigurationReference',
];

const specPath = process.argv[2] ?? '/work/shared/specs/connectwise/manage-2026.4-get-subset.openapi.json';
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
  info: { version: string };
  components: { schemas: Record<string, unknown> };
};
const all = spec.components.schemas;
const out: Record<string, unknown> = {};
const queue = [...ROOTS];
while (queue.length > 0) {
  const name = queue.shift()!;
  if (name in out) continue;
  const schema = all[name];
  if (schema === undefined) throw new Error(`schema ${name} not in the spec`);
  out[name] = schema;
  for (const m of JSON.stringify(schema).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) queue.push(m[1]!);
}
const target = new URL('./manage-2026.4.json', import.meta.url);
writeFileSync(
  target,
  JSON.stringify({
    source: 'manage-2026.4-get-subset.openapi.json',
    version: spec.info.version,
    schemas: out,
  }) + '\n',
);
console.log(`wrote ${Object.keys(out).length} schemas`);
