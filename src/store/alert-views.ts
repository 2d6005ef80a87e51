// Alerts as partners read them: filtered and paged by latest activity, one with its latest events,
// and a selection of ids for reprocessing. Scoped like the event log: alerts of organizations owned
// within the caller's part of the partner tree.
import type { AlertState, AlertStatus } from '../core/alert-lifecycle.ts';
import type { AlertRow, StoredWant, TicketRef } from './alerts.ts';
import type { Db } from './db.ts';
import type { Page, PageQuery } from './paging.ts';
import { beforeCursor, microsKey, paramList, toTimePage } from './time-paging.ts';

export const alertStatuses = ['failing', 'resolved', 'cancelled'] as const;

export interface AlertFilters {
  withinPath: string | null;
  status?: (typeof alertStatuses)[number] | undefined;
  organizationId?: string | undefined;
  /** true: has writes left and a reason they wait; false: not so. */
  waiting?: boolean | undefined;
  /** true: stopped after failing (until retried); false: not stopped. */
  dead?: boolean | undefined;
  /** Text in the condition, resource, organization name or external id. */
  q?: string | undefined;
}

/** An alert as stored, with its organization named and its owner, for partners to read. */
export interface AlertView extends Omit<AlertRow, 'organizationId' | 'key' | 'status'> {
  timeKey: string;
  organization: { id: string; externalId: string; name: string };
  partnerId: string;
  status: AlertStatus;
}

interface Row {
  id: string;
  time_key: string;
  organization_id: string;
  org_external_id: string;
  org_name: string;
  partner_id: string;
  condition: string;
  resource: string;
  status: AlertStatus;
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

const toView = (r: Row): AlertView => ({
  id: r.id,
  timeKey: r.time_key,
  organization: { id: r.organization_id, externalId: r.org_external_id, name: r.org_name },
  partnerId: r.partner_id,
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

const SELECT = `
  SELECT a.id, ${microsKey('a.updated_at')} AS time_key, a.organization_id, o.external_id AS org_external_id,
         o.name AS org_name, o.partner_id, a.condition, a.resource, a.status, a.state, a.wants, a.tickets,
         a.waiting_reason, a.attempts, a.dead_at, a.event_count, a.created_at, a.updated_at
    FROM alerts a
    JOIN organizations o ON o.id = a.organization_id
    JOIN partners p ON p.id = o.partner_id
   WHERE p.path LIKE coalesce($1, '/') || '%'`;

function conditions(f: AlertFilters) {
  const { params, param } = paramList();
  param(f.withinPath);
  const where: string[] = [];
  if (f.status) where.push(`a.status = ${param(f.status)}`);
  if (f.organizationId) where.push(`a.organization_id = ${param(f.organizationId)}::uuid`);
  const waiting = `(a.wants <> '[]'::jsonb AND a.waiting_reason IS NOT NULL)`;
  if (f.waiting !== undefined) where.push(f.waiting ? waiting : `NOT ${waiting}`);
  if (f.dead !== undefined) where.push(`a.dead_at IS ${f.dead ? 'NOT ' : ''}NULL`);
  if (f.q) {
    const q = param(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(
      `(a.condition ILIKE ${q} OR a.resource ILIKE ${q} OR o.name ILIKE ${q} OR o.external_id ILIKE ${q})`,
    );
  }
  return { sql: where.map((w) => ` AND ${w}`).join(''), params, param };
}

/** A page of alerts, latest activity first. */
export async function listAlerts(db: Db, f: AlertFilters & PageQuery): Promise<Page<AlertView>> {
  const c = conditions(f);
  const after = beforeCursor(f.cursor, 'a.updated_at', 'a.id', c.param);
  const rows = await db.query<Row>(
    `${SELECT}${c.sql} AND ${after} ORDER BY a.updated_at DESC, a.id DESC LIMIT ${c.param(f.limit + 1)}`,
    c.params,
  );
  return toTimePage(rows.map(toView), f.limit);
}

export async function getAlertView(
  db: Db,
  id: string,
  withinPath: string | null,
): Promise<AlertView | undefined> {
  const [row] = await db.query<Row>(`${SELECT} AND a.id = $2`, [withinPath, id]);
  return row && toView(row);
}

/** The ids of the visible alerts matching `f` (at most `max`), and of those among `ids` if given. */
export async function selectAlertIds(
  db: Db,
  f: AlertFilters & { ids?: string[] | undefined },
  max: number,
): Promise<string[]> {
  const c = conditions(f);
  const byIds = f.ids ? ` AND a.id = ANY(${c.param(f.ids)}::uuid[])` : '';
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM (${SELECT}${c.sql}${byIds} ORDER BY a.updated_at DESC, a.id DESC LIMIT ${c.param(max)}) s`,
    c.params,
  );
  return rows.map((r) => r.id);
}

export interface EventView {
  id: string;
  externalId: string;
  status: string;
  severity: string | null;
  errorCode: string | null;
  message: string | null;
  occurredAt: Date;
  receivedAt: Date;
  move: string;
}

/** The alert's latest events, newest first (by when they happened at the vendor). */
export async function latestEvents(db: Db, alertId: string, limit: number): Promise<EventView[]> {
  const rows = await db.query<{
    id: string;
    external_id: string;
    status: string;
    severity: string | null;
    error_code: string | null;
    message: string | null;
    occurred_at: Date;
    received_at: Date;
    move: string;
  }>(
    `SELECT id, external_id, status, severity, error_code, message, occurred_at, received_at, move
       FROM events WHERE alert_id = $1 ORDER BY occurred_at DESC, received_at DESC, id DESC LIMIT $2`,
    [alertId, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    status: r.status,
    severity: r.severity,
    errorCode: r.error_code,
    message: r.message,
    occurredAt: r.occurred_at,
    receivedAt: r.received_at,
    move: r.move,
  }));
}
