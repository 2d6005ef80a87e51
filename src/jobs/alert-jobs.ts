// The alert jobs: one reconcile job per alert, at most one waiting and one running per alert (a
// burst of events folds into the waiting one), retried with backoff while the PSA is down or busy.
import { alertsPastSnooze } from '../store/snoozes.ts';
import { enqueueReconciles, PER_CONNECTION, RECONCILE_QUEUE } from './reconcile-queue.ts';
import type { SessionDeps } from './psa-session.ts';
import type { Queue } from './queue.ts';
import { tickAlerts } from './alert-moves.ts';
import { reconcileAlert } from './reconcile-alert.ts';
import { noteDigests, wakeStalledJoins } from './storm.ts';

const TICK_QUEUE = 'alerts.tick';
/** Reconcile jobs one worker process runs at once. */
const RECONCILE_CONCURRENCY = 16;

export async function defineAlertQueues(queue: Queue): Promise<void> {
  await queue.boss.createQueue(TICK_QUEUE, { policy: 'stately' });
  const options = {
    notify: true,
    retryLimit: 12,
    retryDelay: 2,
    retryBackoff: true,
    retryDelayMax: 300,
    // A worker killed mid-job stops its heartbeat: the job is retried within seconds, not after
    // the expiry, and the retry finds any ticket the dead worker made by its reference.
    heartbeatSeconds: 10,
    expireInSeconds: 300,
  };
  await queue.boss.createQueue(RECONCILE_QUEUE, { policy: 'stately', ...options });
  // createQueue leaves an existing queue as it was: bring its options up to date.
  await queue.boss.updateQueue(RECONCILE_QUEUE, options);
}

export async function startAlertWorkers(deps: SessionDeps, queue: Queue): Promise<void> {
  await queue.boss.work<{ alertId: string }>(
    RECONCILE_QUEUE,
    // The work is mostly waiting on PSAs, so many run at once. A worker waits out the polling
    // interval after each job unless a new job wakes it (notify) or a backlog keeps it fetching.
    {
      localConcurrency: RECONCILE_CONCURRENCY,
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: 0.5,
      burstWhenReadyExceeds: RECONCILE_CONCURRENCY,
      groupConcurrency: PER_CONNECTION,
    },
    async ([job]) => {
      await reconcileAlert(deps, job!.data.alertId);
    },
  );
  await queue.boss.schedule(TICK_QUEUE, '* * * * *');
  await queue.boss.work(TICK_QUEUE, async () => {
    await tickAlerts(deps.db, queue);
    await noteDigests(deps);
    await wakeStalledJoins(deps.db, queue);
    // Snoozes that ended: their waiting writes go out.
    const woken = await alertsPastSnooze(deps.db, 1000);
    await deps.db.transaction((tx) => enqueueReconciles(queue, tx, woken));
  });
}
