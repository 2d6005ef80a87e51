// Backup statistics onto the PSA company: for each linked organization whose statistics changed
// since the hub last wrote them, one write of the chosen custom fields (the connector writes only
// the fields that differ), a delivery in the event log, and the values kept as written.
import type { PsaClient } from '../psa/client.ts';
import { insertDelivery, type NewDelivery } from '../store/alerts.ts';
import { logPsaWrite, quietLog, type HubLog } from './hub-log.ts';
import type { Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import {
  recordStatsWritten,
  statsOfConnection,
  type OrganizationStats,
} from '../store/organization-stats.ts';
import { statNames, type BillingSettings } from './billing-settings.ts';

/** Field id → the value it should hold, for the statistics the connection writes. */
export function statValues(
  s: Pick<OrganizationStats, 'protectedItems' | 'storageGb' | 'lastSuccessAt'>,
  fields: BillingSettings['statsFields'],
): Record<string, string | number | null> {
  const values: Record<string, string | number | null> = {};
  for (const name of statNames) {
    const field = fields[name];
    if (!field) continue;
    const v = s[name];
    values[field] = v instanceof Date ? v.toISOString() : v;
  }
  return values;
}

const same = (a: Record<string, unknown> | null, b: Record<string, unknown>) =>
  a !== null &&
  Object.keys(b).length === Object.keys(a).length &&
  Object.entries(b).every(([k, v]) => a[k] === v);

export interface StatsTally {
  organizations: number;
  writes: number;
}

export async function writeStats(
  db: Db,
  client: PsaClient,
  connection: Connection,
  fields: BillingSettings['statsFields'],
  progress: (done: number, total: number) => Promise<void>,
  log: HubLog = quietLog,
): Promise<StatsTally> {
  const rows = await statsOfConnection(db, connection.id);
  const tally: StatsTally = { organizations: rows.length, writes: 0 };
  let done = 0;
  for (const row of rows) {
    const values = statValues(row, fields);
    if (Object.keys(values).length > 0 && !same(row.written, values)) {
      const started = performance.now();
      let answer: string;
      let ok = true;
      try {
        const n = await client.writeCompanyFields(row.companyId, values);
        answer = n === 0 ? 'the company already held these values' : `${n} field${n > 1 ? 's' : ''} written`;
        if (n > 0) tally.writes++;
      } catch (err) {
        ok = false;
        answer = (err as Error).message;
      }
      const written: NewDelivery = {
        partnerId: row.partnerId,
        connectionId: connection.id,
        organizationId: row.organizationId,
        alertId: null,
        action: 'stats',
        request: { companyId: row.companyId, fields: values },
        outcome: ok ? 'ok' : 'failed',
        answer,
        durationMs: performance.now() - started,
        attempt: 1,
        ticketId: null,
      };
      await db.transaction(async (tx) => {
        if (ok) await recordStatsWritten(tx, row.organizationId, values);
        await insertDelivery(tx, written);
      });
      logPsaWrite(log, connection.kind, written);
    }
    if (++done % 100 === 0) await progress(done, rows.length);
  }
  await progress(done, rows.length);
  return tally;
}
