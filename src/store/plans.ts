// The vendor's plans (products it sells) and which partners may sell each.
import type { Db } from './db.ts';
import { afterCursor, toPage, type Page, type PageQuery } from './paging.ts';
import type { UpsertStatus } from './upsert-status.ts';

export interface Plan {
  id: string;
  externalId: string;
  name: string;
  unit: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface PlanRow {
  id: string;
  external_id: string;
  name: string;
  unit: string | null;
  created_at: Date;
  updated_at: Date;
}

const toPlan = (r: PlanRow): Plan => ({
  id: r.id,
  externalId: r.external_id,
  name: r.name,
  unit: r.unit,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function upsertPlan(
  db: Db,
  externalId: string,
  input: { name: string; unit?: string | null | undefined },
): Promise<{ status: UpsertStatus; plan: Plan }> {
  const unit = input.unit ?? null;
  const [existing] = await db.query<PlanRow>('SELECT * FROM plans WHERE external_id = $1 FOR UPDATE', [
    externalId,
  ]);
  if (existing && existing.name === input.name && existing.unit === unit) {
    return { status: 'unchanged', plan: toPlan(existing) };
  }
  const [row] = await db.query<PlanRow>(
    `INSERT INTO plans (external_id, name, unit) VALUES ($1, $2, $3)
     ON CONFLICT (external_id) DO UPDATE SET name = $2, unit = $3, updated_at = now() RETURNING *`,
    [externalId, input.name, unit],
  );
  return { status: existing ? 'updated' : 'created', plan: toPlan(row!) };
}

export async function findPlansByExternalIds(db: Db, externalIds: readonly string[]): Promise<Plan[]> {
  const rows = await db.query<PlanRow>('SELECT * FROM plans WHERE external_id = ANY($1::text[])', [
    externalIds,
  ]);
  return rows.map(toPlan);
}

/** Replace the set of plans assigned to a partner. */
export async function setPartnerPlans(
  db: Db,
  partnerId: string,
  planIds: readonly string[],
): Promise<UpsertStatus> {
  const current = await db.query<{ plan_id: string }>(
    'SELECT plan_id FROM partner_plans WHERE partner_id = $1',
    [partnerId],
  );
  const before = new Set(current.map((r) => r.plan_id));
  const after = new Set(planIds);
  if (before.size === after.size && [...after].every((id) => before.has(id))) return 'unchanged';
  await db.query('DELETE FROM partner_plans WHERE partner_id = $1 AND NOT (plan_id = ANY($2::uuid[]))', [
    partnerId,
    [...after],
  ]);
  await db.query(
    `INSERT INTO partner_plans (partner_id, plan_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [partnerId, [...after]],
  );
  return before.size === 0 ? 'created' : 'updated';
}

export async function partnerPlanIds(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db.query<{ external_id: string }>(
    `SELECT pl.external_id FROM partner_plans pp JOIN plans pl ON pl.id = pp.plan_id
      WHERE pp.partner_id = $1 ORDER BY pl.external_id`,
    [partnerId],
  );
  return rows.map((r) => r.external_id);
}

/**
 * Plans assigned to a partner within `withinPath` (every plan when null), by name. `partnerId`
 * narrows to the plans of one partner.
 */
export async function listPlans(
  db: Db,
  opts: PageQuery & { withinPath: string | null; q?: string | undefined; partnerId?: string | undefined },
): Promise<Page<Plan>> {
  const after = afterCursor(opts.cursor, 5);
  const rows = await db.query<PlanRow>(
    `SELECT pl.* FROM plans pl
      WHERE (($1::text IS NULL AND $4::uuid IS NULL) OR EXISTS (
              SELECT 1 FROM partner_plans pp JOIN partners p ON p.id = pp.partner_id
               WHERE pp.plan_id = pl.id AND p.path LIKE coalesce($1, '/') || '%'
                 AND ($4::uuid IS NULL OR p.id = $4)))
        AND ($2::text IS NULL OR pl.name ILIKE $2 OR pl.external_id ILIKE $2)
        AND ${after.sql.replace('(name, id)', '(pl.name, pl.id)')}
      ORDER BY pl.name, pl.id LIMIT $3`,
    [opts.withinPath, opts.q ? `%${opts.q}%` : null, opts.limit + 1, opts.partnerId ?? null, ...after.params],
  );
  return toPage(rows.map(toPlan), opts.limit);
}

export async function getPlan(db: Db, id: string, withinPath: string | null): Promise<Plan | undefined> {
  const [row] = await db.query<PlanRow>(
    `SELECT pl.* FROM plans pl WHERE pl.id = $1 AND ($2::text IS NULL OR EXISTS (
       SELECT 1 FROM partner_plans pp JOIN partners p ON p.id = pp.partner_id
        WHERE pp.plan_id = pl.id AND p.path LIKE $2 || '%'))`,
    [id, withinPath],
  );
  return row && toPlan(row);
}
