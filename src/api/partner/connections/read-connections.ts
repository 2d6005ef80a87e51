import { Type } from 'typebox';
import { listConnections } from '../../../store/connections.ts';
import { scopePath } from '../../authorization.ts';
import { ConnectionReply, formatConnection } from '../../formatters/connection.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, Uuid } from '../../schemas.ts';
import { visibleConnection } from './connection-access.ts';

export const listConnectionsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections',
  permission: 'member',
  schema: {
    summary: 'PSA connections of your partner and those below it, with their health',
    tags: ['connections'],
    querystring: Type.Object({ partnerId: Type.Optional(Uuid) }, Closed),
    response: { 200: Type.Object({ items: Type.Array(ConnectionReply) }, Closed), ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    return {
      items: (await listConnections(deps.db, scopePath(actor), req.query.partnerId)).map(formatConnection),
    };
  },
});

export const getConnectionRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id',
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary: 'One connection',
    tags: ['connections'],
    params: IdParams,
    response: { 200: ConnectionReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    return formatConnection(await visibleConnection(deps.db, actor, req.params.id));
  },
});
