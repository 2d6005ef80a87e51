// A connection's RateGate backed by its token bucket in the database (src/store/connection-budgets.ts),
// so API and worker processes share one budget per PSA connection. `onWaited` hears of every wait
// (the budget spent, or the PSA's Retry-After), for the metrics.
import type { RateGate } from '../psa/rate-gate.ts';
import { pauseBudget, takeToken, type BucketPolicy } from '../store/connection-budgets.ts';
import type { Db } from '../store/db.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function dbRateGate(
  db: Db,
  connectionId: string,
  policy: BucketPolicy,
  onWaited?: (ms: number) => void,
): RateGate {
  return {
    async acquire() {
      const started = performance.now();
      for (let waited = false; ; waited = true) {
        const wait = await takeToken(db, connectionId, policy);
        if (wait <= 0) {
          if (waited) onWaited?.(performance.now() - started);
          return;
        }
        await sleep(wait);
      }
    },
    // The call that was told to wait (Retry-After) sleeps `ms` itself: that is a wait too.
    async pause(ms) {
      onWaited?.(ms);
      await pauseBudget(db, connectionId, ms);
    },
  };
}
