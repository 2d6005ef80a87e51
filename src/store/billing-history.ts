// Billing as partners read it afterwards: an organization's history of billing writes (before →
// after, who or what approved it, the PSA's answer), and a partner's billed lines for its report.
import type { Db } from './db.ts';

export interface HistoryEntry {
  changeSetId: string;
  at: Date;
  connection: { id: string; name: string; kind: string };
  companyName: string;
  plan: { id: string; name: string };
  target: string;
  before: number | null;
  after: number | null;
  fields: Record<string, unknown> | null;
  outcome: 'ok' | 'failed';
  answer: string | null;
  approvedHow: string | null;
  approvedBy: string | null;
  cause: string;
}

interface HistoryRow {
  change_set_id: string;
  written_at: Date;
  connection_id: string;
  connection_name: string;
  connection_kind: string;
  company_name: string;
  plan_id: string;
  plan_name: string;
  target_label: string;
  current_quantity: string | null;
  after_quantity: string | null;
  write: Record<string, unknown> | null;
  outcome: 'ok' | 'failed';
  answer: string | null;
  decided_how: string | null;
  decided_by_email: string | null;
  cause: string;
}

const num = (v: string | null) => (v === null ? null : Number(v));

/** The organization's billing writes, newest first (every link it had, so relinks keep history). */
export async function billingHistory(db: Db, organizationId: string, limit: number): Promise<HistoryEntry[]> {
  const rows = await db.query<HistoryRow>(
    `SELECT l.change_set_id, l.written_at, s.connection_id, c.name AS connection_name, c.kind AS connection_kind,
            ol.company_name, l.plan_id, p.name AS plan_name, l.target_label, l.current_quantity,
            l.after_quantity, l.write, l.outcome, l.answer, s.decided_how, u.email AS decided_by_email, s.cause
       FROM billing_change_lines l
       JOIN billing_change_sets s ON s.id = l.change_set_id
       JOIN connections c ON c.id = s.connection_id
       JOIN org_links ol ON ol.id = s.link_id
       JOIN plans p ON p.id = l.plan_id
       LEFT JOIN users u ON u.id = s.decided_by
      WHERE s.organization_id = $1 AND l.outcome IS NOT NULL
      ORDER BY l.written_at DESC, l.target_id LIMIT $2`,
    [organizationId, limit],
  );
  return rows.map((r) => ({
    changeSetId: r.change_set_id,
    at: r.written_at,
    connection: { id: r.connection_id, name: r.connection_name, kind: r.connection_kind },
    companyName: r.company_name,
    plan: { id: r.plan_id, name: r.plan_name },
    target: r.target_label,
    before: num(r.current_quantity),
    after: num(r.after_quantity),
    fields: r.write,
    outcome: r.outcome,
    answer: r.answer,
    approvedHow: r.decided_how,
    approvedBy: r.decided_by_email,
    cause: r.cause,
  }));
}

export interface ReportLine {
  organization: string;
  organizationExternalId: string;
  partner: string;
  connection: string;
  psa: string;
  company: string;
  plan: string;
  unit: string | null;
  product: string | null;
  target: string;
  usage: number | null;
  usageAsOf: Date | null;
  quantity: number | null;
  unitPrice: number | null;
  lastWrittenAt: Date | null;
}

/** Every billed line of the organizations within `path` (a partner and its sub-resellers). */
export async function* reportLines(db: Db, path: string, pageSize = 1000): AsyncGenerator<ReportLine[]> {
  let after = '';
  for (;;) {
    const rows = await db.query<{
      k: string;
      organization: string;
      external_id: string;
      partner: string;
      connection: string;
      psa: string;
      company: string;
      plan: string;
      unit: string | null;
      product: string | null;
      target: string;
      usage: string | null;
      usage_as_of: Date | null;
      quantity: string | null;
      unit_price: string | null;
      written_at: Date | null;
    }>(
      `SELECT o.name || '/' || o.id || '/' || p.id AS k, o.name AS organization, o.external_id,
              pa.name AS partner, c.name AS connection, c.kind AS psa, l.company_name AS company,
              p.name AS plan, p.unit, pl.product_name AS product, b.target_label AS target,
              u.quantity AS usage, u.changed_as_of AS usage_as_of, b.written_quantity AS quantity,
              coalesce(b.rules->>'unitPrice', pl.billing_rules->>'unitPrice') AS unit_price, b.written_at
         FROM org_links l
         JOIN organizations o ON o.id = l.organization_id
         JOIN partners pa ON pa.id = o.partner_id
         JOIN connections c ON c.id = l.connection_id
         JOIN org_link_billing b ON b.link_id = l.id
         JOIN plans p ON p.id = b.plan_id
         LEFT JOIN plan_links pl ON pl.plan_id = b.plan_id AND pl.connection_id = l.connection_id
         LEFT JOIN usage u ON u.organization_id = o.id AND u.plan_id = b.plan_id
        WHERE l.unlinked_at IS NULL AND pa.path LIKE $1 || '%'
          AND o.name || '/' || o.id || '/' || p.id > $2
        ORDER BY k LIMIT $3`,
      [path, after, pageSize],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      organization: r.organization,
      organizationExternalId: r.external_id,
      partner: r.partner,
      connection: r.connection,
      psa: r.psa,
      company: r.company,
      plan: r.plan,
      unit: r.unit,
      product: r.product,
      target: r.target,
      usage: num(r.usage),
      usageAsOf: r.usage_as_of,
      quantity: num(r.quantity),
      unitPrice: num(r.unit_price),
      lastWrittenAt: r.written_at,
    }));
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.k;
  }
}
