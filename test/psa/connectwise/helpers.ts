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
import { fastPolicy, simControl } from '../sim-rig.ts';
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

export { fastPolicy };

export async function startRig(): Promise<Rig> {
  const sim = await startSimulator('connectwise', { port: 0 });
  const exchanges: Exchange[] = [];
  const history: Exchange[] = [];
  const errors: unknown[] = [];
  const cache = memoryCache();
  const { control, records } = simControl(sim.url);
  return {
    sim,
    exchanges,
    history,
    errors,
    cache,
    control,
    records,
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

// ---- every recorded exchange against the spec's paths ----

type Paths = Record<
  string,
  { get?: { responses?: Record<string, { content?: Record<string, { schema?: Row }> }> } }
>;
type Row = Record<string, unknown>;
let paths: Paths | undefined;

function specPaths(): Paths {
  if (paths) return paths;
  const file = new URL(
    '../../../../shared/specs/connectwise/manage-2026.4-get-subset.openapi.json',
    import.meta.url,
  );
  paths = (JSON.parse(readFileSync(file, 'utf8')) as { paths: Paths }).paths;
  return paths;
}

/**
 * The spec schema of a recorded answer: the GET 200 schema of its path (for a POST to a list,
 * the list's item schema; PATCH answers the entity its GET returns). Null when the spec has none.
 */
export function answerSchema(e: Exchange): { name: string; array: boolean } | null {
  const path = new URL(e.url).pathname.replace(/^\/[^/]+\/apis\/3\.0/, '');
  const ps = specPaths();
  const segs = path.split('/');
  const params = (k: string) => (k.match(/\{/g) ?? []).length;
  const tpl = Object.keys(ps)
    .filter((k) => {
      const ks = k.split('/');
      return (
        ks.length === segs.length &&
        ks.every((x, i) => /^\{.*\}$/.test(x) || x.toLowerCase() === segs[i]!.toLowerCase())
      );
    })
    .sort((a, b) => params(a) - params(b))[0];
  const content = tpl ? ps[tpl]?.get?.responses?.['200']?.content : undefined;
  const schema = content ? Object.values(content)[0]?.schema : undefined;
  if (!schema) return null;
  const items = schema.type === 'array' ? (schema.items as Row | undefined) : undefined;
  const ref = String((items ?? schema).$ref ?? '');
  const name = ref.replace('#/components/schemas/', '');
  if (!name) return null;
  return { name, array: items !== undefined && e.method === 'GET' };
}

/** Schema complaints about every successful recorded answer the spec describes. */
export function allAnswerErrors(exchanges: readonly Exchange[]): string[] {
  const out: string[] = [];
  let checked = 0;
  for (const e of exchanges) {
    if (e.status === null || e.status >= 300 || !e.responseBody) continue;
    // The recorder clips long bodies (`…[N chars]`); those cannot be parsed whole.
    if (/…\[\d+ chars\]$/.test(e.responseBody)) continue;
    const s = answerSchema(e);
    if (!s) continue;
    const partial = new URL(e.url).searchParams.has('fields');
    checked += 1;
    for (const err of schemaErrors(s.name, JSON.parse(e.responseBody), s.array, partial)) {
      out.push(`${e.method} ${new URL(e.url).pathname} ${s.name}: ${err}`);
    }
  }
  if (checked === 0) out.push('no recorded answer was checked');
  return out;
}
