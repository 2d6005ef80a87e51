// The 429 throttle (reference §4.2 [S1]): past the configured budget the API answers 429 with
// `Retry-After` in seconds and the non-standard body `{error, message}`. Off by default; set with
// `POST /_sim/rate-limit {"requests": N, "perSeconds": S}` (a fixed window of S seconds).
export interface RateLimit {
  requests: number;
  perSeconds: number;
  /** Fixed Retry-After value; by default the seconds left in the window. */
  retryAfter?: number;
}

export class Throttle {
  #limit: RateLimit | undefined;
  #windowStart = 0;
  #count = 0;

  set(limit: RateLimit | undefined): void {
    this.#limit = limit;
    this.#windowStart = Date.now();
    this.#count = 0;
  }

  get limit(): RateLimit | undefined {
    return this.#limit;
  }

  /** Count one request; the Retry-After seconds when it is over the budget. */
  take(now = Date.now()): number | undefined {
    const limit = this.#limit;
    if (!limit) return undefined;
    const windowMs = limit.perSeconds * 1000;
    if (now - this.#windowStart >= windowMs) {
      this.#windowStart = now;
      this.#count = 0;
    }
    this.#count += 1;
    if (this.#count <= limit.requests) return undefined;
    return limit.retryAfter ?? Math.max(1, Math.ceil((this.#windowStart + windowMs - now) / 1000));
  }
}
