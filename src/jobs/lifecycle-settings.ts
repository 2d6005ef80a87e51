// The ticket settings the alert lifecycle reads at ingestion (repeat-note interval, auto-resolve,
// reopen window, technician-closed choice, and which failures open a ticket: minimum severity and
// conditions switched off, with where each was set), resolved down the same levels as every
// ticket setting but without pick lists, and kept briefly per organization so a burst of events
// costs no look-ups.
import {
  defaultLifecycleSettings,
  type AlertSeverity,
  type LifecycleSettings,
} from '../core/alert-lifecycle.ts';
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

interface Level {
  /** Where it is set, in words, for an alert's reason. */
  name: string;
  fields: StoredFields;
}

function pick(levels: Level[]): LifecycleSettings {
  const found = (name: string) => levels.find((l) => l.fields[name] !== undefined && l.fields[name] !== null);
  const first = <K extends Exclude<keyof LifecycleSettings, 'ticketFilter'>>(name: K): LifecycleSettings[K] =>
    (found(name)?.fields[name] as LifecycleSettings[K] | undefined) ?? defaultLifecycleSettings[name];
  const hub = defaultLifecycleSettings.ticketFilter;
  const severity = found('minimumSeverity');
  const off = found('conditionsOff');
  return {
    repeatNoteMinutes: first('repeatNoteMinutes'),
    autoResolve: first('autoResolve'),
    reopenWindowMinutes: first('reopenWindowMinutes'),
    technicianClosed: first('technicianClosed'),
    ticketFilter: {
      minimumSeverity: (severity?.fields.minimumSeverity as AlertSeverity | undefined) ?? hub.minimumSeverity,
      minimumSeverityFrom: severity?.name ?? hub.minimumSeverityFrom,
      conditionsOff: (off?.fields.conditionsOff as string[] | undefined) ?? hub.conditionsOff,
      conditionsOffFrom: off?.name ?? hub.conditionsOffFrom,
    },
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
  return pick([
    { name: 'the organization', fields: org?.fields ?? {} },
    { name: `connection ${connection.name}`, fields: own?.fields ?? {} },
    ...chain.map((c) => ({ name: `the defaults of partner ${c.partnerName}`, fields: c.fields })),
  ]);
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
