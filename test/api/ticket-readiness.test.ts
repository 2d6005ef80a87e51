// Settings that used to let alerts die: empty ticket settings are flagged (in effective[] and the
// connection's health), an alert that lacks them waits with the reason and goes out by itself once
// they are saved, and unlinking closes open tickets even when no cancelled status is set. And which
// events open tickets at all: a minimum severity and conditions switched off, each saying why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

type Kind = 'connectwise' | 'autotask' | 'halopsa';
type Row = Record<string, unknown>;
interface Effective {
  field: string;
  value: unknown;
  problem: string | null;
}

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
const sims = {} as Record<Kind, RunningSimulator>;
const conn = {} as Record<Kind, string>;
const company: Record<Kind, string> = { connectwise: '2', autotask: '174', halopsa: '174' };

const records = async (kind: Kind, table: string): Promise<Row[]> =>
  (await (await fetch(`${sims[kind].url}/_sim/records/${table}`)).json()) as Row[];

/** Tickets naming `text` in their title, with their status id, read from the simulator. */
async function ticketsNaming(kind: Kind, text: string): Promise<{ id: string; status: string }[]> {
  const [table, title, status] =
    kind === 'connectwise'
      ? ['tickets', 'summary', 'status']
      : kind === 'autotask'
        ? ['Tickets', 'title', 'status']
        : ['Tickets', 'summary', 'status_id'];
  return (await records(kind, table))
    .filter((r) => String(r[title]).includes(text))
    .map((r) => {
      const s = r[status] as unknown;
      return { id: String(r.id), status: String(typeof s === 'object' && s ? (s as Row).id : s) };
    });
}

