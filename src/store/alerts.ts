// Alerts, their events and the PSA writes made for them (deliveries). Ingestion works a batch at a
// time: a few set-based statements per batch, whatever its size.
import type { AlertState, Want } from '../core/alert-lifecycle.ts';
import type { Db } from './db.ts';

/** A want as stored: tagged with the episode (ticket) it concerns. */
export interface StoredWant {
  want: Want;
  episode: number;
}

export interface TicketRef {
  id: string;
  number: string | null;
  connectionId: string;
  companyId: string;
  /** Set when the alert lives on a digest or incident ticket (storm control). */
  digestId?: string;
}

export interface AlertRow {
  id: string;
  organizationId: string;
  key: string;
  condition: string;
  resource: string;
  status: string;
  /** Undefined for an alert row created by this batch and not yet given a state. */
  state: AlertState | undefined;
  wants: StoredWant[];
  tickets: Record<string, TicketRef>;
  waitingReason: string | null;
  attempts: number;
  deadAt: Date | null;
  eventCount: number;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  organization_id: string;
  key: string;
  condition: string;
  resource: string;
  status: string;
  state: AlertState | Record<string, never>;
  wants: StoredWant[];
  tickets: Record<string, TicketRef>;
  waiting_reason: string | null;
  attempts: number;
  dead_at: Date | null;
  event_count: number;
  created_at: Date;
  updated_at: Date;
}

