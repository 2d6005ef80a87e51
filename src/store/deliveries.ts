// The event log as partners read it: deliveries (PSA write attempts) with the partner, connection,
// organization and alert they concern, filtered and paged newest first. A caller sees the deliveries
// of organizations owned within its part of the partner tree; the connection (and the partner that
// owns it) is named only when that partner is within the caller's part too.
import type { Db } from './db.ts';
import type { Page, PageQuery } from './paging.ts';
import { beforeCursor, microsKey, paramList, toTimePage } from './time-paging.ts';

export const deliveryOutcomes = ['ok', 'failed', 'dead'] as const;
export const deliveryActions = ['create', 'note', 'resolve', 'reopen', 'cancel', 'billing', 'stats'] as const;
export const psaKinds = ['connectwise', 'autotask', 'halopsa'] as const;

export interface DeliveryFilters {
  /** The caller's part of the tree (a path prefix), or null for everything. */
  withinPath: string | null;
  outcome?: (typeof deliveryOutcomes)[number] | undefined;
  psa?: (typeof psaKinds)[number] | undefined;
  organizationId?: string | undefined;
  connectionId?: string | undefined;
  alertId?: string | undefined;
  action?: (typeof deliveryActions)[number] | undefined;
  /** ISO time, inclusive. */
  from?: string | undefined;
  /** ISO time, exclusive. */
  to?: string | undefined;
  /** Text in the answer, organization name, ticket id, alert condition or resource. */
  q?: string | undefined;
}

export interface DeliveryView {
  id: string;
  timeKey: string;
  at: Date;
  partner: { id: string; name: string } | null;
  connection: { id: string; name: string; kind: string } | null;
  organization: { id: string; externalId: string; name: string };
  alertId: string | null;
  action: string;
  request: Record<string, unknown>;
  outcome: string;
  answer: string | null;
  durationMs: number;
  attempt: number;
  ticketId: string | null;
}

interface Row {
  id: string;
  time_key: string;
  at: Date;
  partner_id: string;
  partner_name: string;
  partner_visible: boolean;
  connection_id: string | null;
  connection_name: string | null;
  connection_kind: string | null;
  connection_visible: boolean | null;
  organization_id: string;
  org_external_id: string;
  org_name: string;
  alert_id: string | null;
  action: string;
  request: Record<string, unknown>;
  outcome: string;
  answer: string | null;
  duration_ms: number;
  attempt: number;
  ticket_id: string | null;
}

const toView = (r: Row): DeliveryView => ({
  id: r.id,
  timeKey: r.time_key,
  at: r.at,
  partner: r.partner_visible ? { id: r.partner_id, name: r.partner_name } : null,
  connection:
    r.connection_id && r.connection_visible
      ? { id: r.connection_id, name: r.connection_name!, kind: r.connection_kind! }
      : null,
  organization: { id: r.organization_id, externalId: r.org_external_id, name: r.org_name },
  alertId: r.alert_id,
  action: r.action,
  request: r.request,
  outcome: r.outcome,
  answer: r.answer,
  durationMs: r.duration_ms,
  attempt: r.attempt,
  ticketId: r.ticket_id,
});

/** The select list and joins every read shares; `$1` is the caller's path prefix (or null). */
const SELECT = `
  SELECT d.id, ${microsKey('d.at')} AS time_key, d.at, d.partner_id, dp.name AS partner_name,
         dp.path LIKE coalesce($1, '/') || '%' AS partner_visible,
         d.connection_id, c.name AS connection_name, c.kind AS connection_kind,
         cp.path LIKE coalesce($1, '/') || '%' AS connection_visible,
         d.organization_id, o.external_id AS org_external_id, o.name AS org_name,
         d.alert_id, d.action, d.request, d.outcome, d.answer, d.duration_ms, d.attempt, d.ticket_id
    FROM deliveries d
    JOIN organizations o ON o.id = d.organization_id
    JOIN partners op ON op.id = o.partner_id
    JOIN partners dp ON dp.id = d.partner_id
    LEFT JOIN connections c ON c.id = d.connection_id
    LEFT JOIN partners cp ON cp.id = c.partner_id
    LEFT JOIN alerts a ON a.id = d.alert_id
   WHERE op.path LIKE coalesce($1, '/') || '%'`;

/** The conditions of `f` (after the scope), with their parameters from `$2` on. */
function conditions(f: DeliveryFilters): { sql: string; params: unknown[]; param: (v: unknown) => string } {
  const { params, param } = paramList();
  param(f.withinPath);
  const where: string[] = [];
  if (f.outcome) where.push(`d.outcome = ${param(f.outcome)}`);
  if (f.psa) where.push(`c.kind = ${param(f.psa)}`);
  if (f.organizationId) where.push(`d.organization_id = ${param(f.organizationId)}::uuid`);
  if (f.connectionId) where.push(`d.connection_id = ${param(f.connectionId)}::uuid`);
  if (f.alertId) where.push(`d.alert_id = ${param(f.alertId)}::uuid`);
  if (f.action) where.push(`d.action = ${param(f.action)}`);
  if (f.from) where.push(`d.at >= ${param(f.from)}::timestamptz`);
  if (f.to) where.push(`d.at < ${param(f.to)}::timestamptz`);
  if (f.q) {
    const q = param(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(
      `(d.answer ILIKE ${q} OR o.name ILIKE ${q} OR d.ticket_id ILIKE ${q} OR a.condition ILIKE ${q} OR a.resource ILIKE ${q})`,
    );
  }
  return { sql: where.map((w) => ` AND ${w}`).join(''), params, param };
}

/** A page of deliveries, newest first. */
export async function listDeliveries(db: Db, f: DeliveryFilters & PageQuery): Promise<Page<DeliveryView>> {
  const c = conditions(f);
  const after = beforeCursor(f.cursor, 'd.at', 'd.id', c.param);
  const rows = await db.query<Row>(
    `${SELECT}${c.sql} AND ${after} ORDER BY d.at DESC, d.id DESC LIMIT ${c.param(f.limit + 1)}`,
    c.params,
  );
  return toTimePage(rows.map(toView), f.limit);
}

/** Every matching delivery up to `max`, newest first, read `chunk` rows at a time. */
export async function* allDeliveries(
  db: Db,
  f: DeliveryFilters,
  max: number,
  chunk = 1000,
): AsyncGenerator<DeliveryView[]> {
  let cursor: string | undefined;
  let left = max;
  while (left > 0) {
    const page = await listDeliveries(db, { ...f, limit: Math.min(chunk, left), cursor });
    if (page.items.length > 0) yield page.items;
    left -= page.items.length;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

export async function getDelivery(
  db: Db,
  id: string,
  withinPath: string | null,
): Promise<DeliveryView | undefined> {
  const [row] = await db.query<Row>(`${SELECT} AND d.id = $2`, [withinPath, id]);
  return row && toView(row);
}
