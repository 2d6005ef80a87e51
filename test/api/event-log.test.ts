// The event log and alerts over the Partner API, with data made by the real flow: events pushed
// through the Source API become tickets in the Halo simulator, and every write a delivery. A PSA that
// fails (a 500, then a validation 400) leaves a failed then a dead delivery and a dead alert; a retry
// after the fault is gone makes the ticket. Lists filter and page, CSV exports safely, viewers cannot
// retry, and another partner sees none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';
import { until } from '../support/alerts.ts';

type Row = Record<string, unknown>;
interface Item {
  id: string;
  parentId: string | null;
  inactive: boolean;
  closed: boolean | null;
}
interface Delivery {
  id: string;
  at: string;
  outcome: string;
  action: string;
  attempt: number;
  alertId: string;
  ticketId: string | null;
  answer: string | null;
  organization: { id: string; name: string };
  connection: { id: string; kind: string } | null;
  partner: { id: string; name: string } | null;
}

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let viewer: Client;
let ownerB: Client;
let sim: RunningSimulator;
let conn: string;
/** Organizations of reseller A, each with one alert by the end of `beforeAll`. */
const orgs = {} as Record<'plain' | 'formula' | 'faulty' | 'dead', { id: string; ext: string; name: string }>;

async function setTicketSettings() {
  const [kinds, picks] = await Promise.all([
    admin.get('/api/v1/psa-kinds'),
    admin.get(`/api/v1/connections/${conn}/pick-lists`),
  ]);
  const d = kinds.body.items.find((k: { kind: string }) => k.kind === 'halopsa');
  const lists = picks.body.lists as Record<string, Item[]>;
  const active = (list: string, parent?: string) =>
    (lists[list] ?? []).filter((i) => !i.inactive && (parent === undefined || i.parentId === parent));
  const fields: Record<string, string> = {};
  for (const p of d.placement as { name: string; pickList: string; required: boolean }[]) {
    if (p.required) fields[p.name] = active(p.pickList)[0]!.id;
  }
  if (d.priorities.dependsOn) {
    const sla = active('slas').find((s) => active(d.priorities.pickList, s.id).length > 0)!;
    fields[d.priorities.dependsOn] = sla.id;
  }
  const statuses = active(
    d.statuses.pickList,
    d.statuses.dependsOn ? fields[d.statuses.dependsOn] : undefined,
  );
  fields['status.new'] = statuses.find((s) => !s.closed)!.id;
  fields['status.resolved'] = statuses.find((s) => s.closed)!.id;
  fields['status.cancelled'] = statuses.find((s) => s.closed)!.id;
  const priorityParent = d.priorities.dependsOn ? fields[d.priorities.dependsOn] : undefined;
  fields['priority.default'] = active(d.priorities.pickList, priorityParent)[0]!.id;
  const res = await admin.put(`/api/v1/connections/${conn}/ticket-settings`, { fields });
  if (res.status !== 200) throw new Error(`settings: ${res.text}`);
}

async function linkedOrg(name: string) {
  const ext = `${tree.ext('log-org')}-${Math.random().toString(36).slice(2, 8)}`;
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
  return { id: res.body.id as string, ext, name };
}

