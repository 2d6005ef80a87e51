import { describe, expect, it } from 'vitest';
import { checkConnectionInput } from '../../src/jobs/connect.ts';

const publicDns = async () => ['52.10.20.30'];
const internalDns = async () => ['10.0.0.7'];
const cw = { companyId: 'acme', publicKey: 'pub', privateKey: 'priv', clientId: 'client' };

describe('connection input', () => {
  it('keeps the secret fields out of the hints and normalises the URL', async () => {
    const r = await checkConnectionInput(
      { allowPrivatePsaHosts: false, resolve: publicDns },
      'connectwise',
      'na.myconnectwise.net/',
      {
        ...cw,
        companyId: ' acme ',
      },
    );
    expect(r.siteUrl).toBe('https://na.myconnectwise.net');
    expect(r.credentials.companyId).toBe('acme');
    expect(r.hints).toEqual({ companyId: 'acme', publicKey: 'pub', clientId: 'client' });
  });

  it('refuses a PSA URL that resolves to an internal address unless private hosts are allowed', async () => {
    const refused = checkConnectionInput(
      { allowPrivatePsaHosts: false, resolve: internalDns },
      'connectwise',
      'https://psa.example.com',
      cw,
    );
    // The refusal names the operator's switch, for someone pointing the hub at the simulators.
    await expect(refused).rejects.toThrow(/private or loopback.*PSAHUB_ALLOW_PRIVATE_PSA_HOSTS=1/);
    await expect(
      checkConnectionInput(
        { allowPrivatePsaHosts: false, resolve: publicDns },
        'halopsa',
        'http://127.0.0.1:9000',
        {
          clientId: 'a',
          clientSecret: 'b',
          tenant: 'c',
        },
      ),
    ).rejects.toThrow(/private or loopback/);
    const allowed = await checkConnectionInput(
      { allowPrivatePsaHosts: true, resolve: internalDns },
      'connectwise',
      'http://10.0.0.7:8080',
      cw,
    );
    expect(allowed.siteUrl).toBe('http://10.0.0.7:8080');
  });

  it('uses the Autotask zone-discovery default when no URL is given', async () => {
    const r = await checkConnectionInput(
      { allowPrivatePsaHosts: false, resolve: publicDns },
      'autotask',
      undefined,
      {
        username: 'api@acme.com',
        secret: 's',
        integrationCode: 'i',
      },
    );
    expect(r.siteUrl).toBe('https://webservices.autotask.net');
  });
});
