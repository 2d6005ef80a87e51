// The open-source client @apigrate/autotask-restapi (reference §7) works unchanged against the
// simulator over https with a self-signed certificate: zone lookup without headers, then its own
// header spelling (`ApiIntegrationcode`), POST queries, get, create, update, child create, count,
// field info, and its 404 → null convention. Certificate checks are relaxed for this file only.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { startAutotask } from './client.ts';

interface EntityApi {
  query(search: unknown): Promise<{ items: Record<string, unknown>[]; pageDetails: Record<string, unknown> }>;
  count(search: unknown): Promise<{ queryCount: number }>;
  get(id: number): Promise<{ item: Record<string, unknown> } | null>;
  create(...args: unknown[]): Promise<{ itemId: number }>;
  update(...args: unknown[]): Promise<{ itemId: number }>;
  fieldInfo(): Promise<{ fields: { name: string; picklistValues: unknown[] | null }[] }>;
  info(): Promise<{ info: Record<string, unknown> }>;
}
type Client = Record<string, EntityApi> & { zoneInfo: { url: string } | null };

const require = createRequire(import.meta.url);
const { AutotaskRestApi, AutotaskApiError } = require('@apigrate/autotask-restapi') as {
  AutotaskRestApi: new (user: string, secret: string, code: string, opts?: { base_url?: string }) => Client;
  AutotaskApiError: new (...a: unknown[]) => Error & { status: number; details: unknown };
};

let sim: RunningSimulator;
let api: Client;
const previousTls = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

beforeAll(async () => {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  sim = await startAutotask({ port: 0, tls: true });
  const c = sim.credentials;
  api = new AutotaskRestApi(c.username!, c.secret!, c.integrationCode!, {
    base_url: `${sim.url}/ATServicesRest/`,
  });
});
afterAll(async () => {
  await sim.stop();
  if (previousTls === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousTls;
});

describe('@apigrate/autotask-restapi over https', () => {
  it('discovers the zone and queries companies', async () => {
    expect(sim.url).toMatch(/^https:/);
    const res = await api.Companies!.query({
      filter: [{ op: 'beginsWith', field: 'CompanyName', value: 'Smith' }],
      includeFields: ['id', 'companyName'],
    });
    expect(api.zoneInfo?.url).toBe(`${sim.url}/atservicesrest/`);
    expect(res.items.length).toBeGreaterThanOrEqual(2);
    expect(res.pageDetails).toMatchObject({ requestCount: 500, nextPageUrl: null });
  });

  it('gets the tenant company 0 and returns null for a missing id', async () => {
    expect((await api.Companies!.get(0))?.item.id).toBe(0);
    expect(await api.Companies!.get(987654)).toBeNull();
  });

  it('counts, reads field info and entity info', async () => {
    const n = await api.Companies!.count({
      filter: [{ op: 'beginsWith', field: 'CompanyName', value: 'B' }],
    });
    expect(n.queryCount).toBeGreaterThanOrEqual(0);
    const fields = await api.Tickets!.fieldInfo();
    expect(fields.fields.find((f) => f.name === 'queueID')?.picklistValues?.length).toBeGreaterThan(0);
    expect((await api.Tickets!.info()).info.canCreate).toBe(true);
  });

  it('creates and updates a ticket, and adds a note through the child URL', async () => {
    const created = await api.Tickets!.create({
      companyID: 174,
      title: 'From apigrate',
      status: 1,
      priority: 2,
      queueID: 29683490,
    });
    expect(created.itemId).toBeGreaterThan(0);
    await api.Tickets!.update({ id: created.itemId, status: 8 });
    expect((await api.Tickets!.get(created.itemId))?.item.status).toBe(8);
    const note = await api.TicketNotes!.create(created.itemId, {
      title: 'Note',
      description: 'From apigrate',
      noteType: 1,
      publish: 1,
    });
    expect(note.itemId).toBeGreaterThan(0);
  });

  it('adjusts contract units through Contracts/{id}/ServiceAdjustments', async () => {
    const units = await api.ContractServiceUnits!.query({
      filter: [{ op: 'exist', field: 'id' }],
      MaxRecords: 1,
    });
    const u = units.items[0]!;
    const res = await api.ContractServiceAdjustments!.create(u.contractID, {
      contractID: u.contractID,
      serviceID: u.serviceID,
      unitChange: 1,
      effectiveDate: '2026-12-01T00:00:00Z',
    });
    expect(res.itemId).toBeGreaterThan(0);
  });

  it('surfaces validation errors as AutotaskApiError with the errors body', async () => {
    const err = await api
      .Tickets!.create({ companyID: 174, status: 1, priority: 2 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AutotaskApiError);
    expect((err as { status: number }).status).toBe(500);
    expect((err as { details: { errors: string[] } }).details.errors[0]).toMatch(/title/);
  });
});
