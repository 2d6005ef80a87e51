// Auto-match: for the organizations of the connection's partner, the PSA companies they most likely
// are, each with a score and the reason in words. Suggestions only: nothing is linked here.
import { Type } from 'typebox';
import { createMatcher } from '../../../core/company-match.ts';
import { companyDirectory } from '../../../jobs/company-directory.ts';
import { asAppError } from '../../../jobs/connect.ts';
import { organizationsForConnection } from '../../../store/org-links.ts';
import { getOrganization } from '../../../store/organizations.ts';
import { decodeCursor, encodeCursor } from '../../../store/paging.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, IdParams, Uuid } from '../../schemas.ts';
import { assertLive, visibleConnection } from './connection-access.ts';

const SuggestionReply = Type.Object(
  {
    companyId: Type.String(),
    companyName: Type.String(),
    score: Type.Number(),
    method: Type.Union([
      Type.Literal('exact'),
      Type.Literal('normalized'),
      Type.Literal('domain'),
      Type.Literal('fuzzy'),
    ]),
    reason: Type.String(),
    safeToLink: Type.Boolean({ description: 'an unambiguous equal name: may be linked without asking' }),
  },
  Closed,
);

export const companySuggestionsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/company-suggestions',
  errors: psaErrors,
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary:
      'Suggest the PSA company of each unlinked organization of the partner (or of one by id), with a score and the reason',
    tags: ['mapping'],
    params: IdParams,
    querystring: Type.Object(
      {
        organizationId: Type.Optional(Uuid),
        q: Type.Optional(
          Type.String({ maxLength: 200, description: 'only organizations whose name or id holds this' }),
        ),
        includeInactive: Type.Optional(
          Type.Boolean({ description: 'also suggest inactive, deleted and prospect companies' }),
        ),
        refresh: Type.Optional(Type.Boolean()),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        cursor: Type.Optional(Type.String({ maxLength: 1000 })),
      },
      Closed,
    ),
    response: {
      200: Type.Object(
        {
          directoryFetchedAt: Type.String({ format: 'date-time' }),
          items: Type.Array(
            Type.Object(
              {
                organization: Type.Object(
                  { id: Uuid, externalId: Type.String(), name: Type.String() },
                  Closed,
                ),
                suggestions: Type.Array(SuggestionReply),
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
    assertLive(connection);
    const limit = req.query.limit ?? 100;
    const rows = req.query.organizationId
      ? []
      : await organizationsForConnection(deps.db, {
          partnerId: connection.partnerId,
          connectionId: connection.id,
          state: 'unlinked',
          q: req.query.q,
          limit: limit + 1,
          cursor: req.query.cursor ? decodeCursor(req.query.cursor) : undefined,
        });
    const one = req.query.organizationId
      ? await getOrganization(deps.db, req.query.organizationId, null)
      : undefined;
    // Only the connection's own partner's organizations; one asked for by id may be linked already.
    const orgs = one
      ? one.partnerId === connection.partnerId
        ? [one]
        : []
      : rows
          .slice(0, limit)
          .map((r) => r.organization)
          .filter((o) => o.active);
    const last = rows.length > limit ? rows[limit - 1]!.organization : undefined;
    const directory = await companyDirectory(deps, connection, req.query.refresh).catch((err: unknown) => {
      throw asAppError(err);
    });
    const match = createMatcher(directory.items, {
      includeInactive: req.query.includeInactive ?? false,
      limit: 3,
    });
    return {
      directoryFetchedAt: directory.fetchedAt,
      items: orgs.map((o) => ({
        organization: { id: o.id, externalId: o.externalId, name: o.name },
        suggestions: match({ name: o.name, domains: o.domains }),
      })),
      nextCursor: last ? encodeCursor(last.name, last.id) : null,
    };
  },
});
