// What a role may use, as the hub decides it (src/core/partners.ts: canManageIntegrations,
// canManageUsers). The portal only hides what the hub would refuse; the hub still checks every call.
import type { User } from '../client/types.ts';

export type PortalPermission = 'manage_integrations' | 'manage_billing' | 'manage_users' | 'operator';

export function can(user: Pick<User, 'role'>, permission: PortalPermission): boolean {
  if (user.role === 'operator') return true;
  if (permission === 'operator') return false;
  if (permission === 'manage_users') return user.role === 'owner' || user.role === 'super_admin';
  return user.role !== 'viewer';
}

export const roleLabels: Record<User['role'], string> = {
  owner: 'Owner',
  super_admin: 'Super admin',
  admin: 'Admin',
  viewer: 'Viewer (read only)',
  operator: 'Operator',
};

/** Partner roles from least to most; a manager may grant those up to its own (canAssignRole). */
export const partnerRoles = ['viewer', 'admin', 'super_admin', 'owner'] as const;
export type PartnerRole = (typeof partnerRoles)[number];

export function assignableRoles(user: Pick<User, 'role'>): PartnerRole[] {
  if (user.role === 'operator') return [...partnerRoles];
  if (!can(user, 'manage_users')) return [];
  return partnerRoles.slice(0, partnerRoles.indexOf(user.role) + 1);
}
