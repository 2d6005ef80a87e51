// Plan mapping over the Partner API against the simulators: products come from the PSA's own
// catalog, a plan maps on several PSAs, sub-resellers map what is assigned to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
const sims: Record<string, RunningSimulator> = {};
const conn: Record<string, string> = {};
const planId = async (ext: string) =>
  (await t.hub.db.query<{ id: string }>('SELECT id FROM plans WHERE external_id = $1', [ext]))[0]!.id;

async function connect(c: Client, kind: string, partnerId: string): Promise<string> {
  const res = await c.post('/api/v1/connections', {
    partnerId,
    kind,
    name: kind,
    siteUrl: sims[kind]!.url,
    credentials: sims[kind]!.credentials,
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.connection.id;
}

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  for (const kind of ['connectwise', 'autotask', 'halopsa'] as const)
    sims[kind] = await startSimulator(kind, { port: 0 });
  conn.cw = await connect(admin, 'connectwise', tree.partners.resA);
  conn.at = await connect(admin, 'autotask', tree.partners.resA);
});
afterAll(async () => {
  await Promise.all(Object.values(sims).map((s) => s.stop()));
  await t?.stop();
});

describe('plan mapping', () => {
  it('lists the PSA catalog, searchable, from its cache', async () => {
    const all = await admin.get(`/api/v1/connections/${conn.cw}/products`);
    expect(all.status, all.text).toBe(200);
    expect(all.body.items.length).toBeGreaterThan(3);
    const name = all.body.items[0].name as string;
    const found = await admin.get(
      `/api/v1/connections/${conn.cw}/products?q=${encodeURIComponent(name.slice(0, 5))}`,
    );
    expect(found.body.items.some((p: { name: string }) => p.name === name)).toBe(true);
    expect(found.body.fetchedAt).toBe(all.body.fetchedAt);
  });

  it('maps a plan on two PSAs at once', async () => {
    const planA = await planId(tree.ext('planA'));
    const cwProduct = (await admin.get(`/api/v1/connections/${conn.cw}/products`)).body.items.find(
      (p: { inactive: boolean }) => !p.inactive,
    );
    const atProduct = (await admin.get(`/api/v1/connections/${conn.at}/products`)).body.items.find(
      (p: { inactive: boolean }) => !p.inactive,
    );
    const onCw = await admin.put(`/api/v1/connections/${conn.cw}/plan-links/${planA}`, {
      productId: cwProduct.id,
    });
    expect(onCw.status, onCw.text).toBe(200);
    expect(onCw.body.productName).toBe(cwProduct.name);
    expect(
      (await admin.put(`/api/v1/connections/${conn.at}/plan-links/${planA}`, { productId: atProduct.id }))
        .status,
    ).toBe(200);
    const listed = (await admin.get(`/api/v1/connections/${conn.cw}/plan-links`)).body.items;
    expect(listed).toEqual([
      {
        plan: expect.objectContaining({ id: planA }),
        link: expect.objectContaining({ productId: cwProduct.id }),
      },
    ]);
  });

  it('refuses a plan not assigned to the partner and a product of another connection, writing nothing', async () => {
    const before = await t.hub.db.query('SELECT * FROM plan_links');
    const planB = await planId(tree.ext('planB'));
    const notAssigned = await admin.put(`/api/v1/connections/${conn.cw}/plan-links/${planB}`, {
      productId: '1',
    });
    expect(notAssigned.status).toBe(422);
    expect(notAssigned.body.error.message).toContain('not assigned to this partner');
    const planA = await planId(tree.ext('planA'));
    const atProduct = (await admin.get(`/api/v1/connections/${conn.at}/products`)).body.items[0];
    const foreign = await admin.put(`/api/v1/connections/${conn.cw}/plan-links/${planA}`, {
      productId: atProduct.id,
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details[0].path).toBe('body/productId');
    expect(await t.hub.db.query('SELECT * FROM plan_links')).toEqual(before);
  });

  it('offers Autotask Services only, saying why, and no note where the whole catalog can be mapped', async () => {
    const at = await admin.get(`/api/v1/connections/${conn.at}/products`);
    expect(at.status, at.text).toBe(200);
    expect(at.body.items.length).toBeGreaterThan(0);
    expect(at.body.items.every((p: { id: string }) => p.id.startsWith('service:'))).toBe(true);
    expect(at.body.note).toMatch(/Only Autotask Services.*Recurring Service contracts/);
    expect((await admin.get(`/api/v1/connections/${conn.cw}/products`)).body.note).toBeNull();
  });

  it('refuses an inactive product unless asked explicitly, and then shows a warning on the link', async () => {
    const planA = await planId(tree.ext('planA'));
    const inactive = (await admin.get(`/api/v1/connections/${conn.cw}/products`)).body.items.find(
      (p: { inactive: boolean }) => p.inactive,
    );
    expect(inactive).toBeTruthy();
    const before = await t.hub.db.query('SELECT * FROM plan_links ORDER BY plan_id, connection_id');
    const refused = await admin.put(`/api/v1/connections/${conn.cw}/plan-links/${planA}`, {
      productId: inactive.id,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]).toEqual({
      path: 'body/productId',
      message: expect.stringMatching(/is inactive in connectwise.*allowInactive: true/),
    });
    expect(await t.hub.db.query('SELECT * FROM plan_links ORDER BY plan_id, connection_id')).toEqual(before);

    const asked = await admin.put(`/api/v1/connections/${conn.cw}/plan-links/${planA}`, {
      productId: inactive.id,
      allowInactive: true,
    });
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body.warning).toMatch(/is inactive in the PSA/);
    const listed = (await admin.get(`/api/v1/connections/${conn.cw}/plan-links`)).body.items;
    expect(listed.find((l: { plan: { id: string } }) => l.plan.id === planA).link.warning).toBe(
      asked.body.warning,
    );
    const active = (await admin.get(`/api/v1/connections/${conn.cw}/products`)).body.items.find(
      (p: { inactive: boolean }) => !p.inactive,
    );
    const back = await admin.put(`/api/v1/connections/${conn.cw}/plan-links/${planA}`, {
      productId: active.id,
    });
    expect(back.body.warning).toBeNull();
  });

  it('lets a sub-reseller map the plans assigned to it on its own connection, and not its parent’s', async () => {
    const sub = await t.userClient(tree.partners.subA, 'admin');
    const subConn = await connect(sub, 'halopsa', tree.partners.subA);
    const planSub = await planId(tree.ext('planSub'));
    const product = (await sub.get(`/api/v1/connections/${subConn}/products`)).body.items.find(
      (p: { inactive: boolean }) => !p.inactive,
    );
    expect(
      (await sub.put(`/api/v1/connections/${subConn}/plan-links/${planSub}`, { productId: product.id }))
        .status,
    ).toBe(200);
    expect(
      (await sub.put(`/api/v1/connections/${conn.cw}/plan-links/${planSub}`, { productId: '1' })).status,
    ).toBe(404);
  });

  it('lets viewers read but not map, and unmaps', async () => {
    const viewer = await t.userClient(tree.partners.resA, 'viewer');
    const planA = await planId(tree.ext('planA'));
    expect((await viewer.get(`/api/v1/connections/${conn.cw}/plan-links`)).status).toBe(200);
    expect((await viewer.delete(`/api/v1/connections/${conn.cw}/plan-links/${planA}`)).status).toBe(403);
    expect((await admin.delete(`/api/v1/connections/${conn.cw}/plan-links/${planA}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/connections/${conn.cw}/plan-links/${planA}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/connections/${conn.at}/plan-links`)).body.items[0].link).not.toBeNull();
  });
});
