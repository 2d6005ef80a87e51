// Storm control, decided when an alert wants a new ticket: past the connection's cap of new tickets
// per PSA company per hour, the alert joins that company's digest ticket; when many organizations
// of the partner fail with the same error class within a few minutes (a Microsoft outage), it joins
// one incident ticket on the catch-all company (the partner's own). A digest ticket is made once —
// its row is claimed under a lock, its ticket stamped with the digest's reference. Alerts that join
// it later, and recoveries, are written to it together, in at most one note a minute (noteDigests,
// run by the alert tick): a storm of thousands is a handful of PSA calls, not thousands of notes.
// The ticket resolves when none of its alerts fails any more.
import type { AlertState } from '../core/alert-lifecycle.ts';
import { classifyErrorCode, type Catalog, type ErrorClass } from '../core/error-catalog.ts';
import type { ResolvedTicketSettings } from '../core/ticket-settings.ts';
import type { PsaClient } from '../psa/client.ts';
import { getAlert, insertDelivery, type TicketRef } from '../store/alerts.ts';
import { getConnection, type Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import {
  addDigestAlert,
  createDigest,
  digestAlertLines,
  digestsWithNews,
  failingDigestAlerts,
  getDigest,
  markDigestNoted,
  markDigestResolved,
  openDigest,
  recentFailingAlerts,
  setDigestTicket,
  ticketsMadeLastHour,
  type Digest,
} from '../store/digests.ts';
import { mappingSettings } from './mapping-settings.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';
import { effectiveTicketSettings } from './ticket-settings.ts';

const HOUR_MS = 3600_000;

export interface StormInput {
  alertId: string;
  state: AlertState;
  client: PsaClient;
  connection: Connection;
  companyId: string;
  settings: ResolvedTicketSettings;
  catalog: Catalog;
  /** The alert's own ticket text, listed in (or noted on) the digest. */
  text: { title: string; description: string };
  statusId: string;
  priorityId: string;
}

export interface StormOutcome {
  ticket: TicketRef & { digestId: string };
  answer: string;
  request: Record<string, unknown>;
}

/** A retryable hold: the digest's ticket is being made by another alert's job. */
class DigestPending extends Error {}

const lockKey = (connectionId: string, kind: string, key: string) => `${connectionId}:${kind}:${key}`;

/** Which digest, if any, the alert's new ticket belongs in. */
async function digestFor(
  db: Db,
  s: StormInput,
): Promise<{ kind: Digest['kind']; companyId: string; key: string; withinMs: number } | undefined> {
  const m = mappingSettings(s.connection);
  if (m.incidentOrganizations > 0 && m.catchAll) {
    const errorClass = classifyErrorCode(s.state.errorCode, s.catalog.codes);
    if (errorClass !== 'unknown') {
      const windowMs = m.incidentWindowMinutes * 60_000;
      const incident = {
        kind: 'incident' as const,
        companyId: m.catchAll.companyId,
        key: errorClass,
        withinMs: windowMs,
      };
      // An incident already open takes the alert without counting again (the count is the costly part).
      if (await openDigest(db, { ...incident, connectionId: s.connection.id })) return incident;
      const recent = await recentFailingAlerts(db, s.connection.partnerId, new Date(Date.now() - windowMs));
      const orgs = new Set(
        recent
          .filter((r) => classifyErrorCode(r.error_code, s.catalog.codes) === errorClass)
          .map((r) => r.organization_id),
      );
      orgs.add(s.state.organizationId);
      if (orgs.size >= m.incidentOrganizations) return incident;
    }
  }
  if ((await ticketsMadeLastHour(db, s.connection.id, s.companyId)) >= m.maxTicketsPerCompanyHour)
    return { kind: 'company', companyId: s.companyId, key: s.companyId, withinMs: HOUR_MS };
  return undefined;
}

/** Route a new ticket into a digest when storm control says so; undefined: make the alert's own. */
export async function stormTicket(db: Db, s: StormInput): Promise<StormOutcome | undefined> {
  const target = await digestFor(db, s);
  if (!target) return undefined;
  const { digest, joined } = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      lockKey(s.connection.id, target.kind, target.key),
    ]);
    const open = await openDigest(tx, { ...target, connectionId: s.connection.id });
    if (open) {
      await addDigestAlert(tx, open.id, s.alertId);
      return { digest: open, joined: !open.alertIds.includes(s.alertId) };
    }
    return {
      digest: await createDigest(tx, { ...target, connectionId: s.connection.id, alertId: s.alertId }),
      joined: false,
    };
  });
  const ref = `psahub:digest:${digest.id}`;
  let ticketId = digest.ticketId;
  let number = digest.ticketNumber;
  const request = { companyId: target.companyId, digest: digest.id, kind: target.kind, externalRef: ref };
  if (!ticketId) {
    const found = await s.client.findTicketByExternalRef(ref);
    if (found) {
      ticketId = found.id;
      number = found.number;
    } else if (digest.alertIds[0] === s.alertId) {
      const made = await s.client.createTicket({
        companyId: target.companyId,
        title: digestTitle(target.kind, target.key, s),
        description: `${digestIntro(target.kind, s)}\n\n${s.text.title}\n${s.text.description}`,
        externalRef: ref,
        placement: { statusId: s.statusId, priorityId: s.priorityId, fields: s.settings.placement },
      });
      ticketId = made.id;
      number = made.number;
    } else {
      throw new DigestPending('The digest ticket this alert joins is being made; trying again shortly');
    }
    await setDigestTicket(db, digest.id, { id: ticketId, number });
    if (digest.alertIds[0] === s.alertId) {
      return {
        ticket: {
          id: ticketId,
          number,
          connectionId: s.connection.id,
          companyId: target.companyId,
          digestId: digest.id,
        },
        answer: `Created ${target.kind} digest ticket ${number ?? ticketId}`,
        request,
      };
    }
  }
  return {
    ticket: {
      id: ticketId,
      number,
      connectionId: s.connection.id,
      companyId: target.companyId,
      digestId: digest.id,
    },
    answer: `Listed on ${target.kind} digest ticket ${number ?? ticketId}${joined ? ' (its next note, within a minute, names this alert)' : ''}`,
    request,
  };
}

