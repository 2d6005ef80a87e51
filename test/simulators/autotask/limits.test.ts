// ThresholdInformation, the rolling hourly budget with its added latency and hard stop, and the
// per-endpoint thread limit (reference §5.3, checklist §8.9) — with short configured windows.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { AtClient, startAutotask } from './client.ts';

let sim: RunningSimulator;
let at: AtClient;
beforeAll(async () => {
  sim = await startAutotask({ port: 0 });
  at = await new AtClient(sim).discover();
});
beforeEach(async () => {
  await at.raw('POST', `${sim.url}/_sim/reset`, undefined, {});
});
afterAll(async () => sim.stop());

interface Threshold {
  externalRequestThreshold: number;
  requestThresholdTimeframe: number;
  currentTimeframeRequestCount: number;
}

async function timed(path: string): Promise<{ status: number; ms: number; body: unknown }> {
  const t0 = performance.now();
  const res = await at.get(path);
  return { status: res.status, ms: performance.now() - t0, body: res.body };
}

describe('ThresholdInformation', () => {
  it('reports the 10,000 / 60 minute defaults and counts every authenticated call, itself included', async () => {
    const a = (await at.get<Threshold>('/ThresholdInformation')).body;
    expect(a).toEqual({
      externalRequestThreshold: 10000,
      requestThresholdTimeframe: 60,
      currentTimeframeRequestCount: 1,
    });
    await at.get('/Companies/0');
    await at.query('Companies', [{ op: 'eq', field: 'id', value: 0 }]);
    const b = (await at.get<Threshold>('/ThresholdInformation')).body;
    expect(b.currentTimeframeRequestCount).toBe(4);
  });

  it('failed authentication does not count', async () => {
    await at.raw('GET', `${at.zoneUrl}V1.0/Companies/0`, undefined, { ...at.headers, Secret: 'bad' });
    expect((await at.get<Threshold>('/ThresholdInformation')).body.currentTimeframeRequestCount).toBe(1);
  });
});

describe('hourly budget (rate-limit control)', () => {
  it('adds latency from 50 % and 75 % of the budget, refuses at 100 %, recovers when the window rolls', async () => {
    const cfg = await at.control('rate-limit', {
      hourlyBudget: 20,
      windowMs: 3000,
      latencyAt50Ms: 700,
      latencyAt75Ms: 1600,
    });
    expect(cfg.status).toBe(200);
    expect((await timed('/Companies/0')).ms).toBeLessThan(680); // no added latency below 50 % (wide: a loaded CI machine)
    await at.control('rate-limit', { used: 9 }); // 10 used → next one is at 50 %
    const at50 = await timed('/Companies/0');
    expect(at50.status).toBe(200);
    expect(at50.ms).toBeGreaterThanOrEqual(695);
    expect(at50.ms).toBeLessThan(1580);
    await at.control('rate-limit', { used: 4 }); // 15 used → 75 %
    const at75 = await timed('/Companies/0');
    expect(at75.ms).toBeGreaterThanOrEqual(1595);
    await at.control('rate-limit', { used: 10 });
    const over = await timed('/Companies/0');
    expect(over.status).toBe(429);
    expect((over.body as { errors: string[] }).errors[0]).toMatch(/threshold of 20 requests/);
    await new Promise((r) => setTimeout(r, 3100));
    expect((await timed('/Companies/0')).status).toBe(200);
  });

  it('reports the configured budget', async () => {
    await at.control('rate-limit', { hourlyBudget: 500, windowMs: 120_000 });
    const t = (await at.get<Threshold>('/ThresholdInformation')).body;
    expect(t).toMatchObject({ externalRequestThreshold: 500, requestThresholdTimeframe: 2 });
  });

  it('rejects unknown or negative settings', async () => {
    expect((await at.control('rate-limit', { perMinute: 1 })).status).toBe(400);
    expect((await at.control('rate-limit', { threadLimit: -1 })).status).toBe(400);
  });
});

describe('thread limit', () => {
  it('allows 3 concurrent requests per endpoint and refuses the rest with Itgenatr005 (429)', async () => {
    await at.control('rate-limit', { processingMs: 600 });
    const companies = Array.from({ length: 5 }, () => at.get('/Companies/0'));
    const other = at.get('/Tickets/7800'); // another endpoint has its own 3 threads
    const results = await Promise.all(companies);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = results.find((r) => r.status === 429)!;
    expect((refused.body as { errors: string[] }).errors[0]).toMatch(
      /Itgenatr005.*thread threshold of 3 threads has been exceeded/,
    );
    expect((await other).status).toBe(200);
    // Once they finish, the endpoint is free again.
    expect((await at.get('/Companies/0')).status).toBe(200);
  });

  it('the limit is configurable', async () => {
    await at.control('rate-limit', { processingMs: 500, threadLimit: 1 });
    const results = await Promise.all([at.get('/Companies/0'), at.get('/Companies/0')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 429]);
  });
});
