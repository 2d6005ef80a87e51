// Zone discovery, version information, header authentication and its documented failures
// (reference §1, checklist §8.1–8.3), case-insensitive paths and headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { AtClient, startAutotask } from './client.ts';

let sim: RunningSimulator;
let at: AtClient;

beforeAll(async () => {
  sim = await startAutotask({ port: 0 });
  at = await new AtClient(sim).discover();
});
afterAll(async () => sim.stop());

describe('zone discovery', () => {
  it('gives credentials of exactly the three partner fields', () => {
    expect(Object.keys(sim.credentials).sort()).toEqual(['integrationCode', 'secret', 'username']);
  });

  it('answers zoneInformation without auth, pointing back at the same server', async () => {
    const res = await fetch(
      `${sim.url}/atservicesrest/v1.0/zoneInformation?user=${encodeURIComponent(sim.credentials.username!)}`,
    );
    expect(res.status).toBe(200);
    const zone = (await res.json()) as Record<string, unknown>;
    expect(zone).toEqual({
      zoneName: expect.any(String),
      url: `${sim.url}/atservicesrest/`,
      webUrl: `${sim.url}/`,
      ci: expect.any(Number),
    });
    expect(String(zone.url).endsWith('/')).toBe(true);
  });

  it('matches the user name case-insensitively and any path casing', async () => {
    const res = await fetch(
      `${sim.url}/ATServicesRest/V1.0/ZoneInformation?user=${encodeURIComponent(sim.credentials.username!.toUpperCase())}`,
    );
    expect(res.status).toBe(200);
  });

  it.each([['unknown@nowhere.example'], ['']])('unknown or blank user %j → 500 zone error', async (user) => {
    const res = await fetch(
      `${sim.url}/atservicesrest/v1.0/zoneInformation?user=${encodeURIComponent(user)}`,
    );
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ errors: ['Zone information could not be determined'] });
  });

  it('answers versioninformation without auth', async () => {
    const res = await fetch(`${sim.url}/atservicesrest/versioninformation`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ apiVersions: ['1.0'] });
  });

  it('is exempt from the thread limit and the threshold count', async () => {
    const before = (await at.get<Record<string, number>>('/ThresholdInformation')).body
      .currentTimeframeRequestCount!;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${at.zoneUrl}v1.0/zoneInformation?user=${encodeURIComponent(sim.credentials.username!)}`),
      ),
    );
    const after = (await at.get<Record<string, number>>('/ThresholdInformation')).body
      .currentTimeframeRequestCount!;
    expect(after).toBe(before + 1);
  });
});

describe('authentication headers', () => {
  const company0 = () => `${at.zoneUrl}V1.0/Companies/0`;

  it('accepts the spellings real clients send (header names are case-insensitive)', async () => {
    for (const name of [
      'ApiIntegrationCode',
      'ApiIntegrationcode',
      'APIIntegrationcode',
      'apiintegrationcode',
    ]) {
      const headers = {
        [name]: sim.credentials.integrationCode!,
        username: sim.credentials.username!,
        SECRET: sim.credentials.secret!,
      };
      const res = await at.raw('GET', company0(), undefined, headers);
      expect(res.status, name).toBe(200);
    }
  });

  it('wrong secret → 401', async () => {
    const res = await at.raw('GET', company0(), undefined, { ...at.headers, Secret: 'nope' });
    expect(res.status).toBe(401);
  });

  it('missing headers → 401', async () => {
    const res = await at.raw('GET', company0(), undefined, {});
    expect(res.status).toBe(401);
  });

  it('unknown user → 500 zone error', async () => {
    const res = await at.raw('GET', company0(), undefined, {
      ...at.headers,
      UserName: 'someone@else.example',
    });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ errors: ['Zone information could not be determined'] });
  });

  it('bad integration code → 500 IntegrationCode is invalid.', async () => {
    const res = await at.raw('GET', company0(), undefined, { ...at.headers, ApiIntegrationCode: 'WRONG' });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ errors: ['IntegrationCode is invalid.'] });
  });

  it('matches every path segment case-insensitively', async () => {
    for (const path of [
      '/atservicesrest/v1.0/companies/0',
      '/ATServicesRest/V1.0/COMPANIES/0',
      '/AtServicesRest/v1.0/Companies/entityinformation',
    ]) {
      const res = await at.raw('GET', `${sim.url}${path}`);
      expect(res.status, path).toBe(200);
    }
  });

  it('unknown paths are framework 404s with a Message', async () => {
    const res = await at.get<{ Message: string }>('/Queues/query?search={}');
    expect(res.status).toBe(404);
    expect(res.body.Message).toMatch(/No HTTP resource was found/);
  });
});

describe('expire-credentials control', () => {
  it('makes the secret fail with 401 until restored, and supports rotation', async () => {
    expect((await at.control('expire-credentials')).status).toBe(200);
    expect((await at.get('/Companies/0')).status).toBe(401);
    await at.control('expire-credentials', { restore: true });
    expect((await at.get('/Companies/0')).status).toBe(200);
    await at.control('expire-credentials', { secret: 'Rotated#Secret1' });
    expect((await at.get('/Companies/0')).status).toBe(401);
    expect(
      (
        await at.raw('GET', `${at.zoneUrl}V1.0/Companies/0`, undefined, {
          ...at.headers,
          Secret: 'Rotated#Secret1',
        })
      ).status,
    ).toBe(200);
    await at.control('expire-credentials', { restore: true });
    expect((await at.get('/Companies/0')).status).toBe(200);
  });
});
