// Agreements with additions, the product catalog and configurations (reference §7.6-7.8, §7.10, §8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CwClient } from './cw-client.ts';
import { startCw } from './cw-client.ts';
import { assertSchema } from './spec-schemas.ts';

let cw: CwClient;
let agreement: { id: number; company: { id: number }; contact: { id: number } };
beforeAll(async () => {
  cw = await startCw();
  agreement = (await cw.get('/finance/agreements', { conditions: 'agreementStatus = "Active"', pageSize: 1 }))
    .body[0];
});
afterAll(() => cw.sim.stop());

describe('agreements', () => {
  it('lists agreements and their types in the spec shapes', async () => {
    const list = await cw.get('/finance/agreements', { pageSize: 50 });
    assertSchema('Agreement', list.body, true);
    const types = await cw.get('/finance/agreements/types');
    assertSchema('AgreementType', types.body, true);
    expect(
      (await cw.count('/finance/agreements', 'agreementStatus = "Cancelled"')).body.count,
    ).toBeGreaterThan(0);
  });

  it('creates with 201, copying the billing settings from the type', async () => {
    const res = await cw.post('/finance/agreements', {
      name: 'SaaS Backup',
      type: { name: 'Backup Services' },
      company: { id: agreement.company.id },
      contact: { id: agreement.contact.id },
    });
    expect(res.status).toBe(201);
    assertSchema('Agreement', res.body);
    expect(res.body).toMatchObject({
      agreementStatus: 'Active',
      billTime: 'Billable',
      invoicingCycle: 'ContractYear',
      noEndingDateFlag: true,
    });
    expect(res.body._info.additions_href).toContain(`/finance/agreements/${res.body.id}/additions`);
  });

  it('refuses missing fields, an inactive type and a contact of another company', async () => {
    const missing = await cw.post('/finance/agreements', { name: 'x' });
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'company',
      'contact',
      'type',
    ]);
    const foreign = (
      await cw.get('/company/contacts', { conditions: `company/id != ${agreement.company.id}`, pageSize: 1 })
    ).body[0];
    const res = await cw.post('/finance/agreements', {
      name: 'x',
      type: { name: 'Cloud Services (retired)' },
      company: { id: agreement.company.id },
      contact: { id: foreign.id },
    });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'type', message: 'The agreement type is inactive.' }),
        expect.objectContaining({
          field: 'contact',
          message: 'The contact does not belong to the agreement company.',
        }),
      ]),
    );
  });

  it('PUT needs the "Required On Updates" fields; cancelling sets the status', async () => {
    const a = (await cw.get(`/finance/agreements/${agreement.id}`)).body;
    const put = await cw.put(`/finance/agreements/${a.id}`, {
      name: a.name,
      type: a.type,
      company: a.company,
      contact: a.contact,
    });
    expect(put.status).toBe(400);
    expect(put.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'billExpenses',
      'billProducts',
      'billTime',
      'employeeCompRate',
      'invoicingCycle',
    ]);
    const fresh = (
      await cw.post('/finance/agreements', {
        name: 'To cancel',
        type: { id: 1 },
        company: a.company,
        contact: a.contact,
      })
    ).body;
    const cancelled = await cw.patch(`/finance/agreements/${fresh.id}`, [
      { op: 'replace', path: 'cancelledFlag', value: true },
    ]);
    expect(cancelled.body).toMatchObject({ agreementStatus: 'Cancelled', cancelledFlag: true });
    expect(cancelled.body.dateCancelled).toMatch(/Z$/);
    const add = await cw.post(`/finance/agreements/${fresh.id}/additions`, {
      product: { identifier: 'RMM-AGENT' },
      billCustomer: 'Billable',
    });
    expect(add.status).toBe(400);
  });
});

