// A write to a PSA that must happen exactly once (a ticket, a note, a status change, a billing
// adjustment). After a transient failure the PSA may or may not have acted — a lost reply, or a
// timed-out request it finishes later — so look for the write's effect, look again a moment later,
// and only then write again.
import { PsaError } from './errors.ts';

export interface WriteOnceOptions {
  /** How long to wait before the second look. */
  settleMs: number;
  /** Writes in all, the first included. */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Whether a failure may still be finishing on the server, so that a first look that finds nothing
   * is followed by a second after `settleMs`; always, unless the PSA's answers say otherwise
   * (ConnectWise: a failure that came with an HTTP answer is over).
   */
  mayStillLand?: (err: PsaError) => boolean;
}

export async function writeOnce<T, F>(
  write: () => Promise<T>,
  find: () => Promise<F | undefined>,
  opts: WriteOnceOptions,
): Promise<T | F> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (!(err instanceof PsaError) || err.kind !== 'transient') throw err;
      const settle = opts.mayStillLand?.(err) ?? true;
      const found = (await find()) ?? (settle ? await sleep(opts.settleMs).then(find) : undefined);
      if (found !== undefined) return found;
      if (attempt >= (opts.attempts ?? 3)) throw err;
    }
  }
}
