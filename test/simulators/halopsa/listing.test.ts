// List envelopes, paging across pages, `count`, `order`/`orderdesc`, `search`, active filters and
// query-binding errors (reference §3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHalo, type HaloTestClient } from './halo-client.ts';

let halo: HaloTestClient;
beforeAll(async () => {
  halo = await startHalo();
});
afterAll(async () => halo.sim.stop());

type Rows = Record<string, unknown>[];

describe('envelopes (reference §3.3)', () => {
  it.each([
    ['/api/Tickets', 'tickets'],
    ['/api/Client', 'clients'],
    ['/api/Site', 'sites'],
    ['/api/Users', 'users'],
    ['/api/Actions?ticket_id=1000', 'actions'],
    ['/api/Item', 'items'],
    ['/api/SoftwareLicence', 'licences'],
    ['/api/RecurringInvoice', 'invoices'],
  ])('%s is wrapped in {record_count, %s}', async (path, key) => {
    const r = await halo.get<Record<string, unknown>>(path);
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(['record_count', key].sort());
    expect(Array.isArray(r.json[key])).toBe(true);
    expect(r.json.record_count).toBe((r.json[key] as unknown[]).length);
  });

  it.each([
    '/api/Status',
    '/api/Priority',
    '/api/TicketType',
    '/api/Agent',
    '/api/Team',
    '/api/Category',
    '/api/SLA',
    '/api/Outcome',
  ])('%s is a bare array, even with pageinate=true', async (path) => {
    const r = await halo.get<unknown[]>(`${path}?pageinate=true&page_size=2&page_no=1`);
    expect(r.status).toBe(200);
    expect(Array.isArray(r.json)).toBe(true);
    expect(r.json.length).toBeGreaterThan(0);
  });

  it('pageinate=true adds page_no and page_size to the wrapper', async () => {
    const r = await halo.get<Record<string, unknown>>('/api/Client?pageinate=true&page_size=7&page_no=3');
    expect(Object.keys(r.json).sort()).toEqual(['clients', 'page_no', 'page_size', 'record_count']);
    expect(r.json).toMatchObject({ page_no: 3, page_size: 7 });
    expect((r.json.clients as unknown[]).length).toBe(7);
  });
});

describe('paging across pages', () => {
  it.each([
    ['/api/Client', 'clients', 37],
    ['/api/Users', 'users', 100],
    ['/api/Site?includeinactive=true', 'sites', 50],
    ['/api/Tickets', 'tickets', 25],
    ['/api/SoftwareLicence', 'licences', 9],
  ])('%s: every record exactly once, record_count is the total', async (path, key, size) => {
    const { rows, pages, recordCount } = await halo.all<{ id: number }>(path, key, size);
    expect(rows.length).toBe(recordCount);
    expect(new Set(rows.map((r) => r.id)).size).toBe(recordCount);
    expect(pages).toBe(Math.ceil(recordCount / size));
    const unpaged = await halo.get<Record<string, Rows>>(path);
    expect(rows.map((r) => r.id)).toEqual(unpaged.json[key]!.map((r) => r.id));
  });

  it('clamps /Tickets page_size to 100 (SPEC: "Maximum size: 100")', async () => {
    const r = await halo.get<{ page_size: number; tickets: unknown[] }>(
      '/api/Tickets?pageinate=true&page_size=1000',
    );
    expect(r.json.page_size).toBe(100);
    expect(r.json.tickets.length).toBe(100);
  });

  it('lets other lists take large pages (PSMOD uses 1000)', async () => {
    const r = await halo.get<{ page_size: number; clients: unknown[]; record_count: number }>(
      '/api/Client?pageinate=true&page_size=1000&page_no=1',
    );
    expect(r.json.page_size).toBe(1000);
    expect(r.json.clients.length).toBe(r.json.record_count);
  });

  it('a page past the end is empty but keeps record_count', async () => {
    const r = await halo.get<{ clients: unknown[]; record_count: number }>(
      '/api/Client?pageinate=true&page_size=50&page_no=99',
    );
    expect(r.json.clients).toEqual([]);
    expect(r.json.record_count).toBeGreaterThan(200);
  });

  it('count limits an unpaged list; record_count stays the total', async () => {
    const r = await halo.get<{ clients: unknown[]; record_count: number }>('/api/Client?count=5');
    expect(r.json.clients.length).toBe(5);
    expect(r.json.record_count).toBeGreaterThan(5);
    const agents = await halo.get<unknown[]>('/api/Agent?count=3');
    expect(agents.json.length).toBe(3);
  });
});

