// Usage ingestion: the vendor's snapshots ("this organization uses this much of this plan now") in
// one transaction. A snapshot older than the stored one is stale, the same quantity is unchanged;
// a change marks the organization's billed link due on the on-change schedule (debounced).
import { debouncedDue } from '../core/billing-schedule.ts';
import { billedLinksOfOrganizations, setDue } from '../store/billing-lines.ts';
import { getConnection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import { organizationsByExternalIds } from '../store/organizations.ts';
import { findPlansByExternalIds } from '../store/plans.ts';
import { lockUsage, saveUsage } from '../store/usage.ts';
import { billingSettings } from './billing-settings.ts';

/** Snapshots dated further ahead than this are refused (a wrong clock or time zone). */
export const MAX_USAGE_SKEW_MS = 10 * 60_000;

export interface IncomingUsage {
  organizationId: string;
  planId: string;
  quantity: number;
  asOf: string;
}

export type UsageStatus = 'accepted' | 'unchanged' | 'stale' | 'rejected';

export interface UsageResult {
  index: number;
  status: UsageStatus;
  reason?: string;
}

export interface UsageReply {
  accepted: number;
  unchanged: number;
  stale: number;
  rejected: number;
  results: UsageResult[];
}

const threeDecimals = (q: number) => Math.abs(Math.round(q * 1000) - q * 1000) < 1e-6;

export async function ingestUsage(db: Db, items: IncomingUsage[], now = new Date()): Promise<UsageReply> {
  return db.transaction(async (tx) => {
    const results: UsageResult[] = items.map((_, index) => ({ index, status: 'accepted' }));
    const orgs = await organizationsByExternalIds(tx, [...new Set(items.map((i) => i.organizationId))]);
    const plans = new Map(
      (await findPlansByExternalIds(tx, [...new Set(items.map((i) => i.planId))])).map((p) => [
        p.externalId,
        p,
      ]),
    );
    const assigned = await assignedPairs(
      tx,
      [...orgs.values()].map((o) => o.partnerId),
    );
    const stored = new Map(
      (await lockUsage(tx, [...new Set([...orgs.values()].map((o) => o.id))])).map((u) => [
        `${u.organizationId}/${u.planId}`,
        u,
      ]),
    );
    // The newest snapshot per organization × plan in this batch, compared with what is stored.
    const latest = new Map<
      string,
      { quantity: number; asOf: Date; index: number; orgId: string; planId: string }
    >();
    items.forEach((item, index) => {
      const r = results[index]!;
      const org = orgs.get(item.organizationId);
      const plan = plans.get(item.planId);
      const asOf = new Date(item.asOf);
      const reject = (reason: string) => Object.assign(r, { status: 'rejected', reason });
      if (!org) return reject(`organizationId: no organization "${item.organizationId}"`);
      if (!plan) return reject(`planId: no plan "${item.planId}"`);
      if (!assigned.has(`${org.partnerId}/${plan.id}`))
        return reject(`planId: plan "${item.planId}" is not assigned to the organization's partner`);
      if (!threeDecimals(item.quantity)) return reject('quantity: at most 3 decimals');
      if (asOf.getTime() > now.getTime() + MAX_USAGE_SKEW_MS)
        return reject('asOf: more than 10 minutes in the future');
      const key = `${org.id}/${plan.id}`;
      const before = latest.get(key) ?? stored.get(key);
      if (before && before.asOf > asOf)
        return Object.assign(r, {
          status: 'stale',
          reason: `newer usage as of ${before.asOf.toISOString()} is stored`,
        });
      if (before && before.quantity === item.quantity) r.status = 'unchanged';
      const previous = latest.get(key);
      if (previous && results[previous.index]!.status === 'accepted' && item.quantity !== previous.quantity) {
        // A later snapshot of the same pair in one batch replaces the earlier one.
        results[previous.index]!.status = 'stale';
        results[previous.index]!.reason = `replaced by item ${index} of this batch`;
      }
      latest.set(key, { quantity: item.quantity, asOf, index, orgId: org.id, planId: plan.id });
    });
    const writes = [...latest.values()].map((l) => ({
      organizationId: l.orgId,
      planId: l.planId,
      quantity: l.quantity,
      asOf: l.asOf,
      changed: stored.get(`${l.orgId}/${l.planId}`)?.quantity !== l.quantity,
    }));
    await saveUsage(tx, writes);
    const changedOrgs = [...new Set(writes.filter((w) => w.changed).map((w) => w.organizationId))];
    const waiting = await markDue(tx, changedOrgs, now);
    for (const l of latest.values()) {
      const r = results[l.index]!;
      if (r.status === 'accepted' && waiting.has(l.orgId))
        r.reason = `kept; billing waits: ${waiting.get(l.orgId)}`;
    }
    const counts = { accepted: 0, unchanged: 0, stale: 0, rejected: 0 };
    for (const r of results) counts[r.status]++;
    return { ...counts, results };
  });
}

/** `partnerId/planId` of every plan assigned to these partners. */
async function assignedPairs(db: Db, partnerIds: string[]): Promise<Set<string>> {
  if (partnerIds.length === 0) return new Set();
  const rows = await db.query<{ partner_id: string; plan_id: string }>(
    'SELECT partner_id, plan_id FROM partner_plans WHERE partner_id = ANY($1::uuid[])',
    [[...new Set(partnerIds)]],
  );
  return new Set(rows.map((r) => `${r.partner_id}/${r.plan_id}`));
}

/**
 * The billed links of organizations whose usage changed fall due on the on-change schedule
 * (debounced from now). Answers, per organization that cannot bill yet, why.
 */
async function markDue(db: Db, organizationIds: string[], now: Date): Promise<Map<string, string>> {
  const links = await billedLinksOfOrganizations(db, organizationIds);
  const rows: { linkId: string; connectionId: string; dueAt: Date | null }[] = [];
  const settingsOf = new Map<string, ReturnType<typeof billingSettings> | null>();
  for (const l of links) {
    if (!settingsOf.has(l.connectionId)) {
      const c = await getConnection(db, l.connectionId);
      settingsOf.set(l.connectionId, c && c.status !== 'revoked' ? billingSettings(c) : null);
    }
    const s = settingsOf.get(l.connectionId);
    if (s && s.mode !== 'off' && s.schedule.kind === 'on_change')
      rows.push({ linkId: l.linkId, connectionId: l.connectionId, dueAt: debouncedDue(s.schedule, now) });
  }
  await setDue(db, rows);
  const linked = new Set(links.map((l) => l.organizationId));
  const waiting = new Map<string, string>();
  for (const id of organizationIds)
    if (!linked.has(id))
      waiting.set(id, 'the organization is not linked to a PSA company with a billing record');
  const skipped = await db.query<{ id: string }>(
    'SELECT id FROM organizations WHERE id = ANY($1::uuid[]) AND skipped_at IS NOT NULL',
    [organizationIds],
  );
  for (const s of skipped) waiting.set(s.id, 'the integration is turned off for this organization');
  return waiting;
}
