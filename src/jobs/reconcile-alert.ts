// The ticket reconciler: carries out an alert's wants, in order, with the fewest PSA calls — a create
// stamped with the alert's reference (so a retry after a crash finds the ticket instead of making a
// second), notes, status changes. Each attempt is a delivery in the event log. Wants wait (with the
// reason) while the organization has nowhere for tickets to go or its ticket settings lack what the
// write needs (saving them sends it on); a want that keeps failing makes the alert dead until
// someone retries it.
import { tellTicketsCreated } from './vendor-events.ts';
import { applyTicketObserved, withTicketId, type AlertState, type Want } from '../core/alert-lifecycle.ts';
import { ticketText, wantNoteText } from '../core/alert-text.ts';
import { describe, type Catalog } from '../core/error-catalog.ts';
import { priorityFor, statusFor, type TicketWrite } from '../core/ticket-readiness.ts';
import type { ResolvedTicketSettings } from '../core/ticket-settings.ts';
import type { PsaClient } from '../psa/client.ts';
import { isPsaError } from '../psa/errors.ts';
import {
  getAlert,
  insertDelivery,
  saveAlertProgress,
  type AlertRow,
  type NewDelivery,
  type StoredWant,
  type TicketRef,
} from '../store/alerts.ts';
import { getConnection, type Connection } from '../store/connections.ts';
import { claimFirstTicket, releaseToWait } from '../store/digest-joins.ts';
import { getDigest } from '../store/digests.ts';
import { getOrganization } from '../store/organizations.ts';
import { snoozeInForce } from '../store/snoozes.ts';
import { currentCatalog } from './error-catalog.ts';
import { logPsaWrite, quietLog } from './hub-log.ts';
import { lifecycleSettingsFor } from './lifecycle-settings.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';
import { digestFollowUp, stormTicket } from './storm.ts';
import { ticketDestination, type Destination } from './ticket-destination.ts';
import { missingSettings, waitForSettings } from './ticket-readiness.ts';
import { effectiveTicketSettings } from './ticket-settings.ts';

/** Failed attempts at one want before the alert is dead (pg-boss retries with backoff between). */
export const MAX_ATTEMPTS = 10;

/** The reference stamped on the ticket of an alert's episode. */
export const ticketRef = (alertId: string, episode: number) => `psahub:${alertId}:${episode}`;

type Action = NewDelivery['action'];

interface Done {
  action: Action;
  request: Record<string, unknown>;
  answer: string;
  ticket?: TicketRef;
}

interface Step {
  db: SessionDeps['db'];
  alert: AlertRow;
  state: AlertState;
  item: StoredWant;
  client: PsaClient;
  connection: Connection;
  companyId: string;
  settings: ResolvedTicketSettings;
  orgName: string;
  catalog: Catalog;
  /** An earlier attempt may have made the ticket (its reply lost, or the worker killed). */
  mayExist: boolean;
}

const actionOf = (w: Want): Action =>
  (
    ({
      create_ticket: 'create',
      add_note: 'note',
      note_only: 'note',
      resolve: 'resolve',
      reopen: 'reopen',
      cancel: 'cancel',
    }) as const
  )[w.type];

export type ReconcileResult = 'done' | 'waiting' | 'dead' | 'retry';

