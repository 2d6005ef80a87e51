// /metrics as a vendor's Prometheus reads it, after a failure became a ticket through a real
// simulator that first answered 429 and then 500: every family a dashboard needs is there and says
// what happened. On PostgreSQL a second (API-only) process reports the same database-wide gauges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startHub } from '../../src/server.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { openPostgres } from '../../src/store/postgres.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import type { Client } from '../support/client.ts';
import { onPostgres } from '../support/db.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';
import { scrape, valueOf } from '../support/metrics.ts';

let t: TestHub;
let cw: RunningSimulator;
let at: RunningSimulator;
let admin: Client;
let tree: Awaited<ReturnType<typeof seedTree>>;
const secretKey = 'cd'.repeat(32);

async function connect(sim: RunningSimulator): Promise<string> {
  const res = await admin.post('/api/v1/connections', {
    partnerId: tree.partners.resA,
    kind: sim.kind,
    name: sim.kind,
    siteUrl: sim.url,
    credentials: sim.credentials,
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.connection.id;
}

async function fault(rule: object) {
  const res = await fetch(`${cw.url}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  if (!res.ok) throw new Error(await res.text());
}

beforeAll(async () => {
  t = await startTestHub({ secretKey });
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  [cw, at] = await Promise.all([
    startSimulator('connectwise', { port: 0 }),
    startSimulator('autotask', { port: 0 }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([cw?.stop(), at?.stop()]);
  await t?.stop();
});

describe('Prometheus metrics', () => {
  it('reports queues, PSA calls, errors, rate-limit waits, jobs, budgets, deliveries and alerts', async () => {
    const cwId = await connect(cw);
    const atId = await connect(at);
    await ticketSettingsFromPickLists(admin, 'connectwise', cwId);
    // Autotask calls through the connection's budget (the connect itself is not counted).
    expect((await admin.get(`/api/v1/connections/${atId}/pick-lists`)).status).toBe(200);
    const linked = await admin.put(`/api/v1/organizations/${tree.orgs.orgA}/link`, {
      connectionId: cwId,
      companyId: '2',
    });
    expect(linked.status, linked.text).toBe(200);
    // The ticket create is first told to slow down (waited out), then fails once (repaired by the connector).
    await fault({
      method: 'POST',
      path: 'service/tickets$',
      status: 429,
      headers: { 'retry-after': '1' },
      times: 1,
    });
    await fault({ method: 'POST', path: 'service/tickets$', status: 500, times: 1 });
    const sent = await t.source.post('/api/v1/source/events', {
      events: [
        {
          id: `${tree.tag}-m1`,
          organizationId: tree.ext('orgA'),
          condition: 'backup.job',
          status: 'failing',
          occurredAt: new Date().toISOString(),
        },
      ],
    });
    expect(sent.status, sent.text).toBe(202);
    await until(
      'the ticket on the alert',
      async () => (await admin.get(`/api/v1/alerts?organizationId=${tree.orgs.orgA}`)).body.items,
      (items: { ticket: unknown }[]) => items?.length === 1 && !!items[0]!.ticket,
    );

    const m = await until(
      'the delivery figures',
      () => scrape(t.url),
      (s) => (valueOf(s, 'psahub_deliveries_recent', { psa: 'connectwise', outcome: 'ok' }) ?? 0) >= 1,
    );
    const cwLabels = { psa: 'connectwise' };
    expect(
      valueOf(m, 'psahub_psa_request_duration_seconds_count', { ...cwLabels, outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(valueOf(m, 'psahub_psa_errors_total', { ...cwLabels, kind: 'rate_limited' })).toBe(1);
    expect(valueOf(m, 'psahub_psa_errors_total', { ...cwLabels, kind: 'transient' })).toBe(1);
    expect(valueOf(m, 'psahub_rate_limit_waits_total', cwLabels)).toBeGreaterThanOrEqual(1);
    expect(valueOf(m, 'psahub_rate_limit_wait_seconds_total', cwLabels)).toBeGreaterThan(0.5);
    expect(
      valueOf(m, 'psahub_job_duration_seconds_count', { queue: 'alerts.reconcile', outcome: 'completed' }),
    ).toBeGreaterThanOrEqual(1);
    expect(valueOf(m, 'psahub_alerts', { state: 'open' })).toBe(1);
    expect(valueOf(m, 'psahub_alerts', { state: 'waiting' })).toBe(0);
    expect(valueOf(m, 'psahub_alerts', { state: 'dead' })).toBe(0);
    expect(
      valueOf(m, 'psahub_queue_jobs', { queue: 'alerts.reconcile', state: 'queued' }),
    ).toBeGreaterThanOrEqual(0);
    expect(valueOf(m, 'psahub_queue_oldest_seconds', { queue: 'alerts.reconcile' })).toBeGreaterThanOrEqual(
      0,
    );
    expect(valueOf(m, 'psahub_connection_requests_hour', { connection: cwId })).toBeGreaterThan(2);
    expect(valueOf(m, 'psahub_connection_failing', { connection: cwId })).toBe(0);
    const budget = valueOf(m, 'psahub_autotask_budget_used_ratio', { connection: atId })!;
    expect(budget).toBeGreaterThan(0);
    expect(budget).toBeLessThan(0.01);
    expect(m.families).toContain('psahub_connection_backlog');
    expect(m.families).toContain('psahub_connection_backlog_oldest_seconds');
    expect(m.families).toContain('psahub_http_requests_total');
    // Per-process counters carry the process's role.
    expect(m.samples.find((s) => s.name === 'psahub_psa_errors_total')!.labels.role).toBe('all');

    // A waiting alert shows in its connection's backlog: the PSA down, a second failure waits.
    await fault({ method: 'POST', path: 'service/tickets$', status: 503 });
    await t.source.post('/api/v1/source/events', {
      events: [
        {
          id: `${tree.tag}-m2`,
          organizationId: tree.ext('orgA'),
          condition: 'backup.other',
          status: 'failing',
          occurredAt: new Date().toISOString(),
        },
      ],
    });
    const waiting = await until(
      'the backlog of the connection and a failed job',
      () => scrape(t.url),
      (s) =>
        valueOf(s, 'psahub_connection_backlog', { connection: cwId }) === 1 &&
        (valueOf(s, 'psahub_deliveries_recent', { psa: 'connectwise', outcome: 'failed' }) ?? 0) >= 1 &&
        (valueOf(s, 'psahub_job_duration_seconds_count', { queue: 'alerts.reconcile', outcome: 'failed' }) ??
          0) >= 1,
    );
    expect(valueOf(waiting, 'psahub_alerts', { state: 'waiting' })).toBe(1);
    expect(
      valueOf(waiting, 'psahub_connection_backlog_oldest_seconds', { connection: cwId }),
    ).toBeGreaterThanOrEqual(0);
    await fetch(`${cw.url}/_sim/faults`, { method: 'DELETE' });

    if (onPostgres) {
      // Another process on the same database: the same database-wide figures, its own counters.
      const config = loadConfig({ PSAHUB_SECRET_KEY: secretKey, PSAHUB_LOG_LEVEL: 'silent' }, { port: 0 });
      const other = await startHub(config, { role: 'api', listen: true, db: openPostgres(t.testDb.url!, 2) });
      try {
        const [mine, theirs] = [await scrape(t.url), await scrape(other.url!)];
        for (const state of ['open', 'dead']) {
          expect(valueOf(theirs, 'psahub_alerts', { state, role: 'api' })).toBe(
            valueOf(mine, 'psahub_alerts', { state }),
          );
        }
        expect(valueOf(theirs, 'psahub_connection_requests_hour', { connection: atId })).toBe(
          valueOf(mine, 'psahub_connection_requests_hour', { connection: atId }),
        );
        expect(
          valueOf(theirs, 'psahub_psa_errors_total', { psa: 'connectwise', kind: 'transient' }),
        ).toBeUndefined();
      } finally {
        await other.close();
      }
    }
  }, 120_000);
});
