// At most 3 requests in flight per endpoint (the first path segment after V1.0) and integration
// code in this process: Autotask refuses the 4th with Itgenatr005 (reference §5.3, DOC
// ThreadLimiting). Wrapping `fetch` limits every attempt, retries included, and nothing else.
import { createHash } from 'node:crypto';

export const THREADS_PER_ENDPOINT = 3;

class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(n: number) {
    this.#free = n;
  }

  async acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }

  get idle(): boolean {
    return this.#waiting.length === 0 && this.#free === THREADS_PER_ENDPOINT;
  }
}

const slots = new Map<string, Semaphore>();

/** The endpoint Autotask counts threads on: `Tickets` for `…/V1.0/Tickets/12/Notes`. */
export function endpointOf(url: string): string {
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  const i = parts.findIndex((p) => /^v\d+(\.\d+)?$/i.test(p));
  return (i >= 0 ? parts[i + 1] : parts.at(-1))?.toLowerCase() ?? '';
}

/** A process-wide key for one integration code (hashed: the code itself is a secret). */
export function integrationKey(integrationCode: string, zoneUrl: string): string {
  return createHash('sha256')
    .update(`${integrationCode}\u0000${new URL(zoneUrl).host}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * `fetch` that waits for a free slot of the endpoint before each request, and frees it after the
 * body. The time spent waiting for a slot is the hub's own queue, not Autotask being slow, so the
 * request's timeout (`timeoutMs`) starts once it holds a slot.
 */
export function limitedFetch(key: string, inner: typeof fetch = fetch, timeoutMs?: number): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const slotKey = `${key}:${endpointOf(url)}`;
    let sem = slots.get(slotKey);
    if (!sem) slots.set(slotKey, (sem = new Semaphore(THREADS_PER_ENDPOINT)));
    await sem.acquire();
    try {
      const sent = timeoutMs === undefined ? init : { ...init, signal: AbortSignal.timeout(timeoutMs) };
      const res = await inner(input, sent);
      const body = await res.arrayBuffer();
      const empty = body.byteLength === 0 || res.status === 204 || res.status === 304;
      return new Response(empty ? null : body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    } finally {
      sem.release();
      if (sem.idle) slots.delete(slotKey);
    }
  };
}
