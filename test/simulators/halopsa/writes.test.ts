// What every write endpoint shares: JSON content types, DELETE across entities, no POST to an id.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schemaErrors } from './spec-schemas.ts';
import { startHalo, type HaloTestClient } from './halo-client.ts';

type Obj = Record<string, unknown>;

let halo: HaloTestClient;
beforeAll(async () => {
  halo = await startHalo();
});
afterAll(async () => halo.sim.stop());
beforeEach(async () => {
  await fetch(`${halo.url}/_sim/reset`, { method: 'POST' });
});

async function postAs(contentType: string | undefined, body: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${halo.token}` };
  if (contentType !== undefined) headers['content-type'] = contentType;
  return fetch(`${halo.url}/api/Client`, { method: 'POST', headers, body });
}

describe('content types (SPEC-2024 request bodies)', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'text/json',
    'application/*+json'.replace('*', 'vnd.halo'),
    'application/json-patch+json',
  ])('accepts %s', async (type) => {
    const r = await postAs(type, JSON.stringify([{ name: 'Typed Ltd' }]));
    expect(r.status).toBe(201);
  });

  it.each([
    ['text/plain (fetch’s default for a string body)', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
  ])('answers 415 ProblemDetails for %s', async (_name, type) => {
    const r = await postAs(type, JSON.stringify([{ name: 'Typed Ltd' }]));
    expect(r.status).toBe(415);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await r.json()).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
  });

  it('checks the token before the content type', async () => {
    const r = await fetch(`${halo.url}/api/Client`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '[]',
    });
    expect(r.status).toBe(401);
  });
});

describe('DELETE /api/{Entity}/{id}', () => {
  it.each([
    ['Client', '/api/Client/300'],
    ['Site', '/api/Site/2'],
    ['Users', '/api/Users/3'],
    ['Item', '/api/Item/20'],
    ['Category', '/api/Category/18'],
    ['Team', '/api/Team/3'],
    ['Status', '/api/Status/10'],
    ['TicketType', '/api/TicketType/6?showinactive=true'],
  ])('deletes a %s, then 404s it', async (_name, path) => {
    const del = await halo.del<{ id: number }>(path);
    expect(del.status).toBe(200);
    expect(typeof del.json.id).toBe('number');
    expect((await halo.get(path)).status).toBe(404);
    expect((await halo.del(path)).status).toBe(404);
  });

  it('deletes a priority by its GUID', async () => {
    const list = await halo.get<{ id: string }[]>('/api/Priority?slaid=3');
    const id = list.json[0]!.id;
    expect((await halo.del(`/api/Priority/${id}`)).status).toBe(200);
    expect((await halo.get(`/api/Priority/${id}`)).status).toBe(404);
  });

  it('needs the edit permission', async () => {
    await halo.login('read:customers');
    expect((await halo.del('/api/Client/300')).status).toBe(403);
    await halo.login();
  });
});

describe('routing of writes', () => {
  it('POST to an id is not a route; updates go to the collection', async () => {
    expect((await halo.post('/api/Tickets/1000', [{ summary: 'x' }])).status).toBe(404);
    expect((await halo.post('/api/Agent/me', [{}])).status).toBe(405);
    expect((await halo.call('DELETE', '/api/Tickets')).status).toBe(405);
  });
});

describe('custom fields', () => {
  it('stores {id, value} pairs (ids may be strings) and merges them on update', async () => {
    const created = await halo.post<Obj>('/api/Tickets', [
      {
        summary: 'cf',
        client_id: 12,
        customfields: [
          { id: '215', value: '8' },
          { id: 202, value: 'printer' },
        ],
      },
    ]);
    const t = created.json;
    expect(t.customfields).toEqual([
      { id: 202, value: 'printer', display: 'printer' },
      { id: 215, value: '8', display: '8' },
    ]);
    const r = await halo.post<Obj>('/api/Tickets', [
      { id: t.id, customfields: [{ id: 202, value: 'scanner' }] },
    ]);
    expect(r.json.customfields).toEqual([
      { id: 202, value: 'scanner', display: 'scanner' },
      { id: 215, value: '8', display: '8' },
    ]);
    expect(schemaErrors('Faults', r.json)).toEqual([]);
    const bad = await halo.post('/api/Tickets', [{ id: t.id, customfields: [{ value: 'x' }] }]);
    expect(bad.status).toBe(400);
  });
});
