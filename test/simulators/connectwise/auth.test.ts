// Codebase discovery, Basic auth, clientId, versioned Accept, common headers, and the
// expire-credentials / auth-failure-status control actions (reference §1, §2.3, §12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CwClient } from './cw-client.ts';
import { startCw } from './cw-client.ts';
import { assertSchema } from './spec-schemas.ts';

let cw: CwClient;
beforeAll(async () => {
  cw = await startCw();
});
afterAll(() => cw.sim.stop());

describe('ConnectWise auth and codebase', () => {
  it('hands out exactly the partner credential fields', () => {
    expect(Object.keys(cw.sim.credentials).sort()).toEqual([
      'clientId',
      'companyId',
      'privateKey',
      'publicKey',
    ]);
  });

  it('answers /login/companyinfo/{companyId} without auth, case-insensitively', async () => {
    const res = await fetch(`${cw.sim.url}/login/companyinfo/${cw.sim.credentials.companyId!.toUpperCase()}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual([
      'Codebase',
      'CompanyID',
      'CompanyName',
      'IsCloud',
      'VersionCode',
      'VersionNumber',
    ]);
    expect(body.Codebase).toMatch(/^v\d{4}_\d+\/$/);
    expect((await fetch(`${cw.sim.url}/login/companyinfo/nobody`)).status).toBe(404);
  });

  it('serves v4_6_release, the advertised codebase and other release paths, nothing else', async () => {
    const info = (await (
      await fetch(`${cw.sim.url}/login/companyinfo/${cw.sim.credentials.companyId}`)
    ).json()) as { Codebase: string };
    const codebase = info.Codebase.replace(/\/$/, '');
    expect((await cw.get('/system/info')).status).toBe(200);
    expect((await cw.call('GET', '/system/info', { codebase })).status).toBe(200);
    expect((await cw.call('GET', '/system/info', { codebase: 'v2025_1' })).status).toBe(200);
    const other = await cw.call('GET', '/system/info', { codebase: 'release' });
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ code: 'NotFound' });
  });

  it('returns /system/info in the Info shape', async () => {
    const res = await cw.get('/system/info');
    assertSchema('Info', res.body);
    expect(res.body).toMatchObject({ isCloud: true, cloudRegion: 'NA' });
  });

  it.each([
    ['no Authorization header', { omit: ['authorization' as const] }],
    [
      'a wrong private key',
      {
        headers: {
          authorization: 'Basic ' + Buffer.from('northwind+Xq7pLk2mT9vB4nWc:nope').toString('base64'),
        },
      },
    ],
    [
      'a wrong company id',
      {
        headers: {
          authorization: 'Basic ' + Buffer.from('other+Xq7pLk2mT9vB4nWc:sK8dR3fH6jZ1yQ5a').toString('base64'),
        },
      },
    ],
    [
      'a missing companyId+ prefix',
      {
        headers: {
          authorization: 'Basic ' + Buffer.from('Xq7pLk2mT9vB4nWc:sK8dR3fH6jZ1yQ5a').toString('base64'),
        },
      },
    ],
    ['Bearer instead of Basic', { headers: { authorization: 'Bearer abc' } }],
  ])('refuses %s with 401 {code, message}', async (_name, opts) => {
    const res = await cw.call('GET', '/service/tickets', opts);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'Unauthorized', message: expect.any(String) });
  });

  it('matches the company id and the keys exactly (case-sensitive)', async () => {
    const c = cw.sim.credentials;
    const upper =
      'Basic ' +
      Buffer.from(`${c.companyId!.toUpperCase()}+${c.publicKey}:${c.privateKey}`).toString('base64');
    expect((await cw.call('GET', '/system/info', { headers: { authorization: upper } })).status).toBe(401);
    const lowerKey =
      'Basic ' +
      Buffer.from(`${c.companyId}+${c.publicKey!.toLowerCase()}:${c.privateKey}`).toString('base64');
    expect((await cw.call('GET', '/system/info', { headers: { authorization: lowerKey } })).status).toBe(401);
  });

  it('requires the registered clientId header on every call (any header case): 400 naming clientId', async () => {
    const missing = await cw.call('GET', '/company/companies', { omit: ['clientId'] });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: 'InvalidClientId',
      message: expect.stringMatching(/clientId/),
    });
    const wrong = await cw.call('GET', '/company/companies', {
      headers: { clientId: '00000000-0000-0000-0000-000000000000' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/clientId/);
    const upper = await cw.call('GET', '/system/info', {
      omit: ['clientId'],
      headers: { CLIENTID: cw.sim.credentials.clientId! },
    });
    expect(upper.status).toBe(200);
  });

  it('echoes the requested model version and always names the current one', async () => {
    const pinned = await cw.call('GET', '/system/info', {
      headers: { accept: 'application/vnd.connectwise.com+json; version=2019.1' },
    });
    expect(pinned.headers.get('content-type')).toBe('application/vnd.connectwise.com+json; version=2019.1');
    expect(pinned.headers.get('api-current-version')).toBe('2026.4');
    const latest = await cw.call('GET', '/system/info', { omit: ['accept'] });
    expect(latest.headers.get('content-type')).toBe('application/vnd.connectwise.com+json; version=2026.4');
    const bad = await cw.call('GET', '/system/info', {
      headers: { accept: 'application/vnd.connectwise.com+json; version=banana' },
    });
    expect(bad.status).toBe(400);
  });

  it('sends the captured response headers', async () => {
    const res = await cw.get('/company/companies', { pageSize: 1 });
    expect(res.headers.get('x-cw-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('pragma')).toBe('no-cache');
  });

  it('expire-credentials makes the keys fail with 401 until restored', async () => {
    expect((await cw.control('expire-credentials')).status).toBe(200);
    const res = await cw.get('/system/info');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('Unauthorized');
    // companyinfo stays open
    expect((await fetch(`${cw.sim.url}/login/companyinfo/${cw.sim.credentials.companyId}`)).status).toBe(200);
    await cw.control('expire-credentials', { restore: true });
    expect((await cw.get('/system/info')).status).toBe(200);
  });

  it('auth-failure-status 404 reproduces the cloud answering bad auth with 404', async () => {
    await cw.control('auth-failure-status', { status: 404 });
    const res = await cw.call('GET', '/service/tickets', { omit: ['authorization'] });
    expect(res.status).toBe(404);
    expect((await cw.get('/system/info')).status).toBe(200);
    await cw.control('auth-failure-status', { status: 401 });
    expect((await cw.call('GET', '/service/tickets', { omit: ['authorization'] })).status).toBe(401);
  });

  it('answers unknown routes 404 and wrong methods 405 in the error shape', async () => {
    const unknown = await cw.get('/service/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 'NotFound', message: expect.any(String), errors: null });
    const count = await cw.post('/company/companies/count', {});
    expect(count.status).toBe(405);
    assertSchema('ErrorResponseMessage', count.body);
    const ro = await cw.post('/system/members', { identifier: 'x' });
    expect(ro.status).toBe(405);
  });
});
