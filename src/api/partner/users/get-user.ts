import { formatUser, UserReply } from '../../formatters/user.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';
import { visibleUser } from './user-access.ts';

export const getUserRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/users/:id',
  permission: 'member',
  params: { id: 'user' },
  schema: {
    summary: 'One user',
    tags: ['users'],
    params: IdParams,
    response: { 200: UserReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    return formatUser(await visibleUser(deps.db, actor, req.params.id));
  },
});
