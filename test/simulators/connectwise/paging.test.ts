// Paging, Link headers, forward-only paging, orderBy and fields (reference §3.1, §3.3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConnectwiseSeed } from '../../../src/simulators/connectwise/index.ts';
import type { CwClient } from './cw-client.ts';
import { startCw } from './cw-client.ts';

let cw: CwClient;
let total: number;
beforeAll(async () => {
  // 1,200 contacts, so the 1,000-row ceiling shows.
  const seed = defaultConnectwiseSeed();
  const extra = seed.tables.contacts!.map((c) => ({ ...c, id: c.id + 10_000 }));
  seed.tables.contacts = [...seed.tables.contacts!, ...extra];
  cw = await startCw({ seed });
  total = (await cw.get('/company/companies/count')).body.count;
});
afterAll(() => cw.sim.stop());

function links(header: string | null): Record<string, URL> {
  const out: Record<string, URL> = {};
  for (const part of (header ?? '').split(/,\s*(?=<)/)) {
    const m = /^<([^>]+)>;\s*rel="(\w+)"$/.exec(part.trim());
    if (m) out[m[2]!] = new URL(m[1]!);
  }
  return out;
}

describe('navigable paging', () => {
  it('defaults to 25 rows per page', async () => {
    const res = await cw.get('/company/companies');
    expect(res.body).toHaveLength(25);
  });

  it('walks every page through rel="next" with absolute Link URLs and no gaps or repeats', async () => {
    expect(total).toBeGreaterThan(250);
    const seen: number[] = [];
    let url: string | undefined =
      `${cw.base}/company/companies?pageSize=100&conditions=${encodeURIComponent('name like "*"')}`;
    let pages = 0;
    while (url) {
      const res = await fetch(url, {
        headers: { authorization: cw.authHeader(), clientId: cw.sim.credentials.clientId! },
      });
      const rows = (await res.json()) as { id: number }[];
      seen.push(...rows.map((r) => r.id));
      const l = links(res.headers.get('link'));
      if (pages === 0) {
        expect(l.first).toBeUndefined();
        expect(l.prev).toBeUndefined();
        expect(l.last!.searchParams.get('page')).toBe(String(Math.ceil(total / 100)));
        expect(l.next!.origin).toBe(new URL(cw.sim.url).origin);
        expect(l.next!.searchParams.get('conditions')).toBe('name like "*"');
      }
      url = l.next?.toString();
      pages++;
      if (url) expect(l.last).toBeDefined();
      else {
        expect(l.last).toBeUndefined();
        expect(l.first!.searchParams.get('page')).toBe('1');
        expect(l.prev!.searchParams.get('page')).toBe(String(pages - 1));
      }
    }
    expect(pages).toBe(Math.ceil(total / 100));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('returns an empty page past the end', async () => {
    const res = await cw.get('/company/companies', { page: 99, pageSize: 100 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('never returns more than 1000 rows (a larger pageSize is clamped)', async () => {
    expect((await cw.get('/company/contacts/count')).body.count).toBe(1200);
    const res = await cw.get('/company/contacts', { pageSize: 5000 });
    expect(res.body).toHaveLength(1000);
    expect(links(res.headers.get('link')).last!.searchParams.get('page')).toBe('2');
    expect(links(res.headers.get('link')).next!.searchParams.get('pageSize')).toBe('1000');
  });

  it('sends no Link header when everything fits on one page', async () => {
    const res = await cw.get('/service/priorities');
    expect(res.headers.get('link')).toBeNull();
  });

  it('refuses a non-numeric page', async () => {
    expect((await cw.get('/company/companies', { page: 'two' })).status).toBe(400);
  });
});

describe('forward-only paging', () => {
  const forward = { headers: { 'pagination-type': 'forward-only' } };

  it('follows pageId links in id order until no link remains', async () => {
    const seen: number[] = [];
    let url: string | undefined = `${cw.base}/company/companies?pageSize=120&page=7`;
    let hops = 0;
    while (url) {
      const res = await fetch(url, {
        headers: {
          authorization: cw.authHeader(),
          clientId: cw.sim.credentials.clientId!,
          'pagination-type': 'forward-only',
        },
      });
      const rows = (await res.json()) as { id: number }[];
      seen.push(...rows.map((r) => r.id));
      const l = links(res.headers.get('link'));
      if (l.next) expect(l.next.searchParams.get('pageId')).toBe(String(rows[rows.length - 1]!.id));
      url = l.next?.toString();
      hops++;
    }
    expect(hops).toBe(Math.ceil(total / 120));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen).toHaveLength(total);
  });

  it('treats pageId as id > pageId and ignores page', async () => {
    const res = await cw.call('GET', '/company/companies', {
      ...forward,
      query: { pageId: 300, pageSize: 5, page: 3 },
    });
    expect(res.body.map((r: { id: number }) => r.id).every((id: number) => id > 300)).toBe(true);
    expect(res.body[0].id).toBeGreaterThan(300);
  });

  it('refuses orderBy', async () => {
    const res = await cw.call('GET', '/company/companies', { ...forward, query: { orderBy: 'name asc' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBeDefined();
  });
});

describe('orderBy', () => {
  it('sorts ascending and descending, on nested fields, with id breaking ties', async () => {
    const asc = (
      await cw.get('/company/companies', { orderBy: 'name asc', pageSize: 1000, fields: 'id,name' })
    ).body as { name: string }[];
    const names = asc.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const desc = (await cw.get('/company/companies', { orderBy: 'id desc', pageSize: 3, fields: 'id' }))
      .body as { id: number }[];
    expect(desc[0]!.id).toBeGreaterThan(desc[1]!.id);
    const byStatus = (
      await cw.get('/company/companies', {
        orderBy: 'status/name desc, id asc',
        pageSize: 1000,
        fields: 'id,status/name',
      })
    ).body as { id: number; status: { name: string } }[];
    expect(byStatus[0]!.status.name).toBe('Not-Approved');
    const ties = byStatus.filter((r) => r.status.name === 'Active').map((r) => r.id);
    expect(ties).toEqual([...ties].sort((a, b) => a - b));
  });

  it('sorts on lastUpdated (from _info) too', async () => {
    const rows = (
      await cw.get('/company/companies', {
        orderBy: 'lastUpdated desc',
        pageSize: 50,
        fields: 'id,_info/lastUpdated',
      })
    ).body as {
      _info: { lastUpdated: string };
    }[];
    const stamps = rows.map((r) => r._info.lastUpdated);
    expect(stamps).toEqual([...stamps].sort().reverse());
  });

  it('refuses unknown fields', async () => {
    expect((await cw.get('/company/companies', { orderBy: 'nope asc' })).status).toBe(400);
    expect((await cw.get('/company/companies', { orderBy: 'name sideways' })).status).toBe(400);
  });
});

describe('fields', () => {
  it('keeps only the named fields, nested through /', async () => {
    const res = await cw.get('/company/companies', { fields: 'id,name,status/name', pageSize: 2 });
    for (const row of res.body) {
      expect(Object.keys(row).sort()).toEqual(['id', 'name', 'status']);
      expect(Object.keys(row.status)).toEqual(['name']);
    }
  });

  it('projects into arrays and single records too', async () => {
    const res = await cw.get('/company/contacts/1', { fields: 'id,communicationItems/value' });
    expect(Object.keys(res.body).sort()).toEqual(['communicationItems', 'id']);
    expect(Object.keys(res.body.communicationItems[0])).toEqual(['value']);
  });
});
