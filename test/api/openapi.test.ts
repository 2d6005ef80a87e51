import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../src/api/routes.ts';
import { errorCatalog } from '../../src/core/errors.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t?.stop());

const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('OpenAPI document', () => {
  it('describes every route, generated from the schemas the server enforces', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const route of allRoutes) {
      const op = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeDefined();
      expect(op.summary).toBe(route.schema.summary);
      if (route.permission !== 'public') expect(Object.keys(op.responses)).toContain('401');
    }
    expect((await t.client().get('/api/docs/')).status).toBe(200);
  });

  it('declares how to authenticate on every operation, so Swagger UI’s Authorize works', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    const schemes = doc.components.securitySchemes;
    expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'psahub_session' });
    expect(schemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-csrf-token' });
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.sourceKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const route of allRoutes) {
      const op = doc.paths[openApiPath(route.url)][route.method.toLowerCase()];
      const where = `${route.method} ${route.url}`;
      const names = (op.security as Record<string, string[]>[]).map((r) => Object.keys(r).sort().join('+'));
      if (route.permission === 'public') expect(names, where).toEqual([]);
      else if (route.permission === 'source') expect(names, where).toEqual(['sourceKey']);
      else expect(names, where).toEqual([route.method === 'GET' ? 'session' : 'csrf+session', 'bearer']);
      for (const name of names.flatMap((n) => n.split('+'))) expect(schemes[name], name).toBeDefined();
    }
  });

  it('describes every operation and every response; no response is left as a default', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    const bare: string[] = [];
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths))
      for (const [method, op] of Object.entries<any>(item)) {
        if (!op.description?.trim()) bare.push(`${method} ${path}: no description`);
        for (const [status, res] of Object.entries<any>(op.responses))
          if (!res.description || res.description === 'Default Response')
            bare.push(`${method} ${path} ${status}: no description`);
      }
    expect(bare).toEqual([]);
  });

  it('lists only the error statuses a route can give', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    const statuses = (route: (typeof allRoutes)[number]) =>
      Object.keys(doc.paths[openApiPath(route.url)][route.method.toLowerCase()].responses)
        .map(Number)
        .filter((s) => s >= 400);
    for (const route of allRoutes) {
      const where = `${route.method} ${route.url}`;
      const s = statuses(route);
      // Only sign-in is throttled; only routes that reach a PSA answer for its absence.
      expect(s.includes(429), where).toBe(route.url === '/api/v1/auth/login');
      expect(s.includes(502), where).toBe((route.errors ?? []).includes('psa_unavailable'));
      // No body: neither too large nor of the wrong type. No record in the path or body: no 404.
      expect(s.includes(413) || s.includes(415), where).toBe(route.schema.body !== undefined);
      if (!route.schema.params) expect(s, where).not.toContain(404);
      if (route.permission === 'public') expect(s, where).not.toContain(403);
      if (route.method === 'GET' && !route.errors?.length) expect(s, where).not.toContain(422);
    }
  });

  it('documents each error status a route answers when called wrongly', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    const viewer = await t.userClient(
      (await t.source.put('/api/v1/source/partners/oa-p', { name: 'OA', kind: 'direct_reseller' })).body.id,
      'viewer',
    );
    for (const route of allRoutes) {
      const where = `${route.method} ${route.url}`;
      const documented = Object.keys(doc.paths[openApiPath(route.url)][route.method.toLowerCase()].responses);
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const seen = new Set<number>();
      // Without credentials, with the wrong kind, as a viewer, and with a body that is not JSON.
      seen.add((await t.client().request(route.method, url, body)).status);
      const other = route.permission === 'source' ? t.operator : t.source;
      seen.add((await other.request(route.method, url, body)).status);
      if (route.permission !== 'source') seen.add((await viewer.request(route.method, url, body)).status);
      if (route.schema.body)
        seen.add((await t.operator.request(route.method, url, 'x', { 'content-type': 'text/plain' })).status);
      for (const status of seen)
        if (status >= 400) expect(documented, `${where} answered ${status}`).toContain(String(status));
    }
  });

  it('closes every request body and every reply object to unknown fields', () => {
    const open: string[] = [];
    const walk = (schema: unknown, where: string) => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      if (s.type === 'object' && s.properties && s.additionalProperties !== false) open.push(where);
      for (const [k, v] of Object.entries(s)) walk(v, `${where}/${k}`);
    };
    for (const r of allRoutes) {
      walk(r.schema.body, `${r.url} body`);
      walk(r.schema.response, `${r.url} response`);
    }
    expect(open).toEqual([]);
  });

  it('declares an audit action (or why none) on every mutating route', () => {
    const missing = allRoutes
      .filter((r) => r.method !== 'GET' && r.audit === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });
});

describe('error catalog', () => {
  it('matches docs/errors.md', async () => {
    const doc = await readFile('docs/errors.md', 'utf8');
    const documented = Object.fromEntries(
      [...doc.matchAll(/^\| `(\w+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]),
    );
    const catalog = Object.fromEntries(
      Object.entries(errorCatalog).map(([code, spec]) => [code, spec.status]),
    );
    expect(documented).toEqual(catalog);
  });

  it('answers unknown routes in the same shape', async () => {
    const res = await t.client().get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});
