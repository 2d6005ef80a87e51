import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t?.stop());

const count = async (table: string) =>
  (await t.hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

describe('Source API upserts', () => {
  it('creates, then reports unchanged, then updated (idempotent PUT)', async () => {
    const path = '/api/v1/source/plans/plan-idem';
    const first = await t.source.put(path, { name: 'Backup', unit: 'seat' });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('created');
    const again = await t.source.put(path, { name: 'Backup', unit: 'seat' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'unchanged', id: first.body.id });
    const changed = await t.source.put(path, { name: 'Backup Pro', unit: 'seat' });
    expect(changed.body).toEqual({ status: 'updated', id: first.body.id });
  });

  it('applies a partner batch parents-first whatever the order, and moves a subtree', async () => {
    const tree = await seedTree(t.source);
    const sub = await t.operator.get(`/api/v1/partners/${tree.partners.subA}`);
    expect(sub.body.parentId).toBe(tree.partners.resA);
    // Move reseller A under a new distributor: its sub-reseller comes along.
    await t.source.put('/api/v1/source/partners/dist2-' + tree.tag, { name: 'Dist 2', kind: 'distributor' });
    const moved = await t.source.put(`/api/v1/source/partners/${tree.ext('resA')}`, {
      name: `Reseller A ${tree.tag}`,
      kind: 'direct_reseller',
      parentExternalId: 'dist2-' + tree.tag,
    });
    expect(moved.body.status).toBe('updated');
    const paths = await t.hub.db.query<{ id: string; path: string }>(
      'SELECT id, path FROM partners WHERE id = ANY($1)',
      [[tree.partners.subA, tree.partners.resA]],
    );
    const resAPath = paths.find((p) => p.id === tree.partners.resA)!.path;
    expect(paths.find((p) => p.id === tree.partners.subA)!.path.startsWith(resAPath)).toBe(true);
  });

  it('reports partial failures per item and writes only the good ones', async () => {
    const before = await count('organizations');
    await t.source.put('/api/v1/source/partners/p-partial', { name: 'Partial', kind: 'direct_reseller' });
    const res = await t.source.post('/api/v1/source/organizations/batch', {
      items: [
        {
          externalId: 'o-good',
          name: 'Good Org',
          partnerExternalId: 'p-partial',
          domains: ['Good.example.com'],
        },
        { externalId: 'o-bad-partner', name: 'Bad', partnerExternalId: 'nobody' },
        { externalId: 'o-bad-field', name: 'Bad', partnerExternalId: 'p-partial', colour: 'red' },
        { externalId: 'o-bad-type', name: 42, partnerExternalId: 'p-partial' },
        { externalId: 'o-bad-domain', name: 'X', partnerExternalId: 'p-partial', domains: ['not a domain'] },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 4 });
    const byKey = Object.fromEntries(res.body.results.map((r: { key: string }) => [r.key, r]));
    expect(byKey['o-bad-partner'].error.message).toContain('no partner "nobody"');
    expect(byKey['o-bad-field'].error.message).toBe('body/items/2: unknown field "colour"');
    expect(byKey['o-bad-type'].error.message).toContain('body/items/3/name');
    expect(byKey['o-bad-domain'].error.message).toContain('body/items/4/domains/0');
    expect(await count('organizations')).toBe(before + 1);
    const org = await t.hub.db.query<{ domains: string[] }>(
      `SELECT domains FROM organizations WHERE external_id = 'o-good'`,
    );
    expect(org[0]!.domains).toEqual(['good.example.com']);
  });

  it('rejects a plan assignment naming unknown plans, naming them, and keeps the old set', async () => {
    await t.source.put('/api/v1/source/partners/p-plans', { name: 'Plans', kind: 'direct_reseller' });
    await t.source.put('/api/v1/source/plans/pl-1', { name: 'One' });
    expect(
      (await t.source.put('/api/v1/source/partners/p-plans/plans', { planExternalIds: ['pl-1'] })).status,
    ).toBe(201);
    const bad = await t.source.put('/api/v1/source/partners/p-plans/plans', {
      planExternalIds: ['pl-1', 'pl-x', 'pl-y'],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toBe('planExternalIds: no plan "pl-x", "pl-y"');
    const rows = await t.hub.db.query(
      `SELECT 1 FROM partner_plans pp JOIN partners p ON p.id = pp.partner_id WHERE p.external_id = 'p-plans'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses a tree that breaks the rules', async () => {
    await t.source.put('/api/v1/source/partners/p-sub', {
      name: 'Sub',
      kind: 'sub_reseller',
      parentExternalId: 'p-plans',
    });
    const orphan = await t.source.put('/api/v1/source/partners/p-orphan', {
      name: 'Orphan',
      kind: 'sub_reseller',
    });
    expect(orphan.status).toBe(422);
    expect(orphan.body.error.code).toBe('invalid_hierarchy');
    const upward = await t.source.put('/api/v1/source/partners/p-dist-under', {
      name: 'Dist',
      kind: 'distributor',
      parentExternalId: 'p-plans',
    });
    expect(upward.body.error.message).toBe('a distributor cannot sit under a direct_reseller');
    // Demoting a reseller to sub_reseller while it has a sub_reseller below it is refused.
    const demote = await t.source.put('/api/v1/source/partners/p-plans', {
      name: 'Plans',
      kind: 'sub_reseller',
      parentExternalId: 'p-partial',
    });
    expect(demote.status).toBe(422);
    expect(demote.body.error.message).toContain('child "Sub"');
  });
});

describe('Source API bad input: a clear 4xx and nothing written', () => {
  const cases: [string, string, string, unknown, number, string, Record<string, string>?][] = [
    [
      'malformed JSON',
      'PUT',
      '/api/v1/source/plans/x1',
      '{"name": ',
      400,
      'invalid_json',
      { 'content-type': 'application/json' },
    ],
    ['unknown field', 'PUT', '/api/v1/source/plans/x2', { name: 'P', colour: 'red' }, 400, 'invalid_request'],
    ['wrong type', 'PUT', '/api/v1/source/plans/x3', { name: 7 }, 400, 'invalid_request'],
    ['missing field', 'PUT', '/api/v1/source/organizations/x4', { name: 'O' }, 400, 'invalid_request'],
    ['bad kind', 'PUT', '/api/v1/source/partners/x5', { name: 'P', kind: 'king' }, 400, 'invalid_request'],
    ['blank name', 'PUT', '/api/v1/source/plans/x6', { name: '   ' }, 400, 'invalid_request'],
    [
      'not JSON',
      'PUT',
      '/api/v1/source/plans/x7',
      'name=P',
      415,
      'unsupported_media_type',
      { 'content-type': 'text/plain' },
    ],
    [
      'too many items',
      'POST',
      '/api/v1/source/plans/batch',
      { items: Array.from({ length: 1001 }, (_, i) => ({ externalId: `b${i}`, name: 'P' })) },
      400,
      'invalid_request',
    ],
    ['empty batch', 'POST', '/api/v1/source/plans/batch', { items: [] }, 400, 'invalid_request'],
    [
      'oversized body',
      'PUT',
      '/api/v1/source/plans/x8',
      { name: 'P', unit: 'x'.repeat(2 * 1024 * 1024) },
      413,
      'body_too_large',
    ],
  ];
  it.each(cases)('%s', async (_name, method, path, body, status, code, headers) => {
    const before = (await count('plans')) + (await count('partners')) + (await count('organizations'));
    const res = await t.source.request(method, path, body, headers);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(5);
    expect((await count('plans')) + (await count('partners')) + (await count('organizations'))).toBe(before);
  });

  it('names the field that is wrong', async () => {
    const res = await t.source.put('/api/v1/source/plans/x9', { name: 'P', colour: 'red' });
    expect(res.body.error.message).toBe('body: unknown field "colour"');
    const typed = await t.source.put('/api/v1/source/plans/x9', { name: 7 });
    expect(typed.body.error.details[0].path).toBe('body/name');
  });

  it('refuses user credentials on the Source API and a source key on the Partner API', async () => {
    const asUser = await t.operator.put('/api/v1/source/plans/x10', { name: 'P' });
    expect(asUser.status).toBe(401);
    expect(asUser.body.error.code).toBe('wrong_credential_kind');
    const asSource = await t.source.get('/api/v1/partners');
    expect(asSource.status).toBe(401);
    expect(asSource.body.error.message).toContain('Source API');
    const anonymous = await t.client().put('/api/v1/source/plans/x10', { name: 'P' });
    expect(anonymous.status).toBe(401);
    const revoked = t.client({ bearer: 'psah_src_not-a-real-key' });
    expect((await revoked.put('/api/v1/source/plans/x10', { name: 'P' })).body.error.message).toContain(
      'unknown or revoked',
    );
    expect(await t.hub.db.query(`SELECT 1 FROM plans WHERE external_id = 'x10'`)).toHaveLength(0);
  });
});
