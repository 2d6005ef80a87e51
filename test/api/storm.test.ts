// Storm control over HTTP against the ConnectWise simulator: past the per-company cap, one digest
// ticket takes the rest as notes and resolves when all recover; many organizations failing with one
// error class at once make one incident ticket on the catch-all company instead of one each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteDigests, wakeStalledJoins } from '../../src/jobs/storm.ts';
import { joinDigest, unnotedJoins } from '../../src/store/digests.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

type Row = Record<string, unknown>;
let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let cw: RunningSimulator;
let connectionId: string;
let seq = 0;

const records = async (table: string) =>
  (await (await fetch(`${cw.url}/_sim/records/${table}`)).json()) as Row[];
const tickets = async () =>
  (await records('tickets')).map((r) => ({
    id: String(r.id),
    title: String(r.summary),
    closed: r.closedFlag === true,
  }));

async function linkedOrg(name: string, companyId: string): Promise<{ id: string; ext: string }> {
  const ext = `${tree.ext('storm')}-${++seq}`;
  const org = await t.source.put(`/api/v1/source/organizations/${ext}`, {
    name,
    partnerExternalId: tree.ext('resA'),
  });
  const res = await admin.put(`/api/v1/organizations/${org.body.id}/link`, { connectionId, companyId });
  if (res.status !== 200) throw new Error(res.text);
  return { id: org.body.id, ext };
}

const event = (org: string, status: 'failing' | 'resolved', condition: string, errorCode = 'graph.503') => ({
  id: `st-${tree.tag}-${++seq}`,
  organizationId: org,
  condition,
  status,
  errorCode,
  occurredAt: new Date(Date.now() - 30_000 + seq).toISOString(),
});

