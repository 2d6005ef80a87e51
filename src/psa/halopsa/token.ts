// Client-credentials tokens from `{site}/auth/token` (reference §1.2): cached in memory and in the
// connection's cache (so other processes reuse them), renewed a minute before expiry, and dropped
// when the API says 401 so the next call gets a fresh one (the session retries once, §1.3).
import { createHash } from 'node:crypto';
import type { ConnectorContext } from '../client.ts';
import { HttpClient } from '../http.ts';
import { tokenError } from './errors.ts';

/** Renew this long before Halo says the token expires (PYH/ADAPTER/RMCP use 60 s, §1.2). */
export const RENEW_EARLY_MS = 60_000;
const DEFAULT_LIFETIME_S = 3600;

interface Held {
  token: string;
  expiresAt: number;
  /** When to fetch the next one: a minute early, or halfway through a short-lived token. */
  renewAt: number;
}

export class TokenSource {
  readonly #ctx: ConnectorContext;
  readonly #http: HttpClient;
  readonly #key: string;
  readonly #now: () => number;
  #held: Held | undefined;
  #pending: Promise<string> | undefined;
  /** Every token this source has held, to scrub from anything recorded. */
  readonly seen = new Set<string>();

  constructor(ctx: ConnectorContext, secrets: () => readonly string[], now: () => number = Date.now) {
    this.#ctx = ctx;
    this.#now = now;
    // The secret is part of the key (hashed), so edited credentials are never vouched for by a
    // token the old ones obtained.
    const c = ctx.credentials;
    const who = `${ctx.siteUrl}|${c.tenant ?? ''}|${c.clientId ?? ''}|${c.clientSecret ?? ''}`;
    this.#key = `halopsa:token:${createHash('sha256').update(who).digest('hex').slice(0, 16)}`;
    this.#http = new HttpClient({
      ...ctx.http,
      headers: () => ({}),
      secrets,
      toError: (res) => tokenError(res, secrets()),
    });
  }

  /** A valid access token: from memory, the shared cache, or a new one. */
  async get(): Promise<string> {
    if (this.#held && this.#fresh(this.#held)) return this.#held.token;
    this.#pending ??= this.#load().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** Forget a token the API refused, here and in the shared cache. */
  async drop(token: string): Promise<void> {
    if (this.#held?.token === token) this.#held = undefined;
    const cached = await this.#ctx.cache?.get(this.#key);
    if (cached && (JSON.parse(cached) as Held).token === token) await this.#ctx.cache?.set(this.#key, '', 1);
  }

  #fresh(h: Held): boolean {
    return (h.renewAt ?? h.expiresAt - RENEW_EARLY_MS) > this.#now();
  }

  async #load(): Promise<string> {
    const cached = await this.#ctx.cache?.get(this.#key);
    if (cached) {
      try {
        const h = JSON.parse(cached) as Held;
        if (typeof h.token === 'string' && this.#fresh(h)) return this.#hold(h);
      } catch {
        // a damaged entry: fetch a new token
      }
    }
    const h = await this.#fetch();
    await this.#ctx.cache?.set(this.#key, JSON.stringify(h), Math.max(1, h.expiresAt - this.#now()));
    return this.#hold(h);
  }

  #hold(h: Held): string {
    this.#held = h;
    this.seen.add(h.token);
    return h.token;
  }

  async #fetch(): Promise<Held> {
    const { clientId = '', clientSecret = '', tenant = '' } = this.#ctx.credentials;
    const url = new URL('/auth/token', this.#ctx.siteUrl);
    // N8N and PSMOD send the tenant in the query string; Halo-hosted instances need it (§1.2).
    if (tenant !== '') url.searchParams.set('tenant', tenant);
    const res = await this.#http.request<Record<string, unknown>>('POST', url.toString(), {
      form: {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope: 'all',
      },
    });
    const token = res.body?.access_token;
    if (typeof token !== 'string' || token === '') {
      throw tokenError({ ...res, status: 401 }, [clientSecret]);
    }
    this.seen.add(token);
    const lifetime = Number(res.body.expires_in);
    const seconds = Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_LIFETIME_S;
    const now = this.#now();
    const ms = seconds * 1000;
    return { token, expiresAt: now + ms, renewAt: now + Math.max(ms / 2, ms - RENEW_EARLY_MS) };
  }
}
