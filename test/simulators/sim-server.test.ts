import { afterEach, describe, expect, it } from 'vitest';
import { startSimServer } from '../../src/simulators/shared/sim-server.ts';
import type { RunningSimulator, SimPsa } from '../../src/simulators/shared/types.ts';

// A minimal PSA that counts writes, so the fault rules can be seen committing or not.
function counterPsa(): SimPsa & { writes: number } {
  return {
    kind: 'connectwise',
    credentials: { token: 't' },
    writes: 0,
    handle(req) {
      if (req.method === 'POST') this.writes += 1;
      return { status: 200, body: { path: req.path, writes: this.writes } };
    },
    reset() {
      this.writes = 0;
    },
    records: (entity) => (entity === 'things' ? [] : undefined),
    control: (action) => (action === 'ping' ? { status: 200, body: 'pong' } : undefined),
  };
}

describe('simulator server', () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => sim?.stop());

  it('serves the PSA and its control routes over real HTTP', async () => {
    const psa = counterPsa();
    sim = await startSimServer(psa);
    expect(await (await fetch(`${sim.url}/x`)).json()).toEqual({ path: '/x', writes: 0 });
    expect((await fetch(`${sim.url}/_sim/records/nothing`)).status).toBe(404);
    expect(await (await fetch(`${sim.url}/_sim/records/things`)).json()).toEqual([]);
    expect(await (await fetch(`${sim.url}/_sim/ping`, { method: 'POST' })).json()).toBe('pong');
    expect((await fetch(`${sim.url}/_sim/unknown`, { method: 'POST' })).status).toBe(404);
  });

  it('injects a status, then drops after commit, and logs both', async () => {
    const psa = counterPsa();
    sim = await startSimServer(psa);
    const addFault = (rule: object) =>
      fetch(`${sim!.url}/_sim/faults`, { method: 'POST', body: JSON.stringify(rule) });
    await addFault({ path: '^/tickets$', method: 'POST', status: 503, body: { code: 'down' }, times: 1 });
    const first = await fetch(`${sim.url}/tickets`, { method: 'POST' });
    expect(first.status).toBe(503);
    expect(psa.writes).toBe(0);
    await addFault({ path: '^/tickets$', dropAfterCommit: true, times: 1 });
    await expect(fetch(`${sim.url}/tickets`, { method: 'POST' })).rejects.toThrow();
    expect(psa.writes).toBe(1);
    const ok = await fetch(`${sim.url}/tickets`, { method: 'POST' });
    expect(ok.status).toBe(200);
    const log = (await (await fetch(`${sim.url}/_sim/requests`)).json()) as { status: unknown }[];
    expect(log.map((l) => l.status)).toEqual([503, 'dropped', 200]);
  });

  it('answers an injected status with the headers the rule gives (a 429 with Retry-After)', async () => {
    const psa = counterPsa();
    sim = await startSimServer(psa);
    await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '^/tickets$', status: 429, headers: { 'retry-after': '7' }, times: 1 }),
    });
    const limited = await fetch(`${sim.url}/tickets`, { method: 'POST' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(psa.writes).toBe(0);
    expect((await fetch(`${sim.url}/tickets`, { method: 'POST' })).headers.get('retry-after')).toBeNull();
  });

  it('rejects a bad fault pattern with a 400', async () => {
    sim = await startSimServer(counterPsa());
    const res = await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '(' }),
    });
    expect(res.status).toBe(400);
  });

  it('serves https with a self-signed certificate', async () => {
    sim = await startSimServer(counterPsa(), { tls: true });
    expect(sim.url).toMatch(/^https:/);
    const { request } = await import('node:https');
    const status = await new Promise<number>((resolve, reject) => {
      request(`${sim!.url}/x`, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
  });
});
