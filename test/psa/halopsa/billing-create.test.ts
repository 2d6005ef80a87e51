// Creating a missing billing target: a client's recurring invoices, a line added once with
// `POST /RecurringInvoice/Lines` (found again rather than posted twice, also after a lost reply), and
// invoices of another client refused. Request bodies are checked against SPEC-2024.
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

/**
 * Client 174's recurring invoice -126 (seed) has a manual line of item 9 and a line of item 1 whose
 * quantity Halo derives; item 13 (Support Contract - Per User, 45.00 a month) is not on it.
 */
const company = '174';
const invoice = '-126';
const item = '13';

async function linesOf(ihid: number, itemId: number): Promise<Row[]> {
  return (await rig.records<Row[]>('invoicelines')).filter((l) => l.ihid === ihid && l._itemid === itemId);
}

const linePosts = () =>
  rig.exchanges.filter(
    (e) => e.method === 'POST' && /RecurringInvoice\/Lines$/i.test(new URL(e.url).pathname),
  );

describe('HaloPSA billing parents and new recurring-invoice lines', () => {
  it("lists the client's recurring invoices, and not another client's", async () => {
    const halo = rig.client();
    const invoices = await rig.records<Row[]>('RecurringInvoice');
    const parents = await halo.billingParents(company);
    expect(parents.map((p) => p.id).sort()).toEqual(
      invoices
        .filter((h) => h.client_id === 174)
        .map((h) => String(h.id))
        .sort(),
    );
    expect(parents.find((p) => p.id === invoice)).toMatchObject({ kind: 'recurring_invoice' });
    expect(parents.every((p) => p.name.startsWith('Recurring invoice'))).toBe(true);
    const theirs = await halo.billingParents('125');
    expect(theirs.map((p) => p.id)).toContain('-128');
    expect(theirs.map((p) => p.id)).not.toContain(invoice);
    // Parents are named as the targets' parents are.
    const target = (await halo.billingTargets(company)).find((t) => t.parent?.id === invoice)!;
    expect(parents.find((p) => p.id === invoice)!.name).toBe(target.parent!.name);
  });

  it('adds a line that billingTargets lists afterwards with the quantity', async () => {
    const halo = rig.client();
    const t = await halo.createBillingTarget({
      companyId: company,
      parentId: invoice,
      productId: item,
      quantity: 11,
    });
    expect(t).toMatchObject({
      kind: 'recurring_invoice_line',
      productId: item,
      quantity: 11,
      parent: { id: invoice },
    });
    expect(t.id).toMatch(/^ril:-126:\d+$/);
    expect(t.label).toMatch(/→ Support Contract - Per User$/);
    expect((await halo.billingTargets(company)).find((x) => x.id === t.id)).toEqual(t);
    const posts = linePosts();
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!.requestBody!)).toEqual([
      {
        ihid: -126,
        _itemid: 13,
        item_shortdescription: 'Support Contract - Per User',
        qty_order: 11,
        unit_price: 45,
      },
    ]);
    expect(bodyErrors(posts[0]!)).toEqual([]);
    const stored = await linesOf(-126, 13);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ qty_order: 11, unit_price: 45 });
    // The new line's quantity is then set like any other.
    expect(await halo.setBillingQuantity(t.id, 14)).toEqual({ previous: 11, current: 14 });
  });

  it('answers the existing line when called again, and posts nothing', async () => {
    const halo = rig.client();
    const input = { companyId: company, parentId: invoice, productId: item, quantity: 2 };
    const first = await halo.createBillingTarget(input);
    const again = await halo.createBillingTarget({ ...input, quantity: 5 });
    expect(again).toEqual(first);
    expect(linePosts()).toHaveLength(1);
    expect(await linesOf(-126, 13)).toHaveLength(1);
    // The seed's manual line of item 9: found as billingTargets lists it.
    const seeded = (await halo.billingTargets(company)).find(
      (t) => t.parent?.id === invoice && t.productId === '9',
    )!;
    expect(await halo.createBillingTarget({ ...input, productId: '9' })).toEqual(seeded);
    expect(linePosts()).toHaveLength(1);
  });

  it('makes exactly one line when the reply to the create is lost', async () => {
    const halo = rig.client();
    await rig.control('faults', {
      method: 'POST',
      path: '^/api/RecurringInvoice/Lines$',
      dropAfterCommit: true,
      times: 1,
    });
    const t = await halo.createBillingTarget({
      companyId: company,
      parentId: invoice,
      productId: item,
      quantity: 4,
    });
    expect(t).toMatchObject({ productId: item, quantity: 4 });
    const posts = linePosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.error).not.toBeNull();
    const stored = await linesOf(-126, 13);
    expect(stored.map((l) => `ril:-126:${String(l.id)}`)).toEqual([t.id]);
  });

  it('posts again when the request never reached Halo', async () => {
    const halo = rig.client();
    await rig.control('faults', {
      method: 'POST',
      path: '^/api/RecurringInvoice/Lines$',
      dropBeforeCommit: true,
      times: 1,
    });
    const t = await halo.createBillingTarget({
      companyId: company,
      parentId: invoice,
      productId: item,
      quantity: 3,
    });
    expect(linePosts()).toHaveLength(2);
    expect((await linesOf(-126, 13)).map((l) => `ril:-126:${String(l.id)}`)).toEqual([t.id]);
  });

  it("refuses another client's invoice, an item Halo counts itself, and bad input, writing nothing", async () => {
    const halo = rig.client();
    const err = await fail(
      halo.createBillingTarget({ companyId: company, parentId: '-128', productId: item, quantity: 1 }),
    );
    expect(err!.kind).toBe('validation');
    expect(err!.message).toMatch(/belongs to another customer/);
    const derived = await fail(
      halo.createBillingTarget({ companyId: company, parentId: invoice, productId: '1', quantity: 1 }),
    );
    expect(derived!.kind).toBe('validation');
    expect(derived!.message).toMatch(/Halo counts itself/);
    const missing = await fail(
      halo.createBillingTarget({ companyId: company, parentId: '-99999', productId: item, quantity: 1 }),
    );
    expect(missing!.kind).toBe('not_found');
    const noItem = await fail(
      halo.createBillingTarget({ companyId: company, parentId: invoice, productId: '99999', quantity: 1 }),
    );
    expect(noItem!.kind).toBe('not_found');
    for (const quantity of [-1, Number.NaN]) {
      const bad = await fail(
        halo.createBillingTarget({ companyId: company, parentId: invoice, productId: item, quantity }),
      );
      expect(bad!.kind).toBe('validation');
    }
    const word = await fail(
      halo.createBillingTarget({ companyId: company, parentId: 'first', productId: item, quantity: 1 }),
    );
    expect(word!.kind).toBe('validation');
    expect(linePosts()).toHaveLength(0);
  });

  it('is refused as permission without edit:invoices, which billing.write already checks', async () => {
    const halo = rig.client();
    await rig.control('permissions', { remove: ['edit:invoices'] });
    try {
      const err = await fail(
        halo.createBillingTarget({ companyId: company, parentId: invoice, productId: item, quantity: 1 }),
      );
      expect(err!.kind).toBe('permission');
      const checks = await halo.checkPermissions();
      const write = checks.find((c) => c.permission === 'billing.write')!;
      expect(write.ok).toBe(false);
      expect(write.label).toMatch(/add lines/);
      expect(write.fix).toMatch(/edit:invoices/);
    } finally {
      await rig.control('permissions', { restore: true });
    }
    expect(await linesOf(-126, 13)).toHaveLength(0);
  });
});
