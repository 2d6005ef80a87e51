// Identity and authentication: codebase discovery (cached), the headers every call carries, and
// what a partner reads when the company id, keys or client id are wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOrigin } from '../../../src/psa/connectwise/auth.ts';
import { connectwiseDescriptor } from '../../../src/psa/connectwise/index.ts';
import { memoryCache } from '../../../src/psa/client.ts';
import { PsaError } from '../../../src/psa/errors.ts';
import { assertNoSecrets, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(() => rig.sim.stop());

const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PsaError,
  );

describe('ConnectWise identity and auth', () => {
  it('identifies: version, API member, tenant; the code base from companyinfo', async () => {
    const id = await rig.client({ cache: memoryCache() }).identify();
    expect(id.version).toBe('v2026.4.88110');
    expect(id.tenant).toBe('Northwind MSP');
    expect(id.user).toMatch(/PSA Hub|psahub/i);
    const info = rig.sent(/\/login\/companyinfo\/northwind$/);
    expect(info.length).toBeGreaterThanOrEqual(1);
    expect(info[0]!.requestHeaders.authorization).toBeUndefined();
    expect(new URL(rig.sent(/system\/info$/).at(-1)!.url).pathname).toBe('/v2026_4/apis/3.0/system/info');
  });

  it('keeps the code base in the connection cache: one companyinfo call for many clients', async () => {
    const cache = memoryCache();
    rig.exchanges.length = 0;
    await rig.client({ cache }).getCompany('2');
    await rig.client({ cache }).getCompany('3');
    expect(rig.sent(/companyinfo/)).toHaveLength(1);
    expect(rig.sent(/company\/companies\/\d+$/)).toHaveLength(2);
  });

  it('wrong private key: auth, with a message a partner can act on', async () => {
    const c = rig.client({ credentials: { ...rig.sim.credentials, privateKey: 'WRONGwrongWRONG1' } });
    const err = await fail(c.identify());
    expect(err).toBeInstanceOf(PsaError);
    expect(err!.kind).toBe('auth');
    expect(err!.message).toContain(
      'ConnectWise refused the API keys: check the public/private key pair and the company id',
    );
    expect(err!.details.status).toBe(401);
    expect(err!.message).not.toContain('WRONGwrongWRONG1');
    expect(JSON.stringify(rig.exchanges)).not.toContain('WRONGwrongWRONG1');
  });

  it('unknown company id: auth, naming the company id', async () => {
    const c = rig.client({
      cache: memoryCache(),
      credentials: { ...rig.sim.credentials, companyId: 'nosuchco' },
    });
    const err = await fail(c.identify());
    expect(err!.kind).toBe('auth');
    expect(err!.message).toMatch(/company id|API keys/);
  });

  it('wrong client id: auth, pointing at the clientId', async () => {
    const c = rig.client({
      credentials: { ...rig.sim.credentials, clientId: '00000000-0000-0000-0000-000000000000' },
    });
    const err = await fail(c.identify());
    expect(err!.kind).toBe('auth');
    expect(err!.message).toMatch(/client ?id/i);
  });

  it('expired keys, and the cloud habit of answering 404 to bad keys', async () => {
    const c = rig.client();
    await rig.control('expire-credentials');
    try {
      expect((await fail(c.getCompany('2')))!.kind).toBe('auth');
    } finally {
      await rig.control('expire-credentials', { restore: true });
    }
    await rig.control('auth-failure-status', { status: 404 });
    try {
      const bad = rig.client({ credentials: { ...rig.sim.credentials, publicKey: 'nope' } });
      const err = await fail(bad.identify());
      expect(err!.kind).toBe('auth');
    } finally {
      await rig.control('auth-failure-status', { status: 401 });
    }
  });

  it('derives the API host of cloud sites and describes its settings', () => {
    expect(apiOrigin('https://na.myconnectwise.net')).toBe('https://api-na.myconnectwise.net');
    expect(apiOrigin('https://eu.myconnectwise.net/')).toBe('https://api-eu.myconnectwise.net');
    expect(apiOrigin('https://api-au.myconnectwise.net')).toBe('https://api-au.myconnectwise.net');
    expect(apiOrigin('https://cw.example.com')).toBe('https://cw.example.com');
    const d = connectwiseDescriptor;
    expect(d.credentials.map((f) => [f.name, f.secret])).toEqual([
      ['companyId', false],
      ['publicKey', false],
      ['privateKey', true],
      ['clientId', false],
    ]);
    expect(d.placement.filter((f) => f.dependsOn === 'boardId').map((f) => f.name)).toEqual([
      'typeId',
      'subtypeId',
      'itemId',
    ]);
    expect(d.statuses).toEqual({ pickList: 'statuses', dependsOn: 'boardId' });
  });

  it('never records or reports the private key', () => {
    assertNoSecrets(rig);
  });
});