const toAlert = (r: Row): AlertRow => ({
  id: r.id,
  organizationId: r.organization_id,
  key: r.key,
  condition: r.condition,
  resource: r.resource,
  status: r.status,
  state: 'status' in r.state ? (r.state as AlertState) : undefined,
  wants: r.wants,
  tickets: r.tickets,
  waitingReason: r.waiting_reason,
  attempts: r.attempts,
  deadAt: r.dead_at,
  eventCount: r.event_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Event ids (the vendor's) already stored. */
export async function knownEventIds(db: Db, externalIds: string[]): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const rows = await db.query<{ external_id: string }>(
    'SELECT external_id FROM events WHERE external_id = ANY($1::text[])',
    [externalIds],
  );
  return new Set(rows.map((r) => r.external_id));
}

/**
 * The alerts of `keys`, locked for this transaction; keys without an alert get a row first (so two
 * batches racing on a new key meet on the same row).
 */
export async function lockAlerts(
  db: Db,
  keys: { key: string; organizationId: string; condition: string; resource: string }[],
): Promise<Map<string, AlertRow>> {
  if (keys.length === 0) return new Map();
  await db.query(
    `INSERT INTO alerts (key, organization_id, condition, resource, status, state)
     SELECT k.key, k.organization_id, k.condition, k.resource, 'failing', '{}'
       FROM jsonb_to_recordset($1::jsonb) AS k(key text, organization_id uuid, condition text, resource text)
     ON CONFLICT (key) DO NOTHING`,
    [
      JSON.stringify(
        keys.map((k) => ({
          key: k.key,
          organization_id: k.organizationId,
          condition: k.condition,
          resource: k.resource,
        })),
      ),
    ],
  );
  const rows = await db.query<Row>(
    'SELECT * FROM alerts WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE',
    [keys.map((k) => k.key)],
  );
  return new Map(rows.map((r) => [r.key, toAlert(r)]));
}

export interface AlertUpdate {
  id: string;
  state: AlertState;
  wants: StoredWant[];
  newEvents: number;
}

/** Write the batch's alerts back in one statement. */
export async function saveAlertStates(db: Db, updates: AlertUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await db.query(
    `UPDATE alerts a SET state = u.state, status = u.state->>'status', wants = u.wants,
            event_count = a.event_count + u.new_events, updated_at = now(),
            dead_at = CASE WHEN jsonb_array_length(u.wants) > jsonb_array_length(a.wants) THEN NULL ELSE a.dead_at END
       FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, state jsonb, wants jsonb, new_events int)
      WHERE a.id = u.id`,
    [
      JSON.stringify(
        updates.map((u) => ({ id: u.id, state: u.state, wants: u.wants, new_events: u.newEvents })),
      ),
    ],
  );
}

export interface NewEvent {
  externalId: string;
  alertId: string;
  organizationId: string;
  status: string;
  severity: string | null;
  errorCode: string | null;
  message: string | null;
  occurredAt: string;
  details: Record<string, unknown> | null;
  move: string;
}

export async function insertEvents(db: Db, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO events (external_id, alert_id, organization_id, status, severity, error_code, message,
                         occurred_at, details, move)
     SELECT e.external_id, e.alert_id, e.organization_id, e.status, e.severity, e.error_code, e.message,
            e.occurred_at, e.details, e.move
       FROM jsonb_to_recordset($1::jsonb) AS e(external_id text, alert_id uuid, organization_id uuid,
            status text, severity text, error_code text, message text, occurred_at timestamptz,
            details jsonb, move text)`,
    [
      JSON.stringify(
        events.map((e) => ({
          external_id: e.externalId,
          alert_id: e.alertId,
          organization_id: e.organizationId,
          status: e.status,
          severity: e.severity,
          error_code: e.errorCode,
          message: e.message,
          occurred_at: e.occurredAt,
          details: e.details,
          move: e.move,
        })),
      ),
    ],
  );
}

export async function getAlert(db: Db, id: string, forUpdate = false): Promise<AlertRow | undefined> {
  const [row] = await db.query<Row>(`SELECT * FROM alerts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return row && toAlert(row);
}

/** The reconciler's progress: the state and wants left, tickets known, and why anything waits. */
export async function saveAlertProgress(
  db: Db,
  id: string,
  p: {
    state: AlertState;
    wants: StoredWant[];
    tickets: Record<string, TicketRef>;
    waitingReason: string | null;
    attempts: number;
    dead: boolean;
    /** The connection whose ticket settings the alert waits for; saving them sends it on. */
    waitingOnSettings?: string | null;
  },
): Promise<void> {
  await db.query(
    `UPDATE alerts SET state = $2, status = $2::jsonb->>'status', wants = $3, tickets = $4, waiting_reason = $5,
            attempts = $6, dead_at = CASE WHEN $7 THEN coalesce(dead_at, now()) END,
            waiting_on_settings = $8, updated_at = now()
      WHERE id = $1`,
    [
      id,
      JSON.stringify(p.state),
      JSON.stringify(p.wants),
      JSON.stringify(p.tickets),
      p.waitingReason,
      p.attempts,
      p.dead,
      p.waitingOnSettings ?? null,
    ],
  );
}

export interface NewDelivery {
  partnerId: string;
  connectionId: string | null;
  organizationId: string;
  /** null for a billing write (its change set says why). */
  alertId: string | null;
  action: 'create' | 'note' | 'resolve' | 'reopen' | 'cancel' | 'billing' | 'stats';
  request: Record<string, unknown>;
  outcome: 'ok' | 'failed' | 'dead';
  answer: string | null;
  durationMs: number;
  attempt: number;
  ticketId: string | null;
  changeSetId?: string | null;
}

export async function insertDelivery(db: Db, d: NewDelivery): Promise<void> {
  await db.query(
    `INSERT INTO deliveries (partner_id, connection_id, organization_id, alert_id, action, request, outcome,
                             answer, duration_ms, attempt, ticket_id, change_set_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      d.partnerId,
      d.connectionId,
      d.organizationId,
      d.alertId,
      d.action,
      JSON.stringify(d.request),
      d.outcome,
      d.answer,
      Math.round(d.durationMs),
      d.attempt,
      d.ticketId,
      d.changeSetId ?? null,
    ],
  );
}

/** The organization's alerts that still want ticket writes. */
export async function waitingAlertIds(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM alerts WHERE organization_id = $1 AND wants <> '[]'::jsonb AND dead_at IS NULL`,
    [organizationId],
  );
  return rows.map((r) => r.id);
}

/** The organization's alerts, locked for this transaction. */
export async function lockAlertsOfOrganization(db: Db, organizationId: string): Promise<AlertRow[]> {
  const rows = await db.query<Row>('SELECT * FROM alerts WHERE organization_id = $1 ORDER BY id FOR UPDATE', [
    organizationId,
  ]);
  return rows.map(toAlert);
}

/** Failing alerts with failures no note has reported yet: candidates for the clock's repeat note. */
export async function alertsWithUnreportedFailures(db: Db, limit: number): Promise<AlertRow[]> {
  const rows = await db.query<Row>(
    `SELECT * FROM alerts
      WHERE status = 'failing' AND (state->>'failuresSinceNote')::int > 0 AND dead_at IS NULL
      ORDER BY updated_at LIMIT $1`,
    [limit],
  );
  return rows.map(toAlert);
}

/** Alerts of organizations linked on the connection that still want ticket writes. */
export async function waitingAlertIdsOfConnection(db: Db, connectionId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT a.id FROM alerts a JOIN org_links l ON l.organization_id = a.organization_id AND l.unlinked_at IS NULL
      WHERE l.connection_id = $1 AND a.wants <> '[]'::jsonb AND a.dead_at IS NULL`,
    [connectionId],
  );
  return rows.map((r) => r.id);
}

/** Alerts waiting for the ticket settings of any of these connections. */
export async function alertsWaitingOnSettings(db: Db, connectionIds: string[]): Promise<string[]> {
  if (connectionIds.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM alerts WHERE waiting_on_settings = ANY($1::uuid[]) AND dead_at IS NULL`,
    [connectionIds],
  );
  return rows.map((r) => r.id);
}
