// Validate responses against Halo's own schemas (SPEC-2024 `components.schemas`, extracted into
// spec-schemas.json by src/simulators/halopsa/spec/extract.ts). Halo's datetimes carry no zone
// (reference §2), which RFC 3339 `date-time` rejects, so `date-time` here means ISO 8601 with an
// optional zone; `uuid` is a GUID.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

const doc = JSON.parse(readFileSync(new URL('./spec-schemas.json', import.meta.url), 'utf8')) as {
  schemas: Record<string, object>;
};

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/);
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
for (const fmt of ['date-span', 'byte', 'binary', 'uri', 'int32', 'int64', 'double', 'float'])
  ajv.addFormat(fmt, true);
// OpenAPI 3.0 `nullable` without a `type` (e.g. `CustomField.value`) means "anything".
function dropUntypedNullable(node: unknown): void {
  if (Array.isArray(node)) node.forEach(dropUntypedNullable);
  else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if ('nullable' in o && !('type' in o)) delete o.nullable;
    Object.values(o).forEach(dropUntypedNullable);
  }
}
dropUntypedNullable(doc.schemas);
ajv.addSchema({ components: { schemas: doc.schemas } }, 'halo');

const cache = new Map<string, ValidateFunction>();

/** Errors of `value` against schema `name` (empty when it conforms). */
export function schemaErrors(name: string, value: unknown): string[] {
  let validate = cache.get(name);
  if (!validate) {
    validate = ajv.getSchema(`halo#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name}`);
    cache.set(name, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
