// Tenant isolation, walked over the registered route list: every Partner API route is called by a
// user of one partner against another partner's records, and by a sub-reseller against its parent's.
// A route added later is covered automatically; one with an :id it does not classify fails here.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerRoutes } from '../../src/api/routes.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { RouteDef } from '../../src/api/route.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

type Kind = NonNullable<RouteDef['params']>[string];
type Targets = Record<Kind, string> & { names: string[] };

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let ownerA: Client & { userId: string };
let ownerSub: Client & { userId: string };
let viewerA: Client & { userId: string };
/** Records of partner B, as seen from A; records of reseller A, as seen from its sub-reseller. */
let ofB: Targets;
let ofParent: Targets;
let sim: RunningSimulator;

async function planId(externalId: string): Promise<string> {
  return (
    await t.hub.db.query<{ id: string }>('SELECT id FROM plans WHERE external_id = $1', [externalId])
  )[0]!.id;
}

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  ownerA = await t.userClient(tree.partners.resA, 'owner');
  ownerSub = await t.userClient(tree.partners.subA, 'owner');
  viewerA = await t.userClient(tree.partners.resA, 'viewer');
  const ownerB = await t.userClient(tree.partners.resB, 'owner');
  const tokenB = await ownerB.post('/api/v1/me/tokens', { name: 'B token' });
  const tokenA = await ownerA.post('/api/v1/me/tokens', { name: 'A token' });
  const key = (await t.operator.get('/api/v1/source-keys')).body.items[0].id;
  sim = await startSimulator('halopsa', { port: 0 });
  const connect = async (partnerId: string) => {
    const res = await t.operator.post('/api/v1/connections', {
      partnerId,
      kind: 'halopsa',
      name: 'Halo',
      siteUrl: sim.url,
      credentials: sim.credentials,
    });
    if (res.status !== 201) throw new Error(res.text);
    return res.body.connection.id as string;
  };
  /** An alert with a failed delivery for `orgId`, written as the reconciler would (minimal rows). */
  const alertWithDelivery = async (orgId: string, partnerId: string, connectionId: string) => {
    const [alert] = await t.hub.db.query<{ id: string }>(
      `INSERT INTO alerts (organization_id, key, condition, resource, status, state, wants, waiting_reason,
                           attempts, dead_at, event_count)
       VALUES ($1, $2, 'backup.email', 'ann@example.com', 'failing', '{}',
               '[{"want": {"type": "create_ticket"}, "episode": 1}]', 'Stopped after 1 attempts', 1, now(), 1)
       RETURNING id`,
      [orgId, `isolation:${orgId}`],
    );
    const [delivery] = await t.hub.db.query<{ id: string }>(
      `INSERT INTO deliveries (partner_id, connection_id, organization_id, alert_id, action, request, outcome,
                               answer, duration_ms, attempt)
       VALUES ($1, $2, $3, $4, 'create', '{}', 'dead', 'refused', 5, 1) RETURNING id`,
      [partnerId, connectionId, orgId, alert!.id],
    );
    return { alert: alert!.id, delivery: delivery!.id };
  };
  /** A pending billing change set and a billing run for `orgId` on `connectionId` (minimal rows). */
  const billingFor = async (orgId: string, partnerId: string, connectionId: string) => {
    const [link] = await t.hub.db.query<{ id: string }>(
      `INSERT INTO org_links (organization_id, connection_id, company_id, company_name, method)
       VALUES ($1, $2, '1', 'Isolated company', 'manual') RETURNING id`,
      [orgId, connectionId],
    );
    const [run] = await t.hub.db.query<{ id: string }>(
      `INSERT INTO billing_runs (connection_id, cause, state) VALUES ($1, 'sync_now', 'done') RETURNING id`,
      [connectionId],
    );
    const [cs] = await t.hub.db.query<{ id: string }>(
      `INSERT INTO billing_change_sets (link_id, connection_id, organization_id, partner_id, run_id, state, held, cause)
       VALUES ($1, $2, $3, $4, $5, 'pending', '{preview}', 'sync_now') RETURNING id`,
      [link!.id, connectionId, orgId, partnerId, run!.id],
    );
    return { changeSet: cs!.id, billingRun: run!.id };
  };
  // Webhooks belong to the vendor platform (Source API), not to a partner: no partner route names them.
  const vendorWide = { webhook: randomUUID(), webhookDelivery: randomUUID() };
  const connB = await connect(tree.partners.resB);
  const connA = await connect(tree.partners.resA);
  const logB = await alertWithDelivery(tree.orgs.orgB, tree.partners.resB, connB);
  const logA = await alertWithDelivery(tree.orgs.orgA, tree.partners.resA, connA);
  const billB = await billingFor(tree.orgs.orgB, tree.partners.resB, connB);
  const billA = await billingFor(tree.orgs.orgA, tree.partners.resA, connA);
  ofB = {
    partner: tree.partners.resB,
    user: ownerB.userId,
    organization: tree.orgs.orgB,
    plan: await planId(tree.ext('planB')),
    token: tokenB.body.info.id,
    sourceKey: key,
    ...vendorWide,
    externalPartner: tree.ext('resB'),
    connection: connB,
    psaKind: 'halopsa',
    delivery: logB.delivery,
    alert: logB.alert,
    ...billB,
    names: [`Reseller B ${tree.tag}`, `Org B ${tree.tag}`, `Plan planB ${tree.tag}`],
  };
  ofParent = {
    partner: tree.partners.resA,
    user: ownerA.userId,
    organization: tree.orgs.orgA,
    plan: await planId(tree.ext('planA')),
    token: tokenA.body.info.id,
    sourceKey: key,
    ...vendorWide,
    externalPartner: tree.ext('resA'),
    connection: connA,
    psaKind: 'halopsa',
    delivery: logA.delivery,
    alert: logA.alert,
    ...billA,
    names: [`Reseller A ${tree.tag}`, `Org A ${tree.tag}`, `Plan planA ${tree.tag}`],
  };
});
afterAll(async () => {
  await sim?.stop();
  await t?.stop();
});

