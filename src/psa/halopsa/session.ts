// One authenticated way to call `{site}/api/...`: the bearer token from TokenSource on every
// request, and on a 401 the token is renewed once and the call repeated once (reference §1.2–1.3:
// PDATA, ASACHS, ADAPTER). A 401 means Halo did not act, so even a create may be repeated.
import type { ConnectorContext } from '../client.ts';
import { PsaError } from '../errors.ts';
import { HttpClient, type HttpResponse, type RequestOptions } from '../http.ts';
import { apiError, withPermission } from './errors.ts';
import { TokenSource } from './token.ts';

export class HaloSession {
  readonly tokens: TokenSource;
  readonly #http: HttpClient;
  readonly #base: string;
  readonly #ctx: ConnectorContext;

  constructor(ctx: ConnectorContext) {
    this.#ctx = ctx;
    const secrets = (): readonly string[] => [ctx.credentials.clientSecret ?? '', ...this.tokens.seen];
    this.tokens = new TokenSource(ctx, secrets);
    this.#base = new URL('/api/', ctx.siteUrl).toString();
    this.#http = new HttpClient({
      ...ctx.http,
      headers: async () => ({ authorization: `Bearer ${await this.tokens.get()}` }),
      secrets,
      toError: (res) => apiError(res, secrets()),
    });
  }

  get siteUrl(): string {
    return this.#ctx.siteUrl;
  }

  url(path: string): string {
    return new URL(path.replace(/^\//, ''), this.#base).toString();
  }

  async request<T = unknown>(
    method: string,
    path: string,
    ro: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const token = await this.tokens.get();
    try {
      try {
        return await this.#http.request<T>(method, this.url(path), ro);
      } catch (err) {
        if (!(err instanceof PsaError) || err.kind !== 'auth' || err.details.status !== 401) throw err;
        await this.tokens.drop(token);
        return await this.#http.request<T>(method, this.url(path), ro);
      }
    } catch (err) {
      throw err instanceof PsaError ? withPermission(err, method, path) : err;
    }
  }

  async get<T = unknown>(path: string, query?: RequestOptions['query']): Promise<T> {
    return (await this.request<T>('GET', path, { query })).body;
  }

  /** GET by id; undefined on 404. */
  async find<T = unknown>(path: string, query?: RequestOptions['query']): Promise<T | undefined> {
    try {
      return await this.get<T>(path, query);
    } catch (err) {
      if (err instanceof PsaError && err.kind === 'not_found') return undefined;
      throw err;
    }
  }

  /** Halo's create-or-update: POST an array; the answer is the one saved object (reference §2). */
  async post<T = Record<string, unknown>>(path: string, items: unknown[], idempotent: boolean): Promise<T> {
    const res = await this.request<T | T[]>('POST', path, { body: items, idempotent });
    const body = res.body;
    // ADAPTER and RMCP accept an array too (reference §2 "POST response").
    return (Array.isArray(body) ? body[0] : body) as T;
  }
}
