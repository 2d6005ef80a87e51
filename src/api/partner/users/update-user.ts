import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { emailTaken, updateUser } from '../../../store/users.ts';
import { userActor } from '../../authorization.ts';
import { formatUser, UserReply, UserRole } from '../../formatters/user.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, Name } from '../../schemas.ts';
import { assertMayAssign, assertNotLastOwner, visibleUser } from './user-access.ts';

export const updateUserRoute = defineRoute({
  method: 'PATCH',
  url: '/api/v1/users/:id',
  permission: 'manage_users',
  audit: 'user.updated',
  params: { id: 'user' },
  schema: {
    summary: 'Change a user’s name, e-mail or role',
    tags: ['users'],
    params: IdParams,
    body: Type.Object(
      {
        name: Type.Optional(Name),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
        role: Type.Optional(UserRole),
      },
      { ...Closed, minProperties: 1, examples: [{ role: 'viewer' }] },
    ),
    response: { 200: UserReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const user = await deps.db.transaction(async (tx) => {
      const target = await visibleUser(tx, actor, req.params.id);
      if (target.role === 'operator') throw new AppError('forbidden');
      assertMayAssign(actor, target.role, 'change');
      if (req.body.role !== undefined && req.body.role !== target.role) {
        if (target.id === userActor(actor).userId)
          throw new AppError('forbidden', 'You cannot change your own role');
        assertMayAssign(actor, req.body.role, 'make');
        await assertNotLastOwner(tx, target);
      }
      if (req.body.email && (await emailTaken(tx, req.body.email, target.id))) {
        throw new AppError('conflict', `body/email: ${req.body.email} already has an account`);
      }
      const updated = await updateUser(tx, target.id, req.body);
      await audit(tx, {
        targetType: 'user',
        targetId: target.id,
        partnerId: target.partnerId,
        details: { ...req.body },
      });
      return updated;
    });
    return formatUser(user);
  },
});
