// Recurring-service contracts: ContractServices (under Contracts), read-only ContractServiceUnits
// and create-only ContractServiceAdjustments that split unit periods (reference §4.5, checklist §8.8).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { AtClient, startAutotask, type Rec } from './client.ts';

let sim: RunningSimulator;
let at: AtClient;
let contract: Rec;
let cs: Rec;
beforeAll(async () => {
  sim = await startAutotask({ port: 0 });
  at = await new AtClient(sim).discover();
  const contracts = sim.psa.records('Contracts') as Rec[];
  const services = sim.psa.records('ContractServices') as Rec[];
  contract = contracts.find(
    (c) =>
      c.contractType === 7 &&
      c.contractPeriodType === 1 &&
      c.status === 1 &&
      services.some((s) => s.contractID === c.id),
  )!;
  cs = services.find((s) => s.contractID === contract.id)!;
});
beforeEach(async () => {
  await at.raw('POST', `${sim.url}/_sim/reset`, undefined, {});
});
afterAll(async () => sim.stop());

const errorsOf = (body: unknown) => (body as { errors: string[] }).errors;

async function units(contractServiceID: number): Promise<Rec[]> {
  const res = await at.query<Rec>('ContractServiceUnits', [
    { op: 'eq', field: 'contractServiceID', value: contractServiceID },
  ]);
  expect(res.status).toBe(200);
  return res.body.items;
}
const covering = (rows: Rec[], day: string) => {
  const d = day.slice(0, 10);
  return rows.find((u) => String(u.startDate).slice(0, 10) <= d && String(u.endDate).slice(0, 10) >= d)!;
};

describe('ContractServiceUnits', () => {
  it('has one row per billing period with history, past periods posted', async () => {
    const rows = await units(cs.id);
    expect(rows.length).toBeGreaterThanOrEqual(24);
    expect(rows.every((u) => u.contractID === contract.id && u.serviceID === cs.serviceID)).toBe(true);
    expect(covering(rows, '2025-09-15T')!.approveAndPostDate).not.toBeNull();
    expect(covering(rows, '2026-12-15T')!.approveAndPostDate).toBeNull();
  });

  it('is read only, and reachable under the contract', async () => {
    expect((await at.post('/ContractServiceUnits', { units: 1 })).status).toBe(405);
    expect((await at.patch('/ContractServiceUnits', { id: 1, units: 1 })).status).toBe(405);
    const child = await at.get<{ items: Rec[] }>(`/Contracts/${contract.id}/ServiceUnits`);
    expect(child.body.items.length).toBeGreaterThan(0);
    const one = await at.get<{ item: Rec }>(`/ContractServiceUnits/${child.body.items[0]!.id}`);
    expect(one.body.item.contractID).toBe(contract.id);
  });
});

describe('ContractServiceAdjustments', () => {
  it('"set units to N": read current units, post the difference; the period splits at the effective date', async () => {
    const before = await units(cs.id);
    const dec = covering(before, '2026-12-15T');
    const current = Number(dec.units);
    const res = await at.post<{ itemId: number }>('/ContractServiceAdjustments', {
      contractID: contract.id,
      serviceID: cs.serviceID,
      unitChange: 3,
      effectiveDate: '2026-12-15T00:00:00Z',
      adjustedUnitPrice: 12.5,
      allowRepeatService: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ itemId: expect.any(Number) });
    const after = await units(cs.id);
    expect(after.length).toBe(before.length + 1);
    const first = covering(after, '2026-12-14T');
    const second = covering(after, '2026-12-15T');
    expect(first.id).toBe(dec.id);
    expect(first).toMatchObject({ units: current, endDate: '2026-12-14T00:00:00.000Z' });
    expect(second).toMatchObject({
      units: current + 3,
      startDate: '2026-12-15T00:00:00.000Z',
      endDate: dec.endDate,
      price: 12.5,
    });
    const jan = covering(after, '2027-01-15T');
    expect(jan.units).toBe(Number(covering(before, '2027-01-15T').units) + 3);
    expect(covering(after, '2026-11-15T').units).toBe(covering(before, '2026-11-15T').units);
  });

  it('works through Contracts/{id}/ServiceAdjustments with a contractServiceID and negative change', async () => {
    const dec = covering(await units(cs.id), '2026-12-01T');
    const res = await at.post(`/Contracts/${contract.id}/ServiceAdjustments`, {
      contractServiceID: cs.id,
      unitChange: -Number(dec.units),
      effectiveDate: '2026-12-01',
    });
    expect(res.status).toBe(200);
    expect(covering(await units(cs.id), '2026-12-01T').units).toBe(0);
  });

  it('creates the ContractService when none matches contractID + serviceID', async () => {
    const all = sim.psa.records('ContractServices') as Rec[];
    const unused = (sim.psa.records('Services') as Rec[]).find(
      (s) => s.isActive && !all.some((x) => x.contractID === contract.id && x.serviceID === s.id),
    )!;
    const res = await at.post('/ContractServiceAdjustments', {
      contractID: contract.id,
      serviceID: unused.id,
      unitChange: 7,
      effectiveDate: '2026-12-01',
    });
    expect(res.status).toBe(200);
    const created = await at.query<Rec>('ContractServices', [
      { op: 'eq', field: 'contractID', value: contract.id },
      { op: 'eq', field: 'serviceID', value: unused.id },
    ]);
    expect(created.body.items.length).toBe(1);
    const rows = await units(created.body.items[0]!.id);
    expect(covering(rows, '2026-12-15T').units).toBe(7);
    expect(covering(rows, '2026-11-15T').units).toBe(0);
  });

  const invalid: [string, () => Record<string, unknown>, RegExp][] = [
    [
      'units would go negative',
      () => ({ contractServiceID: cs.id, unitChange: -100000, effectiveDate: '2026-12-01' }),
      /negative/,
    ],
    [
      'period already posted',
      () => ({ contractServiceID: cs.id, unitChange: 1, effectiveDate: '2025-08-15' }),
      /approved and posted/,
    ],
    [
      'outside the contract',
      () => ({ contractServiceID: cs.id, unitChange: 1, effectiveDate: '2030-01-01' }),
      /contract start and end/,
    ],
    ['no effective date', () => ({ contractServiceID: cs.id, unitChange: 1 }), /effectiveDate/],
    ['no unit change', () => ({ contractServiceID: cs.id, effectiveDate: '2026-12-01' }), /unitChange/],
    [
      'neither contractServiceID nor contractID + serviceID',
      () => ({ contractID: contract.id, unitChange: 1, effectiveDate: '2026-12-01' }),
      /contractServiceID or both contractID and serviceID/,
    ],
    [
      'unknown contract service',
      () => ({ contractServiceID: 999999, unitChange: 1, effectiveDate: '2026-12-01' }),
      /contractServiceID/,
    ],
    [
      'unit change not an integer',
      () => ({ contractServiceID: cs.id, unitChange: 1.5, effectiveDate: '2026-12-01' }),
      /not a valid integer/,
    ],
  ];
  it.each(invalid)('%s → 500', async (_n, body, message) => {
    const before = (sim.psa.records('ContractServiceUnits') as Rec[]).length;
    const res = await at.post('/ContractServiceAdjustments', body());
    expect(res.status).toBe(500);
    expect(errorsOf(res.body).join(' ')).toMatch(message);
    expect((sim.psa.records('ContractServiceUnits') as Rec[]).length).toBe(before);
  });

  it('rejects a non-recurring contract', async () => {
    const tm = (sim.psa.records('Contracts') as Rec[]).find((c) => c.contractType === 1)!;
    const res = await at.post('/ContractServiceAdjustments', {
      contractID: tm.id,
      serviceID: 25,
      unitChange: 1,
      effectiveDate: String(tm.startDate),
    });
    expect(errorsOf(res.body).join(' ')).toMatch(/Recurring Service/);
  });

  it('can only be created', async () => {
    expect((await at.patch('/ContractServiceAdjustments', { id: 1, unitChange: 2 })).status).toBe(405);
    expect((await at.get('/ContractServiceAdjustments/1')).status).toBe(404);
  });
});

