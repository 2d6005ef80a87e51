import { Type } from 'typebox';
import { budgets } from '../../../jobs/psa-session.ts';
import { requestsThisHour } from '../../../store/connection-budgets.ts';
import { listConnections, type Connection } from '../../../store/connections.ts';
import type { Db } from '../../../store/db.ts';
import { scopePath } from '../../authorization.ts';
import { ConnectionReply, formatConnection } from '../../formatters/connection.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, Uuid } from '../../schemas.ts';
import { visibleConnection } from './connection-access.ts';

/** Connections as listed: with the API budget used this hour. */
async function withBudget(db: Db, connections: Connection[]) {
  const used = await requestsThisHour(
    db,
    connections.map((c) => c.id),
  );
  return connections.map((c) => ({
    ...formatConnection(c),
    budget: {
      requestsThisHour: used.get(c.id) ?? 0,
      hourlyAllowance: Math.round(budgets[c.kind].perSecond * 3600),
    },
  }));
}

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
      items: await withBudget(deps.db, await listConnections(deps.db, scopePath(actor), req.query.partnerId)),
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
    const [withUse] = await withBudget(deps.db, [await visibleConnection(deps.db, actor, req.params.id)]);
    return withUse!;
  },
});
