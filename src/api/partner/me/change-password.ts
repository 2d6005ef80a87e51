import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { deleteUserSessions } from '../../../store/sessions.ts';
import { getUserWithSecret, setPassword } from '../../../store/users.ts';
import { checkPasswordRules, hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { userActor } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies } from '../../schemas.ts';

export const changePassword = defineRoute({
  method: 'POST',
  url: '/api/v1/me/password',
  permission: 'member',
  allowBeforePasswordChange: true,
  audit: 'user.password_changed',
  schema: {
    summary: 'Change your password (required after a one-time password); other sessions end',
    tags: ['auth'],
    body: Type.Object(
      {
        currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
        newPassword: Type.String({ maxLength: 1000 }),
      },
      {
        ...Closed,
        examples: [{ currentPassword: 'the old one here', newPassword: 'a much longer new one' }],
      },
    ),
    response: { 204: {}, ...errorReplies },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const me = userActor(actor);
    checkPasswordRules(req.body.newPassword, 'body/newPassword');
    const user = await getUserWithSecret(deps.db, { id: me.userId });
    if (!user || !(await verifyPassword(user.passwordHash, req.body.currentPassword))) {
      throw new AppError('invalid_request', 'body/currentPassword: is not your current password', {
        details: [{ path: 'body/currentPassword', message: 'is not your current password' }],
      });
    }
    if (req.body.newPassword === req.body.currentPassword) {
      throw new AppError('invalid_request', 'body/newPassword: must differ from the current password');
    }
    const hash = await hashPassword(req.body.newPassword);
    await deps.db.transaction(async (tx) => {
      await setPassword(tx, me.userId, hash, false);
      // Everyone who knew the old password is signed out; the caller signs in again.
      await deleteUserSessions(tx, me.userId);
      await audit(tx, { targetType: 'user', targetId: me.userId, partnerId: user.partnerId });
    });
    return reply.status(204).send();
  },
});
