// Reading and writing billing lines of recurring invoices and software licences: many targets of
// many clients in a page or two of the lists (or by id when that is fewer requests), only what
// differs posted, 429 and 5xx retried, and Halo's own refusals kept.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PsaError } from '../../../src/psa/errors.ts';
import { bodyErrors, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.sim.stop());
beforeEach(async () => {
  await rig.control('reset');
  rig.exchanges.length = 0;
});

type Row = Record<string, unknown>;
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PsaError,
  );

/** Invoice -40 (seed): line 24901 is manual (41 × 2.25), line 24900's quantity Halo derives. */
const line = 'ril:-40:24901';
const derivedLine = 'ril:-40:24900';
/** Licence 2 (66 seats, client 113); licence 9 is deleted (seed). */
const licence = 'lic:2';
const deletedLicence = 'lic:9';

type Seeded = { companies: { clientId: number; recurringInvoiceId: number; lineIds: number[] }[] };
const apiCalls = () => rig.exchanges.filter((e) => new URL(e.url).pathname.startsWith('/api/'));
const posts = () => apiCalls().filter((e) => e.method === 'POST');
const lineRow = async (id: number) => (await rig.records<Row[]>('invoicelines')).find((l) => l.id === id)!;

describe('HaloPSA readBillingTargets', () => {
  it('reads 60 lines of 30 clients and 3 licences in a page of each list, leaving out gone ones', async () => {
    const { companies } = (await rig.control('billing-companies', { count: 30 })) as Seeded;
    const c = rig.client();
    const listed = (await Promise.all(companies.map((co) => c.billingTargets(String(co.clientId))))).flat();
    expect(listed).toHaveLength(60);
    rig.exchanges.length = 0;
    const ids = [
      ...listed.map((t) => t.id),
      line,
      derivedLine,
      licence,
      deletedLicence,
      'lic:1',
      'ril:-1:1',
      'x',
    ];
    const states = await c.readBillingTargets(ids);
    const requests = apiCalls().length;
    console.log(
      `HaloPSA readBillingTargets: ${listed.length + 3} targets over ${companies.length + 3} clients in ${requests} requests`,
    );
    expect(requests).toBe(2);
    expect(states.size).toBe(63);
    const lines = await rig.records<Row[]>('invoicelines');
    for (const t of listed) {
      const l = lines.find((x) => `ril:${String(x.ihid)}:${String(x.id)}` === t.id)!;
      expect(states.get(t.id)).toEqual({
        id: t.id,
        quantity: t.quantity,
        unitPrice: l.unit_price,
        unitCost: l.unit_cost,
        description: l.item_shortdescription,
      });
    }
    expect(states.get(line)).toEqual({
      id: line,
      quantity: 41,
      unitPrice: 2.25,
      unitCost: null,
      description: 'Cloud Backup - Microsoft 365 Seat',
    });
    expect(states.get(licence)).toEqual({
      id: licence,
      quantity: 66,
      unitPrice: null,
      unitCost: null,
      description: null,
    });
    for (const gone of [derivedLine, deletedLicence, 'ril:-1:1']) expect(states.has(gone)).toBe(false);
  });

  it('reads a few targets among 500 clients by id rather than walking every page', async () => {
    const { companies } = (await rig.control('billing-companies', { count: 500 })) as Seeded;
    const picked = [companies[10]!, companies[250]!, companies[499]!];
    const ids = picked.map((co) => `ril:${co.recurringInvoiceId}:${co.lineIds[1]!}`);
    const c = rig.client();
    await c.pickLists(); // the token, outside the count
    rig.exchanges.length = 0;
    const states = await c.readBillingTargets(ids);
    expect([...states.keys()]).toEqual(ids);
    // One page tells 545 invoices (6 pages): the two not on it are fetched by id.
    const [list, ...byId] = apiCalls().map((e) => new URL(e.url).pathname);
    expect(list).toBe('/api/RecurringInvoice');
    expect(byId).toHaveLength(2);
    const pickedPaths = picked.map((co) => `/api/RecurringInvoice/${co.recurringInvoiceId}`);
    for (const p of byId) expect(pickedPaths).toContain(p);
  });
});

