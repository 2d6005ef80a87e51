// Usage over the Source API: snapshots accepted, unchanged, stale or rejected item by item; a
// malformed batch refused whole with a 400 naming the field; nothing stored from refused input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let orgA: string;
let planA: string;
beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  orgA = tree.ext('orgA');
  planA = tree.ext('planA');
});
afterAll(async () => t?.stop());

const usageRows = () => t.hub.db.query('SELECT * FROM usage ORDER BY organization_id, plan_id');
const post = (usage: unknown) => t.source.post('/api/v1/source/usage', { usage });
const item = (quantity: unknown, asOf: string = new Date().toISOString(), extra: object = {}) => ({
  organizationId: orgA,
  planId: planA,
  quantity,
  asOf,
  ...extra,
});

describe('usage snapshots', () => {
  it('accepts, then reports a repeat unchanged and an older one stale, and shows the current usage', async () => {
    const t0 = '2026-12-01T06:00:00Z';
    expect((await post([item(12, t0)])).body).toMatchObject({
      accepted: 1,
      unchanged: 0,
      stale: 0,
      rejected: 0,
    });
    expect((await post([item(12, '2026-12-01T07:00:00Z')])).body.results[0].status).toBe('unchanged');
    const stale = await post([item(99, '2026-11-30T00:00:00Z')]);
    expect(stale.body.results[0]).toMatchObject({ status: 'stale' });
    expect(stale.body.results[0].reason).toContain('2026-12-01T07:00:00.000Z');
    const got = await t.source.get(`/api/v1/source/organizations/${orgA}/usage`);
    expect(got.status).toBe(200);
    expect(got.body.usage).toEqual([
      expect.objectContaining({
        planId: planA,
        quantity: 12,
        unit: 'seat',
        asOf: '2026-12-01T07:00:00.000Z',
      }),
    ]);
    // The organization is not linked: kept, and said so.
    const kept = await post([item(13, '2026-12-01T08:00:00Z')]);
    expect(kept.body.results[0]).toMatchObject({ status: 'accepted' });
    expect(kept.body.results[0].reason).toMatch(/kept; billing waits: .*not linked/);
  });

  it('takes the newest of one pair in a batch, whatever the order', async () => {
    const res = await post([
      item(20, '2026-12-02T10:00:00Z'),
      item(21, '2026-12-02T11:00:00Z'),
      item(19, '2026-12-02T09:00:00Z'),
    ]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['stale', 'accepted', 'stale']);
    const [row] = await usageRows();
    expect(Number(row!.quantity)).toBe(21);
  });

  it('rejects an item it cannot place, with the reason, and stores the rest', async () => {
    const before = await usageRows();
    const future = new Date(Date.now() + 11 * 60_000).toISOString();
    const res = await post([
      item(1, undefined, { organizationId: 'no-such-org' }),
      item(1, undefined, { planId: 'no-such-plan' }),
      item(1, undefined, { planId: tree.ext('planB') }),
      item(1.2345),
      item(1, future),
    ]);
    expect(res.status).toBe(202);
    expect(res.body.rejected).toBe(5);
    expect(res.body.results.map((r: { reason: string }) => r.reason)).toEqual([
      'organizationId: no organization "no-such-org"',
      'planId: no plan "no-such-plan"',
      `planId: plan "${tree.ext('planB')}" is not assigned to the organization's partner`,
      'quantity: at most 3 decimals',
      'asOf: more than 10 minutes in the future',
    ]);
    expect(await usageRows()).toEqual(before);
  });

  it('refuses a malformed batch whole with a 400 naming the field, storing nothing', async () => {
    const before = await usageRows();
    const cases: [unknown, RegExp][] = [
      [[item(-1)], /quantity/],
      [[item('NaN')], /quantity/],
      [[item('12')], /quantity/],
      [[item(1e12)], /quantity/],
      [[item(1, 'yesterday')], /asOf/],
      [[item(1, undefined, { unit: 'seat' })], /unit|additional/i],
      [[{ organizationId: orgA, quantity: 1, asOf: new Date().toISOString() }], /planId/],
      [[item(1, undefined, { organizationId: 'a\u0000b' })], /organizationId/],
      [[], /usage/],
      [Array.from({ length: 1001 }, () => item(1)), /usage/],
    ];
    for (const [usage, field] of cases) {
      const res = await post(usage);
      expect(res.status, JSON.stringify(usage).slice(0, 100)).toBe(400);
      expect(JSON.stringify(res.body.error), JSON.stringify(usage).slice(0, 100)).toMatch(field);
    }
    expect((await t.source.post('/api/v1/source/usage', { usage: [item(1)], extra: true })).status).toBe(400);
    expect(await usageRows()).toEqual(before);
  });

  it('is for the source key only', async () => {
    const owner = await t.userClient(tree.partners.resA, 'owner');
    expect((await owner.post('/api/v1/source/usage', { usage: [item(1)] })).status).toBe(401);
    expect((await t.client().post('/api/v1/source/usage', { usage: [item(1)] })).status).toBe(401);
    expect((await t.source.get('/api/v1/source/organizations/no-such-org/usage')).status).toBe(404);
  });
});
