// A property test over every route: bodies shaped after the route's schema (with odd strings, out of
// range numbers, prototype keys, wrong types at any depth) and arbitrary JSON, query strings likewise,
// and URL parameters that are random ids or real records (so handlers run past their 404). Whatever
// arrives, the hub answers below 500, and in the one error shape when it refuses.
// Re-run one route's failure with its seed: FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run test/api/route-fuzz.test.ts -t '<route>'
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { RouteDef } from '../../src/api/route.ts';
import { allRoutes } from '../../src/api/routes.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { Answer, Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';
import { arbitraryFor, RAW_QUERIES, toQuery } from '../support/schema-arbitrary.ts';

vi.setConfig({ testTimeout: 120_000 });

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

let t: TestHub;
let sim: RunningSimulator;
/** A real record of each kind a URL parameter names; kinds without one get random ids only. */
let real: Partial<Record<NonNullable<RouteDef['params']>[string], string>>;
let externalIds: { partners: string; plans: string; organizations: string };
/** The ids and external ids above, for strings in bodies and query strings to take now and then. */
let known: string[];
/** A partner's own owner, beside the operator: the tenant-scoped paths of each handler. */
let owner: Client;
/** The hub's last unhandled error, to show with the 500 that it caused. */
let lastUnhandled = '';
/** How many answers of each status the walk got: the share of 2xx says how deep it reached. */
const statuses = new Map<number, number>();

beforeAll(async () => {
  t = await startTestHub({
    onLog: (line) => {
      if (line.includes('unhandled error')) lastUnhandled = line.slice(0, 1500);
    },
  });
  const tree = await seedTree(t.source);
  sim = await startSimulator('halopsa', { port: 0 });
  const conn = await t.operator.post('/api/v1/connections', {
    partnerId: tree.partners.resA,
    kind: 'halopsa',
    name: 'Halo',
    siteUrl: sim.url,
    credentials: sim.credentials,
  });
  if (conn.status !== 201) throw new Error(conn.text);
  const viewer = await t.userClient(tree.partners.resA, 'viewer');
  owner = await t.userClient(tree.partners.resA, 'owner');
  const [plan] = await t.hub.db.query<{ id: string }>('SELECT id FROM plans WHERE external_id = $1', [
    tree.ext('planA'),
  ]);
  // Not the source key or a token: revoking them would end the walk's own access.
  real = {
    partner: tree.partners.resA,
    user: viewer.userId,
    organization: tree.orgs.orgA,
    plan: plan!.id,
    connection: conn.body.connection.id,
    psaKind: 'halopsa',
    externalPartner: tree.ext('resA'),
  };
  externalIds = {
    partners: tree.ext('resA'),
    plans: tree.ext('planA'),
    organizations: tree.ext('orgA'),
  };
  known = [...Object.values(real), ...Object.values(externalIds)] as string[];
});
afterAll(async () => {
  const counts = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.log(`route fuzz: ${ordered.length} routes × ${RUNS} runs, answers ${counts.join(' ')}`);
  await sim?.stop();
  await t?.stop();
});

function clientArbitrary(permission: string): fc.Arbitrary<Client> {
  if (permission === 'source') return fc.constant(t.source);
  if (permission === 'public') return fc.constant(t.client());
  return fc.constantFrom(t.operator, owner);
}

/** A real record for `:name` of `route`, if there is one. */
function realParam(route: RouteDef, name: string): string | undefined {
  const kind = route.params?.[name];
  if (kind) return real[kind];
  const noun = route.url.match(/\/source\/(partners|plans|organizations)\//)?.[1];
  return noun ? externalIds[noun as keyof typeof externalIds] : undefined;
}

/** Each `:param` of the route: a random id, or (where there is one) a real record. */
function pathArbitrary(route: RouteDef): fc.Arbitrary<string> {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const values = names.map((name) => {
    const actual = realParam(route, name);
    return actual ? fc.oneof(fc.constant(actual), fc.uuid()) : fc.uuid();
  });
  return fc.tuple(...values).map((vs) => {
    let i = 0;
    return route.url.replace(/:(\w+)/g, () => encodeURIComponent(vs[i++]!));
  });
}

function queryArbitrary(route: RouteDef): fc.Arbitrary<string> {
  const schema = route.schema.querystring;
  const shaped = schema ? arbitraryFor(schema, known).map(toQuery) : fc.constant('');
  return fc.oneof(
    { arbitrary: shaped, weight: 4 },
    fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary' })).map(toQuery),
    fc.constantFrom(...RAW_QUERIES),
  );
}

function bodyArbitrary(route: RouteDef): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: arbitraryFor(route.schema.body, known), weight: 3 }, fc.jsonValue());
}

function problem(res: Answer): string | null {
  if (res.status >= 500) return `answered ${res.status}`;
  if (res.status < 400) return null;
  const error = (res.body as { error?: { code?: unknown; message?: unknown; details?: unknown } })?.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string' || !Array.isArray(error.details))
    return `answered ${res.status} without the error shape`;
  return null;
}

/** A fixed seed per route, so a run is repeatable; FUZZ_SEED overrides it. */
function seedOf(route: RouteDef): number {
  if (process.env.FUZZ_SEED) return Number(process.env.FUZZ_SEED);
  let h = 0;
  for (const c of `${route.method} ${route.url}`) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

const hasBody = (r: RouteDef) => r.schema.body !== undefined && r.method !== 'GET';
const fuzzed = allRoutes.filter((r) => hasBody(r) || r.method === 'GET' || r.schema.querystring);
// Deleting, then signing out, last: the other routes still find their records and sessions.
const rank = (r: RouteDef) => (r.url.endsWith('/logout') ? 2 : r.method === 'DELETE' ? 1 : 0);
const ordered = [...fuzzed].sort((a, b) => rank(a) - rank(b));

test('the walk covers every route with a body, and every GET', () => {
  expect(ordered.filter(hasBody).length).toBeGreaterThan(30);
  expect(ordered.length).toBe(fuzzed.length);
  expect(allRoutes.filter((r) => !fuzzed.includes(r)).every((r) => r.method !== 'GET' && !hasBody(r))).toBe(
    true,
  );
});

test.each(ordered.map((r) => [`${r.method} ${r.url}`, r] as const))(
  'never a 5xx: %s',
  async (_name, route) => {
    const seed = seedOf(route);
    const input = fc.record({
      client: clientArbitrary(route.permission),
      path: pathArbitrary(route),
      query: route.schema.querystring || route.method === 'GET' ? queryArbitrary(route) : fc.constant(''),
      body: hasBody(route) ? bodyArbitrary(route) : fc.constant(undefined),
    });
    const found: string[] = [];
    await fc.assert(
      fc.asyncProperty(input, async ({ client, path, query, body }) => {
        const url = query ? `${path}?${query}` : path;
        const res = await client.request(
          route.method,
          url,
          body === undefined ? undefined : JSON.stringify(body),
          body === undefined ? {} : { 'content-type': 'application/json' },
        );
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const wrong = problem(res);
        if (wrong) {
          if (res.status >= 500) console.log(`${route.method} ${route.url}: ${lastUnhandled}`);
          const sent = JSON.stringify(body)?.slice(0, 300);
          found.push(`${route.method} ${url.slice(0, 200)} ${sent}: ${wrong} ${res.text.slice(0, 300)}`);
          throw new Error(`${wrong} (seed ${seed}): ${res.text.slice(0, 300)}`);
        }
      }),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
    expect(found).toEqual([]);
  },
);
