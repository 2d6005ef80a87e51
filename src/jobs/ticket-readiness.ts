// Ticket settings that let a ticket through, or not: an alert whose next write lacks a setting waits
// on its connection (with the reason) instead of failing; a save of ticket settings records what a
// ticket still lacks on each connection it touches (its health shows it) and sends the alerts that
// waited on them out by themselves, with no retry.
import {
  missingFor,
  priorityFor,
  settingsWaitReason,
  ticketBlockers,
  type TicketWrite,
} from '../core/ticket-readiness.ts';
import { fieldsOf } from '../core/ticket-fields.ts';
import type { EffectiveField, ResolvedTicketSettings } from '../core/ticket-settings.ts';
import {
  alertsWaitingOnSettings,
  getAlert,
  saveAlertProgress,
  type AlertRow,
  type StoredWant,
} from '../store/alerts.ts';
import { listConnections, recordTicketBlockers, type Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import type { Partner } from '../store/partners.ts';
import { forgetLifecycleSettings } from './lifecycle-settings.ts';
import type { SessionDeps } from './psa-session.ts';
import type { Queue } from './queue.ts';
import { enqueueReconciles } from './reconcile-queue.ts';
import { descriptorOf, effectiveTicketSettings, ticketSettingsView } from './ticket-settings.ts';

/** Record what a ticket lacks on the connection, from its effective (connection-level) settings. */
export async function recordBlockers(db: Db, connection: Connection, effective: EffectiveField[]) {
  await recordTicketBlockers(
    db,
    connection.id,
    ticketBlockers(fieldsOf(descriptorOf(connection.kind)), effective),
  );
}

/** Work the connection's blockers out again; a PSA that cannot be read leaves them as they were. */
export async function refreshBlockers(deps: SessionDeps, connection: Connection): Promise<void> {
  try {
    const { effective } = await ticketSettingsView(deps, { connection });
    await recordBlockers(deps.db, connection, effective);
  } catch {
    // The pick lists could not be read: the connection's health already says why.
  }
}

/** In the transaction of a save: send on (once it commits) the alerts waiting for these settings. */
export async function releaseWaitingAlerts(queue: Queue, tx: Db, connectionIds: string[]): Promise<void> {
  forgetLifecycleSettings();
  await enqueueReconciles(queue, tx, await alertsWaitingOnSettings(tx, connectionIds));
}

/** The live connections of this kind that a partner's defaults reach: its own and those below it. */
export async function connectionsReachedBy(db: Db, partner: Partner, kind: Connection['kind']) {
  return (await listConnections(db, partner.path)).filter((c) => c.kind === kind && !c.revokedAt);
}

/** What the next write needs of the ticket settings and does not have (empty: it can go). */
export function missingSettings(
  alert: AlertRow,
  item: StoredWant,
  write: TicketWrite,
  connection: Connection,
  settings: ResolvedTicketSettings,
): string[] {
  // A ticket already made needs nothing to be "created" again.
  if (write === 'create' && alert.tickets[String(item.episode)]) return [];
  return missingFor(write, settings, {
    requiredPlacement: descriptorOf(connection.kind)
      .placement.filter((p) => p.required)
      .map((p) => p.name),
    priorityId: priorityFor(settings, alert.state!.severity),
  });
}

/**
 * The alert waits, with the reason, until the connection's ticket settings give what is missing:
 * saving them sends it on. Returns false when they were fixed meanwhile (a save between our read and
 * our mark found nothing to release), so the caller goes on at once.
 */
export async function waitForSettings(
  deps: SessionDeps,
  alert: AlertRow,
  write: TicketWrite,
  connection: Connection,
  missing: string[],
): Promise<boolean> {
  const reason = settingsWaitReason(missing, connection.name);
  await deps.db.transaction(async (tx) => {
    const fresh = (await getAlert(tx, alert.id, true))!;
    await saveAlertProgress(tx, alert.id, {
      state: fresh.state!,
      wants: fresh.wants,
      tickets: fresh.tickets,
      waitingReason: reason,
      attempts: fresh.attempts,
      dead: false,
      waitingOnSettings: connection.id,
    });
  });
  if (alert.waitingReason !== reason) await refreshBlockers(deps, connection);
  const again = await effectiveTicketSettings(deps, {
    connection,
    organizationId: alert.organizationId,
    condition: alert.condition,
  });
  return missingSettings(alert, alert.wants[0]!, write, connection, again).length > 0;
}