/** Carry out the alert's wants; throws to be retried (the job's backoff) on a transient failure. */
export async function reconcileAlert(deps: SessionDeps, alertId: string): Promise<ReconcileResult> {
  for (;;) {
    const alert = await getAlert(deps.db, alertId);
    if (!alert?.state || alert.wants.length === 0) return 'done';
    if (alert.deadAt) return 'dead';
    const org = await getOrganization(deps.db, alert.organizationId, null);
    const item = alert.wants[0]!;
    const dest = await targetOf(deps, alert, item);
    if ('drop' in dest) {
      // Nothing to write to (no ticket was made, or its connection is gone): the want lapses.
      await deps.db.transaction(async (tx) => {
        const fresh = (await getAlert(tx, alertId, true))!;
        await saveAlertProgress(tx, alertId, {
          state: fresh.state!,
          wants: fresh.wants.slice(1),
          tickets: fresh.tickets,
          waitingReason: null,
          attempts: 0,
          dead: false,
        });
      });
      continue;
    }
    const snooze = dest.ok && (await snoozeInForce(deps.db, alert.organizationId, dest.connection.id));
    if (!dest.ok || !org || snooze) {
      const reason = snooze
        ? `Snoozed until ${snooze.endsAt.toISOString()}${snooze.reason ? ` (${snooze.reason})` : ''}`
        : dest.ok
          ? 'The organization is gone'
          : dest.reason;
      if (alert.waitingReason !== reason)
        await saveProgress(deps, alert, alert.state, alert.wants, alert.tickets, reason, alert.attempts);
      return 'waiting';
    }
    const prior = alert.attempts;
    const started = performance.now();
    let step: Step | undefined;
    let written: NewDelivery | undefined;
    try {
      const settings = await effectiveTicketSettings(deps, {
        connection: dest.connection,
        organizationId: alert.organizationId,
        condition: alert.condition,
      });
      const write = actionOf(item.want) as TicketWrite;
      const missing = missingSettings(alert, item, write, dest.connection, settings);
      if (missing.length) {
        if (await waitForSettings(deps, alert, write, dest.connection, missing)) return 'waiting';
        continue;
      }
      const client = await clientFor(deps, dest.connection);
      step = {
        alert,
        state: alert.state,
        item,
        client,
        connection: dest.connection,
        companyId: dest.companyId,
        settings,
        orgName: org.name,
        db: deps.db,
        mayExist: prior > 0,
        catalog: await currentCatalog(deps.db),
      };
      // The intent, before the create: a retry after a crash from here on looks for the ticket first.
      // It is a claim too: a storm's join may have given the alert its ticket meanwhile (then look again).
      if (
        item.want.type === 'create_ticket' &&
        prior === 0 &&
        !(await claimFirstTicket(deps.db, alertId, item.episode))
      )
        continue;
      if (item.want.type === 'add_note' && (await technicianClosed(deps, step))) continue;
      const done = await carryOut(step);
      if (done && 'waiting' in done) {
        // On a digest whose ticket is being made: no attempt failed, the alert waits for the ticket
        // (whoever makes it hands it to the digest's waiting members) — unless it is there by now.
        await releaseToWait(deps.db, alertId, done.waiting);
        if ((await getDigest(deps.db, done.digestId))?.ticketId) continue;
        return 'waiting';
      }
      const tickets = { ...alert.tickets };
      if (done?.ticket) tickets[String(item.episode)] = done.ticket;
      await deps.db.transaction(async (tx) => {
        // Wants appended by ingestion meanwhile stay; only the one carried out goes.
        const fresh = (await getAlert(tx, alertId, true))!;
        const rest = fresh.wants.slice(1);
        const latest = done?.ticket ? withTicketId(fresh.state!, item.episode, done.ticket.id) : fresh.state!;
        await saveAlertProgress(tx, alertId, {
          state: latest,
          wants: rest,
          tickets,
          waitingReason: null,
          attempts: 0,
          dead: false,
        });
        // Nothing was written (a repeat note of an alert on a digest ticket): no delivery.
        if (done) {
          written = delivery(alert, dest.connection, done, 'ok', performance.now() - started, prior + 1);
          await insertDelivery(tx, written);
        }
        if (done?.ticket && item.want.type === 'create_ticket')
          await tellTicketsCreated(tx, [alert], dest.connection, done.ticket);
      });
      if (written) logPsaWrite(deps.log ?? quietLog, dest.connection.kind, written);
    } catch (err) {
      const attempt = prior + 1;
      const retryable = isPsaError(err) ? err.retryable : !(err as { permanent?: boolean }).permanent;
      const dead = !retryable || attempt >= MAX_ATTEMPTS;
      const answer = (err as Error).message;
      await deps.db.transaction(async (tx) => {
        const fresh = (await getAlert(tx, alertId, true))!;
        await saveAlertProgress(tx, alertId, {
          state: fresh.state!,
          wants: fresh.wants,
          tickets: fresh.tickets,
          waitingReason: dead ? `Stopped after ${attempt} attempts: ${answer}` : `Retrying: ${answer}`,
          attempts: attempt,
          dead,
        });
        written = delivery(
          alert,
          dest.connection,
          { action: actionOf(item.want), request: step ? requestOf(step) : {}, answer },
          dead ? 'dead' : 'failed',
          performance.now() - started,
          attempt,
        );
        await insertDelivery(tx, written);
      });
      logPsaWrite(deps.log ?? quietLog, dest.connection.kind, written!);
      if (dead) return 'dead';
      throw err;
    }
  }
}

