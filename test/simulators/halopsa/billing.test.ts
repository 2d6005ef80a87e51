// Billing records: software licences, recurring invoices with lines (`updatelines`, `Lines`, a
// header posted with `lines`), and items (reference §4.14–4.16).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schemaErrors } from './spec-schemas.ts';
import { startHalo, type HaloTestClient } from './halo-client.ts';

let halo: HaloTestClient;
beforeAll(async () => {
  halo = await startHalo();
});
afterAll(async () => halo.sim.stop());
beforeEach(async () => {
  await fetch(`${halo.url}/_sim/reset`, { method: 'POST' });
});

type Obj = Record<string, unknown>;
type Invoice = Obj & { id: number; lines: (Obj & { id: number; qty_order: number })[] };

describe('SoftwareLicence', () => {
  it('creates a licence without a site as site_id -1 (ESET) and updates its count', async () => {
    const created = await halo.post<Obj>('/api/SoftwareLicence', [
      { client_id: 12, site_id: -1, name: 'Microsoft 365 Business Premium', count: 25 },
    ]);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      client_id: 12,
      site_id: -1,
      count: 25,
      name: 'Microsoft 365 Business Premium',
      licences_available: 25,
    });
    expect(schemaErrors('Licence_List', created.json)).toEqual([]);
    const updated = await halo.post<Obj>('/api/SoftwareLicence', [{ id: created.json.id, count: 30 }]);
    expect(updated.json).toMatchObject({ id: created.json.id, count: 30, client_id: 12, site_id: -1 });
    const listed = await halo.get<{ licences: Obj[] }>('/api/softwarelicence?client_id=12');
    expect(listed.json.licences.find((l) => l.id === created.json.id)?.count).toBe(30);
  });

  it.each([
    ['no client', [{ name: 'x', count: 1 }], 'Please select a Client.'],
    ['no name', [{ client_id: 12, count: 1 }], 'Please enter a Name.'],
    ['an unknown client', [{ client_id: 99999, name: 'x' }], 'Client 99999 does not exist.'],
    ['a negative count', [{ client_id: 12, name: 'x', count: -1 }], 'The licence count cannot be negative.'],
    [
      'a site of another client',
      [{ client_id: 12, site_id: 1, name: 'x' }],
      'Site 1 does not belong to Client 12.',
    ],
  ])('rejects %s', async (_name, body, message) => {
    const r = await halo.post('/api/SoftwareLicence', body);
    expect(r.status).toBe(400);
    expect(r.text).toBe(message);
  });

  it('hides inactive licences unless includeinactive=true, and deletes', async () => {
    const active = await halo.get<{ record_count: number }>('/api/SoftwareLicence');
    const all = await halo.get<{ record_count: number }>('/api/SoftwareLicence?includeinactive=true');
    expect(all.json.record_count).toBeGreaterThan(active.json.record_count);
    expect((await halo.del('/api/SoftwareLicence/1')).status).toBe(200);
    expect((await halo.get('/api/SoftwareLicence/1')).status).toBe(404);
  });
});

