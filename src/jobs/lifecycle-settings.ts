// The four ticket settings the alert lifecycle reads at ingestion (repeat-note interval,
// auto-resolve, reopen window, technician-closed choice), resolved down the same levels as every
// ticket setting but without pick lists, and kept briefly per organization so a burst of events
// costs no look-ups.
import { defaultLifecycleSettings, type LifecycleSettings } from '../core/alert-lifecycle.ts';
import { getConnection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import { currentLink } from '../store/org-links.ts';
import { getPartner } from '../store/partners.ts';
import {
  getConnectionSettings,
  getOrganizationSettings,
  partnerChainDefaults,
  type StoredFields,
} from '../store/ticket-settings.ts';

const TTL_MS = 30_000;
const cache = new Map<string, { until: number; value: LifecycleSettings }>();

function pick(levels: StoredFields[]): LifecycleSettings {
  const first = <K extends keyof LifecycleSettings>(name: K): LifecycleSettings[K] => {
    for (const l of levels)
      if (l[name] !== undefined && l[name] !== null) return l[name] as LifecycleSettings[K];
    return defaultLifecycleSettings[name];
  };
  return {
    repeatNoteMinutes: first('repeatNoteMinutes'),
    autoResolve: first('autoResolve'),
    reopenWindowMinutes: first('reopenWindowMinutes'),
    technicianClosed: first('technicianClosed'),
  };
}

async function read(db: Db, organizationId: string): Promise<LifecycleSettings> {
  const link = await currentLink(db, organizationId);
  const connection = link && (await getConnection(db, link.connectionId));
  if (!link || !connection) return defaultLifecycleSettings;
  const partner = await getPartner(db, connection.partnerId);
  const [org, own, chain] = await Promise.all([
    getOrganizationSettings(db, organizationId, connection.id),
    getConnectionSettings(db, connection.id),
    partner ? partnerChainDefaults(db, partner.path, connection.kind) : [],
  ]);
  return pick([org?.fields ?? {}, own?.fields ?? {}, ...chain.map((c) => c.fields)]);
}

export async function lifecycleSettingsFor(db: Db, organizationId: string, now = Date.now()) {
  const hit = cache.get(organizationId);
  if (hit && hit.until > now) return hit.value;
  const value = await read(db, organizationId);
  cache.set(organizationId, { until: now + TTL_MS, value });
  return value;
}

/** After a save of ticket settings: read them again on the next event (in this process). */
export function forgetLifecycleSettings(): void {
  cache.clear();
}
