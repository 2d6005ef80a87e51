// Auto-match: for the organizations of the connection's partner, the PSA companies they most likely
// are, each with a score and the reason in words. Suggestions only: nothing is linked here.
import { Type } from 'typebox';
import { createMatcher } from '../../../core/company-match.ts';
import { companyDirectory } from '../../../jobs/company-directory.ts';
import { asAppError } from '../../../jobs/connect.ts';
import { listOrganizations } from '../../../store/organizations.ts';
import { getPartner } from '../../../store/partners.ts';
import { defineRoute } from '../../route.ts';
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
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary: 'Suggest the PSA company of each organization of the partner, with a score and the reason',
    tags: ['mapping'],
    params: IdParams,
    querystring: Type.Object(
      {
        organizationId: Type.Optional(Uuid),
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
    const partner = (await getPartner(deps.db, connection.partnerId))!;
    const page = await listOrganizations(deps.db, {
      withinPath: partner.path,
      partnerId: partner.id,
      active: true,
      limit: req.query.organizationId ? 500 : (req.query.limit ?? 100),
      cursor: req.query.cursor,
    });
    const orgs = req.query.organizationId
      ? page.items.filter((o) => o.id === req.query.organizationId)
      : page.items;
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
      nextCursor: req.query.organizationId ? null : page.nextCursor,
    };
  },
});
