// A plain fetch-based Autotask client for the conformance tests (deliberately not the hub's
// connector): zone discovery, then calls with the three auth headers.
import { startSimServer } from '../../../src/simulators/shared/sim-server.ts';
import type { RunningSimulator, SimStartOptions } from '../../../src/simulators/shared/types.ts';
import type { startSimulator as StartSimulator } from '../../../src/simulators/index.ts';

/** Start the Autotask simulator through the registry (`startSimulator`). The registry imports the
 * sibling simulators too, which other people edit concurrently; if it cannot even be loaded, start
 * this simulator on the shared server core directly so these tests stay about Autotask. */
export async function startAutotask(opts: SimStartOptions = {}): Promise<RunningSimulator> {
  let registry: { startSimulator: typeof StartSimulator } | undefined;
  try {
    registry = await import('../../../src/simulators/index.ts');
  } catch (err) {
    console.warn(`simulator registry not loadable (${String(err).slice(0, 120)}); using the server core`);
  }
  if (registry) return registry.startSimulator('autotask', opts);
  const { createAutotaskSimulator } = await import('../../../src/simulators/autotask/index.ts');
  return startSimServer(createAutotaskSimulator(opts.seed), opts);
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class AtClient {
  readonly sim: RunningSimulator;
  zoneUrl = '';
  headers: Record<string, string>;

  constructor(sim: RunningSimulator, headers?: Record<string, string>) {
    this.sim = sim;
    this.headers = headers ?? {
      ApiIntegrationCode: sim.credentials.integrationCode ?? '',
      UserName: sim.credentials.username ?? '',
      Secret: sim.credentials.secret ?? '',
    };
  }

  /** Zone discovery: GET {url}/atservicesrest/v1.0/zoneInformation?user=… without headers. */
  async discover(): Promise<this> {
    const res = await fetch(
      `${this.sim.url}/atservicesrest/v1.0/zoneInformation?user=${encodeURIComponent(this.sim.credentials.username ?? '')}`,
    );
    const body = (await res.json()) as { url: string };
    this.zoneUrl = body.url;
    return this;
  }

  async raw<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply<T>> {
    const res = await fetch(url, {
      method,
      headers: {
        ...(headers ?? this.headers),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      /* text body */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** Call `{zoneUrl}V1.0{path}`. */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    return this.raw<T>(method, `${this.zoneUrl}V1.0${path}`, body);
  }

  get<T = unknown>(path: string): Promise<Reply<T>> {
    return this.call<T>('GET', path);
  }

  post<T = unknown>(path: string, body: unknown): Promise<Reply<T>> {
    return this.call<T>('POST', path, body);
  }

  patch<T = unknown>(path: string, body: unknown): Promise<Reply<T>> {
    return this.call<T>('PATCH', path, body);
  }

  put<T = unknown>(path: string, body: unknown): Promise<Reply<T>> {
    return this.call<T>('PUT', path, body);
  }

  /** POST /{entity}/query with a filter list. */
  async query<T = Record<string, unknown>>(
    entity: string,
    filter: unknown[],
    extra: Record<string, unknown> = {},
  ): Promise<Reply<QueryResult<T>>> {
    return this.post<QueryResult<T>>(`/${entity}/query`, { filter, ...extra });
  }

  /** Control action on the simulator. */
  async control(action: string, body: unknown = {}): Promise<Reply> {
    return this.raw('POST', `${this.sim.url}/_sim/${action}`, body, {});
  }
}

export interface QueryResult<T> {
  items: T[];
  pageDetails: {
    count: number;
    requestCount: number;
    prevPageUrl: string | null;
    nextPageUrl: string | null;
  };
}

export type Rec = Record<string, unknown> & { id: number };
