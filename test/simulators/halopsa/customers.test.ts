// Clients, sites and users (reference §4.1–4.3), including the wire quirks of their JSON: decimal
// ids (`21.0`), datetimes without `Z`, `-1` for none.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schemaErrors } from './spec-schemas.ts';
import { startHalo, type HaloTestClient } from './halo-client.ts';

let halo: HaloTestClient;
beforeAll(async () => {
  halo = await startHalo();
});
afterAll(async () => halo.sim.stop());
beforeEach(async () => {
  await fetch(`${halo.url}/_sim/reset`, { method: 'POST' });
});

type Obj = Record<string, unknown>;

describe('wire quirks', () => {
  it('writes Site.client_id as a decimal (21.0) in the raw JSON', async () => {
    const r = await halo.get('/api/Site/1');
    expect(r.text).toMatch(/"client_id":1\.0[,}]/);
    expect((r.json as Obj).client_id).toBe(1);
  });

  it('writes Users.site_id as a decimal, site_id_int as an integer', async () => {
    const r = await halo.get('/api/Users/1');
    expect(r.text).toMatch(/"site_id":\d+\.0[,}]/);
    expect(r.text).toMatch(/"site_id_int":\d+[,}]/);
  });

  it('writes datetimes without a zone', async () => {
    const r = await halo.get<Obj>('/api/Client/1');
    expect(r.json.datecreated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/);
  });

  it('serves JSON as application/json', async () => {
    const r = await halo.get('/api/Client/1');
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('Client', () => {
  it('creates a client with its first site, updates it, and deletes it', async () => {
    const created = await halo.post<Obj>('/api/Client', [
      { name: 'Newco & Partners Ltd', website: 'https://newco.example' },
    ]);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Newco & Partners Ltd',
      inactive: false,
      toplevel_id: 1,
      toplevel_name: 'Customers',
    });
    expect(created.json.main_site_id).toBeGreaterThan(0);
    expect(created.json.main_site_name).toBe('Main');
    expect(schemaErrors('Area', created.json)).toEqual([]);
    const id = created.json.id as number;
    const sites = await halo.get<{ sites: Obj[] }>(`/api/Site?client_id=${id}`);
    expect(sites.json.sites.map((s) => s.name)).toEqual(['Main']);
    const updated = await halo.post<Obj>('/api/client', [{ id, inactive: true }]);
    expect(updated.json).toMatchObject({ id, inactive: true, name: 'Newco & Partners Ltd' });
    const listed = await halo.get<{ clients: Obj[] }>('/api/Client?search=Newco');
    expect(listed.json.clients).toEqual([]);
    expect((await halo.del(`/api/Client/${id}`)).status).toBe(200);
    expect((await halo.get(`/api/Client/${id}`)).status).toBe(404);
  });

  it('keeps near-duplicates apart: the seed has Brightwater Dental twice, one inactive', async () => {
    const r = await halo.get<{ clients: Obj[] }>(
      '/api/Client?search=Brightwater Dental&includeinactive=true',
    );
    const exact = r.json.clients.filter((c) => c.name === 'Brightwater Dental');
    expect(exact.length).toBe(2);
    expect(exact.map((c) => c.inactive).sort()).toEqual([false, true]);
  });

  it.each([
    ['no name', [{ website: 'x' }], 'Please enter a Name.'],
    ['a blank name', [{ name: '   ' }], 'Please enter a Name.'],
    ['an unknown top level', [{ name: 'x', toplevel_id: 77 }], 'Top Level 77 does not exist.'],
    ['an unknown id', [{ id: 123456, name: 'x' }], 'Client with ID 123456 does not exist.'],
  ])('rejects %s', async (_name, body, message) => {
    const r = await halo.post('/api/Client', body);
    expect(r.status).toBe(400);
    expect(r.text).toBe(message);
  });

  it('enforces the [MaxLength] SPEC-2024 states (portalcolour: 7)', async () => {
    const r = await halo.post<Record<string, string[]>>('/api/Client', [
      { name: 'x', portalcolour: '#12345678' },
    ]);
    expect(r.status).toBe(400);
    expect(r.json['[0].portalcolour']![0]).toContain("maximum length of '7'");
  });
});

describe('Site and Users', () => {
  it('creates a site for a client and a user on it; ids accepted as 21.0 or "21"', async () => {
    const site = await halo.post<Obj>('/api/Site', [{ name: 'Warehouse', client_id: 12.0 }]);
    expect(site.status).toBe(201);
    expect(site.json).toMatchObject({ name: 'Warehouse', client_id: 12 });
    expect(String(site.json.clientsite_name)).toContain('Warehouse');
    expect(schemaErrors('Site', site.json)).toEqual([]);
    const user = await halo.post<Obj>('/api/Users', [
      { name: 'Pat Doe', site_id: String(site.json.id), emailaddress: 'pat@x.example' },
    ]);
    expect(user.status).toBe(201);
    expect(user.json).toMatchObject({
      name: 'Pat Doe',
      site_id: site.json.id,
      site_id_int: site.json.id,
      client_id: 12,
      site_name: 'Warehouse',
    });
    expect(schemaErrors('Users', user.json)).toEqual([]);
  });

  it('puts a user with only a client on the client’s main site', async () => {
    const user = await halo.post<Obj>('/api/Users', [{ name: 'Sam Roe', client_id: 12 }]);
    const client = await halo.get<Obj>('/api/Client/12');
    expect(user.json.site_id).toBe(client.json.main_site_id);
  });

  it.each([
    ['/api/Site', [{ name: 'x' }], 'Please select a Client.'],
    ['/api/Site', [{ client_id: 12 }], 'Please enter a Site Name.'],
    ['/api/Users', [{ name: 'x' }], 'Please select a Site.'],
    ['/api/Users', [{ name: 'x', site_id: 99999 }], 'Site 99999 does not exist.'],
    [
      '/api/Users',
      [{ name: 'x', site_id: 1, emailaddress: 'not-an-email' }],
      "'not-an-email' is not a valid email address.",
    ],
  ])('%s rejects %j', async (path, body, message) => {
    const r = await halo.post(path, body);
    expect(r.status).toBe(400);
    expect(r.text).toBe(message);
  });
});
