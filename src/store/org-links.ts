// Organization → PSA company links. A link is a row that is opened when linked and closed (never
// deleted) when unlinked, so an organization's history stays; at most one is open at a time.
import type { Db } from './db.ts';

export type LinkHealth = 'ok' | 'renamed' | 'missing' | 'invalid';
export type LinkMethod = 'manual' | 'suggestion' | 'auto_exact';

export interface BillingChoice {
  planId: string;
  targetId: string;
  targetKind: string;
  targetLabel: string;
  createdByHub: boolean;
}

export interface OrgLink {
  id: string;
  organizationId: string;
  connectionId: string;
  companyId: string;
  companyName: string;
  method: LinkMethod;
  health: LinkHealth;
  healthDetail: string | null;
  healthCheckedAt: Date | null;
  linkedAt: Date;
  linkedBy: string | null;
  unlinkedAt: Date | null;
  unlinkedBy: string | null;
  unlinkReason: string | null;
  billing: BillingChoice[];
  /** Other organizations whose open link on the same connection is to the same company (open links only). */
  sharedWith: { organizationId: string; organizationName: string }[];
}

interface LinkRow {
  id: string;
  organization_id: string;
  connection_id: string;
  company_id: string;
  company_name: string;
  method: LinkMethod;
  health: LinkHealth;
  health_detail: string | null;
  health_checked_at: Date | null;
  linked_at: Date;
  linked_by: string | null;
  unlinked_at: Date | null;
  unlinked_by: string | null;
  unlink_reason: string | null;
}

interface BillingRow {
  link_id: string;
  plan_id: string;
  target_id: string;
  target_kind: string;
  target_label: string;
  created_by_hub: boolean;
}

interface SharedRow {
  link_id: string;
  organization_id: string;
  organization_name: string;
}

const toLink = (r: LinkRow, billing: BillingRow[], shared: SharedRow[]): OrgLink => ({
  id: r.id,
  organizationId: r.organization_id,
  connectionId: r.connection_id,
  companyId: r.company_id,
  companyName: r.company_name,
  method: r.method,
  health: r.health,
  healthDetail: r.health_detail,
  healthCheckedAt: r.health_checked_at,
  linkedAt: r.linked_at,
  linkedBy: r.linked_by,
  unlinkedAt: r.unlinked_at,
  unlinkedBy: r.unlinked_by,
  unlinkReason: r.unlink_reason,
  billing: billing
    .filter((b) => b.link_id === r.id)
    .map((b) => ({
      planId: b.plan_id,
      targetId: b.target_id,
      targetKind: b.target_kind,
      targetLabel: b.target_label,
      createdByHub: b.created_by_hub,
    })),
  sharedWith: shared
    .filter((x) => x.link_id === r.id)
    .map((x) => ({ organizationId: x.organization_id, organizationName: x.organization_name })),
});

/** The links with their billing choices and the other organizations sharing their company. */
async function withBilling(db: Db, rows: LinkRow[]): Promise<OrgLink[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const billing = await db.query<BillingRow>(
    'SELECT * FROM org_link_billing WHERE link_id = ANY($1::uuid[]) ORDER BY plan_id',
    [ids],
  );
  // Allowed (one customer may have several organizations at the vendor), but worth a warning: their
  // tickets and billing all land on one company.
  const shared = await db.query<SharedRow>(
    `SELECT l.id AS link_id, o.id AS organization_id, o.name AS organization_name
       FROM org_links l
       JOIN org_links other ON other.connection_id = l.connection_id AND other.company_id = l.company_id
                           AND other.unlinked_at IS NULL AND other.organization_id <> l.organization_id
       JOIN organizations o ON o.id = other.organization_id
      WHERE l.id = ANY($1::uuid[]) AND l.unlinked_at IS NULL
      ORDER BY o.name, o.id`,
    [ids],
  );
  return rows.map((r) => toLink(r, billing, shared));
}

