// The worker killed (a real process, SIGKILL) after Autotask committed a billing adjustment but
// before its reply came back — the one write whose repeat would bill twice, since Autotask takes
// the difference — then started again: one adjustment, the units as usage says, and no hand edit
// seen in the hub's own write. PostgreSQL only: an embedded database cannot be shared between the
// hub and a separate worker process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { until } from '../support/alerts.ts';
import {
  billingCompanies,
  changeSetsOf,
  runDone,
  sendUsage,
  simRecords,
  targetsOf,
} from '../support/billing.ts';
import type { Client } from '../support/client.ts';
import { onPostgres } from '../support/db.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

const cli = path.resolve('src/cli.ts');
const secretKey = randomBytes(32).toString('hex');
let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let at: RunningSimulator;

function startWorker(): ChildProcess {
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  return spawn(process.execPath, [cli, 'serve', '--role', 'worker'], {
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
}

const ended = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

describe.skipIf(!onPostgres)('a worker killed between a billing write and its record', () => {
  beforeAll(async () => {
    t = await startTestHub({ role: 'api', secretKey });
    tree = await seedTree(t.source);
    admin = await t.userClient(tree.partners.resA, 'admin');
    at = await startSimulator('autotask', { port: 0 });
  }, 60_000);
  afterAll(async () => {
    await at?.stop();
    await t?.stop();
  });

  it('writes nothing twice after the restart', async () => {
    const res = await admin.post('/api/v1/connections', {
      partnerId: tree.partners.resA,
      kind: 'autotask',
      name: 'Autotask',
      siteUrl: at.url,
      credentials: at.credentials,
    });
    expect(res.status, res.text).toBe(201);
    const conn = res.body.connection.id as string;
    const [{ companyId }] = (await billingCompanies(at.url, 1)) as [{ companyId: string }];
    const [target] = await targetsOf(admin, conn, companyId);
    const planId = (
      await t.hub.db.query<{ id: string }>('SELECT id FROM plans WHERE external_id = $1', [tree.ext('planA')])
    )[0]!.id;
    await admin.put(`/api/v1/connections/${conn}/plan-links/${planId}`, { productId: target!.productId });
    const ext = tree.ext('killed');
    const org = await t.source.put(`/api/v1/source/organizations/${ext}`, {
      name: 'Killed billing',
      partnerExternalId: tree.ext('resA'),
      planExternalIds: [tree.ext('planA')],
    });
    const linked = await admin.put(`/api/v1/organizations/${org.body.id}/link`, {
      connectionId: conn,
      companyId,
      billing: [{ planId, targetId: target!.id }],
    });
    expect(linked.status, linked.text).toBe(200);
    await admin.put(`/api/v1/connections/${conn}/billing-settings`, {
      mode: 'auto',
      approvalThresholdPercent: 10000,
    });
    const adjustments = (await simRecords(at.url, 'ContractServiceAdjustments')).length;
    // Autotask commits the adjustment, then holds its reply: the worker is killed meanwhile.
    const fault = await fetch(`${at.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        method: 'POST',
        path: 'ContractServiceAdjustments$',
        latencyMs: 5000,
        dropAfterCommit: true,
        times: 1,
      }),
    });
    expect(fault.ok).toBe(true);
    await sendUsage(t.source, ext, tree.ext('planA'), target!.quantity + 9);
    const first = startWorker();
    const sync = await admin.post(`/api/v1/connections/${conn}/billing/sync`, {});
    expect(sync.status, sync.text).toBe(202);
    await until(
      'the write intent',
      async () =>
        (await t.hub.db.query('SELECT 1 FROM org_link_billing WHERE intent_quantity IS NOT NULL')).length,
      (n) => n > 0,
    );
    await new Promise((r) => setTimeout(r, 2000));
    await ended(first, 'SIGKILL');
    // The simulator holds the request its latency, then commits it and drops the reply.
    await until(
      'the adjustment committed',
      async () => (await simRecords(at.url, 'ContractServiceAdjustments')).length,
      (n) => n === adjustments + 1,
    );
    const second = startWorker();
    try {
      // The killed worker's job is picked up again once its heartbeat stops.
      await runDone(admin, sync.body.id);
      expect((await targetsOf(admin, conn, companyId)).find((x) => x.id === target!.id)!.quantity).toBe(
        target!.quantity + 9,
      );
      expect(await simRecords(at.url, 'ContractServiceAdjustments')).toHaveLength(adjustments + 1);
      const [cs] = await changeSetsOf(admin, org.body.id);
      expect(cs).toMatchObject({ state: 'applied', held: [] });
      // The next run sees the PSA as the hub wrote it: no drift, nothing to write.
      const again = await admin.post(`/api/v1/connections/${conn}/billing/sync`, {});
      expect(await runDone(admin, again.body.id)).toMatchObject({ writes: 0, changeSets: 0 });
    } finally {
      await ended(second, 'SIGTERM');
    }
  }, 120_000);
});
