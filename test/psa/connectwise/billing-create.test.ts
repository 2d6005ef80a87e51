// Creating a missing billing target: the agreements of a company new additions can go on, an
// addition POSTed once (found again rather than posted twice, also after a lost reply), and
// agreements of another company or not active refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PsaError } from '../../../src/psa/errors.ts';
import { allAnswerErrors, assertNoSecrets, schemaErrors, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(() => rig.sim.stop());
beforeEach(async () => {
  await rig.reset();
});

type Row = Record<string, unknown>;
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PsaError,
  );
const idOf = (v: unknown) => (v as Row | undefined)?.id;

/** Company 2's one active agreement (seed), and a product not yet on it. */
const company = '2';
const agreement = '1';
const product = '7'; // MANAGED-WS

async function additionsOf(agreementId: string, productId: string): Promise<Row[]> {
  const all = await rig.records<Row[]>('additions');
  return all.filter((d) => String(d.agreementId) === agreementId && String(idOf(d.product)) === productId);
}

describe('ConnectWise billing parents and new additions', () => {
  it("lists the company's active, non-cancelled agreements, and not another company's", async () => {
    const c = rig.client();
    const parents = await c.billingParents(company);
    expect(parents).toEqual([
      { id: agreement, kind: 'agreement', name: 'Managed Services - Smith & Jones Ltd' },
    ]);
    const agreements = await rig.records<Row[]>('agreements');
    const other = agreements.find((a) => idOf(a.company) !== 2 && a.agreementStatus === 'Active')!;
    const theirs = await c.billingParents(String(idOf(other.company)));
    expect(theirs.map((p) => p.id)).toContain(String(other.id));
    expect(theirs.map((p) => p.id)).not.toContain(agreement);
    // Every parent of theirs is active and theirs.
    for (const p of theirs) {
      const a = agreements.find((r) => String(r.id) === p.id)!;
      expect(idOf(a.company)).toBe(idOf(other.company));
      expect(a.agreementStatus).toBe('Active');
      expect(a.cancelledFlag).not.toBe(true);
    }
    // Same agreements as the targets' parents.
    const targets = await c.billingTargets(company);
    for (const t of targets) expect(parents.map((p) => p.id)).toContain(t.parent!.id);
  });

  it('creates an addition that billingTargets lists afterwards with the quantity', async () => {
    const c = rig.client();
    const t = await c.createBillingTarget({
      companyId: company,
      parentId: agreement,
      productId: product,
      quantity: 12,
    });
    expect(t).toMatchObject({
      kind: 'agreement_addition',
      productId: product,
      quantity: 12,
      parent: { id: agreement, name: 'Managed Services - Smith & Jones Ltd' },
    });
    expect(t.id).toMatch(/^1:\d+$/);
    const listed = (await c.billingTargets(company)).find((x) => x.id === t.id);
    expect(listed).toEqual(t);
    const post = rig.sent(/agreements\/1\/additions$/, 'POST');
    expect(post).toHaveLength(1);
    expect(JSON.parse(post[0]!.requestBody!)).toMatchObject({
      product: { id: 7 },
      quantity: 12,
      billCustomer: 'Billable',
    });
    expect(post[0]!.status).toBe(201);
    expect(schemaErrors('Addition', JSON.parse(post[0]!.responseBody!))).toEqual([]);
    const stored = await additionsOf(agreement, product);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ quantity: 12, billCustomer: 'Billable' });
    // The new target's quantity is then set like any other.
    expect(await c.setBillingQuantity(t.id, 15)).toEqual({ previous: 12, current: 15 });
  });

  it('answers the existing addition when called again, and posts nothing', async () => {
    const c = rig.client();
    const input = { companyId: company, parentId: agreement, productId: product, quantity: 4 };
    const first = await c.createBillingTarget(input);
    const again = await c.createBillingTarget({ ...input, quantity: 9 });
    expect(again).toEqual(first);
    expect(rig.sent(/agreements\/1\/additions$/, 'POST')).toHaveLength(1);
    expect(await additionsOf(agreement, product)).toHaveLength(1);
    // A product the seed already has on the agreement: found, never posted.
    const seeded = (await c.billingTargets(company))[0]!;
    const same = await c.createBillingTarget({ ...input, productId: seeded.productId! });
    expect(same).toEqual(seeded);
    expect(rig.sent(/agreements\/1\/additions$/, 'POST')).toHaveLength(1);
  });

  it('survives a lost reply: exactly one addition, found by its product', async () => {
    const c = rig.client();
    await rig.control('faults', {
      method: 'POST',
      path: '/finance/agreements/1/additions$',
      dropAfterCommit: true,
      times: 1,
    });
    const t = await c.createBillingTarget({
      companyId: company,
      parentId: agreement,
      productId: product,
      quantity: 6,
    });
    expect(t).toMatchObject({ productId: product, quantity: 6, parent: { id: agreement } });
    const stored = await additionsOf(agreement, product);
    expect(stored.map((d) => `1:${String(d.id)}`)).toEqual([t.id]);
    expect(rig.sent(/agreements\/1\/additions$/, 'POST')).toHaveLength(1);
    expect((await c.billingTargets(company)).find((x) => x.id === t.id)).toEqual(t);
  });

  it('posts again when the first POST did not commit', async () => {
    const c = rig.client();
    await rig.control('faults', {
      method: 'POST',
      path: '/finance/agreements/1/additions$',
      status: 503,
      times: 1,
    });
    const t = await c.createBillingTarget({
      companyId: company,
      parentId: agreement,
      productId: product,
      quantity: 2,
    });
    expect(rig.sent(/agreements\/1\/additions$/, 'POST').map((e) => e.status)).toEqual([503, 201]);
    expect((await additionsOf(agreement, product)).map((d) => `1:${String(d.id)}`)).toEqual([t.id]);
  });

  it("refuses another company's agreement, a cancelled one, and bad input, writing nothing", async () => {
    const c = rig.client();
    const agreements = await rig.records<Row[]>('agreements');
    const other = agreements.find((a) => idOf(a.company) !== 2 && a.agreementStatus === 'Active')!;
    const err = await fail(
      c.createBillingTarget({
        companyId: company,
        parentId: String(other.id),
        productId: product,
        quantity: 1,
      }),
    );
    expect(err!.kind).toBe('validation');
    expect(err!.message).toMatch(/belongs to another company/);
    expect(err!.message).toContain(String(other.name));
    const cancelled = agreements.find((a) => a.agreementStatus === 'Cancelled')!;
    const off = await fail(
      c.createBillingTarget({
        companyId: String(idOf(cancelled.company)),
        parentId: String(cancelled.id),
        productId: product,
        quantity: 1,
      }),
    );
    expect(off!.kind).toBe('validation');
    expect(off!.message).toMatch(/cancelled/);
    const missing = await fail(
      c.createBillingTarget({ companyId: company, parentId: '999999', productId: product, quantity: 1 }),
    );
    expect(missing!.kind).toBe('not_found');
    for (const quantity of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const bad = await fail(
        c.createBillingTarget({ companyId: company, parentId: agreement, productId: product, quantity }),
      );
      expect(bad!.kind).toBe('validation');
    }
    const word = await fail(
      c.createBillingTarget({ companyId: company, parentId: agreement, productId: 'abc', quantity: 1 }),
    );
    expect(word!.kind).toBe('validation');
    expect(rig.sent(/additions$/, 'POST')).toHaveLength(0);
  });

  it("passes on ConnectWise's refusal of a bundle product as validation", async () => {
    const c = rig.client();
    const err = await fail(
      c.createBillingTarget({ companyId: company, parentId: agreement, productId: '15', quantity: 1 }),
    );
    expect(err!.kind).toBe('validation');
    expect(await additionsOf(agreement, '15')).toHaveLength(0);
  });

  it('checks the Add level on agreements, and names it when a create is refused', async () => {
    const c = rig.client();
    await rig.control('permissions', { remove: ['Finance.Agreements:add'] });
    try {
      const checks = await c.checkPermissions();
      const by = Object.fromEntries(checks.map((p) => [p.permission, p]));
      expect(by['billing.create']!.ok).toBe(false);
      expect(by['billing.create']!.fix).toMatch(/Finance → Agreements, and set Add Level to All/);
      expect(by['billing.write']!.ok).toBe(true);
      const err = await fail(
        c.createBillingTarget({ companyId: company, parentId: agreement, productId: product, quantity: 1 }),
      );
      expect(err!.kind).toBe('permission');
      expect(err!.details.permission).toBe('billing.create');
    } finally {
      await rig.control('permissions', { restore: true });
    }
    expect((await c.checkPermissions()).find((p) => p.permission === 'billing.create')!.ok).toBe(true);
  });

  it('never records or reports the private key, and every answer matches the spec', () => {
    assertNoSecrets(rig);
    expect(allAnswerErrors(rig.history)).toEqual([]);
  });
});
