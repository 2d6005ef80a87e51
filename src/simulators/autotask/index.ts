// The Autotask PSA REST API simulator (Datto/Kaseya): zone discovery, header auth, the query
// grammar with paging, entity information with picklists, create/update/delete with validation,
// recurring-service contract units, the request threshold and thread limit. Built from the official
// Swagger (SPEC) and ../shared/reference/autotask.md; see docs/simulators/autotask.md.
import { readFileSync } from 'node:fs';
import type { SimPsa, SimRequest, SimResponse } from '../shared/types.ts';
import { authenticate, header, zoneInformation, type AuthState } from './auth.ts';
import { control } from './control.ts';
import { entityByName } from './entities.ts';
import { AutotaskError, noResource } from './errors.ts';
import type { AutotaskSeed } from './model.ts';
import { Permissions } from './permissions.ts';
import { route, type RouteContext } from './router.ts';
import { AutotaskStore } from './store.ts';
import { Limits } from './threshold.ts';

export const DEFAULT_CREDENTIALS = {
  username: 'psahub.api@simulated-msp.example',
  secret: 'Sim9$kT2#qLw4!rP',
  integrationCode: 'PSAHUBSIMULATORINTEGRATIONCODE',
};

/** IIS's default `maxQueryString` (2048 characters). */
const MAX_QUERY_STRING = 2048;

export function loadDefaultSeed(): AutotaskSeed {
  return JSON.parse(readFileSync(new URL('./seed/default.json', import.meta.url), 'utf8')) as AutotaskSeed;
}

function checkSeed(seed: unknown): AutotaskSeed {
  if (typeof seed !== 'object' || seed === null || Array.isArray(seed))
    throw new Error('an Autotask seed must be an object');
  const s = seed as Partial<AutotaskSeed>;
  if (typeof s.entities !== 'object' || s.entities === null)
    throw new Error('an Autotask seed needs "entities"');
  if (typeof s.picklists !== 'object' || s.picklists === null)
    throw new Error('an Autotask seed needs "picklists"');
  for (const name of Object.keys(s.entities)) {
    if (!entityByName(name)) throw new Error(`unknown entity ${name} in the seed`);
  }
  return s as AutotaskSeed;
}

export function createAutotaskSimulator(seed?: unknown): SimPsa {
  const initial = seed === undefined ? loadDefaultSeed() : checkSeed(seed);
  const credentials = { ...DEFAULT_CREDENTIALS, ...(initial.api ?? {}) };
  const auth: AuthState = {
    user: {
      username: credentials.username,
      secret: credentials.secret,
      integrationCode: credentials.integrationCode,
    },
    secretExpired: false,
  };
  const limits = new Limits();
  const perms = new Permissions();
  let store = new AutotaskStore(initial);
  const zoneName = initial.api?.zoneName ?? 'America East';
  const ci = initial.api?.ci ?? 482913;

  const ctx = (req: SimRequest): RouteContext => {
    const own = apiResourceId(store, auth.user.username);
    const as = impersonation(req, store);
    return {
      store,
      now: () => new Date(),
      apiResourceId: as ?? own,
      impersonatorId: as === undefined ? undefined : own,
      perms,
      limits,
    };
  };

  async function handle(req: SimRequest): Promise<SimResponse> {
    let segments = req.path.split('/').filter((s) => s !== '');
    if (segments[0]?.toLowerCase() === 'atservicesrest') segments = segments.slice(1);
    const [version = '', ...rest] = segments;
    // SPEC `/VersionInformation` (reference §1.1: called bare, without credentials).
    if (version.toLowerCase() === 'versioninformation' && rest.length === 0) {
      return { status: 200, body: { apiVersions: ['1.0'] } };
    }
    if (version.toLowerCase() !== 'v1.0') return noResource(req.origin, req.path, req.query);
    // IIS request filtering in front of the API: over-long query strings (e.g. a GET `search` or a
    // GET next-page link with a big filter) get IIS's 404.15 text page (reference §2.4, KT #66).
    if (req.query.toString().length > MAX_QUERY_STRING) {
      return {
        status: 404,
        raw: true,
        headers: { 'content-type': 'text/html' },
        body: 'HTTP Error 404.15 - Not Found. The request filtering module is configured to deny a request where the query string is too long.',
      };
    }
    if (rest.length === 1 && rest[0]?.toLowerCase() === 'zoneinformation') {
      return req.method === 'GET'
        ? zoneInformation(req, auth, zoneName, ci)
        : {
            status: 405,
            body: { Message: `The requested resource does not support http method '${req.method}'.` },
          };
    }
    const denied = authenticate(req, auth);
    if (denied) return denied;
    return limits.run(auth.user.integrationCode, rest[0] ?? '', () => {
      try {
        return route(ctx(req), req, rest);
      } catch (err) {
        if (err instanceof AutotaskError)
          return { status: err.status, body: { errors: err.messages }, headers: err.headers };
        throw err;
      }
    });
  }

  return {
    kind: 'autotask',
    credentials: {
      username: credentials.username,
      secret: credentials.secret,
      integrationCode: credentials.integrationCode,
    },
    handle,
    reset(next?: unknown) {
      // Without a seed: back to the one the simulator started with (SimPsa contract).
      const seedNow = next === undefined ? initial : checkSeed(next);
      store = new AutotaskStore(seedNow);
      auth.secretExpired = false;
      auth.user.secret = credentials.secret;
      limits.reset();
      perms.restore();
    },
    records(entity: string, id?: string) {
      const rows = store.rowsOf(entity);
      if (rows === undefined) return undefined;
      if (id === undefined || id === '') return rows;
      return rows.find((r) => String(r.id) === id);
    },
    control(action: string, body: unknown) {
      return control(action, body, {
        auth,
        limits,
        perms,
        originalSecret: credentials.secret,
        store: () => store,
      });
    },
  };
}

/**
 * `ImpersonationResourceId` (SPEC header; reference §1.3): writes are made as that resource, which
 * must exist and be active. DJ sends it only on non-GET requests; reads ignore it here.
 */
function impersonation(req: SimRequest, store: AutotaskStore): number | undefined {
  if (req.method === 'GET') return undefined;
  const value = header(req, 'ImpersonationResourceId');
  if (value === undefined || value === '') return undefined;
  const id = Number(value);
  const resource = Number.isInteger(id) ? store.table('Resources').get(id) : undefined;
  if (!resource || resource.isActive !== true) {
    throw new AutotaskError(
      `Impersonation failed: ${value} is not an active resource that may be impersonated.`,
    );
  }
  return id;
}

/** The API user's own resource: the seed's resource whose email is the API user name, else the first. */
function apiResourceId(store: AutotaskStore, username: string): number {
  const resources = store.table('Resources');
  const api = resources.find((r) => String(r.email ?? '').toLowerCase() === username.toLowerCase());
  return api?.id ?? resources.all()[0]?.id ?? 0;
}
