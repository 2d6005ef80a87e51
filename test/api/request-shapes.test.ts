// The worst JSON of about 1 MiB — nested 500,000 deep, 30,000 distinct array items, a 1 MiB string,
// 80,000 keys — sent to every route that takes a body: each answers a 4xx in the one error shape,
// quickly, and the hub keeps answering /healthz meanwhile (no request freezes it for everyone).
// The bounds here are loose on purpose: CI runs two test files per core, so a GC pause or a neighbour
// can hold a probe for half a second. What they catch is a freeze — the superlinear uniqueItems check
// took 3.7 s on 30,000 items, and a 1 MiB body holds ~500,000. `npm run bench -- shapes` prints the
// real figures against the 100 ms / 50 ms targets.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { allRoutes } from '../../src/api/routes.ts';
import type { Client } from '../support/client.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { worstBodies } from '../support/worst-bodies.ts';

vi.setConfig({ testTimeout: 300_000 });

const ANSWER_BOUND_MS = 3000;
const HEALTH_BOUND_MS = 2000;

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t?.stop());

const withBody = allRoutes.filter((r) => r.method !== 'GET' && r.method !== 'DELETE' && r.schema.body);

function urlOf(url: string): string {
  return url.replace(/\{[^}]+\}|:[A-Za-z]+/g, () => randomUUID());
}

function clientFor(permission: string): Client {
  if (permission === 'source') return t.source;
  if (permission === 'public') return t.client();
  return t.operator;
}

test('every route with a body refuses the worst shapes quickly, and /healthz keeps answering', async () => {
  const slowHealth: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const started = performance.now();
      const res = await fetch(`${t.url}/healthz`);
      await res.arrayBuffer();
      slowHealth.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const failures: string[] = [];
  let slowest = { ms: 0, what: '' };
  try {
    for (const route of withBody) {
      const client = clientFor(route.permission);
      for (const body of worstBodies(route.schema.body)) {
        const started = performance.now();
        const res = await client.request(route.method, urlOf(route.url), body.text, {
          'content-type': 'application/json',
        });
        const ms = performance.now() - started;
        const what = `${route.method} ${route.url} (${body.shape})`;
        if (ms > slowest.ms) slowest = { ms, what };
        if (res.status < 400 || res.status >= 500)
          failures.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
        else if (typeof res.body !== 'object' || !(res.body as { error?: unknown }).error)
          failures.push(`${what}: ${res.status} without the error shape: ${res.text.slice(0, 200)}`);
        if (ms > ANSWER_BOUND_MS) failures.push(`${what}: answered in ${Math.round(ms)} ms`);
      }
    }
  } finally {
    probing = false;
    await probe;
  }
  const worstHealth = Math.max(...slowHealth);
  console.log(
    `${withBody.length} routes × ${worstBodies({}).length} shapes: slowest answer ${Math.round(slowest.ms)} ms (${slowest.what}); slowest /healthz ${Math.round(worstHealth)} ms over ${slowHealth.length} probes`,
  );
  expect(failures).toEqual([]);
  expect(worstHealth).toBeLessThan(HEALTH_BOUND_MS);
});
