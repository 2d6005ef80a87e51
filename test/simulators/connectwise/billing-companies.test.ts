// `/_sim/billing-companies`: many companies, each with an active agreement and two additions, that
// read over the API like seeded ones (spec schemas), and go away on reset.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCw, type CwClient } from './cw-client.ts';
import { assertSchema } from './spec-schemas.ts';

let cw: CwClient;
beforeAll(async () => {
  cw = await startCw();
});
afterAll(async () => cw.sim.stop());
beforeEach(async () => {
  await fetch(`${cw.sim.url}/_sim/reset`, { method: 'POST' });
});

type Seeded = { companies: { companyId: number; agreementId: number; additionIds: number[] }[] };
const seed = (body: unknown) =>
  fetch(`${cw.sim.url}/_sim/billing-companies`, { method: 'POST', body: JSON.stringify(body) });

describe('ConnectWise /_sim/billing-companies', () => {
  it('adds 500 companies, each with an active agreement carrying two additions', async () => {
    const started = Date.now();
    const res = await seed({ count: 500 });
    expect(res.status).toBe(201);
    const { companies } = (await res.json()) as Seeded;
    console.log(`ConnectWise: 500 billing companies seeded in ${Date.now() - started} ms`);
    expect(companies).toHaveLength(500);
    expect(new Set(companies.map((c) => c.companyId)).size).toBe(500);
    const last = companies.at(-1)!;
    const agreements = await cw.call('GET', '/finance/agreements', {
      query: { conditions: `company/id = ${last.companyId}` },
    });
    expect(agreements.body).toHaveLength(1);
    assertSchema('Agreement', agreements.body, true);
    expect(agreements.body[0]).toMatchObject({
      id: last.agreementId,
      agreementStatus: 'Active',
      cancelledFlag: false,
    });
    const additions = await cw.call('GET', `/finance/agreements/${last.agreementId}/additions`);
    assertSchema('Addition', additions.body, true);
    expect(additions.body.map((d: { id: number }) => d.id)).toEqual(last.additionIds);
    for (const d of additions.body) {
      expect(d.quantity).toBeGreaterThanOrEqual(5);
      expect(d).toMatchObject({
        billCustomer: 'Billable',
        extPrice: Math.round(d.quantity * d.unitPrice * 100) / 100,
      });
      expect(typeof d.invoiceDescription).toBe('string');
    }
  });

  it('refuses a bad count, and reset takes the companies away', async () => {
    expect((await seed({ count: 0 })).status).toBe(400);
    expect((await seed({})).status).toBe(400);
    const { companies } = (await (await seed({ count: 2 })).json()) as Seeded;
    await fetch(`${cw.sim.url}/_sim/reset`, { method: 'POST' });
    expect((await cw.call('GET', `/company/companies/${companies[0]!.companyId}`)).status).toBe(404);
  });
});
