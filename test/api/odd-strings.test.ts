// A NUL character or a lone surrogate anywhere in a request (body, nested arrays, keys, query
// string, URL parameter) is refused with a 400 naming where, before anything is read or written —
// PostgreSQL cannot store either, so it would otherwise fail deep in a query as a 500. In a Source
// API batch only the one item is rejected, with its reason, and the rest goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
});
afterAll(async () => t?.stop());

describe('NUL characters', () => {
  it.each([
    [
      'PUT',
      '/api/v1/source/organizations/org-nul',
      { name: 'A\u0000B', partnerExternalId: 'x' },
      'body/name',
    ],
    ['PUT', '/api/v1/source/plans/p-1', { name: 'Plan \ud800', unit: 'seat' }, 'body/name'],
    ['GET', '/api/v1/source/organizations/a%00b/usage', undefined, 'params/externalId'],
  ])('%s %s is refused naming %s', async (method, url, body, path) => {
    const res = await t.source.request(method, url, body);
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.details[0].path).toBe(path);
  });

  it('on the Partner API too, in a query string, and nothing is written', async () => {
    const owner = await t.userClient(tree.partners.resA, 'owner');
    const q = await owner.get('/api/v1/organizations?q=a%00b');
    expect(q.status).toBe(400);
    expect(q.body.error.details[0].path).toBe('querystring/q');
    const before = await t.hub.db.query('SELECT name FROM partners WHERE id = $1', [tree.partners.resA]);
    const res = await t.operator.put(`/api/v1/partners/${tree.partners.resA}`, { name: 'X\u0000Y' });
    expect(res.status).toBe(400);
    expect(await t.hub.db.query('SELECT name FROM partners WHERE id = $1', [tree.partners.resA])).toEqual(
      before,
    );
  });
});

describe('in a Source API batch', () => {
  it('rejects the one event that holds a NUL or a lone surrogate and accepts the rest', async () => {
    const org = `org-odd-${Date.now()}`;
    await t.source.put(`/api/v1/source/organizations/${org}`, {
      name: 'Odd Strings Ltd',
      partnerExternalId: tree.ext('resA'),
    });
    const event = (id: string, message: string) => ({
      id,
      organizationId: org,
      condition: 'backup.email',
      status: 'failing',
      occurredAt: new Date().toISOString(),
      message,
    });
    const res = await t.source.post('/api/v1/source/events', {
      events: [event('odd-1', 'fine'), event('odd-\u0000', 'NUL in id'), event('odd-3', 'half \udc00 pair')],
    });
    expect(res.status, res.text).toBe(202);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
    ]);
    expect(res.body.results[1].reason).toBe('id: contains a NUL character (\\u0000)');
    expect(res.body.results[2].reason).toMatch(/^message: contains a lone surrogate/);
    const keyed = await t.source.post('/api/v1/source/events', {
      events: [{ ...event('odd-4', 'x'), details: { 'k\u0000': 1 } }],
    });
    expect(keyed.body.results[0].reason).toBe('details/k\\u0000: key contains a NUL character (\\u0000)');
  });

  it('rejects the one record that holds one and upserts the rest', async () => {
    const res = await t.source.post('/api/v1/source/plans/batch', {
      items: [
        { externalId: 'odd-plan-1', name: 'Good plan', unit: 'seat' },
        { externalId: 'odd-plan-2', name: 'Bad \u0000 plan', unit: 'seat' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.counts).toMatchObject({ created: 1, rejected: 1 });
    expect(res.body.results[1].error.message).toBe('body/items/1/name: contains a NUL character (\\u0000)');
  });
});
