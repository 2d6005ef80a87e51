// Every settings resource takes back what it gives: GET it, change one field, PUT the whole answer
// back, and the next GET shows the change and nothing else moved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { ticketSettingsFromPickLists } from '../support/alerts.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

type Body = Record<string, any>;

let t: TestHub;
let sim: RunningSimulator;
let owner: Client;
let tree: Awaited<ReturnType<typeof seedTree>>;
let connectionId: string;
let planId: string;

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  owner = await t.userClient(tree.partners.resA, 'owner');
  sim = await startSimulator('halopsa', { port: 0 });
  const conn = await owner.post('/api/v1/connections', {
    partnerId: tree.partners.resA,
    kind: 'halopsa',
    name: 'Halo',
    siteUrl: sim.url,
    credentials: sim.credentials,
  });
  if (conn.status !== 201) throw new Error(conn.text);
  connectionId = conn.body.connection.id;
  await ticketSettingsFromPickLists(owner, 'halopsa', connectionId);
  const linked = await owner.put(`/api/v1/organizations/${tree.orgs.orgA}/link`, {
    connectionId,
    companyId: '174',
  });
  if (linked.status !== 200) throw new Error(linked.text);
  const [plan] = await t.hub.db.query<{ id: string }>('SELECT id FROM plans WHERE external_id = $1', [
    tree.ext('planA'),
  ]);
  planId = plan!.id;
  const product = (await owner.get(`/api/v1/connections/${connectionId}/products`)).body.items[0];
  const planLink = await owner.put(`/api/v1/connections/${connectionId}/plan-links/${planId}`, {
    productId: product.id,
  });
  if (planLink.status !== 200) throw new Error(planLink.text);
});
afterAll(async () => {
  await sim?.stop();
  await t?.stop();
});

/**
 * GET `path`, let `change` edit the answer, PUT the whole of it back, and compare the next GET's
 * `part` (what the client sets) with the edited one.
 */
async function roundTrip(path: string, change: (b: Body) => void, part: (b: Body) => unknown) {
  const read = await owner.get(path);
  expect(read.status, read.text).toBe(200);
  const edited = structuredClone(read.body) as Body;
  change(edited);
  expect(part(edited)).not.toEqual(part(read.body));
  const written = await owner.put(path, edited);
  expect(written.status, written.text).toBe(200);
  const again = await owner.get(path);
  expect(part(again.body)).toEqual(part(edited));
  return again.body as Body;
}

describe('settings round trip (GET, change one field, PUT it back)', () => {
  it('connection ticket settings', async () => {
    await roundTrip(
      `/api/v1/connections/${connectionId}/ticket-settings`,
      (b) => (b.own.reopenWindowMinutes = 77),
      (b) => b.own,
    );
  });

  it('organization ticket settings', async () => {
    await roundTrip(
      `/api/v1/organizations/${tree.orgs.orgA}/ticket-settings`,
      (b) => (b.own.autoResolve = false),
      (b) => b.own,
    );
  });

  it('partner ticket defaults', async () => {
    await roundTrip(
      `/api/v1/partners/${tree.partners.resA}/ticket-defaults/halopsa`,
      (b) => (b.fields.notesInternal = false),
      (b) => b.fields,
    );
  });

  it('mapping settings, storm control included, with a catch-all company', async () => {
    const path = `/api/v1/connections/${connectionId}/mapping-settings`;
    await roundTrip(
      path,
      (b) => (b.catchAll = { companyId: '174', companyName: 'whatever' }),
      (b) => b.catchAll?.companyId,
    );
    const after = await roundTrip(
      path,
      (b) => (b.maxTicketsPerCompanyHour = b.maxTicketsPerCompanyHour + 1),
      (b) => ({ ...b }),
    );
    // The name is the PSA's, not what the client sent.
    expect(after.catchAll.companyName).not.toBe('whatever');
  });

  it('billing settings', async () => {
    await roundTrip(
      `/api/v1/connections/${connectionId}/billing-settings`,
      (b) => {
        b.mode = b.mode === 'off' ? 'preview' : 'off';
        b.schedule.hour = (b.schedule.hour + 1) % 24;
      },
      (b) => ({ ...b, updatedAt: undefined }),
    );
  });

  it('a plan link’s billing rules', async () => {
    await roundTrip(
      `/api/v1/connections/${connectionId}/plan-links/${planId}/billing-rules`,
      (b) => (b.rules.includedQuantity = 5),
      (b) => b.rules,
    );
  });
});
