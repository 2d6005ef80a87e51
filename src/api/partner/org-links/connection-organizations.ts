// The organizations of a connection's partner and where each stands on it: linked (with health),
// broken, linked on another connection, skipped, or not linked — the mapping screen's list.
import { Type } from 'typebox';
import { organizationsForConnection } from '../../../store/org-links.ts';
import { decodeCursor, encodeCursor } from '../../../store/paging.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, PageQuery, Timestamp, Uuid } from '../../schemas.ts';
import { visibleConnection } from '../connections/connection-access.ts';
import { formatLink, LinkReply } from './link-format.ts';

const State = Type.Union([
  Type.Literal('linked'),
  Type.Literal('broken'),
  Type.Literal('elsewhere'),
  Type.Literal('skipped'),
  Type.Literal('unlinked'),
]);

export const connectionOrganizationsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/organizations',
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary: 'The partner’s organizations and where each stands on this connection',
    tags: ['mapping'],
    params: IdParams,
    querystring: Type.Object({ ...PageQuery, state: Type.Optional(State) }, Closed),
    response: {
      200: Type.Object(
        {
          items: Type.Array(
            Type.Object(
              {
                organization: Type.Object(
                  { id: Uuid, externalId: Type.String(), name: Type.String(), active: Type.Boolean() },
                  Closed,
                ),
                state: State,
                skippedAt: Type.Union([Timestamp, Type.Null()]),
                link: Type.Union([LinkReply, Type.Null()]),
              },
              Closed,
            ),
          ),
          nextCursor: Type.Union([Type.String(), Type.Null()]),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    const limit = req.query.limit ?? 50;
    const rows = await organizationsForConnection(deps.db, {
      partnerId: connection.partnerId,
      connectionId: connection.id,
      state: req.query.state,
      q: req.query.q,
      limit: limit + 1,
      cursor: req.query.cursor ? decodeCursor(req.query.cursor) : undefined,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1)?.organization;
    return {
      items: page.map((r) => ({
        organization: {
          id: r.organization.id,
          externalId: r.organization.externalId,
          name: r.organization.name,
          active: r.organization.active,
        },
        state: r.state,
        skippedAt: r.skippedAt?.toISOString() ?? null,
        // Another connection's link is the partner's own, but say only that it is elsewhere.
        link: r.link ? formatLink(r.link) : null,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.name, last.id) : null,
    };
  },
});
