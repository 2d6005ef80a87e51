// Alerts to tickets end to end over HTTP, on each of the three PSAs: a failure opens one ticket, ten
// repeats open no twin, the fix resolves it; repeats of an event id are ignored, unknown
// organizations refused, unlinked ones kept until linked; malformed batches change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickAlerts } from '../../src/jobs/alert-moves.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

type Row = Record<string, unknown>;
type Kind = 'connectwise' | 'autotask' | 'halopsa';
interface Item {
  id: string;
  name: string;
  parentId: string | null;
  inactive: boolean;
  closed: boolean | null;
}

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
const sims = {} as Record<Kind, RunningSimulator>;
const conn = {} as Record<Kind, string>;
const company: Record<Kind, string> = { connectwise: '2', autotask: '174', halopsa: '174' };

async function records(kind: Kind, table: string): Promise<Row[]> {
  return (await (await fetch(`${sims[kind].url}/_sim/records/${table}`)).json()) as Row[];
}

/** The PSA's tickets whose title names `text`, read from the simulator itself. */
async function ticketsNaming(kind: Kind, text: string): Promise<{ title: string; closed: boolean }[]> {
  if (kind === 'connectwise') {
    return (await records(kind, 'tickets'))
      .map((r) => ({ title: String(r.summary), closed: r.closedFlag === true }))
      .filter((r) => r.title.includes(text));
  }
  if (kind === 'autotask') {
    return (await records(kind, 'Tickets'))
      .map((r) => ({ title: String(r.title), closed: Number(r.status) === 5 }))
      .filter((r) => r.title.includes(text));
  }
  const lists = (await admin.get(`/api/v1/connections/${conn.halopsa}/pick-lists`)).body.lists;
  const closed = new Set((lists.statuses as Item[]).filter((s) => s.closed).map((s) => Number(s.id)));
  return (await records(kind, 'Tickets'))
    .map((r) => ({ title: String(r.summary), closed: closed.has(Number(r.status_id)) }))
    .filter((r) => r.title.includes(text));
}

const setTicketSettings = (kind: Kind) => ticketSettingsFromPickLists(admin, kind, conn[kind]);

