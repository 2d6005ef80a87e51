// What the billing reconciler reads per organization link: each billed plan with its target, its
// rules (plan link, then the organization link's overrides), the vendor's usage, and what the hub
// last wrote there; and what it writes back: the intent before a PSA write, the value after.
import type { Db } from './db.ts';

export interface BillingLineRow {
  linkId: string;
  organizationId: string;
  organizationName: string;
  connectionId: string;
  partnerId: string;
  companyId: string;
  companyName: string;
  planId: string;
  planName: string;
  planUnit: string | null;
  productName: string | null;
  targetId: string;
  targetLabel: string;
  planRules: Record<string, unknown>;
  overrideRules: Record<string, unknown>;
  usage: { quantity: number; changedAsOf: Date } | null;
  writtenQuantity: number | null;
  writtenAt: Date | null;
  intentQuantity: number | null;
}

interface Row {
  link_id: string;
  organization_id: string;
  organization_name: string;
  connection_id: string;
  partner_id: string;
  company_id: string;
  company_name: string;
  plan_id: string;
  plan_name: string;
  plan_unit: string | null;
  product_name: string | null;
  target_id: string;
  target_label: string;
  plan_rules: Record<string, unknown> | null;
  rules: Record<string, unknown>;
  usage_quantity: string | null;
  changed_as_of: Date | null;
  written_quantity: string | null;
  written_at: Date | null;
  intent_quantity: string | null;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

const SELECT = `
  SELECT l.id AS link_id, l.organization_id, o.name AS organization_name, l.connection_id,
         o.partner_id, l.company_id, l.company_name, b.plan_id, p.name AS plan_name,
         p.unit AS plan_unit, pl.product_name, b.target_id, b.target_label,
         pl.billing_rules AS plan_rules, b.rules, u.quantity AS usage_quantity, u.changed_as_of,
         b.written_quantity, b.written_at, b.intent_quantity
    FROM org_links l
    JOIN organizations o ON o.id = l.organization_id
    JOIN org_link_billing b ON b.link_id = l.id
    JOIN plans p ON p.id = b.plan_id
    LEFT JOIN plan_links pl ON pl.plan_id = b.plan_id AND pl.connection_id = l.connection_id
    LEFT JOIN usage u ON u.organization_id = l.organization_id AND u.plan_id = b.plan_id`;

const toLine = (r: Row): BillingLineRow => ({
  linkId: r.link_id,
  organizationId: r.organization_id,
  organizationName: r.organization_name,
  connectionId: r.connection_id,
  partnerId: r.partner_id,
  companyId: r.company_id,
  companyName: r.company_name,
  planId: r.plan_id,
  planName: r.plan_name,
  planUnit: r.plan_unit,
  productName: r.product_name,
  targetId: r.target_id,
  targetLabel: r.target_label,
  planRules: r.plan_rules ?? {},
  overrideRules: r.rules ?? {},
  usage:
    r.usage_quantity === null ? null : { quantity: Number(r.usage_quantity), changedAsOf: r.changed_as_of! },
  writtenQuantity: num(r.written_quantity),
  writtenAt: r.written_at,
  intentQuantity: num(r.intent_quantity),
});

/** The billed lines of these open links (of organizations not skipped), by link. */
export async function billingLinesOf(db: Db, linkIds: string[]): Promise<Map<string, BillingLineRow[]>> {
  const out = new Map<string, BillingLineRow[]>();
  if (linkIds.length === 0) return out;
  const rows = await db.query<Row>(
    `${SELECT}
      WHERE l.id = ANY($1::uuid[]) AND l.unlinked_at IS NULL AND o.skipped_at IS NULL
      ORDER BY l.id, p.name, b.plan_id`,
    [linkIds],
  );
  for (const r of rows) {
    const line = toLine(r);
    out.set(line.linkId, [...(out.get(line.linkId) ?? []), line]);
  }
  return out;
}

/** Open links of a connection that bill something (optionally one organization's), in a stable order. */
export async function billedLinkIds(
  db: Db,
  connectionId: string,
  organizationId: string | null = null,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT l.id FROM org_links l JOIN organizations o ON o.id = l.organization_id
      WHERE l.connection_id = $1 AND l.unlinked_at IS NULL AND o.skipped_at IS NULL
        AND ($2::uuid IS NULL OR l.organization_id = $2)
        AND EXISTS (SELECT 1 FROM org_link_billing b WHERE b.link_id = l.id)
      ORDER BY l.id`,
    [connectionId, organizationId],
  );
  return rows.map((r) => r.id);
}

/** Before a PSA write: the value the hub is about to write (a crash leaves it, the next run sees it). */
export async function recordIntent(db: Db, linkId: string, planId: string, quantity: number): Promise<void> {
  await db.query('UPDATE org_link_billing SET intent_quantity = $3 WHERE link_id = $1 AND plan_id = $2', [
    linkId,
    planId,
    quantity,
  ]);
}

/** After a PSA write: what the PSA now holds, as the hub's last written value. */
export async function recordWritten(
  db: Db,
  linkId: string,
  planId: string,
  quantity: number,
  at: Date,
): Promise<void> {
  await db.query(
    `UPDATE org_link_billing SET written_quantity = $3, written_at = $4, intent_quantity = NULL
      WHERE link_id = $1 AND plan_id = $2`,
    [linkId, planId, quantity, at.toISOString()],
  );
}

/** The on-change schedule: these links are due at these times (null: not due). */
export async function setDue(
  db: Db,
  rows: { linkId: string; connectionId: string; dueAt: Date | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO billing_due (link_id, connection_id, due_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])
     ON CONFLICT (link_id) DO UPDATE SET due_at = excluded.due_at`,
    [
      rows.map((r) => r.linkId),
      rows.map((r) => r.connectionId),
      rows.map((r) => r.dueAt?.toISOString() ?? null),
    ],
  );
}

