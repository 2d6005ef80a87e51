// ajv validators built from the official component schemas the simulator ships (copied unchanged
// from the vendor's spec subset [S4], plus the S6-derived ones the subset lacks).
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';

const dir = new URL('../../../src/simulators/connectwise/schemas/', import.meta.url);
const load = (f: string) =>
  (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { schemas: Record<string, any> }).schemas;
const schemas = structuredClone({ ...load('manage-2026.4.json'), ...load('manage-extra.json') });
// Spec quirk: CustomFieldValue.value is typed `object`, yet real values are scalars (the guide's own
// PATCH example sends `"value": false`, reference §5 [S1]) — relaxed for validation.
schemas.CustomFieldValue.properties.value = {};

const ajv = new Ajv({ strict: false, allErrors: true });
(addFormatsModule as unknown as (a: Ajv) => void)(ajv);
for (const f of ['int32', 'int64'])
  ajv.addFormat(f, { type: 'number', validate: (n: number) => Number.isInteger(n) });
for (const f of ['double', 'float']) ajv.addFormat(f, { type: 'number', validate: () => true });
ajv.addSchema({ $id: 'cw', components: { schemas } });

const cache = new Map<string, ValidateFunction>();
export function validator(name: string, array = false): ValidateFunction {
  const key = `${name}${array ? '[]' : ''}`;
  let v = cache.get(key);
  if (!v) {
    const ref = { $ref: `cw#/components/schemas/${name}` };
    v = ajv.compile(array ? { type: 'array', items: ref } : ref);
    cache.set(key, v);
  }
  return v;
}

/** Throws with ajv's messages when `body` does not match the named schema. */
export function assertSchema(name: string, body: unknown, array = false): void {
  const v = validator(name, array);
  if (!v(body)) throw new Error(`${name}${array ? '[]' : ''}: ${ajv.errorsText(v.errors)}`);
}
