// Alert moves that do not come from events: the organization lost its PSA (unlinked, skipped,
// moved away) so its open tickets are closed with a note, and the clock, which sends the coalesced "failed N
// more times" note once its interval has passed even if no new event arrives.
import { applyLinkLost, applyTick, type Outcome } from '../core/alert-lifecycle.ts';
import {
  alertsWithUnreportedFailures,
  lockAlertsOfOrganization,
  saveAlertStates,
  type AlertRow,
  type AlertUpdate,
} from '../store/alerts.ts';
import type { Db } from '../store/db.ts';
import { getAlert } from '../store/alerts.ts';
import { enqueueReconciles } from './reconcile-queue.ts';
import { lifecycleSettingsFor } from './lifecycle-settings.ts';
import type { Queue } from './queue.ts';

function withOutcome(alert: AlertRow, outcome: Outcome): AlertUpdate | undefined {
  if (outcome.wants.length === 0 && outcome.state === alert.state) return undefined;
  const wants = [...alert.wants, ...outcome.wants.map((want) => ({ want, episode: outcome.state.episode }))];
  return { id: alert.id, state: outcome.state, wants, newEvents: 0 };
}

async function save(queue: Queue, tx: Db, updates: AlertUpdate[]): Promise<void> {
  await saveAlertStates(tx, updates);
  await enqueueReconciles(
    queue,
    tx,
    updates.filter((u) => u.wants.length > 0).map((u) => u.id),
  );
}

/**
 * In the transaction that unlinks or skips the organization: close its open tickets (with a note,
 * in the cancelled status, or the resolved one when none is set). Returns how many will be closed.
 */
export async function organizationLostPsa(queue: Queue, tx: Db, organizationId: string): Promise<number> {
  const updates: AlertUpdate[] = [];
  let closing = 0;
  for (const alert of await lockAlertsOfOrganization(tx, organizationId)) {
    if (!alert.state) continue;
    const outcome = applyLinkLost(alert.state);
    closing += outcome.wants.filter((w) => w.type === 'cancel').length;
    const u = withOutcome(alert, outcome);
    if (u) updates.push(u);
  }
  await save(queue, tx, updates);
  return closing;
}

/** The clock: due repeat notes of up to `limit` alerts; returns how many were wanted. */
export async function tickAlerts(db: Db, queue: Queue, now = new Date(), limit = 1000): Promise<number> {
  let wanted = 0;
  for (const candidate of await alertsWithUnreportedFailures(db, limit)) {
    const settings = await lifecycleSettingsFor(db, candidate.organizationId);
    await db.transaction(async (tx) => {
      const alert = await getAlert(tx, candidate.id, true);
      if (!alert?.state) return;
      const outcome = applyTick(alert.state, settings, now);
      if (outcome.wants.length === 0) return;
      wanted++;
      await save(queue, tx, [withOutcome(alert, outcome)!]);
    });
  }
  return wanted;
}
