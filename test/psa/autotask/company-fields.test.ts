// Backup statistics in company user-defined fields over real HTTP against the Autotask simulator:
// the definitions from `Companies/entityInformation/userDefinedFields`, one `PATCH Companies` with
// only the UDFs that differ, no write when nothing does, values checked before anything is sent,
// and Autotask's own answers (429, 5xx, refusals, a missing permission) kept.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PsaError } from '../../../src/psa/errors.ts';
import { startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.sim.stop());
beforeEach(async () => {
  await rig.control('faults', {}, 'DELETE');
  await rig.reset();
});

type Row = Record<string, unknown>;
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PsaError,
  );

/** Smith & Sons Ltd (seed): Number of Employees 126, CustomerRanking Silver, N-central Customer ID 215. */
const company = '174';
const items = 'Backup: protected items';
const storage = 'Backup: storage GB';
const last = 'Backup: last success';
const patches = () => rig.exchanges.filter((e) => e.method === 'PATCH' && /\/Companies$/i.test(e.url));
const udf = async (name: string) =>
  (
    (await rig.records<Row>('Companies', company)).userDefinedFields as { name: string; value: unknown }[]
  ).find((u) => u.name === name)?.value;

describe('Autotask companyFields', () => {
  it('lists the active text, number and date UDFs of companies, in one request', async () => {
    const fields = await rig.client().companyFields();
    expect(fields).toEqual([
      { id: 'Number of Employees', name: 'Number of Employees', type: 'number' },
      { id: 'N-central Customer ID', name: 'N-central Customer ID', type: 'text' },
      { id: items, name: items, type: 'number' },
      { id: storage, name: storage, type: 'number' },
      { id: last, name: last, type: 'date' },
    ]);
    // The inactive "Backup: legacy agent" and the CustomerRanking picklist are left out.
    expect(rig.count(/Companies\/entityInformation\/userDefinedFields$/i, 'GET')).toBe(1);
    // Besides zone discovery and the threshold reading every session starts with, nothing else.
    expect(rig.exchanges.filter((e) => !/zoneInformation|ThresholdInformation/i.test(e.url))).toHaveLength(1);
  });
});

