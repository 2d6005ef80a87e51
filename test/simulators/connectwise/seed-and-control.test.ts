// The default seed is realistic and awkward; /_sim/seed, /_sim/reset and /_sim/records work on it;
// the shared fault rules apply to ConnectWise routes (drop after commit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConnectwiseSeed } from '../../../src/simulators/connectwise/index.ts';
import type { CwClient } from './cw-client.ts';
import { startCw } from './cw-client.ts';
import { smallSeed } from './small-seed.ts';

let cw: CwClient;
beforeAll(async () => {
  cw = await startCw();
});
afterAll(() => cw.sim.stop());

const count = async (path: string, conditions: string) =>
  (await cw.count(path, conditions)).body.count as number;

describe('default seed', () => {
  it('holds a few hundred companies with awkward names and states', async () => {
    expect(
      await count('/company/companies', 'deletedFlag = false or deletedFlag = true'),
    ).toBeGreaterThanOrEqual(300);
    expect(await count('/company/companies', 'name contains "&"')).toBeGreaterThan(3);
    expect(await count('/company/companies', 'name like "Smith*Jones*"')).toBeGreaterThanOrEqual(4);
    expect(await count('/company/companies', 'name like "*Limited"')).toBeGreaterThan(0);
    expect(await count('/company/companies', 'name like "*Ltd*"')).toBeGreaterThan(0);
    expect(await count('/company/companies', 'name like "*Inc.*"')).toBeGreaterThan(0);
    expect(await count('/company/companies', 'name like "*GmbH*"')).toBeGreaterThan(1);
    expect(await count('/company/companies', 'status/name = "Inactive"')).toBeGreaterThan(5);
    expect(await count('/company/companies', 'deletedFlag = true')).toBeGreaterThan(5);
    expect(await count('/company/companies', 'types/name = "Prospect"')).toBeGreaterThan(5);
    expect(await count('/company/companies', 'types/name = "Vendor"')).toBeGreaterThan(0);
    expect(await count('/company/contacts', 'inactiveFlag = true')).toBeGreaterThan(0);
  });

  it('has boards with open and closed statuses, priorities, SLAs, products, agreements with additions, configurations', async () => {
    const boards = (await cw.get('/service/boards')).body as { id: number }[];
    expect(boards.length).toBeGreaterThanOrEqual(4);
    for (const b of boards) {
      expect(await count(`/service/boards/${b.id}/statuses`, 'closedStatus = true')).toBeGreaterThan(0);
      expect(await count(`/service/boards/${b.id}/statuses`, 'closedStatus = false')).toBeGreaterThan(0);
    }
    expect((await cw.get('/service/priorities')).body.length).toBeGreaterThanOrEqual(4);
    expect((await cw.get('/service/SLAs')).body.length).toBeGreaterThanOrEqual(2);
    expect(await count('/procurement/catalog', 'inactiveFlag = false')).toBeGreaterThan(10);
    expect(await count('/finance/agreements', 'agreementStatus = "Active"')).toBeGreaterThan(50);
    expect(await count('/finance/agreements', 'agreementStatus = "Expired"')).toBeGreaterThan(0);
    expect(await count('/finance/agreements/1/additions', 'quantity > 0')).toBeGreaterThan(0);
    expect(await count('/company/configurations', 'activeFlag = true')).toBeGreaterThan(100);
    expect(await count('/service/tickets', 'closedFlag = true')).toBeGreaterThan(0);
  });
});

describe('control routes', () => {
  it('/_sim/seed replaces the data (and the credentials), /_sim/reset restores the default', async () => {
    const seed = smallSeed();
    seed.apiKeys.privateKey = 'rotated-private-key';
    const res = await fetch(`${cw.sim.url}/_sim/seed`, { method: 'POST', body: JSON.stringify(seed) });
    expect(res.status).toBe(204);
    expect(cw.sim.credentials.privateKey).toBe('rotated-private-key');
    expect((await cw.get('/company/companies/count')).body.count).toBe(7);
    expect((await fetch(`${cw.sim.url}/_sim/reset`, { method: 'POST' })).status).toBe(204);
    expect(cw.sim.credentials.privateKey).toBe(defaultConnectwiseSeed().apiKeys.privateKey);
    expect((await cw.get('/company/companies/count')).body.count).toBeGreaterThan(250);
  });

  it('refuses a seed of the wrong shape', async () => {
    const res = await fetch(`${cw.sim.url}/_sim/seed`, {
      method: 'POST',
      body: JSON.stringify({ companies: [] }),
    });
    expect(res.status).toBe(400);
  });

  it('/_sim/records reads stored rows by table and id', async () => {
    const row = (await (await fetch(`${cw.sim.url}/_sim/records/tickets/5000`)).json()) as {
      id: number;
      summary: string;
    };
    expect(row.id).toBe(5000);
    expect((await fetch(`${cw.sim.url}/_sim/records/nope`)).status).toBe(404);
    const all = (await (await fetch(`${cw.sim.url}/_sim/records/priorities`)).json()) as unknown[];
    expect(all).toHaveLength(5);
  });

  it('a write committed then dropped is found on retry by its external reference', async () => {
    await fetch(`${cw.sim.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({
        method: 'POST',
        path: '/apis/3\\.0/service/tickets$',
        dropAfterCommit: true,
        times: 1,
      }),
    });
    await expect(
      cw.post('/service/tickets', { summary: 'dropped', company: { id: 2 }, externalXRef: 'hub:drop:1' }),
    ).rejects.toThrow();
    const found = await cw.get('/service/tickets', { conditions: 'externalXRef = "hub:drop:1"' });
    expect(found.body).toHaveLength(1);
  });

  it('unknown control actions answer 404', async () => {
    expect((await cw.control('no-such-action')).status).toBe(404);
  });
});
