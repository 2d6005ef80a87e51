// A plain fetch-based ConnectWise client for the conformance tests (never the hub's connector):
// Basic `companyId+publicKey:privateKey`, the clientId header and the versioned Accept header.
import {
  startSimulator,
  type RunningSimulator,
  type SimStartOptions,
} from '../../../src/simulators/index.ts';

export interface CwReply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number>;
  /** Leave out one of the default headers. */
  omit?: ('authorization' | 'clientId' | 'accept')[];
  codebase?: string;
}

export class CwClient {
  readonly sim: RunningSimulator;
  codebase = 'v4_6_release';
  constructor(sim: RunningSimulator) {
    this.sim = sim;
  }

  get base(): string {
    return `${this.sim.url}/${this.codebase}/apis/3.0`;
  }

  authHeader(c = this.sim.credentials): string {
    return 'Basic ' + Buffer.from(`${c.companyId}+${c.publicKey}:${c.privateKey}`).toString('base64');
  }

  async call<T = any>(method: string, path: string, opts: CallOptions = {}): Promise<CwReply<T>> {
    const headers: Record<string, string> = {
      authorization: this.authHeader(),
      clientId: this.sim.credentials.clientId!,
      accept: 'application/vnd.connectwise.com+json; version=2026.4',
    };
    for (const name of opts.omit ?? []) delete headers[name];
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, opts.headers);
    const qs = opts.query
      ? '?' +
        new URLSearchParams(
          Object.entries(opts.query).map(([k, v]): [string, string] => [k, String(v)]),
        ).toString()
      : '';
    const base = opts.codebase ? `${this.sim.url}/${opts.codebase}/apis/3.0` : this.base;
    const res = await fetch(`${base}${path}${qs}`, {
      method,
      headers,
      body:
        opts.body === undefined
          ? undefined
          : typeof opts.body === 'string'
            ? opts.body
            : JSON.stringify(opts.body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    };
  }

  get<T = any>(path: string, query?: Record<string, string | number>, opts: CallOptions = {}) {
    return this.call<T>('GET', path, { ...opts, query });
  }
  post<T = any>(path: string, body: unknown, opts: CallOptions = {}) {
    return this.call<T>('POST', path, { ...opts, body });
  }
  put<T = any>(path: string, body: unknown) {
    return this.call<T>('PUT', path, { body });
  }
  patch<T = any>(path: string, ops: unknown) {
    return this.call<T>('PATCH', path, { body: ops });
  }
  delete(path: string) {
    return this.call('DELETE', path);
  }

  /** POST to a `/_sim/{action}` control route. */
  async control(action: string, body: unknown = {}): Promise<CwReply<any>> {
    const res = await fetch(`${this.sim.url}/_sim/${action}`, { method: 'POST', body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
  }

  /** Count with conditions. */
  async count(path: string, conditions: string): Promise<CwReply<{ count: number }>> {
    return this.get(`${path}/count`, { conditions });
  }
}

export async function startCw(opts: SimStartOptions = {}): Promise<CwClient> {
  return new CwClient(await startSimulator('connectwise', { port: 0, ...opts }));
}
