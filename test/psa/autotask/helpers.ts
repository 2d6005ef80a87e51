// Shared set-up for the Autotask connector tests: a simulator over real HTTP (only started, and
// driven through its `/_sim/` control routes), a client whose exchanges are recorded, and request
// bodies checked against the 2020 Swagger with ajv.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import {
  memoryCache,
  type ConnectorCache,
  type ConnectorContext,
  type PsaClient,
} from '../../../src/psa/client.ts';
import type { Exchange } from '../../../src/psa/http.ts';
import { createAutotaskClient } from '../../../src/psa/autotask/index.ts';
import { resetThresholdState } from '../../../src/psa/autotask/threshold.ts';
import { countExchanges, fastPolicy, simControl } from '../sim-rig.ts';
import { startSimulator, type RunningSimulator } from '../../../src/simulators/index.ts';

export interface Rig {
  sim: RunningSimulator;
  exchanges: Exchange[];
  cache: ConnectorCache;
  client(overrides?: Partial<ConnectorContext>): PsaClient;
  control(action: string, body?: unknown, method?: string): Promise<unknown>;
  records<T = unknown>(entity: string, id?: string | number): Promise<T>;
  /** How many exchanges went to a path matching `re` (by method when given). */
  count(re: RegExp, method?: string): number;
  /** Back to the seed: simulator state, faults, limits, the guard's memory and the recordings. */
  reset(): Promise<void>;
}

export { fastPolicy };

export async function startRig(): Promise<Rig> {
  const sim = await startSimulator('autotask', { port: 0 });
  const exchanges: Exchange[] = [];
  let cache = memoryCache();
  const { control, records } = simControl(sim.url);
  const rig: Rig = {
    sim,
    exchanges,
    get cache() {
      return cache;
    },
    control,
    records,
    client(overrides = {}) {
      return createAutotaskClient({
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
    async reset() {
      await control('reset');
      resetThresholdState();
      cache = memoryCache();
      exchanges.length = 0;
    },
  };
  return rig;
}

export const placement = {
  statusId: '1',
  priorityId: '2',
  fields: { queueId: '29682833', ticketTypeId: '2', sourceId: '2', issueTypeId: '4', subIssueTypeId: '17' },
};

// ---- Swagger (2020, PascalCase) request-body schemas ----
//
// The server binds names case-insensitively (reference §2.2, §4.1), so bodies and schema property
// names are compared in lower case; unknown properties are errors, so a misspelt field fails.

type Param = { in: string; schema?: { $ref?: string } };
type Spec = {
  paths: Record<string, Record<string, { parameters?: Param[] }>>;
  definitions: Record<string, { properties?: Record<string, unknown> }>;
};

let spec: Spec | undefined;
const ajv = new Ajv({ strict: false, allErrors: true });
const validators = new Map<string, ValidateFunction | null>();

function loadSpec(): Spec {
  if (spec) return spec;
  const file = new URL('../../../../shared/specs/autotask/autotask-rest-v1.swagger.json', import.meta.url);
  spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  const defs: Record<string, unknown> = {};
  for (const [name, d] of Object.entries(spec.definitions)) {
    const props = Object.fromEntries(
      Object.entries(d.properties ?? {})
        .filter(([k]) => k !== 'SoapParentPropertyId')
        .map(([k, v]) => [k.toLowerCase(), v]),
    );
    defs[name] = d.properties ? { ...d, properties: props, additionalProperties: false } : d;
  }
  // `Filter.value` is "Integer, String, Boolean, an Array of Integers, or an Array of Strings"
  // (reference §2.2); the Swagger's ValueItem is the server's binding type, not the wire shape.
  defs.ValueItem = { type: ['string', 'number', 'boolean', 'array'] };
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/);
  for (const f of ['int32', 'int64', 'double', 'float', 'byte']) ajv.addFormat(f, true);
  ajv.addSchema({ definitions: defs }, 'autotask');
  return spec;
}

function specPath(s: Spec, path: string): string | undefined {
  const p = path.replace(/^\/atservicesrest/i, '').toLowerCase();
  const exact = Object.keys(s.paths).find((k) => k.toLowerCase() === p);
  if (exact) return exact;
  return Object.keys(s.paths).find((k) =>
    new RegExp(`^${k.toLowerCase().replace(/\{[^}]+\}/g, '[^/]+')}$`).test(p),
  );
}

const lowerKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(lowerKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toLowerCase(), lowerKeys(x)]))
      : v;

/** Errors of a recorded request body against the Swagger's body schema; null when it defines none. */
export function bodyErrors(e: Exchange): string[] | null {
  const s = loadSpec();
  const path = specPath(s, new URL(e.url).pathname);
  if (!path || e.requestBody === null) return null;
  const key = `${e.method} ${path}`;
  if (!validators.has(key)) {
    const ref = s.paths[path]?.[e.method.toLowerCase()]?.parameters?.find((p) => p.in === 'body')?.schema
      ?.$ref;
    validators.set(key, ref ? ajv.compile({ $ref: ref.replace('#/', 'autotask#/') }) : null);
  }
  const v = validators.get(key);
  if (!v) return null;
  return v(lowerKeys(JSON.parse(e.requestBody)))
    ? []
    : (v.errors ?? []).map((x) => `${x.instancePath} ${x.message ?? ''} ${JSON.stringify(x.params)}`);
}