describe('ContractServices', () => {
  it('are added under the contract and get unit rows', async () => {
    const all = sim.psa.records('ContractServices') as Rec[];
    const unused = (sim.psa.records('Services') as Rec[]).find(
      (s) => s.isActive && !all.some((x) => x.contractID === contract.id && x.serviceID === s.id),
    )!;
    const res = await at.post<{ itemId: number }>(`/Contracts/${contract.id}/Services`, {
      serviceID: unused.id,
      unitPrice: 15,
      invoiceDescription: 'Managed desktop',
    });
    expect(res.status).toBe(200);
    const rows = await units(res.body.itemId);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((u) => u.units === 1)).toBe(true);
    const dup = await at.post(`/Contracts/${contract.id}/Services`, { serviceID: unused.id, unitPrice: 15 });
    expect(errorsOf(dup.body)[0]).toMatch(/already associated/);
    expect(
      (await at.post('/ContractServices', { contractID: contract.id, serviceID: unused.id, unitPrice: 1 }))
        .status,
    ).toBe(405);
  });

  it('on update only adjustedPrice and invoiceDescription change', async () => {
    const res = await at.patch(`/Contracts/${contract.id}/Services`, {
      id: cs.id,
      unitPrice: 999,
      adjustedPrice: 20,
      invoiceDescription: 'Renamed',
    });
    expect(res.body).toEqual({ itemId: cs.id });
    const row = (await at.get<{ item: Rec }>(`/Contracts/${contract.id}/Services/${cs.id}`)).body.item;
    expect(row).toMatchObject({ unitPrice: cs.unitPrice, adjustedPrice: 20, invoiceDescription: 'Renamed' });
  });

  it('cannot go on a non-recurring contract', async () => {
    const tm = (sim.psa.records('Contracts') as Rec[]).find((c) => c.contractType === 1)!;
    expect((await at.post(`/Contracts/${tm.id}/Services`, { serviceID: 25, unitPrice: 1 })).status).toBe(500);
  });
});

describe('Contracts', () => {
  it('create validates dates, type and company', async () => {
    const body = {
      companyID: 174,
      contractName: 'New MSA',
      contractType: 7,
      contractPeriodType: 1,
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      status: 1,
    };
    const ok = await at.post<{ itemId: number }>('/Contracts', body);
    expect(ok.status).toBe(200);
    expect((await at.post('/Contracts', { ...body, contractType: 2 })).status).toBe(500);
    expect((await at.post('/Contracts', { ...body, startDate: undefined })).status).toBe(500);
    const svc = await at.post<{ itemId: number }>(`/Contracts/${ok.body.itemId}/Services`, {
      serviceID: 25,
      unitPrice: 45,
    });
    expect((await units(svc.body.itemId)).length).toBe(12);
  });
});
