// Ticket settings routes: partner defaults per PSA kind, a connection's values, an organization's
// overrides; each answers with the effective value of every field and where it comes from.
import type { RouteDef } from '../../route.ts';
import { getConnectionSettingsRoute, setConnectionSettingsRoute } from './connection-settings.ts';
import { getOrganizationSettingsRoute, setOrganizationSettingsRoute } from './organization-settings.ts';
import { getPartnerDefaultsRoute, setPartnerDefaultsRoute } from './partner-defaults.ts';

export const ticketSettingsRoutes: RouteDef[] = [
  getPartnerDefaultsRoute,
  setPartnerDefaultsRoute,
  getConnectionSettingsRoute,
  setConnectionSettingsRoute,
  getOrganizationSettingsRoute,
  setOrganizationSettingsRoute,
] as unknown as RouteDef[];
