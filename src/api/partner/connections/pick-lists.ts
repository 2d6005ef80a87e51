import { Type } from 'typebox';
import { asAppError } from '../../../jobs/connect.ts';
import { clientFor } from '../../../jobs/psa-session.ts';
import type { PickLists } from '../../../psa/types.ts';
import { connectionCache } from '../../../store/connection-cache.ts';
import { recordHealth } from '../../../store/connections.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from './connection-access.ts';

/** Pick lists change rarely; a ticket must not cost a lookup. */
export const PICK_LIST_TTL_MS = 15 * 60_000;

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
    const cache = connectionCache(deps.db, deps.secrets, connection.id);
    const cached = req.query.refresh ? undefined : await cache.get('hub:pick-lists');
    if (cached) return JSON.parse(cached) as { fetchedAt: string; lists: PickLists };
    try {
      const lists = await (await clientFor(deps, connection)).pickLists();
      const answer = { fetchedAt: new Date().toISOString(), lists };
      await cache.set('hub:pick-lists', JSON.stringify(answer), PICK_LIST_TTL_MS);
      await recordHealth(deps.db, connection.id, { ok: true });
      return answer;
    } catch (err) {
      await recordHealth(deps.db, connection.id, { ok: false, error: (err as Error).message });
      throw asAppError(err);
    }
  },
});
