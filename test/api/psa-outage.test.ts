// Nothing lost when the PSA is down or throttles: an outage (every call answered 503, here for a few
// seconds; the job's retry schedule — 2 s doubling to 5 minutes, ten attempts — spans well over
// five minutes) and a 429 storm; every alert ends with exactly one ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let cw: RunningSimulator;
let connectionId: string;
let seq = 0;
let live: string[] = [];
let nextCompany = 0;

const control = async (path: string, body?: unknown, method = 'POST') => {
  const res = await fetch(`${cw.url}/_sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
};

const ticketsNaming = async (text: string) =>
  ((await (await fetch(`${cw.url}/_sim/records/tickets`)).json()) as { summary: string }[]).filter((r) =>
    r.summary.includes(text),
  );

async function failingOrgs(label: string, n: number) {
  const orgs: { id: string; ext: string; name: string }[] = [];
  for (let i = 0; i < n; i++) {
    const ext = `${tree.ext(label)}-${i}`;
    const name = `${label} ${i} ${tree.tag}`;
    const org = await t.source.put(`/api/v1/source/organizations/${ext}`, {
      name,
      partnerExternalId: tree.ext('resA'),
    });
    const linked = await admin.put(`/api/v1/organizations/${org.body.id}/link`, {
      connectionId,
      companyId: live[nextCompany++]!,
    });
    if (linked.status !== 200) throw new Error(linked.text);
    orgs.push({ id: org.body.id, ext, name });
  }
  return orgs;
}

const fail = (orgs: { ext: string }[]) =>
  t.source.post('/api/v1/source/events', {
    events: orgs.map((o) => ({
      id: `out-${tree.tag}-${++seq}`,
      organizationId: o.ext,
      condition: 'backup.email',
      status: 'failing',
      occurredAt: new Date().toISOString(),
    })),
  });

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
  live = (
    (await (await fetch(`${cw.url}/_sim/records/companies`)).json()) as {
      id: number;
      deletedFlag?: boolean;
    }[]
  )
    .filter((c) => c.deletedFlag !== true)
    .map((c) => String(c.id));
  await ticketSettingsFromPickLists(admin, 'connectwise', connectionId);
  await admin.put(`/api/v1/connections/${connectionId}/mapping-settings`, {
    catchAllCompanyId: null,
    autoLinkExact: false,
    createMissingBillingTargets: false,
    incidentOrganizations: 0,
  });
}, 60_000);
afterAll(async () => {
  await cw?.stop();
  await t?.stop();
});

describe('the PSA down or throttling', () => {
  it('an outage: events are kept, tickets follow once the PSA is back, one each', async () => {
    const orgs = await failingOrgs('Outage', 4);
    await control('faults', { path: 'apis/3.0/', status: 503, body: { code: 'ServiceUnavailable' } });
    expect((await fail(orgs)).body.accepted).toBe(4);
    await until(
      'failed deliveries during the outage',
      async () =>
        (
          await t.hub.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM deliveries WHERE outcome = 'failed' AND organization_id = ANY($1::uuid[])`,
            [orgs.map((o) => o.id)],
          )
        )[0]!.n,
      (n) => n >= 1,
    );
    for (const o of orgs) expect(await ticketsNaming(o.name)).toEqual([]);
    await control('faults', undefined, 'DELETE');
    for (const o of orgs)
      await until(
        `${o.name}'s ticket`,
        () => ticketsNaming(o.name),
        (x) => x.length === 1,
      );
    await new Promise((r) => setTimeout(r, 1000));
    for (const o of orgs) expect(await ticketsNaming(o.name)).toHaveLength(1);
    const dead = await t.hub.db.query(`SELECT 1 FROM alerts WHERE dead_at IS NOT NULL`);
    expect(dead).toEqual([]);
  }, 90_000);

  it('a 429 storm: every alert gets its one ticket', async () => {
    const orgs = await failingOrgs('Throttled', 12);
    await control('rate-limit', { requests: 6, perSeconds: 2, retryAfter: 1 });
    await fail(orgs);
    for (const o of orgs)
      await until(
        `${o.name}'s ticket`,
        () => ticketsNaming(o.name),
        (x) => x.length === 1,
      );
    await control('rate-limit', {});
    const log = (await (await fetch(`${cw.url}/_sim/requests`)).json()) as { status: number | string }[];
    expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    for (const o of orgs) expect(await ticketsNaming(o.name)).toHaveLength(1);
  }, 90_000);
});