describe('order', () => {
  const names = (r: { json: { clients: Rows } }) => r.json.clients.map((c) => String(c.name));
  const cmp = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

  it.each([
    ['default (name)', '', (xs: string[]) => [...xs].sort(cmp)],
    ['order=name', '&order=name', (xs: string[]) => [...xs].sort(cmp)],
    ['order=NAME (case-insensitive field)', '&order=NAME', (xs: string[]) => [...xs].sort(cmp)],
    [
      'order=name&orderdesc=true',
      '&order=name&orderdesc=true',
      (xs: string[]) => [...xs].sort(cmp).reverse(),
    ],
    [
      'orderdesc=true alone reverses the default',
      '&orderdesc=true',
      (xs: string[]) => [...xs].sort(cmp).reverse(),
    ],
    ['an unknown field is ignored', '&order=nosuchfield', (xs: string[]) => [...xs].sort(cmp)],
  ])('%s', async (_name, query, expected) => {
    const r = await halo.get<{ clients: Rows }>(`/api/Client?search=dental${query}`);
    const got = names(r);
    expect(got.length).toBeGreaterThan(3);
    // Ties (same name) keep id order, so compare the names only.
    expect(got).toEqual(expected(got));
  });

  it('orders by id and numbers numerically, with order2 as tie-breaker', async () => {
    const r = await halo.get<{ tickets: Rows }>(
      '/api/Tickets?order=status_id&orderdesc=true&order2=id&orderdesc2=true',
    );
    const rows = r.json.tickets;
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      expect(
        (a.status_id as number) > (b.status_id as number) ||
          (a.status_id === b.status_id && (a.id as number) > (b.id as number)),
      ).toBe(true);
    }
  });
});

describe('search', () => {
  it.each([
    ['&', 'Smith &', ['Smith & Sons Ltd', 'Smith & Sons']],
    ['and (no & match)', 'Smith and', ['Smith and Sons Limited']],
    ['case-insensitive', 'SMITH & SONS LTD', ['Smith & Sons Ltd']],
    ['surrounding whitespace', '  müller gmbh ', ['Müller GmbH']],
    ['umlaut is not folded', 'Muller', []],
    ['ae spelling', 'Mueller', ['Mueller GmbH']],
    ['a substring', 'Care Home', ['The Pines Care Home', 'Pines Care Home (The)']],
    ['no match', 'zzz-no-such-client', []],
  ])('%s', async (_name, term, expected) => {
    const r = await halo.get<{ clients: Rows }>(`/api/Client?search=${encodeURIComponent(term)}`);
    expect(r.json.clients.map((c) => c.name).sort()).toEqual([...expected].sort());
  });

  it('an empty search returns everything', async () => {
    const all = await halo.get<{ record_count: number }>('/api/Client');
    const empty = await halo.get<{ record_count: number }>('/api/Client?search=');
    expect(empty.json.record_count).toBe(all.json.record_count);
  });

  it('searches tickets by summary and by id, and the details only with search_details', async () => {
    const byText = await halo.get<{ tickets: Rows }>('/api/Tickets?search=backup');
    expect(byText.json.tickets.length).toBeGreaterThan(0);
    for (const t of byText.json.tickets) expect(String(t.summary).toLowerCase()).toContain('backup');
    const byId = await halo.get<{ tickets: Rows }>('/api/Tickets?search=1005');
    expect(byId.json.tickets.map((t) => t.id)).toEqual([1005]);
    const made = await halo.post<Rows[number]>('/api/Tickets', [
      { summary: 'Disk nearly full', details: 'Volume C: on SRV-09\n\nref: zq-7781', client_id: 12 },
    ]);
    expect(made.status).toBe(201);
    expect((await halo.get<{ tickets: Rows }>('/api/Tickets?search=zq-7781')).json.tickets).toEqual([]);
    const byDetails = await halo.get<{ tickets: Rows }>('/api/Tickets?search_details=ZQ-7781');
    expect(byDetails.json.tickets.map((t) => t.id)).toEqual([made.json.id]);
  });

  it('search composes with paging', async () => {
    const { rows, recordCount } = await halo.all<{ name: string }>('/api/Client?search=ltd', 'clients', 10);
    expect(recordCount).toBeGreaterThan(10);
    for (const r of rows) expect(r.name.toLowerCase()).toContain('ltd');
  });
});