/** The organization's open link, if any (locked with `forUpdate` inside a transaction). */
export async function currentLink(db: Db, organizationId: string, forUpdate = false) {
  const rows = await db.query<LinkRow>(
    `SELECT * FROM org_links WHERE organization_id = $1 AND unlinked_at IS NULL${forUpdate ? ' FOR UPDATE' : ''}`,
    [organizationId],
  );
  return (await withBilling(db, rows))[0];
}

/** Every link the organization had, newest first. */
export async function linkHistory(db: Db, organizationId: string): Promise<OrgLink[]> {
  const rows = await db.query<LinkRow>(
    'SELECT * FROM org_links WHERE organization_id = $1 ORDER BY linked_at DESC, id',
    [organizationId],
  );
  return withBilling(db, rows);
}

/** Live connections that have open links, for the scheduled health check. */
export async function connectionsWithLinks(db: Db): Promise<string[]> {
  const rows = await db.query<{ connection_id: string }>(
    `SELECT DISTINCT l.connection_id FROM org_links l JOIN connections c ON c.id = l.connection_id
      WHERE l.unlinked_at IS NULL AND c.revoked_at IS NULL`,
  );
  return rows.map((r) => r.connection_id);
}

/** The open links on a connection, with their billing choices. */
export async function openLinksOf(db: Db, connectionId: string): Promise<OrgLink[]> {
  const rows = await db.query<LinkRow>(
    'SELECT * FROM org_links WHERE connection_id = $1 AND unlinked_at IS NULL ORDER BY linked_at, id',
    [connectionId],
  );
  return withBilling(db, rows);
}

export interface NewLink {
  organizationId: string;
  connectionId: string;
  companyId: string;
  companyName: string;
  method: LinkMethod;
  linkedBy: string | null;
  billing: BillingChoice[];
}

