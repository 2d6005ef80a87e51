// Etiquette under trouble: 429 with Retry-After, 5xx bursts, timeouts, a create under a 5xx, a
// missing security-role permission, and the error bodies ConnectWise sends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PsaError } from '../../../src/psa/errors.ts';
import { apiError } from '../../../src/psa/connectwise/errors.ts';
import { allAnswerErrors, assertNoSecrets, newTicket, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(() => rig.sim.stop());
beforeEach(async () => {
  await rig.control('faults', {}, 'DELETE');
  rig.exchanges.length = 0;
});

const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PsaError,
  );
type Row = Record<string, unknown>;

describe('ConnectWise connector under trouble', () => {
  it('honours Retry-After on 429 and then succeeds', async () => {
    const waits: number[] = [];
    const c = rig.client({
      http: { sleep: (ms) => (waits.push(ms), new Promise((r) => setTimeout(r, ms))) },
    });
    await c.getCompany('2'); // code base discovered before the limit
    await rig.control('rate-limit', { requests: 1, perSeconds: 1, retryAfter: 1 });
    try {
      await c.getCompany('2');
      const started = Date.now();
      const got = await c.getCompany('3');
      expect(got?.id).toBe('3');
      expect(waits).toContain(1000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      const statuses = rig.sent(/company\/companies\/3$/).map((e) => e.status);
      expect(statuses[0]).toBe(429);
      expect(statuses.at(-1)).toBe(200);
    } finally {
      await rig.control('rate-limit', {});
    }
  });

  it('hands a long Retry-After back as rate_limited instead of sleeping', async () => {
    const c = rig.client({ http: { maxWaitMs: 500 } });
    await c.getCompany('2');
    await rig.control('rate-limit', { requests: 1, perSeconds: 60, retryAfter: 30 });
    try {
      await c.getCompany('2').catch(() => undefined);
      const err = await fail(c.getCompany('2'));
      expect(err!.kind).toBe('rate_limited');
      expect(err!.details.retryAfterMs).toBe(30_000);
      expect(err!.message).toMatch(/ConnectWise asked the hub to slow down/);
    } finally {
      await rig.control('rate-limit', {});
    }
  });

  it('reads the wait from a 429 body without Retry-After', () => {
    const text = '{"error":"ConnectWiseAPI","message":"Too many requests. Please try again in 12 seconds."}';
    const err = apiError({ status: 429, headers: new Headers(), body: JSON.parse(text), text }, []);
    expect(err.kind).toBe('rate_limited');
    expect(err.details.retryAfterMs).toBe(12_000);
  });

  it('retries a burst of 5xx on reads, and gives up as transient on a long outage', async () => {
    const c = rig.client();
    await c.getCompany('2');
    await rig.control('faults', { path: 'company/companies/5$', status: 503, times: 2 });
    expect((await c.getCompany('5'))?.id).toBe('5');
    expect(rig.sent(/company\/companies\/5$/).map((e) => e.status)).toEqual([503, 503, 200]);
    await rig.control('faults', {
      path: 'company/companies/6$',
      status: 500,
      body: { code: 'UnexpectedError', message: 'boom', errors: null },
      times: 10,
    });
    const err = await fail(c.getCompany('6'));
    expect(err!.kind).toBe('transient');
    expect(err!.message).toBe('ConnectWise failed on its side (500): boom');
    expect(rig.sent(/company\/companies\/6$/)).toHaveLength(4);
  });

  it('times out a slow answer and retries the read', async () => {
    const c = rig.client({ http: { timeoutMs: 150 } });
    await c.getCompany('2');
    await rig.control('faults', { path: 'company/companies/7$', latencyMs: 600, times: 1 });
    expect((await c.getCompany('7'))?.id).toBe('7');
    const sent = rig.sent(/company\/companies\/7$/);
    expect(sent[0]!.status).toBeNull();
    expect(sent.at(-1)!.status).toBe(200);
    await rig.control('faults', { path: 'company/companies/8$', latencyMs: 400, times: 10 });
    const err = await fail(c.getCompany('8'));
    expect(err!.kind).toBe('transient');
    expect(err!.message).toMatch(/did not answer in time/);
  });

  it('a create that times out is not posted blindly: looked up by reference first', async () => {
    const c = rig.client({ http: { timeoutMs: 300 } });
    await c.getCompany('2');
    const input = newTicket();
    await rig.control('faults', { method: 'POST', path: '/service/tickets$', latencyMs: 600, times: 1 });
    const t = await c.createTicket(input);
    // The slow POST commits after the client gave up; the second look-up, after letting the
    // server settle, finds it, so nothing is posted twice.
    await new Promise((r) => setTimeout(r, 400));
    const all = await rig.records<Row[]>('tickets');
    const mine = all.filter((r) => r.externalXRef === input.externalRef);
    expect(mine.map((r) => String(r.id))).toEqual([t.id]);
    expect(rig.sent(/\/service\/tickets$/, 'POST')).toHaveLength(1);
    // The look-up ran before the second POST.
    const order = rig.exchanges
      .filter((e) => /\/service\/tickets$/.test(new URL(e.url).pathname))
      .map((e) => e.method);
    expect(order).toEqual(['POST', 'GET', 'GET']);
  });

  it('a create answered 503 (not committed) is checked by reference, then posted once more', async () => {
    const c = rig.client();
    const input = newTicket();
    await rig.control('faults', { method: 'POST', path: '/service/tickets$', status: 503, times: 1 });
    const t = await c.createTicket(input);
    const all = await rig.records<Row[]>('tickets');
    expect(all.filter((r) => r.externalXRef === input.externalRef).map((r) => String(r.id))).toEqual([t.id]);
    expect(rig.sent(/\/service\/tickets$/, 'POST').map((e) => e.status)).toEqual([503, 201]);
  });

  it('a missing security-role permission: 403 naming it, and checkPermissions shows the fix', async () => {
    const c = rig.client();
    await rig.control('permissions', {
      remove: ['ServiceDesk.ServiceTickets:add', 'Finance.Agreements:edit'],
    });
    try {
      const err = await fail(c.createTicket(newTicket()));
      expect(err!.kind).toBe('permission');
      expect(err!.details.permission).toBe('tickets.write');
      expect(err!.message).toContain('Service Desk → Service Tickets');
      expect(err!.message).toContain('Add Level to All');
      expect(rig.sent(/\/service\/tickets$/, 'POST')).toHaveLength(1);
      const checks = await c.checkPermissions();
      const by = Object.fromEntries(checks.map((p) => [p.permission, p]));
      expect(by['tickets.write']!.ok).toBe(false);
      expect(by['tickets.write']!.fix).toMatch(
        /System → Security Roles .* Service Desk → Service Tickets, and set Add Level to All/,
      );
      expect(by['notes.write']!.ok).toBe(false);
      expect(by['billing.write']!.ok).toBe(false);
      expect(by['billing.write']!.fix).toContain('Finance → Agreements');
      expect(by['tickets.read']!.ok).toBe(true);
      expect(by['billing.read']!.ok).toBe(true);
    } finally {
      await rig.control('permissions', { restore: true });
    }
    await rig.control('permissions', { remove: ['Finance.Agreements'] });
    try {
      const err = await fail(c.billingTargets('2'));
      expect(err!.kind).toBe('permission');
      expect(err!.details.permission).toBe('billing.read');
      expect(err!.message).toContain('Finance → Agreements, and set Inquire Level to All');
    } finally {
      await rig.control('permissions', { restore: true });
    }
    const all = await c.checkPermissions();
    expect(all.every((p) => p.ok && p.fix === null)).toBe(true);
    expect(all.map((p) => p.permission)).toEqual(
      expect.arrayContaining([
        'companies.read',
        'tickets.write',
        'notes.write',
        'billing.write',
        'lookups.read',
      ]),
    );
  });

  it('a duplicate (ObjectExists) is a conflict, other 400s are validation with fields', () => {
    const dup = JSON.stringify({
      code: 'InvalidObject',
      message: 'company object is invalid',
      errors: [
        {
          code: 'ObjectExists',
          message: 'The identifier is already in use.',
          resource: 'company',
          field: 'identifier',
        },
      ],
    });
    const e1 = apiError({ status: 400, headers: new Headers(), body: JSON.parse(dup), text: dup }, []);
    expect(e1.kind).toBe('conflict');
    expect(e1.details.fields).toEqual({ identifier: 'The identifier is already in use.' });
    const e2 = apiError({ status: 409, headers: new Headers(), body: null, text: '' }, []);
    expect(e2.kind).toBe('conflict');
  });

  it('never records or reports the private key', () => {
    assertNoSecrets(rig);
  });

  it('got answers that match the spec schemas, every one it recorded', () => {
    expect(allAnswerErrors(rig.history)).toEqual([]);
  });
});
