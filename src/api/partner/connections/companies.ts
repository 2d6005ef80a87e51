// The PSA's companies of a connection, searched by name, for linking one organization by hand. Read
// from the connection's cached company directory (the one auto-match uses), so a search costs no
// PSA call once the directory is read.
import { Type } from 'typebox';
import { asAppError } from '../../../jobs/connect.ts';
import { companyDirectory } from '../../../jobs/company-directory.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from './connection-access.ts';

export const companiesRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/companies',
  errors: psaErrors,
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary:
      'Search the PSA’s companies of this connection by name or id (cached directory; refresh=true reads it again)',
    tags: ['mapping'],
    params: IdParams,
    querystring: Type.Object(
      {
        q: Type.Optional(Type.String({ maxLength: 200, description: 'part of the name, or the exact id' })),
        includeInactive: Type.Optional(
          Type.Boolean({ description: 'also inactive, deleted and prospect companies' }),
        ),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
        refresh: Type.Optional(Type.Boolean()),
      },
      { ...Closed, examples: [{ q: 'contoso' }] },
    ),
    response: {
      200: Type.Object(
        {
          fetchedAt: Type.String({ format: 'date-time' }),
          complete: Type.Boolean({ description: 'false when the PSA has more companies than the hub reads' }),
          total: Type.Integer({ description: 'how many companies match, of which items holds the first' }),
          items: Type.Array(
            Type.Object(
              {
                id: Type.String(),
                name: Type.String(),
                active: Type.Boolean(),
                deleted: Type.Boolean(),
                prospect: Type.Boolean(),
              },
              Closed,
            ),
          ),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    const directory = await companyDirectory(deps, connection, req.query.refresh).catch((err: unknown) => {
      throw asAppError(err);
    });
    const q = req.query.q?.trim().toLowerCase();
    const matching = directory.items.filter(
      (c) =>
        (req.query.includeInactive || (c.active && !c.deleted && !c.prospect)) &&
        (!q || c.id === q || c.name.toLowerCase().includes(q)),
    );
    // Names that start with the words typed come before those that only contain them.
    if (q)
      matching.sort((a, b) => +!a.name.toLowerCase().startsWith(q) - +!b.name.toLowerCase().startsWith(q));
    return {
      fetchedAt: directory.fetchedAt,
      complete: directory.complete,
      total: matching.length,
      items: matching.slice(0, req.query.limit ?? 25).map(({ id, name, active, deleted, prospect }) => ({
        id,
        name,
        active,
        deleted,
        prospect,
      })),
    };
  },
});
