// Workers are shared fairly between PSA connections: a burst of alerts on one slow connection holds
// a few workers (PER_CONNECTION), and another partner's failure still gets its ticket at once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PER_CONNECTION } from '../../src/jobs/reconcile-queue.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

const BURST = 30;
const SLOW_MS = 1500;

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
const sims: RunningSimulator[] = [];

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
}, 60_000);
afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop()));
  await t?.stop();
});

/** A ConnectWise simulator, a connection of `partner` to it, and one organization linked there. */
async function linkedOrg(partner: 'resA' | 'resB') {
  const sim = await startSimulator('connectwise', { port: 0 });
  sims.push(sim);
  const admin = await t.userClient(tree.partners[partner], 'admin');
  const conn = await admin.post('/api/v1/connections', {
    partnerId: tree.partners[partner],
    kind: 'connectwise',
    name: `CW of ${partner}`,
    siteUrl: sim.url,
    credentials: sim.credentials,
  });
  if (conn.status !== 201) throw new Error(conn.text);
  await ticketSettingsFromPickLists(admin, 'connectwise', conn.body.connection.id);
  const ext = `${tree.ext(partner)}-fair`;
  const org = await t.source.put(`/api/v1/source/organizations/${ext}`, {
    name: `Fair Org ${partner} ${tree.tag}`,
    partnerExternalId: tree.ext(partner),
  });
  const link = await admin.put(`/api/v1/organizations/${org.body.id}/link`, {
    connectionId: conn.body.connection.id,
    companyId: '2',
  });
  if (link.status !== 200) throw new Error(link.text);
  return { sim, ext, id: org.body.id as string };
}

const failing = (org: string, resource: string) => ({
  id: `fair-${tree.tag}-${org}-${resource}`,
  organizationId: org,
  condition: 'backup.email',
  resource,
  status: 'failing',
  errorCode: 'graph.503',
  occurredAt: new Date().toISOString(),
});

const ticketed = async (orgId: string) =>
  (
    await t.hub.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM alerts WHERE organization_id = $1 AND tickets <> '{}'::jsonb`,
      [orgId],
    )
  )[0]!.n;

it('serves another connection while one works through a burst on a slow PSA', async () => {
  const slow = await linkedOrg('resA');
  const other = await linkedOrg('resB');
  await fetch(`${slow.sim.url}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: '.', latencyMs: SLOW_MS }),
  });
  const burst = Array.from({ length: BURST }, (_, i) => failing(slow.ext, `mailbox${i}@example.com`));
  expect((await t.source.post('/api/v1/source/events', { events: burst })).body.accepted).toBe(BURST);
  expect(
    (await t.source.post('/api/v1/source/events', { events: [failing(other.ext, 'ceo@example.com')] })).body
      .accepted,
  ).toBe(1);

  await until(
    'the other partner’s ticket',
    () => ticketed(other.id),
    (n) => n === 1,
    20_000,
  );
  // Had the burst taken every worker, its first round would have finished before the other ticket.
  expect(await ticketed(slow.id)).toBeLessThanOrEqual(PER_CONNECTION);
  await until(
    'the whole burst',
    () => ticketed(slow.id),
    (n) => n === BURST,
    60_000,
  );
}, 90_000);
