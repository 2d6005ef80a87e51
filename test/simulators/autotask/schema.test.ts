// Response bodies checked with ajv against the official Swagger's definitions (SPEC). The 2020
// Swagger names properties in PascalCase while the live API answers camelCase (reference §0, §6),
// so property names are camel-cased here; it lacks nullability, so every scalar may also be null
// (the live API sends null for unset fields); and it types query responses as the bare model, so
// the envelopes are the SPEC2 ones (reference §2.1: {items, pageDetails}, {item}).
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { AtClient, startAutotask } from './client.ts';

const SPEC_PATH = '/work/shared/specs/autotask/autotask-rest-v1.swagger.json';
type Schema = Record<string, unknown>;

function camel(name: string): string {
  const run = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (run.length === name.length) return name.toLowerCase();
  if (run.length <= 1) return name.charAt(0).toLowerCase() + name.slice(1);
  return run.slice(0, -1).toLowerCase() + name.slice(run.length - 1);
}

/** Convert one Swagger schema: camelCase properties, nullable scalars, no extra properties. */
function convert(s: Schema, extras: string[] = []): Schema {
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/definitions/', '');
    if (name === 'Object') return {};
    return { $ref: `#/definitions/${name}` };
  }
  if (s.type === 'object' && s.properties) {
    const properties: Record<string, Schema> = {};
    for (const [k, v] of Object.entries(s.properties as Record<string, Schema>)) {
      if (k === 'SoapParentPropertyId') continue;
      properties[camel(k)] = convert(v);
    }
    for (const e of extras) properties[e] = {};
    return { type: 'object', properties, additionalProperties: false };
  }
  if (s.type === 'array') return { type: ['array', 'null'], items: convert((s.items ?? {}) as Schema) };
  if (typeof s.type === 'string') {
    const out: Schema = { type: [s.type, 'null'] };
    if (s.format === 'date-time') out.format = 'date-time';
    return out;
  }
  return {};
}

const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { definitions: Record<string, Schema> };
const needed = [
  'CompanyModel',
  'ContactModel',
  'TicketModel',
  'TicketNoteModel',
  'ContractModel',
  'ContractServiceModel',
  'ContractServiceUnitModel',
  'ServiceModel',
  'ProductModel',
  'ConfigurationItemModel',
  'ResourceModel',
  'UserDefinedField',
  'OperationResultModel',
  'QueryCountResultModel',
  'EntityInformationResultModel',
  'EntityInformationModel',
  'FieldInformationResultModel',
  'FieldInformationModel',
  'PickListValue',
  'UserDefinedFieldInformationResultModel',
  'Field',
  'ApiVersionResultModel',
  'ThresholdStatusResultModel',
  'ZoneInformationResultModel',
  'RestUserAccessLevel',
];
/** Fields the entity pages document beyond the 2020 Swagger (reference §4.5: ContractServices.adjustedPrice). */
const extras: Record<string, string[]> = { ContractServiceModel: ['adjustedPrice'] };
const definitions: Record<string, Schema> = {};
for (const name of needed) {
  const def = spec.definitions[name];
  if (!def) continue;
  definitions[name] = convert(def, extras[name]);
}
// The 2020 Swagger renders the RestUserAccessLevel enum as an empty object; the entity-information
// page documents it as 0 None, 1 All, 2 Restricted (reference §3).
definitions.RestUserAccessLevel = { type: 'integer', enum: [0, 1, 2] };
definitions.PagingModel = {
  type: 'object',
  required: ['count', 'requestCount', 'prevPageUrl', 'nextPageUrl'],
  properties: {
    count: { type: 'integer' },
    requestCount: { type: 'integer' },
    prevPageUrl: { type: ['string', 'null'] },
    nextPageUrl: { type: ['string', 'null'] },
  },
  additionalProperties: false,
};

const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: under Node's ESM interop the default import is the plugin itself.
(addFormats as unknown as (a: Ajv) => void)(ajv);
ajv.addSchema({ $id: 'spec', definitions });
const ref = (name: string) => ({ $ref: `spec#/definitions/${name}` });
const queryOf = (model: string) => ({
  type: 'object',
  required: ['items', 'pageDetails'],
  properties: { items: { type: 'array', items: ref(model) }, pageDetails: ref('PagingModel') },
  additionalProperties: false,
});
const itemOf = (model: string) => ({
  type: 'object',
  required: ['item'],
  properties: { item: ref(model) },
  additionalProperties: false,
});

function check(schema: Schema, body: unknown): void {
  const validate = ajv.compile(schema);
  const ok = validate(body);
  expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
}

let sim: RunningSimulator;
let at: AtClient;
beforeAll(async () => {
  sim = await startAutotask({ port: 0 });
  at = await new AtClient(sim).discover();
});
afterAll(async () => sim.stop());

const entities: [string, string][] = [
  ['Companies', 'CompanyModel'],
  ['Contacts', 'ContactModel'],
  ['Tickets', 'TicketModel'],
  ['TicketNotes', 'TicketNoteModel'],
  ['Contracts', 'ContractModel'],
  ['ContractServices', 'ContractServiceModel'],
  ['ContractServiceUnits', 'ContractServiceUnitModel'],
  ['Services', 'ServiceModel'],
  ['Products', 'ProductModel'],
  ['ConfigurationItems', 'ConfigurationItemModel'],
  ['Resources', 'ResourceModel'],
];

describe('responses match the Swagger definitions', () => {
  it.each(entities)('%s query and get', async (entity, model) => {
    const q = await at.query<{ id: number }>(entity, [{ op: 'exist', field: 'id' }], { MaxRecords: 25 });
    check(queryOf(model), q.body);
    expect(q.body.items.length).toBeGreaterThan(0);
    const one = await at.get(`/${entity}/${q.body.items[0]!.id}`);
    check(itemOf(model), one.body);
  });

  it.each(entities)('%s entityInformation, fields and userDefinedFields', async (entity) => {
    check(ref('EntityInformationResultModel'), (await at.get(`/${entity}/entityInformation`)).body);
    check(ref('FieldInformationResultModel'), (await at.get(`/${entity}/entityInformation/fields`)).body);
    check(
      ref('UserDefinedFieldInformationResultModel'),
      (await at.get(`/${entity}/entityInformation/userDefinedFields`)).body,
    );
  });

  it('count, create, threshold, zone and version', async () => {
    check(
      ref('QueryCountResultModel'),
      (await at.post('/Companies/query/count', { filter: [{ op: 'exist', field: 'id' }] })).body,
    );
    const created = await at.post('/Tickets', {
      companyID: 174,
      title: 'Schema check',
      status: 1,
      priority: 2,
    });
    check({ ...ref('OperationResultModel'), required: ['itemId'] } as Schema, created.body);
    check(ref('ThresholdStatusResultModel'), (await at.get('/ThresholdInformation')).body);
    const zone = await (
      await fetch(
        `${sim.url}/atservicesrest/v1.0/zoneInformation?user=${encodeURIComponent(sim.credentials.username!)}`,
      )
    ).json();
    check(ref('ZoneInformationResultModel'), zone);
    check(
      ref('ApiVersionResultModel'),
      await (await fetch(`${sim.url}/atservicesrest/versioninformation`)).json(),
    );
  });

  it('the schema check itself catches a wrong type', () => {
    const validate = ajv.compile(itemOf('TicketModel'));
    expect(validate({ item: { id: 1, priority: 'high' } })).toBe(false);
    expect(validate({ item: { id: 1, notAField: 1 } })).toBe(false);
  });
});
