// A plain fetch-based Halo client for the conformance tests (never the hub's connectors): it gets a
// token the way every public client does (reference §1.2) and calls `/api/...` with it.
import { startSimulator, type RunningSimulator } from '../../../src/simulators/index.ts';

export interface HaloReply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export class HaloTestClient {
  readonly sim: RunningSimulator;
  token = '';
  scope = 'all';

  constructor(sim: RunningSimulator) {
    this.sim = sim;
  }

  get url(): string {
    return this.sim.url;
  }

  async requestToken(
    form: Record<string, string>,
    query = '',
    headers: Record<string, string> = {},
  ): Promise<HaloReply> {
    const res = await fetch(`${this.url}/auth/token${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
    return reply(res);
  }

  /** Client credentials, tenant in the query string (N8N, PSMOD). */
  async login(scope = this.scope): Promise<string> {
    const c = this.sim.credentials;
    const r = await this.requestToken(
      { grant_type: 'client_credentials', client_id: c.clientId!, client_secret: c.clientSecret!, scope },
      `?tenant=${encodeURIComponent(c.tenant!)}`,
    );
    if (r.status !== 200) throw new Error(`token request failed: ${r.status} ${r.text}`);
    this.token = (r.json as { access_token: string }).access_token;
    return this.token;
  }

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    rawBody?: string,
  ): Promise<HaloReply<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined || rawBody !== undefined)
      headers['content-type'] = 'application/json; charset=utf-8';
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return reply<T>(res);
  }

  get<T = unknown>(path: string): Promise<HaloReply<T>> {
    return this.call<T>('GET', path);
  }

  post<T = unknown>(path: string, body: unknown): Promise<HaloReply<T>> {
    return this.call<T>('POST', path, body);
  }

  del<T = unknown>(path: string): Promise<HaloReply<T>> {
    return this.call<T>('DELETE', path);
  }

  /** `POST /_sim/{action}`. */
  async control(action: string, body: unknown = {}): Promise<HaloReply> {
    const res = await fetch(`${this.url}/_sim/${action}`, { method: 'POST', body: JSON.stringify(body) });
    return reply(res);
  }

  /** Every row of a wrapped list, page by page, the way N8N pages (reference §3.2). */
  async all<T>(
    path: string,
    key: string,
    pageSize: number,
  ): Promise<{ rows: T[]; pages: number; recordCount: number }> {
    const rows: T[] = [];
    let page = 1;
    let recordCount: number;
    for (;;) {
      const sep = path.includes('?') ? '&' : '?';
      const r = await this.get<Record<string, unknown>>(
        `${path}${sep}pageinate=true&page_size=${pageSize}&page_no=${page}`,
      );
      if (r.status !== 200) throw new Error(`page ${page}: ${r.status} ${r.text}`);
      recordCount = r.json.record_count as number;
      const got = r.json[key] as T[];
      rows.push(...got);
      if (got.length === 0 || rows.length >= recordCount) break;
      page += 1;
    }
    return { rows, pages: page, recordCount };
  }
}

async function reply<T>(res: Response): Promise<HaloReply<T>> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

/** Start the Halo simulator on a free port, with a logged-in client. */
export async function startHalo(opts: { seed?: unknown; login?: boolean } = {}): Promise<HaloTestClient> {
  const sim = await startSimulator('halopsa', { port: 0, seed: opts.seed });
  const client = new HaloTestClient(sim);
  if (opts.login !== false) await client.login();
  return client;
}
