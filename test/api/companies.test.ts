// Company search over the Partner API, for linking an organization by hand: names from the
// connection's ConnectWise simulator, inactive ones only when asked, answered from the cached
// directory, and nothing of it for a user of another partner. Suggestions narrow by organization name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { Client } from '../support/client.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let sim: RunningSimulator;
let viewer: Client;
let stranger: Client;
let base: string;

type Company = { id: string; name: string; active: boolean; deleted: boolean; prospect: boolean };

beforeAll(async () => {
  t = await startTestHub();
  sim = await startSimulator('connectwise', { port: 0 });
  for (const ext of ['msp-co', 'other-co'])
    await t.source.put(`/api/v1/source/partners/${ext}`, { name: ext, kind: 'direct_reseller' });
  await t.source.post('/api/v1/source/organizations/batch', {
    items: [
      { externalId: 'o-1', name: 'Contoso Ltd', partnerExternalId: 'msp-co' },
      { externalId: 'o-2', name: 'Fabrikam Inc', partnerExternalId: 'msp-co' },
    ],
  });
  const partnerOf = async (q: string) => (await t.operator.get(`/api/v1/partners?q=${q}`)).body.items[0].id;
  const partnerId = await partnerOf('msp-co');
  const admin = await t.userClient(partnerId, 'admin');
  viewer = await t.userClient(partnerId, 'viewer');
  stranger = await t.userClient(await partnerOf('other-co'), 'owner');
  const created = await admin.post('/api/v1/connections', {
    partnerId,
    kind: 'connectwise',
    name: 'CW',
    siteUrl: sim.url,
    credentials: sim.credentials,
  });
  base = `/api/v1/connections/${created.body.connection.id}`;
});
afterAll(async () => {
  await sim?.stop();
  await t?.stop();
});

describe('company search', () => {
  it('finds companies by part of the name, active ones unless asked, for a viewer too', async () => {
    const all = await viewer.get(`${base}/companies?limit=100`);
    expect(all.status, all.text).toBe(200);
    expect(all.body.total).toBeGreaterThan(0);
    expect((all.body.items as Company[]).every((c) => c.active && !c.deleted && !c.prospect)).toBe(true);

    const some = (all.body.items as Company[])[0]!;
    const word = some.name.split(' ')[0]!.toLowerCase();
    const found = await viewer.get(`${base}/companies?q=${encodeURIComponent(word)}`);
    expect((found.body.items as Company[]).map((c) => c.id)).toContain(some.id);
    expect((found.body.items as Company[]).every((c) => c.name.toLowerCase().includes(word))).toBe(true);
    const byId = await viewer.get(`${base}/companies?q=${some.id}`);
    expect((byId.body.items as Company[]).map((c) => c.id)).toContain(some.id);

    // The seed holds a deleted "Contoso Ltd": found only with includeInactive.
    const plain = (await viewer.get(`${base}/companies?q=contoso`)).body.items as Company[];
    const wide = (await viewer.get(`${base}/companies?q=contoso&includeInactive=true`)).body
      .items as Company[];
    expect(wide.length).toBeGreaterThan(plain.length);
    expect(wide.some((c) => c.deleted || !c.active || c.prospect)).toBe(true);
  });

  it('answers from the cached directory and refuses bad limits with the field named', async () => {
    await fetch(`${sim.url}/_sim/requests`, { method: 'DELETE' });
    expect((await viewer.get(`${base}/companies?q=a`)).status).toBe(200);
    expect(await (await fetch(`${sim.url}/_sim/requests`)).json()).toEqual([]);
    const bad = await viewer.get(`${base}/companies?limit=1000`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('limit');
  });

  it('shows nothing to a user of another partner', async () => {
    expect((await stranger.get(`${base}/companies?q=a`)).status).toBe(404);
  });

  it('narrows suggestions to the organizations whose name holds q', async () => {
    const res = await viewer.get(`${base}/company-suggestions?q=fabrikam`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map((i: { organization: { name: string } }) => i.organization.name)).toEqual([
      'Fabrikam Inc',
    ]);
  });
});
