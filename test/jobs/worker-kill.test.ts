// The worker killed (a real process, SIGKILL) at each step of a ticket create — before the PSA sees
// the request, and after the PSA committed it but before the reply came back — then started again:
// exactly one ticket every time. PostgreSQL only: an embedded database cannot be shared between the
// hub and a separate worker process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import type { Client } from '../support/client.ts';
import { onPostgres } from '../support/db.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

const cli = path.resolve('src/cli.ts');
const secretKey = randomBytes(32).toString('hex');
let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let cw: RunningSimulator;
let connectionId: string;

function startWorker(): ChildProcess {
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [cli, 'serve', '--role', 'worker'], {
    env: {
      ...parentEnv,
      DATABASE_URL: t.testDb.url!,
      PSAHUB_SECRET_KEY: secretKey,
      PSAHUB_LOG_LEVEL: 'warn',
      PSAHUB_DRAIN_SECONDS: '0',
      PSAHUB_ALLOW_PRIVATE_PSA_HOSTS: '1',
    },
    stdio: 'ignore',
  });
  return child;
}

const killed = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

const ticketsNaming = async (name: string) =>
  ((await (await fetch(`${cw.url}/_sim/records/tickets`)).json()) as { summary: string }[]).filter((r) =>
    r.summary.includes(name),
  );

/** Alerts whose create intent is recorded (the worker is about to send, or has sent, the create). */
const intents = async () =>
  (await t.hub.db.query<{ attempts: number }>('SELECT attempts FROM alerts WHERE attempts > 0')).length;

async function fault(rule: object) {
  const res = await fetch(`${cw.url}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  if (!res.ok) throw new Error(await res.text());
}

/** A linked organization whose first failure is sent now; the worker is killed when `killAt` says. */
async function createThroughKill(label: string, killAt: (name: string) => Promise<unknown>) {
  const name = `${label} ${tree.tag}`;
  const ext = `${tree.ext('kill')}-${label.replace(/\W/g, '')}`;
  const org = await t.source.put(`/api/v1/source/organizations/${ext}`, {
    name,
    partnerExternalId: tree.ext('resA'),
  });
  const linked = await admin.put(`/api/v1/organizations/${org.body.id}/link`, {
    connectionId,
    companyId: '2',
  });
  expect(linked.status, linked.text).toBe(200);
  const first = startWorker();
  await t.source.post('/api/v1/source/events', {
    events: [
      {
        id: `${ext}-1`,
        organizationId: ext,
        condition: 'backup.email',
        status: 'failing',
        occurredAt: new Date().toISOString(),
      },
    ],
  });
  await killAt(name);
  await killed(first, 'SIGKILL');
  const second = startWorker();
  try {
    await until(
      'the ticket recorded on the alert',
      async () =>
        (
          await t.hub.db.query<{ tickets: Record<string, unknown> }>(
            'SELECT tickets FROM alerts WHERE organization_id = $1',
            [org.body.id],
          )
        )[0]?.tickets ?? {},
      (tickets) => Object.keys(tickets).length === 1,
    );
    // Give a second create every chance to happen before counting.
    await new Promise((r) => setTimeout(r, 1500));
    return await ticketsNaming(name);
  } finally {
    await killed(second, 'SIGTERM');
  }
}

describe.skipIf(!onPostgres)('a worker killed during a ticket create', () => {
  beforeAll(async () => {
    t = await startTestHub({ role: 'api', secretKey });
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

  it('before the PSA saw the create: one ticket after the restart', async () => {
    await fault({
      method: 'POST',
      path: 'service/tickets$',
      latencyMs: 5000,
      dropBeforeCommit: true,
      times: 1,
    });
    const tickets = await createThroughKill('Killed Before', async () => {
      // The worker has sent the create once the intent is recorded; the PSA holds it unseen.
      await until(
        'the create intent',
        async () =>
          (await t.hub.db.query<{ attempts: number }>('SELECT attempts FROM alerts WHERE attempts > 0'))
            .length,
        (n) => n > 0,
      );
      await new Promise((r) => setTimeout(r, 500));
    });
    expect(tickets).toHaveLength(1);
  }, 120_000);

  it('after the PSA committed the create but before its reply: the restart finds it, no twin', async () => {
    await fault({
      method: 'POST',
      path: 'service/tickets$',
      latencyMs: 5000,
      dropAfterCommit: true,
      times: 1,
    });
    // The simulator answers one request at a time, so the commit cannot be watched while the reply
    // is held: kill well after the intent, when the create has long been committed.
    const tickets = await createThroughKill('Killed After', async () => {
      await until('the create intent', intents, (n) => n > 0);
      await new Promise((r) => setTimeout(r, 2000));
    });
    expect(tickets).toHaveLength(1);
  }, 120_000);
});
