// Billing on Autotask and HaloPSA over HTTP: the first sync, an increase and a decrease land on the
// contract service / recurring invoice line; a second run writes nothing; on Autotask, whose API
// takes the difference, a reply lost after the adjustment committed still makes one adjustment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { billingCompanies, sendUsage, simRecords, syncNow, targetsOf } from '../support/billing.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let planId: string;

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  planId = (
    await t.hub.db.query<{ id: string }>('SELECT id FROM plans WHERE external_id = $1', [tree.ext('planA')])
  )[0]!.id;
});
afterAll(async () => {
  await t?.stop();
});

describe.each(['autotask', 'halopsa'] as const)('%s', (kind) => {
  let sim: RunningSimulator;
  let conn: string;
  let ext: string;
  let companyId: string;
  let targetId: string;
  const quantity = async () =>
    (await targetsOf(admin, conn, companyId)).find((x) => x.id === targetId)!.quantity;

  beforeAll(async () => {
    sim = await startSimulator(kind, { port: 0 });
    const res = await admin.post('/api/v1/connections', {
      partnerId: tree.partners.resA,
      kind,
      name: `${kind} billing`,
      siteUrl: sim.url,
      credentials: sim.credentials,
    });
    expect(res.status, res.text).toBe(201);
    conn = res.body.connection.id;
    [{ companyId }] = (await billingCompanies(sim.url, 1)) as [{ companyId: string }];
    const [target] = await targetsOf(admin, conn, companyId);
    targetId = target!.id;
    expect(
      (await admin.put(`/api/v1/connections/${conn}/plan-links/${planId}`, { productId: target!.productId }))
        .status,
    ).toBe(200);
    ext = `${tree.ext('bill')}-${kind}`;
    const org = await t.source.put(`/api/v1/source/organizations/${ext}`, {
      name: `Billing on ${kind}`,
      partnerExternalId: tree.ext('resA'),
      planExternalIds: [tree.ext('planA')],
    });
    const linked = await admin.put(`/api/v1/organizations/${org.body.id}/link`, {
      connectionId: conn,
      companyId,
      billing: [{ planId, targetId }],
    });
    expect(linked.status, linked.text).toBe(200);
    const set = await admin.put(`/api/v1/connections/${conn}/billing-settings`, {
      mode: 'auto',
      approvalThresholdPercent: 10000,
    });
    expect(set.status, set.text).toBe(200);
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('writes the first sync, an increase and a decrease; a second run writes nothing', async () => {
    for (const q of [30, 34, 31]) {
      await sendUsage(t.source, ext, tree.ext('planA'), q);
      expect((await syncNow(admin, conn)).writes).toBe(1);
      expect(await quantity()).toBe(q);
    }
    expect(await syncNow(admin, conn)).toMatchObject({ writes: 0, changeSets: 0 });
  });

  it.runIf(kind === 'autotask')(
    'refuses a unit cost rule, which Autotask does not let anyone set',
    async () => {
      const res = await admin.put(`/api/v1/connections/${conn}/plan-links/${planId}/billing-rules`, {
        unitCost: 3,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('body/unitCost');
    },
  );

  it.runIf(kind === 'autotask')(
    'adjusts once when the reply to the adjustment is lost after it committed',
    async () => {
      const before = (await simRecords(sim.url, 'ContractServiceAdjustments')).length;
      const fault = await fetch(`${sim.url}/_sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: 'POST',
          path: 'ContractServiceAdjustments$',
          dropAfterCommit: true,
          times: 1,
        }),
      });
      expect(fault.ok).toBe(true);
      await sendUsage(t.source, ext, tree.ext('planA'), 38);
      expect((await syncNow(admin, conn)).writes).toBe(1);
      expect(await quantity()).toBe(38);
      expect(await simRecords(sim.url, 'ContractServiceAdjustments')).toHaveLength(before + 1);
      expect((await syncNow(admin, conn)).writes).toBe(0);
    },
  );
});
