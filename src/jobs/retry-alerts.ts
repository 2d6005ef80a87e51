// Retry and reprocess: alerts stopped after failing (or waiting) are given a fresh start and their
// reconcile job queued, in the caller's transaction. An alert with no writes left has nothing to retry.
import type { Db } from '../store/db.ts';
import { enqueueReconciles } from './reconcile-queue.ts';
import type { Queue } from './queue.ts';

/**
 * Clear the dead mark, the attempt count and the waiting reason of those `alertIds` that still want
 * writes, and queue them; returns the ids queued. An unfinished ticket create keeps one attempt on
 * the count, so the reconciler looks for a ticket an earlier attempt may have made (its reply lost)
 * before creating one.
 */
export async function retryAlerts(queue: Queue, tx: Db, alertIds: string[]): Promise<string[]> {
  if (alertIds.length === 0) return [];
  const rows = await tx.query<{ id: string }>(
    `UPDATE alerts
        SET attempts = CASE WHEN wants->0->'want'->>'type' = 'create_ticket' AND attempts > 0 THEN 1 ELSE 0 END,
            dead_at = NULL, waiting_reason = NULL
      WHERE id = ANY($1::uuid[]) AND wants <> '[]'::jsonb
      RETURNING id`,
    [alertIds],
  );
  const ids = rows.map((r) => r.id);
  await enqueueReconciles(queue, tx, ids);
  return ids;
}
