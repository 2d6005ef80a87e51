// Paging across pages with nextPageUrl / prevPageUrl, MaxRecords, IncludeFields and GET by id
// (reference §2.1–2.4, checklist §8.4–8.6), on the default seed (a few hundred companies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { AtClient, startAutotask, type QueryResult, type Rec } from './client.ts';

let sim: RunningSimulator;
let at: AtClient;
let allIds: number[];
beforeAll(async () => {
  sim = await startAutotask({ port: 0 });
  at = await new AtClient(sim).discover();
  allIds = (sim.psa.records('Companies') as Rec[]).map((r) => r.id).sort((a, b) => a - b);
});
afterAll(async () => sim.stop());

const everything = { filter: [{ op: 'exist', field: 'id' }] };

describe('paging', () => {
  it('the default seed has more than one page of companies', () => {
    expect(allIds.length).toBeGreaterThan(250);
  });

  it('follows a POST query to the end by POSTing nextPageUrl with the same body', async () => {
    const body = { ...everything, MaxRecords: 100 };
    let page = await at.post<QueryResult<Rec>>('/Companies/query', body);
    const seen: number[] = [];
    const counts: number[] = [];
    for (;;) {
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((r) => r.id));
      counts.push(page.body.pageDetails.count);
      expect(page.body.pageDetails.requestCount).toBe(100);
      const next = page.body.pageDetails.nextPageUrl;
      if (!next) break;
      expect(next).toMatch(new RegExp(`^${at.zoneUrl}V1\\.0/Companies/query/next\\?paging=.+&search=`));
      page = await at.raw<QueryResult<Rec>>('POST', next, body);
    }
    expect(seen).toEqual(allIds);
    expect(counts.slice(0, -1).every((c) => c === 100)).toBe(true);
  });

  it('follows a GET query with GET, and prevPageUrl goes back a page', async () => {
    const search = encodeURIComponent(JSON.stringify({ ...everything, MaxRecords: 120 }));
    const first = await at.get<QueryResult<Rec>>(`/Companies/query?search=${search}`);
    expect(first.body.pageDetails.prevPageUrl).toBeNull();
    const second = await at.raw<QueryResult<Rec>>('GET', first.body.pageDetails.nextPageUrl!);
    expect(second.status).toBe(200);
    expect(second.body.items[0]!.id).toBeGreaterThan(first.body.items.at(-1)!.id);
    const back = await at.raw<QueryResult<Rec>>('GET', second.body.pageDetails.prevPageUrl!);
    expect(back.body.items.map((r) => r.id)).toEqual(first.body.items.map((r) => r.id));
  });

  it('GET on a POST-originated next page is a framework 405', async () => {
    const first = await at.post<QueryResult<Rec>>('/Companies/query', { ...everything, MaxRecords: 50 });
    const res = await at.raw('GET', first.body.pageDetails.nextPageUrl!);
    expect(res.status).toBe(405);
    expect(res.body).toEqual({ Message: "The requested resource does not support http method 'GET'." });
  });

  it('an over-long GET query string gets the IIS 404.15 text page; the same query by POST works', async () => {
    const filter = [{ op: 'in', field: 'id', value: Array.from({ length: 400 }, (_, i) => 100000 + i) }];
    const res = await at.get(`/Companies/query?search=${encodeURIComponent(JSON.stringify({ filter }))}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatch(/404\.15/);
    expect((await at.query('Companies', filter)).status).toBe(200);
  });

  it('a filtered query pages within the filter', async () => {
    const body = { filter: [{ op: 'eq', field: 'companyType', value: 1 }], MaxRecords: 40 };
    const total = (await at.post<{ queryCount: number }>('/Companies/query/count', body)).body.queryCount;
    let page = await at.post<QueryResult<Rec>>('/Companies/query', body);
    let n = 0;
    for (;;) {
      expect(page.body.items.every((r) => r.companyType === 1)).toBe(true);
      n += page.body.items.length;
      if (!page.body.pageDetails.nextPageUrl) break;
      page = await at.raw<QueryResult<Rec>>('POST', page.body.pageDetails.nextPageUrl, body);
    }
    expect(n).toBe(total);
  });

  it('the documented id loop works too (rows come sorted by id)', async () => {
    const seen: number[] = [];
    let last = -1;
    for (;;) {
      const page = await at.post<QueryResult<Rec>>('/Companies/query', {
        filter: [{ op: 'gt', field: 'id', value: last }],
        includeFields: ['id'],
      });
      if (page.body.items.length === 0) break;
      seen.push(...page.body.items.map((r) => r.id));
      last = page.body.items.at(-1)!.id;
      if (page.body.items.length < 500) break;
    }
    expect(seen).toEqual(allIds);
  });

  it('MaxRecords over 500 is served as 500, absent or 0 as the default 500', async () => {
    for (const max of [1000, 0, undefined]) {
      const res = await at.post<QueryResult<Rec>>('/Companies/query', { ...everything, MaxRecords: max });
      expect(res.body.pageDetails.requestCount).toBe(500);
      expect(res.body.items.length).toBe(Math.min(500, allIds.length));
    }
  });

  it('a page with everything has null page links', async () => {
    const res = await at.query('Companies', [{ op: 'eq', field: 'id', value: 0 }]);
    expect(res.body.pageDetails).toEqual({
      count: 1,
      requestCount: 500,
      prevPageUrl: null,
      nextPageUrl: null,
    });
  });
});

describe('IncludeFields and GET by id', () => {
  it('returns only the listed fields plus id and userDefinedFields, including a listed UDF', async () => {
    const res = await at.query<Rec>('Companies', [{ op: 'eq', field: 'id', value: 174 }], {
      IncludeFields: ['companyName', 'isactive', 'Number of Employees'],
    });
    const item = res.body.items[0]!;
    expect(Object.keys(item).sort()).toEqual(['companyName', 'id', 'isActive', 'userDefinedFields']);
    expect(item.userDefinedFields).toEqual([{ name: 'Number of Employees', value: expect.anything() }]);
  });

  it('an unknown IncludeFields name is an error', async () => {
    const res = await at.query('Companies', [{ op: 'exist', field: 'id' }], { IncludeFields: ['nope'] });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ errors: ['Unable to find nope in the Company Entity.'] });
  });

  it('full rows carry every field and every UDF', async () => {
    const res = await at.get<{ item: Rec }>('/Companies/174');
    expect(res.status).toBe(200);
    expect(res.body.item).toHaveProperty('taxID', null);
    // The six active company UDFs of the seed; the inactive "Backup: legacy agent" is not shown.
    const udfs = res.body.item.userDefinedFields as { name: string }[];
    expect(udfs.length).toBe(6);
    expect(udfs.map((u) => u.name)).not.toContain('Backup: legacy agent');
  });

  it('GET of a missing id is 404', async () => {
    expect((await at.get('/Companies/999999')).status).toBe(404);
    expect((await at.get('/Tickets/1')).status).toBe(404);
  });

  it('child URLs list a parent’s children', async () => {
    const company = (sim.psa.records('Contacts') as Rec[])[0]!.companyID as number;
    const res = await at.get<QueryResult<Rec>>(`/Companies/${company}/Contacts`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((c) => c.companyID === company)).toBe(true);
    const one = await at.get<{ item: Rec }>(`/Companies/${company}/Contacts/${res.body.items[0]!.id}`);
    expect(one.body.item.id).toBe(res.body.items[0]!.id);
  });

  it('child entities have their own root query endpoints', async () => {
    for (const e of ['TicketNotes', 'Contacts', 'ContractServices', 'ContractServiceUnits']) {
      const res = await at.query<Rec>(e, [{ op: 'exist', field: 'id' }], { MaxRecords: 5 });
      expect(res.status, e).toBe(200);
      expect(res.body.items.length, e).toBe(5);
    }
  });

  it('ContractServiceAdjustments cannot be queried', async () => {
    const res = await at.query('ContractServiceAdjustments', [{ op: 'exist', field: 'id' }]);
    expect(res.status).toBe(404);
  });
});
