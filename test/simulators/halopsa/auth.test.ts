// `/auth/token`, bearer tokens, `/api/authinfo`, `/api/Agent/me`, and the control actions that
// expire tokens or credentials and remove permissions (reference §1).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schemaErrors } from './spec-schemas.ts';
import { startHalo, type HaloTestClient } from './halo-client.ts';

let halo: HaloTestClient;
beforeAll(async () => {
  halo = await startHalo();
});
afterAll(async () => halo.sim.stop());
beforeEach(async () => {
  await fetch(`${halo.url}/_sim/reset`, { method: 'POST' });
  await halo.login();
});

const form = () => ({
  grant_type: 'client_credentials',
  client_id: halo.sim.credentials.clientId!,
  client_secret: halo.sim.credentials.clientSecret!,
  scope: 'all',
});

describe('credentials and discovery', () => {
  it('exposes exactly clientId, clientSecret and tenant, in Halo’s formats', () => {
    const c = halo.sim.credentials;
    expect(Object.keys(c).sort()).toEqual(['clientId', 'clientSecret', 'tenant']);
    const guid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    expect(c.clientId).toMatch(new RegExp(`^${guid}$`));
    expect(c.clientSecret).toMatch(new RegExp(`^${guid}-${guid}$`));
  });

  it('GET /api/authinfo needs no token and names the auth server on the same origin', async () => {
    const res = await fetch(`${halo.url}/api/AuthInfo`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      auth_url: `${halo.url}/auth`,
      tenant_id: halo.sim.credentials.tenant,
    });
  });
});

describe('POST /auth/token', () => {
  it('issues a Bearer token with expires_in and the granted scope', async () => {
    const r = await halo.requestToken(form(), `?tenant=${halo.sim.credentials.tenant}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'all' });
    expect((r.json as { access_token: string }).access_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it.each([
    ['tenant in the query string', `?tenant=TENANT`, {}],
    ['tenant in the body', '', { tenant: 'TENANT' }],
    ['an empty tenant (N8N sends ?tenant=)', '?tenant=', {}],
    ['no tenant at all', '', {}],
  ])('accepts %s', async (_name, query, extra) => {
    const tenant = halo.sim.credentials.tenant!;
    const r = await halo.requestToken(
      { ...form(), ...extra, ...('tenant' in extra ? { tenant } : {}) },
      query.replace('TENANT', tenant),
    );
    expect(r.status).toBe(200);
  });

  it('accepts space-separated scopes and client_secret_basic', async () => {
    const c = halo.sim.credentials;
    const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
    const r = await halo.requestToken(
      { grant_type: 'client_credentials', scope: 'admin edit:tickets edit:customers' },
      '',
      { authorization: `Basic ${basic}` },
    );
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ scope: 'admin edit:tickets edit:customers' });
  });

  it.each([
    ['a wrong secret', { client_secret: 'nope' }, 401, { error: 'invalid_client' }],
    [
      'a wrong client id',
      { client_id: '00000000-0000-0000-0000-000000000000' },
      401,
      { error: 'invalid_client' },
    ],
    ['no client at all', { client_id: '', client_secret: '' }, 401, { error: 'invalid_client' }],
    ['another grant type', { grant_type: 'password' }, 400, { error: 'unsupported_grant_type' }],
    ['an unknown scope', { scope: 'read:everything' }, 400, { error: 'invalid_scope' }],
  ])('rejects %s', async (_name, change, status, body) => {
    const r = await halo.requestToken({ ...form(), ...change });
    expect(r.status).toBe(status);
    expect(r.json).toEqual(body);
  });

  it('rejects an unknown tenant and a JSON body', async () => {
    const wrongTenant = await halo.requestToken(form(), '?tenant=someone-else');
    expect(wrongTenant.status).toBe(400);
    expect(wrongTenant.json).toMatchObject({ error: 'invalid_request' });
    const json = await fetch(`${halo.url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(form()),
    });
    expect(json.status).toBe(400);
  });
});

