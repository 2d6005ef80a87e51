// Billing against the ConnectWise simulator over HTTP, as a partner lives it: preview by default,
// approval, auto mode, holds (drop to zero, threshold, hand edits) approved, rejected, overwritten
// or superseded, the rules (included, rounding, minimum, price, description), and a second run
// with nothing changed writing nothing. The vendor platform's webhook hears of the set waiting for
// approval and of it written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import {
  approve,
  billingCompanies,
  changeSetsOf,
  sendUsage,
  simRecords,
  syncNow,
  targetsOf,
} from '../support/billing.ts';
import type { Client } from '../support/client.ts';
import { cwApi } from '../support/connectwise-api.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';
import { until } from '../support/alerts.ts';
import { startReceiver, type Receiver } from '../support/webhook-receiver.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let cw: RunningSimulator;
let conn: string;
let planId: string;
let planExt: string;
let companies: { companyId: string }[];
let nextCompany = 0;
let vendor: Receiver;

interface Linked {
  org: string;
  ext: string;
  targetId: string;
  additionId: number;
}

/** A new organization using plan A, linked to the next billing company, billing into its first line. */
async function linkedOrg(): Promise<Linked> {
  const ext = `${tree.ext('bill')}-${nextCompany}`;
  const created = await t.source.put(`/api/v1/source/organizations/${ext}`, {
    name: `Billing org ${nextCompany}`,
    partnerExternalId: tree.ext('resA'),
    planExternalIds: [planExt],
  });
  expect(created.status, created.text).toBe(201);
  const { companyId } = companies[nextCompany++]!;
  const [target] = await targetsOf(admin, conn, companyId);
  if (nextCompany === 1) {
    const mapped = await admin.put(`/api/v1/connections/${conn}/plan-links/${planId}`, {
      productId: target!.productId,
    });
    expect(mapped.status, mapped.text).toBe(200);
  }
  const res = await admin.put(`/api/v1/organizations/${created.body.id}/link`, {
    connectionId: conn,
    companyId,
    billing: [{ planId, targetId: target!.id }],
  });
  expect(res.status, res.text).toBe(200);
  return { org: created.body.id, ext, targetId: target!.id, additionId: Number(target!.id.split(':')[1]) };
}

const addition = async (l: Linked) =>
  (await simRecords(cw.url, 'additions')).find((a) => a.id === l.additionId)!;
const quantityOf = async (l: Linked) => Number((await addition(l)).quantity);
const settings = (body: Record<string, unknown>) =>
  admin.put(`/api/v1/connections/${conn}/billing-settings`, body);

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  cw = await startSimulator('connectwise', { port: 0 });
  const res = await admin.post('/api/v1/connections', {
    partnerId: tree.partners.resA,
    kind: 'connectwise',
    name: 'CW billing',
    siteUrl: cw.url,
    credentials: cw.credentials,
  });
  expect(res.status, res.text).toBe(201);
  conn = res.body.connection.id;
  planExt = tree.ext('planA');
  planId = (
    await t.hub.db.query<{ id: string }>('SELECT id FROM plans WHERE external_id = $1', [planExt])
  )[0]!.id;
  companies = await billingCompanies(cw.url, 12);
  vendor = await startReceiver();
  const hook = await t.source.post('/api/v1/source/webhooks', {
    url: vendor.url,
    events: ['billing.pending_approval', 'billing.applied'],
  });
  expect(hook.status, hook.text).toBe(201);
});
afterAll(async () => {
  await vendor?.stop();
  await cw?.stop();
  await t?.stop();
});

