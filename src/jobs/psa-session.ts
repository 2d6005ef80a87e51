// Builds the PsaClient for a stored connection: its credentials opened, its shared request budget
// as the rate gate, its sealed cache, and each exchange reported to the caller (for the event log).
import type { ConnectorContext, PsaClient } from '../psa/client.ts';
import type { Exchange } from '../psa/http.ts';
import { guardedFetch } from '../psa/guarded-fetch.ts';
import { connectors } from '../psa/index.ts';
import type { BucketPolicy } from '../store/connection-budgets.ts';
import { connectionCache } from '../store/connection-cache.ts';
import { openCredentials, type Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import type { SecretBox } from '../store/secret-box.ts';
import { dbRateGate } from './db-rate-gate.ts';
import type { HubMetrics } from './metrics.ts';
import { logPsaFailure, type HubLog } from './hub-log.ts';

/** Requests per second each PSA is sent at most, per connection (all processes together). */
export const budgets: Record<Connection['kind'], BucketPolicy> = {
  // ConnectWise throttles "over 1,000 requests per minute" (reference §4.2): stay well under.
  connectwise: { perSecond: 8, burst: 20 },
  // Autotask's real limit is the hourly budget, read from ThresholdInformation by the connector.
  autotask: { perSecond: 5, burst: 10 },
  // Halo: assume 300 requests per rolling 5 minutes per instance (reference §6); use half of it.
  halopsa: { perSecond: 0.5, burst: 20 },
};

export interface SessionDeps {
  db: Db;
  secrets: SecretBox;
  /** Whether PSA hosts may be private or loopback addresses (tests and the demo only). */
  allowPrivatePsaHosts: boolean;
  /** Where PSA latencies, failures and rate-limit waits are counted (absent: not counted). */
  metrics?: HubMetrics;
  /** The hub's log (src/jobs/hub-log.ts); quiet when absent. */
  log?: HubLog;
}

export async function clientFor(
  deps: SessionDeps,
  connection: Connection,
  opts: { onExchange?: (e: Exchange) => void; timeoutMs?: number } = {},
): Promise<PsaClient> {
  const { metrics } = deps;
  const onExchange =
    metrics || opts.onExchange
      ? (e: Exchange) => {
          metrics?.psaExchange(connection.kind, e);
          opts.onExchange?.(e);
        }
      : undefined;
  const ctx: ConnectorContext = {
    siteUrl: connection.siteUrl,
    credentials: await openCredentials(deps.db, deps.secrets, connection.id),
    cache: connectionCache(deps.db, deps.secrets, connection.id),
    http: {
      fetch: guardedFetch({ allowPrivate: deps.allowPrivatePsaHosts }),
      gate: dbRateGate(
        deps.db,
        connection.id,
        budgets[connection.kind],
        metrics && ((ms) => metrics.rateLimitWait(connection.kind, ms)),
      ),
      ...(onExchange ? { onExchange } : {}),
      ...(deps.log ? { onFailedAttempt: (f) => logPsaFailure(deps.log!, connection, f) } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    },
  };
  return connectors[connection.kind].create(ctx);
}
