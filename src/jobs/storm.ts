// Storm control, decided when an alert wants a new ticket: past the connection's cap of new tickets
// per PSA company per hour, the alert joins that company's digest ticket; when many organizations
// of the partner fail with the same error class within a few minutes (a Microsoft outage), it joins
// one incident ticket on the catch-all company (the partner's own). A digest is opened once (under
// a lock) and its ticket made by the alert that opened it, stamped with the digest's reference;
// joining is a row. Whoever joins also takes along, set-based, every other alert of the connection
// waiting for a first ticket that belongs on the same digest, so a storm drains in a few statements
// per batch. Alerts that joined, and recoveries, are written to the ticket together, in at most one
// note a minute (noteDigests, run by the alert tick): a storm of thousands is a handful of PSA calls.
// The ticket resolves when none of its alerts fails any more.
import type { AlertState } from '../core/alert-lifecycle.ts';
import { classifyErrorCode, type Catalog, type ErrorClass } from '../core/error-catalog.ts';
import type { ResolvedTicketSettings } from '../core/ticket-settings.ts';
import type { PsaClient } from '../psa/client.ts';
import { getAlert, insertDelivery, type TicketRef } from '../store/alerts.ts';
import { getConnection, type Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import {
  alertsAwaitingTicket,
  settleOnDigest,
  sweepDue,
  waitingOnUnmadeTickets,
} from '../store/digest-joins.ts';
import {
  adoptDigest,
  createDigest,
  digestAlertLines,
  digestCounts,
  digestsWithNews,
  failingOrganizationsByCode,
  failingOrganizationsWith,
  getDigest,
  joinDigest,
  markDigestNoted,
  markDigestResolved,
  openDigest,
  setDigestTicket,
  ticketsMadeLastHour,
  unnotedJoins,
  type Digest,
} from '../store/digests.ts';
import { currentCatalog } from './error-catalog.ts';
import { mappingSettings } from './mapping-settings.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';
import type { Queue } from './queue.ts';
import { dropWaitingReconciles, enqueueReconciles } from './reconcile-queue.ts';
import { effectiveTicketSettings } from './ticket-settings.ts';

const HOUR_MS = 3600_000;
/** Alerts one join takes along at most; the next join takes the rest. */
const TAKE_ALONG = 5000;
/** Concurrent joins would sweep the same rows: one sweep per digest at most this often. */
const SWEEP_EVERY_MS = 200;

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

export type StormOutcome =
  | { ticket: TicketRef & { digestId: string }; answer: string; request: Record<string, unknown> }
  /** Joined a digest whose ticket another alert is making: the ticket becomes this alert's when made. */
  | { waiting: string; digestId: string };

type Ticketed = Digest & { ticketId: string };

const lockKey = (connectionId: string, kind: string, key: string) => `${connectionId}:${kind}:${key}`;

/** Whether an alert failing with this error code may belong on an incident of the connection. */
function incidentClass(connection: Connection, catalog: Catalog, code: string | null | undefined) {
  const m = mappingSettings(connection);
  if (m.incidentOrganizations <= 0 || !m.catchAll) return undefined;
  const errorClass = classifyErrorCode(code, catalog.codes);
  return errorClass === 'unknown' ? undefined : errorClass;
}

/** Which digest, if any, the alert's new ticket belongs in. */
async function digestFor(
  db: Db,
  s: StormInput,
): Promise<{ kind: Digest['kind']; companyId: string; key: string; withinMs: number } | undefined> {
  const m = mappingSettings(s.connection);
  const errorClass = incidentClass(s.connection, s.catalog, s.state.errorCode);
  if (errorClass && m.catchAll) {
    const windowMs = m.incidentWindowMinutes * 60_000;
    const incident = {
      kind: 'incident' as const,
      companyId: m.catchAll.companyId,
      key: errorClass,
      withinMs: windowMs,
    };
    // An incident already open takes the alert without counting again.
    if (await openDigest(db, { ...incident, connectionId: s.connection.id })) return incident;
    // Counts per error code, not the failing alerts themselves: their sum (plus this one) bounds the
    // organizations failing in the class from above; only when it reaches the threshold is the exact
    // count asked for.
    const since = new Date(Date.now() - windowMs);
    const codes = (await failingOrganizationsByCode(db, s.connection.partnerId, since)).filter(
      (r) => classifyErrorCode(r.error_code, s.catalog.codes) === errorClass,
    );
    const atMost = codes.reduce((n, r) => n + r.organizations, 1);
    if (
      atMost >= m.incidentOrganizations &&
      (await failingOrganizationsWith(db, {
        partnerId: s.connection.partnerId,
        since,
        codes: codes.map((r) => r.error_code!),
        organizationId: s.state.organizationId,
      })) >= m.incidentOrganizations
    )
      return incident;
  }
  if ((await ticketsMadeLastHour(db, s.connection.id, s.companyId)) >= m.maxTicketsPerCompanyHour)
    return { kind: 'company', companyId: s.companyId, key: s.companyId, withinMs: HOUR_MS };
  return undefined;
}

/** Route a new ticket into a digest when storm control says so; undefined: make the alert's own. */
export async function stormTicket(db: Db, s: StormInput): Promise<StormOutcome | undefined> {
  const target = await digestFor(db, s);
  if (!target) return undefined;
  const scope = { ...target, connectionId: s.connection.id };
  // Opening is under a lock, so that one storm opens one digest; joining one needs none.
  const digest =
    (await openDigest(db, scope)) ??
    (await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        lockKey(s.connection.id, target.kind, target.key),
      ]);
      return (
        (await openDigest(tx, scope)) ??
        (await createDigest(tx, { ...scope, companyId: target.companyId, alertId: s.alertId }))
      );
    }));
  // The opener makes the ticket; another member only if the opener stopped wanting to (it is gone,
  // dead, or resolved before its create), and then only one (it adopts the digest).
  const opened = digest.openedBy === s.alertId;
  const joined = opened ? false : await joinDigest(db, digest.id, s.alertId);
  const ref = `psahub:digest:${digest.id}`;
  const request = { companyId: target.companyId, digest: digest.id, kind: target.kind, externalRef: ref };
  let ticketed = digest.ticketId ? (digest as Ticketed) : undefined;
  let maker = opened;
  if (!ticketed && !opened) {
    const now = (await getDigest(db, digest.id)) ?? digest;
    if (now.ticketId) ticketed = now as Ticketed;
    else if ((await openerStalled(db, now)) && (await adoptDigest(db, now.id, now.openedBy, s.alertId)))
      maker = true;
    else
      return {
        waiting: `Joined the ${target.kind} digest; waiting for its ticket, which is being made`,
        digestId: digest.id,
      };
  }
  let created = false;
  if (!ticketed) {
    const found = await s.client.findTicketByExternalRef(ref);
    const made =
      found ??
      (await s.client.createTicket({
        companyId: target.companyId,
        title: digestTitle(target.kind, target.key, s),
        description: `${digestIntro(target.kind, s)}\n\n${s.text.title}\n${s.text.description}`,
        externalRef: ref,
        placement: { statusId: s.statusId, priorityId: s.priorityId, fields: s.settings.placement },
      }));
    created = !found;
    await setDigestTicket(db, digest.id, made);
    ticketed = { ...digest, ticketId: made.id, ticketNumber: made.number };
  }
  await takeAlong(db, s.connection, s.catalog, ticketed, s.alertId);
  const number = ticketed.ticketNumber ?? ticketed.ticketId;
  return {
    ticket: {
      id: ticketed.ticketId,
      number: ticketed.ticketNumber,
      connectionId: s.connection.id,
      companyId: target.companyId,
      digestId: digest.id,
    },
    answer: maker
      ? `${created ? 'Created' : 'Found'} ${target.kind} digest ticket ${number}`
      : `Listed on ${target.kind} digest ticket ${number}${joined ? ' (its next note, within a minute, names this alert)' : ''}`,
    request,
  };
}

