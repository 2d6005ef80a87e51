// Billing schedules with the tick's clock moved by the test: on change (debounced after the last
// usage change, at most one write per line per interval), daily at an hour, monthly on the last day.
// The runs the tick starts go through the job queue to the ConnectWise simulator over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickBilling } from '../../src/jobs/billing-jobs.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { until } from '../support/alerts.ts';
import { billingCompanies, runDone, sendUsage, targetsOf } from '../support/billing.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

const MINUTE = 60_000;
let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let cw: RunningSimulator;
let conn: string;
let planId: string;
let ext: string;
let companyId: string;
let targetId: string;

const quantity = async () =>
  (await targetsOf(admin, conn, companyId)).find((x) => x.id === targetId)!.quantity;
const tick = (at: Date) => tickBilling({ ...t.hub.deps, now: () => at }, t.hub.queue);
const runs = async () =>
  t.hub.db.query<{ id: string; cause: string }>(
    'SELECT id, cause FROM billing_runs WHERE connection_id = $1 ORDER BY created_at, id',
    [conn],
  );
/** The tick at `at` starts exactly one run of `cause`, which is then waited for. */
async function tickStarts(at: Date, cause: string) {
  const before = (await runs()).length;
  expect(await tick(at)).toBe(1);
  const all = await runs();
  expect(all).toHaveLength(before + 1);
  expect(all.at(-1)!.cause).toBe(cause);
  return runDone(admin, all.at(-1)!.id);
}
const schedule = (s: Record<string, unknown>) =>
  admin.put(`/api/v1/connections/${conn}/billing-settings`, { schedule: s }).then((r) => {
    expect(r.status, r.text).toBe(200);
  });

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  cw = await startSimulator('connectwise', { port: 0 });
  const res = await admin.post('/api/v1/connections', {
    partnerId: tree.partners.resA,
    kind: 'connectwise',
    name: 'CW schedules',
    siteUrl: cw.url,
    credentials: cw.credentials,
  });
  conn = res.body.connection.id;
  planId = (
    await t.hub.db.query<{ id: string }>('SELECT id FROM plans WHERE external_id = $1', [tree.ext('planA')])
  )[0]!.id;
  [{ companyId }] = (await billingCompanies(cw.url, 1)) as [{ companyId: string }];
  const [target] = await targetsOf(admin, conn, companyId);
  targetId = target!.id;
  await admin.put(`/api/v1/connections/${conn}/plan-links/${planId}`, { productId: target!.productId });
  ext = tree.ext('sched');
  const org = await t.source.put(`/api/v1/source/organizations/${ext}`, {
    name: 'Scheduled org',
    partnerExternalId: tree.ext('resA'),
    planExternalIds: [tree.ext('planA')],
  });
  const linked = await admin.put(`/api/v1/organizations/${org.body.id}/link`, {
    connectionId: conn,
    companyId,
    billing: [{ planId, targetId }],
  });
  expect(linked.status, linked.text).toBe(200);
  await admin.put(`/api/v1/connections/${conn}/billing-settings`, {
    mode: 'auto',
    approvalThresholdPercent: 10000,
    schedule: { kind: 'on_change', debounceMinutes: 10, minIntervalHours: 12 },
  });
});
afterAll(async () => {
  await cw?.stop();
  await t?.stop();
});

describe('on change', () => {
  it('waits out the debounce after the last change, then writes', async () => {
    const sent = Date.now();
    await sendUsage(t.source, ext, tree.ext('planA'), 30);
    expect(await tick(new Date(sent + 5 * MINUTE))).toBe(0);
    // Another change restarts the wait.
    await sendUsage(t.source, ext, tree.ext('planA'), 31);
    const last = Date.now();
    expect(await tick(new Date(last + 9 * MINUTE))).toBe(0);
    expect(await quantity()).not.toBe(31);
    const run = await tickStarts(new Date(last + 11 * MINUTE), 'on_change');
    expect(run).toMatchObject({ linksTotal: 1, writes: 1 });
    expect(await quantity()).toBe(31);
    expect(await tick(new Date(last + 12 * MINUTE))).toBe(0);
  });

  it('writes a line at most once per interval, and the rest when it has passed', async () => {
    await sendUsage(t.source, ext, tree.ext('planA'), 35);
    const sent = Date.now();
    expect((await tickStarts(new Date(sent + 11 * MINUTE), 'on_change')).writes).toBe(0);
    expect(await quantity()).toBe(31);
    const due = await t.hub.db.query<{ due_at: Date }>('SELECT due_at FROM billing_due');
    expect(due[0]!.due_at.getTime()).toBeGreaterThan(sent + 11 * 3600_000);
    expect(await tick(new Date(sent + 6 * 3600_000))).toBe(0);
    expect((await tickStarts(new Date(sent + 13 * 3600_000), 'on_change')).writes).toBe(1);
    expect(await quantity()).toBe(35);
  });
});

describe('daily and monthly', () => {
  it('runs daily at the hour in the partner’s time, once a day', async () => {
    await schedule({ kind: 'daily', hour: 2, utcOffsetMinutes: -300 });
    await sendUsage(t.source, ext, tree.ext('planA'), 40);
    const now = new Date();
    // The next 07:00 UTC (02:00 at UTC-5) after the settings were saved.
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7));
    if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
    expect(await tick(new Date(next.getTime() - MINUTE))).toBe(0);
    expect((await tickStarts(new Date(next.getTime() + MINUTE), 'daily')).writes).toBe(1);
    expect(await quantity()).toBe(40);
    expect(await tick(new Date(next.getTime() + 5 * MINUTE))).toBe(0);
    await tickStarts(new Date(next.getTime() + 24 * 60 * MINUTE + MINUTE), 'daily');
  });

  it('runs monthly on the last day of the month', async () => {
    await schedule({ kind: 'monthly', dayOfMonth: 'last', hour: 0, utcOffsetMinutes: 0 });
    await sendUsage(t.source, ext, tree.ext('planA'), 41);
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
    if (last <= now) last.setUTCMonth(last.getUTCMonth() + 2, 0);
    expect(await tick(new Date(last.getTime() - MINUTE))).toBe(0);
    expect((await tickStarts(new Date(last.getTime() + MINUTE), 'monthly')).writes).toBe(1);
    expect(await tick(new Date(last.getTime() + 24 * 60 * MINUTE))).toBe(0);
    expect(await until('quantity', quantity, (q) => q === 41)).toBe(41);
  });
});
