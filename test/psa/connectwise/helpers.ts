// Shared set-up for the ConnectWise connector tests: a simulator over real HTTP (only started and
// driven through its `/_sim/` control routes), a client whose exchanges are recorded, and bodies
// checked against the official spec subset's component schemas with ajv.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import {
  memoryCache,
  type ConnectorCache,
  type ConnectorContext,
  type PsaClient,
} from '../../../src/psa/client.ts';
import { createConnectwiseClient } from '../../../src/psa/connectwise/index.ts';
import type { Exchange } from '../../../src/psa/http.ts';
import type { NewTicket } from '../../../src/psa/types.ts';
import { startSimulator, type RunningSimulator } from '../../../src/simulators/index.ts';

export interface Rig {
  sim: RunningSimulator;
  exchanges: Exchange[];
  /** Every exchange since the start, never cleared (for the secret grep). */
  history: Exchange[];
  errors: unknown[];
  cache: ConnectorCache;
  client(overrides?: Partial<ConnectorContext>): PsaClient;
  control(action: string, body?: unknown, method?: string): Promise<unknown>;
  records<T = unknown>(table: string, id?: string | number): Promise<T>;
  /** Exchanges whose path matches `re` (and method, when given). */
  sent(re: RegExp, method?: string): Exchange[];
  reset(): Promise<void>;
}

export const fastPolicy = { attempts: 4, baseMs: 1, capMs: 5 };

export async function startRig(): Promise<Rig> {
  const sim = await startSimulator('connectwise', { port: 0 });
  const exchanges: Exchange[] = [];
  const history: Exchange[] = [];
  const errors: unknown[] = [];
  const cache = memoryCache();
  const control = async (action: string, body: unknown = {}, method = 'POST') => {
    const res = await fetch(`${sim.url}/_sim/${action}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`control ${action}: ${res.status} ${text}`);
    return text === '' ? null : (JSON.parse(text) as unknown);
  };
  return {
    sim,
    exchanges,
    history,
    errors,
    cache,
    control,
    async records<T>(table: string, id?: string | number) {
      const res = await fetch(`${sim.url}/_sim/records/${table}${id === undefined ? '' : `/${id}`}`);
      return (await res.json()) as T;
    },
    client(overrides = {}) {
      const client = createConnectwiseClient({
        siteUrl: sim.url,
        credentials: { ...sim.credentials },
        cache,
        ...overrides,
        http: {
          policy: fastPolicy,
          timeoutMs: 3_000,
          onExchange: (e) => {
            exchanges.push(e);
            history.push(e);
          },
          ...overrides.http,
        },
      });
      // Every error a test sees is kept for the secret grep.
      return new Proxy(client, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver) as unknown;
          if (typeof v !== 'function') return v;
          return (...args: unknown[]) =>
            (v as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((err: unknown) => {
              errors.push(err);
              throw err;
            });
        },
      });
    },
    sent(re, method) {
      return exchanges.filter((e) => re.test(new URL(e.url).pathname) && (!method || e.method === method));
    },
    async reset() {
      await control('reset');
      exchanges.length = 0;
    },
  };
}

let refSeq = 0;
export function newTicket(over: Partial<NewTicket> = {}): NewTicket {
  refSeq += 1;
  return {
    companyId: '2',
    title: 'Backup failed on SRV01',
    description: 'The nightly backup job failed twice.',
    externalRef: `psahub:test:${process.pid}:${Date.now()}:${refSeq}`,
    placement: { statusId: '101', priorityId: '3', fields: { boardId: '1', typeId: '201' } },
    ...over,
  };
}

// ---- spec schemas (official GET subset, ../shared/specs/connectwise) ----

type Schemas = Record<string, Record<string, unknown>>;
const ajv = new Ajv({ strict: false, allErrors: true });
let loaded = false;
let components: Schemas = {};
const validators = new Map<string, ValidateFunction>();

function load(): void {
  if (loaded) return;
  const file = new URL(
    '../../../../shared/specs/connectwise/manage-2026.4-get-subset.openapi.json',
    import.meta.url,
  );
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { components: { schemas: Schemas } };
  const schemas = spec.components.schemas;
  components = schemas;
  // The spec types CustomFieldValue.value as `object`, yet values are scalars (reference §5).
  const cfv = schemas.CustomFieldValue as { properties?: Record<string, unknown> } | undefined;
  if (cfv?.properties) cfv.properties.value = {};
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/);
  for (const f of ['int32', 'int64', 'double', 'float', 'uuid', 'byte', 'binary', 'uri'])
    ajv.addFormat(f, true);
  ajv.addSchema({ components: spec.components }, 'cw');
  loaded = true;
}

/**
 * ajv's complaints about `body` against the spec schema `name` (an array of them when `array`);
 * `partial` for answers projected with `fields`, which leave out required properties.
 */
export function schemaErrors(name: string, body: unknown, array = false, partial = false): string[] {
  load();
  const key = `${name}${array ? '[]' : ''}${partial ? '~' : ''}`;
  let v = validators.get(key);
  if (!v) {
    let ref: object = { $ref: `cw#/components/schemas/${name}` };
    if (partial) {
      const own = structuredClone(components[name]!);
      delete own.required;
      ref = JSON.parse(
        JSON.stringify(own).replace(/"#\/components\/schemas\//g, '"cw#/components/schemas/'),
      ) as object;
    }
    v = ajv.compile(array ? { type: 'array', items: ref } : ref);
    validators.set(key, v);
  }
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

export function hasSchema(name: string): boolean {
  load();
  return ajv.getSchema(`cw#/components/schemas/${name}`) !== undefined;
}

/** Grep every recorded exchange and every error a client threw for the private key. */
export function assertNoSecrets(rig: Rig): void {
  const c = rig.sim.credentials;
  const key = c.privateKey!;
  const basic = Buffer.from(`${c.companyId}+${c.publicKey}:${key}`).toString('base64');
  const text = [
    JSON.stringify(rig.history),
    ...rig.errors.map((e) =>
      e instanceof Error ? `${e.message} ${e.stack ?? ''} ${JSON.stringify(e)}` : JSON.stringify(e),
    ),
  ].join('\n');
  if (rig.history.length === 0) throw new Error('nothing was recorded');
  for (const secret of [key, basic]) {
    if (text.includes(secret)) throw new Error('a secret appears in a recorded exchange or an error');
  }
}
