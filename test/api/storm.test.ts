// Storm control over HTTP against the ConnectWise simulator: past the per-company cap, one digest
// ticket takes the rest as notes and resolves when all recover; many organizations failing with one
// error class at once make one incident ticket on the catch-all company instead of one each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteDigests } from '../../src/jobs/storm.ts';
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
});
