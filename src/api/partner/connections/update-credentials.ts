import { Type } from 'typebox';
import { checkConnectionInput, missingPermissions, tryConnection } from '../../../jobs/connect.ts';
import { connectionCache } from '../../../store/connection-cache.ts';
import { recordPermissions, replaceCredentials } from '../../../store/connections.ts';
import {
  ConnectionReply,
  formatConnection,
  IdentityReply,
  PermissionReply,
} from '../../formatters/connection.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from './connection-access.ts';
import { Credentials } from './create-connection.ts';

export const updateCredentialsRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/connections/:id/credentials',
  errors: psaErrors,
  permission: 'manage_integrations',
  audit: 'connection.credentials_changed',
  params: { id: 'connection' },
  schema: {
    summary: 'Replace the credentials (all fields, tried first); settings and mappings stay',
    tags: ['connections'],
    params: IdParams,
    body: Type.Object(
      { siteUrl: Type.Optional(Type.String({ maxLength: 500 })), credentials: Credentials },
      {
        ...Closed,
        examples: [{ credentials: { clientId: 'id', clientSecret: 'new secret', tenant: 'acme' } }],
      },
    ),
    response: {
      200: Type.Object(
        { connection: ConnectionReply, identity: IdentityReply, permissions: Type.Array(PermissionReply) },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const current = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(current);
    const input = await checkConnectionInput(
      { allowPrivatePsaHosts: deps.config.allowPrivatePsaHosts },
      current.kind,
      req.body.siteUrl ?? current.siteUrl,
      req.body.credentials,
    );
    const { identity, permissions } = await tryConnection(current.kind, input.siteUrl, input.credentials, {
      allowPrivate: deps.config.allowPrivatePsaHosts,
    });
    const connection = await deps.db.transaction(async (tx) => {
      const updated = await replaceCredentials(tx, deps.secrets, current.id, {
        siteUrl: input.siteUrl,
        credentials: input.credentials,
        credentialHints: input.hints,
      });
      // Tokens and zone URLs of the old credentials must not be reused.
      await connectionCache(tx, deps.secrets, current.id).clear();
      const missing = missingPermissions(permissions);
      await recordPermissions(tx, current.id, missing);
      await audit(tx, { targetType: 'connection', targetId: current.id, partnerId: current.partnerId });
      return { ...updated, missingPermissions: missing };
    });
    return { connection: formatConnection(connection), identity, permissions };
  },
});
