// Event ingestion: a batch of the vendor's events becomes alert moves in one transaction — repeats
// of an event id ignored, unknown organizations refused, each alert locked once, its lifecycle
// applied in arrival order, and one reconcile job per alert that now wants a ticket write, sent in
// the same transaction (folded into a job already waiting for that alert).
import { oddString } from '../core/odd-strings.ts';
import { alertKey, applyEvent, type AlertEventInput, type AlertState } from '../core/alert-lifecycle.ts';
import {
  insertEvents,
  knownEventIds,
  lockAlerts,
  saveAlertStates,
  type AlertUpdate,
  type NewEvent,
  type StoredWant,
} from '../store/alerts.ts';
import type { Db } from '../store/db.ts';
import { unroutableOrganizations } from '../store/org-links.ts';
import { organizationsByExternalIds } from '../store/organizations.ts';
import { lifecycleSettingsFor } from './lifecycle-settings.ts';
import { enqueueReconciles } from './reconcile-queue.ts';
import type { Queue } from './queue.ts';

/** Events dated further ahead than this are refused (a wrong clock or time zone). */
const MAX_CLOCK_SKEW_MS = 24 * 3600_000;

export interface IncomingEvent {
  id: string;
  /** The organization's external id. */
  organizationId: string;
  condition: string;
  resource?: string | undefined;
  status: 'failing' | 'resolved';
  severity?: AlertEventInput['severity'];
  errorCode?: string | undefined;
  message?: string | undefined;
  occurredAt: string;
  details?: Record<string, unknown> | undefined;
}

export interface EventResult {
  index: number;
  id: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  /** Why it was rejected, or what is still missing for it to reach a ticket. */
  reason?: string;
}

export interface IngestReply {
  accepted: number;
  duplicate: number;
  rejected: number;
  results: EventResult[];
}

export async function ingestEvents(
  deps: { db: Db; queue: Queue },
  events: IncomingEvent[],
  now = new Date(),
): Promise<IngestReply> {
  return deps.db.transaction(async (tx) => {
    const results: EventResult[] = events.map((e, index) => ({ index, id: e.id, status: 'accepted' }));
    // Looked up only for events the database can hold: a NUL in an id would fail the query itself.
    const odds = events.map((e) => oddString(e, ''));
    const storable = events.filter((_, i) => !odds[i]);
    const orgs = await organizationsByExternalIds(tx, [...new Set(storable.map((e) => e.organizationId))]);
    const known = await knownEventIds(
      tx,
      storable.map((e) => e.id),
    );
    const seen = new Set<string>();
    const live: { index: number; event: IncomingEvent; orgId: string; key: string }[] = [];
    events.forEach((event, index) => {
      const org = orgs.get(event.organizationId);
      const r = results[index]!;
      const odd = odds[index];
      if (odd) {
        r.status = 'rejected';
        r.reason = `${odd.path.slice(1)}: ${odd.message}`;
      } else if (known.has(event.id) || seen.has(event.id)) {
        r.status = 'duplicate';
      } else if (Date.parse(event.occurredAt) > now.getTime() + MAX_CLOCK_SKEW_MS) {
        r.status = 'rejected';
        r.reason = 'occurredAt: more than a day in the future';
      } else if (!org) {
        r.status = 'rejected';
        r.reason = `organizationId: no organization "${event.organizationId}"`;
      } else {
        seen.add(event.id);
        live.push({ index, event, orgId: org.id, key: alertKey(org.id, event.condition, event.resource) });
      }
    });
    const keys = new Map(
      live.map((l) => [
        l.key,
        {
          key: l.key,
          organizationId: l.orgId,
          condition: l.event.condition.trim(),
          resource: (l.event.resource ?? '').trim(),
        },
      ]),
    );
    const alerts = await lockAlerts(tx, [...keys.values()]);
    const working = new Map<
      string,
      { state: AlertState | undefined; wants: StoredWant[]; added: number; id: string }
    >();
    for (const a of alerts.values())
      working.set(a.key, { state: a.state, wants: a.wants, added: 0, id: a.id });
    const stored: NewEvent[] = [];
    for (const { event, orgId, key, index } of live) {
      const w = working.get(key)!;
      const settings = await lifecycleSettingsFor(tx, orgId);
      const outcome = applyEvent(w.state, { ...event, organizationId: orgId }, settings, now);
      if (outcome.move === 'not_ticketed') results[index]!.reason = `kept; ${outcome.state.noTicketReason}`;
      for (const want of outcome.wants) {
        w.wants.push({ want, episode: want.type === 'create_ticket' ? want.episode : outcome.state.episode });
      }
      w.state = outcome.state;
      w.added++;
      stored.push({
        externalId: event.id,
        alertId: w.id,
        organizationId: orgId,
        status: event.status,
        severity: event.severity ?? null,
        errorCode: event.errorCode ?? null,
        message: event.message ?? null,
        occurredAt: new Date(event.occurredAt).toISOString(),
        details: event.details ?? null,
        move: outcome.move,
      });
    }
    const updates: AlertUpdate[] = [...working.values()]
      .filter((w) => w.added > 0 && w.state)
      .map((w) => ({ id: w.id, state: w.state!, wants: w.wants, newEvents: w.added }));
    await saveAlertStates(tx, updates);
    await insertEvents(tx, stored);
    await enqueueReconciles(
      deps.queue,
      tx,
      updates.filter((u) => u.wants.length > 0).map((u) => u.id),
    );
    // Say when an accepted event cannot reach a ticket yet: its alert waits.
    const waiting = await unroutableOrganizations(tx, [...new Set(live.map((l) => l.orgId))]);
    for (const l of live) {
      const why = waiting.get(l.orgId);
      if (why && !results[l.index]!.reason) results[l.index]!.reason = `kept; the alert waits: ${why}`;
    }
    const counts = { accepted: 0, duplicate: 0, rejected: 0 };
    for (const r of results) counts[r.status]++;
    return { ...counts, results };
  });
}
