// Shows its children only to users whose role may use them; a viewer never sees a write control it
// could not use. The hub refuses the call anyway: this is about not offering it.
import type { ReactNode } from 'react';
import { can, type PortalPermission } from '../auth/permissions.ts';
import { useCurrentUser } from '../auth/current-user.tsx';

/** The same decision as a value, for a list that asks once rather than once per row. */
export function useCan(permission: PortalPermission): boolean {
  return can(useCurrentUser().user, permission);
}

export function PermissionGate({
  permission,
  children,
  fallback = null,
}: {
  permission: PortalPermission;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  return <>{useCan(permission) ? children : fallback}</>;
}
