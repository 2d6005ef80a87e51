// Keeps the hub under its share of the tenant's hourly request budget (reference §5.3: 10,000
// requests per rolling hour per database, shared by every integration; `GET /V1.0/
// ThresholdInformation` tells how many are used, and counts itself).
//
// Before each request the guard estimates usage as the last reading plus the requests sent since.
// Readings are refreshed every REFRESH_EVERY requests or REFRESH_MS, and whenever the estimate
// reaches the share; when the fresh reading is still at the share the call is refused with
// rate_limited and a retry-after, instead of being sent. A refresh is sent only while the last
// reading is below the share, so the guard itself never pushes usage over it; once other
// integrations have pushed usage above it, one reading per wait is made to see the window free.
import { PsaError } from '../errors.ts';

export const DEFAULT_BUDGET_SHARE = 0.5;
const REFRESH_EVERY = 50;
const REFRESH_MS = 60_000;

export interface ThresholdReading {
  /** externalRequestThreshold: the tenant's budget per timeframe. */
  limit: number;
  /** requestThresholdTimeframe, in minutes. */
  timeframeMinutes: number;
  /** currentTimeframeRequestCount, including the reading itself. */
  used: number;
  at: number;
}

export function parseThreshold(body: unknown, at: number): ThresholdReading {
  const b = (body ?? {}) as Record<string, unknown>;
  const n = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  return {
    limit: n(b.externalRequestThreshold, 10_000),
    timeframeMinutes: n(b.requestThresholdTimeframe, 60),
    used: n(b.currentTimeframeRequestCount, 0),
    at,
  };
}

interface State {
  reading: ThresholdReading | null;
  sentSince: number;
  refusedUntil: number;
  refreshing: Promise<void> | null;
}

/** One state per tenant and user in this process, shared by every client of that connection. */
const states = new Map<string, State>();

export class ThresholdGuard {
  readonly #state: State;
  readonly #share: number;
  readonly #read: () => Promise<unknown>;
  readonly #now: () => number;

  constructor(key: string, share: number | undefined, read: () => Promise<unknown>, now = () => Date.now()) {
    let s = states.get(key);
    if (!s) states.set(key, (s = { reading: null, sentSince: 0, refusedUntil: 0, refreshing: null }));
    this.#state = s;
    const v = share ?? DEFAULT_BUDGET_SHARE;
    this.#share = Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : DEFAULT_BUDGET_SHARE;
    this.#read = read;
    this.#now = now;
  }

  get reading(): ThresholdReading | null {
    return this.#state.reading;
  }

  /** Requests the hub may have in the window. */
  allowed(r: ThresholdReading): number {
    return Math.floor(r.limit * this.#share);
  }

  /** Called before every request but the readings themselves; throws rate_limited instead of exceeding. */
  async admit(): Promise<void> {
    const s = this.#state;
    const now = this.#now();
    if (now < s.refusedUntil) throw this.#refusal(s.refusedUntil - now);
    let r = s.reading;
    const stale = !r || s.sentSince >= REFRESH_EVERY || now - r.at >= REFRESH_MS;
    const atShare = r !== null && r.used + s.sentSince + 1 > this.allowed(r);
    if (stale || atShare) {
      // The reading counts too: only send it while it keeps usage within the share.
      const mayRead = !r || r.used + s.sentSince + 1 <= this.allowed(r) || now - r.at >= this.#waitMs(r);
      if (mayRead) {
        await this.refresh();
        r = s.reading;
      }
    }
    if (r && r.used + s.sentSince + 1 > this.allowed(r)) {
      const wait = this.#waitMs(r);
      s.refusedUntil = this.#now() + wait;
      throw this.#refusal(wait);
    }
    s.sentSince += 1;
  }

  /** Read ThresholdInformation now (one call at a time per tenant). */
  async refresh(): Promise<void> {
    const s = this.#state;
    s.refreshing ??= (async () => {
      const before = s.sentSince;
      try {
        const body = await this.#read();
        s.reading = parseThreshold(body, this.#now());
        // Requests admitted while the reading was on its way may not be in it: keep counting them.
        s.sentSince = Math.max(0, s.sentSince - before);
      } finally {
        s.refreshing = null;
      }
    })();
    await s.refreshing;
  }

  /** A rolling window frees gradually; wait a slice of it proportional to the overshoot. */
  #waitMs(r: ThresholdReading): number {
    const windowMs = Math.max(1, r.timeframeMinutes) * 60_000;
    const over = Math.max(1, r.used + this.#state.sentSince + 1 - this.allowed(r));
    return Math.min(windowMs, Math.max(10_000, Math.ceil((over / Math.max(1, r.limit)) * windowMs)));
  }

  #refusal(ms: number): PsaError {
    const r = this.#state.reading;
    const pct = Math.round(this.#share * 100);
    return new PsaError(
      'rate_limited',
      `The hub has used its ${pct}% share of this Autotask tenant's hourly request budget${
        r ? ` (${r.used + this.#state.sentSince} of ${r.limit} used)` : ''
      }; it will continue when the window frees up`,
      { retryAfterMs: ms },
    );
  }
}

/** Forget every tenant's state (tests). */
export function resetThresholdState(): void {
  states.clear();
}
