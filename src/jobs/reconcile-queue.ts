// The reconcile queue's one way in: a job per alert (folded into the one already waiting for it),
// grouped by the PSA connection its organization is linked to, so that workers are shared fairly —
// a storm on one connection, whose requests wait for its budget, holds a few workers, not all.
import type { Db } from '../store/db.ts';
import type { Queue } from './queue.ts';

export const RECONCILE_QUEUE = 'alerts.reconcile';
/** Reconcile jobs of one connection running at once, across every worker process. */
export const PER_CONNECTION = 4;

/** In `tx`: reconcile these alerts once it commits. */
export async function enqueueReconciles(queue: Queue, tx: Db, alertIds: string[]): Promise<void> {
  if (alertIds.length === 0) return;
  const rows = await tx.query<{ id: string; connection_id: string | null }>(
    `SELECT a.id, l.connection_id FROM alerts a
       LEFT JOIN org_links l ON l.organization_id = a.organization_id AND l.unlinked_at IS NULL
      WHERE a.id = ANY($1::uuid[])`,
    [alertIds],
  );
  await queue.enqueueMany(
    tx,
    RECONCILE_QUEUE,
    rows.map((r) => ({
      data: { alertId: r.id },
      singletonKey: r.id,
      ...(r.connection_id ? { group: { id: r.connection_id } } : {}),
    })),
  );
}

/**
 * In `tx`, which holds these alerts' rows locked with nothing left for them to do: drop their
 * waiting reconcile jobs (a storm's join did their work), so that thousands of empty jobs do not
 * stand in line before the connection's next real one. pg-boss has no delete by singleton key; its
 * job table (pg-boss docs, sql/job-table) is keyed by name, singleton_key and state. Safe against a
 * want arriving meanwhile: ingestion locks the alert before it enqueues, so it enqueues afresh after.
 */
export async function dropWaitingReconciles(tx: Db, alertIds: string[]): Promise<void> {
  if (alertIds.length === 0) return;
  await tx.query(
    `DELETE FROM pgboss.job WHERE name = $1 AND singleton_key = ANY($2::text[]) AND state = 'created'`,
    [RECONCILE_QUEUE, alertIds],
  );
}
