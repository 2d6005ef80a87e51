import { AppError } from '../../../core/errors.ts';
import { deleteUser } from '../../../store/users.ts';
import { userActor } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';
import { assertMayAssign, assertNotLastOwner, visibleUser } from './user-access.ts';

export const deleteUserRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/users/:id',
  permission: 'manage_users',
  audit: 'user.deleted',
  params: { id: 'user' },
  schema: {
    summary: 'Remove a user; their sessions and tokens end',
    tags: ['users'],
    params: IdParams,
    response: { 204: {}, ...errorReplies },
  },
  async handler(req, reply, { deps, actor, audit }) {
    await deps.db.transaction(async (tx) => {
      const target = await visibleUser(tx, actor, req.params.id);
      if (target.id === userActor(actor).userId)
        throw new AppError('forbidden', 'You cannot remove yourself');
      if (target.role === 'operator') throw new AppError('forbidden');
      assertMayAssign(actor, target.role, 'remove');
      await assertNotLastOwner(tx, target);
      await deleteUser(tx, target.id);
      await audit(tx, {
        targetType: 'user',
        targetId: target.id,
        partnerId: target.partnerId,
        details: { email: target.email },
      });
    });
    return reply.status(204).send();
  },
});