describe('a new connection previews', () => {
  it('holds the first sync for approval, writes nothing, then writes it once approved', async () => {
    const l = await linkedOrg();
    const before = await quantityOf(l);
    expect((await admin.get(`/api/v1/connections/${conn}/billing-settings`)).body.mode).toBe('preview');
    await sendUsage(t.source, l.ext, planExt, before + 3);
    const run = await syncNow(admin, conn, l.org);
    expect(run).toMatchObject({ linksTotal: 1, linksDone: 1, changeSets: 1, writes: 0 });
    const [cs] = await changeSetsOf(admin, l.org);
    expect(cs).toMatchObject({ state: 'pending', held: ['preview'] });
    expect(cs!.lines[0]).toMatchObject({ current: before, desired: before + 3 });
    expect(await quantityOf(l)).toBe(before);

    await approve(admin, [cs!.id]);
    expect(await quantityOf(l)).toBe(before + 3);
    const [applied] = await changeSetsOf(admin, l.org);
    expect(applied).toMatchObject({ id: cs!.id, state: 'applied' });
    const told = await until(
      'the vendor told of both',
      async () => vendor.got.map((r) => JSON.parse(r.body)).filter((e) => e.data.changeSet.id === cs!.id),
      (events) => events.length === 2,
    );
    expect(told.map((e) => e.type).sort()).toEqual(['billing.applied', 'billing.pending_approval']);
    expect(told.find((e) => e.type === 'billing.pending_approval').data).toMatchObject({
      organization: { id: l.org, externalId: l.ext },
      changeSet: { connectionId: conn, held: ['preview'] },
    });
    expect(told.find((e) => e.type === 'billing.applied').data.changeSet).toMatchObject({ writes: 1 });
    const history = await admin.get(`/api/v1/organizations/${l.org}/billing-history`);
    expect(history.body.items[0]).toMatchObject({
      before,
      after: before + 3,
      outcome: 'ok',
      approvedHow: 'user',
      approvedBy: expect.stringContaining('@example.com'),
    });
    const usage = await admin.get(`/api/v1/organizations/${l.org}/usage`);
    expect(usage.body.items).toEqual([
      expect.objectContaining({
        plan: expect.objectContaining({ id: planId, unit: 'seat' }),
        quantity: before + 3,
      }),
    ]);
    const log = await admin.get(`/api/v1/deliveries?action=billing&organizationId=${l.org}`);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ outcome: 'ok', action: 'billing' });
    expect(log.body.items[0].answer).toContain(`${before} → ${before + 3}`);
  });
});