/** Whether the digest's opener will not make its ticket: gone, dead, or no longer wanting a create. */
async function openerStalled(db: Db, digest: Digest): Promise<boolean> {
  const opener = digest.openedBy ? await getAlert(db, digest.openedBy) : undefined;
  return !opener || opener.deadAt !== null || opener.wants[0]?.want.type !== 'create_ticket';
}

/**
 * The alert tick: members that joined a digest whose ticket has not come within a minute try again
 * (one of them makes it if its opener stalled).
 */
export async function wakeStalledJoins(db: Db, queue: Queue): Promise<void> {
  const stalled = await waitingOnUnmadeTickets(db, 60_000, 1000);
  if (stalled.length > 0) await db.transaction((tx) => enqueueReconciles(queue, tx, stalled));
}

/**
 * The other alerts of the connection waiting for a first ticket that belongs on this digest join it
 * with its ticket, set-based (only its members when `membersOnly`). A company digest takes only
 * alerts that could not belong on an incident, which is decided first.
 */
async function takeAlong(
  db: Db,
  connection: Connection,
  catalog: Catalog,
  digest: Ticketed,
  except: string | null,
  membersOnly = false,
): Promise<number> {
  if (!membersOnly && !(await sweepDue(db, digest.id, SWEEP_EVERY_MS))) return 0;
  const waiting = await alertsAwaitingTicket(db, {
    connectionId: connection.id,
    companyId: digest.kind === 'company' ? digest.companyId : null,
    ...(membersOnly ? { members: digest.id } : {}),
    limit: TAKE_ALONG,
  });
  const fits = waiting.filter((a) => {
    if (a.id === except) return false;
    const errorClass = incidentClass(connection, catalog, a.error_code);
    return digest.kind === 'incident' ? errorClass === digest.key : errorClass === undefined;
  });
  if (fits.length === 0) return 0;
  return db.transaction(async (tx) => {
    const { joined, idle } = await settleOnDigest(
      tx,
      digest,
      connection.partnerId,
      fits.map((a) => a.id),
    );
    await dropWaitingReconciles(tx, idle);
    return joined;
  });
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
  if (!(s.kind === 'resolve' || s.kind === 'cancel') || !statusId) return undefined;
  const counts = await digestCounts(db, digest.id);
  const note = {
    text: `None of the ${counts.alerts} alerts of this ticket fails any more.${s.note ? `\n\nThe last:\n${s.note}` : ''}`,
    internal: s.settings.notesInternal,
  };
  if (counts.failing === 0) {
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
 * that joined since its last note (by name, up to NAMED_PER_NOTE) and how many still fail. Members
 * still waiting for the ticket (it was being made when they joined) get it first. A failure is
 * logged as a failed delivery and tried again at the next tick.
 */
export async function noteDigests(deps: SessionDeps, limit = 100): Promise<number> {
  let noted = 0;
  for (const d of await digestsWithNews(deps.db, limit)) {
    const connection = await getConnection(deps.db, d.connectionId);
    if (!connection || connection.revokedAt) continue;
    const catalog = await currentCatalog(deps.db);
    await takeAlong(deps.db, connection, catalog, d as Ticketed, null, true);
    const joined = await unnotedJoins(deps.db, d.id);
    const lines = await digestAlertLines(deps.db, joined.slice(0, NAMED_PER_NOTE));
    const text = [
      joined.length > 0 ? `Also failing (${joined.length} more):` : null,
      ...lines.map(
        (l) =>
          `- ${l.organization}: ${l.condition}${l.resource ? ` ${l.resource}` : ''}${l.error ? ` (${l.error})` : ''}`,
      ),
      joined.length > lines.length ? `- and ${joined.length - lines.length} more` : null,
      `Now failing: ${d.failing} of ${d.alerts}.`,
    ]
      .filter((l) => l !== null)
      .join('\n');
    const started = performance.now();
    // Logged under the alert that opened the digest (or, were it gone, the first that joined).
    const first = await getAlert(deps.db, d.openedBy ?? joined[0] ?? '00000000-0000-0000-0000-000000000000');
    if (!first) continue;
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
        await markDigestNoted(tx, d.id, joined, d.failing);
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
