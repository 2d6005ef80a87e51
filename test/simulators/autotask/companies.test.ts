// Companies, Contacts (child of Companies, deletable), Services, Products, ConfigurationItems and
// Resources: the verbs each has (SPEC paths, reference §4.2) and their validation (§4.6).
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
  await at.raw('POST', `${sim.url}/_sim/reset`, undefined, {});
});
afterAll(async () => sim.stop());

const errorsOf = (body: unknown) => (body as { errors: string[] }).errors;

describe('seed', () => {
  it('is realistic and awkward', () => {
    const companies = sim.psa.records('Companies') as Rec[];
    const names = companies.map((c) => String(c.companyName));
    expect(companies.length).toBeGreaterThanOrEqual(250);
    expect(companies.find((c) => c.id === 0)).toBeDefined();
    expect(names.some((n) => n.includes('&'))).toBe(true);
    expect(names.some((n) => / Ltd\.?$/.test(n))).toBe(true);
    expect(names.some((n) => / Limited$/.test(n))).toBe(true);
    expect(names.some((n) => /Inc\.$/.test(n))).toBe(true);
    expect(names.some((n) => /GmbH$/.test(n))).toBe(true);
    expect(names.length - new Set(names).size).toBeGreaterThan(0); // exact duplicates
    expect(companies.some((c) => c.isActive === false)).toBe(true);
    expect(companies.some((c) => c.companyType === 3)).toBe(true); // prospects
    expect((sim.psa.records('Contacts') as Rec[]).length).toBeGreaterThan(100);
    expect((sim.psa.records('Resources') as Rec[]).length).toBeGreaterThan(5);
  });
});

describe('Companies', () => {
  const company = {
    companyName: 'New & Co Ltd',
    companyType: 1,
    ownerResourceID: 29682885,
    phone: '5555555555',
  };

  it('creates with PascalCase names and UDFs (DOC POST example)', async () => {
    const res = await at.post<{ itemId: number }>('/Companies', {
      CompanyName: 'A Company',
      CompanyType: 1,
      OwnerResourceID: 29682885,
      Phone: '5555555555',
      userDefinedFields: [{ name: 'CustomerRanking', value: 'not Golden' }],
    });
    expect(res.status).toBe(200);
    const c = (await at.get<{ item: Rec }>(`/Companies/${res.body.itemId}`)).body.item;
    expect(c).toMatchObject({
      companyName: 'A Company',
      companyType: 1,
      isActive: true,
      createdByResourceID: 29682900,
    });
    expect(Object.keys(c)[0]).toBe('id');
    expect(Date.now() - Date.parse(String(c.createDate))).toBeLessThan(60_000);
    expect(c.userDefinedFields).toContainEqual({ name: 'CustomerRanking', value: 'not Golden' });
  });

  it('validates required fields, companyType, owner and lengths', async () => {
    expect(errorsOf((await at.post('/Companies', { ...company, phone: undefined })).body).join()).toMatch(
      /phone/,
    );
    expect(errorsOf((await at.post('/Companies', { ...company, companyType: 5 })).body).join()).toMatch(
      /companyType/,
    );
    expect(errorsOf((await at.post('/Companies', { ...company, ownerResourceID: 1 })).body).join()).toMatch(
      /ownerResourceID/,
    );
    expect(
      errorsOf((await at.post('/Companies', { ...company, companyName: 'x'.repeat(101) })).body).join(),
    ).toMatch(/100/);
    expect(errorsOf((await at.post('/Companies', { ...company, isActive: 'yes' })).body).join()).toMatch(
      /Could not convert string to boolean/,
    );
  });

  it('PATCH keeps other fields; there is no delete', async () => {
    const id = (await at.post<{ itemId: number }>('/Companies', company)).body.itemId;
    await at.patch('/Companies', { id, isActive: false });
    expect((await at.get<{ item: Rec }>(`/Companies/${id}`)).body.item).toMatchObject({
      isActive: false,
      companyName: 'New & Co Ltd',
    });
    expect((await at.call('DELETE', `/Companies/${id}`)).status).toBe(405);
  });
});