describe('Autotask writeCompanyFields', () => {
  it('writes three values in one PATCH of only those UDFs, then nothing when they are the same', async () => {
    const c = rig.client();
    expect(
      await c.writeCompanyFields(company, {
        [items]: 1234,
        [storage]: 512.25,
        [last]: '2026-12-01T03:04:05Z',
      }),
    ).toBe(3);
    const [patch, ...more] = patches();
    expect(more).toEqual([]);
    expect(JSON.parse(patch!.requestBody!)).toEqual({
      id: 174,
      userDefinedFields: [
        { name: items, value: '1234' },
        { name: storage, value: '512.25' },
        { name: last, value: '2026-12-01' },
      ],
    });
    expect(rig.count(/\/Companies\/174$/i, 'GET')).toBe(1);
    expect(await udf(items)).toBe('1234');
    expect(await udf(storage)).toBe('512.25');
    expect(await udf(last)).toBe('2026-12-01');
    // The UDFs not written keep their values (PATCH changes only what it names).
    expect(await udf('Number of Employees')).toBe('126');

    rig.exchanges.length = 0;
    expect(
      await c.writeCompanyFields(company, { [items]: '1234', [storage]: 512.25, [last]: '2026-12-01' }),
    ).toBe(0);
    expect(patches()).toEqual([]);
    expect(rig.count(/\/Companies\/174$/i, 'GET')).toBe(1);
    expect(await c.writeCompanyFields(company, { [items]: 1234, 'Number of Employees': 130 })).toBe(1);
    expect(JSON.parse(patches()[0]!.requestBody!)).toEqual({
      id: 174,
      userDefinedFields: [{ name: 'Number of Employees', value: '130' }],
    });
  });

  it('clears a UDF with null, and a second clear writes nothing', async () => {
    const c = rig.client();
    await c.writeCompanyFields(company, { [items]: 5, [last]: '2026-11-30' });
    rig.exchanges.length = 0;
    expect(await c.writeCompanyFields(company, { [last]: null })).toBe(1);
    expect(JSON.parse(patches()[0]!.requestBody!)).toEqual({
      id: 174,
      userDefinedFields: [{ name: last, value: null }],
    });
    expect(await udf(last)).toBeNull();
    expect(await udf(items)).toBe('5');
    expect(await c.writeCompanyFields(company, { [last]: null })).toBe(0);
    expect(patches()).toHaveLength(1);
  });

  it('refuses an unknown UDF or a value it cannot hold, naming it, before anything is sent', async () => {
    const c = rig.client();
    await c.companyFields(); // definitions remembered: the refusals below cost no request at all
    rig.exchanges.length = 0;
    const unknown = await fail(c.writeCompanyFields(company, { [items]: 1, 'Backup: legacy agent': 'v2' }));
    expect(unknown!.kind).toBe('validation');
    expect(unknown!.message).toMatch(/"Backup: legacy agent"/);
    expect(unknown!.details.fields).toHaveProperty(['Backup: legacy agent']);
    const text = await fail(c.writeCompanyFields(company, { [items]: 'lots' }));
    expect(text!.kind).toBe('validation');
    expect(text!.message).toMatch(/Backup: protected items/);
    expect((await fail(c.writeCompanyFields(company, { [last]: '31/12/2026' })))!.message).toMatch(
      /Backup: last success/,
    );
    expect(rig.exchanges).toEqual([]);
    expect(await udf(items)).toBeNull();
  });

  it('answers not_found for a company Autotask does not have, and refuses a bad id unsent', async () => {
    const c = rig.client();
    expect((await fail(c.writeCompanyFields('99999999', { [items]: 1 })))!.kind).toBe('not_found');
    expect(patches()).toEqual([]);
    rig.exchanges.length = 0;
    expect((await fail(c.writeCompanyFields('acme', { [items]: 1 })))!.kind).toBe('validation');
    expect(rig.exchanges).toEqual([]);
  });

  it('waits out a 429 as Retry-After says, then patches', async () => {
    await rig.control('faults', {
      method: 'PATCH',
      path: 'Companies$',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { errors: ['The request threshold has been exceeded.'] },
      times: 1,
    });
    const started = Date.now();
    expect(await rig.client().writeCompanyFields(company, { [items]: 42 })).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(patches()).toHaveLength(2);
    expect(await udf(items)).toBe('42');
  });

  it('repeats the PATCH after a 5xx, and surfaces a lasting outage as transient', async () => {
    const c = rig.client();
    await rig.control('faults', { method: 'PATCH', path: 'Companies$', status: 503, times: 1 });
    expect(await c.writeCompanyFields(company, { [items]: 43 })).toBe(1);
    expect(patches()).toHaveLength(2);
    await rig.control('faults', { method: 'PATCH', path: 'Companies$', status: 502 });
    const down = await fail(c.writeCompanyFields(company, { [items]: 44 }));
    expect(down!.kind).toBe('transient');
    expect(down!.retryable).toBe(true);
    expect(await udf(items)).toBe('43');
  });

  it("surfaces Autotask's own refusal as validation with its reason", async () => {
    const err = await fail(
      rig.client().writeCompanyFields(company, { 'N-central Customer ID': 'x'.repeat(51) }),
    );
    expect(err!.kind).toBe('validation');
    expect(err!.message).toMatch(
      /^Autotask refused the request: Value for user-defined field N-central Customer ID exceeds the maximum length of 50/,
    );
    expect(await udf('N-central Customer ID')).toBe('215');
  });

  it('names the missing permission when the security level may not edit companies', async () => {
    await rig.control('permissions', { remove: ['Companies:update'] });
    const c = rig.client();
    const err = await fail(c.writeCompanyFields(company, { [items]: 7 }));
    expect(err!.kind).toBe('permission');
    expect(err!.details.permission).toBe('Companies.update');
    expect(err!.message).toMatch(/Security Levels/);
    const checks = await c.checkPermissions();
    expect(checks.find((p) => p.permission === 'companies.update')).toMatchObject({ ok: false });
    expect(checks.find((p) => p.permission === 'companies.update')!.fix).toMatch(/edit Companies/);
    expect(checks.find((p) => p.permission === 'companies.read')!.ok).toBe(true);
  });
});
