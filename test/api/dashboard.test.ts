// The dashboard's figures over the Partner API, with data made by the real flow: events pushed
// through the Source API become tickets in the Halo simulator (one opened and resolved, one open, one
// the PSA refuses for good), an unlinked organization of a sub-reseller waits, and expired keys make
// the connection fail. The counts include sub-partners, a partner of another branch sees none of it,
// and every day of the span is there, zero when nothing happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';

interface Day {
  day: string;
  ticketsOpened: number;
  ticketsResolved: number;
  deliveriesOk: number;
  deliveriesFailed: number;
  deliveriesDead: number;
}

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let ownerB: Client;
let distOwner: Client;
let sim: RunningSimulator;
let conn: string;

const today = () => new Date().toISOString().slice(0, 10);

async function linkedOrg(name: string) {
  const ext = `${tree.ext('dash-org')}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await t.source.put(`/api/v1/source/organizations/${ext}`, {
    name,
    partnerExternalId: tree.ext('resA'),
  });
  if (res.status !== 201) throw new Error(res.text);
  const linked = await admin.put(`/api/v1/organizations/${res.body.id}/link`, {
    connectionId: conn,
    companyId: '174',
  });
  if (linked.status !== 200) throw new Error(linked.text);
  return { id: res.body.id as string, ext };
}

let seq = 0;
async function sendEvent(orgExt: string, status: 'failing' | 'resolved') {
  const res = await t.source.post('/api/v1/source/events', {
    events: [
      {
        id: `dash-${tree.tag}-${++seq}`,
        organizationId: orgExt,
        condition: 'backup.email',
        resource: 'ann@example.com',
        status,
        severity: 'high',
        errorCode: 'graph.503',
        occurredAt: new Date(Date.now() - 60_000 + seq).toISOString(),
      },
    ],
  });
  if (res.status !== 202) throw new Error(res.text);
}

const deliveriesOf = (orgId: string) =>
  t.hub.db.query<{ outcome: string; action: string }>(
    'SELECT outcome, action FROM deliveries WHERE organization_id = $1 ORDER BY at',
    [orgId],
  );

const fault = (body: unknown) =>
  fetch(`${sim.url}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  ownerB = await t.userClient(tree.partners.resB, 'owner');
  distOwner = await t.userClient(tree.partners.dist, 'owner');
  sim = await startSimulator('halopsa', { port: 0 });
  const res = await admin.post('/api/v1/connections', {
    partnerId: tree.partners.resA,
    kind: 'halopsa',
    name: 'Halo of A',
    siteUrl: sim.url,
    credentials: sim.credentials,
  });
  if (res.status !== 201) throw new Error(res.text);
  conn = res.body.connection.id;
  await ticketSettingsFromPickLists(admin, 'halopsa', conn);

  // A ticket opened and resolved.
  const done = await linkedOrg(`Dash Done ${tree.tag}`);
  await sendEvent(done.ext, 'failing');
  await until(
    'the ticket',
    () => deliveriesOf(done.id),
    (d) => d.length === 1,
  );
  await sendEvent(done.ext, 'resolved');
  await until(
    'the resolution',
    () => deliveriesOf(done.id),
    (d) => d.length === 2,
  );

  // A ticket still open.
  const open = await linkedOrg(`Dash Open ${tree.tag}`);
  await sendEvent(open.ext, 'failing');
  await until(
    'the ticket',
    () => deliveriesOf(open.id),
    (d) => d.length === 1,
  );

  // A ticket the PSA refuses with a validation error no retry fixes: a dead delivery and alert.
  const refused = await linkedOrg(`Dash Refused ${tree.tag}`);
  const faulted = await fault({
    method: 'POST',
    path: '/api/Tickets$',
    status: 400,
    body: { '[0].summary': ['The summary field is required.'] },
    times: 1,
  });
  if (faulted.status !== 201) throw new Error(await faulted.text());
  await sendEvent(refused.ext, 'failing');
  await until(
    'a dead delivery',
    () => deliveriesOf(refused.id),
    (d) => d.some((x) => x.outcome === 'dead'),
  );

  // The sub-reseller's organization is linked to no PSA: its ticket waits.
  await sendEvent(tree.ext('orgSub'), 'failing');
  await until(
    'the waiting alert',
    () => admin.get(`/api/v1/alerts?waiting=true&organizationId=${tree.orgs.orgSub}`),
    (r) => r.body.items?.length === 1,
  );
}, 90_000);
afterAll(async () => {
  await sim?.stop();
  await t?.stop();
});

