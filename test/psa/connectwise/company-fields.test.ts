// Backup statistics in company custom fields over real HTTP against the ConnectWise simulator: the
// fields a company record lists, one PATCH of the whole `customFields` array for what differs, no
// write when nothing does, values checked before anything is sent, and ConnectWise's own answers
// (429, 5xx, refusals, a missing right) kept.
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

/** Seed custom fields: 7 Backup Tenant (Text), 9 protected items (Number), 10 storage GB (Number,
 * 2 decimals), 11 last success (Date); 8 is a checkbox, 12 a list, 13 hidden from the screen. */
const company = '1';
const patches = () => rig.sent(/company\/companies\/1$/, 'PATCH');
const stored = async (id: number) =>
  ((await rig.records<Row>('companies', company)).customFields as Row[]).find((e) => e.id === id)?.value;

describe('ConnectWise companyFields', () => {
  it('lists the free-entry text, number and date fields of the company screen, in one request', async () => {
    const fields = await rig.client().companyFields();
    expect(fields).toEqual([
      { id: '7', name: 'Backup Tenant', type: 'text' },
      { id: '9', name: 'Backup: protected items', type: 'number' },
      { id: '10', name: 'Backup: storage GB', type: 'number' },
      { id: '11', name: 'Backup: last success', type: 'date' },
    ]);
    // The hidden (inactive) field 13, the checkbox and the list field are left out.
    // Besides the codebase lookup every connector makes first (`/login/companyinfo`), one read.
    const reads = rig.exchanges.filter((e) => !/companyinfo/i.test(e.url));
    expect(reads).toHaveLength(1);
    expect(new URL(reads[0]!.url).searchParams.get('fields')).toBe('id,customFields');
  });
});

