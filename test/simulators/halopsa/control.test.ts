// The `/_sim/` routes as they apply to Halo: reset, loading a replacement seed, reading records,
// injected faults (a write committed and then dropped), unknown control actions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHalopsaSimulator, loadDefaultSeed } from '../../../src/simulators/halopsa/index.ts';
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

type Obj = Record<string, unknown>;

function smallSeed(): ReturnType<typeof loadDefaultSeed> {
  const seed = loadDefaultSeed();
  const clients = seed.clients.slice(0, 3);
  const keep = new Set(clients.map((c) => c.id));
  return {
    ...seed,
    clients,
    sites: seed.sites.filter((s) => keep.has(s.client_id as number)),
    users: seed.users.filter((u) => keep.has(u.client_id as number)),
    tickets: [],
    actions: [],
    licences: [],
    recurring_invoices: [],
    invoice_lines: [],
  };
}

describe('control routes', () => {
  it('reset restores the seed after writes', async () => {
    const before = await halo.get<{ record_count: number }>('/api/Client');
    await halo.post('/api/Client', [{ name: 'Temporary Ltd' }]);
    expect((await halo.get<{ record_count: number }>('/api/Client')).json.record_count).toBe(
      before.json.record_count + 1,
    );
    expect((await fetch(`${halo.url}/_sim/reset`, { method: 'POST' })).status).toBe(204);
    expect((await halo.get<{ record_count: number }>('/api/Client')).json.record_count).toBe(
      before.json.record_count,
    );
  });

  it('loads a replacement seed of the same shape, and rejects another shape', async () => {
    const r = await fetch(`${halo.url}/_sim/seed`, { method: 'POST', body: JSON.stringify(smallSeed()) });
    expect(r.status).toBe(204);
    const clients = await halo.get<{ record_count: number }>('/api/Client?includeinactive=true');
    expect(clients.json.record_count).toBe(3);
    expect((await halo.get<{ record_count: number }>('/api/Tickets')).json.record_count).toBe(0);
    // A new ticket on the small seed gets id 1 and its action 1.
    const t = await halo.post<Obj>('/api/Tickets', [{ summary: 'first', client_id: 1 }]);
    expect(t.json.id).toBe(1);
    const bad = await fetch(`${halo.url}/_sim/seed`, {
      method: 'POST',
      body: JSON.stringify({ clients: [] }),
    });
    expect(bad.status).toBe(400);
    expect(() => createHalopsaSimulator({ nope: true })).toThrow(/seed/);
  });

  it('reads records by entity name, as stored', async () => {
    const client = (await (await fetch(`${halo.url}/_sim/records/Client/12`)).json()) as Obj;
    expect(client).toMatchObject({ id: 12 });
    const actions = (await (await fetch(`${halo.url}/_sim/records/actions/1000`)).json()) as Obj[];
    expect(actions[0]).toMatchObject({ id: 1, ticket_id: 1000 });
    const lines = (await (await fetch(`${halo.url}/_sim/records/invoicelines`)).json()) as Obj[];
    expect(lines.length).toBeGreaterThan(50);
    expect((await fetch(`${halo.url}/_sim/records/nothing`)).status).toBe(404);
    expect((await fetch(`${halo.url}/_sim/records/Client/999999`)).status).toBe(404);
  });

  it('a POST committed and then dropped leaves the ticket in Halo though the client saw no reply', async () => {
    const fault = await fetch(`${halo.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '^/api/tickets$', method: 'POST', dropAfterCommit: true, times: 1 }),
    });
    expect(fault.status).toBe(201);
    const before = (halo.sim.psa.records('tickets') as unknown[]).length;
    await expect(halo.post('/api/Tickets', [{ summary: 'lost reply', client_id: 12 }])).rejects.toThrow();
    const found = await halo.get<{ tickets: Obj[] }>('/api/Tickets?search=lost reply');
    expect(found.json.tickets.length).toBe(1);
    expect((halo.sim.psa.records('tickets') as unknown[]).length).toBe(before + 1);
  });

  it('an injected 503 never reaches Halo', async () => {
    await fetch(`${halo.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '^/api/client$', status: 503, body: 'Service Unavailable', times: 1 }),
    });
    const r = await halo.get('/api/Client');
    expect(r.status).toBe(503);
    expect((await halo.get('/api/Client')).status).toBe(200);
  });

  it('answers 404 for an unknown control action and 400 for bad input', async () => {
    expect((await halo.control('nonsense')).status).toBe(404);
    expect((await halo.control('token-lifetime', { seconds: -1 })).status).toBe(400);
    const status = await halo.control('status');
    expect(status.json).toMatchObject({ tokenLifetimeSeconds: 3600, secretValid: true });
  });
});
