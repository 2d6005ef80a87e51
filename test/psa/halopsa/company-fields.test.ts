// Backup statistics in client custom fields over real HTTP against the Halo simulator: the
// definitions from `FieldInfo?typeid=2`, one `POST /Client` of only the fields that differ, no
// write when nothing does, values checked before anything is sent, and Halo's own answers (429,
// 5xx, refusals, a missing permission) kept.
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
  await rig.control('permissions', { restore: true });
  await rig.control('reset');
  rig.exchanges.length = 0;
});

type Row = Record<string, unknown>;
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PsaError,
  );

/** Client 1, Smith & Sons Ltd (seed). Fields 201 protected items (integer), 202 storage GB
 * (decimal), 203 last success (date), 204 Backup tenant (text, 100 characters); 205 is a
 * selection, 206 read-only/calculated, 215 a ticket field. */
const company = '1';
const posts = () => rig.exchanges.filter((e) => e.method === 'POST' && /\/api\/Client$/i.test(e.url));
const stored = async (id: number) =>
  ((await rig.records<Row>('clients', company)).customfields as Row[]).find((f) => f.id === id)?.value;

describe('HaloPSA companyFields', () => {
  it('lists the writable text, number and date client fields, in one request', async () => {
    const fields = await rig.client().companyFields();
    expect(fields).toEqual([
      { id: '201', name: 'Backup: protected items', type: 'number' },
      { id: '202', name: 'Backup: storage GB', type: 'number' },
      { id: '203', name: 'Backup: last success', type: 'date' },
      { id: '204', name: 'Backup tenant', type: 'text' },
    ]);
    const reads = rig.exchanges.filter((e) => /\/api\//.test(e.url));
    expect(reads).toHaveLength(1);
    expect(new URL(reads[0]!.url).searchParams.get('typeid')).toBe('2');
  });
});

describe('HaloPSA writeCompanyFields', () => {
  it('writes three values in one POST of only those fields, then nothing when they are the same', async () => {
    const c = rig.client();
    expect(
      await c.writeCompanyFields(company, { '201': 1234, '202': 512.25, '203': '2026-12-01T03:04:05Z' }),
    ).toBe(3);
    const [post, ...more] = posts();
    expect(more).toEqual([]);
    expect(JSON.parse(post!.requestBody!)).toEqual([
      {
        id: 1,
        customfields: [
          { id: 201, value: 1234 },
          { id: 202, value: 512.25 },
          { id: 203, value: '2026-12-01T00:00:00' },
        ],
      },
    ]);
    expect(rig.count(/\/api\/Client\/1$/i, 'GET')).toBe(1);
    expect(await stored(201)).toBe(1234);
    expect(await stored(202)).toBe(512.25);
    expect(await stored(203)).toBe('2026-12-01T00:00:00');

    rig.exchanges.length = 0;
    expect(await c.writeCompanyFields(company, { '201': '1234', '202': 512.25, '203': '2026-12-01' })).toBe(
      0,
    );
    expect(posts()).toEqual([]);
    expect(rig.count(/\/api\/Client\/1$/i, 'GET')).toBe(1);
    expect(await c.writeCompanyFields(company, { '201': 1234, '204': 'tenant-1' })).toBe(1);
    expect(JSON.parse(posts()[0]!.requestBody!)).toEqual([
      { id: 1, customfields: [{ id: 204, value: 'tenant-1' }] },
    ]);
    expect(await stored(201)).toBe(1234);
  });

  it('clears a field with null, and a second clear writes nothing', async () => {
    const c = rig.client();
    await c.writeCompanyFields(company, { '201': 5, '203': '2026-11-30' });
    rig.exchanges.length = 0;
    expect(await c.writeCompanyFields(company, { '203': null })).toBe(1);
    expect(await stored(203)).toBeUndefined();
    expect(await stored(201)).toBe(5);
    // Halo shows an unset date as its "no date" sentinel, which is no value.
    expect(await c.writeCompanyFields(company, { '203': null })).toBe(0);
    expect(posts()).toHaveLength(1);
  });

  it('refuses an unknown field or a value it cannot hold, naming it, before anything is sent', async () => {
    const c = rig.client();
    await c.companyFields(); // definitions remembered: the refusals below cost no request at all
    rig.exchanges.length = 0;
    for (const id of ['999', '205', '206', '215']) {
      const err = await fail(c.writeCompanyFields(company, { '201': 1, [id]: 'x' }));
      expect(err!.kind).toBe('validation');
      expect(err!.details.fields).toHaveProperty(id);
      expect(err!.message).toContain(`"${id}"`);
    }
    const text = await fail(c.writeCompanyFields(company, { '201': 'lots' }));
    expect(text!.kind).toBe('validation');
    expect(text!.message).toMatch(/Backup: protected items/);
    expect((await fail(c.writeCompanyFields(company, { '203': 'soon' })))!.message).toMatch(
      /Backup: last success/,
    );
    expect(rig.exchanges).toEqual([]);
    expect(await stored(201)).toBeUndefined();
  });

  it('answers not_found for a client Halo does not have, and refuses a bad id unsent', async () => {
    const c = rig.client();
    expect((await fail(c.writeCompanyFields('999999', { '201': 1 })))!.kind).toBe('not_found');
    expect(posts()).toEqual([]);
    rig.exchanges.length = 0;
    expect((await fail(c.writeCompanyFields('acme', { '201': 1 })))!.kind).toBe('validation');
    expect(rig.exchanges).toEqual([]);
  });

  it('waits out a 429 as Retry-After says, then posts', async () => {
    await rig.control('faults', {
      method: 'POST',
      path: 'api/Client$',
      status: 429,
      headers: { 'retry-after': '1' },
      body: 'Rate Limit Reached - 300 Requests per rolling 5 minute window',
      times: 1,
    });
    const started = Date.now();
    expect(await rig.client().writeCompanyFields(company, { '201': 42 })).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(posts()).toHaveLength(2);
    expect(await stored(201)).toBe(42);
  });

  it('repeats the POST after a 5xx, and surfaces a lasting outage as transient', async () => {
    const c = rig.client();
    await rig.control('faults', { method: 'POST', path: 'api/Client$', status: 503, times: 1 });
    expect(await c.writeCompanyFields(company, { '201': 43 })).toBe(1);
    expect(posts()).toHaveLength(2);
    await rig.control('faults', { method: 'POST', path: 'api/Client$', status: 502 });
    const down = await fail(c.writeCompanyFields(company, { '201': 44 }));
    expect(down!.kind).toBe('transient');
    expect(down!.retryable).toBe(true);
    expect(await stored(201)).toBe(43);
  });

  it("surfaces Halo's own refusal as validation with its reason", async () => {
    const err = await fail(rig.client().writeCompanyFields(company, { '204': 'x'.repeat(101) }));
    expect(err!.kind).toBe('validation');
    expect(err!.details.status).toBe(400);
    expect(err!.message).toMatch(/Backup tenant cannot be longer than 100 characters/);
    expect(await stored(204)).toBeUndefined();
  });

  it('names the missing permission when the application may not edit customers', async () => {
    await rig.control('permissions', { remove: ['edit:customers'] });
    const c = rig.client();
    const err = await fail(c.writeCompanyFields(company, { '201': 7 }));
    expect(err!.kind).toBe('permission');
    expect(err!.details.permission).toBe('edit:customers');
    expect(err!.message).toMatch(/Permissions/);
    const checks = await c.checkPermissions();
    expect(checks.find((p) => p.permission === 'companies.write')).toMatchObject({ ok: false });
    expect(checks.find((p) => p.permission === 'companies.write')!.fix).toMatch(/edit:customers/);
    expect(checks.find((p) => p.permission === 'companies.read')!.ok).toBe(true);
  });
});
