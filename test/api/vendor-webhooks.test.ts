// The vendor platform's webhooks over real HTTP: subscribed through the Source API, each event the
// hub tells (a ping, a ticket created from a failure, a connection failing and recovering) arrives
// at a real receiver signed with the subscription's secret (checked here with node:crypto, as a
// receiver would), is retried while the receiver fails, never follows a redirect, and stops when
// unsubscribed. Bad input changes nothing, and a private address is refused unless the operator
// allows it.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';
import { startReceiver, type Received, type Receiver } from '../support/webhook-receiver.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let sim: RunningSimulator;
let rx: Receiver;

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  sim = await startSimulator('connectwise', { port: 0 });
  rx = await startReceiver();
});
afterAll(async () => {
  await rx?.stop();
  await sim?.stop();
  await t?.stop();
});

/** What a receiver does: the HMAC of "<t>.<body>" under the secret, compared with the header's. */
function signedBy(secret: string, r: Received): boolean {
  const header = String(r.headers['psahub-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const age = Math.abs(Date.now() / 1000 - Number(parts.t));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${r.body}`).digest('hex');
  return age < 300 && expected === parts.v1;
}

interface DeliveryItem {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAnswer: string | null;
  nextAttemptAt: string;
  lastAttemptAt: string;
}
const deliveriesOf = async (webhookId: string) =>
  (await t.source.get(`/api/v1/source/webhooks/${webhookId}/deliveries`)).body.items as DeliveryItem[];

const eventsOf = (type: string) =>
  rx.got.filter((r) => r.headers['psahub-event'] === type).map((r) => ({ r, event: JSON.parse(r.body) }));

async function subscribe(events: string[], path: string) {
  const res = await t.source.post('/api/v1/source/webhooks', { url: `${rx.url}${path}`, events });
  expect(res.status, res.text).toBe(201);
  return res.body as { webhook: { id: string }; secret: string };
}

describe('subscribing', () => {
  it('refuses what it could not send to, and changes nothing', async () => {
    const bad: [unknown, RegExp][] = [
      [{ url: `${rx.url}/x`, events: ['backup.failed'] }, /events\/0/],
      [{ url: `${rx.url}/x`, events: [] }, /events/],
      [{ url: `${rx.url}/x`, events: ['ticket.created', 'ticket.created'] }, /events/],
      [{ url: 'ftp://example.com/x', events: ['ticket.created'] }, /url/],
      [{ url: 'not a url', events: ['ticket.created'] }, /url.*not an absolute URL/],
      [{ url: `${rx.url}/x#frag`, events: ['ticket.created'] }, /url.*fragment/],
      [{ url: 'https://user:pw@example.com/x', events: ['ticket.created'] }, /url.*user name or password/],
      [{ url: `${rx.url}/x`, events: ['ticket.created'], secret: 'short' }, /secret/],
      [{ url: `${rx.url}/x`, events: ['ticket.created'], description: 'a\u0000b' }, /description/],
      [{ url: `${rx.url}/x`, events: Array(5000).fill('ticket.created') }, /events/],
    ];
    for (const [body, where] of bad) {
      const res = await t.source.post('/api/v1/source/webhooks', body);
      expect(res.status, `${JSON.stringify(body).slice(0, 80)} → ${res.text}`).toBe(400);
      expect(res.body.error.message + JSON.stringify(res.body.error.details)).toMatch(where);
    }
    expect((await t.source.get('/api/v1/source/webhooks')).body.items).toEqual([]);
    // Partners never reach the vendor's subscriptions.
    expect((await admin.get('/api/v1/source/webhooks')).status).toBe(401);
  });

  it('refuses a private or loopback address unless the operator allows them', async () => {
    const strict = await startTestHub({ allowPrivatePsaHosts: false });
    try {
      for (const url of ['https://127.0.0.1/hook', 'https://10.1.2.3/hook', 'https://localhost/hook']) {
        const res = await strict.source.post('/api/v1/source/webhooks', { url, events: ['ticket.created'] });
        expect(res.status, res.text).toBe(400);
        expect(res.body.error.message).toMatch(/body\/url: .*private or loopback/);
      }
      expect((await strict.source.get('/api/v1/source/webhooks')).body.items).toEqual([]);
    } finally {
      await strict.stop();
    }
  });
});

describe('delivering', () => {
  let ping: { webhook: { id: string }; secret: string };

  it('sends a signed ping, shows the secret once, and lists what the receiver answered', async () => {
    ping = await subscribe(['ticket.created'], '/ping');
    expect(ping.secret).toMatch(/^whsec_/);
    const listed = await t.source.get('/api/v1/source/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(ping.secret);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: ping.webhook.id, url: `${rx.url}/ping` }),
    ]);
    expect(
      JSON.stringify((await t.source.get(`/api/v1/source/webhooks/${ping.webhook.id}`)).body),
    ).not.toContain(ping.secret);

    const sent = await t.source.post(`/api/v1/source/webhooks/${ping.webhook.id}/ping`);
    expect(sent.status, sent.text).toBe(202);
    const [got] = await until(
      'the ping',
      async () => eventsOf('webhook.ping'),
      (g) => g.length === 1,
    );
    expect(got!.event).toMatchObject({ id: sent.body.eventId, type: 'webhook.ping' });
    expect(got!.r.headers['psahub-event-id']).toBe(sent.body.eventId);
    expect(signedBy(ping.secret, got!.r)).toBe(true);
    expect(signedBy('whsec_someone-else-entirely', got!.r)).toBe(false);
    expect(signedBy(ping.secret, { ...got!.r, body: got!.r.body.replace('ping', 'pong') })).toBe(false);

    const log = await until(
      'the delivery recorded',
      () => deliveriesOf(ping.webhook.id),
      (items) => items[0]?.status === 'delivered',
    );
    expect(log[0]).toMatchObject({
      eventType: 'webhook.ping',
      attempts: 1,
      lastStatus: 200,
      lastAnswer: 'thanks',
    });
  });

  it('tells of a ticket made from a failure, naming the organization by the vendor’s id', async () => {
    const made = await admin.post('/api/v1/connections', {
      partnerId: tree.partners.resA,
      kind: 'connectwise',
      name: 'CW of A',
      siteUrl: sim.url,
      credentials: sim.credentials,
    });
    expect(made.status, made.text).toBe(201);
    const conn = made.body.connection.id as string;
    await ticketSettingsFromPickLists(admin, 'connectwise', conn);
    const ext = tree.ext('hooked-org');
    const org = await t.source.put(`/api/v1/source/organizations/${ext}`, {
      name: 'Hooked Org',
      partnerExternalId: tree.ext('resA'),
    });
    expect(
      (await admin.put(`/api/v1/organizations/${org.body.id}/link`, { connectionId: conn, companyId: '2' }))
        .status,
    ).toBe(200);
    const res = await t.source.post('/api/v1/source/events', {
      events: [
        {
          id: `hook-${tree.tag}-1`,
          organizationId: ext,
          condition: 'backup.email',
          resource: 'ann@example.com',
          status: 'failing',
          severity: 'high',
          occurredAt: new Date().toISOString(),
        },
      ],
    });
    expect(res.status, res.text).toBe(202);
    const [got] = await until(
      'ticket.created',
      async () => eventsOf('ticket.created'),
      (g) => g.length === 1,
    );
    expect(signedBy(ping.secret, got!.r)).toBe(true);
    const tickets = (await (await fetch(`${sim.url}/_sim/records/tickets`)).json()) as { id: number }[];
    expect(got!.event.data).toMatchObject({
      organization: { id: org.body.id, externalId: ext, name: 'Hooked Org' },
      partner: { id: tree.partners.resA, externalId: tree.ext('resA') },
      alert: { condition: 'backup.email', resource: 'ann@example.com' },
      connection: { id: conn, kind: 'connectwise' },
      ticket: { id: String(tickets.at(-1)!.id), shared: false },
    });
  });

  it('tells once that a connection fails and once that it recovers, retrying a receiver that fails', async () => {
    const health = await subscribe(['connection.failing', 'connection.recovered'], '/health');
    const conn = (await admin.get('/api/v1/connections')).body.items[0].id as string;
    rx.answers.push(500);
    await fetch(`${sim.url}/_sim/expire-credentials`, { method: 'POST', body: '{}' });
    for (let i = 0; i < 2; i++)
      expect((await admin.post(`/api/v1/connections/${conn}/check`)).status).toBe(422);
    const deliveries = `/api/v1/source/webhooks/${health.webhook.id}/deliveries`;
    const failed = (
      await until(
        'the first attempt answered 500',
        () => deliveriesOf(health.webhook.id),
        (items) => items[0]?.attempts === 1,
      )
    )[0]!;
    expect(failed).toMatchObject({ status: 'pending', lastStatus: 500, eventType: 'connection.failing' });
    expect(failed.lastError).toMatch(/answered 500/);
    // The next attempt is 30 s later on its own; "retry" sends it now.
    const wait = Date.parse(failed.nextAttemptAt) - Date.parse(failed.lastAttemptAt);
    expect(wait).toBeGreaterThan(29_000);
    expect(wait).toBeLessThan(31_000);
    const retried = await t.source.post(`${deliveries}/${failed.id}/retry`);
    expect(retried.status, retried.text).toBe(202);
    await until(
      'the retry received',
      () => deliveriesOf(health.webhook.id),
      (items) => items[0]?.status === 'delivered' && items[0].attempts === 2,
    );
    const failing = eventsOf('connection.failing');
    expect(failing).toHaveLength(2); // the 500 and the retry: one event, twice
    expect(new Set(failing.map((f) => f.event.id)).size).toBe(1);
    expect(failing[0]!.event.data).toMatchObject({
      connection: { id: conn },
      error: expect.stringMatching(/\w/),
    });
    expect(signedBy(health.secret, failing[1]!.r)).toBe(true);

    await fetch(`${sim.url}/_sim/expire-credentials`, {
      method: 'POST',
      body: JSON.stringify({ restore: true }),
    });
    for (let i = 0; i < 2; i++)
      expect((await admin.post(`/api/v1/connections/${conn}/check`)).status).toBe(200);
    await until(
      'connection.recovered',
      async () => eventsOf('connection.recovered'),
      (g) => g.length === 1,
    );
    expect(eventsOf('connection.recovered')[0]!.event.data).toMatchObject({ connection: { id: conn } });
  });

  it('does not follow a redirect, and stops when unsubscribed', async () => {
    const elsewhere = await startReceiver();
    try {
      rx.answers.push({ status: 307, headers: { location: `${elsewhere.url}/stolen` } });
      const sent = await t.source.post(`/api/v1/source/webhooks/${ping.webhook.id}/ping`);
      const d = (
        await until(
          'the redirect answered',
          () => deliveriesOf(ping.webhook.id),
          (items) => items[0]?.eventId === sent.body.eventId && items[0]!.attempts === 1,
        )
      )[0]!;
      expect(d).toMatchObject({ status: 'dead', lastStatus: 307 }); // a ping is sent once
      expect(d.lastError).toMatch(/redirect to .*\/stolen.*not followed/);
      expect(elsewhere.got).toEqual([]);

      expect((await t.source.delete(`/api/v1/source/webhooks/${ping.webhook.id}`)).status).toBe(204);
      expect((await t.source.get(`/api/v1/source/webhooks/${ping.webhook.id}`)).status).toBe(404);
      expect((await t.source.post(`/api/v1/source/webhooks/${ping.webhook.id}/ping`)).status).toBe(404);
    } finally {
      await elsewhere.stop();
    }
  });
});
