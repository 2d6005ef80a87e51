// Organization mapping routes: link, unlink, history, bulk confirm, automatic exact links, skip,
// link health and the connection's mapping settings.
import type { RouteDef } from '../../route.ts';
import { billingTargetsRoute } from './billing-targets.ts';
import { autoLinkRoute, confirmLinksRoute } from './bulk-link.ts';
import { connectionOrganizationsRoute } from './connection-organizations.ts';
import { checkLinksRoute } from './link-checks.ts';
import { deleteOrgLinkRoute, getOrgLinkRoute, setOrgLinkRoute } from './link.ts';
import { getMappingSettingsRoute, setMappingSettingsRoute } from './mapping-settings.ts';
import { skipOrganizationRoute, unskipOrganizationRoute } from './skip.ts';

export const orgLinkRoutes = [
  connectionOrganizationsRoute,
  billingTargetsRoute,
  getOrgLinkRoute,
  setOrgLinkRoute,
  deleteOrgLinkRoute,
  confirmLinksRoute,
  autoLinkRoute,
  checkLinksRoute,
  skipOrganizationRoute,
  unskipOrganizationRoute,
  getMappingSettingsRoute,
  setMappingSettingsRoute,
] as unknown as RouteDef[];
