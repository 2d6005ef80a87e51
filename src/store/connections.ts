// PSA connections. The public `Connection` type has no credentials at all: they are sealed in the
// row and only `openCredentials` returns them, to the code that talks to the PSA.
import type { TicketBlocker } from '../core/ticket-readiness.ts';
import type { Db } from './db.ts';
import { emitWebhookEvent } from './webhooks.ts';
import type { SecretBox } from './secret-box.ts';

export type ConnectionKind = 'connectwise' | 'autotask' | 'halopsa';
export type ConnectionStatus = 'connected' | 'failing' | 'revoked';

export interface Connection {
  id: string;
  partnerId: string;
  kind: ConnectionKind;
  name: string;
  siteUrl: string;
  /** The non-secret credential fields, e.g. the company id or API user name. */
  credentialHints: Record<string, string>;
  settings: Record<string, unknown>;
  isDefault: boolean;
  status: ConnectionStatus;
  lastSuccessAt: Date | null;
  failingSince: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  revokedAt: Date | null;
  /** Permissions the last check found missing, each with how to grant it. */
  missingPermissions: MissingPermission[];
  /** Ticket settings a ticket needs that no level gives, as of the last save of them. */
  ticketBlockers: TicketBlocker[];
}

export interface MissingPermission {
  permission: string;
  label: string;
  fix: string | null;
}

interface ConnectionRow {
  id: string;
  partner_id: string;
  kind: ConnectionKind;
  name: string;
  site_url: string;
  credential_hints: Record<string, string>;
  settings: Record<string, unknown>;
  is_default: boolean;
  status: ConnectionStatus;
  last_success_at: Date | null;
  failing_since: Date | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  revoked_at: Date | null;
  missing_permissions: MissingPermission[];
  ticket_blockers: TicketBlocker[];
}

// Never `SELECT *`: the sealed credentials stay in the database unless asked for by name.
const columns = `id, partner_id, kind, name, site_url, credential_hints, settings, is_default, status,
  last_success_at, failing_since, last_error, created_at, updated_at, revoked_at, missing_permissions,
  ticket_blockers`;

const toConnection = (r: ConnectionRow): Connection => ({
  id: r.id,
  partnerId: r.partner_id,
  kind: r.kind,
  name: r.name,
  siteUrl: r.site_url,
  credentialHints: r.credential_hints,
  settings: r.settings,
  isDefault: r.is_default,
  status: r.status,
  lastSuccessAt: r.last_success_at,
  failingSince: r.failing_since,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  revokedAt: r.revoked_at,
  missingPermissions: r.missing_permissions,
  ticketBlockers: r.ticket_blockers,
});

export interface NewConnection {
  partnerId: string;
  kind: ConnectionKind;
  name: string;
  siteUrl: string;
  credentials: Record<string, string>;
  credentialHints: Record<string, string>;
}

export async function createConnection(db: Db, box: SecretBox, c: NewConnection): Promise<Connection> {
  const [row] = await db.query<ConnectionRow>(
    `INSERT INTO connections (partner_id, kind, name, site_url, credentials_sealed, credential_hints, last_success_at)
     VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING ${columns}`,
    [
      c.partnerId,
      c.kind,
      c.name,
      c.siteUrl,
      box.seal(JSON.stringify(c.credentials)),
      JSON.stringify(c.credentialHints),
    ],
  );
  return toConnection(row!);
}

export async function getConnection(db: Db, id: string): Promise<Connection | undefined> {
  const [row] = await db.query<ConnectionRow>(`SELECT ${columns} FROM connections WHERE id = $1`, [id]);
  return row && toConnection(row);
}

export async function liveConnectionOfKind(db: Db, partnerId: string, kind: ConnectionKind) {
  const [row] = await db.query<ConnectionRow>(
    `SELECT ${columns} FROM connections WHERE partner_id = $1 AND kind = $2 AND revoked_at IS NULL`,
    [partnerId, kind],
  );
  return row && toConnection(row);
}

/** Connections of partners within `withinPath` (all when null), live ones first. */
export async function listConnections(
  db: Db,
  withinPath: string | null,
  partnerId?: string,
): Promise<Connection[]> {
  const rows = await db.query<ConnectionRow>(
    `SELECT ${columns.replace(/(\w+)/g, 'c.$1')} FROM connections c JOIN partners p ON p.id = c.partner_id
      WHERE p.path LIKE coalesce($1, '/') || '%' AND ($2::uuid IS NULL OR c.partner_id = $2)
      ORDER BY c.revoked_at IS NOT NULL, p.name, c.kind, c.created_at`,
    [withinPath, partnerId ?? null],
  );
  return rows.map(toConnection);
}

export async function openCredentials(db: Db, box: SecretBox, id: string): Promise<Record<string, string>> {
  const [row] = await db.query<{ credentials_sealed: string }>(
    'SELECT credentials_sealed FROM connections WHERE id = $1',
    [id],
  );
  if (!row) throw new Error(`connection ${id} does not exist`);
  return JSON.parse(box.open(row.credentials_sealed)) as Record<string, string>;
}

