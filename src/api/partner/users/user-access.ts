// Which users a caller may see and manage: those of partners in its subtree, with a role no higher
// than its own. Shared by the user routes so the rule lives in one place.
import { AppError } from '../../../core/errors.ts';
import { canAssignRole, type UserRole } from '../../../core/partners.ts';
import type { Db } from '../../../store/db.ts';
import { getPartner } from '../../../store/partners.ts';
import { countOwners, getUser, type User } from '../../../store/users.ts';
import type { Actor } from '../../actor.ts';
import { canSeePartnerPath, notFound, userActor } from '../../authorization.ts';

export async function visibleUser(db: Db, actor: Actor | undefined, id: string): Promise<User> {
  const user = await getUser(db, id);
  const partner = user?.partnerId ? await getPartner(db, user.partnerId) : undefined;
  if (!user || !partner || !canSeePartnerPath(actor, partner.path)) throw notFound('user', id);
  return user;
}

export async function visiblePartnerId(db: Db, actor: Actor | undefined, partnerId: string): Promise<void> {
  const partner = await getPartner(db, partnerId);
  if (!partner || !canSeePartnerPath(actor, partner.path)) {
    throw new AppError(
      'invalid_reference',
      `body/partnerId: no partner ${partnerId} in your part of the tree`,
    );
  }
}

/** Throws unless the caller may give (or take away) `role`. */
export function assertMayAssign(actor: Actor | undefined, role: UserRole, what: string): void {
  const a = userActor(actor);
  if (a.kind === 'user' && !canAssignRole(a.role, role)) {
    throw new AppError('forbidden', `A ${a.role} cannot ${what} a user with role ${role}`);
  }
}

/** A partner keeps at least one owner. */
export async function assertNotLastOwner(db: Db, user: User): Promise<void> {
  if (user.role === 'owner' && user.partnerId && (await countOwners(db, user.partnerId)) <= 1) {
    throw new AppError('conflict', 'This is the partner’s last owner; make another user owner first');
  }
}
