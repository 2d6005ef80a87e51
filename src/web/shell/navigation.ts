// The portal's sections. Each names the permission it needs (or none: every signed-in user may read
// it), and the shell shows only those the user's role may use.
import type { PortalPermission } from '../auth/permissions.ts';

export interface NavItem {
  label: string;
  to: string;
  permission?: PortalPermission;
}

export const navItems: NavItem[] = [
  { label: 'Dashboard', to: '/dashboard' },
  { label: 'Integrations', to: '/integrations' },
  { label: 'Ticket defaults', to: '/ticket-defaults' },
  { label: 'Alerts', to: '/alerts' },
  { label: 'Event log', to: '/event-log' },
  { label: 'Billing', to: '/billing' },
  { label: 'Users', to: '/users' },
  { label: 'Partners', to: '/partners' },
  { label: 'Source keys', to: '/source-keys', permission: 'operator' },
];
