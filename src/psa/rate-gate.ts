// How a connector asks permission before each call to a PSA. The hub passes a gate backed by the
// database (one budget per connection, shared by every process); tests and tools can use the
// in-memory token bucket below.

export interface RateGate {
  /** Resolve when one more request may go out (waiting if the budget is spent). */
  acquire(): Promise<void>;
  /** The PSA said to wait `ms`: hold every caller of this connection back that long. */
  pause(ms: number): Promise<void>;
}

export const openGate: RateGate = { acquire: async () => {}, pause: async () => {} };

/** A token bucket in this process: `perSecond` tokens a second, up to `burst` saved up. */
export function memoryTokenBucket(perSecond: number, burst: number, now = () => Date.now()): RateGate {
  let tokens = burst;
  let last = now();
  let pausedUntil = 0;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return {
    async acquire() {
      for (;;) {
        const t = now();
        tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
        last = t;
        if (t < pausedUntil) {
          await sleep(pausedUntil - t);
          continue;
        }
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await sleep(Math.ceil(((1 - tokens) / perSecond) * 1000));
      }
    },
    async pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
  };
}
