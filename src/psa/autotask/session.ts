// One authenticated way to call `{zone}V1.0/…`: zone discovered and cached, credential headers,
// Autotask errors mapped, at most 3 requests in flight per endpoint, and the hourly budget share
// kept (every request but ThresholdInformation itself asks the guard first).
import type { ConnectorContext } from '../client.ts';
import { PsaError } from '../errors.ts';
import { HttpClient, type HttpResponse, type RequestOptions } from '../http.ts';
import { authHeaders, credentialsOf, secretsOf, type AutotaskCredentials } from './auth.ts';
import { integrationKey, limitedFetch } from './concurrency.ts';
import { apiError, withPermission } from './errors.ts';
import { ThresholdGuard } from './threshold.ts';
import { ZoneResolver, type Zone } from './zone.ts';

export type Verb = 'query' | 'create' | 'update' | 'delete';

export class AutotaskSession {
  readonly creds: AutotaskCredentials;
  readonly zones: ZoneResolver;
  readonly #http: HttpClient;
  readonly #readings: HttpClient;
  readonly #ctx: ConnectorContext;
  #guard: ThresholdGuard | null = null;

  constructor(ctx: ConnectorContext) {
    this.#ctx = ctx;
    this.creds = credentialsOf(ctx);
    const secrets = () => secretsOf(this.creds);
    const toError = (res: HttpResponse<unknown>) => apiError(res, secrets(), this.creds.username);
    const inner = ctx.http?.fetch ?? fetch;
    const limited: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return limitedFetch(
        integrationKey(this.creds.integrationCode, url),
        inner,
        ctx.http?.timeoutMs ?? 30_000,
      )(input, init);
    };
    const budgeted: typeof fetch = async (input, init) => {
      await this.guard().admit();
      return limited(input, init);
    };
    // Zone lookups carry no credentials and are not thread-limited (reference §1.1).
    const zoneHttp = new HttpClient({ ...ctx.http, headers: () => ({}), secrets, toError });
    this.zones = new ZoneResolver(zoneHttp, ctx.siteUrl, this.creds.username, ctx.cache);
    const headers = () => authHeaders(this.creds);
    this.#readings = new HttpClient({ ...ctx.http, headers, secrets, toError, fetch: limited });
    this.#http = new HttpClient({ ...ctx.http, headers, secrets, toError, fetch: budgeted });
  }

  zone(): Promise<Zone> {
    return this.zones.get();
  }

  async url(path: string): Promise<string> {
    return `${(await this.zone()).url}V1.0/${path.replace(/^\/+/, '')}`;
  }

  guard(): ThresholdGuard {
    if (this.#guard) return this.#guard;
    // The budget is the tenant's; an API username belongs to one tenant, wherever its zone moves.
    const key = `${this.#ctx.siteUrl}|${this.creds.username.toLowerCase()}`;
    this.#guard = new ThresholdGuard(key, this.#ctx.budgetShare, () => this.threshold());
    return this.#guard;
  }

  /** `GET V1.0/ThresholdInformation` (it counts against the budget, and is not budget-checked). */
  async threshold(): Promise<unknown> {
    return (await this.#readings.request('GET', await this.url('ThresholdInformation'))).body;
  }

  /**
   * A call to `V1.0/{path}` or to an absolute URL on the zone (next-page links). `entity`/`verb`
   * name the permission a refusal concerns.
   */
  async request<T = unknown>(
    method: string,
    path: string,
    ro: RequestOptions = {},
    perm?: { entity: string; verb: Verb },
  ): Promise<HttpResponse<T>> {
    const call = async () => {
      const url = /^https?:/i.test(path) ? await this.onZone(path) : await this.url(path);
      return this.#http.request<T>(method, url, ro);
    };
    try {
      try {
        return await call();
      } catch (err) {
        // A 401 on a cached zone may mean the tenant moved: look again, and try once more if so.
        if (!(err instanceof PsaError) || err.details.status !== 401 || /^https?:/i.test(path)) throw err;
        if (!(await this.zones.rediscover())) throw err;
        return await call();
      }
    } catch (err) {
      if (err instanceof PsaError && perm) throw withPermission(err, perm.entity, perm.verb);
      throw err;
    }
  }

  /** A link Autotask gave (nextPageUrl) is followed only on the zone it came from. */
  async onZone(url: string): Promise<string> {
    const zone = new URL((await this.zone()).url);
    const u = new URL(url);
    if (u.origin !== zone.origin)
      throw new PsaError('validation', 'That page link does not belong to this Autotask zone', {
        fields: { next: 'not an Autotask page link' },
      });
    return u.toString();
  }

  async get<T = unknown>(path: string, perm?: { entity: string; verb: Verb }): Promise<T> {
    return (await this.request<T>('GET', path, {}, perm)).body;
  }

  /** `GET {Entity}/{id}` → the item, or undefined on 404 (reference §5.2). */
  async item<T = Record<string, unknown>>(entity: string, id: number): Promise<T | undefined> {
    try {
      const b = await this.get<{ item?: T | null }>(`${entity}/${id}`, { entity, verb: 'query' });
      return b?.item ?? undefined;
    } catch (err) {
      if (err instanceof PsaError && err.kind === 'not_found') return undefined;
      throw err;
    }
  }

  /** Create: `POST {path}` → `{"itemId":n}` (reference §4.1); never repeated blindly. */
  async create(path: string, body: unknown, entity: string): Promise<number> {
    const res = await this.request<{ itemId?: unknown }>(
      'POST',
      path,
      { body, idempotent: false },
      { entity, verb: 'create' },
    );
    const id = Number(res.body?.itemId);
    if (!Number.isFinite(id))
      throw new PsaError('transient', `Autotask accepted the ${entity} but did not say its id`, {
        status: res.status,
      });
    return id;
  }

  /** Partial update: `PATCH {Entity}` with the id in the body (reference §4.1). */
  async patch(entity: string, body: Record<string, unknown>): Promise<void> {
    await this.request('PATCH', entity, { body }, { entity, verb: 'update' });
  }
}
