// The HaloPSA REST API simulator: resource server (`/api/...`) and authorisation server
// (`/auth/token`) on one origin, as on hosted Halo (reference §1.1). Built from SPEC-2024
// (`../shared/specs/halopsa/swagger.json`) and `../shared/reference/halopsa.md`; see
// docs/simulators/halopsa.md for what it covers and what it does not.
import { readFileSync } from 'node:fs';
import type { SimPsa, SimRequest, SimResponse } from '../shared/types.ts';
import { AuthServer, defaultCredentials } from './auth.ts';
import { runControl } from './control.ts';
import { newCtx } from './entity.ts';
import { HaloError, forbidden, notFound, unsupportedMediaType } from './errors.ts';
import { authInfo } from './identity.ts';
import { pickSchema } from './input.ts';
import { allPermissions } from './permissions.ts';
import { RollingWindow } from './rate-limit.ts';
import { entityDefs, resolve } from './routes.ts';
import { assertSeed, type HaloSeed, type SeedCollection } from './seed-types.ts';
import { HaloState } from './state.ts';

export function loadDefaultSeed(): HaloSeed {
  const seed: unknown = JSON.parse(readFileSync(new URL('./seed/default.json', import.meta.url), 'utf8'));
  assertSeed(seed);
  return seed;
}

const tableOf: Record<string, SeedCollection> = {
  client: 'clients',
  site: 'sites',
  users: 'users',
  tickets: 'tickets',
  tickettype: 'tickettypes',
  status: 'statuses',
  sla: 'slas',
  category: 'categories',
  team: 'teams',
  agent: 'agents',
  outcome: 'outcomes',
  item: 'items',
  softwarelicence: 'licences',
  recurringinvoice: 'recurring_invoices',
  invoicelines: 'invoice_lines',
  toplevel: 'toplevels',
};

/** The body types SPEC-2024 lists for every request body (ASP.NET's JSON input formatter). */
function isJsonContentType(header: string | string[] | undefined): boolean {
  const type = String(header ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  return type === 'application/json' || type === 'text/json' || /^application\/[\w.-]+\+json$/.test(type);
}

export function createHalopsaSimulator(seed?: unknown): SimPsa {
  if (seed !== undefined) assertSeed(seed);
  const initial = (seed as HaloSeed | undefined) ?? loadDefaultSeed();
  const auth = new AuthServer({ ...defaultCredentials, ...initial.credentials });
  const rate = new RollingWindow();
  const grant = allPermissions();
  let state = new HaloState(initial);

  function api(req: SimRequest, segments: string[]): SimResponse {
    if (segments.length === 1 && segments[0]!.toLowerCase() === 'authinfo') {
      return req.method === 'GET' ? authInfo(req, auth.credentials.tenant) : { status: 405 };
    }
    const who = auth.authenticate(req);
    if ('status' in who) return who;
    const ctx = newCtx(state, req, state.settings.api_agent_id);
    const route = resolve(ctx, segments);
    if (!route) return notFound();
    if (
      route.permission !== null &&
      !(who.permissions.has(route.permission) && grant.has(route.permission))
    ) {
      return forbidden();
    }
    if (req.method === 'POST' && !isJsonContentType(req.headers['content-type']))
      return unsupportedMediaType();
    return route.run();
  }

  return {
    kind: 'halopsa',
    credentials: { ...auth.credentials },
    handle(req) {
      const segments = req.path.split('/').filter((s) => s !== '');
      const root = segments[0]?.toLowerCase();
      if (root !== 'api' && root !== 'auth') return notFound();
      // Every call to the instance counts against its budget (reference §6; PSMOD even retries
      // `authinfo` on a 429).
      const limited = rate.take();
      if (limited) return limited;
      try {
        if (root === 'auth') {
          return segments.length === 2 && segments[1]!.toLowerCase() === 'token'
            ? auth.token(req)
            : notFound();
        }
        return api(
          req,
          segments.slice(1).map((s) => decodeURIComponent(s)),
        );
      } catch (err) {
        if (err instanceof HaloError) return err.response;
        return {
          status: 500,
          body: `An error occurred: ${err instanceof Error ? err.message : String(err)}`,
          raw: true,
        };
      }
    },
    reset(next) {
      if (next !== undefined) assertSeed(next);
      state = new HaloState((next as HaloSeed | undefined) ?? initial);
      rate.reset();
      auth.resetConfig();
      grant.clear();
      for (const p of allPermissions()) grant.add(p);
    },
    records(entity, id) {
      const name = entity.toLowerCase();
      if (name === 'actions') {
        if (id === undefined) return [...state.actions.values()].flat();
        return state.actions.get(Number(id));
      }
      if (name === 'priority') {
        return id === undefined ? state.priorities : state.priorities.find((p) => p.id === id);
      }
      const table =
        tableOf[name] ??
        (Object.values(tableOf).includes(name as SeedCollection) ? (name as SeedCollection) : undefined);
      if (!table) return undefined;
      if (id === undefined) return state.tables[table].all();
      const row = state.tables[table].get(Number(id));
      const def = entityDefs.find((d) => d.path.toLowerCase() === name);
      return row === undefined ? undefined : def ? { ...row, ...pickSchema(def.schema, row) } : row;
    },
    control(action, body) {
      return runControl({ auth, rate, grant, state: () => state }, action, body);
    },
  };
}
