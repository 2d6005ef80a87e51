// A value read from a PSA and remembered: in this process, then in the connection's shared cache,
// and only then read again. Pick lists, catalogs and company directories all work this way.
import type { ConnectorCache } from './client.ts';

export class CachedValue<T> {
  readonly #cache: ConnectorCache | undefined;
  readonly #key: string;
  readonly #ttlMs: number;
  readonly #load: () => Promise<T>;
  #held: { value: T; until: number } | undefined;

  constructor(cache: ConnectorCache | undefined, key: string, ttlMs: number, load: () => Promise<T>) {
    this.#cache = cache;
    this.#key = key;
    this.#ttlMs = ttlMs;
    this.#load = load;
  }

  /** The remembered value, or a fresh read when `fresh` or when nothing live is remembered. */
  async get(fresh = false): Promise<T> {
    if (!fresh && this.#held && this.#held.until > Date.now()) return this.#held.value;
    const cached = fresh ? undefined : await this.#cache?.get(this.#key);
    const value = cached === undefined ? await this.#load() : (JSON.parse(cached) as T);
    this.#held = { value, until: Date.now() + this.#ttlMs };
    if (cached === undefined) await this.#cache?.set(this.#key, JSON.stringify(value), this.#ttlMs);
    return value;
  }
}
