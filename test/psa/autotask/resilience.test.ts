// Etiquette over real HTTP against the Autotask simulator: the thread limit (3 per endpoint), the
// tenant's hourly budget and the hub's share of it, 429s, 5xx bursts and timeouts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PsaError } from '../../../src/psa/errors.ts';
import { bodyErrors, placement, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.sim.stop());
beforeEach(async () => rig.reset());

type Threshold = { thresholdInformation: { currentTimeframeRequestCount: number } };
const used = async () =>
  ((await rig.control('rate-limit', {})) as Threshold).thresholdInformation.currentTimeframeRequestCount;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PsaError,
  );

describe('Autotask thread limit', () => {
  it('keeps at most 3 requests in flight per endpoint, so Autotask never refuses one', async () => {
    await rig.control('rate-limit', { processingMs: 60 });
    const c = rig.client();
    const ids = ['174', '175', '176', '177', '178', '179', '180', '181', '182', '183'];
    const started = Date.now();
    const got = await Promise.all([
      ...ids.map((id) => c.getCompany(id)),
      ...ids.map((id) => c.getTicket(id)),
    ]);
    expect(got).toHaveLength(20);
    expect(rig.exchanges.filter((e) => e.status === 429)).toEqual([]);
    // 10 calls per endpoint, 3 at a time, 60 ms each: at least 4 rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 60 - 20);
  });

  it('starts the timeout once a request holds a slot, not while it queues for one', async () => {
    await rig.control('rate-limit', { processingMs: 150 });
    const c = rig.client({ http: { timeoutMs: 400, policy: { attempts: 1, baseMs: 1, capMs: 1 } } });
    const ids = ['174', '175', '176', '177', '178', '179', '180', '181', '182'];
    await Promise.all(ids.map((id) => c.getCompany(id)));
    expect(rig.exchanges.filter((e) => e.error !== null)).toEqual([]);
  });

  it('retries a thread-limit refusal (Itgenatr005) after a moment', async () => {
    await rig.control('faults', {
      path: '/Companies/',
      status: 429,
      body: {
        errors: [
          'Itgenatr005: Thread Threshold Exceeded - The Autotask API thread threshold of 3 threads has been exceeded.',
        ],
      },
      times: 1,
    });
    expect(await rig.client().getCompany('174')).toMatchObject({ id: '174' });
    expect(rig.exchanges.filter((e) => /Companies/.test(e.url)).map((e) => e.status)).toEqual([429, 200]);
  });

  it("reports Autotask's own hourly-threshold refusal as rate limited, for later", async () => {
    await rig.control('faults', {
      path: '/Companies/',
      status: 429,
      body: { errors: ['The request threshold of 10000 requests per 60 minutes has been exceeded.'] },
    });
    const err = await failure(rig.client().getCompany('174'));
    expect(err?.kind).toBe('rate_limited');
    expect(err?.details.retryAfterMs).toBeGreaterThanOrEqual(60_000);
    expect(rig.count(/Companies/)).toBe(1);
  });
});

describe('Autotask hourly budget', () => {
  it('stays under its share (default 50%) and refuses with a retry-after instead', async () => {
    await rig.control('rate-limit', { hourlyBudget: 40 });
    const c = rig.client();
    let refused: PsaError | undefined;
    let done = 0;
    for (let i = 0; i < 40 && !refused; i++) {
      try {
        await c.getCompany('174');
        done++;
      } catch (err) {
        refused = err as PsaError;
      }
    }
    expect(refused?.kind).toBe('rate_limited');
    expect(refused?.message).toMatch(/50% share/);
    expect(refused?.details.retryAfterMs).toBeGreaterThan(0);
    expect(await used()).toBeLessThanOrEqual(20);
    expect(done).toBeGreaterThanOrEqual(15);
    const before = await used();
    await expect(c.getTicket('7800')).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(await used()).toBe(before); // refused without asking Autotask
    expect(rig.exchanges.at(-1)).toMatchObject({ status: null, error: expect.stringMatching(/share/) });
  });

  it('counts what other integrations use, and honours a configured share', async () => {
    await rig.control('rate-limit', { hourlyBudget: 100, used: 20 });
    const c = rig.client({ budgetShare: 0.3 });
    let ok = 0;
    for (let i = 0; i < 30; i++) {
      const r = await failure(c.getCompany('174'));
      if (r) {
        expect(r.kind).toBe('rate_limited');
        break;
      }
      ok++;
    }
    expect(await used()).toBeLessThanOrEqual(30);
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThan(10);
  });
});

describe('Autotask failures', () => {
  it('retries a burst of 5xx answers with backoff', async () => {
    await rig.control('faults', { path: '/Companies/', status: 503, body: 'Service Unavailable', times: 2 });
    expect(await rig.client().getCompany('174')).toMatchObject({ id: '174' });
    expect(rig.exchanges.filter((e) => /Companies/.test(e.url)).map((e) => e.status)).toEqual([
      503, 503, 200,
    ]);
  });

  it('gives up as transient when the 5xx burst outlasts the retries', async () => {
    await rig.control('faults', {
      path: '/Companies/',
      status: 500,
      body: { Message: 'An error has occurred.' },
    });
    const err = await failure(rig.client().getCompany('174'));
    expect(err?.kind).toBe('transient');
    expect(rig.count(/Companies/)).toBe(4);
  });

  it('retries a read that timed out', async () => {
    await rig.control('faults', { path: '/Companies/', latencyMs: 800, times: 1 });
    const c = rig.client({ http: { timeoutMs: 300, policy: { attempts: 3, baseMs: 1, capMs: 5 } } });
    expect(await c.getCompany('174')).toMatchObject({ id: '174' });
    expect(rig.exchanges.filter((e) => /Companies/.test(e.url)).map((e) => e.status)).toEqual([null, 200]);
  });

  it('creates exactly one ticket when the create timed out but Autotask finished it', async () => {
    await rig.control('faults', { method: 'POST', path: '/V1\\.0/Tickets$', latencyMs: 600, times: 1 });
    const c = rig.client({ http: { timeoutMs: 300, policy: { attempts: 3, baseMs: 1, capMs: 5 } } });
    const ref = `hub-timeout-${Date.now()}`;
    const t = await c.createTicket({
      companyId: '174',
      title: 'slow',
      description: 'd',
      externalRef: ref,
      placement,
    });
    const rows = (await rig.records<Record<string, unknown>[]>('Tickets')).filter(
      (r) => r.externalID === ref,
    );
    expect(rows).toHaveLength(1);
    expect(t.externalRef).toBe(ref);
  });

  it('checks request bodies with a validator that does catch wrong fields', () => {
    const bad = {
      method: 'POST',
      url: `${rig.sim.url}/atservicesrest/V1.0/Tickets`,
      requestHeaders: {},
      requestBody: JSON.stringify({ companyId: 1, titel: 'x', status: 'one' }),
      status: 200,
      responseBody: null,
      durationMs: 0,
      attempt: 1,
      error: null,
    };
    expect(bodyErrors(bad)?.length).toBeGreaterThanOrEqual(2);
  });
});
