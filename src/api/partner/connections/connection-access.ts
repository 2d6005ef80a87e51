// A connection the caller may see: one of a partner in its subtree. Shared by the connection routes.
import { AppError } from '../../../core/errors.ts';
import { getConnection, type Connection } from '../../../store/connections.ts';
import type { Db } from '../../../store/db.ts';
import { getPartner } from '../../../store/partners.ts';
import type { Actor } from '../../actor.ts';
import { canSeePartnerPath, notFound } from '../../authorization.ts';

export async function visibleConnection(db: Db, actor: Actor | undefined, id: string): Promise<Connection> {
  const connection = await getConnection(db, id);
  const partner = connection && (await getPartner(db, connection.partnerId));
  if (!connection || !partner || !canSeePartnerPath(actor, partner.path)) throw notFound('connection', id);
  return connection;
}

export function assertLive(connection: Connection): void {
  if (connection.revokedAt) throw new AppError('conflict', 'This connection was revoked; create a new one');
}