describe('agreement additions', () => {
  it('adds by product identifier with 201 and computes the billing fields', async () => {
    const res = await cw.post(`/finance/agreements/${agreement.id}/additions`, {
      product: { identifier: 'MANAGED-WS' },
      billCustomer: 'Billable',
      quantity: 25,
      lessIncluded: 5,
      unitPrice: 45,
      unitCost: 12.5,
      effectiveDate: '2025-07-01T00:00:00Z',
      invoiceDescription: 'Managed workstations',
    });
    expect(res.status).toBe(201);
    assertSchema('Addition', res.body);
    expect(res.body).toMatchObject({
      agreementId: agreement.id,
      product: { identifier: 'MANAGED-WS' },
      billedQuantity: 20,
      extPrice: 1125,
      extCost: 312.5,
      margin: 812.5,
      agreementStatus: 'Active',
      description: 'Managed Workstation',
    });
    const patched = await cw.patch(`/finance/agreements/${agreement.id}/additions/${res.body.id}`, [
      { op: 'replace', path: 'quantity', value: 27 },
    ]);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ quantity: 27, billedQuantity: 22, extPrice: 1215 });
    const listed = await cw.get(`/finance/agreements/${agreement.id}/additions`, {
      conditions: 'product/identifier = "MANAGED-WS"',
    });
    expect(listed.body.map((a: { id: number }) => a.id)).toContain(res.body.id);
  });

  it('takes price and cost from the product when left out', async () => {
    const res = await cw.post(`/finance/agreements/${agreement.id}/additions`, {
      product: { identifier: 'EDR-SEAT' },
      billCustomer: 'NoCharge',
      quantity: 4,
    });
    expect(res.body).toMatchObject({ unitPrice: 7.5, unitCost: 3.2, extPrice: 30, lessIncluded: 0 });
  });

  it('refuses a missing product or billCustomer, bad enum, inactive and bundle products, computed fields ignored', async () => {
    const missing = await cw.post(`/finance/agreements/${agreement.id}/additions`, {});
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'billCustomer',
      'product',
    ]);
    const badEnum = await cw.post(`/finance/agreements/${agreement.id}/additions`, {
      product: { id: 1 },
      billCustomer: 'Sometimes',
    });
    expect(badEnum.body.errors[0]).toMatchObject({ field: 'billCustomer', code: 'InvalidField' });
    const inactive = await cw.post(`/finance/agreements/${agreement.id}/additions`, {
      product: { identifier: 'BACKUP-M365-OLD' },
      billCustomer: 'Billable',
    });
    expect(inactive.body.errors[0]).toMatchObject({ field: 'product', message: 'The product is inactive.' });
    const bundle = await cw.post(`/finance/agreements/${agreement.id}/additions`, {
      product: { identifier: 'SECURITY-BUNDLE' },
      billCustomer: 'Billable',
    });
    expect(bundle.body.errors[0]).toMatchObject({
      field: 'product',
      message: expect.stringContaining('Bundle'),
    });
    const unknown = await cw.post(`/finance/agreements/${agreement.id}/additions`, {
      product: { identifier: 'NOPE' },
      billCustomer: 'Billable',
    });
    expect(unknown.body.errors[0]).toMatchObject({ field: 'product', code: 'InvalidField' });
    const computed = await cw.post(`/finance/agreements/${agreement.id}/additions`, {
      product: { identifier: 'RMM-AGENT' },
      billCustomer: 'Billable',
      quantity: 2,
      extPrice: 999,
    });
    expect(computed.body.extPrice).toBe(6);
    expect(
      (
        await cw.post('/finance/agreements/999999/additions', {
          product: { id: 1 },
          billCustomer: 'Billable',
        })
      ).status,
    ).toBe(404);
  });

  it('matches product identifiers case-insensitively, as the catalog does', async () => {
    const res = await cw.get('/procurement/catalog', { conditions: 'identifier = "backup-m365"' });
    expect(res.body.map((p: { identifier: string }) => p.identifier).sort()).toEqual([
      'BACKUP-M365',
      'backup-m365',
    ]);
  });

  it('counts; the default integration role may not delete additions (403)', async () => {
    const before = (await cw.get(`/finance/agreements/${agreement.id}/additions/count`)).body.count;
    const a = (
      await cw.post(`/finance/agreements/${agreement.id}/additions`, {
        product: { id: 9 },
        billCustomer: 'Billable',
      })
    ).body;
    expect((await cw.get(`/finance/agreements/${agreement.id}/additions/count`)).body.count).toBe(before + 1);
    const del = await cw.delete(`/finance/agreements/${agreement.id}/additions/${a.id}`);
    expect(del.status).toBe(403);
    const rights = (
      await cw.get('/system/mySecurity', { conditions: 'moduleFunctionIdentifier = "Agreements"' })
    ).body[0];
    expect(rights).toMatchObject({ deleteLevel: 'None', addLevel: 'All' });
    expect((await cw.get(`/finance/agreements/${agreement.id}/additions/${a.id}`)).status).toBe(200);
  });
});

describe('catalog and configurations', () => {
  it('creates a catalog item, refusing a duplicate identifier and missing required fields', async () => {
    const types = (await cw.get('/procurement/types')).body;
    const subs = (await cw.get('/procurement/subcategories')).body;
    const res = await cw.post('/procurement/catalog', {
      identifier: 'VDI-GPU',
      description: 'Cloud desktop with GPU',
      customerDescription: 'GPU desktop',
      subcategory: { id: subs[0].id },
      type: { name: types[0].name },
      price: 99,
    });
    expect(res.status).toBe(201);
    assertSchema('CatalogItem', res.body);
    expect(res.body.productClass).toBe('NonInventory');
    const dup = await cw.post('/procurement/catalog', { ...res.body, id: undefined, identifier: 'vdi-gpu' });
    expect(dup.body.errors[0].code).toBe('ObjectExists');
    const missing = await cw.post('/procurement/catalog', { identifier: 'X' });
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'customerDescription',
      'description',
      'subcategory',
      'type',
    ]);
    const inUse = await cw.delete('/procurement/catalog/1');
    expect(inUse.status).toBe(409);
  });

  it('lists configurations with types and creates one', async () => {
    const list = await cw.get('/company/configurations', {
      conditions: 'type/name = "Server"',
      pageSize: 10,
    });
    assertSchema('Configuration', list.body, true);
    expect(list.body.every((c: { type: { name: string } }) => c.type.name === 'Server')).toBe(true);
    assertSchema('ConfigurationType', (await cw.get('/company/configurations/types')).body, true);
    const res = await cw.post('/company/configurations', {
      name: 'ACME-BDR1',
      type: { name: 'Backup Appliance' },
      company: { id: agreement.company.id },
      serialNumber: 'SN1',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: { name: 'Active' }, activeFlag: true });
    const retired = await cw.post('/company/configurations', {
      name: 'x',
      type: { name: 'Legacy NAS' },
      company: { id: agreement.company.id },
    });
    expect(retired.body.errors[0]).toMatchObject({
      field: 'type',
      message: 'The configuration type is inactive.',
    });
    const long = await cw.post('/company/configurations', {
      name: 'n'.repeat(101),
      type: { id: 1 },
      company: { id: agreement.company.id },
    });
    expect(long.body.errors[0]).toMatchObject({ field: 'name', code: 'InvalidLength' });
  });
});