describe('HaloPSA writeBillingLine', () => {
  it('posts only the fields that differ to updatelines, and answers the saved line', async () => {
    const c = rig.client();
    const after = await c.writeBillingLine(line, {
      quantity: 45,
      unitPrice: 2.25,
      unitCost: 1.1,
      description: 'M365 backup seat',
    });
    expect(after).toEqual({
      id: line,
      quantity: 45,
      unitPrice: 2.25,
      unitCost: 1.1,
      description: 'M365 backup seat',
    });
    const [post, ...more] = posts();
    expect(more).toEqual([]);
    expect(new URL(post!.url).pathname).toBe('/api/RecurringInvoice/updatelines');
    expect(JSON.parse(post!.requestBody!)).toEqual([
      { id: 24901, ihid: -40, qty_order: 45, unit_cost: 1.1, item_shortdescription: 'M365 backup seat' },
    ]);
    expect(bodyErrors(post!) ?? []).toEqual([]);
    expect(await lineRow(24901)).toMatchObject({ qty_order: 45, unit_cost: 1.1, net_amount: 101.25 });
    rig.exchanges.length = 0;
    expect(await c.writeBillingLine(line, { quantity: 45, unitCost: 1.1 })).toEqual(after);
    expect(posts()).toEqual([]);
    expect(await c.setBillingQuantity(line, 40)).toEqual({ previous: 45, current: 40 });
  });

  it('sets a licence count, and refuses a price on a licence unsent', async () => {
    const c = rig.client();
    expect(await c.writeBillingLine(licence, { quantity: 70 })).toMatchObject({ quantity: 70 });
    expect(JSON.parse(posts()[0]!.requestBody!)).toEqual([{ id: 2, count: 70 }]);
    expect((await rig.records<Row>('softwarelicence', 2)).count).toBe(70);
    rig.exchanges.length = 0;
    const err = await fail(c.writeBillingLine(licence, { quantity: 71, unitPrice: 5 }));
    expect(err!.kind).toBe('validation');
    expect(err!.message).toMatch(/seat count only/);
    expect(apiCalls()).toEqual([]);
    expect((await fail(c.writeBillingLine(deletedLicence, { quantity: 1 })))!.kind).toBe('not_found');
  });

  it('waits out a 429 as Retry-After says, then posts', async () => {
    const c = rig.client();
    await rig.control('faults', {
      method: 'POST',
      path: 'RecurringInvoice/updatelines$',
      status: 429,
      headers: { 'retry-after': '1' },
      body: 'Too many requests',
      times: 1,
    });
    const started = Date.now();
    expect((await c.writeBillingLine(line, { quantity: 50 })).quantity).toBe(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(rig.count(/RecurringInvoice\/updatelines$/, 'POST')).toBe(2);
    expect((await lineRow(24901)).qty_order).toBe(50);
  });

  it('repeats the absolute write after a 5xx and after a lost reply', async () => {
    const c = rig.client();
    await rig.control('faults', {
      method: 'POST',
      path: 'RecurringInvoice/updatelines$',
      status: 502,
      times: 1,
    });
    expect((await c.writeBillingLine(line, { quantity: 51 })).quantity).toBe(51);
    expect(rig.count(/RecurringInvoice\/updatelines$/, 'POST')).toBe(2);
    await rig.control('faults', {
      method: 'POST',
      path: 'SoftwareLicence$',
      dropAfterCommit: true,
      times: 1,
    });
    expect((await c.writeBillingLine(licence, { quantity: 3 })).quantity).toBe(3);
    expect((await rig.records<Row>('softwarelicence', 2)).count).toBe(3);
  });

  it("surfaces Halo's own reason for a refusal, and leaves derived lines to Halo", async () => {
    const c = rig.client();
    const err = await fail(c.writeBillingLine(line, { quantity: 41, description: '' }));
    expect(err!.kind).toBe('validation');
    expect(err!.message).toMatch(/Please enter a description for each line/);
    expect((await lineRow(24901)).item_shortdescription).toBe('Cloud Backup - Microsoft 365 Seat');
    rig.exchanges.length = 0;
    const derived = await fail(c.writeBillingLine(derivedLine, { quantity: 1 }));
    expect(derived!.kind).toBe('validation');
    expect(derived!.message).toMatch(/counts the quantity of this invoice line itself/);
    expect(posts()).toEqual([]);
    expect((await fail(c.writeBillingLine('ril:-40:1', { quantity: 1 })))!.kind).toBe('not_found');
    expect((await fail(c.writeBillingLine('nonsense', { quantity: 1 })))!.kind).toBe('validation');
  });
});
