// The vendor's usage: the latest snapshot per organization × plan, and what it is compared with.
import type { Db } from './db.ts';

export interface UsageRow {
  organizationId: string;
  planId: string;
  quantity: number;
  asOf: Date;
  /** The as-of of the last change of quantity. */
  changedAsOf: Date;
  changedAt: Date;
}

interface Row {
  organization_id: string;
  plan_id: string;
  quantity: string | number;
  as_of: Date;
  changed_as_of: Date;
  changed_at: Date;
}

const toUsage = (r: Row): UsageRow => ({
  organizationId: r.organization_id,
  planId: r.plan_id,
  quantity: Number(r.quantity),
  asOf: r.as_of,
  changedAsOf: r.changed_as_of,
  changedAt: r.changed_at,
});

/** The stored usage of these organizations, locked for the caller's transaction. */
export async function lockUsage(db: Db, organizationIds: string[]): Promise<UsageRow[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db.query<Row>('SELECT * FROM usage WHERE organization_id = ANY($1::uuid[]) FOR UPDATE', [
    organizationIds,
  ]);
  return rows.map(toUsage);
}

/** Write these snapshots (already decided to be newer than what is stored), in one statement. */
export async function saveUsage(
  db: Db,
  rows: { organizationId: string; planId: string; quantity: number; asOf: Date; changed: boolean }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO usage (organization_id, plan_id, quantity, as_of, changed_as_of)
     SELECT o, p, q, a, a FROM unnest($1::uuid[], $2::uuid[], $3::numeric[], $4::timestamptz[])
       AS t(o, p, q, a)
     ON CONFLICT (organization_id, plan_id) DO UPDATE SET
       quantity = excluded.quantity,
       as_of = excluded.as_of,
       changed_as_of = CASE WHEN usage.quantity = excluded.quantity THEN usage.changed_as_of ELSE excluded.as_of END,
       changed_at = CASE WHEN usage.quantity = excluded.quantity THEN usage.changed_at ELSE now() END`,
    [
      rows.map((r) => r.organizationId),
      rows.map((r) => r.planId),
      rows.map((r) => r.quantity),
      rows.map((r) => r.asOf.toISOString()),
    ],
  );
}

/** An organization's usage with each plan's name and unit. */
export async function usageOf(db: Db, organizationId: string) {
  const rows = await db.query<Row & { external_id: string; name: string; unit: string | null }>(
    `SELECT u.*, p.external_id, p.name, p.unit FROM usage u JOIN plans p ON p.id = u.plan_id
      WHERE u.organization_id = $1 ORDER BY p.name, p.id`,
    [organizationId],
  );
  return rows.map((r) => ({
    ...toUsage(r),
    plan: { id: r.plan_id, externalId: r.external_id, name: r.name, unit: r.unit },
  }));
}
