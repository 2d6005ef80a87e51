// The hub's own work in its log: one JSON line (pino) per PSA write and per failed PSA request, so
// an operator can follow what was written where without opening the event log. Never a secret:
// the lines carry ids, kinds, outcomes and the reasons the connectors word (secrets removed there).
import { pino, type Logger } from 'pino';
import type { Connection } from '../store/connections.ts';
import type { NewDelivery } from '../store/alerts.ts';
import type { FailedAttempt } from '../psa/http.ts';

export type HubLog = Logger;

/** Where a hub's log goes: a level and a stream (tests, the demo's stderr), or nowhere. */
export type HubLogOption = false | { level?: string; stream?: { write(line: string): void } };

/** The hub's one logger, shared by the HTTP server and the jobs: stdout at the configured level. */
export function hubLogger(config: { logLevel: string }, option: HubLogOption | undefined): HubLog {
  if (option === false) return pino({ level: 'silent' });
  const level = option?.level ?? config.logLevel;
  return option?.stream ? pino({ level }, option.stream) : pino({ level });
}

/** For deps built without a log (tests that need none). */
export const quietLog: HubLog = pino({ level: 'silent' });

/** One PSA write, after its delivery is recorded: info when it went through, warn when not. */
export function logPsaWrite(log: HubLog, psa: Connection['kind'], d: NewDelivery): void {
  const line = {
    event: 'psa_write',
    psa,
    connectionId: d.connectionId,
    alertId: d.alertId,
    organizationId: d.organizationId,
    action: d.action,
    ticketId: d.ticketId,
    request: d.request,
    outcome: d.outcome,
    attempt: d.attempt,
    ms: Math.round(d.durationMs),
  };
  if (d.outcome === 'ok') log.info(line, `${psa} ${d.action} ok`);
  else log.warn({ ...line, reason: d.answer }, `${psa} ${d.action} ${d.outcome}: ${d.answer ?? ''}`);
}

/** A failed PSA request: retried (with the wait) or given up on, and why. */
export function logPsaFailure(log: HubLog, connection: Connection, f: FailedAttempt): void {
  log.warn(
    { event: 'psa_request_failed', psa: connection.kind, connectionId: connection.id, ...f },
    `${connection.kind} ${f.method} ${f.path} failed (${f.reason})` +
      (f.retryInMs === null ? '' : `; retrying in ${f.retryInMs} ms`),
  );
}