function digestTitle(kind: Digest['kind'], key: string, s: StormInput): string {
  if (kind === 'incident')
    return `Incident: many organizations failing (${classWords[key as ErrorClass] ?? key})`.slice(0, 100);
  return `More backup alerts this hour than the ticket limit (${mappingSettings(s.connection).maxTicketsPerCompanyHour})`.slice(
    0,
    100,
  );
}

function digestIntro(kind: Digest['kind'], s: StormInput): string {
  const m = mappingSettings(s.connection);
  return kind === 'incident'
    ? `${m.incidentOrganizations} or more organizations started failing with the same kind of error within ${m.incidentWindowMinutes} minutes. This ticket stands for all of them: the others are listed on it together, in at most one note a minute, and it resolves when none fails any more.`
    : `This company reached ${m.maxTicketsPerCompanyHour} new tickets within the hour. Further alerts are listed on this ticket instead of opening more, together in at most one note a minute; it resolves when none of them fails any more.`;
}

const classWords: Partial<Record<ErrorClass, string>> = {
  cannot_connect: 'cannot connect',
  authentication: 'authentication',
  throttled: 'throttled',
  token: 'token',
  service_disabled: 'service disabled',
};

/**
 * A later move of an alert that lives on a digest ticket: the digest resolved, with the move's note,
 * once none of its alerts fails any more; otherwise nothing now — the digest's next note counts it.
 */
export async function digestFollowUp(
  db: Db,
  s: {
    client: PsaClient;
    settings: ResolvedTicketSettings;
    digestId: string;
    note: string | null;
    kind: string;
  },
): Promise<{ answer: string } | undefined> {
  const digest = await getDigest(db, s.digestId);
  if (!digest?.ticketId || digest.resolvedAt || s.kind === 'add_note') return undefined;
  const statusId = s.settings.status.resolved;
  const note = {
    text: `None of the ${digest.alertIds.length} alerts of this ticket fails any more.${s.note ? `\n\nThe last:\n${s.note}` : ''}`,
    internal: s.settings.notesInternal,
  };
  if (
    (s.kind === 'resolve' || s.kind === 'cancel') &&
    statusId &&
    (await failingDigestAlerts(db, digest.alertIds)) === 0
  ) {
    await s.client.setTicketStatus(digest.ticketId, statusId, note);
    await markDigestResolved(db, digest.id);
    return {
      answer: `Noted, and resolved digest ticket ${digest.ticketNumber ?? digest.ticketId}: none of its alerts fails any more`,
    };
  }
  return undefined;
}

/** Notes per digest and tick at most list this many alerts by name; the rest are counted. */
const NAMED_PER_NOTE = 50;

/**
 * The alert tick's digest round: one note on each digest or incident ticket with news — the alerts
 * that joined since its last note (by name, up to NAMED_PER_NOTE) and how many still fail. A
 * failure is logged as a failed delivery and tried again at the next tick.
 */
export async function noteDigests(deps: SessionDeps, limit = 100): Promise<number> {
  let noted = 0;
  for (const d of await digestsWithNews(deps.db, limit)) {
    const connection = await getConnection(deps.db, d.connectionId);
    if (!connection || connection.revokedAt) continue;
    const joined = d.alertIds.slice(d.listed);
    const lines = await digestAlertLines(deps.db, joined.slice(0, NAMED_PER_NOTE));
    const text = [
      joined.length > 0 ? `Also failing (${joined.length} more):` : null,
      ...lines.map(
        (l) =>
          `- ${l.organization}: ${l.condition}${l.resource ? ` ${l.resource}` : ''}${l.error ? ` (${l.error})` : ''}`,
      ),
      joined.length > lines.length ? `- and ${joined.length - lines.length} more` : null,
      `Now failing: ${d.failing} of ${d.alertIds.length}.`,
    ]
      .filter((l) => l !== null)
      .join('\n');
    const started = performance.now();
    // Logged under the alert that opened the digest.
    const first = (await getAlert(deps.db, d.alertIds[0]!))!;
    const base = {
      partnerId: connection.partnerId,
      connectionId: connection.id,
      organizationId: first.organizationId,
      alertId: first.id,
      action: 'note' as const,
      request: { ticketId: d.ticketId, digest: d.id, listed: joined.length, noteLength: text.length },
      attempt: 1,
      ticketId: d.ticketId,
    };
    try {
      const settings = await effectiveTicketSettings(deps, { connection });
      const client = await clientFor(deps, connection);
      await client.addNote(d.ticketId!, { text, internal: settings.notesInternal });
      await deps.db.transaction(async (tx) => {
        await markDigestNoted(tx, d.id, d.alertIds.length, d.failing);
        await insertDelivery(tx, {
          ...base,
          outcome: 'ok',
          answer: `Noted ${d.kind} digest ticket ${d.ticketNumber ?? d.ticketId}: ${joined.length} joined, ${d.failing} failing`,
          durationMs: performance.now() - started,
        });
      });
      noted++;
    } catch (err) {
      await insertDelivery(deps.db, {
        ...base,
        outcome: 'failed',
        answer: `${(err as Error).message} (tried again within a minute)`,
        durationMs: performance.now() - started,
      });
    }
  }
  return noted;
}
