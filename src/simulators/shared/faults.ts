// Faults injected per route through `/_sim/faults`, so tests can make a PSA slow, failing or
// "committed but never answered" on exactly the call they care about.

export interface FaultRule {
  id: number;
  /** HTTP method to match; any when absent. */
  method?: string;
  /** Case-insensitive regular expression tested against the request path. */
  path: string;
  /** Answer with this status instead of calling the PSA (after latency). */
  status?: number;
  /** Body for `status`; JSON unless a string. */
  body?: unknown;
  /** Headers for `status`, e.g. `{"retry-after": "1"}` on a 429. */
  headers?: Record<string, string>;
  /** Delay before answering (or before dropping). */
  latencyMs?: number;
  /** Probability in [0,1] that the rule fires on a matching request; 1 when absent. */
  errorRate?: number;
  /** Wait this long after the PSA processed (committed) the request, before replying or dropping. */
  holdAfterCommitMs?: number;
  /** Let the PSA process (and commit) the request, then destroy the socket without replying. */
  dropAfterCommit?: boolean;
  /** Destroy the socket before the PSA sees the request. */
  dropBeforeCommit?: boolean;
  /** Fire at most this many times, then remove itself. */
  times?: number;
}

export type FaultInput = Omit<FaultRule, 'id'>;

export class FaultTable {
  #rules: FaultRule[] = [];
  #nextId = 1;

  add(input: FaultInput): FaultRule {
    if (typeof input.path !== 'string' || input.path === '') throw new Error('fault needs a "path" pattern');
    new RegExp(input.path, 'i'); // reject a bad pattern now rather than on every request
    const rule = { ...input, id: this.#nextId++ };
    this.#rules.push(rule);
    return rule;
  }

  clear(): void {
    this.#rules = [];
  }

  list(): FaultRule[] {
    return [...this.#rules];
  }

  /** The rule that fires for this request, if any; consumes one of its `times`. */
  match(method: string, path: string, random: () => number = Math.random): FaultRule | undefined {
    for (const rule of this.#rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!new RegExp(rule.path, 'i').test(path)) continue;
      if (rule.errorRate !== undefined && random() >= rule.errorRate) continue;
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times <= 0) this.#rules = this.#rules.filter((r) => r !== rule);
      }
      return rule;
    }
    return undefined;
  }
}
