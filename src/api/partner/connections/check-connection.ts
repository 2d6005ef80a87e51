import { Type } from 'typebox';
import { asAppError, missingPermissions } from '../../../jobs/connect.ts';
import { clientFor } from '../../../jobs/psa-session.ts';
import { getConnection, recordHealth, recordPermissions } from '../../../store/connections.ts';
import {
  ConnectionReply,
  formatConnection,
  IdentityReply,
  PermissionReply,
} from '../../formatters/connection.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from './connection-access.ts';

export const checkConnectionRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/connections/:id/check',
  errors: psaErrors,
  // It calls the PSA and rewrites the connection's health: a viewer reads that health, never sets it.
  permission: 'manage_integrations',
  audit: { none: 'reads the PSA; only the connection health is updated' },
  params: { id: 'connection' },
  schema: {
    summary: 'Check the connection now: identity and every permission the hub needs, each with how to fix it',
    tags: ['connections'],
    params: IdParams,
    response: {
      200: Type.Object(
        { connection: ConnectionReply, identity: IdentityReply, permissions: Type.Array(PermissionReply) },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    const client = await clientFor(deps, connection);
    try {
      const identity = await client.identify();
      const permissions = await client.checkPermissions();
      await recordHealth(deps.db, connection.id, { ok: true });
      await recordPermissions(deps.db, connection.id, missingPermissions(permissions));
      return {
        connection: formatConnection((await getConnection(deps.db, connection.id))!),
        identity,
        permissions,
      };
    } catch (err) {
      await recordHealth(deps.db, connection.id, { ok: false, error: (err as Error).message });
      throw asAppError(err);
    }
  },
});