export async function openLink(db: Db, l: NewLink): Promise<OrgLink> {
  const [row] = await db.query<LinkRow>(
    `INSERT INTO org_links (organization_id, connection_id, company_id, company_name, method, linked_by,
                            health_checked_at)
     VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING *`,
    [l.organizationId, l.connectionId, l.companyId, l.companyName, l.method, l.linkedBy],
  );
  for (const b of l.billing) {
    await db.query(
      `INSERT INTO org_link_billing (link_id, plan_id, target_id, target_kind, target_label, created_by_hub)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [row!.id, b.planId, b.targetId, b.targetKind, b.targetLabel, b.createdByHub],
    );
  }
  return (await withBilling(db, [row!]))[0]!;
}

/** Close the organization's open link; false when it had none. */
export async function closeLink(
  db: Db,
  organizationId: string,
  by: string | null,
  reason: string,
): Promise<OrgLink | undefined> {
  const rows = await db.query<LinkRow>(
    `UPDATE org_links SET unlinked_at = now(), unlinked_by = $2, unlink_reason = $3
      WHERE organization_id = $1 AND unlinked_at IS NULL RETURNING *`,
    [organizationId, by, reason],
  );
  return (await withBilling(db, rows))[0];
}

/** Close every open link on a connection (it was revoked); returns the organizations released. */
export async function releaseConnectionLinks(db: Db, connectionId: string, reason: string) {
  const rows = await db.query<{ organization_id: string }>(
    `UPDATE org_links SET unlinked_at = now(), unlink_reason = $2
      WHERE connection_id = $1 AND unlinked_at IS NULL RETURNING organization_id`,
    [connectionId, reason],
  );
  return rows.map((r) => r.organization_id);
}

export async function recordLinkHealth(
  db: Db,
  linkId: string,
  h: { health: LinkHealth; detail: string | null },
): Promise<void> {
  await db.query(
    `UPDATE org_links SET health = $2, health_detail = $3, health_checked_at = now()
      WHERE id = $1 AND unlinked_at IS NULL`,
    [linkId, h.health, h.detail],
  );
}

/** Which of `targetIds` other organizations' open links on the connection already bill into. */
export async function billingTargetsTaken(
  db: Db,
  connectionId: string,
  organizationId: string,
  targetIds: string[],
) {
  return db.query<{ targetId: string; organizationName: string }>(
    `SELECT b.target_id AS "targetId", o.name AS "organizationName" FROM org_link_billing b
       JOIN org_links l ON l.id = b.link_id AND l.unlinked_at IS NULL
       JOIN organizations o ON o.id = l.organization_id
      WHERE l.connection_id = $1 AND l.organization_id <> $2 AND b.target_id = ANY($3)`,
    [connectionId, organizationId, targetIds],
  );
}

/** Plans the organization uses that have no product on the connection, by name. */
export async function unmappedPlans(db: Db, organizationId: string, connectionId: string) {
  return db.query<{ id: string; externalId: string; name: string }>(
    `SELECT p.id, p.external_id AS "externalId", p.name
       FROM organization_plans op JOIN plans p ON p.id = op.plan_id
       LEFT JOIN plan_links l ON l.plan_id = p.id AND l.connection_id = $2
      WHERE op.organization_id = $1 AND l.plan_id IS NULL ORDER BY p.name, p.id`,
    [organizationId, connectionId],
  );
}

/** The plans the organization uses, each with its product on the connection (null when unmapped). */
export async function organizationPlans(db: Db, organizationId: string, connectionId: string | null) {
  return db.query<{ id: string; externalId: string; name: string; productId: string | null }>(
    `SELECT p.id, p.external_id AS "externalId", p.name, l.product_id AS "productId"
       FROM organization_plans op JOIN plans p ON p.id = op.plan_id
       LEFT JOIN plan_links l ON l.plan_id = p.id AND l.connection_id = $2
      WHERE op.organization_id = $1 ORDER BY p.name, p.id`,
    [organizationId, connectionId],
  );
}

/** Replace the plans an organization uses; true when that changed anything. */
export async function setOrganizationPlans(db: Db, organizationId: string, planIds: string[]) {
  const removed = await db.query(
    'DELETE FROM organization_plans WHERE organization_id = $1 AND NOT (plan_id = ANY($2::uuid[])) RETURNING 1',
    [organizationId, planIds],
  );
  const added = await db.query(
    `INSERT INTO organization_plans (organization_id, plan_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING 1`,
    [organizationId, planIds],
  );
  return removed.length + added.length > 0;
}

export async function setSkipped(db: Db, organizationId: string, skipped: boolean, by: string | null) {
  await db.query(
    `UPDATE organizations SET skipped_at = CASE WHEN $2 THEN coalesce(skipped_at, now()) END,
            skipped_by = CASE WHEN $2 THEN coalesce(skipped_by, $3) END
      WHERE id = $1`,
    [organizationId, skipped, by],
  );
}

export type LinkState = 'linked' | 'unlinked' | 'skipped' | 'elsewhere' | 'broken';

export interface ConnectionOrgRow {
  organization: { id: string; externalId: string; name: string; active: boolean; domains: string[] };
  skippedAt: Date | null;
  /** The open link, on this connection or (state `elsewhere`) on another. */
  link: OrgLink | null;
  state: LinkState;
}

/**
 * The organizations of the connection's partner with where each stands on this connection, by name:
 * linked here, linked on another connection, skipped, not linked; `broken` = linked here with health
 * other than ok.
 */
export async function organizationsForConnection(
  db: Db,
  opts: {
    partnerId: string;
    connectionId: string;
    state?: LinkState | undefined;
    q?: string | undefined;
    limit: number;
    cursor?: [string, string] | undefined;
  },
): Promise<ConnectionOrgRow[]> {
  const rows = await db.query<
    {
      o_id: string;
      o_external_id: string;
      o_name: string;
      o_active: boolean;
      o_domains: string[];
      skipped_at: Date | null;
      link_id: string | null;
      link_connection_id: string | null;
      link_health: LinkHealth | null;
    } & { name: string; id: string }
  >(
    `SELECT o.id AS o_id, o.external_id AS o_external_id, o.name AS o_name, o.active AS o_active, o.domains AS o_domains, o.skipped_at,
            l.id AS link_id, l.connection_id AS link_connection_id, l.health AS link_health
       FROM organizations o
       LEFT JOIN org_links l ON l.organization_id = o.id AND l.unlinked_at IS NULL
      WHERE o.partner_id = $1
        AND ($3::text IS NULL OR o.name ILIKE $3 OR o.external_id ILIKE $3)
        AND ($5::text IS NULL OR (o.name, o.id) > ($5, $6::uuid))
        AND CASE $4::text
              WHEN 'skipped' THEN o.skipped_at IS NOT NULL
              WHEN 'linked' THEN o.skipped_at IS NULL AND l.connection_id = $2
              WHEN 'broken' THEN o.skipped_at IS NULL AND l.connection_id = $2 AND l.health <> 'ok'
              WHEN 'elsewhere' THEN o.skipped_at IS NULL AND l.connection_id <> $2
              WHEN 'unlinked' THEN o.skipped_at IS NULL AND l.id IS NULL
              ELSE true END
      ORDER BY o.name, o.id LIMIT $7`,
    [
      opts.partnerId,
      opts.connectionId,
      opts.q ? `%${opts.q}%` : null,
      opts.state ?? null,
      opts.cursor?.[0] ?? null,
      opts.cursor?.[1] ?? null,
      opts.limit,
    ],
  );
  const linkIds = rows.flatMap((r) => (r.link_id ? [r.link_id] : []));
  const links = linkIds.length
    ? await withBilling(
        db,
        await db.query<LinkRow>('SELECT * FROM org_links WHERE id = ANY($1::uuid[])', [linkIds]),
      )
    : [];
  const byId = new Map(links.map((l) => [l.id, l]));
  return rows.map((r) => {
    const link = r.link_id ? byId.get(r.link_id)! : null;
    const state: LinkState = r.skipped_at
      ? 'skipped'
      : !link
        ? 'unlinked'
        : link.connectionId !== opts.connectionId
          ? 'elsewhere'
          : link.health !== 'ok'
            ? 'broken'
            : 'linked';
    return {
      organization: {
        id: r.o_id,
        externalId: r.o_external_id,
        name: r.o_name,
        active: r.o_active,
        domains: r.o_domains,
      },
      skippedAt: r.skipped_at,
      link,
      state,
    };
  });
}

/**
 * Why each of these organizations' tickets cannot go anywhere yet (skipped, or not linked with no
 * catch-all company on the partner's default connection); organizations not listed are routable.
 * One statement for a whole batch of events.
 */
export async function unroutableOrganizations(
  db: Db,
  organizationIds: string[],
): Promise<Map<string, string>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; skipped: boolean; linked: boolean; catch_all: boolean }>(
    `SELECT o.id, o.skipped_at IS NOT NULL AS skipped, l.id IS NOT NULL AS linked,
            EXISTS (
              SELECT 1 FROM connections c
               WHERE c.partner_id = o.partner_id AND c.revoked_at IS NULL
                 AND c.settings->'catchAll'->>'companyId' IS NOT NULL
                 AND (c.is_default OR (SELECT count(*) FROM connections c2
                                        WHERE c2.partner_id = o.partner_id AND c2.revoked_at IS NULL) = 1)
            ) AS catch_all
       FROM organizations o
       LEFT JOIN org_links l ON l.organization_id = o.id AND l.unlinked_at IS NULL
      WHERE o.id = ANY($1::uuid[])`,
    [organizationIds],
  );
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.skipped) out.set(r.id, 'The partner turned the integration off for this organization');
    else if (!r.linked && !r.catch_all)
      out.set(r.id, 'The organization is not linked to a PSA company, and no catch-all company is set');
  }
  return out;
}
