// End times a caller sets must lie ahead (issue 13 §6): a personal access token that expires in the
// past or within the next minute, or a snooze that ends then, is refused with 400 naming the field,
// and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
});
afterAll(async () => t?.stop());

const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();
const count = async (sql: string) => Number((await t.hub.db.query<{ n: string }>(sql))[0]!.n);

describe('a personal access token', () => {
  it('is refused when it would expire in the past or within a minute, and nothing is written', async () => {
    const before = {
      tokens: await count('SELECT count(*) AS n FROM access_tokens'),
      audit: await count("SELECT count(*) AS n FROM audit_log WHERE action = 'token.created'"),
    };
    for (const expiresAt of ['2020-01-01T00:00:00Z', fromNow(-1000), fromNow(30_000)]) {
      const res = await t.operator.post('/api/v1/me/tokens', { name: 'dead on arrival', expiresAt });
      expect(res.status, expiresAt).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.details).toEqual([
        { path: 'body/expiresAt', message: expect.stringContaining('must be in the future') },
      ]);
    }
    expect(await count('SELECT count(*) AS n FROM access_tokens')).toBe(before.tokens);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'token.created'")).toBe(
      before.audit,
    );
  });

  it('is created when it expires later, or never', async () => {
    const later = await t.operator.post('/api/v1/me/tokens', {
      name: 'an hour',
      expiresAt: fromNow(3_600_000),
    });
    expect(later.status, later.text).toBe(201);
    expect((await t.operator.post('/api/v1/me/tokens', { name: 'forever' })).status).toBe(201);
  });
});

describe('a snooze', () => {
  it('is refused when it would end within a minute, and nothing is written', async () => {
    const url = `/api/v1/organizations/${tree.orgs.orgA}/snooze`;
    const res = await t.operator.put(url, { endsAt: fromNow(30_000) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'body/endsAt', message: expect.stringContaining('must be in the future') },
    ]);
    expect((await t.operator.get(url)).body.current).toBeNull();
    expect((await t.operator.put(url, { endsAt: fromNow(3_600_000) })).status).toBe(200);
  });
});
