// Backup statistics from the vendor (sent with usage): the latest snapshot per organization, kept
// to be written on its PSA company at most daily by connections that chose fields for them.
import type { Db } from '../store/db.ts';
import { saveStats } from '../store/organization-stats.ts';
import { organizationsByExternalIds } from '../store/organizations.ts';
import { MAX_USAGE_SKEW_MS } from './ingest-usage.ts';

export interface IncomingStats {
  organizationId: string;
  protectedItems?: number | null | undefined;
  storageGb?: number | null | undefined;
  lastSuccessfulBackupAt?: string | null | undefined;
  asOf: string;
}

export interface StatsReply {
  accepted: number;
  stale: number;
  rejected: number;
  results: { index: number; status: 'accepted' | 'stale' | 'rejected'; reason?: string }[];
}

export async function ingestStats(db: Db, items: IncomingStats[], now = new Date()): Promise<StatsReply> {
  const results: StatsReply['results'] = items.map((_, index) => ({ index, status: 'accepted' }));
  const orgs = await organizationsByExternalIds(db, [...new Set(items.map((i) => i.organizationId))]);
  // The newest snapshot per organization in the batch.
  const latest = new Map<string, { index: number; item: IncomingStats; orgId: string }>();
  items.forEach((item, index) => {
    const r = results[index]!;
    const org = orgs.get(item.organizationId);
    if (!org)
      return Object.assign(r, {
        status: 'rejected',
        reason: `organizationId: no organization "${item.organizationId}"`,
      });
    if (Date.parse(item.asOf) > now.getTime() + MAX_USAGE_SKEW_MS)
      return Object.assign(r, { status: 'rejected', reason: 'asOf: more than 10 minutes in the future' });
    const before = latest.get(org.id);
    if (before && Date.parse(before.item.asOf) > Date.parse(item.asOf))
      return Object.assign(r, { status: 'stale', reason: 'a newer snapshot is in this batch' });
    if (before)
      Object.assign(results[before.index]!, {
        status: 'stale',
        reason: `replaced by item ${index} of this batch`,
      });
    latest.set(org.id, { index, item, orgId: org.id });
  });
  const older = await saveStats(
    db,
    [...latest.values()].map(({ item, orgId }) => ({
      organizationId: orgId,
      protectedItems: item.protectedItems ?? null,
      storageGb: item.storageGb ?? null,
      lastSuccessAt: item.lastSuccessfulBackupAt ?? null,
      asOf: item.asOf,
    })),
  );
  for (const { index, orgId } of latest.values())
    if (older.has(orgId))
      Object.assign(results[index]!, { status: 'stale', reason: 'newer statistics are stored' });
  const counts = { accepted: 0, stale: 0, rejected: 0 };
  for (const r of results) counts[r.status]++;
  return { ...counts, results };
}