/**
 * Before a note: has a technician closed the ticket while the condition still fails? Then the
 * lifecycle decides (leave it, reopen it, or a new ticket) and the note lapses. One read per note,
 * and notes are at most one per interval.
 */
async function technicianClosed(deps: SessionDeps, s: Step): Promise<boolean> {
  const ticketId = s.alert.tickets[String(s.item.episode)]?.id;
  const ticket = ticketId ? await s.client.getTicket(ticketId) : undefined;
  if (!ticket || !ticket.closed) return false;
  const settings = await lifecycleSettingsFor(deps.db, s.alert.organizationId);
  await deps.db.transaction(async (tx) => {
    const fresh = (await getAlert(tx, s.alert.id, true))!;
    const outcome = applyTicketObserved(fresh.state!, { closed: true }, settings, new Date());
    const added = outcome.wants.map((want) => ({
      want,
      episode: want.type === 'create_ticket' ? want.episode : outcome.state.episode,
    }));
    await saveAlertProgress(tx, s.alert.id, {
      state: outcome.state,
      wants: [...added, ...fresh.wants.slice(1)],
      tickets: fresh.tickets,
      waitingReason: null,
      attempts: 0,
      dead: false,
    });
  });
  return true;
}

/**
 * Where a want goes: a new ticket to the organization's destination (its company, or the catch-all);
 * everything else to the ticket it concerns, wherever that was made, even after an unlink.
 */
async function targetOf(
  deps: SessionDeps,
  alert: AlertRow,
  item: StoredWant,
): Promise<Destination | { drop: string }> {
  if (item.want.type === 'create_ticket') {
    if (alert.state!.status === 'cancelled' && alert.state!.episode === item.episode)
      return { drop: 'the alert was cancelled before its ticket was made' };
    return ticketDestination(deps.db, alert.organizationId);
  }
  const ticket = alert.tickets[String(item.episode)];
  if (!ticket) return { drop: 'no ticket was made' };
  const connection = await getConnection(deps.db, ticket.connectionId);
  if (!connection || connection.revokedAt) return { drop: 'the ticket’s connection was revoked' };
  return { ok: true, connection, companyId: ticket.companyId, via: 'link', linkId: null };
}

function delivery(
  alert: AlertRow,
  connection: Connection,
  done: Done,
  outcome: NewDelivery['outcome'],
  ms: number,
  attempt: number,
): NewDelivery {
  return {
    partnerId: connection.partnerId,
    connectionId: connection.id,
    organizationId: alert.organizationId,
    alertId: alert.id,
    action: done.action,
    request: done.request,
    outcome,
    answer: done.answer,
    durationMs: ms,
    attempt,
    ticketId: done.ticket?.id ?? alert.tickets[String(alert.wants[0]?.episode)]?.id ?? null,
  };
}

async function saveProgress(
  deps: SessionDeps,
  alert: AlertRow,
  state: AlertState,
  wants: StoredWant[],
  tickets: Record<string, TicketRef>,
  waitingReason: string | null,
  attempts: number,
) {
  await saveAlertProgress(deps.db, alert.id, { state, wants, tickets, waitingReason, attempts, dead: false });
}

function requestOf(s: Step): Record<string, unknown> {
  return { companyId: s.companyId, want: s.item.want.type, episode: s.item.episode };
}

