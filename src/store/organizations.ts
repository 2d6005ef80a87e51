// The vendor's customers, each owned by one partner.
import type { Db } from './db.ts';
import { afterCursor, toPage, type Page, type PageQuery } from './paging.ts';
import type { UpsertStatus } from './upsert-status.ts';

export interface Organization {
  id: string;
  externalId: string;
  partnerId: string;
  name: string;
  domains: string[];
  active: boolean;
  /** The partner turned the integration off for it. */
  skippedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface OrganizationRow {
  id: string;
  external_id: string;
  partner_id: string;
  name: string;
  domains: string[];
  active: boolean;
  skipped_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toOrganization = (r: OrganizationRow): Organization => ({
  id: r.id,
  externalId: r.external_id,
  partnerId: r.partner_id,
  name: r.name,
  domains: r.domains,
  active: r.active,
  skippedAt: r.skipped_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface OrganizationInput {
  name: string;
  partnerId: string;
  domains: string[];
  active: boolean;
}

export async function upsertOrganization(
  db: Db,
  externalId: string,
  input: OrganizationInput,
): Promise<{ status: UpsertStatus; organization: Organization }> {
  const [existing] = await db.query<OrganizationRow>(
    'SELECT * FROM organizations WHERE external_id = $1 FOR UPDATE',
    [externalId],
  );
  if (
    existing &&
    existing.name === input.name &&
    existing.partner_id === input.partnerId &&
    existing.active === input.active &&
    existing.domains.join('\n') === input.domains.join('\n')
  ) {
    return { status: 'unchanged', organization: toOrganization(existing) };
  }
  const [row] = await db.query<OrganizationRow>(
    `INSERT INTO organizations (external_id, name, partner_id, domains, active) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (external_id) DO UPDATE
       SET name = $2, partner_id = $3, domains = $4, active = $5, updated_at = now()
     RETURNING *`,
    [externalId, input.name, input.partnerId, input.domains, input.active],
  );
  return { status: existing ? 'updated' : 'created', organization: toOrganization(row!) };
}

/** Organizations of partners within `withinPath` (all when null), by name. */
export async function listOrganizations(
  db: Db,
  opts: PageQuery & {
    withinPath: string | null;
    q?: string | undefined;
    partnerId?: string | undefined;
    active?: boolean | undefined;
  },
): Promise<Page<Organization>> {
  const after = afterCursor(opts.cursor, 6);
  const rows = await db.query<OrganizationRow>(
    `SELECT o.* FROM organizations o JOIN partners p ON p.id = o.partner_id
      WHERE p.path LIKE coalesce($1, '/') || '%'
        AND ($2::text IS NULL OR o.name ILIKE $2 OR o.external_id ILIKE $2
             OR EXISTS (SELECT 1 FROM unnest(o.domains) d WHERE d ILIKE $2))
        AND ($4::uuid IS NULL OR o.partner_id = $4)
        AND ($5::boolean IS NULL OR o.active = $5)
        AND ${after.sql.replace('(name, id)', '(o.name, o.id)')}
      ORDER BY o.name, o.id LIMIT $3`,
    [
      opts.withinPath,
      opts.q ? `%${opts.q}%` : null,
      opts.limit + 1,
      opts.partnerId ?? null,
      opts.active ?? null,
      ...after.params,
    ],
  );
  return toPage(rows.map(toOrganization), opts.limit);
}

export async function getOrganization(db: Db, id: string, withinPath: string | null) {
  const [row] = await db.query<OrganizationRow>(
    `SELECT o.* FROM organizations o JOIN partners p ON p.id = o.partner_id
      WHERE o.id = $1 AND p.path LIKE coalesce($2, '/') || '%'`,
    [id, withinPath],
  );
  return row && toOrganization(row);
}

/** The organizations with these external ids (the Source API's references), by external id. */
export async function organizationsByExternalIds(
  db: Db,
  externalIds: string[],
): Promise<Map<string, Organization>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db.query<OrganizationRow>(
    'SELECT * FROM organizations WHERE external_id = ANY($1::text[])',
    [externalIds],
  );
  return new Map(rows.map((r) => [r.external_id, toOrganization(r)]));
}