describe('the dashboard', () => {
  it('counts alerts by state, and tickets and deliveries of today, sub-partners included', async () => {
    const res = await admin.get('/api/v1/dashboard');
    expect(res.status, res.text).toBe(200);
    expect(res.body.days).toBe(14);
    expect(res.body.alerts).toEqual({ open: 1, waiting: 1, dead: 1 });
    const days = res.body.daily as Day[];
    expect(days).toHaveLength(14);
    expect(days.at(-1)).toEqual({
      day: today(),
      ticketsOpened: 2,
      ticketsResolved: 1,
      deliveriesOk: 3,
      deliveriesFailed: 0,
      deliveriesDead: 1,
    });
    // Days without activity are there, as zeros, one a day, oldest first.
    const before = days.slice(0, -1);
    expect(before.every((d) => d.ticketsOpened + d.deliveriesOk + d.deliveriesDead === 0)).toBe(true);
    const first = new Date(`${today()}T00:00:00Z`);
    first.setUTCDate(first.getUTCDate() - 13);
    expect(days[0]!.day).toBe(first.toISOString().slice(0, 10));

    expect(res.body.connections).toEqual([
      expect.objectContaining({
        id: conn,
        name: 'Halo of A',
        kind: 'halopsa',
        partner: { id: tree.partners.resA, name: expect.any(String) },
        status: 'connected',
        lastError: null,
        requestsThisHour: expect.any(Number),
        hourlyAllowance: 1800,
      }),
    ]);
    expect(res.body.connections[0].requestsThisHour).toBeGreaterThan(0);

    const month = await admin.get('/api/v1/dashboard?days=30');
    expect(month.body.daily).toHaveLength(30);
    expect(month.body.daily.at(-1).ticketsOpened).toBe(2);
    expect((await admin.get('/api/v1/dashboard?days=0')).status).toBe(400);
    expect((await admin.get('/api/v1/dashboard?days=91')).status).toBe(400);
  });

  it('narrows to a partner below, and counts the partners below for those above', async () => {
    const sub = await admin.get(`/api/v1/dashboard?partnerId=${tree.partners.subA}`);
    expect(sub.status, sub.text).toBe(200);
    expect(sub.body.alerts).toEqual({ open: 0, waiting: 1, dead: 0 });
    expect(sub.body.connections).toEqual([]);
    expect(sub.body.daily.at(-1).deliveriesOk).toBe(0);

    const dist = await distOwner.get('/api/v1/dashboard');
    expect(dist.body.alerts).toEqual({ open: 1, waiting: 1, dead: 1 });
    expect(dist.body.daily.at(-1).ticketsOpened).toBe(2);
    expect(dist.body.connections.map((c: { id: string }) => c.id)).toEqual([conn]);
  });

  it("never shows another partner's figures", async () => {
    const b = await ownerB.get('/api/v1/dashboard');
    expect(b.status, b.text).toBe(200);
    expect(b.body.alerts).toEqual({ open: 0, waiting: 0, dead: 0 });
    expect(b.body.connections).toEqual([]);
    expect((b.body.daily as Day[]).every((d) => d.ticketsOpened + d.deliveriesOk === 0)).toBe(true);

    // Another branch's partner is answered like one that does not exist.
    const aimed = await ownerB.get(`/api/v1/dashboard?partnerId=${tree.partners.resA}`);
    expect(aimed.status).toBe(404);
    expect((await admin.get(`/api/v1/dashboard?partnerId=${tree.partners.resB}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/dashboard?partnerId=${tree.partners.dist}`)).status).toBe(404);

    const op = await t.operator.get(`/api/v1/dashboard?partnerId=${tree.partners.resB}`);
    expect(op.body.alerts).toEqual({ open: 0, waiting: 0, dead: 0 });
  });

  it('lists a failing connection first, with the last error', async () => {
    // A ConnectWise connection whose keys then expire (its own simulator, with a budget to spare).
    const cw = await startSimulator('connectwise', { port: 0 });
    try {
      const made = await admin.post('/api/v1/connections', {
        partnerId: tree.partners.resA,
        kind: 'connectwise',
        name: 'CW of A',
        siteUrl: cw.url,
        credentials: cw.credentials,
      });
      expect(made.status, made.text).toBe(201);
      const id = made.body.connection.id as string;
      await fetch(`${cw.url}/_sim/expire-credentials`, { method: 'POST', body: '{}' });
      expect((await admin.post(`/api/v1/connections/${id}/check`)).status).toBe(422);
      const res = await admin.get('/api/v1/dashboard');
      expect(res.body.connections.map((c: { id: string }) => c.id)).toEqual([id, conn]);
      expect(res.body.connections[0]).toMatchObject({
        status: 'failing',
        failingSince: expect.any(String),
        lastError: expect.stringMatching(/\w/),
      });
      expect(res.body.connections[1].status).toBe('connected');
      expect((await ownerB.get('/api/v1/dashboard')).body.connections).toEqual([]);
    } finally {
      await cw.stop();
    }
  });
});
