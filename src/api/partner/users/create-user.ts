import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { createUser, emailTaken } from '../../../store/users.ts';
import { hashPassword, oneTimePassword } from '../../auth/passwords.ts';
import { formatUser, UserReply, UserRole } from '../../formatters/user.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, Name, Uuid } from '../../schemas.ts';
import { assertMayAssign, visiblePartnerId } from './user-access.ts';

export const createUserRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/users',
  permission: 'manage_users',
  audit: 'user.created',
  schema: {
    summary: 'Invite a user to a partner in your subtree; answers a one-time password, shown once',
    tags: ['users'],
    body: Type.Object(
      {
        email: Type.String({ format: 'email', maxLength: 320 }),
        name: Name,
        partnerId: Uuid,
        role: UserRole,
      },
      {
        ...Closed,
        examples: [
          {
            email: 'tech@example.com',
            name: 'A Technician',
            partnerId: '00000000-0000-4000-8000-000000000000',
            role: 'viewer',
          },
        ],
      },
    ),
    response: {
      201: Type.Object({ user: UserReply, oneTimePassword: Type.String() }, Closed),
      ...errorReplies,
    },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const user = await deps.db.transaction(async (tx) => {
      await visiblePartnerId(tx, actor, req.body.partnerId);
      assertMayAssign(actor, req.body.role, 'create');
      if (await emailTaken(tx, req.body.email))
        throw new AppError('conflict', `body/email: ${req.body.email} already has an account`);
      const created = await createUser(tx, { ...req.body, passwordHash, mustChangePassword: true });
      await audit(tx, {
        targetType: 'user',
        targetId: created.id,
        partnerId: created.partnerId,
        details: { role: created.role },
      });
      return created;
    });
    return reply.status(201).send({ user: formatUser(user), oneTimePassword: password });
  },
});
