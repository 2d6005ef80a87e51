// Every list and single GET the simulator serves validates against the spec's schema (ajv).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CwClient } from './cw-client.ts';
import { startCw } from './cw-client.ts';
import { assertSchema } from './spec-schemas.ts';

let cw: CwClient;
beforeAll(async () => {
  cw = await startCw();
});
afterAll(() => cw.sim.stop());

const ENDPOINTS: [string, string][] = [
  ['/company/companies', 'Company'],
  ['/company/companies/statuses', 'CompanyStatus'],
  ['/company/companies/types', 'CompanyType'],
  ['/company/companies/2/sites', 'CompanySite'],
  ['/company/contacts', 'Contact'],
  ['/company/configurations', 'Configuration'],
  ['/company/configurations/types', 'ConfigurationType'],
  ['/company/configurations/statuses', 'ConfigurationStatus'],
  ['/service/boards', 'Board'],
  ['/service/boards/1/statuses', 'BoardStatus'],
  ['/service/boards/1/types', 'BoardType'],
  ['/service/boards/1/subtypes', 'BoardSubType'],
  ['/service/boards/1/items', 'BoardItem'],
  ['/service/priorities', 'Priority'],
  ['/service/SLAs', 'SLA'],
  ['/service/tickets', 'Ticket'],
  ['/service/tickets/5000/notes', 'ServiceNote'],
  ['/procurement/catalog', 'CatalogItem'],
  ['/finance/agreements', 'Agreement'],
  ['/finance/agreements/types', 'AgreementType'],
  ['/finance/agreements/1/additions', 'Addition'],
  ['/system/members', 'Member'],
  ['/system/locations', 'Location'],
  ['/system/departments', 'Department'],
  ['/system/mySecurity', 'MySecurity'],
];

describe('responses match the spec schemas', () => {
  it.each(ENDPOINTS)('%s → %s[], /count → Count, /{id} → %s', async (path, schema) => {
    const list = await cw.get(path, { pageSize: 1000 });
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    assertSchema(schema, list.body, true);
    const count = await cw.get(`${path}/count`);
    assertSchema('Count', count.body);
    expect(count.body.count).toBe(list.body.length);
    const one = await cw.get(`${path}/${list.body[0].id}`);
    expect(one.status).toBe(200);
    assertSchema(schema, one.body);
    expect(one.body).toEqual(list.body[0]);
  });

  it('error bodies match ErrorResponseMessage', async () => {
    for (const res of [
      await cw.get('/service/tickets/1'),
      await cw.post('/service/tickets', {}),
      await cw.get('/service/tickets', { conditions: 'summary = 1' }),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      assertSchema('ErrorResponseMessage', res.body);
    }
  });

  it('references carry {id, name|identifier, _info: {<x>_href}}', async () => {
    const t = (await cw.get('/service/tickets/5000')).body;
    const pairs: [string, string][] = [
      ['board', 'board_href'],
      ['status', 'status_href'],
      ['company', 'company_href'],
      ['priority', 'priority_href'],
    ];
    for (const [field, href] of pairs) {
      expect(t[field]).toMatchObject({
        id: expect.any(Number),
        _info: { [href]: expect.stringContaining('/apis/3.0//') },
      });
    }
    expect(t.company.identifier).toEqual(expect.any(String));
  });
});
