// Times a caller sets for something to end (a token's expiry, a snooze's end) must lie ahead: one
// already past, or about to be, would be saved and be dead at once, which is never what was meant.
import { AppError } from '../core/errors.ts';

/** How far ahead an end time must be at least, so that clock skew and the round trip leave it alive. */
export const MIN_LEAD_MS = 60_000;

/** Throws a 400 naming `path` unless `at` is at least a minute after `now`. */
export function requireFuture(path: string, at: Date, now = Date.now()): void {
  if (at.getTime() >= now + MIN_LEAD_MS) return;
  const message = 'must be in the future (at least a minute from now)';
  throw new AppError('invalid_request', `${path}: ${message}`, { details: [{ path, message }] });
}
