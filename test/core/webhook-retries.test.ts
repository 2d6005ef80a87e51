// The retry schedule of vendor webhooks: 30 s, doubling, never more than 6 h apart, and about
// twenty attempts before three days run out.
import { expect, test } from 'vitest';
import { RETRY_FOR_MS, retryDelayMs } from '../../src/core/webhook-events.ts';

test('30 s, doubling, at most 6 h apart, for three days', () => {
  expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
  expect(retryDelayMs(30)).toBe(6 * 3600_000);
  let at = 0;
  let attempts = 1;
  while (at + retryDelayMs(attempts) <= RETRY_FOR_MS) at += retryDelayMs(attempts++);
  expect(attempts).toBeGreaterThanOrEqual(18);
  expect(attempts).toBeLessThanOrEqual(22);
});
