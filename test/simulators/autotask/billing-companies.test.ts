// `/_sim/billing-companies`: many companies, each with an active Recurring Service contract covering
// today and two contract services with their units, that read and adjust like seeded ones.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { AtClient, startAutotask, type Rec } from './client.ts';

let sim: RunningSimulator;
let at: AtClient;
beforeAll(async () => {
  sim = await startAutotask({ port: 0 });
  at = await new AtClient(sim).discover();
});
beforeEach(async () => {
  await at.control('reset');
});
afterAll(async () => sim.stop());

type Seeded = { companies: { companyId: number; contractId: number; contractServiceIds: number[] }[] };
const today = `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;

describe('Autotask /_sim/billing-companies', () => {
  it('adds 500 companies, each with a current recurring contract of two services with units', async () => {
    const started = Date.now();
    const res = await at.control('billing-companies', { count: 500 });
    expect(res.status).toBe(201);
    const { companies } = res.body as Seeded;
    console.log(`Autotask: 500 billing companies seeded in ${Date.now() - started} ms`);
    expect(companies).toHaveLength(500);
    const last = companies.at(-1)!;
    const contracts = await at.query<Rec>('Contracts', [
      { op: 'eq', field: 'companyID', value: last.companyId },
    ]);
    expect(contracts.body.items).toMatchObject([{ id: last.contractId, contractType: 7, status: 1 }]);
    const services = await at.query<Rec>('ContractServices', [
      { op: 'eq', field: 'contractID', value: last.contractId },
    ]);
    expect(services.body.items.map((s) => s.id)).toEqual(last.contractServiceIds);
    const units = await at.query<Rec>('ContractServiceUnits', [
      { op: 'in', field: 'contractServiceID', value: last.contractServiceIds },
      { op: 'lte', field: 'startDate', value: new Date().toISOString() },
      { op: 'gte', field: 'endDate', value: today },
    ]);
    expect(units.body.items).toHaveLength(2);
    const before = Number(units.body.items[0]!.units);
    expect(before).toBeGreaterThanOrEqual(5);
    // An adjustment applies to them as to any seeded service.
    const adj = await at.post('/ContractServiceAdjustments', {
      contractServiceID: last.contractServiceIds[0],
      unitChange: 3,
      effectiveDate: today,
    });
    expect(adj.status).toBe(200);
    const after = await at.query<Rec>('ContractServiceUnits', [
      { op: 'eq', field: 'contractServiceID', value: last.contractServiceIds[0]! },
      { op: 'gte', field: 'endDate', value: today },
      { op: 'lte', field: 'startDate', value: new Date().toISOString() },
    ]);
    expect(after.body.items.map((u) => u.units)).toEqual([before + 3]);
  });

  it('refuses a bad count, and reset takes the companies away', async () => {
    expect((await at.control('billing-companies', { count: -1 })).status).toBe(400);
    const { companies } = (await at.control('billing-companies', { count: 1 })).body as Seeded;
    await at.control('reset');
    expect((await at.get(`/Companies/${companies[0]!.companyId}`)).status).toBe(404);
  });
});
