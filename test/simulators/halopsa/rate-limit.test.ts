// 429 at the configured rate with Halo's message (reference §6).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rateLimitMessage, RollingWindow } from '../../../src/simulators/halopsa/rate-limit.ts';
import { startHalo, type HaloTestClient } from './halo-client.ts';

let halo: HaloTestClient;
beforeAll(async () => {
  halo = await startHalo();
});
afterAll(async () => halo.sim.stop());
beforeEach(async () => {
  await fetch(`${halo.url}/_sim/reset`, { method: 'POST' });
  await halo.login();
});

describe('rate limit', () => {
  it('defaults to 300 requests per rolling 5 minutes with the observed wording', async () => {
    const status = await halo.control('status');
    expect(status.json).toMatchObject({ rateLimit: { requests: 300, perSeconds: 300 } });
    const w = new RollingWindow();
    expect(rateLimitMessage(w.config)).toBe('Rate Limit Reached - 300 Requests per rolling 5 minute window');
    const t0 = 1_000_000;
    for (let i = 0; i < 300; i++) expect(w.take(t0 + i)).toBeUndefined();
    const limited = w.take(t0 + 300);
    expect(limited).toMatchObject({
      status: 429,
      body: 'Rate Limit Reached - 300 Requests per rolling 5 minute window',
    });
    // Rolling: once the oldest request is 5 minutes old, one more fits.
    expect(w.take(t0 + 300_000)).toBeUndefined();
    expect(w.take(t0 + 300_000)?.status).toBe(429);
  });

  it('answers 429 past the configured budget, on the API and the token endpoint, then recovers', async () => {
    const cfg = await halo.control('rate-limit', { requests: 5, perSeconds: 0.5 });
    expect(cfg.json).toMatchObject({ requests: 5, perSeconds: 0.5 });
    for (let i = 0; i < 5; i++) expect((await halo.get('/api/Status')).status).toBe(200);
    const limited = await halo.get('/api/Status');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('Rate Limit Reached - 5 Requests per rolling 0.5 second window');
    expect(limited.headers.get('retry-after')).toBeNull();
    const c = halo.sim.credentials;
    const token = await halo.requestToken({
      grant_type: 'client_credentials',
      client_id: c.clientId!,
      client_secret: c.clientSecret!,
    });
    expect(token.status).toBe(429);
    await new Promise((r) => setTimeout(r, 550));
    expect((await halo.get('/api/Status')).status).toBe(200);
  });

  it('counts unauthenticated calls too, and can send Retry-After', async () => {
    await halo.control('rate-limit', { requests: 2, perSeconds: 60, retryAfter: true });
    expect((await halo.get('/api/authinfo')).status).toBe(200);
    halo.token = 'bad';
    expect((await halo.get('/api/Status')).status).toBe(401);
    const limited = await halo.get('/api/Status');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('Rate Limit Reached - 2 Requests per rolling 1 minute window');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
  });

  it('does not count the /_sim control routes, and rejects a bad configuration', async () => {
    await halo.control('rate-limit', { requests: 1, perSeconds: 60 });
    for (let i = 0; i < 3; i++) expect((await halo.control('status')).status).toBe(200);
    expect((await halo.get('/api/Status')).status).toBe(200);
    expect((await halo.control('rate-limit', { requests: 0 })).status).toBe(400);
  });
});