describe('RecurringInvoice', () => {
  async function firstInvoice(): Promise<Invoice> {
    const list = await halo.get<{ invoices: Obj[] }>('/api/RecurringInvoice?count=1');
    const r = await halo.get<Invoice>(`/api/RecurringInvoice/${String(list.json.invoices[0]!.id)}`);
    expect(r.status).toBe(200);
    return r.json;
  }

  it('has negative ids ([obs] RINV) and lines with Halo’s sentinels on GET by id', async () => {
    const inv = await firstInvoice();
    expect(inv.id).toBeLessThan(0);
    expect(inv.lines.length).toBeGreaterThan(0);
    for (const l of inv.lines) {
      expect(l).toMatchObject({
        ihid: inv.id,
        contract_id: -1,
        asset_id: -1,
        ticket_id: -1,
        lineactiondate: '1899-12-30T00:00:00',
      });
      expect(typeof l._itemid).toBe('number');
      expect(schemaErrors('InvoiceDetail', l)).toEqual([]);
    }
    expect(schemaErrors('InvoiceHeader', inv)).toEqual([]);
  });

  it('lists without lines unless includelines=true', async () => {
    const plain = await halo.get<{ invoices: Obj[] }>('/api/RecurringInvoice?count=2');
    expect(plain.json.invoices[0]).not.toHaveProperty('lines');
    const withLines = await halo.get<{ invoices: Obj[] }>('/api/RecurringInvoice?count=2&includelines=true');
    expect(Array.isArray(withLines.json.invoices[0]!.lines)).toBe(true);
  });

  it('updatelines changes a quantity from a minimal line and recomputes the amounts', async () => {
    const inv = await firstInvoice();
    const line = inv.lines[0]!;
    const r = await halo.post<Obj>('/api/RecurringInvoice/updatelines', [
      { id: line.id, ihid: inv.id, qty_order: 17 },
    ]);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ id: line.id, qty_order: 17 });
    expect(r.json.net_amount).toBeCloseTo(17 * (line.unit_price as number), 2);
    const after = await halo.get<Invoice>(`/api/RecurringInvoice/${inv.id}`);
    expect(after.json.lines.find((l) => l.id === line.id)?.qty_order).toBe(17);
    expect(after.json.lines.length).toBe(inv.lines.length);
    const total = after.json.lines.reduce((s, l) => s + (l.total_price as number), 0);
    expect(after.json.total).toBeCloseTo(total, 2);
  });

  it.each([
    ['an unknown line', [{ id: 1, qty_order: 2 }], 'Invoice line 1 does not exist.'],
    [
      'a line of another invoice',
      [{ id: 24900, ihid: -9999, qty_order: 2 }],
      'Invoice line 24900 does not belong to invoice -9999.',
    ],
    ['an unknown item', [{ id: 24900, _itemid: 999 }], 'Item 999 does not exist.'],
  ])('updatelines rejects %s', async (_name, body, message) => {
    const r = await halo.post('/api/RecurringInvoice/updatelines', body);
    expect(r.status).toBe(400);
    expect(r.text).toBe(message);
  });

  it('updatelines type-checks like every POST', async () => {
    const r = await halo.post<Record<string, string[]>>('/api/RecurringInvoice/updatelines', [
      { id: 24900, qty_order: 'lots' },
    ]);
    expect(r.status).toBe(400);
    expect(Object.keys(r.json)).toEqual(['[0].qty_order']);
  });

  it('Lines adds a line for an item, priced from the item', async () => {
    const inv = await firstInvoice();
    const r = await halo.post<Obj>('/api/RecurringInvoice/Lines', [
      { ihid: inv.id, _itemid: 1, qty_order: 3 },
    ]);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      ihid: inv.id,
      _itemid: 1,
      qty_order: 3,
      unit_price: 4.5,
      item_shortdescription: 'Cloud Backup - Per Workstation',
    });
    const after = await halo.get<Invoice>(`/api/RecurringInvoice/${inv.id}`);
    expect(after.json.lines.length).toBe(inv.lines.length + 1);
  });

  it('creates a header with lines (new id below the others) and replaces lines when posted again', async () => {
    const created = await halo.post<Invoice>('/api/RecurringInvoice', [
      {
        client_id: 12,
        reference: 'Backup services',
        lines: [
          { _itemid: 1, qty_order: 10 },
          { _itemid: 2, qty_order: 2 },
        ],
      },
    ]);
    expect(created.status).toBe(201);
    expect(created.json.id).toBeLessThan(-100);
    const inv = (await halo.get<Invoice>(`/api/RecurringInvoice/${created.json.id}`)).json;
    expect(inv.lines.map((l) => l.qty_order)).toEqual([10, 2]);
    // Posting the header with only the first line, changed: the line left out is removed.
    const first = inv.lines[0]!;
    await halo.post('/api/RecurringInvoice', [{ id: inv.id, lines: [{ id: first.id, qty_order: 11 }] }]);
    const after = (await halo.get<Invoice>(`/api/RecurringInvoice/${inv.id}`)).json;
    expect(after.lines.map((l) => [l.id, l.qty_order])).toEqual([[first.id, 11]]);
  });

  it('rejects a header for an unknown client, and deletes', async () => {
    const r = await halo.post('/api/RecurringInvoice', [{ client_id: 424242 }]);
    expect(r.status).toBe(400);
    expect(r.text).toBe('Client 424242 does not exist.');
    const inv = await firstInvoice();
    expect((await halo.del(`/api/RecurringInvoice/${inv.id}`)).status).toBe(200);
    expect((await halo.get(`/api/RecurringInvoice/${inv.id}`)).status).toBe(404);
  });
});

describe('Item', () => {
  it('lists recurring items only with recurringonly=true, and creates one', async () => {
    const rec = await halo.get<{ items: Obj[] }>('/api/Item?recurringonly=true');
    expect(rec.json.items.length).toBeGreaterThan(0);
    expect(rec.json.items.every((i) => i.isrecurringitem === true)).toBe(true);
    const created = await halo.post<Obj>('/api/Item', [
      { name: 'Cloud Backup - Per VM', baseprice: 12, recurringprice: 12, isrecurringitem: true },
    ]);
    expect(created.status).toBe(201);
    expect(schemaErrors('Item', created.json)).toEqual([]);
    const bad = await halo.post('/api/Item', [{ name: 'x', baseprice: -1 }]);
    expect(bad.status).toBe(400);
  });
});