describe('filters', () => {
  it('lists active clients by default; includeinactive adds the inactive ones', async () => {
    const active = await halo.get<{ clients: Rows; record_count: number }>('/api/Client');
    expect(active.json.clients.every((c) => c.inactive === false)).toBe(true);
    const both = await halo.get<{ clients: Rows; record_count: number }>('/api/Client?includeinactive=true');
    expect(both.json.record_count).toBeGreaterThan(active.json.record_count);
    const onlyInactive = await halo.get<{ clients: Rows }>(
      '/api/Client?includeinactive=true&includeactive=false',
    );
    expect(onlyInactive.json.clients.length).toBe(both.json.record_count - active.json.record_count);
    expect(onlyInactive.json.clients.every((c) => c.inactive === true)).toBe(true);
    const shorthand = await halo.get<{ record_count: number }>('/api/Client?activeinactive=false,true');
    expect(shorthand.json.record_count).toBe(onlyInactive.json.clients.length);
  });

  it('filters tickets by comma-separated arrays and by open/closed', async () => {
    const r = await halo.get<{ tickets: Rows }>('/api/Tickets?status=1,9');
    expect(r.json.tickets.length).toBeGreaterThan(0);
    expect(r.json.tickets.every((t) => t.status_id === 1 || t.status_id === 9)).toBe(true);
    const open = await halo.get<{ tickets: Rows }>('/api/Tickets?open_only=true');
    expect(open.json.tickets.every((t) => t.status_id !== 9)).toBe(true);
    const closed = await halo.get<{ tickets: Rows }>('/api/Tickets?closed_only=true');
    expect(closed.json.tickets.every((t) => t.status_id === 9 && t.hasbeenclosed === true)).toBe(true);
    const byType = await halo.get<{ tickets: Rows }>('/api/Tickets?requesttype=3');
    expect(byType.json.tickets.every((t) => t.tickettype_id === 3)).toBe(true);
    // `tickettype_ids` is silently ignored ([obs] HALOPLUS).
    const ignored = await halo.get<{ record_count: number }>('/api/Tickets?tickettype_ids=3');
    const all = await halo.get<{ record_count: number }>('/api/Tickets');
    expect(ignored.json.record_count).toBe(all.json.record_count);
  });

  it('filters sites and users by client', async () => {
    const sites = await halo.get<{ sites: Rows }>('/api/Site?client_id=1&includeinactive=true');
    expect(sites.json.sites.length).toBeGreaterThan(0);
    expect(sites.json.sites.every((s) => s.client_id === 1)).toBe(true);
    const users = await halo.get<{ users: Rows }>('/api/Users?client_id=1');
    expect(users.json.users.every((u) => u.client_id === 1)).toBe(true);
  });

  it.each([
    ['pageinate=yes', 'pageinate', "The value 'yes' is not valid."],
    ['page_no=two', 'page_no', "The value 'two' is not valid."],
    ['client_id=abc', 'client_id', "The value 'abc' is not valid."],
    ['status=1,x', 'status', "The value '1,x' is not valid."],
  ])('a query value that does not bind (%s) is a 400 model-state error', async (query, key, message) => {
    const r = await halo.get<Record<string, string[]>>(`/api/Tickets?${query}`);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ [key]: [message] });
  });
});
