import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
});
afterAll(async () => t?.stop());

describe('reads scoped to the subtree', () => {
  it('shows a reseller its own partner and its sub-reseller, not its sibling or parent', async () => {
    const c = await t.userClient(tree.partners.resA, 'viewer');
    const ids = (await c.get('/api/v1/partners')).body.items.map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual([tree.partners.resA, tree.partners.subA].sort());
    const orgs = (await c.get('/api/v1/organizations')).body.items.map((o: { id: string }) => o.id).sort();
    expect(orgs).toEqual([tree.orgs.orgA, tree.orgs.orgSub].sort());
    const plans = (await c.get('/api/v1/plans')).body.items
      .map((p: { externalId: string }) => p.externalId)
      .sort();
    expect(plans).toEqual([tree.ext('planA'), tree.ext('planSub')].sort());
  });

  it('searches and pages with a cursor', async () => {
    await t.source.post('/api/v1/source/organizations/batch', {
      items: Array.from({ length: 7 }, (_, i) => ({
        externalId: `page-${i}`,
        name: `Paged Org ${i}`,
        partnerExternalId: tree.ext('resB'),
      })),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/organizations?q=Paged&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await t.operator.get(query);
      seen.push(...page.body.items.map((o: { name: string }) => o.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `Paged Org ${i}`));
    expect(
      (await t.operator.get('/api/v1/organizations?q=a.example.com')).body.items.map(
        (o: { id: string }) => o.id,
      ),
    ).toEqual([tree.orgs.orgA]);
    const bad = await t.operator.get('/api/v1/organizations?cursor=garbage');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('querystring/cursor');
    const badLimit = await t.operator.get('/api/v1/organizations?limit=9999');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.details[0].path).toBe('querystring/limit');
  });

  it('answers a bad id with 400 and an unknown one with 404', async () => {
    expect((await t.operator.get('/api/v1/partners/not-a-uuid')).status).toBe(400);
    const missing = await t.operator.get('/api/v1/partners/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});

describe('partners: operators write', () => {
  it('lets operators create and move partners, and nobody else', async () => {
    const created = await t.operator.post('/api/v1/partners', { name: 'Direct Co', kind: 'direct_reseller' });
    expect(created.status).toBe(201);
    const moved = await t.operator.put(`/api/v1/partners/${created.body.id}`, {
      name: 'Direct Co',
      kind: 'direct_reseller',
      parentId: tree.partners.dist,
    });
    expect(moved.body.parentId).toBe(tree.partners.dist);
    const owner = await t.userClient(tree.partners.dist, 'owner');
    const refused = await owner.post('/api/v1/partners', { name: 'Nope', kind: 'direct_reseller' });
    expect(refused.status).toBe(403);
    const underItself = await t.operator.put(`/api/v1/partners/${tree.partners.dist}`, {
      name: 'Loop',
      kind: 'distributor',
      parentId: tree.partners.resA,
    });
    expect(underItself.status).toBe(422);
  });
});

describe('users: owners and super admins manage their subtree', () => {
  it('lets an owner add a user below it, but not above its own role or outside its subtree', async () => {
    const owner = await t.userClient(tree.partners.resA, 'owner');
    const sub = await owner.post('/api/v1/users', {
      email: 'sub-admin@example.com',
      name: 'Sub Admin',
      partnerId: tree.partners.subA,
      role: 'admin',
    });
    expect(sub.status).toBe(201);
    expect(sub.body.user.mustChangePassword).toBe(true);
    const sibling = await owner.post('/api/v1/users', {
      email: 'sibling@example.com',
      name: 'Sibling',
      partnerId: tree.partners.resB,
      role: 'admin',
    });
    expect(sibling.status).toBe(422);
    const dup = await owner.post('/api/v1/users', {
      email: 'SUB-ADMIN@example.com',
      name: 'Dup',
      partnerId: tree.partners.subA,
      role: 'viewer',
    });
    expect(dup.status).toBe(409);

    const superAdmin = await t.userClient(tree.partners.resA, 'super_admin');
    const makeOwner = await superAdmin.post('/api/v1/users', {
      email: 'would-be-owner@example.com',
      name: 'Owner?',
      partnerId: tree.partners.resA,
      role: 'owner',
    });
    expect(makeOwner.status).toBe(403);
    expect((await superAdmin.patch(`/api/v1/users/${owner.userId}`, { name: 'Renamed' })).status).toBe(403);

    const admin = await t.userClient(tree.partners.resA, 'admin');
    expect(
      (
        await admin.post('/api/v1/users', {
          email: 'x@example.com',
          name: 'X',
          partnerId: tree.partners.resA,
          role: 'viewer',
        })
      ).status,
    ).toBe(403);
  });

  it('keeps the last owner and refuses changing your own role', async () => {
    const owner = await t.userClient(tree.partners.resB, 'owner');
    expect((await owner.patch(`/api/v1/users/${owner.userId}`, { role: 'viewer' })).status).toBe(403);
    const demote = await t.operator.patch(`/api/v1/users/${owner.userId}`, { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toContain('last owner');
    const viewer = await t.userClient(tree.partners.resB, 'viewer');
    expect((await owner.delete(`/api/v1/users/${viewer.userId}`)).status).toBe(204);
    expect((await viewer.get('/api/v1/me')).status).toBe(401);
  });

  it('refuses an empty patch and unknown fields', async () => {
    const owner = await t.userClient(tree.partners.subA, 'owner');
    expect((await t.operator.patch(`/api/v1/users/${owner.userId}`, {})).status).toBe(400);
    const res = await t.operator.patch(`/api/v1/users/${owner.userId}`, { role: 'viewer', password: 'x' });
    expect(res.body.error.message).toBe('body: unknown field "password"');
  });
});

describe('audit', () => {
  it('records who changed what', async () => {
    const rows = await t.hub.db.query<{ action: string; actor_kind: string }>(
      `SELECT action, actor_kind FROM audit_log WHERE action IN ('partner.created', 'user.created', 'organization.created')`,
    );
    expect(rows.some((r) => r.action === 'partner.created' && r.actor_kind === 'operator')).toBe(true);
    expect(rows.some((r) => r.action === 'organization.created' && r.actor_kind === 'source')).toBe(true);
  });
});