let seq = 0;
async function sendEvent(orgExt: string, status: 'failing' | 'resolved') {
  const res = await t.source.post('/api/v1/source/events', {
    events: [
      {
        id: `log-${tree.tag}-${++seq}`,
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

/** The deliveries of an organization, read straight from the database. */
const deliveriesOf = (orgId: string) =>
  t.hub.db.query<{ id: string; outcome: string; action: string; attempt: number }>(
    'SELECT id, outcome, action, attempt FROM deliveries WHERE organization_id = $1 ORDER BY at',
    [orgId],
  );

const fault = async (body: Row) => {
  const res = await fetch(`${sim.url}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(await res.text());
};
const clearFaults = () => fetch(`${sim.url}/_sim/faults`, { method: 'DELETE' });
const validation400 = {
  method: 'POST',
  path: '/api/Tickets$',
  status: 400,
  body: { '[0].summary': ['The summary field is required.'] },
};

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  viewer = await t.userClient(tree.partners.resA, 'viewer');
  ownerB = await t.userClient(tree.partners.resB, 'owner');
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
  await setTicketSettings();

  // A ticket opened and resolved.
  orgs.plain = await linkedOrg(`Log Plain ${tree.tag}`);
  await sendEvent(orgs.plain.ext, 'failing');
  await until(
    'the ticket',
    () => deliveriesOf(orgs.plain.id),
    (d) => d.length === 1,
  );
  await sendEvent(orgs.plain.ext, 'resolved');
  await until(
    'the resolution',
    () => deliveriesOf(orgs.plain.id),
    (d) => d.length === 2,
  );

  // A name a spreadsheet would run as a formula, with a comma and quotes.
  orgs.formula = await linkedOrg(`=SUM(1,2) "Log" ${tree.tag}`);
  await sendEvent(orgs.formula.ext, 'failing');
  await until(
    'the ticket',
    () => deliveriesOf(orgs.formula.id),
    (d) => d.length === 1,
  );
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  await t?.stop();
});

describe('a PSA that fails, then a retry', () => {
  it('logs a failed then a dead delivery, stops the alert, and creates the ticket when retried', async () => {
    orgs.faulty = await linkedOrg(`Log Faulty ${tree.tag}`);
    // 500s for one whole attempt (the connector tries a create three times, looking for the ticket
    // between), retried by the job; then a validation 400 that no retry will fix.
    await fault({ method: 'POST', path: '/api/Tickets$', status: 500, body: 'boom', times: 3 });
    await fault(validation400);
    await sendEvent(orgs.faulty.ext, 'failing');
    const log = await until(
      'a dead delivery',
      () => deliveriesOf(orgs.faulty.id),
      (d) => d.some((x) => x.outcome === 'dead'),
      60_000, // three tries a second apart, then the job's backoff before the second attempt
    );
    expect(log.map((d) => [d.outcome, d.attempt])).toEqual([
      ['failed', 1],
      ['dead', 2],
    ]);

    const dead = await admin.get(`/api/v1/alerts?dead=true&organizationId=${orgs.faulty.id}`);
    expect(dead.status, dead.text).toBe(200);
    expect(dead.body.items).toHaveLength(1);
    const alert = dead.body.items[0];
    expect(alert).toMatchObject({
      status: 'failing',
      ticket: null,
      pendingWrites: 1,
      waitingReason: expect.stringMatching(/^Stopped after 2 attempts/),
      deadAt: expect.any(String),
    });

    const deadDelivery = log[1]!.id;
    expect((await viewer.post(`/api/v1/deliveries/${deadDelivery}/retry`)).status).toBe(403);
    expect((await viewer.post(`/api/v1/alerts/${alert.id}/retry`)).status).toBe(403);
    expect((await ownerB.post(`/api/v1/deliveries/${deadDelivery}/retry`)).status).toBe(404);

    await clearFaults();
    const retried = await admin.post(`/api/v1/deliveries/${deadDelivery}/retry`);
    expect(retried.status, retried.text).toBe(202);
    expect(retried.body).toEqual({ queued: 1 });
    const after = await until(
      'the ticket',
      () => deliveriesOf(orgs.faulty.id),
      (d) => d.some((x) => x.outcome === 'ok'),
    );
    expect(after.at(-1)).toMatchObject({ action: 'create', outcome: 'ok' });

    const detail = await admin.get(`/api/v1/alerts/${alert.id}`);
    expect(detail.body).toMatchObject({ deadAt: null, pendingWrites: 0, waitingReason: null });
    expect(detail.body.ticket).toMatchObject({ id: expect.any(String), connectionId: conn });

    const again = await admin.post(`/api/v1/alerts/${alert.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/nothing left/);
  }, 90_000);

  it('reprocesses a selection by filter, answering how many were queued', async () => {
    orgs.dead = await linkedOrg(`Log Dead ${tree.tag}`);
    await fault({ ...validation400, times: 1 });
    await sendEvent(orgs.dead.ext, 'failing');
    await until(
      'a dead delivery',
      () => deliveriesOf(orgs.dead.id),
      (d) => d.some((x) => x.outcome === 'dead'),
    );
    expect((await viewer.post('/api/v1/alerts/reprocess', { dead: true })).status).toBe(403);
    const res = await admin.post('/api/v1/alerts/reprocess', { dead: true });
    expect(res.status, res.text).toBe(202);
    expect(res.body).toEqual({ selected: 1, queued: 1 });
    await until(
      'the ticket',
      () => deliveriesOf(orgs.dead.id),
      (d) => d.at(-1)?.outcome === 'ok',
    );
    // Nothing left to do: selected, not queued.
    const byId = await admin.get(`/api/v1/alerts?organizationId=${orgs.dead.id}`);
    const ids = await admin.post('/api/v1/alerts/reprocess', { alertIds: [byId.body.items[0].id] });
    expect(ids.body).toEqual({ selected: 1, queued: 0 });
    const unknown = await admin.post('/api/v1/alerts/reprocess', { alertIds: [tree.orgs.orgB] });
    expect(unknown.status).toBe(404);
  });
});

describe('the event log', () => {
  const list = async (query: string): Promise<Delivery[]> => {
    const res = await admin.get(`/api/v1/deliveries?limit=500&${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body.items;
  };
  const ours = (items: Delivery[]) =>
    items.filter((d) => Object.values(orgs).some((o) => o.id === d.organization.id));

  it('lists every write newest first, with who, where and what the PSA said', async () => {
    const all = await list('');
    expect(ours(all)).toHaveLength(all.length);
    expect(all.length).toBe(8); // plain 2, formula 1, faulty 3 (failed, dead, ok), dead 2 (dead, ok)
    const times = all.map((d) => d.at);
    expect([...times].sort().reverse()).toEqual(times);
    const created = all.find((d) => d.organization.id === orgs.plain.id && d.action === 'create')!;
    expect(created).toMatchObject({
      outcome: 'ok',
      attempt: 1,
      partner: { id: tree.partners.resA, name: `Reseller A ${tree.tag}` },
      connection: { id: conn, name: 'Halo of A', kind: 'halopsa' },
      organization: { id: orgs.plain.id, externalId: orgs.plain.ext, name: orgs.plain.name },
      ticketId: expect.any(String),
      answer: expect.stringMatching(/^Created ticket/),
      request: expect.objectContaining({ companyId: '174', title: expect.any(String) }),
      durationMs: expect.any(Number),
    });
  });

  it('filters by outcome, PSA, organization, connection, action, time and text', async () => {
    const all = await list('');
    expect((await list('outcome=dead')).map((d) => d.organization.id).sort()).toEqual(
      [orgs.faulty.id, orgs.dead.id].sort(),
    );
    expect(await list('outcome=failed')).toHaveLength(1);
    expect(await list('psa=halopsa')).toHaveLength(all.length);
    expect(await list('psa=connectwise')).toEqual([]);
    expect((await list(`organizationId=${orgs.plain.id}`)).map((d) => d.action)).toEqual([
      'resolve',
      'create',
    ]);
    expect(await list(`connectionId=${conn}`)).toHaveLength(all.length);
    expect((await list('action=resolve')).map((d) => d.organization.id)).toEqual([orgs.plain.id]);
    const oldest = all.at(-1)!.at;
    const newest = all[0]!.at;
    expect(await list(`from=${encodeURIComponent(newest)}`)).toHaveLength(1);
    expect((await list(`to=${encodeURIComponent(oldest)}`)).length).toBe(0);
    expect(await list(`from=${encodeURIComponent(oldest)}&to=${encodeURIComponent(newest)}`)).toHaveLength(
      all.length - 1,
    );
    expect((await list(`q=${encodeURIComponent('Log Faulty')}`)).length).toBe(3);
    expect((await list('q=summary%20field')).map((d) => d.outcome)).toEqual(['dead', 'dead']);
    const ticketId = all.find((d) => d.organization.id === orgs.formula.id)!.ticketId!;
    expect((await list(`q=${ticketId}`)).some((d) => d.organization.id === orgs.formula.id)).toBe(true);
    expect(await list('q=backup.email')).toHaveLength(all.length);
  });

  it('pages with a cursor, without repeats or gaps', async () => {
    const all = await list('');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; text: string; body: { items: Delivery[]; nextCursor: string | null } } =
        await admin.get(`/api/v1/deliveries?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((d: Delivery) => d.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((d) => d.id));
  });

  it('shows one delivery with its alert and ticket', async () => {
    const [created] = await list(`organizationId=${orgs.formula.id}`);
    const res = await admin.get(`/api/v1/deliveries/${created!.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: created!.id,
      action: 'create',
      alert: {
        id: created!.alertId,
        condition: 'backup.email',
        resource: 'ann@example.com',
        status: 'failing',
        ticket: { id: created!.ticketId, connectionId: conn },
      },
    });
    expect((await admin.get('/api/v1/deliveries/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('exports CSV with a header row, RFC 4180 quoting and formulas neutralised', async () => {
    const res = await admin.get('/api/v1/deliveries/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = res.text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]!.split(',')).toEqual([
      'id',
      'at',
      'outcome',
      'action',
      'attempt',
      'durationMs',
      'psa',
      'connection',
      'partner',
      'organizationExternalId',
      'organization',
      'alertId',
      'ticketId',
      'answer',
      'request',
    ]);
    expect(lines).toHaveLength(1 + 8 + 1);
    expect(res.text).toContain(`"'=SUM(1,2) ""Log"" ${tree.tag}"`);
    expect(res.text).not.toMatch(/(^|,)=SUM/m);
    const filtered = await admin.get(`/api/v1/deliveries/export.csv?outcome=dead`);
    expect(filtered.text.split('\r\n')).toHaveLength(1 + 2 + 1);
    expect((await admin.get('/api/v1/deliveries/export.csv?outcome=nope')).status).toBe(400);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['outcome=maybe', 'querystring/outcome'],
      ['psa=jira', 'querystring/psa'],
      ['action=delete', 'querystring/action'],
      ['cursor=not-a-cursor', 'querystring/cursor'],
      [`cursor=${Buffer.from('["x","y"]').toString('base64url')}`, 'querystring/cursor'],
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'querystring/from'],
      ['from=yesterday', 'querystring/from'],
      ['colour=red', 'querystring'],
    ];
    for (const [query, path] of cases) {
      const res = await admin.get(`/api/v1/deliveries?${query}`);
      expect(res.status, `${query}: ${res.text}`).toBe(400);
      expect(JSON.stringify(res.body.error.details), query).toContain(path);
    }
    const alerts = await admin.get('/api/v1/alerts?status=open');
    expect(alerts.status).toBe(400);
    expect(JSON.stringify(alerts.body.error.details)).toContain('querystring/status');
  });
});

describe('alerts', () => {
  it('lists alerts with their ticket and what waits, filtered and paged', async () => {
    const res = await admin.get('/api/v1/alerts?limit=500');
    expect(res.status, res.text).toBe(200);
    const mine = res.body.items.filter((a: { organization: { id: string } }) =>
      Object.values(orgs).some((o) => o.id === a.organization.id),
    );
    expect(mine).toHaveLength(4);
    const plain = mine.find((a: { organization: { id: string } }) => a.organization.id === orgs.plain.id);
    expect(plain).toMatchObject({
      organization: { id: orgs.plain.id, externalId: orgs.plain.ext, name: orgs.plain.name },
      condition: 'backup.email',
      resource: 'ann@example.com',
      status: 'resolved',
      severity: 'high',
      errorCode: 'graph.503',
      openedAt: expect.any(String),
      lastEventAt: expect.any(String),
      failCount: 1,
      eventCount: 2,
      ticket: { id: expect.any(String), number: null, connectionId: conn },
      pendingWrites: 0,
      waitingReason: null,
      deadAt: null,
    });
    const ids = async (q: string) =>
      (await admin.get(`/api/v1/alerts?${q}`)).body.items.map(
        (a: { organization: { id: string } }) => a.organization.id,
      );
    expect(await ids('status=resolved')).toEqual([orgs.plain.id]);
    expect((await ids('status=failing')).sort()).toEqual(
      [orgs.formula.id, orgs.faulty.id, orgs.dead.id].sort(),
    );
    expect(await ids(`organizationId=${orgs.faulty.id}`)).toEqual([orgs.faulty.id]);
    expect(await ids('dead=true')).toEqual([]);
    expect(await ids('waiting=true')).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('Log Dead')}`)).toEqual([orgs.dead.id]);
    expect(await ids(`q=${orgs.formula.ext}`)).toEqual([orgs.formula.id]);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await admin.get(
        `/api/v1/alerts?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.body.items.map((a: { id: string }) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(res.body.items.map((a: { id: string }) => a.id));
  });

  it('shows an alert with its events, tickets per episode and deliveries', async () => {
    const [summary] = (await admin.get(`/api/v1/alerts?organizationId=${orgs.plain.id}`)).body.items;
    const res = await admin.get(`/api/v1/alerts/${summary.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.events.map((e: { status: string; move: string }) => e.status)).toEqual([
      'resolved',
      'failing',
    ]);
    expect(res.body.events[1]).toMatchObject({
      externalId: expect.stringMatching(/^log-/),
      severity: 'high',
      errorCode: 'graph.503',
      occurredAt: expect.any(String),
      receivedAt: expect.any(String),
      move: expect.any(String),
    });
    expect(res.body.tickets).toEqual([
      {
        episode: 1,
        id: summary.ticket.id,
        number: summary.ticket.number,
        connectionId: conn,
        companyId: '174',
      },
    ]);
    expect(res.body.deliveries.map((d: Delivery) => d.action)).toEqual(['resolve', 'create']);
  });

  it('shows another partner none of it', async () => {
    const [anAlert] = (await admin.get(`/api/v1/alerts?organizationId=${orgs.plain.id}`)).body.items;
    const [aDelivery] = (await admin.get(`/api/v1/deliveries?organizationId=${orgs.plain.id}`)).body.items;
    for (const path of ['/api/v1/deliveries', '/api/v1/alerts', '/api/v1/deliveries/export.csv']) {
      const res = await ownerB.get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain(tree.tag);
    }
    expect((await ownerB.get(`/api/v1/deliveries/${aDelivery.id}`)).status).toBe(404);
    expect((await ownerB.get(`/api/v1/alerts/${anAlert.id}`)).status).toBe(404);
    expect((await ownerB.post(`/api/v1/alerts/${anAlert.id}/retry`)).status).toBe(404);
    expect((await ownerB.post('/api/v1/alerts/reprocess', { alertIds: [anAlert.id] })).status).toBe(404);
  });
});
