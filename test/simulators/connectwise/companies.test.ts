// Companies (statuses, types, sites, recycle bin), contacts and setup tables: writes validate like
// the real server and answer with its error shape (reference §4.1, §7.3, §7.5 [S4, S6, S13]).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConnectwiseSeed } from '../../../src/simulators/connectwise/index.ts';
import type { CwClient } from './cw-client.ts';
import { startCw } from './cw-client.ts';
import { assertSchema } from './spec-schemas.ts';

let cw: CwClient;
beforeAll(async () => {
  // The default API role may only read setup tables; here it may also change them.
  const seed = defaultConnectwiseSeed();
  for (const s of seed.tables.securityRoleSettings!)
    for (const l of ['add', 'edit', 'delete']) s[`${l}Level`] = 'All';
  cw = await startCw({ seed });
});
afterAll(() => cw.sim.stop());

describe('companies', () => {
  it('creates with 201, default status and type, and a Main site', async () => {
    const res = await cw.post('/company/companies', {
      identifier: 'NewCo',
      name: 'New Co & Sons Ltd',
      city: 'Leeds',
    });
    expect(res.status).toBe(201);
    assertSchema('Company', res.body);
    expect(res.body).toMatchObject({
      identifier: 'NewCo',
      status: { name: 'Active' },
      types: [{ name: 'Client' }],
      deletedFlag: false,
    });
    expect(res.body._info.sites_href).toContain(`/company/companies/${res.body.id}/sites`);
    const sites = await cw.get(`/company/companies/${res.body.id}/sites`);
    expect(sites.body).toEqual([
      expect.objectContaining({ name: 'Main', company: expect.objectContaining({ id: res.body.id }) }),
    ]);
    expect(res.body.site).toMatchObject({ id: sites.body[0].id, name: 'Main' });
  });

  it('refuses a duplicate identifier with ObjectExists, whatever its case', async () => {
    const res = await cw.post('/company/companies', { identifier: 'smithjonesltd', name: 'Dup', city: 'X' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'InvalidObject',
      message: 'company object is invalid',
      errors: [
        {
          code: 'ObjectExists',
          message: expect.stringContaining('smithjonesltd'),
          resource: 'company',
          field: 'identifier',
        },
      ],
    });
  });

  it('reports every invalid field, in the real 400 shape', async () => {
    const res = await cw.post('/company/companies', {
      name: 'n'.repeat(157),
      yearEstablished: 1066,
      revenueYear: 12000,
      status: { name: 'Bogus' },
    });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(
      res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    );
    expect(byField).toEqual({
      identifier: 'NullValue',
      name: 'InvalidLength',
      yearEstablished: 'OutOfRange',
      revenueYear: 'OutOfRange',
      addressLine1: 'NullValue',
      status: 'InvalidField',
    });
    const year = res.body.errors.find((e: { field: string }) => e.field === 'yearEstablished');
    expect(year).toEqual({
      code: 'OutOfRange',
      message: 'The field yearEstablished must be between 1900 and 9999.',
      resource: 'company',
      field: 'yearEstablished',
    });
  });

  it('refuses a wrong type and a bad enum, and a body that is not an object', async () => {
    const res = await cw.post('/company/companies', {
      identifier: 'T1',
      name: 'T',
      city: 'X',
      leadFlag: 'yes',
      numberOfEmployees: 1.5,
    });
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'leadFlag',
      'numberOfEmployees',
    ]);
    expect((await cw.post('/company/companies', [1, 2])).status).toBe(400);
    const notJson = await cw.call('POST', '/company/companies', {
      body: '{nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.code).toBe('InvalidObject');
  });

  it('keeps types on PUT/PATCH (POST-only) and patches the status', async () => {
    const c = (
      await cw.post('/company/companies', {
        identifier: 'TypeCo',
        name: 'Type Co',
        zip: '1',
        types: [{ name: 'Prospect' }],
      })
    ).body;
    expect(c.types[0].name).toBe('Prospect');
    const res = await cw.patch(`/company/companies/${c.id}`, [
      { op: 'replace', path: 'types', value: [{ name: 'Vendor' }] },
      { op: 'replace', path: 'status', value: { name: 'Credit Hold' } },
    ]);
    expect(res.body.types[0].name).toBe('Prospect');
    expect(res.body.status.name).toBe('Credit Hold');
  });

  it('DELETE moves a company to the recycle bin: 204, hidden from lists, still readable', async () => {
    const c = (await cw.post('/company/companies', { identifier: 'GoneCo', name: 'Gone Co', city: 'X' }))
      .body;
    expect((await cw.delete(`/company/companies/${c.id}`)).status).toBe(204);
    expect((await cw.count('/company/companies', 'identifier = "GoneCo"')).body.count).toBe(0);
    expect(
      (await cw.count('/company/companies', 'identifier = "GoneCo" and deletedFlag = true')).body.count,
    ).toBe(1);
    const one = await cw.get(`/company/companies/${c.id}`);
    expect(one.body).toMatchObject({ deletedFlag: true, deletedBy: 'psahub' });
    const ticket = await cw.post('/service/tickets', { summary: 'x', company: { id: c.id } });
    expect(ticket.status).toBe(400);
  });

  it('refuses to delete a company with active agreements (409)', async () => {
    const agreement = (
      await cw.get('/finance/agreements', { conditions: 'agreementStatus = "Active"', pageSize: 1 })
    ).body[0];
    const res = await cw.delete(`/company/companies/${agreement.company.id}`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it('lists statuses and types, with a rename showing in every reference', async () => {
    const statuses = await cw.get('/company/companies/statuses');
    assertSchema('CompanyStatus', statuses.body, true);
    const types = await cw.get('/company/companies/types');
    assertSchema('CompanyType', types.body, true);
    expect(types.body.map((t: { name: string }) => t.name)).toContain('Prospect');
    const hold = statuses.body.find((s: { name: string }) => s.name === 'Credit Hold');
    await cw.patch(`/company/companies/statuses/${hold.id}`, [
      { op: 'replace', path: 'name', value: 'On Hold' },
    ]);
    const held = await cw.get('/company/companies', { conditions: 'status/name = "On Hold"', pageSize: 1 });
    expect(held.body[0].status.name).toBe('On Hold');
  });
});

describe('contacts', () => {
  it('creates a contact on a company and refuses a site of another company', async () => {
    const company = (await cw.get('/company/companies', { conditions: 'identifier = "AcmeInc"' })).body[0];
    const res = await cw.post('/company/contacts', {
      firstName: 'Zoë',
      lastName: "O'Connor",
      company: { id: company.id },
      communicationItems: [
        { type: { name: 'Email' }, value: 'zoe@acme.example', communicationType: 'Email', defaultFlag: true },
      ],
    });
    expect(res.status).toBe(201);
    assertSchema('Contact', res.body);
    expect(res.body.communicationItems[0].id).toBe(1);
    const found = await cw.get('/company/contacts', {
      childConditions: 'communicationItems/value = "zoe@acme.example"',
    });
    expect(found.body.map((c: { id: number }) => c.id)).toEqual([res.body.id]);
    const otherSite = (await cw.get('/company/companies', { conditions: 'identifier = "SmithJonesLtd"' }))
      .body[0].site;
    const bad = await cw.post('/company/contacts', {
      firstName: 'A',
      company: { id: company.id },
      site: { id: otherSite.id },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('site');
  });

  it('refuses a contact on an unknown company', async () => {
    const res = await cw.post('/company/contacts', { firstName: 'A', company: { id: 424242 } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ resource: 'contact', field: 'company' });
  });
});

describe('service setup tables', () => {
  it('boards carry statuses, types, subtypes and items, each scoped to its board', async () => {
    const board = (await cw.get('/service/boards', { conditions: 'name = "Service Desk"' })).body[0];
    for (const [child, schema] of [
      ['statuses', 'BoardStatus'],
      ['types', 'BoardType'],
      ['subtypes', 'BoardSubType'],
      ['items', 'BoardItem'],
    ] as const) {
      const res = await cw.get(`/service/boards/${board.id}/${child}`);
      expect(res.status).toBe(200);
      assertSchema(schema, res.body, true);
      expect(res.body.every((r: { board: { id: number } }) => r.board.id === board.id)).toBe(true);
    }
    const open = await cw.get(`/service/boards/${board.id}/statuses`, {
      conditions: 'closedStatus = false and inactive = false',
    });
    expect(open.body.map((s: { name: string }) => s.name)).toContain('New');
    expect((await cw.get('/service/boards/999/statuses')).status).toBe(404);
  });

  it('adds a board status; a new default takes the flag from the old one', async () => {
    const board = (await cw.get('/service/boards', { pageSize: 1 })).body[0];
    const res = await cw.post(`/service/boards/${board.id}/statuses`, { name: 'Triage', defaultFlag: true });
    expect(res.status).toBe(201);
    const defaults = await cw.get(`/service/boards/${board.id}/statuses`, {
      conditions: 'defaultFlag = true',
    });
    expect(defaults.body.map((s: { name: string }) => s.name)).toEqual(['Triage']);
    const dup = await cw.post(`/service/boards/${board.id}/statuses`, { name: 'triage' });
    expect(dup.body.errors[0].code).toBe('ObjectExists');
    const inUse = (await cw.get('/service/tickets', { conditions: `board/id = ${board.id}`, pageSize: 1 }))
      .body[0];
    expect((await cw.delete(`/service/boards/${board.id}/statuses/${inUse.status.id}`)).status).toBe(409);
  });

  it('priorities and SLAs', async () => {
    const p = await cw.get('/service/priorities', { orderBy: 'sortOrder asc' });
    assertSchema('Priority', p.body, true);
    expect(p.body[0].name).toBe('Priority 1 - Emergency Response');
    const bad = await cw.post('/service/priorities', { name: 'P9' });
    expect(bad.body.errors[0]).toMatchObject({ field: 'color', code: 'NullValue' });
    const badColor = await cw.post('/service/priorities', { name: 'P9', color: 'Mauve' });
    expect(badColor.body.errors[0]).toMatchObject({ field: 'color', code: 'InvalidField' });
    const slas = await cw.get('/service/SLAs');
    assertSchema('SLA', slas.body, true);
    expect(slas.body[0].hiImpactHiUrgency.name).toBe('Priority 1 - Emergency Response');
    expect((await cw.get('/service/slas')).status).toBe(200); // paths are case-insensitive
  });
});
