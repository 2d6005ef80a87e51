// Billing change sets: what one reconcile of an organization link would write, line by line, and
// what became of it — applied at once, held for a person (pending), approved, rejected, superseded
// by a newer one, or failed. At most one is pending or approved per link at a time.
import type { ChangeLine, HoldReason, LineWrite } from '../core/billing-diff.ts';
import type { Db } from './db.ts';
import type { Page, PageQuery } from './paging.ts';
import { beforeCursor, microsKey, paramList, toTimePage } from './time-paging.ts';

export const changeSetStates = [
  'pending',
  'approved',
  'applied',
  'rejected',
  'superseded',
  'failed',
] as const;
export type ChangeSetState = (typeof changeSetStates)[number];

export interface StoredLine {
  planId: string;
  planName: string;
  targetId: string;
  targetLabel: string;
  usage: number | null;
  current: number | null;
  desired: number;
  difference: number | null;
  write: LineWrite | null;
  reason: string;
  held: HoldReason[];
  drift: { psaQuantity: number; hubQuantity: number; hubWroteAt: string } | null;
  outcome: 'ok' | 'failed' | null;
  answer: string | null;
  after: number | null;
  writtenAt: Date | null;
}

export interface ChangeSet {
  id: string;
  timeKey: string;
  linkId: string;
  connectionId: string;
  organizationId: string;
  partnerId: string;
  runId: string | null;
  state: ChangeSetState;
  held: HoldReason[];
  cause: string;
  createdAt: Date;
  checkedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedHow: string | null;
  appliedAt: Date | null;
  error: string | null;
  organization: { id: string; name: string };
  connection: { id: string; name: string; kind: string };
  companyName: string;
  lines: StoredLine[];
}

interface SetRow {
  id: string;
  time_key: string;
  link_id: string;
  connection_id: string;
  organization_id: string;
  partner_id: string;
  run_id: string | null;
  state: ChangeSetState;
  held: HoldReason[];
  cause: string;
  created_at: Date;
  checked_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decided_how: string | null;
  applied_at: Date | null;
  error: string | null;
  org_name: string;
  connection_name: string;
  connection_kind: string;
  company_name: string;
}