describe('auto mode', () => {
  let l: Linked;
  beforeAll(async () => {
    expect((await settings({ mode: 'auto' })).status).toBe(200);
    l = await linkedOrg();
    // The seed's line holds 5–24: going to 20 may be over the 50 % threshold, so approve it.
    await sendUsage(t.source, l.ext, planExt, 20);
    await syncNow(admin, conn, l.org);
    const [first] = await changeSetsOf(admin, l.org);
    if (first?.state === 'pending') await approve(admin, [first.id]);
  });

  it('writes increases and decreases at once, and nothing when nothing changed', async () => {
    expect(await quantityOf(l)).toBe(20);
    await sendUsage(t.source, l.ext, planExt, 24);
    expect((await syncNow(admin, conn, l.org)).writes).toBe(1);
    expect(await quantityOf(l)).toBe(24);
    await sendUsage(t.source, l.ext, planExt, 22);
    await syncNow(admin, conn, l.org);
    expect(await quantityOf(l)).toBe(22);
    const again = await syncNow(admin, conn, l.org);
    expect(again).toMatchObject({ writes: 0, changeSets: 0 });
    await sendUsage(t.source, l.ext, planExt, 22, 'unchanged');
  });

  it('holds a drop to zero; a rejection writes nothing and is not proposed again', async () => {
    await sendUsage(t.source, l.ext, planExt, 0);
    await syncNow(admin, conn, l.org);
    const [cs] = await changeSetsOf(admin, l.org);
    expect(cs).toMatchObject({ state: 'pending', held: ['drop_to_zero'] });
    expect(await quantityOf(l)).toBe(22);
    const rejected = await admin.post('/api/v1/billing/change-sets/reject', { ids: [cs!.id] });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body.decided).toBe(1);
    expect((await syncNow(admin, conn, l.org)).changeSets).toBe(0);
    expect((await changeSetsOf(admin, l.org))[0]).toMatchObject({ id: cs!.id, state: 'rejected' });
    expect(await quantityOf(l)).toBe(22);
    // Deciding it twice is refused, naming its state.
    const twice = await admin.post('/api/v1/billing/change-sets/approve', { ids: [cs!.id] });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('rejected, not pending');
  });

  it('holds a change over the threshold until approved; a newer one supersedes it', async () => {
    await sendUsage(t.source, l.ext, planExt, 40);
    await syncNow(admin, conn, l.org);
    const [first] = await changeSetsOf(admin, l.org);
    expect(first).toMatchObject({ state: 'pending', held: ['threshold'] });
    expect(first!.lines[0]!.reason).toMatch(/82 % is over the 50 % threshold/);
    await sendUsage(t.source, l.ext, planExt, 41);
    await syncNow(admin, conn, l.org);
    const [second, old] = await changeSetsOf(admin, l.org);
    expect(old).toMatchObject({ id: first!.id, state: 'superseded' });
    expect(second).toMatchObject({ state: 'pending', held: ['threshold'] });
    // The same change still wanted: kept, not made again.
    await syncNow(admin, conn, l.org);
    expect((await changeSetsOf(admin, l.org))[0]!.id).toBe(second!.id);
    await approve(admin, [second!.id]);
    expect(await quantityOf(l)).toBe(41);
  });

  it('holds a hand edit in the PSA, showing both numbers, and overwrites it when the policy says', async () => {
    const agreementId = l.targetId.split(':')[0];
    await cwApi(cw, 'PATCH', `finance/agreements/${agreementId}/additions/${l.additionId}`, [
      { op: 'replace', path: 'quantity', value: 45 },
    ]);
    await sendUsage(t.source, l.ext, planExt, 42);
    await syncNow(admin, conn, l.org);
    const [held] = await changeSetsOf(admin, l.org);
    expect(held).toMatchObject({ state: 'pending', held: ['drift'] });
    expect(held!.lines[0]!.drift).toMatchObject({ psaQuantity: 45, hubQuantity: 41 });
    expect(await quantityOf(l)).toBe(45);
    expect((await settings({ driftPolicy: 'overwrite' })).status).toBe(200);
    await syncNow(admin, conn, l.org);
    expect(await quantityOf(l)).toBe(42);
    const [applied, superseded] = await changeSetsOf(admin, l.org);
    expect(applied).toMatchObject({ state: 'applied' });
    expect(applied!.lines[0]!.reason).toContain('overwritten');
    expect(superseded).toMatchObject({ id: held!.id, state: 'superseded' });
    await settings({ driftPolicy: 'hold' });
  });
});

describe('a billing record gone from the PSA', () => {
  it('writes nothing, holds the change set with the reason, and link health says why', async () => {
    await settings({ mode: 'auto' });
    const l = await linkedOrg();
    const [agreementId] = l.targetId.split(':');
    // Cancelled yesterday: ConnectWise keeps the row, and it bills no more.
    await cwApi(cw, 'PATCH', `finance/agreements/${agreementId}/additions/${l.additionId}`, [
      { op: 'replace', path: 'cancelledDate', value: new Date(Date.now() - 86_400_000).toISOString() },
    ]);
    await sendUsage(t.source, l.ext, planExt, 7);
    expect((await syncNow(admin, conn, l.org)).writes).toBe(0);
    const [cs] = await changeSetsOf(admin, l.org);
    expect(cs).toMatchObject({ state: 'pending', held: ['target_gone'] });
    expect(cs!.lines[0]).toMatchObject({ current: null, write: null });
    const link = await admin.get(`/api/v1/organizations/${l.org}/link`);
    expect(link.body.link).toMatchObject({ health: 'invalid', healthDetail: expect.stringMatching(/gone/) });
  });
});

