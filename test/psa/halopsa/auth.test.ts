// Authentication against the HaloPSA simulator: identify, wrong credentials, one token for many
// calls (and across clients through the connection cache), renewal after an expired token, and
// no secret or token in anything recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCache } from '../../../src/psa/client.ts';
import { PsaError } from '../../../src/psa/errors.ts';
import { startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.sim.stop());

const tokenCalls = (r: Rig) => r.count(/^\/auth\/token$/i);

describe('authentication', () => {
  it('identifies the API agent and the tenant', async () => {
    const id = await rig.client({ cache: memoryCache() }).identify();
    expect(id).toEqual({ version: null, user: 'API Agent', tenant: rig.sim.credentials.tenant });
  });

  it('sends client credentials as a form with the tenant', async () => {
    const before = rig.exchanges.length;
    await rig.client({ cache: memoryCache() }).identify();
    const tok = rig.exchanges.slice(before).find((e) => /\/auth\/token/.test(e.url))!;
    expect(new URL(tok.url).searchParams.get('tenant')).toBe(rig.sim.credentials.tenant);
    expect(tok.requestHeaders['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(tok.requestBody!);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe(rig.sim.credentials.clientId);
    expect(form.get('scope')).toBe('all');
  });

  it('rejects a wrong secret as auth with a message naming where to fix it', async () => {
    const c = rig.client({
      cache: memoryCache(),
      credentials: {
        ...rig.sim.credentials,
        clientSecret: '00000000-0000-0000-0000-000000000000-00000000-0000-0000-0000-000000000000',
      },
    });
    const err = await c.identify().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PsaError);
    expect((err as PsaError).kind).toBe('auth');
    expect((err as PsaError).message).toMatch(
      /rejected the client id or secret.*Configuration → Integrations/,
    );
  });

  it('does not vouch for an edited, wrong secret with a cached token', async () => {
    const cache = memoryCache();
    await rig.client({ cache }).identify();
    const edited = rig.client({
      cache,
      credentials: { ...rig.sim.credentials, clientSecret: 'edited-but-wrong-0001' },
    });
    await expect(edited.identify()).rejects.toMatchObject({ kind: 'auth' });
  });

  it('reports an unknown tenant as auth', async () => {
    const c = rig.client({
      cache: memoryCache(),
      credentials: { ...rig.sim.credentials, tenant: 'nobody-here' },
    });
    const err = (await c.identify().catch((e: unknown) => e)) as PsaError;
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/tenant/i);
  });

  it('uses one token for many calls', async () => {
    const c = rig.client({ cache: memoryCache() });
    const before = tokenCalls(rig);
    await c.identify();
    await c.searchCompanies({ pageSize: 5 });
    await c.getCompany('1');
    await c.listContacts('1');
    await c.getTicket('1000');
    expect(tokenCalls(rig) - before).toBe(1);
  });

  it('shares the token through the connection cache with another client', async () => {
    const cache = memoryCache();
    const before = tokenCalls(rig);
    await rig.client({ cache }).identify();
    await rig.client({ cache }).identify();
    expect(tokenCalls(rig) - before).toBe(1);
  });

  it('renews an expired token once and the call succeeds', async () => {
    const c = rig.client({ cache: memoryCache() });
    await c.identify();
    await rig.control('expire-token');
    const before = rig.exchanges.length;
    const me = await c.identify();
    expect(me.user).toBe('API Agent');
    const seen = rig.exchanges.slice(before).map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`);
    expect(seen).toEqual(['GET /api/Agent/me 401', 'POST /auth/token 200', 'GET /api/Agent/me 200']);
  });

  it('renews only once when Halo keeps answering 401', async () => {
    const c = rig.client({ cache: memoryCache() });
    await c.identify();
    await rig.control('faults', { method: 'GET', path: '^/api/client/', status: 401, body: '', times: 5 });
    const before = rig.exchanges.length;
    const err = (await c.getCompany('1').catch((e: unknown) => e)) as PsaError;
    await rig.control('faults', undefined, 'DELETE');
    expect(err.kind).toBe('auth');
    const seen = rig.exchanges.slice(before).map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`);
    expect(seen).toEqual(['GET /api/Client/1 401', 'POST /auth/token 200', 'GET /api/Client/1 401']);
  });

  it('renews a token before it expires', async () => {
    await rig.control('token-lifetime', { seconds: 2 }); // renewed halfway: after 1 s
    const c = rig.client({ cache: memoryCache() });
    const before = rig.exchanges.length;
    await c.identify();
    await c.identify();
    await new Promise((r) => setTimeout(r, 1_100));
    await c.identify();
    const seen = rig.exchanges.slice(before).map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`);
    expect(seen).toEqual([
      'POST /auth/token 200',
      'GET /api/Agent/me 200',
      'GET /api/Agent/me 200',
      'POST /auth/token 200',
      'GET /api/Agent/me 200',
    ]);
    await rig.control('token-lifetime', { seconds: 3600 });
  });

  it('gives up with auth when the credentials were revoked as well', async () => {
    const c = rig.client({ cache: memoryCache() });
    await c.identify();
    await rig.control('expire-credentials');
    await rig.control('expire-token');
    try {
      const err = (await c.identify().catch((e: unknown) => e)) as PsaError;
      expect(err.kind).toBe('auth');
      expect(err.message).toMatch(/client id or secret/);
    } finally {
      await rig.control('expire-credentials', { restore: true });
    }
  });

  it('never records the client secret or an access token', async () => {
    // Errors too: make some.
    const errors: string[] = [];
    const bad = rig.client({
      cache: memoryCache(),
      credentials: { ...rig.sim.credentials, clientSecret: 'wrong-secret-value-123' },
    });
    await bad.identify().catch((e: PsaError) => errors.push(e.message, JSON.stringify(e.details)));
    const c = rig.client({ cache: memoryCache() });
    await c.getTicket('1000');
    await rig.control('expire-token');
    await c.getTicket('1000');
    await c.getCompany('abc').catch((e: Error) => errors.push(e.message));
    await c
      .createTicket({
        companyId: '99999',
        title: 'x',
        description: 'y',
        externalRef: 'hub-secret-1',
        placement: { statusId: '1', priorityId: '3', fields: {} },
      })
      .catch((e: PsaError) => errors.push(e.message, JSON.stringify(e.details)));
    const tokens = rig.exchanges
      .filter((e) => /\/auth\/token/.test(e.url) && e.status === 200)
      .map((e) => e.responseBody ?? '');
    const all = JSON.stringify(rig.exchanges) + errors.join('\n');
    expect(all).not.toContain(rig.sim.credentials.clientSecret);
    expect(all).not.toContain('wrong-secret-value-123');
    expect(all).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/); // no JWT-shaped token anywhere
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(t).toContain('[redacted]');
  });
});
