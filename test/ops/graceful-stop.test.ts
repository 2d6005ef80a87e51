// SIGTERM as a supervisor sends it, to a real hub process in the middle of a burst of events and of a
// ticket create the PSA holds: /readyz answers 503 first (the drain), the create in flight finishes
// and is recorded, the process exits 0, and every event the hub accepted is there after the restart.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/postgres.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import { simRecords } from '../support/billing.ts';
import { serve, stopWith } from '../support/cli-process.ts';
import { Client } from '../support/client.ts';
import { freshDb, onPostgres, type TestDb } from '../support/db.ts';
import { NEW_PASSWORD, seedTree } from '../support/hub.ts';

let dataDir: string;
let pgDb: TestDb | undefined;
let cw: RunningSimulator;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'psahub-graceful-'));
  if (onPostgres) {
    pgDb = await freshDb();
    await pgDb.db.close();
  }
  cw = await startSimulator('connectwise', { port: 0 });
});
afterAll(async () => {
  await cw?.stop();
  await rm(dataDir, { recursive: true, force: true });
  if (pgDb) await pgDb.drop().catch(() => {});
});

async function simPost(p: string, body: object) {
  const res = await fetch(`${cw.url}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(await res.text());
}

describe(`SIGTERM during a burst (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('drains (readyz 503), finishes the running job, exits 0 and loses no accepted event', async () => {
    const env: Record<string, string> = {
      PSAHUB_DATA_DIR: dataDir,
      PSAHUB_ALLOW_PRIVATE_PSA_HOSTS: '1',
      PSAHUB_DRAIN_SECONDS: '1',
      ...(pgDb ? { DATABASE_URL: pgDb.url!, PSAHUB_SECRET_KEY: randomBytes(32).toString('hex') } : {}),
    };
    const hub = await serve(env);
    const operator = hub.operator!;
    const key = await operator.post<{ token: string }>('/api/v1/source-keys', { name: 'graceful' });
    const source = new Client(hub.url, { bearer: key.body.token });
    const tree = await seedTree(source);
    const created = await operator.post('/api/v1/connections', {
      partnerId: tree.partners.resA,
      kind: 'connectwise',
      name: 'CW',
      siteUrl: cw.url,
      credentials: cw.credentials,
    });
    expect(created.status, created.text).toBe(201);
    const connectionId = created.body.connection.id as string;
    await ticketSettingsFromPickLists(operator, 'connectwise', connectionId);
    const linked = await operator.put(`/api/v1/organizations/${tree.orgs.orgA}/link`, {
      connectionId,
      companyId: '2',
    });
    expect(linked.status, linked.text).toBe(200);

    // The first ticket create is held by the PSA for 3 s: a job is running when SIGTERM comes.
    await simPost('/_sim/faults', { method: 'POST', path: 'service/tickets$', latencyMs: 3000, times: 1 });
    let n = 0;
    const event = (resource: string) => ({
      id: `${tree.tag}-${++n}`,
      organizationId: tree.ext('orgA'),
      condition: 'backup.job',
      resource,
      status: 'failing',
      occurredAt: new Date().toISOString(),
    });
    const held = await source.post('/api/v1/source/events', { events: [event('held')] });
    expect(held.status, held.text).toBe(202);
    await until(
      'the create to reach the PSA',
      async () => (await (await fetch(`${cw.url}/_sim/faults`)).json()) as unknown[],
      (rules) => rules.length === 0,
    );

    // A burst that goes on through the drain and the stop; only answered events count as accepted.
    const accepted: string[] = [];
    let stopped = false;
    const burst = (async () => {
      while (!stopped) {
        const events = Array.from({ length: 20 }, (_, i) => event(`mailbox-${i % 4}`));
        const res = await source.post('/api/v1/source/events', { events }).catch(() => undefined);
        if (res?.status === 202) accepted.push(...events.map((e) => e.id));
      }
    })();
    await until(
      'some of the burst accepted',
      async () => accepted.length,
      (k) => k >= 100,
    );

    hub.run.child.kill('SIGTERM');
    // The drain's own answer (not Fastify's 503 while closing): the load balancer takes it out first.
    const ready = await until(
      'readyz to answer 503 draining',
      async () => {
        const res = await fetch(`${hub.url}/readyz`).catch(() => undefined);
        return res && { status: res.status, body: await res.json().catch(() => null) };
      },
      (r) => r?.status === 503,
      10_000,
    );
    expect(ready).toEqual({ status: 503, body: { status: 'draining', checks: {} } });
    expect(await hub.run.exited, hub.run.output()).toBe(0);
    stopped = true;
    await burst;
    expect(accepted.length).toBeGreaterThan(100);

    // Before any restart: the held create finished and was recorded, no job was left running.
    const db = pgDb ? openPostgres(pgDb.url!, 2) : await openPglite(path.join(dataDir, 'pgdata'));
    const creates = await db.query<{ outcome: string; ticket_id: string | null }>(
      `SELECT d.outcome, d.ticket_id FROM deliveries d JOIN alerts a ON a.id = d.alert_id
        WHERE a.resource = 'held' AND d.action = 'create'`,
    );
    expect(creates).toEqual([{ outcome: 'ok', ticket_id: expect.any(String) }]);
    expect(await db.query(`SELECT id FROM pgboss.job WHERE state = 'active'`)).toEqual([]);
    const stored = new Set(
      (
        await db.query<{ external_id: string }>(
          'SELECT external_id FROM events WHERE external_id = ANY($1)',
          [accepted],
        )
      ).map((r) => r.external_id),
    );
    expect(accepted.filter((id) => !stored.has(id))).toEqual([]);
    await db.close();

    // After the restart the waiting work goes on: every alert gets its ticket, none twice.
    const again = await serve(env);
    const admin = new Client(again.url);
    expect((await admin.login('operator@localhost', NEW_PASSWORD)).status).toBe(200);
    const alerts = await until(
      'every alert of the burst on a ticket',
      async () =>
        (await admin.get(`/api/v1/alerts?organizationId=${tree.orgs.orgA}`)).body.items as {
          ticket: unknown;
          pendingWrites: number;
        }[],
      (items) => items?.length === 5 && items.every((a) => a.ticket && a.pendingWrites === 0),
    );
    expect(alerts).toHaveLength(5);
    const tickets = (await simRecords(cw.url, 'tickets')).filter((t) =>
      String((t as { summary?: string }).summary).includes(tree.tag),
    );
    expect(tickets.length).toBeLessThanOrEqual(5);
    expect(await stopWith(again.run)).toBe(0);
  }, 240_000);
});
