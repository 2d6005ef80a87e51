// The vendor's backup statistics per organization (protected items, storage, last successful
// backup), and what the hub last wrote of them on the PSA company.
import type { Db } from './db.ts';

export interface OrganizationStats {
  organizationId: string;
  protectedItems: number | null;
  storageGb: number | null;
  lastSuccessAt: Date | null;
  asOf: Date;
  written: Record<string, string | number | null> | null;
  writtenAt: Date | null;
}

interface Row {
  organization_id: string;
  protected_items: number | null;
  storage_gb: string | null;
  last_success_at: Date | null;
  as_of: Date;
  written: Record<string, string | number | null> | null;
  written_at: Date | null;
}

const toStats = (r: Row): OrganizationStats => ({
  organizationId: r.organization_id,
  protectedItems: r.protected_items,
  storageGb: r.storage_gb === null ? null : Number(r.storage_gb),
  lastSuccessAt: r.last_success_at,
  asOf: r.as_of,
  written: r.written,
  writtenAt: r.written_at,
});

export interface StatsInput {
  organizationId: string;
  protectedItems: number | null;
  storageGb: number | null;
  lastSuccessAt: string | null;
  asOf: string;
}

/** Store snapshots newer than what is stored; answers the organization ids whose snapshot was older. */
export async function saveStats(db: Db, rows: StatsInput[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const kept = await db.query<{ organization_id: string }>(
    `INSERT INTO organization_stats (organization_id, protected_items, storage_gb, last_success_at, as_of)
     SELECT * FROM unnest($1::uuid[], $2::integer[], $3::numeric[], $4::timestamptz[], $5::timestamptz[])
     ON CONFLICT (organization_id) DO UPDATE SET
       protected_items = excluded.protected_items, storage_gb = excluded.storage_gb,
       last_success_at = excluded.last_success_at, as_of = excluded.as_of
       WHERE organization_stats.as_of <= excluded.as_of
     RETURNING organization_id`,
    [
      rows.map((r) => r.organizationId),
      rows.map((r) => r.protectedItems),
      rows.map((r) => r.storageGb),
      rows.map((r) => r.lastSuccessAt),
      rows.map((r) => r.asOf),
    ],
  );
  const stored = new Set(kept.map((k) => k.organization_id));
  return new Set(rows.map((r) => r.organizationId).filter((id) => !stored.has(id)));
}

/** The statistics of organizations linked on the connection, with their company. */
export async function statsOfConnection(
  db: Db,
  connectionId: string,
): Promise<(OrganizationStats & { linkId: string; companyId: string; partnerId: string })[]> {
  const rows = await db.query<Row & { link_id: string; company_id: string; partner_id: string }>(
    `SELECT s.*, l.id AS link_id, l.company_id, o.partner_id FROM organization_stats s
       JOIN org_links l ON l.organization_id = s.organization_id AND l.unlinked_at IS NULL
       JOIN organizations o ON o.id = s.organization_id
      WHERE l.connection_id = $1 AND o.skipped_at IS NULL ORDER BY s.organization_id`,
    [connectionId],
  );
  return rows.map((r) => ({
    ...toStats(r),
    linkId: r.link_id,
    companyId: r.company_id,
    partnerId: r.partner_id,
  }));
}

export async function recordStatsWritten(
  db: Db,
  organizationId: string,
  written: Record<string, string | number | null>,
): Promise<void> {
  await db.query(
    'UPDATE organization_stats SET written = $2, written_at = now() WHERE organization_id = $1',
    [organizationId, JSON.stringify(written)],
  );
}