describe('Contacts (child of Companies)', () => {
  const contact = { firstName: 'Zoë', lastName: "O'Connor", isActive: 1, emailAddress: 'zoe@example.com' };

  it('are created, updated and deleted only under the company', async () => {
    const created = await at.post<{ itemId: number }>('/Companies/174/Contacts', contact);
    expect(created.status).toBe(200);
    const id = created.body.itemId;
    expect((await at.get<{ item: Rec }>(`/Contacts/${id}`)).body.item).toMatchObject({
      companyID: 174,
      isActive: 1,
    });
    expect((await at.patch('/Companies/174/Contacts', { id, title: 'Owner' })).body).toEqual({ itemId: id });
    expect((await at.call('DELETE', `/Companies/174/Contacts/${id}`)).body).toEqual({ itemId: id });
    expect((await at.get(`/Contacts/${id}`)).status).toBe(404);
  });

  it('have no top-level writes', async () => {
    expect((await at.post('/Contacts', { ...contact, companyID: 174 })).status).toBe(405);
    expect((await at.patch('/Contacts', { id: 30682000, title: 'x' })).status).toBe(405);
  });

  it('isActive is an integer: true is a Json.NET parse error (N8N CHANGELOG)', async () => {
    const res = await at.post('/Companies/174/Contacts', '{"isActive":true,"firstName":"A","lastName":"B"}');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      errors: [
        "Unexpected character encountered while parsing value: t. Path 'isActive', line 1, position 13.",
      ],
    });
  });

  it('deleting a missing contact is the documented 500', async () => {
    const res = await at.call('DELETE', '/Companies/174/Contacts/1');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      errors: [
        'No message. No matching records found. The logged in Resource may not have the required permissions to delete the data.',
      ],
    });
  });

  it('require a company that exists', async () => {
    expect((await at.post('/Companies/999999/Contacts', contact)).status).toBe(500);
  });
});

describe('Services, Products, ConfigurationItems, Resources', () => {
  it('Services: create, query by name, PATCH', async () => {
    const id = (
      await at.post<{ itemId: number }>('/Services', {
        name: 'SaaS Backup - per mailbox',
        periodType: 1,
        unitPrice: 3.5,
        unitCost: 1,
      })
    ).body.itemId;
    const q = await at.query<Rec>('Services', [{ op: 'contains', field: 'name', value: 'per mailbox' }]);
    expect(q.body.items.map((s) => s.id)).toEqual([id]);
    await at.patch('/Services', { id, unitPrice: 4 });
    expect((await at.get<{ item: Rec }>(`/Services/${id}`)).body.item.unitPrice).toBe(4);
    expect((await at.post('/Services', { name: 'x', unitPrice: 1 })).status).toBe(500);
  });

  it('Products: create needs a billing code from its picklist', async () => {
    expect((await at.post('/Products', { name: 'Seat' })).status).toBe(500);
    expect((await at.post('/Products', { name: 'Seat', productBillingCodeID: 29682813 })).status).toBe(500);
    expect(
      (
        await at.post('/Products', {
          name: 'Seat',
          productBillingCodeID: 29682812,
          sku: 'SEAT-1',
          unitPrice: 4,
        })
      ).status,
    ).toBe(200);
  });

  it('ConfigurationItems: create checks company and product', async () => {
    const ok = await at.post<{ itemId: number }>('/ConfigurationItems', {
      companyID: 174,
      productID: 29683602,
      isActive: true,
      referenceTitle: 'SIRIS @ Smith',
    });
    expect(ok.status).toBe(200);
    const bad = await at.post('/ConfigurationItems', { companyID: 174, productID: 1, isActive: true });
    expect(errorsOf(bad.body).join()).toMatch(/productID/);
  });

  it('Resources: cannot be created, can be updated', async () => {
    expect((await at.post('/Resources', { firstName: 'x' })).status).toBe(405);
    expect((await at.patch('/Resources', { id: 29682886, title: 'Lead Technician' })).status).toBe(200);
    const q = await at.query<Rec>('Resources', [{ op: 'eq', field: 'isActive', value: true }]);
    expect(q.body.items.length).toBeGreaterThan(3);
  });
});
