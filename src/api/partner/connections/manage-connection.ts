// Revoke, reset and make-default: small state changes of a connection, each audited.
import {
  getConnection,
  resetSettings,
  revokeConnection,
  setDefaultConnection,
} from '../../../store/connections.ts';
import { ConnectionReply, formatConnection } from '../../formatters/connection.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from './connection-access.ts';

export const revokeConnectionRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/connections/:id/revoke',
  permission: 'manage_integrations',
  audit: 'connection.revoked',
  params: { id: 'connection' },
  schema: {
    summary: 'Disconnect: credentials destroyed, the hub stops writing; history is kept',
    tags: ['connections'],
    params: IdParams,
    response: { 200: ConnectionReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    await deps.db.transaction(async (tx) => {
      await revokeConnection(tx, connection.id);
      await audit(tx, { targetType: 'connection', targetId: connection.id, partnerId: connection.partnerId });
    });
    return formatConnection((await getConnection(deps.db, connection.id))!);
  },
});

export const resetConnectionRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/connections/:id/reset',
  permission: 'manage_integrations',
  audit: 'connection.reset',
  params: { id: 'connection' },
  schema: {
    summary: 'Clear the connection’s settings; the connection and its credentials stay',
    tags: ['connections'],
    params: IdParams,
    response: { 200: ConnectionReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    await deps.db.transaction(async (tx) => {
      await resetSettings(tx, connection.id);
      await audit(tx, { targetType: 'connection', targetId: connection.id, partnerId: connection.partnerId });
    });
    return formatConnection((await getConnection(deps.db, connection.id))!);
  },
});

export const defaultConnectionRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/connections/:id/default',
  permission: 'manage_integrations',
  audit: 'connection.made_default',
  params: { id: 'connection' },
  schema: {
    summary: 'Make this the partner’s default connection',
    tags: ['connections'],
    params: IdParams,
    response: { 200: ConnectionReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    await deps.db.transaction(async (tx) => {
      await setDefaultConnection(tx, connection);
      await audit(tx, { targetType: 'connection', targetId: connection.id, partnerId: connection.partnerId });
    });
    return formatConnection((await getConnection(deps.db, connection.id))!);
  },
});
