// One authenticated way to call ConnectWise (reference §1): the code base is discovered once from
// the unauthenticated `/login/companyinfo/{companyId}` and kept in the connection's cache; every
// call sends Basic `companyId+publicKey:privateKey`, the integration's `clientId` header and a
// pinned versioned Accept header, so a PSA upgrade cannot change the shapes under us.
import type { ConnectorCache, ConnectorContext } from '../client.ts';
import { PsaError } from '../errors.ts';
import { HttpClient, type HttpResponse, type RequestOptions } from '../http.ts';
import { apiError, permissionError } from './errors.ts';
import type { Row } from './wire.ts';

/** The API model version the connector is written against (the spec subset, reference §11). */
export const API_VERSION = '2026.4';
export const ACCEPT = `application/vnd.connectwise.com+json; version=${API_VERSION}`;
const CODEBASE_TTL_MS = 24 * 60 * 60_000;

/** Cloud UI hosts answer the API only under `api-…` (reference §1.1). */
export function apiOrigin(siteUrl: string): string {
  const u = new URL(siteUrl);
  if (/^(na|eu|au|aus|za|staging)\.(myconnectwise\.net|connectwisedev\.com)$/i.test(u.hostname)) {
    u.hostname = `api-${u.hostname}`;
  }
  return u.origin;
}

export interface CompanyInfo {
  companyName: string | null;
  codebase: string;
  version: string | null;
}

export class CwSession {
  readonly #ctx: ConnectorContext;
  readonly #http: HttpClient;
  readonly #open: HttpClient;
  readonly #cache: ConnectorCache | undefined;
  readonly origin: string;
  #info: Promise<CompanyInfo> | undefined;

  constructor(ctx: ConnectorContext) {
    this.#ctx = ctx;
    this.#cache = ctx.cache;
    this.origin = apiOrigin(ctx.siteUrl);
    const cred = ctx.credentials;
    const secrets = (): readonly string[] => [cred.privateKey ?? '', this.#basic()];
    const toError = (res: HttpResponse<unknown>) => apiError(res, secrets());
    this.#http = new HttpClient({
      ...ctx.http,
      headers: () => ({
        authorization: `Basic ${this.#basic()}`,
        clientid: cred.clientId ?? '',
        accept: ACCEPT,
        'cache-control': 'no-cache',
      }),
      secrets,
      toError,
    });
    // companyinfo needs no credentials, so none are sent there.
    this.#open = new HttpClient({ ...ctx.http, headers: () => ({}), secrets, toError });
  }

  #basic(): string {
    const c = this.#ctx.credentials;
    return Buffer.from(`${c.companyId ?? ''}+${c.publicKey ?? ''}:${c.privateKey ?? ''}`).toString('base64');
  }

  get cacheKey(): string {
    return `connectwise:${this.origin}:${(this.#ctx.credentials.companyId ?? '').toLowerCase()}`;
  }

  /** The tenant's code base and version, from the cache or `/login/companyinfo`. */
  companyInfo(): Promise<CompanyInfo> {
    this.#info ??= this.#loadInfo().catch((err: unknown) => {
      this.#info = undefined;
      throw err;
    });
    return this.#info;
  }

  async #loadInfo(): Promise<CompanyInfo> {
    const key = `${this.cacheKey}:companyinfo`;
    const cached = await this.#cache?.get(key);
    if (cached) return JSON.parse(cached) as CompanyInfo;
    const companyId = this.#ctx.credentials.companyId ?? '';
    if (!companyId.trim())
      throw new PsaError('auth', 'Enter the ConnectWise company id (the one on the login page)');
    let res: HttpResponse<unknown>;
    try {
      res = await this.#open.request(
        'GET',
        `${this.origin}/login/companyinfo/${encodeURIComponent(companyId)}`,
      );
    } catch (err) {
      if (err instanceof PsaError && err.kind === 'not_found') {
        throw new PsaError(
          'auth',
          `ConnectWise does not know the company id "${companyId}": check it, and that the site URL is your ConnectWise server`,
          err.details,
        );
      }
      throw err;
    }
    const b = (res.body && typeof res.body === 'object' ? res.body : {}) as Row;
    if (typeof b.Codebase !== 'string' || !/^[A-Za-z0-9_.-]+\/?$/.test(b.Codebase)) {
      throw new PsaError(
        'auth',
        `ConnectWise does not know the company id "${companyId}": check it, and that the site URL is your ConnectWise server`,
        { status: res.status },
      );
    }
    const info: CompanyInfo = {
      companyName: typeof b.CompanyName === 'string' ? b.CompanyName : null,
      codebase: b.Codebase.endsWith('/') ? b.Codebase : `${b.Codebase}/`,
      version: typeof b.VersionCode === 'string' ? b.VersionCode : null,
    };
    await this.#cache?.set(key, JSON.stringify(info), CODEBASE_TTL_MS);
    return info;
  }

  async url(path: string): Promise<string> {
    const { codebase } = await this.companyInfo();
    return `${this.origin}/${codebase}apis/3.0/${path.replace(/^\//, '')}`;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    ro: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const url = await this.url(path);
    try {
      return await this.#http.request<T>(method, url, ro);
    } catch (err) {
      if (err instanceof PsaError && err.kind === 'permission' && !err.details.permission) {
        throw permissionError(err.details, '', { method, path });
      }
      throw err;
    }
  }

  async get<T = unknown>(path: string, query?: RequestOptions['query']): Promise<T> {
    return (await this.request<T>('GET', path, { query })).body;
  }

  /** GET by id; undefined on 404. */
  async find<T = unknown>(path: string): Promise<T | undefined> {
    try {
      return await this.get<T>(path);
    } catch (err) {
      if (err instanceof PsaError && err.kind === 'not_found') return undefined;
      throw err;
    }
  }

  /** A create: not repeated blindly (no idempotency keys in ConnectWise, reference §2.2). */
  async create<T = Row>(path: string, body: unknown): Promise<T> {
    return (await this.request<T>('POST', path, { body, idempotent: false })).body;
  }

  /** PATCH with bare field paths (reference §5); setting a value twice changes nothing, so it may be retried. */
  async patch<T = Row>(
    path: string,
    ops: { op: 'replace' | 'add' | 'remove'; path: string; value?: unknown }[],
  ): Promise<T> {
    return (await this.request<T>('PATCH', path, { body: ops })).body;
  }
}
