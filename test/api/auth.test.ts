import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { NEW_PASSWORD, seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
});
afterAll(async () => t?.stop());

describe('first operator', () => {
  it('is created once with a one-time password that must be changed before anything else', async () => {
    const ops = await t.hub.db.query<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE role = 'operator'`,
    );
    expect(ops).toHaveLength(1);
    expect(ops[0]!.password_hash.startsWith('$argon2id$')).toBe(true);
    // The test hub already changed it; a fresh user shows the gate.
    const created = await t.operator.post('/api/v1/users', {
      email: 'gate@example.com',
      name: 'Gate',
      partnerId: tree.partners.resA,
      role: 'admin',
    });
    const c = new Client(t.url);
    await c.login('gate@example.com', created.body.oneTimePassword);
    const blocked = await c.get('/api/v1/partners');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect((await c.get('/api/v1/me')).status).toBe(200);
    const weak = await c.post('/api/v1/me/password', {
      currentPassword: created.body.oneTimePassword,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toContain('body/newPassword');
  });
});

describe('sessions', () => {
  it('sets an httpOnly, SameSite=Lax cookie and answers me', async () => {
    const c = new Client(t.url);
    const res = await c.login('operator@localhost', NEW_PASSWORD);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/); // served over http here
    const me = await c.get('/api/v1/me');
    expect(me.body.user.role).toBe('operator');
    expect(me.body.csrfToken).toBe(c.csrf);
    expect(JSON.stringify(me.body)).not.toContain('argon2');
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const c = new Client(t.url);
    await c.login('operator@localhost', NEW_PASSWORD);
    const res = await c.request(
      'POST',
      '/api/v1/source-keys',
      { name: 'no csrf' },
      { 'x-csrf-token': 'wrong' },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
    expect(await t.hub.db.query(`SELECT 1 FROM source_keys WHERE name = 'no csrf'`)).toHaveLength(0);
  });

  it('ends the session on logout', async () => {
    const c = new Client(t.url);
    await c.login('operator@localhost', NEW_PASSWORD);
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const a = await new Client(t.url).login('operator@localhost', 'wrong-password-here');
    const b = await new Client(t.url).login('nobody@example.com', 'wrong-password-here');
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.body).toEqual(b.body);
  });

  it('throttles repeated failures for an e-mail, even with the right password afterwards', async () => {
    const admin = await t.userClient(tree.partners.resB, 'admin');
    const email = (await admin.get('/api/v1/me')).body.user.email;
    for (let i = 0; i < 5; i++)
      expect((await new Client(t.url).login(email, 'not-the-password')).status).toBe(401);
    const locked = await new Client(t.url).login(email, NEW_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('personal access tokens', () => {
  it('acts as its user, is shown once, and stops working when revoked', async () => {
    const owner = await t.userClient(tree.partners.resA, 'owner');
    const created = await owner.post('/api/v1/me/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token.startsWith('psah_pat_')).toBe(true);
    const listed = await owner.get('/api/v1/me/tokens');
    expect(listed.text).not.toContain(token);
    const script = new Client(t.url, { bearer: token });
    const me = await script.get('/api/v1/me');
    expect(me.body.user.id).toBe(owner.userId);
    expect(me.body.csrfToken).toBeNull();
    // Bearer writes need no CSRF token.
    expect((await script.post('/api/v1/me/tokens', { name: 'from a script' })).status).toBe(201);
    expect((await owner.delete(`/api/v1/me/tokens/${created.body.info.id}`)).status).toBe(204);
    expect((await script.get('/api/v1/me')).status).toBe(401);
    expect(await t.hub.db.query('SELECT 1 FROM access_tokens WHERE token_hash = $1', [token])).toHaveLength(
      0,
    );
  });

  it('refuses a malformed Authorization header with a clear message', async () => {
    const res = await new Client(t.url).request('GET', '/api/v1/me', undefined, {
      authorization: 'Token abc',
    });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain('Bearer');
  });
});

describe('cookie flags', () => {
  it('marks the session cookie Secure when the hub is served over https', async () => {
    const { sessionCookieOptions } = await import('../../src/api/auth/session-cookie.ts');
    expect(sessionCookieOptions('https://hub.example.com')).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
    });
    expect(sessionCookieOptions('http://localhost:8080').secure).toBe(false);
  });
});
