// Exponential backoff with full jitter (a random wait between 0 and the exponential cap), so many
// clients retrying at once spread out instead of hitting the PSA together again.

export interface BackoffPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseMs: number;
  capMs: number;
}

export const interactivePolicy: BackoffPolicy = { attempts: 3, baseMs: 100, capMs: 3_000 };
export const backgroundPolicy: BackoffPolicy = { attempts: 6, baseMs: 300, capMs: 30_000 };

/** Wait before retry number `retry` (1 = the first retry). */
export function backoffMs(policy: BackoffPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}