/** Connections with links due by `now`. */
export async function connectionsDue(db: Db, now: Date): Promise<string[]> {
  const rows = await db.query<{ connection_id: string }>(
    'SELECT DISTINCT connection_id FROM billing_due WHERE due_at <= $1',
    [now.toISOString()],
  );
  return rows.map((r) => r.connection_id);
}

/** A connection's links due by `now`. */
export async function dueLinkIds(db: Db, connectionId: string, now: Date): Promise<string[]> {
  const rows = await db.query<{ link_id: string }>(
    'SELECT link_id FROM billing_due WHERE connection_id = $1 AND due_at <= $2 ORDER BY link_id',
    [connectionId, now.toISOString()],
  );
  return rows.map((r) => r.link_id);
}

/** The open, billed links of these organizations, with their connection. */
export async function billedLinksOfOrganizations(
  db: Db,
  organizationIds: string[],
): Promise<{ linkId: string; connectionId: string; organizationId: string }[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db.query<{ id: string; connection_id: string; organization_id: string }>(
    `SELECT l.id, l.connection_id, l.organization_id FROM org_links l
      WHERE l.organization_id = ANY($1::uuid[]) AND l.unlinked_at IS NULL
        AND EXISTS (SELECT 1 FROM org_link_billing b WHERE b.link_id = l.id)`,
    [organizationIds],
  );
  return rows.map((r) => ({
    linkId: r.id,
    connectionId: r.connection_id,
    organizationId: r.organization_id,
  }));
}

/** An organization link's own rules for one plan (only the fields set there). */
export async function setLinkRules(
  db: Db,
  linkId: string,
  planId: string,
  rules: Record<string, unknown>,
): Promise<boolean> {
  const rows = await db.query(
    'UPDATE org_link_billing SET rules = $3 WHERE link_id = $1 AND plan_id = $2 RETURNING 1',
    [linkId, planId, JSON.stringify(rules)],
  );
  return rows.length > 0;
}

/** Links of a connection with an approved change set waiting to be written. */
export async function approvedLinkIds(db: Db, connectionId: string): Promise<string[]> {
  const rows = await db.query<{ link_id: string }>(
    `SELECT link_id FROM billing_change_sets WHERE connection_id = $1 AND state = 'approved' ORDER BY link_id`,
    [connectionId],
  );
  return rows.map((r) => r.link_id);
}