async function newOrg(name: string): Promise<{ id: string; ext: string }> {
  const ext = `${tree.ext('alert-org')}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await t.source.put(`/api/v1/source/organizations/${ext}`, {
    name,
    partnerExternalId: tree.ext('resA'),
  });
  if (res.status !== 201) throw new Error(res.text);
  return { id: res.body.id, ext };
}

let seq = 0;
const event = (org: string, status: 'failing' | 'resolved', extra: Row = {}) => ({
  id: `e-${tree.tag}-${++seq}`,
  organizationId: org,
  condition: 'backup.email',
  resource: 'ann@example.com',
  status,
  severity: 'high',
  errorCode: 'graph.503',
  occurredAt: new Date(Date.now() - 60_000 + seq).toISOString(),
  ...extra,
});

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  for (const kind of ['connectwise', 'autotask', 'halopsa'] as const) {
    sims[kind] = await startSimulator(kind, { port: 0 });
    const res = await admin.post('/api/v1/connections', {
      partnerId: tree.partners.resA,
      kind,
      name: `${kind} of A`,
      siteUrl: sims[kind].url,
      credentials: sims[kind].credentials,
    });
    if (res.status !== 201) throw new Error(res.text);
    conn[kind] = res.body.connection.id;
    await setTicketSettings(kind);
  }
}, 60_000);
afterAll(async () => {
  await Promise.all(Object.values(sims).map((s) => s.stop()));
  await t?.stop();
});

describe.each(['connectwise', 'autotask', 'halopsa'] as const)('a backup failure on %s', (kind) => {
  it('opens one ticket, notes no twin for ten repeats, and resolves it when fixed', async () => {
    const name = `Alert Org ${kind} ${tree.tag}`;
    const org = await newOrg(name);
    const linked = await admin.put(`/api/v1/organizations/${org.id}/link`, {
      connectionId: conn[kind],
      companyId: company[kind],
    });
    expect(linked.status, linked.text).toBe(200);

    const first = await t.source.post('/api/v1/source/events', { events: [event(org.ext, 'failing')] });
    expect(first.status, first.text).toBe(202);
    expect(first.body).toMatchObject({ accepted: 1, duplicate: 0, rejected: 0 });
    const opened = await until(
      'the ticket',
      () => ticketsNaming(kind, name),
      (x) => x.length === 1,
    );
    expect(opened[0]!.closed).toBe(false);

    const repeats = Array.from({ length: 10 }, () => event(org.ext, 'failing'));
    expect((await t.source.post('/api/v1/source/events', { events: repeats })).body.accepted).toBe(10);
    const again = await t.source.post('/api/v1/source/events', { events: repeats.slice(0, 3) });
    expect(again.body).toMatchObject({ accepted: 0, duplicate: 3 });
    await t.source.post('/api/v1/source/events', { events: [event(org.ext, 'resolved')] });
    const resolved = await until(
      'the resolution',
      () => ticketsNaming(kind, name),
      (x) => x[0]?.closed === true,
    );
    expect(resolved).toHaveLength(1);

    // The PSA shows the ticket closed a moment before the hub records the delivery.
    const log = await until(
      'the resolve delivery',
      () =>
        t.hub.db.query<{ action: string; outcome: string }>(
          `SELECT d.action, d.outcome FROM deliveries d WHERE d.organization_id = $1 ORDER BY d.at`,
          [org.id],
        ),
      (x) => x.length >= 2,
    );
    expect(log).toEqual([
      { action: 'create', outcome: 'ok' },
      { action: 'resolve', outcome: 'ok' },
    ]);
    const [alert] = await t.hub.db.query<{ event_count: number; status: string; wants: unknown[] }>(
      'SELECT event_count, status, wants FROM alerts WHERE organization_id = $1',
      [org.id],
    );
    expect(alert).toMatchObject({ event_count: 12, status: 'resolved', wants: [] });
  });
});

describe('moves without a new event (ConnectWise)', () => {
  const cwApi = async (method: string, path: string, body?: unknown) => {
    const c = sims.connectwise.credentials;
    const res = await fetch(`${sims.connectwise.url}/v4_6_release/apis/3.0/${path}`, {
      method,
      headers: {
        authorization:
          'Basic ' + Buffer.from(`${c.companyId}+${c.publicKey}:${c.privateKey}`).toString('base64'),
        clientId: c.clientId!,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Row>;
  };
  const alertOf = async (orgId: string) =>
    (
      await t.hub.db.query<{ id: string; tickets: Record<string, { id: string }> }>(
        'SELECT id, tickets FROM alerts WHERE organization_id = $1',
        [orgId],
      )
    )[0]!;
  const deliveries = (orgId: string) =>
    t.hub.db.query<{ action: string; outcome: string }>(
      'SELECT action, outcome FROM deliveries WHERE organization_id = $1 ORDER BY at',
      [orgId],
    );
  const linkedOrg = async (label: string) => {
    const name = `${label} ${tree.tag}`;
    const org = await newOrg(name);
    const res = await admin.put(`/api/v1/organizations/${org.id}/link`, {
      connectionId: conn.connectwise,
      companyId: '2',
    });
    expect(res.status, res.text).toBe(200);
    await t.source.post('/api/v1/source/events', { events: [event(org.ext, 'failing')] });
    await until(
      'the ticket',
      () => ticketsNaming('connectwise', name),
      (x) => x.length === 1,
    );
    return { ...org, name };
  };
  const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

  it('sends the coalesced repeat note when its interval has passed, without a new event', async () => {
    const org = await linkedOrg('Clock Org');
    await t.source.post('/api/v1/source/events', { events: [1, 2, 3].map(() => event(org.ext, 'failing')) });
    expect(await tickAlerts(t.hub.db, t.hub.queue, new Date())).toBe(0);
    expect(await tickAlerts(t.hub.db, t.hub.queue, later(61))).toBeGreaterThanOrEqual(1);
    await until(
      'the note',
      () => deliveries(org.id),
      (d) => d.length === 2,
    );
    const ticketId = Object.values((await alertOf(org.id)).tickets)[0]!.id;
    const notes = (await records('connectwise', 'notes')).filter(
      (n) => String(n.ticketId ?? '') === ticketId,
    );
    expect(notes.map((n) => String(n.text)).join('\n')).toMatch(/3 more times/);
  });

  it('opens a new ticket when a technician closed the old one while the backup still fails', async () => {
    const org = await linkedOrg('Closed By Tech');
    const own = (await admin.get(`/api/v1/connections/${conn.connectwise}/ticket-settings`)).body.own;
    const ticketId = Object.values((await alertOf(org.id)).tickets)[0]!.id;
    await cwApi('PATCH', `service/tickets/${ticketId}`, [
      { op: 'replace', path: 'status', value: { id: Number(own['status.resolved']) } },
    ]);
    await t.source.post('/api/v1/source/events', { events: [event(org.ext, 'failing')] });
    await tickAlerts(t.hub.db, t.hub.queue, later(61));
    const tickets = await until(
      'a second ticket',
      () => ticketsNaming('connectwise', org.name),
      (x) => x.length === 2,
    );
    expect(tickets.filter((x) => !x.closed)).toHaveLength(1);
  });

  it('keeps writes waiting while the organization is snoozed, and sends them when the snooze ends', async () => {
    const name = `Snoozed Org ${tree.tag}`;
    const org = await newOrg(name);
    await admin.put(`/api/v1/organizations/${org.id}/link`, {
      connectionId: conn.connectwise,
      companyId: '2',
    });
    const past = await admin.put(`/api/v1/organizations/${org.id}/snooze`, {
      endsAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details[0].path).toBe('body/endsAt');
    const tooLong = await admin.put(`/api/v1/organizations/${org.id}/snooze`, {
      endsAt: later(60 * 24 * 40).toISOString(),
    });
    expect(tooLong.status).toBe(400);
    const snoozed = await admin.put(`/api/v1/organizations/${org.id}/snooze`, {
      endsAt: later(60).toISOString(),
      reason: 'Tenant migration',
    });
    expect(snoozed.status, snoozed.text).toBe(200);
    expect(snoozed.body.current.reason).toBe('Tenant migration');
    await t.source.post('/api/v1/source/events', { events: [event(org.ext, 'failing')] });
    await until(
      'the snooze reason',
      async () =>
        (
          await t.hub.db.query<{ waiting_reason: string | null }>(
            'SELECT waiting_reason FROM alerts WHERE organization_id = $1',
            [org.id],
          )
        )[0]?.waiting_reason ?? '',
      (r) => r.startsWith('Snoozed until') && r.includes('Tenant migration'),
    );
    expect(await ticketsNaming('connectwise', name)).toEqual([]);
    expect((await admin.delete(`/api/v1/organizations/${org.id}/snooze`)).status).toBe(200);
    expect((await admin.get(`/api/v1/organizations/${org.id}/snooze`)).body.current).toBeNull();
    await until(
      'the ticket',
      () => ticketsNaming('connectwise', name),
      (x) => x.length === 1,
    );
  });

  it('cancels the open ticket when the organization is unlinked', async () => {
    const org = await linkedOrg('Unlinked Org');
    expect((await admin.delete(`/api/v1/organizations/${org.id}/link`)).status).toBe(200);
    await until(
      'the cancellation',
      () => ticketsNaming('connectwise', org.name),
      (x) => x[0]?.closed === true,
    );
    const log = await until(
      'the cancel delivery',
      () => deliveries(org.id),
      (x) => x.length >= 2,
    );
    expect(log.map((d) => d.action)).toEqual(['create', 'cancel']);
  });
});

describe('the vendor’s error catalog', () => {
  it('writes tickets from the vendor’s entries; bad entries answered 400 with their path, nothing saved', async () => {
    const bad = await t.source.put('/api/v1/source/error-catalog', {
      entries: [
        { condition: 'backup.tasks', errorClass: 'sunspots', title: 'x', explanation: 'y', action: 'z' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body/entries/0/errorClass');
    expect((await t.source.get('/api/v1/source/error-catalog')).body.vendor).toBeNull();
    expect((await admin.get('/api/v1/source/error-catalog')).status).toBe(401);
    const set = await t.source.put('/api/v1/source/error-catalog', {
      entries: [
        {
          condition: 'backup.tasks',
          errorClass: 'cannot_connect',
          title: 'Tasks backup blocked by ACME proxy',
          explanation: 'The ACME proxy refuses the connection.',
          action: 'Allow the backup service through the ACME proxy.',
        },
      ],
      codes: { 'acme.E42': 'cannot_connect' },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.codes['acme.e42'] ?? set.body.codes['acme.E42']).toBe('cannot_connect');
    const name = `Catalog Org ${tree.tag}`;
    const org = await newOrg(name);
    await admin.put(`/api/v1/organizations/${org.id}/link`, {
      connectionId: conn.connectwise,
      companyId: '2',
    });
    await t.source.post('/api/v1/source/events', {
      events: [event(org.ext, 'failing', { condition: 'backup.tasks', errorCode: 'acme.E42' })],
    });
    const [ticket] = await until(
      'the ticket',
      () => ticketsNaming('connectwise', name),
      (x) => x.length === 1,
    );
    expect(ticket!.title).toContain('Tasks backup blocked by ACME proxy');
  });
});

describe('events the hub cannot use yet, or at all', () => {
  it('keeps an unlinked organization’s alert waiting, with the reason, and opens the ticket once linked', async () => {
    const name = `Waiting Org ${tree.tag}`;
    const org = await newOrg(name);
    const res = await t.source.post('/api/v1/source/events', {
      events: [event(org.ext, 'failing'), event('no-such-org', 'failing')],
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(res.body.results[0].reason).toMatch(/waits: The organization is not linked/);
    expect(res.body.results[1]).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('no-such-org'),
    });
    await until(
      'the waiting reason',
      async () =>
        (
          await t.hub.db.query<{ waiting_reason: string | null }>(
            'SELECT waiting_reason FROM alerts WHERE organization_id = $1',
            [org.id],
          )
        )[0]?.waiting_reason,
      (r) => typeof r === 'string' && r.includes('not linked'),
    );
    expect(await ticketsNaming('halopsa', name)).toEqual([]);
    const linked = await admin.put(`/api/v1/organizations/${org.id}/link`, {
      connectionId: conn.halopsa,
      companyId: '174',
    });
    expect(linked.status, linked.text).toBe(200);
    await until(
      'the ticket',
      () => ticketsNaming('halopsa', name),
      (x) => x.length === 1,
    );
  });

  it('answers malformed batches with a 4xx naming the problem, storing nothing', async () => {
    const before = await t.hub.db.query('SELECT count(*)::int AS n FROM events');
    const org = tree.ext('orgA');
    const cases: [unknown, number, RegExp][] = [
      [{ events: [{ ...event(org, 'failing'), colour: 'red' }] }, 400, /colour/],
      [{ events: [{ ...event(org, 'failing'), status: 'broken' }] }, 400, /status/],
      [{ events: [{ ...event(org, 'failing'), occurredAt: 'yesterday' }] }, 400, /occurredAt/],
      [{ events: [] }, 400, /events/],
      [{ events: Array.from({ length: 1001 }, () => event(org, 'failing')) }, 400, /events/],
      [{ events: [event(org, 'failing', { message: 'x'.repeat(2 * 1024 * 1024) })] }, 413, /larger/],
    ];
    for (const [body, status, message] of cases) {
      const res = await t.source.post('/api/v1/source/events', body);
      expect(res.status, res.text.slice(0, 300)).toBe(status);
      expect(res.body.error.message + JSON.stringify(res.body.error.details)).toMatch(message);
    }
    expect(await t.hub.db.query('SELECT count(*)::int AS n FROM events')).toEqual(before);
    expect((await admin.post('/api/v1/source/events', { events: [event(org, 'failing')] })).status).toBe(401);
  });
});
