// The one module that decides who may do what. Routes name a permission; this module answers it for
// the caller, and scopes every record lookup to the caller's part of the partner tree: a user sees
// its own partner and the partners below it, nothing else; operators see everything.
import { AppError } from '../core/errors.ts';
import { canManageBilling, canManageIntegrations, canManageUsers, isWithin } from '../core/partners.ts';
import type { Actor, UserActor } from './actor.ts';

export type Permission =
  /** Anyone, signed in or not. */
  | 'public'
  /** The vendor platform with a source key. */
  | 'source'
  /** Any signed-in user or operator (reads are then scoped to their subtree). */
  | 'member'
  /** Owners and super admins (user management), and operators. */
  | 'manage_users'
  /** Everyone but viewers (integrations), and operators. */
  | 'manage_integrations'
  /** Owners, super admins and admins (approve, reject and sync billing; billing rules), and operators. */
  | 'manage_billing'
  /** Vendor staff only. */
  | 'operator';

const sourceOnly = new AppError(
  'wrong_credential_kind',
  'A source key only opens the Source API (/api/v1/source/…); sign in or use a personal access token here',
);
const userOnly = new AppError(
  'wrong_credential_kind',
  'The Source API takes a source key (Authorization: Bearer psah_src_…), not a user session or token',
);

/** Throws unless `actor` holds `permission`. */
export function authorize(actor: Actor | undefined, permission: Permission): void {
  if (permission === 'public') return;
  if (permission === 'source') {
    if (!actor)
      throw new AppError('unauthenticated', 'Send the source key as Authorization: Bearer psah_src_…');
    if (actor.kind !== 'source') throw userOnly;
    return;
  }
  if (!actor) throw new AppError('unauthenticated');
  if (actor.kind === 'source') throw sourceOnly;
  if (actor.kind === 'operator') return;
  if (permission === 'operator') throw new AppError('forbidden', 'Only operators (vendor staff) may do this');
  if (permission === 'manage_users' && !canManageUsers(actor.role)) {
    throw new AppError('forbidden', 'Only owners and super admins manage users');
  }
  if (permission === 'manage_integrations' && !canManageIntegrations(actor.role)) {
    throw new AppError('forbidden', 'Viewers cannot change integrations');
  }
  if (permission === 'manage_billing' && !canManageBilling(actor.role)) {
    throw new AppError('forbidden', 'Only owners, super admins and admins manage billing');
  }
}

/** The signed-in caller; routes with a member-level permission can rely on it. */
export function userActor(actor: Actor | undefined): UserActor {
  if (!actor || actor.kind === 'source') throw new AppError('unauthenticated');
  return actor;
}

/** The part of the tree the caller sees: a path prefix, or null for everything (operators). */
export function scopePath(actor: Actor | undefined): string | null {
  const a = userActor(actor);
  return a.kind === 'operator' ? null : a.partnerPath;
}

/** Whether the partner at `path` is visible to the caller. */
export function canSeePartnerPath(actor: Actor | undefined, path: string): boolean {
  const scope = scopePath(actor);
  return scope === null || isWithin(path, scope);
}

/** A record the caller may not see is answered exactly like one that does not exist. */
export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', `No ${what} ${id}, or it is not yours to see`);
}