async function linkedOrg(kind: Kind, label: string) {
  const name = `${label} ${tree.tag}`;
  const ext = `${tree.ext('ready')}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await t.source.put(`/api/v1/source/organizations/${ext}`, {
    name,
    partnerExternalId: tree.ext('resA'),
  });
  expect(res.status, res.text).toBe(201);
  const linked = await admin.put(`/api/v1/organizations/${res.body.id}/link`, {
    connectionId: conn[kind],
    companyId: company[kind],
  });
  expect(linked.status, linked.text).toBe(200);
  return { id: res.body.id as string, ext, name };
}

let seq = 0;
const failing = (orgExt: string) => ({
  id: `r-${tree.tag}-${++seq}`,
  organizationId: orgExt,
  condition: 'backup.email',
  resource: 'ann@example.com',
  status: 'failing',
  severity: 'high',
  errorCode: 'graph.503',
  occurredAt: new Date(Date.now() - 60_000 + seq).toISOString(),
});

const alertOf = async (orgId: string) =>
  (await admin.get(`/api/v1/alerts?organizationId=${orgId}`)).body.items[0] as
    { id: string; waitingReason: string | null; deadAt: string | null; pendingWrites: number } | undefined;

const deliveries = (orgId: string) =>
  t.hub.db.query<{ action: string; outcome: string; answer: string }>(
    'SELECT action, outcome, answer FROM deliveries WHERE organization_id = $1 ORDER BY at',
    [orgId],
  );

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
  }
}, 60_000);
afterAll(async () => {
  await Promise.all(Object.values(sims).map((s) => s.stop()));
  await t?.stop();
});

describe('empty ticket settings on Halo', () => {
  it('are flagged field by field and in the connection’s health; an alert waits for them and goes out once they are set', async () => {
    const saved = await admin.put(`/api/v1/connections/${conn.halopsa}/ticket-settings`, { fields: {} });
    expect(saved.status, saved.text).toBe(200);
    const field = (name: string) => (saved.body.effective as Effective[]).find((f) => f.field === name)!;
    for (const name of ['status.new', 'status.resolved', 'priority.default']) {
      expect(field(name).value, name).toBeNull();
      expect(field(name).problem, name).toMatch(
        /is required: set it on the connection or as a partner default/,
      );
    }
    const health = (await admin.get(`/api/v1/connections/${conn.halopsa}`)).body;
    expect(health.status).toBe('connected');
    const blocked = health.warnings.find((w: { kind: string }) => w.kind === 'ticket_settings');
    expect(blocked.message).toMatch(/^Tickets can't be opened: set .*status\.new/);
    expect(blocked.message).toContain('status.resolved');
    const listed = (await admin.get('/api/v1/connections')).body.items.find(
      (c: { id: string }) => c.id === conn.halopsa,
    );
    expect(listed.warnings).toEqual(health.warnings);

    const org = await linkedOrg('halopsa', 'Settings Wait Org');
    await t.source.post('/api/v1/source/events', { events: [failing(org.ext)] });
    const waiting = await until(
      'the alert to wait for settings',
      () => alertOf(org.id),
      (a) => !!a?.waitingReason,
    );
    expect(waiting!.waitingReason).toBe(
      'Waiting for ticket settings: set ticketTypeId, status.new and priority.default in the ticket settings of halopsa of A',
    );
    expect(waiting!.deadAt).toBeNull();
    expect(waiting!.pendingWrites).toBe(1);
    const waitingList = (await admin.get(`/api/v1/alerts?waiting=true&organizationId=${org.id}`)).body;
    expect(waitingList.items.map((a: { id: string }) => a.id)).toEqual([waiting!.id]);
    expect(await deliveries(org.id)).toEqual([]);
    expect(await ticketsNaming('halopsa', org.name)).toEqual([]);

    // Fixing the settings is all it takes: no retry call.
    await ticketSettingsFromPickLists(admin, 'halopsa', conn.halopsa);
    await until(
      'the ticket',
      () => ticketsNaming('halopsa', org.name),
      (x) => x.length === 1,
    );
    const sent = await until(
      'the alert to stop waiting',
      () => alertOf(org.id),
      (a) => a?.pendingWrites === 0,
    );
    expect(sent).toMatchObject({ waitingReason: null, deadAt: null });
    expect((await deliveries(org.id)).map((d) => [d.action, d.outcome])).toEqual([['create', 'ok']]);
    const fixed = (await admin.get(`/api/v1/connections/${conn.halopsa}`)).body;
    expect(fixed.warnings.filter((w: { kind: string }) => w.kind === 'ticket_settings')).toEqual([]);
  });

  it('take values from the partner’s defaults, and saving those sends waiting alerts out too', async () => {
    const cleared = await admin.put(`/api/v1/connections/${conn.halopsa}/ticket-settings`, { fields: {} });
    expect(cleared.status).toBe(200);
    await admin.put(`/api/v1/partners/${tree.partners.resA}/ticket-defaults/halopsa`, { fields: {} });
    const org = await linkedOrg('halopsa', 'Defaults Wait Org');
    await t.source.post('/api/v1/source/events', { events: [failing(org.ext)] });
    await until(
      'the alert to wait for settings',
      () => alertOf(org.id),
      (a) => !!a?.waitingReason?.startsWith('Waiting for ticket settings'),
    );
    // The partner's defaults give every field by name; the connection keeps none of its own.
    const lists = (await admin.get(`/api/v1/connections/${conn.halopsa}/pick-lists`)).body.lists as Record<
      string,
      { id: string; name: string; parentId: string | null; closed: boolean | null; inactive: boolean }[]
    >;
    const live = (list: string) => lists[list]!.filter((i) => !i.inactive);
    const sla = live('slas').find((s) => live('priorities').some((p) => p.parentId === s.id))!;
    const defaults = await admin.put(`/api/v1/partners/${tree.partners.resA}/ticket-defaults/halopsa`, {
      fields: {
        ticketTypeId: live('ticketTypes')[0]!.name,
        slaId: sla.name,
        'status.new': live('statuses').find((s) => !s.closed)!.name,
        'status.resolved': live('statuses').find((s) => s.closed)!.name,
        'priority.default': live('priorities').find((p) => p.parentId === sla.id)!.name,
      },
    });
    expect(defaults.status, defaults.text).toBe(200);
    await until(
      'the ticket',
      () => ticketsNaming('halopsa', org.name),
      (x) => x.length === 1,
    );
    const view = (await admin.get(`/api/v1/connections/${conn.halopsa}/ticket-settings`)).body;
    const statusNew = (view.effective as (Effective & { source: { level: string } })[]).find(
      (f) => f.field === 'status.new',
    )!;
    expect(statusNew).toMatchObject({ problem: null, source: { level: 'partner' } });
    const health = (await admin.get(`/api/v1/connections/${conn.halopsa}`)).body;
    expect(health.warnings.filter((w: { kind: string }) => w.kind === 'ticket_settings')).toEqual([]);
    await admin.put(`/api/v1/partners/${tree.partners.resA}/ticket-defaults/halopsa`, { fields: {} });
  });
});

describe.each(['connectwise', 'autotask'] as const)('unlinking on %s with no cancelled status', (kind) => {
  it('closes the open ticket in the resolved status, with a note, and the answer says so', async () => {
    await ticketSettingsFromPickLists(admin, kind, conn[kind]);
    const own = (await admin.get(`/api/v1/connections/${conn[kind]}/ticket-settings`)).body.own;
    const { 'status.cancelled': _dropped, ...rest } = own;
    const saved = await admin.put(`/api/v1/connections/${conn[kind]}/ticket-settings`, { fields: rest });
    expect(saved.status, saved.text).toBe(200);
    const org = await linkedOrg(kind, `Unlink ${kind}`);
    await t.source.post('/api/v1/source/events', { events: [failing(org.ext)] });
    const [opened] = await until(
      'the ticket',
      () => ticketsNaming(kind, org.name),
      (x) => x.length === 1,
    );
    expect(opened!.status).toBe(String(own['status.new']));

    const unlinked = await admin.delete(`/api/v1/organizations/${org.id}/link`);
    expect(unlinked.status, unlinked.text).toBe(200);
    expect(unlinked.body.link).toBeNull();
    expect(unlinked.body.tickets.closing).toBe(1);
    expect(unlinked.body.tickets.message).toMatch(
      /closed .*with a note.*resolved one when no cancelled status/,
    );
    await until(
      'the ticket to be closed',
      () => ticketsNaming(kind, org.name),
      (x) => x[0]?.status === String(own['status.resolved']),
    );
    const log = await until(
      'the cancel delivery',
      () => deliveries(org.id),
      (d) => d.length === 2,
    );
    expect(log.map((d) => [d.action, d.outcome])).toEqual([
      ['create', 'ok'],
      ['cancel', 'ok'],
    ]);
    // ConnectWise takes the note as a ticket note; Autotask as the closed ticket's resolution (§4.3).
    const written =
      kind === 'connectwise'
        ? (await records(kind, 'notes')).filter((n) => String(n.ticketId) === opened!.id).map((n) => n.text)
        : (await records(kind, 'Tickets'))
            .filter((r) => String(r.id) === opened!.id)
            .map((r) => r.resolution);
    expect(written.map(String).join('\n')).toMatch(/Closed by psa-hub: the organization was unlinked/);
  });
});

describe('which events open tickets', () => {
  it('keeps events below the minimum severity or of a switched-off condition out, saying why and where it was set', async () => {
    await ticketSettingsFromPickLists(admin, 'connectwise', conn.connectwise);
    const own = (await admin.get(`/api/v1/connections/${conn.connectwise}/ticket-settings`)).body.own;
    const bad = await admin.put(`/api/v1/connections/${conn.connectwise}/ticket-settings`, {
      fields: { ...own, minimumSeverity: 'severe', conditionsOff: 'backup.email' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body/fields/conditionsOff',
      'body/fields/minimumSeverity',
    ]);
    const saved = await admin.put(`/api/v1/connections/${conn.connectwise}/ticket-settings`, {
      fields: { ...own, minimumSeverity: 'high' },
    });
    expect(saved.status, saved.text).toBe(200);
    const org = await linkedOrg('connectwise', 'Filtered Org');
    const offHere = await admin.put(`/api/v1/organizations/${org.id}/ticket-settings`, {
      fields: { conditionsOff: ['backup.tasks'] },
    });
    expect(offHere.status, offHere.text).toBe(200);
    const eff = (name: string) =>
      (offHere.body.effective as (Effective & { source: { level: string } })[]).find(
        (f) => f.field === name,
      )!;
    expect(eff('minimumSeverity')).toMatchObject({ value: 'high', source: { level: 'connection' } });
    expect(eff('conditionsOff')).toMatchObject({
      value: ['backup.tasks'],
      source: { level: 'organization' },
    });

    const low = await t.source.post('/api/v1/source/events', {
      events: [{ ...failing(org.ext), severity: 'low' }],
    });
    expect(low.body.results[0].reason).toBe(
      'kept; No ticket: severity low is below the minimum severity high set on connection connectwise of A',
    );
    const tasks = await t.source.post('/api/v1/source/events', {
      events: [{ ...failing(org.ext), condition: 'backup.tasks', severity: 'critical' }],
    });
    expect(tasks.body.results[0].reason).toBe(
      'kept; No ticket: condition backup.tasks is switched off on the organization',
    );
    const alerts = (await admin.get(`/api/v1/alerts?organizationId=${org.id}`)).body.items as {
      condition: string;
      noTicketReason: string | null;
      pendingWrites: number;
      ticket: unknown;
    }[];
    expect(alerts.map((a) => [a.condition, a.pendingWrites, a.ticket, a.noTicketReason]).sort()).toEqual([
      ['backup.email', 0, null, expect.stringMatching(/^No ticket: severity low is below/)],
      ['backup.tasks', 0, null, expect.stringMatching(/^No ticket: condition backup.tasks is switched off/)],
    ]);

    // A failure that reaches the minimum opens the ticket, and the reason goes.
    await t.source.post('/api/v1/source/events', { events: [{ ...failing(org.ext), severity: 'critical' }] });
    await until(
      'the ticket',
      () => ticketsNaming('connectwise', org.name),
      (x) => x.length === 1,
    );
    const email = (await admin.get(`/api/v1/alerts?organizationId=${org.id}&q=backup.email`)).body.items[0];
    expect(email.noTicketReason).toBeNull();
    expect(await deliveries(org.id)).toHaveLength(1);
  });
});