describe('rules', () => {
  it('bills less included, rounded to a step, at least the minimum, with price and description', async () => {
    await settings({ mode: 'auto', approvalThresholdPercent: 1000 });
    const l = await linkedOrg();
    const before = await addition(l);
    const rules = await admin.put(`/api/v1/connections/${conn}/plan-links/${planId}/billing-rules`, {
      includedQuantity: 5,
      step: 5,
      rounding: 'up',
      minimum: 10,
      unitPrice: 9.5,
      descriptionTemplate: '{plan} — {quantity} {unit} as of {date}',
    });
    expect(rules.status, rules.text).toBe(200);
    await sendUsage(t.source, l.ext, planExt, 23, 'accepted', '2026-12-01T06:00:00Z');
    await syncNow(admin, conn, l.org);
    const after = await addition(l);
    expect(after).toMatchObject({
      quantity: 20,
      unitPrice: 9.5,
      unitCost: before.unitCost,
      invoiceDescription: `Plan planA ${tree.tag} — 20 seat as of 2026-12-01`,
    });
    await sendUsage(t.source, l.ext, planExt, 7);
    await syncNow(admin, conn, l.org);
    expect(await quantityOf(l)).toBe(10);

    // One organization's override: nothing included for it.
    const own = await admin.put(`/api/v1/organizations/${l.org}/link/billing-rules/${planId}`, {
      includedQuantity: 0,
    });
    expect(own.status, own.text).toBe(200);
    expect(own.body.effective).toMatchObject({ includedQuantity: 0, step: 5, minimum: 10 });
    await sendUsage(t.source, l.ext, planExt, 11);
    await syncNow(admin, conn, l.org);
    expect(await quantityOf(l)).toBe(15);
    await admin.put(`/api/v1/connections/${conn}/plan-links/${planId}/billing-rules`, {});
  });

  it('refuses bad rules naming the field, and keeps the old ones', async () => {
    const before = await admin.get(`/api/v1/connections/${conn}/plan-links/${planId}/billing-rules`);
    for (const [body, path] of [
      [{ step: 0 }, 'body/step'],
      [{ multiplier: -1 }, 'body/multiplier'],
      [{ descriptionTemplate: '{plan} {price}' }, 'body/descriptionTemplate'],
      [{ descriptionTemplate: 'a\u0000b' }, 'body/descriptionTemplate'],
      [{ rounding: 'sideways' }, 'body/rounding'],
      [{ extra: 1 }, 'body'],
    ] as const) {
      const res = await admin.put(`/api/v1/connections/${conn}/plan-links/${planId}/billing-rules`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.error), JSON.stringify(body)).toContain(path);
    }
    const after = await admin.get(`/api/v1/connections/${conn}/plan-links/${planId}/billing-rules`);
    expect(after.body).toEqual(before.body);
  });
});

describe('settings', () => {
  it('refuses bad settings naming the field, and a sync while billing is off', async () => {
    const before = (await admin.get(`/api/v1/connections/${conn}/billing-settings`)).body;
    for (const body of [
      { mode: 'sometimes' },
      { approvalThresholdPercent: -1 },
      { schedule: { kind: 'weekly' } },
      { schedule: { dayOfMonth: 31 } },
      { schedule: { hour: 24 } },
      { schedule: { utcOffsetMinutes: 100000 } },
    ]) {
      const res = await settings(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await admin.get(`/api/v1/connections/${conn}/billing-settings`)).body).toEqual(before);
    await settings({ mode: 'off' });
    const sync = await admin.post(`/api/v1/connections/${conn}/billing/sync`, {});
    expect(sync.status).toBe(409);
    expect(sync.body.error.message).toMatch(/Billing is off/);
    await settings({ mode: 'auto' });
  });

  it('a viewer reads billing but cannot approve, sync or change it', async () => {
    const viewer = await t.userClient(tree.partners.resA, 'viewer');
    expect((await viewer.get(`/api/v1/billing/change-sets?connectionId=${conn}`)).status).toBe(200);
    expect((await viewer.post(`/api/v1/connections/${conn}/billing/sync`, {})).status).toBe(403);
    expect((await viewer.put(`/api/v1/connections/${conn}/billing-settings`, { mode: 'off' })).status).toBe(
      403,
    );
  });
});

describe('the billing report', () => {
  it('lists each billed line of the partner as CSV', async () => {
    const res = await admin.get(`/api/v1/partners/${tree.partners.resA}/billing-report.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'organization,organizationExternalId,partner,psa,connection,company,plan,unit,product,billingRecord,usage,usageAsOf,quantity,unitPrice,lastWritten',
    );
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.some((l) => l.includes('Billing org 1') && l.includes(',connectwise,'))).toBe(true);
  });
});
