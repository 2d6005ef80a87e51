// Creating a missing billing target: the Recurring Service contracts of a company, a ContractService
// posted once under its contract (priced from the Service) with its units then set by adjustment,
// found again rather than posted twice (also after a lost reply), and other contracts refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PsaError } from '../../../src/psa/errors.ts';
import { bodyErrors, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.sim.stop());
beforeEach(async () => rig.reset());

type Row = Record<string, unknown>;
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PsaError,
  );

/** Company 174's recurring contract (seed) holds services 25, 28, 32, 34; 26 is not on it. */
const company = '174';
const contract = '29684000';
const service = 'service:26'; // Managed Server, unit price 150

async function contractServices(contractID: number, serviceID: number): Promise<Row[]> {
  return (await rig.records<Row[]>('ContractServices')).filter(
    (s) => s.contractID === contractID && s.serviceID === serviceID,
  );
}

const allBodiesValid = () => {
  const checked = rig.exchanges.filter((e) => e.requestBody !== null);
  for (const e of checked) expect(bodyErrors(e) ?? [], `${e.method} ${e.url}`).toEqual([]);
};

describe('Autotask billing parents and new contract services', () => {
  it("lists the company's active Recurring Service contracts, and not another company's", async () => {
    const c = rig.client();
    const parents = await c.billingParents(company);
    expect(parents).toEqual([
      { id: contract, kind: 'contract', name: 'Smith & Sons Ltd - Managed Services' },
    ]);
    const contracts = await rig.records<Row[]>('Contracts');
    for (const p of await c.billingParents('175')) {
      const row = contracts.find((r) => String(r.id) === p.id)!;
      expect(row).toMatchObject({ companyID: 175, contractType: 7, status: 1 });
    }
    expect((await c.billingParents('175')).map((p) => p.id)).not.toContain(contract);
    // The filter is the one billingTargets uses.
    const query = rig.exchanges.find((e) => /Contracts\/query$/i.test(e.url))!;
    expect(JSON.parse(query.requestBody!).filter).toEqual(
      expect.arrayContaining([
        { op: 'eq', field: 'contractType', value: 7 },
        { op: 'eq', field: 'status', value: 1 },
      ]),
    );
  });

  it('adds the service to the contract, priced from the Service, with the units asked for', async () => {
    const c = rig.client();
    const t = await c.createBillingTarget({
      companyId: company,
      parentId: contract,
      productId: service,
      quantity: 7,
    });
    expect(t).toMatchObject({
      kind: 'contract_service',
      productId: 'service:26',
      quantity: 7,
      label: 'Smith & Sons Ltd - Managed Services → Managed Server',
      parent: { id: contract, name: 'Smith & Sons Ltd - Managed Services' },
    });
    expect(t.id).toMatch(/^29684000\.26\.\d+$/);
    expect((await c.billingTargets(company)).find((x) => x.id === t.id)).toEqual(t);
    const posts = rig.exchanges.filter(
      (e) => e.method === 'POST' && /Contracts\/29684000\/Services$/i.test(e.url),
    );
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!.requestBody!)).toEqual({
      contractID: 29684000,
      serviceID: 26,
      unitPrice: 150,
    });
    const stored = await contractServices(29684000, 26);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ unitPrice: 150 });
    allBodiesValid();
  });

  it('takes a bare service id too, and a quantity of zero', async () => {
    const c = rig.client();
    const t = await c.createBillingTarget({
      companyId: company,
      parentId: contract,
      productId: '27',
      quantity: 0,
    });
    expect(t).toMatchObject({ productId: 'service:27', quantity: 0 });
    expect((await c.billingTargets(company)).find((x) => x.id === t.id)?.quantity).toBe(0);
  });

  it('answers the existing contract service when called again, and posts nothing', async () => {
    const c = rig.client();
    const input = { companyId: company, parentId: contract, productId: service, quantity: 3 };
    const first = await c.createBillingTarget(input);
    const again = await c.createBillingTarget({ ...input, quantity: 8 });
    expect(again).toEqual(first);
    expect(rig.count(/Contracts\/29684000\/Services$/i, 'POST')).toBe(1);
    expect(await contractServices(29684000, 26)).toHaveLength(1);
    // A service the seed already has on the contract: found as billingTargets lists it.
    const seeded = (await c.billingTargets(company)).find((x) => x.productId === 'service:25')!;
    expect(await c.createBillingTarget({ ...input, productId: 'service:25' })).toEqual(seeded);
    expect(rig.count(/Contracts\/29684000\/Services$/i, 'POST')).toBe(1);
  });

  it('survives a lost reply: exactly one contract service, with the units asked for', async () => {
    const c = rig.client();
    await rig.control('faults', {
      method: 'POST',
      path: 'Contracts/29684000/Services$',
      dropAfterCommit: true,
      times: 1,
    });
    const t = await c.createBillingTarget({
      companyId: company,
      parentId: contract,
      productId: service,
      quantity: 5,
    });
    expect(t).toMatchObject({ productId: 'service:26', quantity: 5 });
    const stored = await contractServices(29684000, 26);
    expect(stored.map((s) => `29684000.26.${String(s.id)}`)).toEqual([t.id]);
    expect(rig.count(/Contracts\/29684000\/Services$/i, 'POST')).toBe(1);
    expect((await c.billingTargets(company)).find((x) => x.id === t.id)?.quantity).toBe(5);
  });

  it('survives a lost reply to the units adjustment too', async () => {
    const c = rig.client();
    await rig.control('faults', {
      method: 'POST',
      path: 'ContractServiceAdjustments$',
      dropAfterCommit: true,
      times: 1,
    });
    const t = await c.createBillingTarget({
      companyId: company,
      parentId: contract,
      productId: service,
      quantity: 9,
    });
    expect(t.quantity).toBe(9);
    expect(rig.count(/ContractServiceAdjustments$/i, 'POST')).toBe(1);
    expect(await contractServices(29684000, 26)).toHaveLength(1);
  });

  it("refuses another company's contract, a non-recurring one, a Product and bad input, writing nothing", async () => {
    const c = rig.client();
    const err = await fail(
      c.createBillingTarget({ companyId: company, parentId: '29684001', productId: service, quantity: 1 }),
    );
    expect(err!.kind).toBe('validation');
    expect(err!.message).toMatch(/Smith and Sons Limited - Managed Services.*belongs to another company/);
    // A Break/Fix (time and materials) contract of company 188 in the seed.
    const notRecurring = await fail(
      c.createBillingTarget({ companyId: '188', parentId: '29684009', productId: service, quantity: 1 }),
    );
    expect(notRecurring!.kind).toBe('validation');
    expect(notRecurring!.message).toMatch(/not a Recurring Service contract/);
    expect(await c.billingParents('188')).toEqual([]);
    const missing = await fail(
      c.createBillingTarget({ companyId: company, parentId: '1', productId: service, quantity: 1 }),
    );
    expect(missing!.kind).toBe('not_found');
    const product = await fail(
      c.createBillingTarget({
        companyId: company,
        parentId: contract,
        productId: 'product:29683600',
        quantity: 1,
      }),
    );
    expect(product!.kind).toBe('validation');
    expect(product!.message).toMatch(/Services/);
    const inactive = await fail(
      c.createBillingTarget({ companyId: company, parentId: contract, productId: 'service:35', quantity: 1 }),
    );
    expect(inactive!.kind).toBe('validation');
    expect(inactive!.message).toMatch(/inactive/);
    for (const quantity of [-1, 1.5, Number.NaN]) {
      const bad = await fail(
        c.createBillingTarget({ companyId: company, parentId: contract, productId: service, quantity }),
      );
      expect(bad!.kind).toBe('validation');
    }
    expect(rig.count(/\/Services$/i, 'POST')).toBe(0);
    expect(rig.count(/ContractServiceAdjustments$/i, 'POST')).toBe(0);
  });

  it('checks the right to add contract services, and names it when a create is refused', async () => {
    const c = rig.client();
    await rig.control('permissions', { remove: ['ContractServices:create'] });
    const checks = await c.checkPermissions();
    const missing = checks.filter((p) => !p.ok);
    expect(missing.map((p) => p.permission)).toEqual(['contract_services.create']);
    expect(missing[0]!.fix).toMatch(/Security Levels.*ContractServices/);
    const err = await fail(
      c.createBillingTarget({ companyId: company, parentId: contract, productId: service, quantity: 1 }),
    );
    expect(err!.kind).toBe('permission');
    expect(await contractServices(29684000, 26)).toHaveLength(0);
  });
});
