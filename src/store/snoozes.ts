// Snoozes: maintenance windows per organization or per connection, during which ticket writes wait.
import type { Db } from './db.ts';

export interface Snooze {
  id: string;
  organizationId: string | null;
  connectionId: string | null;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
}

interface Row {
  id: string;
  organization_id: string | null;
  connection_id: string | null;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  created_by: string | null;
  created_at: Date;
}

const toSnooze = (r: Row): Snooze => ({
  id: r.id,
  organizationId: r.organization_id,
  connectionId: r.connection_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export type SnoozeTarget = { organizationId: string } | { connectionId: string };

export async function addSnooze(
  db: Db,
  target: SnoozeTarget,
  s: { startsAt: Date; endsAt: Date; reason: string; createdBy: string | null },
): Promise<Snooze> {
  const [row] = await db.query<Row>(
    `INSERT INTO snoozes (organization_id, connection_id, starts_at, ends_at, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [
      'organizationId' in target ? target.organizationId : null,
      'connectionId' in target ? target.connectionId : null,
      s.startsAt,
      s.endsAt,
      s.reason,
      s.createdBy,
    ],
  );
  return toSnooze(row!);
}

/** Snoozes of the target that have not ended, soonest first. */
export async function currentSnoozes(db: Db, target: SnoozeTarget, now = new Date()): Promise<Snooze[]> {
  const column = 'organizationId' in target ? 'organization_id' : 'connection_id';
  const id = 'organizationId' in target ? target.organizationId : target.connectionId;
  const rows = await db.query<Row>(
    `SELECT * FROM snoozes WHERE ${column} = $1 AND ends_at > $2 ORDER BY starts_at, id`,
    [id, now],
  );
  return rows.map(toSnooze);
}

/** The snooze in force now for an organization on a connection (its own, or the connection's). */
export async function snoozeInForce(
  db: Db,
  organizationId: string,
  connectionId: string,
  now = new Date(),
): Promise<Snooze | undefined> {
  const [row] = await db.query<Row>(
    `SELECT * FROM snoozes WHERE (organization_id = $1 OR connection_id = $2)
        AND starts_at <= $3 AND ends_at > $3 ORDER BY ends_at DESC LIMIT 1`,
    [organizationId, connectionId, now],
  );
  return row && toSnooze(row);
}

/** Alerts waiting because of a snooze that has ended since: for the clock to wake. */
export async function alertsPastSnooze(db: Db, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT a.id FROM alerts a
      WHERE a.wants <> '[]'::jsonb AND a.dead_at IS NULL AND a.waiting_reason LIKE 'Snoozed until%'
        AND NOT EXISTS (
          SELECT 1 FROM snoozes s LEFT JOIN org_links l ON l.organization_id = a.organization_id AND l.unlinked_at IS NULL
           WHERE (s.organization_id = a.organization_id OR s.connection_id = l.connection_id)
             AND s.starts_at <= now() AND s.ends_at > now())
      LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

/** End the target's snoozes now (and drop ones not yet started); how many there were. */
export async function clearSnoozes(db: Db, target: SnoozeTarget): Promise<number> {
  const column = 'organizationId' in target ? 'organization_id' : 'connection_id';
  const id = 'organizationId' in target ? target.organizationId : target.connectionId;
  const dropped = await db.query(
    `DELETE FROM snoozes WHERE ${column} = $1 AND starts_at > now() RETURNING 1`,
    [id],
  );
  const ended = await db.query(
    `UPDATE snoozes SET ends_at = now() WHERE ${column} = $1 AND starts_at <= now() AND ends_at > now() RETURNING 1`,
    [id],
  );
  return dropped.length + ended.length;
}
