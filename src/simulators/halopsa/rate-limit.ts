// Halo's request budget (reference §6): 429 "Rate Limit Reached - 300 Requests per rolling 5 minute
// window" on hosted Halo. The window is configurable (control action `rate-limit`) so tests need not
// wait five minutes. Whether Halo sends `Retry-After` is unknown, so it is off unless asked for.
import type { SimResponse } from '../shared/types.ts';

export interface RateLimitConfig {
  requests: number;
  perSeconds: number;
  /** Send a `Retry-After` header on the 429 (not shown by any source; reference §6). */
  retryAfter: boolean;
}

export const defaultRateLimit: RateLimitConfig = { requests: 300, perSeconds: 300, retryAfter: false };

export function rateLimitMessage(cfg: RateLimitConfig): string {
  const window = cfg.perSeconds % 60 === 0 ? `${cfg.perSeconds / 60} minute` : `${cfg.perSeconds} second`;
  return `Rate Limit Reached - ${cfg.requests} Requests per rolling ${window} window`;
}

export class RollingWindow {
  config: RateLimitConfig = { ...defaultRateLimit };
  #hits: number[] = [];

  configure(cfg: Partial<RateLimitConfig>): RateLimitConfig {
    const next = { ...this.config, ...cfg };
    if (!Number.isInteger(next.requests) || next.requests < 1)
      throw new Error('requests must be a positive integer');
    if (typeof next.perSeconds !== 'number' || !(next.perSeconds > 0))
      throw new Error('perSeconds must be positive');
    this.config = next;
    this.#hits = [];
    return next;
  }

  reset(): void {
    this.config = { ...defaultRateLimit };
    this.#hits = [];
  }

  /** Count one request; a 429 response when the budget of the rolling window is spent. */
  take(now = Date.now()): SimResponse | undefined {
    const windowMs = this.config.perSeconds * 1000;
    while (this.#hits.length > 0 && this.#hits[0]! <= now - windowMs) this.#hits.shift();
    if (this.#hits.length >= this.config.requests) {
      const headers: Record<string, string> = {};
      if (this.config.retryAfter) {
        headers['retry-after'] = String(Math.max(1, Math.ceil((this.#hits[0]! + windowMs - now) / 1000)));
      }
      return { status: 429, body: rateLimitMessage(this.config), raw: true, headers };
    }
    this.#hits.push(now);
    return undefined;
  }

  get used(): number {
    return this.#hits.length;
  }
}
