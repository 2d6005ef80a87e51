// Billing runs: one reconcile of a connection's links (or one organization's), started by a person
// (sync now), a schedule, or an approval; its progress is links done of the total.
import type { Db } from './db.ts';

export const runCauses = ['sync_now', 'on_change', 'daily', 'monthly', 'approval', 'stats'] as const;
export type RunCause = (typeof runCauses)[number];

export interface BillingRun {
  id: string;
  connectionId: string;
  organizationId: string | null;
  cause: RunCause;
  linkIds: string[] | null;
  asOf: Date;
  state: 'queued' | 'running' | 'done' | 'failed';
  linksTotal: number;
  linksDone: number;
  changeSets: number;
  writes: number;
  error: string | null;
  requestedBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface Row {
  id: string;
  connection_id: string;
  organization_id: string | null;
  cause: RunCause;
  link_ids: string[] | null;
  as_of: Date;
  state: BillingRun['state'];
  links_total: number;
  links_done: number;
  change_sets: number;
  writes: number;
  error: string | null;
  requested_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const toRun = (r: Row): BillingRun => ({
  id: r.id,
  connectionId: r.connection_id,
  organizationId: r.organization_id,
  cause: r.cause,
  linkIds: r.link_ids,
  asOf: r.as_of,
  state: r.state,
  linksTotal: r.links_total,
  linksDone: r.links_done,
  changeSets: r.change_sets,
  writes: r.writes,
  error: r.error,
  requestedBy: r.requested_by,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export async function createRun(
  db: Db,
  r: {
    connectionId: string;
    organizationId: string | null;
    cause: RunCause;
    requestedBy: string | null;
    linkIds: string[] | null;
    asOf?: Date;
  },
): Promise<BillingRun> {
  const [row] = await db.query<Row>(
    `INSERT INTO billing_runs (connection_id, organization_id, cause, requested_by, link_ids, as_of)
     VALUES ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now())) RETURNING *`,
    [r.connectionId, r.organizationId, r.cause, r.requestedBy, r.linkIds, r.asOf?.toISOString() ?? null],
  );
  return toRun(row!);
}

export async function getRun(db: Db, id: string): Promise<BillingRun | undefined> {
  const [row] = await db.query<Row>('SELECT * FROM billing_runs WHERE id = $1', [id]);
  return row && toRun(row);
}

export async function startRun(db: Db, id: string, linksTotal: number): Promise<void> {
  await db.query(
    `UPDATE billing_runs SET state = 'running', links_total = $2, links_done = 0, started_at = now(), error = NULL
      WHERE id = $1`,
    [id, linksTotal],
  );
}

export async function runProgress(
  db: Db,
  id: string,
  p: { linksDone: number; changeSets: number; writes: number },
): Promise<void> {
  await db.query('UPDATE billing_runs SET links_done = $2, change_sets = $3, writes = $4 WHERE id = $1', [
    id,
    p.linksDone,
    p.changeSets,
    p.writes,
  ]);
}

/** How far a run is: `done` of `total` links (or organizations). */
export async function runLinks(db: Db, id: string, done: number, total: number): Promise<void> {
  await db.query('UPDATE billing_runs SET links_done = $2, links_total = $3 WHERE id = $1', [
    id,
    done,
    total,
  ]);
}

export async function finishRun(db: Db, id: string, error: string | null): Promise<void> {
  await db.query(
    `UPDATE billing_runs SET state = CASE WHEN $2::text IS NULL THEN 'done' ELSE 'failed' END,
            error = $2, finished_at = now() WHERE id = $1`,
    [id, error],
  );
}

/** The time the connection's last run of these causes was for. */
export async function lastRunAt(db: Db, connectionId: string, causes: RunCause[]): Promise<Date | null> {
  const [row] = await db.query<{ at: Date | null }>(
    'SELECT max(as_of) AS at FROM billing_runs WHERE connection_id = $1 AND cause = ANY($2::text[])',
    [connectionId, causes],
  );
  return row?.at ?? null;
}
