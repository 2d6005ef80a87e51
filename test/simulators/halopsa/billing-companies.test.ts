// `/_sim/billing-companies`: many clients, each with a recurring invoice of two manual lines, that
// read over the API like seeded ones (SPEC-2024 schemas), and go away on reset.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHalo, type HaloTestClient } from './halo-client.ts';
import { schemaErrors } from './spec-schemas.ts';

let halo: HaloTestClient;
beforeAll(async () => {
  halo = await startHalo();
});
afterAll(async () => halo.sim.stop());
beforeEach(async () => {
  await fetch(`${halo.url}/_sim/reset`, { method: 'POST' });
});

type Seeded = { companies: { clientId: number; recurringInvoiceId: number; lineIds: number[] }[] };
type Row = Record<string, unknown>;
const seed = (body: unknown) =>
  fetch(`${halo.url}/_sim/billing-companies`, { method: 'POST', body: JSON.stringify(body) });

describe('HaloPSA /_sim/billing-companies', () => {
  it('adds 500 clients, each with a recurring invoice of two manual lines', async () => {
    const started = Date.now();
    const res = await seed({ count: 500 });
    expect(res.status).toBe(201);
    const { companies } = (await res.json()) as Seeded;
    console.log(`HaloPSA: 500 billing clients seeded in ${Date.now() - started} ms`);
    expect(companies).toHaveLength(500);
    expect(new Set(companies.map((c) => c.recurringInvoiceId)).size).toBe(500);
    const last = companies.at(-1)!;
    const list = await halo.get<{ invoices: Row[] }>(
      `/api/RecurringInvoice?client_id=${last.clientId}&includelines=true`,
    );
    expect(list.json.invoices.map((h) => h.id)).toEqual([last.recurringInvoiceId]);
    const inv = (await halo.get<Row>(`/api/RecurringInvoice/${last.recurringInvoiceId}`)).json;
    expect(schemaErrors('InvoiceHeader', inv)).toEqual([]);
    const lines = inv.lines as Row[];
    expect(lines.map((l) => l.id)).toEqual(last.lineIds);
    for (const l of lines) {
      expect(schemaErrors('InvoiceDetail', l)).toEqual([]);
      expect(l).toMatchObject({ recurring_invoice_quantity_type: 0, ihid: last.recurringInvoiceId });
      expect(l.net_amount).toBe(Math.round(Number(l.qty_order) * Number(l.unit_price) * 100) / 100);
    }
    expect(inv.total).toBe(Math.round(lines.reduce((s, l) => s + Number(l.total_price), 0) * 100) / 100);
  });

  it('refuses a bad count, and reset takes the clients away', async () => {
    expect((await seed({ count: 'many' })).status).toBe(400);
    const { companies } = (await (await seed({ count: 1 })).json()) as Seeded;
    await fetch(`${halo.url}/_sim/reset`, { method: 'POST' });
    expect((await halo.get(`/api/Client/${companies[0]!.clientId}`)).status).toBe(404);
  });
});