interface LineRow {
  change_set_id: string;
  plan_id: string;
  plan_name: string;
  target_id: string;
  target_label: string;
  usage_quantity: string | null;
  current_quantity: string | null;
  desired_quantity: string;
  difference: string | null;
  write: LineWrite | null;
  reason: string;
  held: HoldReason[];
  drift: StoredLine['drift'];
  outcome: 'ok' | 'failed' | null;
  answer: string | null;
  after_quantity: string | null;
  written_at: Date | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

const toLine = (r: LineRow): StoredLine => ({
  planId: r.plan_id,
  planName: r.plan_name,
  targetId: r.target_id,
  targetLabel: r.target_label,
  usage: num(r.usage_quantity),
  current: num(r.current_quantity),
  desired: Number(r.desired_quantity),
  difference: num(r.difference),
  write: r.write,
  reason: r.reason,
  held: r.held,
  drift: r.drift,
  outcome: r.outcome,
  answer: r.answer,
  after: num(r.after_quantity),
  writtenAt: r.written_at,
});

const toSet = (r: SetRow, lines: StoredLine[]): ChangeSet => ({
  id: r.id,
  timeKey: r.time_key,
  linkId: r.link_id,
  connectionId: r.connection_id,
  organizationId: r.organization_id,
  partnerId: r.partner_id,
  runId: r.run_id,
  state: r.state,
  held: r.held,
  cause: r.cause,
  createdAt: r.created_at,
  checkedAt: r.checked_at,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  decidedHow: r.decided_how,
  appliedAt: r.applied_at,
  error: r.error,
  organization: { id: r.organization_id, name: r.org_name },
  connection: { id: r.connection_id, name: r.connection_name, kind: r.connection_kind },
  companyName: r.company_name,
  lines,
});

const SELECT_SETS = `
  SELECT s.*, ${microsKey('s.created_at')} AS time_key, o.name AS org_name, c.name AS connection_name,
         c.kind AS connection_kind, l.company_name
    FROM billing_change_sets s
    JOIN organizations o ON o.id = s.organization_id
    JOIN connections c ON c.id = s.connection_id
    JOIN org_links l ON l.id = s.link_id
    JOIN partners p ON p.id = s.partner_id`;

async function withLines(db: Db, rows: SetRow[]): Promise<ChangeSet[]> {
  if (rows.length === 0) return [];
  const lines = await db.query<LineRow>(
    `SELECT cl.*, p.name AS plan_name FROM billing_change_lines cl JOIN plans p ON p.id = cl.plan_id
      WHERE cl.change_set_id = ANY($1::uuid[]) ORDER BY p.name, cl.target_id`,
    [rows.map((r) => r.id)],
  );
  const by = new Map<string, StoredLine[]>();
  for (const l of lines) by.set(l.change_set_id, [...(by.get(l.change_set_id) ?? []), toLine(l)]);
  return rows.map((r) => toSet(r, by.get(r.id) ?? []));
}

export interface ChangeSetFilters {
  withinPath: string | null;
  state?: ChangeSetState | undefined;
  connectionId?: string | undefined;
  organizationId?: string | undefined;
  held?: HoldReason | undefined;
  linkId?: string | undefined;
}

export async function listChangeSets(db: Db, f: ChangeSetFilters & PageQuery): Promise<Page<ChangeSet>> {
  const { params, param } = paramList();
  const where = [
    `p.path LIKE coalesce(${param(f.withinPath)}::text, '/') || '%'`,
    f.state ? `s.state = ${param(f.state)}` : 'true',
    f.connectionId ? `s.connection_id = ${param(f.connectionId)}::uuid` : 'true',
    f.organizationId ? `s.organization_id = ${param(f.organizationId)}::uuid` : 'true',
    f.linkId ? `s.link_id = ${param(f.linkId)}::uuid` : 'true',
    f.held ? `${param(f.held)} = ANY(s.held)` : 'true',
    beforeCursor(f.cursor, 's.created_at', 's.id', param),
  ];
  const rows = await db.query<SetRow>(
    `${SELECT_SETS} WHERE ${where.join(' AND ')} ORDER BY s.created_at DESC, s.id DESC LIMIT ${param(f.limit + 1)}`,
    params,
  );
  return toTimePage(await withLines(db, rows), f.limit);
}

export async function getChangeSets(db: Db, ids: string[], withinPath: string | null): Promise<ChangeSet[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<SetRow>(
    `${SELECT_SETS} WHERE s.id = ANY($1::uuid[]) AND p.path LIKE coalesce($2::text, '/') || '%'`,
    [ids, withinPath],
  );
  return withLines(db, rows);
}

/** The link's open change set (pending or approved), locked, and the latest decided one. */
export async function openChangeSet(db: Db, linkId: string): Promise<ChangeSet | undefined> {
  const rows = await db.query<SetRow>(
    `${SELECT_SETS} WHERE s.link_id = $1 AND s.state IN ('pending', 'approved') FOR UPDATE OF s`,
    [linkId],
  );
  return (await withLines(db, rows))[0];
}

/** The link's latest change set that a person rejected, if it is the link's latest of all. */
export async function lastRejected(db: Db, linkId: string): Promise<ChangeSet | undefined> {
  const rows = await db.query<SetRow>(
    `${SELECT_SETS} WHERE s.link_id = $1 AND s.state NOT IN ('superseded')
      ORDER BY s.created_at DESC, s.id DESC LIMIT 1`,
    [linkId],
  );
  const [latest] = await withLines(db, rows);
  return latest?.state === 'rejected' ? latest : undefined;
}

export interface NewChangeSet {
  linkId: string;
  connectionId: string;
  organizationId: string;
  partnerId: string;
  runId: string | null;
  state: 'pending' | 'approved';
  held: HoldReason[];
  cause: string;
  lines: (ChangeLine & { targetLabel: string; usage: number | null })[];
}

export async function insertChangeSet(db: Db, c: NewChangeSet): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO billing_change_sets (link_id, connection_id, organization_id, partner_id, run_id, state, held,
                                      cause, decided_at, decided_how)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $6 = 'approved' THEN now() END,
             CASE WHEN $6 = 'approved' THEN 'auto' END)
     RETURNING id`,
    [c.linkId, c.connectionId, c.organizationId, c.partnerId, c.runId, c.state, c.held, c.cause],
  );
  const id = row!.id;
  await db.query(
    `INSERT INTO billing_change_lines (change_set_id, plan_id, target_id, target_label, usage_quantity,
                                       current_quantity, desired_quantity, difference, write, reason, held, drift)
     SELECT $1, (l->>'planId')::uuid, l->>'targetId', l->>'targetLabel', (l->>'usage')::numeric,
            (l->>'current')::numeric, (l->>'desired')::numeric, (l->>'difference')::numeric,
            CASE WHEN l->'write' = 'null'::jsonb THEN NULL ELSE l->'write' END, l->>'reason',
            ARRAY(SELECT jsonb_array_elements_text(l->'held')),
            CASE WHEN l->'drift' = 'null'::jsonb THEN NULL ELSE l->'drift' END
       FROM jsonb_array_elements($2::jsonb) AS l`,
    [id, JSON.stringify(c.lines)],
  );
  return id;
}

/** Move change sets from one of `from` to `to`; answers the ids that moved. */
export async function moveChangeSets(
  db: Db,
  ids: string[],
  from: ChangeSetState[],
  to: ChangeSetState,
  decision: { by: string | null; how: string } | null = null,
  error: string | null = null,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `UPDATE billing_change_sets SET state = $3,
            decided_at = CASE WHEN $4::text IS NULL THEN decided_at ELSE now() END,
            decided_by = CASE WHEN $4::text IS NULL THEN decided_by ELSE $5::uuid END,
            decided_how = coalesce($4, decided_how),
            applied_at = CASE WHEN $3 = 'applied' THEN now() ELSE applied_at END,
            error = coalesce($6, error)
      WHERE id = ANY($1::uuid[]) AND state = ANY($2::text[]) RETURNING id`,
    [ids, from, to, decision?.how ?? null, decision?.by ?? null, error],
  );
  return rows.map((r) => r.id);
}

export async function touchChangeSet(db: Db, id: string): Promise<void> {
  await db.query('UPDATE billing_change_sets SET checked_at = now() WHERE id = $1', [id]);
}

/** One line's write and what the PSA answered. */
export async function recordLineOutcome(
  db: Db,
  changeSetId: string,
  targetId: string,
  o: { outcome: 'ok' | 'failed'; answer: string; after: number | null; at: Date },
): Promise<void> {
  await db.query(
    `UPDATE billing_change_lines SET outcome = $3, answer = $4, after_quantity = $5, written_at = $6
      WHERE change_set_id = $1 AND target_id = $2`,
    [changeSetId, targetId, o.outcome, o.answer, o.after, o.at.toISOString()],
  );
}
