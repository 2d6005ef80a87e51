// How the connector behaves when Halo pushes back: 429 at the configured rate (Halo's own
// message, Retry-After when sent), bursts of 5xx, timeouts, and a missing permission.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryCache } from '../../../src/psa/client.ts';
import { PsaError } from '../../../src/psa/errors.ts';
import { startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.sim.stop());
beforeEach(async () => {
  await rig.control('faults', undefined, 'DELETE');
  await rig.control('rate-limit', { requests: 300, perSeconds: 300 });
  await rig.control('permissions', { restore: true });
});

describe('resilience', () => {
  it('waits the Retry-After Halo sends on 429 and carries on', async () => {
    const c = rig.client({ cache: memoryCache() });
    await c.identify(); // token + 1 call
    await rig.control('rate-limit', { requests: 3, perSeconds: 1, retryAfter: true });
    const before = rig.exchanges.length;
    const started = Date.now();
    for (let i = 0; i < 5; i++) expect((await c.getCompany('1'))?.id).toBe('1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const statuses = rig.exchanges.slice(before).map((e) => e.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
  });

  it('turns a 429 without Retry-After into rate_limited with Halo’s message and a wait', async () => {
    const c = rig.client({ cache: memoryCache() });
    await c.identify();
    await rig.control('rate-limit', { requests: 2, perSeconds: 60 });
    const err = (await Promise.all([c.getCompany('1'), c.getCompany('2'), c.getCompany('3')]).catch(
      (e: unknown) => e,
    )) as PsaError;
    expect(err).toBeInstanceOf(PsaError);
    expect(err.kind).toBe('rate_limited');
    expect(err.message).toMatch(/Rate Limit Reached - 2 Requests per/);
    expect(err.details.retryAfterMs).toBeGreaterThan(10_000);
  });

  it('asks the connection’s rate gate before every request and tells it about a 429 wait', async () => {
    const calls = { acquire: 0, pauses: [] as number[] };
    const gate = {
      acquire: async () => void calls.acquire++,
      pause: async (ms: number) => void calls.pauses.push(ms),
    };
    const c = rig.client({ cache: memoryCache(), http: { gate } });
    const before = rig.exchanges.length;
    await c.identify();
    await rig.control('rate-limit', { requests: 1, perSeconds: 1, retryAfter: true });
    await c.getCompany('1');
    await c.getCompany('2'); // over the budget: 429, Retry-After
    expect(calls.acquire).toBe(rig.exchanges.length - before);
    expect(calls.pauses.length).toBeGreaterThan(0);
  });

  it('retries a burst of 5xx and succeeds', async () => {
    const c = rig.client({ cache: memoryCache() });
    await c.identify();
    await rig.control('faults', {
      method: 'GET',
      path: '^/api/client/',
      status: 503,
      body: 'Service Unavailable',
      times: 2,
    });
    const before = rig.exchanges.length;
    expect((await c.getCompany('1'))?.id).toBe('1');
    expect(rig.exchanges.slice(before).map((e) => e.status)).toEqual([503, 503, 200]);
  });

  it('gives up after too many 5xx with a transient error', async () => {
    const c = rig.client({ cache: memoryCache() });
    await rig.control('faults', {
      method: 'GET',
      path: '^/api/client/',
      status: 500,
      body: 'boom',
      times: 10,
    });
    const err = (await c.getCompany('1').catch((e: unknown) => e)) as PsaError;
    expect(err.kind).toBe('transient');
    expect(err.retryable).toBe(true);
  });

  it('retries a read that timed out', async () => {
    const c = rig.client({ cache: memoryCache(), http: { timeoutMs: 300 } });
    await c.identify();
    await rig.control('faults', { method: 'GET', path: '^/api/client/', latencyMs: 1_000, times: 1 });
    const before = rig.exchanges.length;
    expect((await c.getCompany('1'))?.id).toBe('1');
    const seen = rig.exchanges.slice(before);
    expect(seen[0]!.error).toMatch(/time|abort/i);
    expect(seen[1]!.status).toBe(200);
  });

  it('reports a missing permission as permission with how to fix it', async () => {
    const c = rig.client({ cache: memoryCache() });
    await rig.control('permissions', { remove: ['read:customers'] });
    const err = (await c.getCompany('1').catch((e: unknown) => e)) as PsaError;
    expect(err.kind).toBe('permission');
    expect(err.details.permission).toBe('read:customers');
    expect(err.message).toMatch(/"read:customers".*Permissions/);
  });

  it('reports a server-side 400 with field messages as validation', async () => {
    const c = rig.client({ cache: memoryCache() });
    await rig.control('faults', {
      method: 'POST',
      path: '^/api/tickets$',
      status: 400,
      body: { '[0].client_id': ['Could not convert string to integer: abc.'] },
      times: 1,
    });
    const err = (await c
      .createTicket({
        companyId: '1',
        title: 't',
        description: 'd',
        externalRef: 'hub-val-1',
        placement: { statusId: '1', priorityId: '3', fields: {} },
      })
      .catch((e: unknown) => e)) as PsaError;
    expect(err.kind).toBe('validation');
    expect(err.details.fields).toEqual({ client_id: 'Could not convert string to integer: abc.' });
  });
});
