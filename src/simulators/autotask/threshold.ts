// API limits (reference §5.3):
// - the request threshold: 10,000 requests per rolling 60 minutes per database, shared by every
//   integration; `GET /V1.0/ThresholdInformation` reports it and counts itself (SPEC2, N8N PR #107);
// - usage-based latency: from 50 % of the budget +0.5 s per request, from 75 % +1 s (KB clouddepot,
//   N8N rateLimit.ts — third-party figures);
// - over the threshold the API refuses requests until usage falls (DOC REST_Thresholds_Limits; the
//   exact status and text are unverified, §9 — we answer 429 with an `errors` body);
// - the thread limit: 3 concurrent requests per (integration code + object endpoint), zone lookup
//   exempt (DOC ThreadLimiting); rejection is HTTP 429 with `Itgenatr005` and the text
//   "…thread threshold of 3 threads has been exceeded" (N8N retryHandler.ts; client logs).
// Every number is configurable through the `rate-limit` control so tests need not wait an hour.
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimResponse } from '../shared/types.ts';
import { errorResponse } from './errors.ts';

export interface LimitsConfig {
  /** Requests allowed per window (10,000). */
  hourlyBudget: number;
  /** Length of the rolling window in ms (one hour). */
  windowMs: number;
  /** Concurrent requests per integration code and endpoint (3). */
  threadLimit: number;
  /** Added latency at ≥50 % and ≥75 % of the budget (500 ms, 1000 ms). */
  latencyAt50Ms: number;
  latencyAt75Ms: number;
  /** Time every request spends "in flight" before it is answered (0); lets tests hit the thread limit. */
  processingMs: number;
}

export const defaultLimits: LimitsConfig = {
  hourlyBudget: 10_000,
  windowMs: 60 * 60 * 1000,
  threadLimit: 3,
  latencyAt50Ms: 500,
  latencyAt75Ms: 1000,
  processingMs: 0,
};

export class Limits {
  config: LimitsConfig = { ...defaultLimits };
  #stamps: number[] = [];
  #inFlight = new Map<string, number>();

  configure(patch: Partial<LimitsConfig>): LimitsConfig {
    for (const [k, v] of Object.entries(patch)) {
      if (!(k in defaultLimits)) throw new Error(`unknown rate-limit setting ${k}`);
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new Error(`rate-limit ${k} must be a number >= 0`);
    }
    this.config = { ...this.config, ...patch };
    return this.config;
  }

  reset(): void {
    this.config = { ...defaultLimits };
    this.#stamps = [];
    this.#inFlight.clear();
  }

  /** Requests in the current rolling window. */
  used(now = Date.now()): number {
    const from = now - this.config.windowMs;
    let drop = 0;
    while (drop < this.#stamps.length && (this.#stamps[drop] ?? 0) <= from) drop += 1;
    if (drop > 0) this.#stamps.splice(0, drop);
    return this.#stamps.length;
  }

  /** Pretend `n` requests were already made in this window (control `rate-limit` `{used: n}`). */
  addUsage(n: number, now = Date.now()): void {
    for (let i = 0; i < n; i += 1) this.#stamps.push(now);
  }

  /** SPEC2 `ThresholdStatusResultModel`. */
  thresholdInformation(): Record<string, number> {
    return {
      externalRequestThreshold: this.config.hourlyBudget,
      requestThresholdTimeframe: Math.round(this.config.windowMs / 60_000),
      currentTimeframeRequestCount: this.used(),
    };
  }

  /**
   * Admit one authenticated request for `endpoint` and run `work` inside the thread slot;
   * answers the threshold or thread-limit error instead when a limit is hit.
   */
  async run(integrationCode: string, endpoint: string, work: () => SimResponse): Promise<SimResponse> {
    const used = this.used();
    const { hourlyBudget } = this.config;
    if (used >= hourlyBudget) {
      return errorResponse(
        `The request threshold of ${hourlyBudget} requests per ${Math.round(this.config.windowMs / 60_000)} minutes has been exceeded. Requests will be refused until usage falls below the threshold.`,
        429,
      );
    }
    this.#stamps.push(Date.now());
    const key = `${integrationCode}\u0000${endpoint.toLowerCase()}`;
    const busy = this.#inFlight.get(key) ?? 0;
    if (busy >= this.config.threadLimit) {
      return errorResponse(
        `Itgenatr005: Thread Threshold Exceeded - The Autotask API thread threshold of ${this.config.threadLimit} threads has been exceeded for the ${endpoint} endpoint.`,
        429,
      );
    }
    this.#inFlight.set(key, busy + 1);
    try {
      const ratio = hourlyBudget > 0 ? used / hourlyBudget : 1;
      const latency =
        (ratio >= 0.75 ? this.config.latencyAt75Ms : ratio >= 0.5 ? this.config.latencyAt50Ms : 0) +
        this.config.processingMs;
      if (latency > 0) await sleep(latency);
      return work();
    } finally {
      const now = this.#inFlight.get(key) ?? 1;
      if (now <= 1) this.#inFlight.delete(key);
      else this.#inFlight.set(key, now - 1);
    }
  }
}
