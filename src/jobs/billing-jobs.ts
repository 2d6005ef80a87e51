// The billing jobs: a run per request (sync now, an approval, a schedule), at most one at a time per
// connection across all workers, and a minute tick that starts the runs schedules call for — links
// whose usage changed (debounced) or whose write is to be tried again, daily and monthly runs.
import { scheduledRunDue } from '../core/billing-schedule.ts';
import { connectionsDue, dueLinkIds } from '../store/billing-lines.ts';
import { createRun, lastRunAt, type BillingRun, type RunCause } from '../store/billing-runs.ts';
import { getConnection, type Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import { billingSettings } from './billing-settings.ts';
import { runBilling, type BillingDeps } from './billing-run.ts';
import type { Queue } from './queue.ts';

export const BILLING_RUN_QUEUE = 'billing.run';
const BILLING_TICK_QUEUE = 'billing.tick';

export async function defineBillingQueues(queue: Queue): Promise<void> {
  await queue.boss.createQueue(BILLING_TICK_QUEUE, { policy: 'stately' });
  const options = {
    notify: true,
    retryLimit: 3,
    retryDelay: 30,
    heartbeatSeconds: 10,
    expireInSeconds: 3600,
  };
  await queue.boss.createQueue(BILLING_RUN_QUEUE, options);
  await queue.boss.updateQueue(BILLING_RUN_QUEUE, options);
}

/** In `tx`: a run of `cause` for the connection (optionally one organization), queued once it commits. */
export async function startBillingRun(
  queue: Queue,
  tx: Db,
  r: {
    connectionId: string;
    organizationId?: string | null;
    cause: RunCause;
    requestedBy?: string | null;
    /** The links to reconcile; every billed link of the connection (or organization) when left out. */
    linkIds?: string[];
    /** The time it reconciles as of (a schedule's tick); now when left out. */
    asOf?: Date;
  },
): Promise<BillingRun> {
  const run = await createRun(tx, {
    connectionId: r.connectionId,
    organizationId: r.organizationId ?? null,
    cause: r.cause,
    requestedBy: r.requestedBy ?? null,
    linkIds: r.linkIds ?? null,
    ...(r.asOf ? { asOf: r.asOf } : {}),
  });
  await queue.enqueue(tx, BILLING_RUN_QUEUE, { runId: run.id }, { group: { id: r.connectionId } });
  return run;
}

/** What the minute tick starts: runs for due links and for daily / monthly schedules that came round. */
export async function tickBilling(deps: BillingDeps, queue: Queue): Promise<number> {
  const now = deps.now?.() ?? new Date();
  let started = 0;
  const due = new Set(await connectionsDue(deps.db, now));
  for (const id of due) {
    const c = await getConnection(deps.db, id);
    if (!c || !billable(c) || (await runWaiting(deps.db, id, 'on_change'))) continue;
    const linkIds = await dueLinkIds(deps.db, id, now);
    await deps.db.transaction((tx) =>
      startBillingRun(queue, tx, { connectionId: id, cause: 'on_change', linkIds, asOf: now }),
    );
    started++;
  }
  for (const c of await scheduledConnections(deps.db)) {
    const settings = billingSettings(c);
    const kind = settings.schedule.kind;
    if (kind === 'on_change' || !billable(c)) continue;
    const last = await lastRunAt(deps.db, c.id, ['daily', 'monthly']);
    const since = new Date(
      Math.max(last?.getTime() ?? 0, Date.parse(settings.updatedAt ?? '') || c.createdAt.getTime()),
    );
    if (!scheduledRunDue(settings.schedule, since, now)) continue;
    await deps.db.transaction((tx) =>
      startBillingRun(queue, tx, { connectionId: c.id, cause: kind, asOf: now }),
    );
    started++;
  }
  for (const c of await statsConnections(deps.db)) {
    const last = await lastRunAt(deps.db, c.id, ['stats']);
    if (last && now.getTime() - last.getTime() < STATS_EVERY_MS) continue;
    await deps.db.transaction((tx) =>
      startBillingRun(queue, tx, { connectionId: c.id, cause: 'stats', asOf: now }),
    );
    started++;
  }
  return started;
}

/** Backup statistics are written at most this often per connection. */
const STATS_EVERY_MS = 24 * 3600_000;

const billable = (c: Connection) => c.status !== 'revoked' && billingSettings(c).mode !== 'off';

async function runWaiting(db: Db, connectionId: string, cause: RunCause): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM billing_runs WHERE connection_id = $1 AND cause = $2 AND state IN ('queued', 'running')`,
    [connectionId, cause],
  );
  return rows.length > 0;
}

/** Connections whose billing runs daily or monthly. */
const scheduledConnections = (db: Db) =>
  connectionsWhere(db, `settings->'billing'->'schedule'->>'kind' IN ('daily', 'monthly')`);

/** Connections that write backup statistics (and whose billing is not off). */
const statsConnections = async (db: Db) =>
  (
    await connectionsWhere(
      db,
      `EXISTS (SELECT 1 FROM jsonb_each(coalesce(settings->'billing'->'statsFields', '{}')) f
                WHERE f.value <> 'null'::jsonb)`,
    )
  ).filter(billable);

async function connectionsWhere(db: Db, condition: string): Promise<Connection[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM connections WHERE status <> 'revoked' AND ${condition}`,
  );
  const out: Connection[] = [];
  for (const r of rows) {
    const c = await getConnection(db, r.id);
    if (c) out.push(c);
  }
  return out;
}

export async function startBillingWorkers(deps: BillingDeps, queue: Queue): Promise<void> {
  await queue.work<{ runId: string }>(
    BILLING_RUN_QUEUE,
    // One run per connection at a time: two would read and write the same lines.
    {
      localConcurrency: 4,
      groupConcurrency: 1,
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: 0.5,
    },
    async ([job]) => {
      await runBilling(deps, job!.data.runId);
    },
  );
  await queue.boss.schedule(BILLING_TICK_QUEUE, '* * * * *');
  await queue.work(BILLING_TICK_QUEUE, {}, async () => {
    await tickBilling(deps, queue);
  });
}
