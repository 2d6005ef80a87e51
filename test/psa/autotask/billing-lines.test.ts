// Reading and writing billing lines of contract services: many targets of many companies in a few
// IN-list queries, only what differs written (ContractService PATCH, units by an adjustment of the
// difference), never twice after a lost reply, 429 and 5xx retried, and Autotask's refusals kept.
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

/** Company 174's recurring contract (seed): Managed Workstation (service 25), contract service 1. */
const target = '29684000.25.1';
/** A service on contract 29684022, inactive and ended mid-2025 (seed). */
const ended = '29684022.33.43';
const today = `${new Date().toISOString().slice(0, 10)}T00:00:00`;

async function unitsToday(contractServiceID: number): Promise<number> {
  const now = Date.now();
  const rows = (await rig.records<Row[]>('ContractServiceUnits')).filter(
    (u) =>
      u.contractServiceID === contractServiceID &&
      Date.parse(String(u.startDate)) <= now &&
      Date.parse(String(u.endDate)) >= Date.parse(`${today}Z`),
  );
  return Number(
    rows.sort((a, b) => Date.parse(String(a.startDate)) - Date.parse(String(b.startDate))).at(-1)?.units,
  );
}

const adjustmentsOf = async (contractServiceID: number) =>
  (await rig.records<Row[]>('ContractServiceAdjustments')).filter(
    (a) => a.contractServiceID === contractServiceID,
  );

const writes = () =>
  rig.exchanges.filter((e) => e.method !== 'GET' && !/\/query$/i.test(new URL(e.url).pathname));

describe('Autotask readBillingTargets', () => {
  it('reads 60 targets of 30 companies in a few queries, leaving out gone ones', async () => {
    const { companies } = (await rig.control('billing-companies', { count: 30 })) as {
      companies: { companyId: number; contractId: number; contractServiceIds: number[] }[];
    };
    const c = rig.client();
    const listed = (await Promise.all(companies.map((co) => c.billingTargets(String(co.companyId))))).flat();
    expect(listed).toHaveLength(60);
    rig.exchanges.length = 0;
    const ids = [...listed.map((t) => t.id), ended, '29684000.25.999999', 'not-an-id'];
    const states = await c.readBillingTargets(ids);
    const requests = rig.exchanges.length;
    console.log(
      `Autotask readBillingTargets: ${listed.length} targets over ${companies.length} companies in ${requests} requests`,
    );
    expect(requests).toBeLessThanOrEqual(3);
    expect(states.size).toBe(60);
    const services = await rig.records<Row[]>('ContractServices');
    for (const t of listed) {
      const cs = services.find((s) => String(s.id) === t.id.split('.')[2])!;
      expect(states.get(t.id)).toEqual({
        id: t.id,
        quantity: t.quantity,
        unitPrice: cs.unitPrice,
        unitCost: cs.unitCost,
        description: cs.invoiceDescription,
      });
      expect(t.quantity).toBe(await unitsToday(Number(cs.id)));
    }
    expect(states.has(ended)).toBe(false);
    // IN-lists, not one query per target.
    const bodies = rig.exchanges.map((e) => JSON.parse(e.requestBody!) as { filter: Row[] });
    expect(bodies.every((b) => b.filter.some((x) => x.op === 'in'))).toBe(true);
  });

  it('answers an empty map for no targets, without a request', async () => {
    expect((await rig.client().readBillingTargets([])).size).toBe(0);
    expect(rig.exchanges).toHaveLength(0);
  });
});