describe('ConnectWise writeCompanyFields', () => {
  it('writes three values in one PATCH of the whole array, then nothing when they are the same', async () => {
    const c = rig.client();
    const tenantBefore = await stored(7);
    const n = await c.writeCompanyFields(company, { '9': 1234, '10': 512.25, '11': '2026-12-01T03:04:05Z' });
    expect(n).toBe(3);
    expect(rig.exchanges.map((e) => e.method)).toEqual(['GET', 'PATCH']);
    const [op] = JSON.parse(patches()[0]!.requestBody!) as { op: string; path: string; value: Row[] }[];
    expect(op!.op).toBe('replace');
    expect(op!.path).toBe('customFields');
    // The entire array goes back (reference §5), with numbers as numbers and the date at midnight UTC.
    expect(op!.value.map((e) => e.id)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(op!.value.find((e) => e.id === 9)!.value).toBe(1234);
    expect(op!.value.find((e) => e.id === 11)!.value).toBe('2026-12-01T00:00:00Z');
    expect(await stored(9)).toBe(1234);
    expect(await stored(10)).toBe(512.25);
    expect(await stored(11)).toBe('2026-12-01T00:00:00Z');
    expect(await stored(7)).toBe(tenantBefore);

    rig.exchanges.length = 0;
    // The same values again (the date as a day this time): read once, nothing written.
    expect(await c.writeCompanyFields(company, { '9': 1234, '10': '512.25', '11': '2026-12-01' })).toBe(0);
    expect(rig.exchanges.map((e) => e.method)).toEqual(['GET']);
    expect(await c.writeCompanyFields(company, { '9': 1234, '10': 600 })).toBe(1);
    expect(await stored(10)).toBe(600);
    expect(patches()).toHaveLength(1);
  });

  it('clears a field with null, and a second clear writes nothing', async () => {
    const c = rig.client();
    await c.writeCompanyFields(company, { '9': 5, '11': '2026-11-30' });
    rig.exchanges.length = 0;
    expect(await c.writeCompanyFields(company, { '11': null })).toBe(1);
    expect(await stored(11)).toBeUndefined();
    expect(await stored(9)).toBe(5);
    expect(await c.writeCompanyFields(company, { '11': null })).toBe(0);
    expect(patches()).toHaveLength(1);
  });

  it('refuses an unknown field or a value its field cannot hold, naming the field, and writes nothing', async () => {
    const c = rig.client();
    const unknown = await fail(c.writeCompanyFields(company, { '9': 1, '999': 'x' }));
    expect(unknown!.kind).toBe('validation');
    expect(unknown!.details.fields).toHaveProperty('999');
    expect(unknown!.message).toMatch(/"999"/);
    // The hidden field cannot be written either: it is not one of the company's fields.
    expect((await fail(c.writeCompanyFields(company, { '13': 'v2' })))!.kind).toBe('validation');
    const text = await fail(c.writeCompanyFields(company, { '9': 'lots' }));
    expect(text!.kind).toBe('validation');
    expect(text!.message).toMatch(/Backup: protected items/);
    expect(text!.details.fields).toHaveProperty('9');
    const date = await fail(c.writeCompanyFields(company, { '11': 'yesterday' }));
    expect(date!.message).toMatch(/Backup: last success/);
    expect(patches()).toEqual([]);
    expect(await stored(9)).toBeUndefined();
  });

  it('answers not_found for a company ConnectWise does not have, and refuses a bad id unsent', async () => {
    const c = rig.client();
    expect((await fail(c.writeCompanyFields('999999', { '9': 1 })))!.kind).toBe('not_found');
    rig.exchanges.length = 0;
    expect((await fail(c.writeCompanyFields('acme', { '9': 1 })))!.kind).toBe('validation');
    expect(rig.exchanges).toEqual([]);
  });

  it('waits out a 429 as Retry-After says, then patches', async () => {
    await rig.control('faults', {
      method: 'PATCH',
      path: 'companies/1$',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { error: 'ConnectWiseAPI', message: 'Too many requests. Please try again in 1 seconds.' },
      times: 1,
    });
    const started = Date.now();
    expect(await rig.client().writeCompanyFields(company, { '9': 42 })).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(patches()).toHaveLength(2);
    expect(await stored(9)).toBe(42);
  });

  it('repeats the PATCH after a 5xx, and surfaces a lasting outage as transient', async () => {
    const c = rig.client();
    await rig.control('faults', { method: 'PATCH', path: 'companies/1$', status: 503, times: 1 });
    expect(await c.writeCompanyFields(company, { '9': 43 })).toBe(1);
    expect(patches()).toHaveLength(2);
    await rig.control('faults', { method: 'PATCH', path: 'companies/1$', status: 502 });
    const down = await fail(c.writeCompanyFields(company, { '9': 44 }));
    expect(down!.kind).toBe('transient');
    expect(down!.retryable).toBe(true);
    expect(await stored(9)).toBe(43);
  });

  it("surfaces ConnectWise's own refusal as validation with its reason", async () => {
    const err = await fail(rig.client().writeCompanyFields(company, { '7': 'x'.repeat(1001) }));
    expect(err!.kind).toBe('validation');
    expect(err!.details.status).toBe(400);
    expect(err!.message).toMatch(/Backup Tenant' may not be longer than 1000 characters/);
  });

  it('names the missing right when the role may not edit companies, and the permission check says so', async () => {
    await rig.control('permissions', { remove: ['Companies.CompanyMaintenance:edit'] });
    try {
      const c = rig.client();
      const err = await fail(c.writeCompanyFields(company, { '9': 7 }));
      expect(err!.kind).toBe('permission');
      expect(err!.details.permission).toBe('companies.write');
      expect(err!.message).toMatch(/Company Maintenance/);
      const checks = await c.checkPermissions();
      expect(checks.find((p) => p.permission === 'companies.write')).toMatchObject({ ok: false });
      expect(checks.find((p) => p.permission === 'companies.write')!.fix).toMatch(/Edit Level/);
      expect(checks.find((p) => p.permission === 'companies.read')!.ok).toBe(true);
    } finally {
      await rig.control('permissions', { restore: true });
    }
  });
});
