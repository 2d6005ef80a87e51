// The shared `/_sim/` routes as they apply to Autotask: records, reset, replacement seeds, and
// faults — including "commit the write, then drop the connection".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { AtClient, startAutotask, type Rec } from './client.ts';
import { smallSeed } from './small-seed.ts';

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

const minimal = { companyID: 174, title: 'Fault test', status: 1, priority: 2 };

describe('/_sim routes', () => {
  it('reads records by entity (any casing) and id', async () => {
    const all = await at.raw<Rec[]>('GET', `${sim.url}/_sim/records/tickets`, undefined, {});
    expect(all.body.length).toBeGreaterThan(100);
    const one = await at.raw<Rec>('GET', `${sim.url}/_sim/records/Tickets/7800`, undefined, {});
    expect(one.body.id).toBe(7800);
    expect((await at.raw('GET', `${sim.url}/_sim/records/Queues`, undefined, {})).status).toBe(404);
  });

  it('a replacement seed replaces everything; reset goes back to the starting seed', async () => {
    expect((await at.raw('POST', `${sim.url}/_sim/seed`, smallSeed, {})).status).toBe(204);
    expect(
      (
        await at.post<{ queryCount: number }>('/Companies/query/count', {
          filter: [{ op: 'exist', field: 'id' }],
        })
      ).body.queryCount,
    ).toBe(6);
    expect((await at.get('/Tickets/7800')).status).toBe(404);
    await at.raw('POST', `${sim.url}/_sim/reset`, undefined, {});
    expect((await at.get('/Tickets/7800')).status).toBe(200);
  });

  it('refuses a seed of the wrong shape', async () => {
    expect(
      (await at.raw('POST', `${sim.url}/_sim/seed`, { entities: { Nope: [] }, picklists: {} }, {})).status,
    ).toBe(400);
    expect((await at.raw('POST', `${sim.url}/_sim/seed`, [1, 2], {})).status).toBe(400);
  });

  it('an injected fault answers instead of the API; drop-after-commit creates the ticket without a reply', async () => {
    await at.raw(
      'POST',
      `${sim.url}/_sim/faults`,
      { path: '/v1\\.0/tickets$', method: 'POST', status: 503, body: 'Service Unavailable', times: 1 },
      {},
    );
    const before = (sim.psa.records('Tickets') as Rec[]).length;
    expect((await at.post('/Tickets', minimal)).status).toBe(503);
    expect((sim.psa.records('Tickets') as Rec[]).length).toBe(before);
    await at.raw(
      'POST',
      `${sim.url}/_sim/faults`,
      { path: '/v1\\.0/tickets$', method: 'POST', dropAfterCommit: true, times: 1 },
      {},
    );
    await expect(at.post('/Tickets', { ...minimal, title: 'Dropped reply' })).rejects.toThrow();
    const found = await at.query<Rec>('Tickets', [{ op: 'eq', field: 'title', value: 'Dropped reply' }]);
    expect(found.body.items.length).toBe(1);
  });

  it('unknown control actions are 404', async () => {
    expect((await at.control('explode')).status).toBe(404);
  });
});
