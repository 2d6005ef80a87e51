import { Type } from 'typebox';
import { pickListsOf } from '../../../jobs/pick-lists.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from './connection-access.ts';

const PickItem = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    inactive: Type.Boolean(),
    closed: Type.Union([Type.Boolean(), Type.Null()]),
    isDefault: Type.Boolean(),
  },
  Closed,
);

export const pickListsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/pick-lists',
  errors: psaErrors,
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary:
      'The PSA’s pick lists (boards, statuses, priorities, queues, SLAs…), cached; refresh=true reads them again',
    tags: ['connections'],
    params: IdParams,
    querystring: Type.Object({ refresh: Type.Optional(Type.Boolean()) }, Closed),
    response: {
      200: Type.Object(
        {
          fetchedAt: Type.String({ format: 'date-time' }),
          lists: Type.Record(Type.String(), Type.Array(PickItem)),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    return pickListsOf(deps, connection, req.query.refresh);
  },
});
