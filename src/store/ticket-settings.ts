// Ticket settings as stored: one row per level (a partner's defaults for one PSA kind, a connection's
// own values, an organization's overrides on one connection), each holding only the fields set there.
import type { ConnectionKind } from './connections.ts';
import type { Db } from './db.ts';

export type StoredFields = Record<string, unknown>;

export interface StoredSettings {
  fields: StoredFields;
  updatedAt: Date;
  updatedBy: string | null;
}

interface SettingsRow {
  fields: StoredFields;
  updated_at: Date;
  updated_by: string | null;
}

const toSettings = (r: SettingsRow): StoredSettings => ({
  fields: r.fields,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export async function getPartnerDefaults(
  db: Db,
  partnerId: string,
  kind: ConnectionKind,
): Promise<StoredSettings | undefined> {
  const [row] = await db.query<SettingsRow>(
    `SELECT fields, updated_at, updated_by FROM ticket_settings
      WHERE scope = 'partner' AND partner_id = $1 AND kind = $2`,
    [partnerId, kind],
  );
  return row && toSettings(row);
}

export async function getConnectionSettings(
  db: Db,
  connectionId: string,
): Promise<StoredSettings | undefined> {
  const [row] = await db.query<SettingsRow>(
    `SELECT fields, updated_at, updated_by FROM ticket_settings WHERE scope = 'connection' AND connection_id = $1`,
    [connectionId],
  );
  return row && toSettings(row);
}

export async function getOrganizationSettings(
  db: Db,
  organizationId: string,
  connectionId: string,
): Promise<StoredSettings | undefined> {
  const [row] = await db.query<SettingsRow>(
    `SELECT fields, updated_at, updated_by FROM ticket_settings
      WHERE scope = 'organization' AND organization_id = $1 AND connection_id = $2`,
    [organizationId, connectionId],
  );
  return row && toSettings(row);
}

/** The defaults for `kind` of the partner at `path` and each of its ancestors, nearest first. */
export async function partnerChainDefaults(
  db: Db,
  path: string,
  kind: ConnectionKind,
): Promise<{ partnerId: string; partnerName: string; fields: StoredFields }[]> {
  const ids = path.split('/').filter(Boolean);
  const rows = await db.query<{ id: string; name: string; path: string; fields: StoredFields }>(
    `SELECT p.id, p.name, p.path, s.fields FROM partners p
       JOIN ticket_settings s ON s.scope = 'partner' AND s.partner_id = p.id AND s.kind = $2
      WHERE p.id = ANY($1::uuid[])`,
    [ids, kind],
  );
  return rows
    .sort((a, b) => b.path.length - a.path.length)
    .map((r) => ({ partnerId: r.id, partnerName: r.name, fields: r.fields }));
}

type Level =
  | { scope: 'partner'; partnerId: string; kind: ConnectionKind }
  | { scope: 'connection'; connectionId: string }
  | { scope: 'organization'; organizationId: string; connectionId: string };

/** The row's key columns and the unique index it conflicts on. */
function keyOf(level: Level) {
  switch (level.scope) {
    case 'partner':
      return { cols: [level.partnerId, level.kind, null, null], conflict: '(partner_id, kind)' };
    case 'connection':
      return { cols: [null, null, level.connectionId, null], conflict: '(connection_id)' };
    case 'organization':
      return {
        cols: [null, null, level.connectionId, level.organizationId],
        conflict: '(organization_id, connection_id)',
      };
  }
}

/** Replace the fields of one level; an empty set removes the row. */
export async function setTicketSettings(
  db: Db,
  level: Level,
  fields: StoredFields,
  by: string | null,
): Promise<StoredSettings | undefined> {
  const { cols, conflict } = keyOf(level);
  if (Object.keys(fields).length === 0) {
    await db.query(
      `DELETE FROM ticket_settings WHERE scope = $1
         AND partner_id IS NOT DISTINCT FROM $2::uuid AND kind IS NOT DISTINCT FROM $3::text
         AND connection_id IS NOT DISTINCT FROM $4::uuid AND organization_id IS NOT DISTINCT FROM $5::uuid`,
      [level.scope, ...cols],
    );
    return undefined;
  }
  const [row] = await db.query<SettingsRow>(
    `INSERT INTO ticket_settings (scope, partner_id, kind, connection_id, organization_id, fields, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT ${conflict} WHERE scope = '${level.scope}'
       DO UPDATE SET fields = EXCLUDED.fields, updated_at = now(), updated_by = EXCLUDED.updated_by
     RETURNING fields, updated_at, updated_by`,
    [level.scope, ...cols, JSON.stringify(fields), by],
  );
  return toSettings(row!);
}

/** Forget a connection's own values and every organization's overrides on it. */
export async function deleteConnectionTicketSettings(db: Db, connectionId: string): Promise<void> {
  await db.query(
    `DELETE FROM ticket_settings WHERE scope IN ('connection', 'organization') AND connection_id = $1`,
    [connectionId],
  );
}

/** The connection an organization is linked to now, if any. */
export async function linkedConnectionOf(db: Db, organizationId: string): Promise<string | null> {
  const [row] = await db.query<{ connection_id: string }>(
    'SELECT connection_id FROM org_links WHERE organization_id = $1 AND unlinked_at IS NULL',
    [organizationId],
  );
  return row?.connection_id ?? null;
}