describe('bearer tokens on /api', () => {
  it('answers 401 without a token, with a malformed one and with an unknown one', async () => {
    for (const authorization of [undefined, 'Basic abc', 'Bearer not-a-token']) {
      const res = await fetch(`${halo.url}/api/Agent/me`, {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('GET /api/Agent/me returns the API agent as a Uname', async () => {
    const r = await halo.get<Record<string, unknown>>('/api/Agent/me');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ name: 'API Agent', isapiagent: true });
    expect(typeof r.json.email).toBe('string');
    expect(schemaErrors('Uname', r.json)).toEqual([]);
  });

  it.each(['/api/agent/me', '/API/AGENT/ME', '/api/Agent/Me/'])(
    'routes %s case-insensitively',
    async (path) => {
      expect((await halo.get(path)).status).toBe(200);
    },
  );

  it('expires a token after expires_in', async () => {
    await halo.control('token-lifetime', { seconds: 0.3 });
    await halo.login();
    expect((await halo.get('/api/Agent/me')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    const expired = await halo.get('/api/Agent/me');
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    await halo.login();
    expect((await halo.get('/api/Agent/me')).status).toBe(200);
  });

  it('control expire-token makes every issued token answer 401; a new one works', async () => {
    const r = await halo.control('expire-token');
    expect(r.status).toBe(200);
    expect((await halo.get('/api/Client?count=1')).status).toBe(401);
    await halo.login();
    expect((await halo.get('/api/Client?count=1')).status).toBe(200);
  });

  it('control expire-credentials turns the secret into invalid_client until restored', async () => {
    await halo.control('expire-credentials');
    const r = await halo.requestToken(form());
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ error: 'invalid_client' });
    await halo.control('expire-credentials', { restore: true });
    expect((await halo.requestToken(form())).status).toBe(200);
  });
});

describe('permissions', () => {
  it('a token limited to read:customers may read clients but not tickets or write', async () => {
    await halo.login('read:customers');
    expect((await halo.get('/api/Client?count=1')).status).toBe(200);
    expect((await halo.get('/api/Tickets?count=1')).status).toBe(403);
    expect((await halo.post('/api/Client', [{ name: 'Nope Ltd' }])).status).toBe(403);
    // Lookups need no particular scope.
    expect((await halo.get('/api/Status')).status).toBe(200);
  });

  it('configuration writes need the admin scope', async () => {
    await halo.login('all:standard');
    expect((await halo.post('/api/Status', [{ name: 'Parked' }])).status).toBe(403);
    await halo.login('all');
    expect((await halo.post('/api/Status', [{ name: 'Parked' }])).status).toBe(201);
  });

  it('control permissions removes scopes from the application at once, and restores them', async () => {
    const removed = await halo.control('permissions', { remove: ['edit:tickets', 'read:invoices'] });
    expect(removed.status).toBe(200);
    const ticket = [{ summary: 'x', client_id: 12 }];
    expect((await halo.post('/api/Tickets', ticket)).status).toBe(403);
    expect((await halo.get('/api/Tickets?count=1')).status).toBe(200);
    expect((await halo.get('/api/RecurringInvoice')).status).toBe(403);
    expect((await halo.post('/api/RecurringInvoice/updatelines', [{ id: 1 }])).status).toBe(403);
    await halo.control('permissions', { restore: true });
    expect((await halo.post('/api/Tickets', ticket)).status).toBe(201);
  });

  it('rejects an unknown scope name in the control action', async () => {
    expect((await halo.control('permissions', { remove: ['fly'] })).status).toBe(400);
  });
});

describe('discovery flow as PSMOD does it (reference §8)', () => {
  it('authinfo → {auth_url}/token?tenant={tenant_id} → Agent/me → pages of 1000', async () => {
    const info = (await (await fetch(`${halo.url}/api/authinfo`)).json()) as {
      auth_url: string;
      tenant_id: string;
    };
    const c = halo.sim.credentials;
    const res = await fetch(`${info.auth_url}/token?tenant=${info.tenant_id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: c.clientId!,
        client_secret: c.clientSecret!,
        scope: 'all',
      }),
    });
    const token = (await res.json()) as { token_type: string; access_token: string };
    const authorization = `${token.token_type} ${token.access_token}`;
    const me = await fetch(`${halo.url}/api/agent/me`, { headers: { authorization } });
    expect(me.status).toBe(200);
    const first = (await (
      await fetch(`${halo.url}/api/Client?pageinate=true&page_size=1000&page_no=1`, {
        headers: { authorization },
      })
    ).json()) as {
      record_count: number;
      clients: unknown[];
    };
    expect(Math.ceil(first.record_count / 1000)).toBe(1);
    expect(first.clients.length).toBe(first.record_count);
  });
});
