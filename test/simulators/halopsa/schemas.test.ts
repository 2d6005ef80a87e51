// Every simulated entity, read by id and in lists, conforms to its SPEC-2024 schema (which is
// strict: `additionalProperties: false`), so no field the real API lacks sneaks into a response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors } from './spec-schemas.ts';
import { startHalo, type HaloTestClient } from './halo-client.ts';

let halo: HaloTestClient;
beforeAll(async () => {
  halo = await startHalo();
});
afterAll(async () => halo.sim.stop());

type Obj = Record<string, unknown>;

describe('responses match the SPEC-2024 schemas', () => {
  it.each([
    ['/api/Tickets?includeinactive=true', 'tickets', 'Faults'],
    ['/api/Client?includeinactive=true', 'clients', 'Area'],
    ['/api/Site?includeinactive=true', 'sites', 'Site'],
    ['/api/Users?includeinactive=true', 'users', 'Users'],
    ['/api/Actions', 'actions', 'Actions'],
    ['/api/Item', 'items', 'Item'],
    ['/api/SoftwareLicence?includeinactive=true', 'licences', 'Licence_List'],
    ['/api/RecurringInvoice?includelines=true', 'invoices', 'InvoiceHeader'],
  ])('%s rows are %s', async (path, key, schema) => {
    const r = await halo.get<Record<string, Obj[]>>(path);
    const rows = r.json[key]!;
    expect(rows.length).toBeGreaterThan(0);
    const bad = rows.map((row) => schemaErrors(schema, row)).filter((e) => e.length > 0);
    expect(bad).toEqual([]);
  });

  it.each([
    ['/api/Tickets/1000', 'Faults'],
    ['/api/Client/1', 'Area'],
    ['/api/Site/1', 'Site'],
    ['/api/Users/1', 'Users'],
    ['/api/TicketType/1', 'RequestType'],
    ['/api/Status/9', 'TStatus'],
    ['/api/SLA/2', 'SlaHead'],
    ['/api/Category/1', 'CategoryDetail'],
    ['/api/Team/1', 'SectionDetail'],
    ['/api/Agent/2', 'Uname'],
    ['/api/Outcome/4', 'TOutcome'],
    ['/api/Item/1', 'Item'],
    ['/api/SoftwareLicence/2', 'Licence_List'],
    ['/api/RecurringInvoice/-40', 'InvoiceHeader'],
  ])('%s is a %s', async (path, schema) => {
    const r = await halo.get<Obj>(path);
    expect(r.status).toBe(200);
    expect(schemaErrors(schema, r.json)).toEqual([]);
  });
});
