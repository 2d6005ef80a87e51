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
      expect(Object.keys(op.responses)).toContain('401');
    }
    expect((await t.client().get('/api/docs/')).status).toBe(200);
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
