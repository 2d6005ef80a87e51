// Plan → PSA product, per connection. A plan may be linked on several connections (several PSAs);
// a partner links the plans assigned to it.
import type { Db } from './db.ts';

export interface PlanLink {
  planId: string;
  connectionId: string;
  productId: string;
  productName: string;
  productCode: string | null;
  /** The PSA marked the product inactive when it was mapped (mapped anyway, on purpose). */
  productInactive: boolean;
  updatedAt: Date;
}

interface PlanLinkRow {
  plan_id: string;
  connection_id: string;
  product_id: string;
  product_name: string;
  product_code: string | null;
  product_inactive: boolean;
  updated_at: Date;
}

const toLink = (r: PlanLinkRow): PlanLink => ({
  planId: r.plan_id,
  connectionId: r.connection_id,
  productId: r.product_id,
  productName: r.product_name,
  productCode: r.product_code,
  productInactive: r.product_inactive,
  updatedAt: r.updated_at,
});

export async function isPlanAssigned(db: Db, partnerId: string, planId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM partner_plans WHERE partner_id = $1 AND plan_id = $2', [
    partnerId,
    planId,
  ]);
  return rows.length > 0;
}

export async function setPlanLink(
  db: Db,
  link: {
    planId: string;
    connectionId: string;
    productId: string;
    productName: string;
    productCode: string | null;
    productInactive: boolean;
  },
): Promise<PlanLink> {
  const [row] = await db.query<PlanLinkRow>(
    `INSERT INTO plan_links (plan_id, connection_id, product_id, product_name, product_code, product_inactive)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (plan_id, connection_id) DO UPDATE
       SET product_id = $3, product_name = $4, product_code = $5, product_inactive = $6, updated_at = now()
     RETURNING *`,
    [
      link.planId,
      link.connectionId,
      link.productId,
      link.productName,
      link.productCode,
      link.productInactive,
    ],
  );
  return toLink(row!);
}

export async function deletePlanLink(db: Db, planId: string, connectionId: string): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM plan_links WHERE plan_id = $1 AND connection_id = $2 RETURNING 1',
    [planId, connectionId],
  );
  return rows.length > 0;
}

/** The plans assigned to `partnerId`, each with its link on `connectionId` (null when unmapped). */
export async function planLinksOf(db: Db, partnerId: string, connectionId: string) {
  const rows = await db.query<PlanLinkRow & { id: string; external_id: string; name: string }>(
    `SELECT pl.id, pl.external_id, pl.name, l.plan_id, l.connection_id, l.product_id, l.product_name,
            l.product_code, l.product_inactive, l.updated_at
       FROM partner_plans pp JOIN plans pl ON pl.id = pp.plan_id
       LEFT JOIN plan_links l ON l.plan_id = pl.id AND l.connection_id = $2
      WHERE pp.partner_id = $1 ORDER BY pl.name, pl.id`,
    [partnerId, connectionId],
  );
  return rows.map((r) => ({
    plan: { id: r.id, externalId: r.external_id, name: r.name },
    link: r.product_id === null ? null : toLink(r),
  }));
}

/** A plan link's billing rules (only the fields set), or undefined when the plan is not linked. */
export async function planLinkRules(
  db: Db,
  planId: string,
  connectionId: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await db.query<{ billing_rules: Record<string, unknown> }>(
    'SELECT billing_rules FROM plan_links WHERE plan_id = $1 AND connection_id = $2',
    [planId, connectionId],
  );
  return row?.billing_rules;
}

export async function setPlanLinkRules(
  db: Db,
  planId: string,
  connectionId: string,
  rules: Record<string, unknown>,
): Promise<void> {
  await db.query(
    'UPDATE plan_links SET billing_rules = $3, updated_at = now() WHERE plan_id = $1 AND connection_id = $2',
    [planId, connectionId, JSON.stringify(rules)],
  );
}
