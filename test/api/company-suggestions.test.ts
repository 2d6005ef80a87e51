// Auto-match over the Partner API: the organizations of a partner against the companies of its
// ConnectWise simulator, with scores and reasons; ambiguous names are never safe to link alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { Client } from '../support/client.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let sim: RunningSimulator;
let admin: Client;
let connectionId: string;
let unique: { id: number; name: string };

type Suggestions = {
  organization: { externalId: string };
  suggestions: {
    companyId: string;
    companyName: string;
    method: string;
    score: number;
    reason: string;
    safeToLink: boolean;
  }[];
}[];

beforeAll(async () => {
  t = await startTestHub();
  sim = await startSimulator('connectwise', { port: 0 });
  const companies = (await (await fetch(`${sim.url}/_sim/records/companies`)).json()) as {
    id: number;
    name: string;
    deletedFlag: boolean;
    leadFlag: boolean;
    status: { name: string };
  }[];
  unique = companies.find(
    (c) =>
      /^[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+$/.test(c.name) &&
      !c.deletedFlag &&
      !c.leadFlag &&
      c.status.name === 'Active' &&
      companies.filter((o) => o.name.toLowerCase().startsWith(c.name.split(' ')[0]!.toLowerCase())).length ===
        1,
  )!;
  await t.source.put('/api/v1/source/partners/msp', { name: 'MSP', kind: 'direct_reseller' });
  const orgs = [
    { externalId: 'o-smith', name: 'Smith and Jones Limited' },
    { externalId: 'o-unique', name: unique.name.toUpperCase() },
    { externalId: 'o-none', name: 'Zzyzx Quantum Llamas' },
    { externalId: 'o-deleted', name: 'Contoso Ltd' },
  ];
  await t.source.post('/api/v1/source/organizations/batch', {
    items: orgs.map((o) => ({ ...o, partnerExternalId: 'msp' })),
  });
  const partnerId = (await t.operator.get('/api/v1/partners?q=MSP')).body.items[0].id;
  admin = await t.userClient(partnerId, 'admin');
  const created = await admin.post('/api/v1/connections', {
    partnerId,
    kind: 'connectwise',
    name: 'CW',
    siteUrl: sim.url,
    credentials: sim.credentials,
  });
  connectionId = created.body.connection.id;
});
afterAll(async () => {
  await sim?.stop();
  await t?.stop();
});

describe('company suggestions', () => {
  it('suggests with a score and a reason, and marks only unambiguous equal names safe to link', async () => {
    const res = await admin.get(`/api/v1/connections/${connectionId}/company-suggestions`);
    expect(res.status, res.text).toBe(200);
    const by = Object.fromEntries(
      (res.body.items as Suggestions).map((i) => [i.organization.externalId, i.suggestions]),
    );

    expect(by['o-unique']![0]).toMatchObject({
      companyId: String(unique.id),
      method: 'normalized',
      safeToLink: true,
    });
    expect(by['o-unique']![0]!.reason.length).toBeGreaterThan(8);

    const smith = by['o-smith']!;
    expect(smith.length).toBeGreaterThan(1);
    expect(smith[0]!.companyName.toLowerCase()).toContain('smith');
    expect(smith[0]!.score).toBeGreaterThan(0.9);
    expect(smith.some((s) => s.safeToLink)).toBe(false); // several Smith & Jones: the partner chooses

    expect(by['o-none']).toEqual([]);
  });

  it('skips deleted companies unless asked', async () => {
    const base = `/api/v1/connections/${connectionId}/company-suggestions`;
    const orgId = (await admin.get('/api/v1/organizations?q=Contoso')).body.items[0].id;
    const plain = (await admin.get(`${base}?organizationId=${orgId}`)).body.items[0].suggestions as {
      companyName: string;
      method: string;
    }[];
    expect(plain.some((s) => s.companyName === 'Contoso Ltd' && s.method === 'exact')).toBe(false);
    const all = (await admin.get(`${base}?organizationId=${orgId}&includeInactive=true`)).body.items[0]
      .suggestions as {
      companyName: string;
    }[];
    expect(all.some((s) => s.companyName === 'Contoso Ltd')).toBe(true);
  });

  it('reads the PSA companies once and answers again from the cache', async () => {
    await fetch(`${sim.url}/_sim/requests`, { method: 'DELETE' });
    await admin.get(`/api/v1/connections/${connectionId}/company-suggestions`);
    expect(await (await fetch(`${sim.url}/_sim/requests`)).json()).toEqual([]);
  });
});