export async function replaceCredentials(
  db: Db,
  box: SecretBox,
  id: string,
  c: { siteUrl: string; credentials: Record<string, string>; credentialHints: Record<string, string> },
): Promise<Connection> {
  return db.transaction(async (tx) => {
    // New credentials that worked end a failure: the vendor hears of the recovery as from a check.
    const [was] = await tx.query<{ status: ConnectionStatus }>(
      'SELECT status FROM connections WHERE id = $1 FOR UPDATE',
      [id],
    );
    const [row] = await tx.query<ConnectionRow & { partner_external_id: string | null }>(
      `UPDATE connections SET site_url = $2, credentials_sealed = $3, credential_hints = $4, status = 'connected',
              failing_since = NULL, last_error = NULL, last_success_at = now(), updated_at = now()
        WHERE id = $1
        RETURNING ${columns}, ${partnerExternalIdOf('connections')}`,
      [id, c.siteUrl, box.seal(JSON.stringify(c.credentials)), JSON.stringify(c.credentialHints)],
    );
    if (was?.status === 'failing') await tellHealth(tx, row!, { ok: true });
    return toConnection(row!);
  });
}

/** Record the outcome of a call to the PSA: health as the list shows it. */
export async function recordHealth(db: Db, id: string, outcome: { ok: true } | { ok: false; error: string }) {
  await db.transaction(async (tx) => {
    // The status before, read under the row lock: only the call that changes it tells the vendor
    // platform, so a burst of concurrent failures is one connection.failing.
    const [row] = await tx.query<HealthRow & { before: ConnectionStatus }>(
      `UPDATE connections c
          SET status = $2, last_success_at = CASE WHEN $3 THEN now() ELSE c.last_success_at END,
              failing_since = CASE WHEN $3 THEN NULL ELSE coalesce(c.failing_since, now()) END,
              last_error = CASE WHEN $3 THEN c.last_error ELSE $4 END
         FROM (SELECT id, status AS before FROM connections WHERE id = $1 FOR UPDATE) prev
        WHERE c.id = prev.id AND c.revoked_at IS NULL
        RETURNING prev.before, ${healthColumns('c')}`,
      [id, outcome.ok ? 'connected' : 'failing', outcome.ok, outcome.ok ? null : outcome.error],
    );
    if (row && row.before !== (outcome.ok ? 'connected' : 'failing')) await tellHealth(tx, row, outcome);
  });
}

/** What a change of health tells the vendor about the connection. */
interface HealthRow {
  id: string;
  name: string;
  kind: string;
  partner_id: string;
  partner_external_id: string | null;
  failing_since: Date | null;
}
const partnerExternalIdOf = (t: string) =>
  `(SELECT external_id FROM partners WHERE partners.id = ${t}.partner_id) AS partner_external_id`;
const healthColumns = (t: string) =>
  `${t}.id, ${t}.name, ${t}.kind, ${t}.partner_id, ${t}.failing_since, ${partnerExternalIdOf(t)}`;

/** In `tx`: the vendor platform hears that a connection started failing, or works again. */
async function tellHealth(
  tx: Db,
  c: HealthRow,
  outcome: { ok: true } | { ok: false; error: string },
): Promise<void> {
  await emitWebhookEvent(tx, outcome.ok ? 'connection.recovered' : 'connection.failing', {
    connection: { id: c.id, name: c.name, kind: c.kind },
    partner: { id: c.partner_id, externalId: c.partner_external_id },
    ...(outcome.ok ? {} : { error: outcome.error, failingSince: c.failing_since }),
  });
}

/** What the last permission check found missing (an empty list: everything granted). */
export async function recordPermissions(db: Db, id: string, missing: MissingPermission[]): Promise<void> {
  await db.query(`UPDATE connections SET missing_permissions = $2 WHERE id = $1`, [
    id,
    JSON.stringify(missing),
  ]);
}

export async function recordTicketBlockers(db: Db, id: string, blockers: TicketBlocker[]): Promise<void> {
  await db.query(`UPDATE connections SET ticket_blockers = $2 WHERE id = $1`, [id, JSON.stringify(blockers)]);
}

export async function setDefaultConnection(db: Db, connection: Connection): Promise<void> {
  await db.query(`UPDATE connections SET is_default = false WHERE partner_id = $1 AND is_default`, [
    connection.partnerId,
  ]);
  await db.query(`UPDATE connections SET is_default = true, updated_at = now() WHERE id = $1`, [
    connection.id,
  ]);
}

/** Merge `patch` into the connection's settings object (keys not in it stay). */
export async function mergeSettings(db: Db, id: string, patch: Record<string, unknown>): Promise<void> {
  await db.query(
    `UPDATE connections SET settings = settings || $2::jsonb, updated_at = now() WHERE id = $1`,
    [id, JSON.stringify(patch)],
  );
}

export async function resetSettings(db: Db, id: string): Promise<void> {
  await db.query(`UPDATE connections SET settings = '{}', updated_at = now() WHERE id = $1`, [id]);
}

/** Disconnect: the credentials are destroyed, the row (and its history) stays. */
export async function revokeConnection(db: Db, id: string): Promise<void> {
  await db.query(
    `UPDATE connections SET status = 'revoked', revoked_at = now(), is_default = false, credentials_sealed = '',
            updated_at = now() WHERE id = $1`,
    [id],
  );
  await db.query('DELETE FROM connection_cache WHERE connection_id = $1', [id]);
}