async function carryOut(s: Step): Promise<Done | { waiting: string; digestId: string } | null> {
  const { want } = s.item;
  const action = actionOf(want);
  const description = describe(s.catalog, {
    condition: s.state.condition,
    errorCode: s.state.errorCode,
  });
  const existing = s.alert.tickets[String(s.item.episode)];
  if (want.type === 'create_ticket') {
    if (existing)
      return {
        action,
        request: requestOf(s),
        answer: `Ticket ${existing.number ?? existing.id} already exists`,
        ticket: existing,
      };
    const ref = ticketRef(s.alert.id, s.item.episode);
    // A crash may have left the ticket made and unrecorded: look before creating.
    const found = s.mayExist ? await s.client.findTicketByExternalRef(ref) : undefined;
    if (found)
      return {
        action,
        request: { ...requestOf(s), externalRef: ref },
        answer: `Found ticket ${found.number ?? found.id} made by an earlier attempt`,
        ticket: toRef(s, found),
      };
    const statusId = s.settings.status.new;
    const priorityId = priorityFor(s.settings, s.state.severity);
    if (!statusId || !priorityId) throw new Error('ticket settings incomplete'); // missingSettings waits first
    const text = ticketText(s.state, description, { orgName: s.orgName });
    const storm = await stormTicket(s.db, {
      alertId: s.alert.id,
      state: s.state,
      client: s.client,
      connection: s.connection,
      companyId: s.companyId,
      settings: s.settings,
      catalog: s.catalog,
      text,
      statusId,
      priorityId,
    });
    if (storm) return 'waiting' in storm ? storm : { action, ...storm };
    const ticket = await s.client.createTicket({
      companyId: s.companyId,
      title: text.title,
      description: text.description,
      externalRef: ref,
      placement: { statusId, priorityId, fields: s.settings.placement },
    });
    return {
      action,
      request: {
        companyId: s.companyId,
        title: text.title,
        statusId,
        priorityId,
        ...s.settings.placement,
        externalRef: ref,
      },
      answer: `Created ticket ${ticket.number ?? ticket.id}`,
      ticket: toRef(s, ticket),
    };
  }
  if (!existing) throw new Error('no ticket for this want'); // targetOf drops these
  const note = wantNoteText(want, s.state, description);
  if (existing.digestId) {
    const titled = note && `${ticketText(s.state, description, { orgName: s.orgName }).title}\n${note}`;
    const followed = await digestFollowUp(s.db, {
      client: s.client,
      settings: s.settings,
      digestId: existing.digestId,
      note: titled || null,
      kind: want.type,
    });
    return followed
      ? { action, request: { ticketId: existing.id, digest: existing.digestId }, answer: followed.answer }
      : null;
  }
  const internal = s.settings.notesInternal;
  switch (want.type) {
    case 'add_note':
    case 'note_only': {
      await s.client.addNote(existing.id, { text: note!, internal });
      return {
        action,
        request: { ticketId: existing.id, noteLength: note!.length, internal },
        answer: `Noted ticket ${existing.number ?? existing.id}`,
      };
    }
    case 'resolve':
    case 'reopen':
    case 'cancel': {
      // Unlinking closes with the cancelled status, or the resolved one when none is set.
      const statusId = statusFor(action as TicketWrite, s.settings);
      if (!statusId) throw new Error('ticket settings incomplete'); // missingSettings waits first
      const after = await s.client.setTicketStatus(
        existing.id,
        statusId,
        note ? { text: note, internal } : undefined,
      );
      return {
        action,
        request: { ticketId: existing.id, statusId, ...(note ? { noteLength: note.length } : {}) },
        answer: `Ticket ${existing.number ?? existing.id} is now ${after.closed ? 'closed' : 'open'} (status ${after.statusId})`,
      };
    }
  }
}

const toRef = (s: Step, t: { id: string; number: string | null }): TicketRef => ({
  id: t.id,
  number: t.number,
  connectionId: s.connection.id,
  companyId: s.companyId,
});
