// Shared set-up for the HaloPSA connector tests: a simulator over real HTTP, a client whose
// exchanges are recorded, the simulator's control routes, and request bodies checked against
// SPEC-2024 with ajv.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import {
  memoryCache,
  type ConnectorCache,
  type ConnectorContext,
  type PsaClient,
} from '../../../src/psa/client.ts';
import type { Exchange } from '../../../src/psa/http.ts';
import { createHalopsaClient } from '../../../src/psa/halopsa/index.ts';
import { countExchanges, fastPolicy, simControl } from '../sim-rig.ts';
import { startSimulator, type RunningSimulator } from '../../../src/simulators/index.ts';

export interface Rig {
  sim: RunningSimulator;
  exchanges: Exchange[];
  client(overrides?: Partial<ConnectorContext>): PsaClient;
  control(action: string, body?: unknown, method?: string): Promise<unknown>;
  records<T = unknown>(entity: string, id?: string | number): Promise<T>;
  cache: ConnectorCache;
  /** How many exchanges went to a path matching `re` (by method when given). */
  count(re: RegExp, method?: string): number;
}

export { fastPolicy };

export async function startRig(): Promise<Rig> {
  const sim = await startSimulator('halopsa', { port: 0 });
  const exchanges: Exchange[] = [];
  const cache = memoryCache();
  const { control, records } = simControl(sim.url);
  return {
    sim,
    exchanges,
    cache,
    control,
    records,
    client(overrides = {}) {
      return createHalopsaClient({
        siteUrl: sim.url,
        credentials: { ...sim.credentials },
        cache,
        ...overrides,
        http: {
          policy: fastPolicy,
          timeoutMs: 3_000,
          onExchange: (e) => exchanges.push(e),
          ...overrides.http,
        },
      });
    },
    count: (re, method) => countExchanges(exchanges, re, method),
  };
}

// ---- SPEC-2024 request-body schemas ----

type Spec = {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, { schema?: object }> };
        parameters?: { name: string; in: string }[];
      }
    >
  >;
  components: { schemas: Record<string, object> };
};

let spec: Spec | undefined;
const ajv = new Ajv({ strict: false, allErrors: true });
const validators = new Map<string, ValidateFunction | null>();

function loadSpec(): Spec {
  if (spec) return spec;
  const file = new URL('../../../../shared/specs/halopsa/swagger.json', import.meta.url);
  spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  // OpenAPI 3.0 `nullable` without a type means "anything"; Halo's formats are loose.
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ('nullable' in o && !('type' in o)) delete o.nullable;
      Object.values(o).forEach(walk);
    }
  };
  walk(spec.components.schemas);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/);
  ajv.addFormat('uuid', /^[0-9a-f-]{36}$/i);
  for (const f of ['date-span', 'byte', 'binary', 'uri', 'int32', 'int64', 'double', 'float'])
    ajv.addFormat(f, true);
  ajv.addSchema({ components: spec.components }, 'halo');
  return spec;
}

/** The spec's path template matching a request path, e.g. `/RecurringInvoice/updatelines`. */
function specPath(s: Spec, path: string): string | undefined {
  const p = path.replace(/^\/api/i, '').toLowerCase();
  const exact = Object.keys(s.paths).find((k) => k.toLowerCase() === p);
  if (exact) return exact;
  return Object.keys(s.paths).find((k) => {
    const re = new RegExp(`^${k.toLowerCase().replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return re.test(p);
  });
}

/**
 * Errors of a recorded request body against the spec's requestBody schema; null when the spec
 * defines none for that call.
 */
export function bodyErrors(e: Exchange): string[] | null {
  const s = loadSpec();
  const path = specPath(s, new URL(e.url).pathname);
  if (!path || e.requestBody === null) return null;
  const key = `${e.method} ${path}`;
  if (!validators.has(key)) {
    const schema =
      s.paths[path]?.[e.method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
    validators.set(key, schema ? ajv.compile(rewrite(schema)) : null);
  }
  const v = validators.get(key);
  if (!v) return null;
  return v(JSON.parse(e.requestBody))
    ? []
    : (v.errors ?? []).map((x) => `${x.instancePath} ${x.message ?? ''}`);
}

/** Point the requestBody schema's local refs at the registered document. */
function rewrite(schema: object): object {
  const json = JSON.stringify(schema).replace(/"#\/components\/schemas\//g, '"halo#/components/schemas/');
  const out = JSON.parse(json) as Record<string, unknown>;
  return out;
}

/**
 * The query parameters of a recorded request that SPEC-2024 does not list for its endpoint (Halo's
 * ASP.NET ignores those silently, so a look-up relying on one would quietly do something else).
 */
export function undocumentedQuery(e: Exchange): string[] {
  const s = loadSpec();
  const url = new URL(e.url);
  const path = specPath(s, url.pathname);
  if (!path) return [`(no such path ${url.pathname})`];
  const listed = new Set(
    (s.paths[path]?.[e.method.toLowerCase()]?.parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => p.name.toLowerCase()),
  );
  return [...url.searchParams.keys()].filter((k) => !listed.has(k.toLowerCase()));
}
