// Zone discovery (reference §1.1): `GET {base}/atservicesrest/v1.0/zoneInformation?user=…` with no
// credentials answers the zone's REST base (`https://webservicesN.autotask.net/atservicesrest/`).
// The answer is cached in ctx.cache (shared by processes) and in the client, so many requests cost
// one lookup; a 401 on a cached zone re-discovers once (DJ `fetch_resource`: zones move).
import type { ConnectorCache } from '../client.ts';
import { PsaError } from '../errors.ts';
import type { HttpClient } from '../http.ts';

export const ZONE_TTL_MS = 24 * 60 * 60_000;

export interface Zone {
  zoneName: string | null;
  /** REST base ending in `/`, e.g. `https://webservices3.autotask.net/atservicesrest/`. */
  url: string;
  webUrl: string | null;
  ci: number | null;
}

export function zoneLookupUrl(siteUrl: string, username: string): string {
  const base = siteUrl.replace(/\/+$/, '');
  // The partner may paste the discovery host or an …/ATServicesRest URL; both lead here.
  const root = /\/atservicesrest$/i.test(base) ? base : `${base}/atservicesrest`;
  return `${root}/v1.0/zoneInformation?user=${encodeURIComponent(username)}`;
}

export class ZoneResolver {
  readonly #http: HttpClient;
  readonly #siteUrl: string;
  readonly #username: string;
  readonly #cache: ConnectorCache | undefined;
  #zone: Promise<Zone> | null = null;

  constructor(http: HttpClient, siteUrl: string, username: string, cache?: ConnectorCache) {
    this.#http = http;
    this.#siteUrl = siteUrl;
    this.#username = username;
    this.#cache = cache;
  }

  get cacheKey(): string {
    return `autotask:zone:${this.#username.toLowerCase()}`;
  }

  /** The zone, from memory, the connection cache, or a lookup. */
  get(): Promise<Zone> {
    this.#zone ??= this.#load().catch((err: unknown) => {
      this.#zone = null;
      throw err;
    });
    return this.#zone;
  }

  /** Forget the zone and look it up again; resolves to whether it changed. */
  async rediscover(): Promise<boolean> {
    const before = this.#zone ? await this.#zone.catch(() => null) : null;
    this.#zone = this.#lookup().catch((err: unknown) => {
      this.#zone = null;
      throw err;
    });
    const after = await this.#zone;
    return before?.url !== after.url;
  }

  async #load(): Promise<Zone> {
    const cached = await this.#cache?.get(this.cacheKey);
    if (cached) {
      try {
        const z = JSON.parse(cached) as Zone;
        if (typeof z.url === 'string' && z.url.startsWith('http')) return z;
      } catch {
        // fall through to a lookup
      }
    }
    return this.#lookup();
  }

  async #lookup(): Promise<Zone> {
    const res = await this.#http.request<Record<string, unknown>>(
      'GET',
      zoneLookupUrl(this.#siteUrl, this.#username),
    );
    const b = res.body ?? {};
    const url = typeof b.url === 'string' ? b.url : '';
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new PsaError('transient', 'Autotask zone discovery answered without a zone URL', {
        status: res.status,
        raw: res.text.slice(0, 500),
      });
    }
    // Credentials go to this URL from now on: never from https down to plain http.
    if (new URL(this.#siteUrl).protocol === 'https:' && parsed.protocol !== 'https:')
      throw new PsaError('validation', 'Autotask zone discovery answered a zone without https', {
        status: res.status,
      });
    const zone: Zone = {
      zoneName: typeof b.zoneName === 'string' ? b.zoneName : null,
      url: parsed.toString().replace(/\/*$/, '/'),
      webUrl: typeof b.webUrl === 'string' ? b.webUrl : null,
      ci: typeof b.ci === 'number' ? b.ci : null,
    };
    await this.#cache?.set(this.cacheKey, JSON.stringify(zone), ZONE_TTL_MS);
    return zone;
  }
}
