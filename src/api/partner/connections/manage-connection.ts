// Revoke, reset and make-default: small state changes of a live connection, each audited. One
// factory builds the three so their access rules and answers cannot drift apart.
import type { Connection } from '../../../store/connections.ts';
import {
  getConnection,
  resetSettings,
  revokeConnection,
  setDefaultConnection,
} from '../../../store/connections.ts';
import type { Db } from '../../../store/db.ts';
import { releaseConnectionLinks } from '../../../store/org-links.ts';
import type { SessionDeps } from '../../../jobs/psa-session.ts';
import { refreshBlockers } from '../../../jobs/ticket-readiness.ts';
import { deleteConnectionTicketSettings } from '../../../store/ticket-settings.ts';
import { ConnectionReply, formatConnection } from '../../formatters/connection.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from './connection-access.ts';

function connectionAction(
  action: string,
  audit: string,
  summary: string,
  apply: (tx: Db, c: Connection) => Promise<void>,
  /** After the commit, with the PSA reachable (the reset's health check). */
  after?: (deps: SessionDeps, c: Connection) => Promise<void>,
) {
  return defineRoute({
    method: 'POST',
    url: `/api/v1/connections/:id/${action}`,
    permission: 'manage_integrations',
    audit,
    params: { id: 'connection' },
    schema: {
      summary,
      tags: ['connections'],
      params: IdParams,
      response: { 200: ConnectionReply, ...errorReplies },
    },
    async handler(req, _reply, ctx) {
      const connection = await visibleConnection(ctx.deps.db, ctx.actor, req.params.id);
      assertLive(connection);
      await ctx.deps.db.transaction(async (tx) => {
        await apply(tx, connection);
        await ctx.audit(tx, {
          targetType: 'connection',
          targetId: connection.id,
          partnerId: connection.partnerId,
        });
      });
      await after?.(ctx.deps, connection);
      return formatConnection((await getConnection(ctx.deps.db, connection.id))!);
    },
  });
}

export const revokeConnectionRoute = connectionAction(
  'revoke',
  'connection.revoked',
  'Disconnect: credentials destroyed, the hub stops writing; history is kept',
  async (tx, c) => {
    await revokeConnection(tx, c.id);
    await releaseConnectionLinks(tx, c.id, 'connection revoked');
  },
);

export const resetConnectionRoute = connectionAction(
  'reset',
  'connection.reset',
  'Clear the connection’s settings and ticket settings (its own and its organizations’ overrides); the connection and its credentials stay',
  async (tx, c) => {
    await resetSettings(tx, c.id);
    await deleteConnectionTicketSettings(tx, c.id);
  },
  // Without its own values the connection may lack what a ticket needs: its health says so.
  refreshBlockers,
);

export const defaultConnectionRoute = connectionAction(
  'default',
  'connection.made_default',
  'Make this the partner’s default connection',
  (tx, c) => setDefaultConnection(tx, c),
);
