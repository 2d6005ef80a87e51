import { Type } from 'typebox';
import { userRoles } from '../../core/partners.ts';
import type { User } from '../../store/users.ts';
import { Closed, Timestamp, Uuid } from '../schemas.ts';

export const UserRole = Type.Union(userRoles.map((r) => Type.Literal(r)));

export const UserReply = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    partnerId: Type.Union([Uuid, Type.Null()]),
    role: Type.Union([UserRole, Type.Literal('operator')]),
    mustChangePassword: Type.Boolean(),
    createdAt: Timestamp,
    lastSignInAt: Type.Union([Timestamp, Type.Null()]),
  },
  Closed,
);

// Takes the public User type: the password hash is not part of it, so it cannot be sent by mistake.
export const formatUser = (u: User) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  partnerId: u.partnerId,
  role: u.role,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt.toISOString(),
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
});
