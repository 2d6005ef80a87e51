// Reading and writing billing lines of agreement additions: many targets of many companies in one
// read per agreement (plus one for the agreements), one PATCH of only the fields that differ,
// 429 and 5xx retried, and ConnectWise's own refusals kept.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PsaError } from '../../../src/psa/errors.ts';
import { startRig, type Rig } from './helpers.ts';

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

/** Agreement 1 of Smith & Jones Ltd (seed): addition 1 is Microsoft 365 E3, 27 at 36.00. */
const target = '1:1';
/** An addition on cancelled agreement 21, and one on expired agreement 7 (seed). */
const onCancelled = '21:44';
const onExpired = '7:16';

const writes = () => rig.exchanges.filter((e) => e.method !== 'GET');

describe('ConnectWise readBillingTargets', () => {
  it('reads 60 targets of 30 companies in one read per agreement, leaving out gone ones', async () => {
    const { companies } = (await rig.control('billing-companies', { count: 30 })) as {
      companies: { companyId: number; agreementId: number; additionIds: number[] }[];
    };
    const c = rig.client();
    const listed = (await Promise.all(companies.map((co) => c.billingTargets(String(co.companyId))))).flat();
    expect(listed).toHaveLength(60);
    rig.exchanges.length = 0;
    const ids = [...listed.map((t) => t.id), onCancelled, onExpired, '1:999999', 'nonsense'];
    const states = await c.readBillingTargets(ids);
    const requests = rig.exchanges.length;
    console.log(
      `ConnectWise readBillingTargets: ${listed.length} targets over ${companies.length} companies in ${requests} requests`,
    );
    // The agreements, then the additions of each billing one: the 30 new and agreement 1 ('1:999999').
    expect(requests).toBe(1 + companies.length + 1);
    expect(states.size).toBe(60);
    const additions = await rig.records<Row[]>('additions');
    for (const t of listed) {
      const d = additions.find((a) => `${String(a.agreementId)}:${String(a.id)}` === t.id)!;
      expect(states.get(t.id)).toEqual({
        id: t.id,
        quantity: t.quantity,
        unitPrice: d.unitPrice,
        unitCost: d.unitCost,
        description: d.invoiceDescription,
      });
    }
    for (const gone of [onCancelled, onExpired, '1:999999']) expect(states.has(gone)).toBe(false);
    // Additions by `id in (…)` under each agreement, not one read per addition.
    const reads = rig.sent(/finance\/agreements\/\d+\/additions$/);
    expect(reads).toHaveLength(companies.length + 1);
    for (const e of reads)
      expect(new URL(e.url).searchParams.get('conditions')).toMatch(/^id in \(\d+(, \d+)*\)$/);
  });
});

describe('ConnectWise writeBillingLine', () => {
  it('writes only what differs, in one PATCH, and answers the addition ConnectWise returns', async () => {
    const c = rig.client();
    const before = (await c.readBillingTargets([target])).get(target)!;
    expect(before).toEqual({
      id: target,
      quantity: 27,
      unitPrice: 36,
      unitCost: 32.4,
      description: 'Microsoft 365 E3',
    });
    rig.exchanges.length = 0;
    const after = await c.writeBillingLine(target, {
      quantity: 30,
      unitPrice: 36,
      unitCost: 30,
      description: 'Microsoft 365 E3 (per user)',
    });
    expect(after).toEqual({
      ...before,
      quantity: 30,
      unitCost: 30,
      description: 'Microsoft 365 E3 (per user)',
    });
    const [patch, ...more] = writes();
    expect(more).toEqual([]);
    expect(patch!.method).toBe('PATCH');
    expect(new URL(patch!.url).pathname).toMatch(/finance\/agreements\/1\/additions\/1$/);
    expect(JSON.parse(patch!.requestBody!)).toEqual([
      { op: 'replace', path: 'quantity', value: 30 },
      { op: 'replace', path: 'unitCost', value: 30 },
      { op: 'replace', path: 'invoiceDescription', value: 'Microsoft 365 E3 (per user)' },
    ]);
    expect(await rig.records<Row>('additions', 1)).toMatchObject({
      quantity: 30,
      unitCost: 30,
      invoiceDescription: 'Microsoft 365 E3 (per user)',
      extCost: 900,
    });
    rig.exchanges.length = 0;
    expect(await c.writeBillingLine(target, { quantity: 30, unitCost: 30 })).toEqual(after);
    expect(writes()).toEqual([]);
    expect(await c.setBillingQuantity(target, 31)).toEqual({ previous: 30, current: 31 });
  });

  it('waits out a 429 as Retry-After says, then patches', async () => {
    const c = rig.client();
    await rig.control('faults', {
      method: 'PATCH',
      path: 'additions/1$',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { error: 'ConnectWiseAPI', message: 'Too many requests. Please try again in 1 seconds.' },
      times: 1,
    });
    const started = Date.now();
    expect((await c.writeBillingLine(target, { quantity: 12 })).quantity).toBe(12);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(rig.sent(/additions\/1$/, 'PATCH')).toHaveLength(2);
    expect((await rig.records<Row>('additions', 1)).quantity).toBe(12);
  });

  it('repeats the PATCH after a 5xx and after a lost reply: it carries absolute values', async () => {
    const c = rig.client();
    await rig.control('faults', { method: 'PATCH', path: 'additions/1$', status: 503, times: 1 });
    expect((await c.writeBillingLine(target, { quantity: 13 })).quantity).toBe(13);
    expect(rig.sent(/additions\/1$/, 'PATCH')).toHaveLength(2);
    await rig.control('faults', { method: 'PATCH', path: 'additions/1$', dropAfterCommit: true, times: 1 });
    expect((await c.writeBillingLine(target, { quantity: 14, unitPrice: 35 })).quantity).toBe(14);
    expect(await rig.records<Row>('additions', 1)).toMatchObject({ quantity: 14, unitPrice: 35 });
  });

  it("surfaces ConnectWise's own reason for a refusal as a validation error", async () => {
    const c = rig.client();
    const long = await fail(c.writeBillingLine(target, { quantity: 27, description: 'x'.repeat(6001) }));
    expect(long!.kind).toBe('validation');
    expect(long!.details.status).toBe(400);
    expect(long!.message).toMatch(/invoiceDescription/);
    const cancelled = await fail(c.writeBillingLine(onCancelled, { quantity: 1 }));
    expect(cancelled!.kind).toBe('validation');
    expect(cancelled!.message).toMatch(/Additions cannot be changed on a cancelled agreement/);
    expect((await rig.records<Row>('additions', 1)).invoiceDescription).toBe('Microsoft 365 E3');
  });

  it('answers not_found for an addition that does not exist, and refuses bad input unsent', async () => {
    const c = rig.client();
    expect((await fail(c.writeBillingLine('1:999999', { quantity: 1 })))!.kind).toBe('not_found');
    rig.exchanges.length = 0;
    for (const line of [
      { quantity: -1 },
      { quantity: Number.NaN },
      { quantity: 1, unitPrice: Number.POSITIVE_INFINITY },
    ])
      expect((await fail(c.writeBillingLine(target, line)))!.kind).toBe('validation');
    expect((await fail(c.writeBillingLine('nonsense', { quantity: 1 })))!.kind).toBe('validation');
    expect(rig.exchanges).toEqual([]);
  });
});
