// Where an organization's tickets go: its linked company; the connection's catch-all company when
// the link is broken (the company is gone from the PSA) or when the organization is not linked at
// all (the partner's default connection); otherwise nowhere yet, with the reason the alert shows.
import { getConnection, listConnections, type Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import { currentLink } from '../store/org-links.ts';
import { getOrganization } from '../store/organizations.ts';
import { mappingSettings } from './mapping-settings.ts';

export type Destination =
  | { ok: true; connection: Connection; companyId: string; via: 'link' | 'catch_all'; linkId: string | null }
  | { ok: false; reason: string };

/** The partner's default live connection, or its only live one. */
async function defaultConnection(db: Db, partnerId: string): Promise<Connection | undefined> {
  const live = (await listConnections(db, null, partnerId)).filter((c) => !c.revokedAt);
  return live.find((c) => c.isDefault) ?? (live.length === 1 ? live[0] : undefined);
}

function viaCatchAll(connection: Connection | undefined, why: string): Destination {
  const catchAll = connection && mappingSettings(connection).catchAll;
  if (connection && catchAll)
    return { ok: true, connection, companyId: catchAll.companyId, via: 'catch_all', linkId: null };
  return { ok: false, reason: `${why}, and no catch-all company is set` };
}

export async function ticketDestination(db: Db, organizationId: string): Promise<Destination> {
  const org = await getOrganization(db, organizationId, null);
  if (!org) return { ok: false, reason: 'The organization does not exist' };
  if (org.skippedAt)
    return { ok: false, reason: 'The partner turned the integration off for this organization' };
  const link = await currentLink(db, org.id);
  if (!link)
    return viaCatchAll(
      await defaultConnection(db, org.partnerId),
      'The organization is not linked to a PSA company',
    );
  const connection = await getConnection(db, link.connectionId);
  if (!connection || connection.revokedAt) return { ok: false, reason: 'The linked connection was revoked' };
  if (link.health === 'missing') {
    return viaCatchAll(
      connection,
      `Company "${link.companyName}" is gone from ${connection.name} (${link.healthDetail ?? 'missing'})`,
    );
  }
  return { ok: true, connection, companyId: link.companyId, via: 'link', linkId: link.id };
}
