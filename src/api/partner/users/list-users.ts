import { Type } from 'typebox';
import { listUsers } from '../../../store/users.ts';
import { scopePath } from '../../authorization.ts';
import { formatUser, UserReply, UserRole } from '../../formatters/user.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, PageOf, PageQuery, Uuid } from '../../schemas.ts';

export const listUsersRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/users',
  permission: 'member',
  schema: {
    summary: 'Users of your partner and the partners below it, by name; q searches name and e-mail',
    tags: ['users'],
    querystring: Type.Object(
      {
        ...PageQuery,
        partnerId: Type.Optional(Uuid),
        role: Type.Optional(Type.Union([UserRole, Type.Literal('operator')])),
      },
      Closed,
    ),
    response: { 200: PageOf(UserReply), ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const withinPath = scopePath(actor) ?? '/';
    const page = await listUsers(deps.db, { ...req.query, limit: req.query.limit ?? 50, withinPath });
    return { items: page.items.map(formatUser), nextCursor: page.nextCursor };
  },
});