describe('Autotask writeBillingLine', () => {
  it('writes only what differs: one PATCH of the contract service and one adjustment of the difference', async () => {
    const c = rig.client();
    const before = (await c.readBillingTargets([target])).get(target)!;
    rig.exchanges.length = 0;
    const after = await c.writeBillingLine(target, {
      quantity: before.quantity + 4,
      unitPrice: 49.5,
      unitCost: before.unitCost!,
      description: 'Managed Workstation (per device)',
    });
    expect(after).toEqual({
      ...before,
      quantity: before.quantity + 4,
      unitPrice: 49.5,
      description: 'Managed Workstation (per device)',
    });
    const [patch, post, ...more] = writes();
    expect(more).toEqual([]);
    expect(patch!.method).toBe('PATCH');
    expect(new URL(patch!.url).pathname).toMatch(/Contracts\/29684000\/Services$/);
    expect(JSON.parse(patch!.requestBody!)).toEqual({
      id: 1,
      adjustedPrice: 49.5,
      invoiceDescription: 'Managed Workstation (per device)',
    });
    // `adjustedPrice` is writable per the entity docs (reference §4.5) but missing from the 2020
    // Swagger model: the one field of the PATCH the spec does not know.
    expect(bodyErrors(patch!)).toEqual([expect.stringMatching(/additionalProperty.*adjustedprice/)]);
    expect(new URL(post!.url).pathname).toMatch(/ContractServiceAdjustments$/);
    expect(bodyErrors(post!)).toEqual([]);
    expect(JSON.parse(post!.requestBody!)).toEqual({
      contractID: 29684000,
      serviceID: 25,
      unitChange: 4,
      effectiveDate: `${today}Z`,
    });
    expect(await unitsToday(1)).toBe(before.quantity + 4);
    expect((await rig.records<Row>('ContractServices', 1)).adjustedPrice).toBe(49.5);
    // The same line again: nothing left to write.
    rig.exchanges.length = 0;
    expect(await c.writeBillingLine(target, { quantity: after.quantity, unitPrice: 49.5 })).toEqual(after);
    expect(writes()).toEqual([]);
  });

  it('lowers the units with a negative adjustment, and setBillingQuantity is the same write', async () => {
    const c = rig.client();
    const before = (await c.readBillingTargets([target])).get(target)!;
    const change = await c.setBillingQuantity(target, before.quantity - 3);
    expect(change).toEqual({ previous: before.quantity, current: before.quantity - 3 });
    const posts = writes();
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!.requestBody!).unitChange).toBe(-3);
  });

  it('never adjusts twice: after a lost reply it reads the units again and finds nothing left to do', async () => {
    const c = rig.client();
    const before = (await c.readBillingTargets([target])).get(target)!;
    const adjustments = (await adjustmentsOf(1)).length;
    await rig.control('faults', {
      method: 'POST',
      path: 'ContractServiceAdjustments$',
      dropAfterCommit: true,
      times: 1,
    });
    const after = await c.writeBillingLine(target, { quantity: before.quantity + 7 });
    expect(after.quantity).toBe(before.quantity + 7);
    expect(await adjustmentsOf(1)).toHaveLength(adjustments + 1);
    expect(rig.count(/ContractServiceAdjustments$/i, 'POST')).toBe(1);
    expect(await unitsToday(1)).toBe(before.quantity + 7);
    // The hub's own retry of the job: the line already holds the target.
    rig.exchanges.length = 0;
    await c.writeBillingLine(target, { quantity: before.quantity + 7 });
    expect(writes()).toEqual([]);
    expect(await adjustmentsOf(1)).toHaveLength(adjustments + 1);
  });

  it('waits out a 429 as Retry-After says, then adjusts once', async () => {
    const c = rig.client();
    const before = (await c.readBillingTargets([target])).get(target)!;
    const adjustments = (await adjustmentsOf(1)).length;
    await rig.control('faults', {
      method: 'POST',
      path: 'ContractServiceAdjustments$',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { errors: ['The request threshold has been exceeded.'] },
      times: 1,
    });
    const started = Date.now();
    await c.writeBillingLine(target, { quantity: before.quantity + 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(rig.count(/ContractServiceAdjustments$/i, 'POST')).toBe(2);
    expect(await adjustmentsOf(1)).toHaveLength(adjustments + 1);
    expect(await unitsToday(1)).toBe(before.quantity + 2);
  });

  it('repairs a 5xx on the adjustment and on the PATCH, writing each once', async () => {
    const c = rig.client();
    const before = (await c.readBillingTargets([target])).get(target)!;
    const adjustments = (await adjustmentsOf(1)).length;
    await rig.control('faults', {
      method: 'POST',
      path: 'ContractServiceAdjustments$',
      status: 503,
      times: 1,
    });
    await rig.control('faults', {
      method: 'PATCH',
      path: 'Contracts/29684000/Services$',
      status: 502,
      times: 1,
    });
    const after = await c.writeBillingLine(target, {
      quantity: before.quantity + 1,
      description: 'Workstations',
    });
    expect(after).toMatchObject({ quantity: before.quantity + 1, description: 'Workstations' });
    expect(rig.count(/ContractServiceAdjustments$/i, 'POST')).toBe(2);
    expect(rig.count(/Contracts\/29684000\/Services$/i, 'PATCH')).toBe(2);
    expect(await adjustmentsOf(1)).toHaveLength(adjustments + 1);
    expect(await unitsToday(1)).toBe(before.quantity + 1);
  });

  it("surfaces Autotask's own reason for a refusal as a validation error", async () => {
    const c = rig.client();
    const before = (await c.readBillingTargets([target])).get(target)!;
    const err = await fail(
      c.writeBillingLine(target, { quantity: before.quantity, description: 'x'.repeat(1001) }),
    );
    expect(err!.kind).toBe('validation');
    expect(err!.message).toMatch(/^Autotask refused the request: .*invoiceDescription/);
    expect(err!.message).toContain(String((JSON.parse(err!.details.raw!) as { errors: string[] }).errors[0]));
  });

  it('refuses a different unit cost (not writable on a contract service) before writing anything', async () => {
    const c = rig.client();
    const before = (await c.readBillingTargets([target])).get(target)!;
    rig.exchanges.length = 0;
    const err = await fail(c.writeBillingLine(target, { quantity: before.quantity + 1, unitCost: 99 }));
    expect(err!.kind).toBe('validation');
    expect(err!.message).toMatch(/unit cost/);
    expect(err!.details.fields).toEqual({ unitCost: 'not writable on a contract service' });
    expect(writes()).toEqual([]);
    expect(await unitsToday(1)).toBe(before.quantity);
  });

  it('answers not_found for a contract service that does not exist, and refuses bad quantities', async () => {
    const c = rig.client();
    const inactive = await fail(c.writeBillingLine(ended, { quantity: 1 }));
    expect(inactive!.kind).toBe('validation');
    expect(inactive!.message).toMatch(/contract 29684022 is not active/);
    expect((await fail(c.writeBillingLine('29684000.25.999999', { quantity: 1 })))!.kind).toBe('not_found');
    for (const quantity of [-1, 2.5, Number.NaN])
      expect((await fail(c.writeBillingLine(target, { quantity })))!.kind).toBe('validation');
    expect(writes()).toEqual([]);
  });
});
