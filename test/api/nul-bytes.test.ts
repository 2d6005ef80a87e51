// A NUL character anywhere in a request (body, nested arrays, keys, query string, URL parameter)
// is refused with a 400 naming where, before anything is read or written — PostgreSQL text cannot
// hold one, so it would otherwise fail deep in a query as a 500.
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
    [
      'POST',
      '/api/v1/source/events',
      {
        events: [
          {
            id: 'e',
            organizationId: 'o',
            condition: 'c',
            status: 'failing',
            occurredAt: '2026-12-01T00:00:00Z',
            details: { 'k\u0000': 1 },
          },
        ],
      },
      'body/events/0/details/k\\u0000',
    ],
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