// Signing out only ends the caller's own session (and would end the walk's session early).
const guarded = partnerRoutes.filter((r) => r.permission !== 'public' && r.url !== '/api/v1/auth/logout');

function exampleBody(route: RouteDef, targets: Targets): unknown {
  const schema = route.schema.body as { examples?: unknown[] } | undefined;
  if (!schema) return undefined;
  const example = schema.examples?.[0];
  if (example === undefined)
    throw new Error(`${route.method} ${route.url} has a body schema without an example`);
  const body = structuredClone(example) as Record<string, unknown>;
  if ('partnerId' in body) body.partnerId = targets.partner;
  if ('parentId' in body) body.parentId = targets.partner;
  return body;
}

function urlFor(route: RouteDef, targets: Targets): string {
  // A route with a required query string names an example of it, as body schemas do.
  const query = (route.schema.querystring as { examples?: Record<string, string>[] } | undefined)
    ?.examples?.[0];
  const search = query ? `?${new URLSearchParams(query).toString()}` : '';
  return pathFor(route, targets) + search;
}

function pathFor(route: RouteDef, targets: Targets): string {
  return route.url.replace(/:(\w+)/g, (_m, name: string) => {
    const kind = route.params?.[name];
    if (!kind) throw new Error(`${route.method} ${route.url}: declare what :${name} names in "params"`);
    return targets[kind];
  });
}

async function expectNoReach(caller: Client, route: RouteDef, targets: Targets) {
  const body = exampleBody(route, targets);
  const res = await caller.request(route.method, urlFor(route, targets), body);
  const label = `${route.method} ${route.url} → ${res.status} ${res.text.slice(0, 200)}`;
  const aimed = route.url.includes(':') || JSON.stringify(body ?? {}).includes(targets.partner);
  if (aimed) {
    expect([403, 404, 409, 422], label).toContain(res.status);
  } else {
    // Lists and the caller's own records: answered, but without the other side's records.
    expect(res.status, label).toBeLessThan(500);
    expect(res.status, label).not.toBe(401);
    for (const id of [
      targets.partner,
      targets.organization,
      targets.plan,
      targets.user,
      targets.token,
      targets.connection,
      targets.delivery,
      targets.alert,
      targets.changeSet,
      targets.billingRun,
    ]) {
      expect(res.text, `${label} leaks ${id}`).not.toContain(id);
    }
    for (const name of targets.names) expect(res.text, `${label} leaks ${name}`).not.toContain(name);
  }
}

describe('tenant isolation over every Partner API route', () => {
  it('covers every route the app registered', () => {
    for (const r of partnerRoutes)
      expect(t.hub.app!.hasRoute({ method: r.method, url: r.url }), r.url).toBe(true);
    expect(guarded.length).toBeGreaterThan(15);
  });

  it.each(guarded.map((r) => [`${r.method} ${r.url}`, r] as const))(
    'another partner cannot reach B: %s',
    async (_n, route) => {
      await expectNoReach(ownerA, route, ofB);
    },
  );

  it.each(guarded.map((r) => [`${r.method} ${r.url}`, r] as const))(
    'a sub-reseller cannot reach its parent: %s',
    async (_n, route) => {
      await expectNoReach(ownerSub, route, ofParent);
    },
  );

  it.each(guarded.filter((r) => r.permission !== 'member').map((r) => [`${r.method} ${r.url}`, r] as const))(
    'a viewer is refused: %s',
    async (_n, route) => {
      const own: Targets = { ...ofParent, partner: tree.partners.resA };
      const res = await viewerA.request(route.method, urlFor(route, own), exampleBody(route, own));
      expect(res.status).toBe(403);
    },
  );

  it('left B untouched', async () => {
    expect((await t.operator.get(`/api/v1/users/${ofB.user}`)).status).toBe(200);
    expect((await t.operator.get(`/api/v1/partners/${ofB.partner}`)).body.name).toBe(
      `Reseller B ${tree.tag}`,
    );
    const tokens = await t.hub.db.query('SELECT 1 FROM access_tokens WHERE id = $1 AND revoked_at IS NULL', [
      ofB.token,
    ]);
    expect(tokens).toHaveLength(1);
    const alerts = await t.hub.db.query('SELECT 1 FROM alerts WHERE id = $1 AND dead_at IS NOT NULL', [
      ofB.alert,
    ]);
    expect(alerts).toHaveLength(1);
    const pending = await t.hub.db.query(
      "SELECT 1 FROM billing_change_sets WHERE id = $1 AND state = 'pending'",
      [ofB.changeSet],
    );
    expect(pending).toHaveLength(1);
  });
});