const settle = (alertOrgs: string[]) =>
  until(
    'all writes done',
    async () =>
      (
        await t.hub.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM alerts WHERE organization_id = ANY($1::uuid[]) AND wants <> '[]'::jsonb`,
          [alertOrgs],
        )
      )[0]!.n,
    (n) => n === 0,
  );

async function mapping(body: Row) {
  const res = await admin.put(`/api/v1/connections/${connectionId}/mapping-settings`, {
    catchAllCompanyId: null,
    autoLinkExact: false,
    createMissingBillingTargets: false,
    ...body,
  });
  if (res.status !== 200) throw new Error(res.text);
  return res.body;
}

/** The alerts of these organizations with the digest their ticket is on, if any. */
const alertsOf = (orgIds: string[]) =>
  t.hub.db.query<{ id: string; digest: string | null; waiting: string | null }>(
    `SELECT id, tickets->(state->>'episode')->>'digestId' AS digest, waiting_reason AS waiting
       FROM alerts WHERE organization_id = ANY($1::uuid[]) ORDER BY id`,
    [orgIds],
  );

const deliveriesOf = (orgIds: string[]) =>
  t.hub.db.query<{ alert_id: string; action: string; outcome: string; answer: string }>(
    'SELECT alert_id, action, outcome, answer FROM deliveries WHERE organization_id = ANY($1::uuid[])',
    [orgIds],
  );

/** A fresh incident setting for each test: the digests of earlier tests are closed first. */
async function incidents(organizations: number) {
  await t.hub.db.query('UPDATE digests SET resolved_at = now() WHERE resolved_at IS NULL');
  await mapping({
    catchAllCompanyId: '2',
    maxTicketsPerCompanyHour: 100,
    incidentOrganizations: organizations,
    incidentWindowMinutes: 10,
  });
}

async function outage(label: string, n: number) {
  const orgs = [];
  for (let i = 0; i < n; i++) orgs.push(await linkedOrg(`${label} ${i} ${tree.tag}`, String(10 + (i % 5))));
  return orgs;
}

const ticketCreates = async () =>
  (
    (await fetch(`${cw.url}/_sim/requests`).then((r) => r.json())) as { method: string; path: string }[]
  ).filter((r) => r.method === 'POST' && /service\/tickets$/.test(r.path)).length;

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  cw = await startSimulator('connectwise', { port: 0 });
  const res = await admin.post('/api/v1/connections', {
    partnerId: tree.partners.resA,
    kind: 'connectwise',
    name: 'CW',
    siteUrl: cw.url,
    credentials: cw.credentials,
  });
  if (res.status !== 201) throw new Error(res.text);
  connectionId = res.body.connection.id;
  await ticketSettingsFromPickLists(admin, 'connectwise', connectionId);
}, 60_000);
afterAll(async () => {
  await cw?.stop();
  await t?.stop();
});

describe('storm control', () => {
  it('validates its settings', async () => {
    const bad = await admin.put(`/api/v1/connections/${connectionId}/mapping-settings`, {
      catchAllCompanyId: null,
      autoLinkExact: false,
      createMissingBillingTargets: false,
      maxTicketsPerCompanyHour: 0,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('maxTicketsPerCompanyHour');
  });

  it('caps new tickets per company per hour; one digest takes the rest and resolves when all recover', async () => {
    expect(await mapping({ maxTicketsPerCompanyHour: 2, incidentOrganizations: 0 })).toMatchObject({
      maxTicketsPerCompanyHour: 2,
      incidentOrganizations: 0,
    });
    const before = (await tickets()).length;
    const orgs = [];
    for (let i = 0; i < 5; i++) orgs.push(await linkedOrg(`Capped Org ${i} ${tree.tag}`, '2'));
    // One after another, so the order of tickets is known.
    for (const org of orgs) {
      await t.source.post('/api/v1/source/events', { events: [event(org.ext, 'failing', 'backup.email')] });
      await settle([org.id]);
    }
    const made = (await tickets()).slice(before);
    expect(made).toHaveLength(3);
    expect(made.filter((x) => x.title.startsWith('Capped Org'))).toHaveLength(2);
    const digest = made.find((x) => x.title.startsWith('More backup alerts'))!;
    expect(digest).toBeDefined();
    // ConnectWise keeps a ticket's description as its first note.
    const digestNotes = async () =>
      (await records('notes'))
        .filter((n) => String(n.ticketId) === digest.id)
        .map((n) => String(n.text))
        .slice(1);
    // The two that joined after it are named in one note, at the tick.
    expect(await digestNotes()).toEqual([]);
    expect(await noteDigests(t.hub.deps)).toBe(1);
    expect(await digestNotes()).toEqual([
      expect.stringMatching(
        /^Also failing \(2 more\):\n- Capped Org 3 .*\n- Capped Org 4 .*\nNow failing: 3 of 3\.$/,
      ),
    ]);
    // A recovery is counted at the next tick, not noted one by one.
    await t.source.post('/api/v1/source/events', {
      events: [event(orgs[3]!.ext, 'resolved', 'backup.email')],
    });
    await settle([orgs[3]!.id]);
    expect(await digestNotes()).toHaveLength(1);
    expect(await noteDigests(t.hub.deps)).toBe(1);
    expect((await digestNotes())[1]).toBe('Now failing: 2 of 3.');

    for (const org of orgs)
      await t.source.post('/api/v1/source/events', { events: [event(org.ext, 'resolved', 'backup.email')] });
    await settle(orgs.map((o) => o.id));
    const after = await tickets();
    expect(after.find((x) => x.id === digest.id)!.closed).toBe(true);
    expect((await digestNotes()).at(-1)).toMatch(/^None of the 3 alerts of this ticket fails any more\./);
    expect(after.slice(before).every((x) => x.closed)).toBe(true);
    const log = await t.hub.db.query<{ action: string; outcome: string }>(
      'SELECT action, outcome FROM deliveries WHERE organization_id = ANY($1::uuid[])',
      [orgs.map((o) => o.id)],
    );
    expect(log.every((d) => d.outcome === 'ok')).toBe(true);
  });

  it('makes one incident ticket on the catch-all company when many organizations fail alike', async () => {
    await mapping({
      catchAllCompanyId: '2',
      maxTicketsPerCompanyHour: 100,
      incidentOrganizations: 3,
      incidentWindowMinutes: 10,
    });
    const before = (await tickets()).length;
    const orgs = [];
    for (let i = 0; i < 4; i++) orgs.push(await linkedOrg(`Outage Org ${i} ${tree.tag}`, String(10 + i)));
    await t.source.post('/api/v1/source/events', {
      events: orgs.map((o) => event(o.ext, 'failing', 'backup.onedrive', 'graph.503')),
    });
    await settle(orgs.map((o) => o.id));
    const made = (await tickets()).slice(before);
    expect(made.map((x) => x.title)).toEqual([
      expect.stringMatching(/^Incident: many organizations failing/),
    ]);
    // The incident's news is written by the alert tick, together: one note for the three that joined.
    expect(await noteDigests(t.hub.deps)).toBe(1);
    expect(await noteDigests(t.hub.deps)).toBe(0);
    const notes = (await records('notes')).filter((n) => String(n.ticketId) === made[0]!.id).slice(1);
    expect(notes.map((n) => String(n.text))).toEqual([
      expect.stringMatching(
        /^Also failing \(3 more\):\n- Outage Org \d[^\n]*backup\.onedrive \(graph\.503\)\n/,
      ),
    ]);
    expect(String(notes[0]!.text)).toMatch(/Now failing: 4 of 4\.$/);
    const incident = (await records('tickets')).find((r) => String(r.id) === made[0]!.id)!;
    expect((incident.company as { id: number }).id).toBe(2);
  });

  it('joins are rows: alerts joining one incident at once all land on it, once each', async () => {
    await incidents(3);
    const before = (await tickets()).length;
    const orgs = await outage('Joining Org', 30);
    await t.source.post('/api/v1/source/events', {
      events: orgs.map((o) => event(o.ext, 'failing', 'backup.email', 'graph.503')),
    });
    await settle(orgs.map((o) => o.id));
    const made = (await tickets()).slice(before);
    expect(made.map((x) => x.title)).toEqual([expect.stringMatching(/^Incident:/)]);
    const alerts = await alertsOf(orgs.map((o) => o.id));
    const digest = alerts[0]!.digest!;
    expect(alerts.every((a) => a.digest === digest && a.waiting === null)).toBe(true);
    const members = await t.hub.db.query<{ alert_id: string }>(
      'SELECT alert_id FROM digest_alerts WHERE digest_id = $1 ORDER BY alert_id',
      [digest],
    );
    expect(members.map((m) => m.alert_id)).toEqual(alerts.map((a) => a.id));
    // One delivery per alert, none failed: the joins taken along and the alerts' own jobs never both count.
    const log = await deliveriesOf(orgs.map((o) => o.id));
    expect(log.every((d) => d.action === 'create' && d.outcome === 'ok')).toBe(true);
    expect(log.map((d) => d.alert_id).sort()).toEqual(alerts.map((a) => a.id));

    // Two workers joining at once (on PostgreSQL, two connections): each join is its own row, and
    // the same alert joining twice is one.
    const more = await outage('Late Org', 2);
    await mapping({ catchAllCompanyId: '2', maxTicketsPerCompanyHour: 100, incidentOrganizations: 0 });
    await t.source.post('/api/v1/source/events', {
      events: more.map((o) => event(o.ext, 'failing', 'backup.email', 'custom.thing')),
    });
    await settle(more.map((o) => o.id));
    const [a, b] = (await alertsOf(more.map((o) => o.id))).map((x) => x.id);
    const joined = await Promise.all([
      joinDigest(t.hub.db, digest, a!),
      joinDigest(t.hub.db, digest, b!),
      joinDigest(t.hub.db, digest, a!),
    ]);
    expect(joined.filter(Boolean)).toHaveLength(2);
    expect((await unnotedJoins(t.hub.db, digest)).slice(-2).sort()).toEqual([a, b].sort());
  });

  it('an alert joining a digest whose ticket is being made waits for it, with no failed delivery', async () => {
    await incidents(3);
    // The incident ticket takes its time to make: the other alerts join meanwhile.
    await fetch(`${cw.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'POST', path: 'service/tickets$', latencyMs: 1500, times: 1 }),
    });
    const creates = await ticketCreates();
    const orgs = await outage('Waiting Org', 8);
    await t.source.post('/api/v1/source/events', {
      events: orgs.map((o) => event(o.ext, 'failing', 'backup.contacts', 'graph.503')),
    });
    await settle(orgs.map((o) => o.id));
    expect((await ticketCreates()) - creates).toBe(1);
    const alerts = await alertsOf(orgs.map((o) => o.id));
    expect(new Set(alerts.map((a) => a.digest)).size).toBe(1);
    expect(alerts.every((a) => a.digest && a.waiting === null)).toBe(true);
    const log = await deliveriesOf(orgs.map((o) => o.id));
    expect(log.filter((d) => d.outcome !== 'ok')).toEqual([]);
    expect(log).toHaveLength(8);
  });

  it('the minute note lists exactly the alerts that joined since the last note', async () => {
    await incidents(3);
    const first = await outage('First Wave', 4);
    await t.source.post('/api/v1/source/events', {
      events: first.map((o) => event(o.ext, 'failing', 'backup.calendar', 'graph.503')),
    });
    await settle(first.map((o) => o.id));
    const digest = (await alertsOf([first[0]!.id]))[0]!.digest!;
    const ticketId = (
      await t.hub.db.query<{ ticket_id: string }>('SELECT ticket_id FROM digests WHERE id = $1', [digest])
    )[0]!.ticket_id;
    const notes = async () =>
      (await records('notes'))
        .filter((n) => String(n.ticketId) === ticketId)
        .map((n) => String(n.text))
        .slice(1);
    expect(await noteDigests(t.hub.deps)).toBe(1);
    expect(await notes()).toEqual([
      expect.stringMatching(/^Also failing \(3 more\):\n(- First Wave \d[^\n]*\n){3}Now failing: 4 of 4\.$/),
    ]);

    const second = await outage('Second Wave', 2);
    await t.source.post('/api/v1/source/events', {
      events: second.map((o) => event(o.ext, 'failing', 'backup.calendar', 'graph.503')),
    });
    await settle(second.map((o) => o.id));
    expect(await noteDigests(t.hub.deps)).toBe(1);
    expect((await notes())[1]).toMatch(
      /^Also failing \(2 more\):\n- Second Wave \d[^\n]*\n- Second Wave \d[^\n]*\nNow failing: 6 of 6\.$/,
    );
    expect(await unnotedJoins(t.hub.db, digest)).toEqual([]);
    expect(await noteDigests(t.hub.deps)).toBe(0);
    expect(await notes()).toHaveLength(2);
  });

  it('when the alert making a digest ticket dies, a waiting member makes it', async () => {
    await incidents(3);
    // The opener's create is refused after a while (a 400: it is dead at once); the others joined meanwhile.
    await fetch(`${cw.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        method: 'POST',
        path: 'service/tickets$',
        latencyMs: 1000,
        status: 400,
        times: 1,
      }),
    });
    const orgs = await outage('Orphan Org', 6);
    await t.source.post('/api/v1/source/events', {
      events: orgs.map((o) => event(o.ext, 'failing', 'backup.tasks', 'graph.503')),
    });
    const ids = orgs.map((o) => o.id);
    const dead = async () =>
      (
        await t.hub.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM alerts WHERE organization_id = ANY($1::uuid[]) AND dead_at IS NOT NULL',
          [ids],
        )
      )[0]!.n;
    await until('the opener dead', dead, (n) => n === 1);
    // The tick wakes members still waiting a minute after the digest opened.
    await t.hub.db.query(
      `UPDATE digests SET opened_at = now() - interval '2 minutes' WHERE ticket_id IS NULL AND resolved_at IS NULL`,
    );
    const onTicket = await until(
      'the other five on one ticket',
      async () => {
        await wakeStalledJoins(t.hub.db, t.hub.queue);
        return (await alertsOf(ids)).filter((a) => a.digest !== null);
      },
      (a) => a.length === 5,
    );
    expect(new Set(onTicket.map((a) => a.digest)).size).toBe(1);
    expect(await dead()).toBe(1);
  });
});
