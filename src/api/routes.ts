// Every API route, in one list: the app registers them, the OpenAPI document describes them, and the
// isolation test walks them, so a route added here is covered without anyone remembering to.
import { login } from './partner/auth/login.ts';
import { logout } from './partner/auth/logout.ts';
import { changePassword } from './partner/me/change-password.ts';
import { getMe } from './partner/me/get-me.ts';
import { createToken, listTokens, revokeToken } from './partner/me/tokens.ts';
import { getOrganizationRoute } from './partner/organizations/get-organization.ts';
import { listOrganizationsRoute } from './partner/organizations/list-organizations.ts';
import { createPartnerRoute } from './partner/partners/create-partner.ts';
import { getPartnerRoute } from './partner/partners/get-partner.ts';
import { listPartnersRoute } from './partner/partners/list-partners.ts';
import { updatePartnerRoute } from './partner/partners/update-partner.ts';
import { getPlanRoute } from './partner/plans/get-plan.ts';
import { listPlansRoute } from './partner/plans/list-plans.ts';
import {
  createSourceKeyRoute,
  listSourceKeysRoute,
  revokeSourceKeyRoute,
} from './partner/source-keys/source-keys.ts';
import { createUserRoute } from './partner/users/create-user.ts';
import { deleteUserRoute } from './partner/users/delete-user.ts';
import { getUserRoute } from './partner/users/get-user.ts';
import { listUsersRoute } from './partner/users/list-users.ts';
import { updateUserRoute } from './partner/users/update-user.ts';
import { checkConnectionRoute } from './partner/connections/check-connection.ts';
import { createConnectionRoute } from './partner/connections/create-connection.ts';
import {
  defaultConnectionRoute,
  resetConnectionRoute,
  revokeConnectionRoute,
} from './partner/connections/manage-connection.ts';
import { pickListsRoute } from './partner/connections/pick-lists.ts';
import { psaKindsRoute } from './partner/connections/psa-kinds.ts';
import { getConnectionRoute, listConnectionsRoute } from './partner/connections/read-connections.ts';
import { updateCredentialsRoute } from './partner/connections/update-credentials.ts';
import { companiesRoute } from './partner/connections/companies.ts';
import { companySuggestionsRoute } from './partner/connections/company-suggestions.ts';
import { productsRoute } from './partner/connections/products.ts';
import {
  deletePlanLinkRoute,
  listPlanLinksRoute,
  setPlanLinkRoute,
} from './partner/plan-links/plan-links.ts';
import { orgLinkRoutes } from './partner/org-links/routes.ts';
import { snoozeRoutesList } from './partner/snoozes/snoozes.ts';
import { ticketSettingsRoutes } from './partner/ticket-settings/routes.ts';
import { eventLogRoutes } from './partner/event-log/routes.ts';
import { alertRoutes } from './partner/alerts/routes.ts';
import { billingRoutes } from './partner/billing/routes.ts';
import { dashboardRoute } from './partner/dashboard/dashboard.ts';
import type { RouteDef } from './route.ts';
import { getErrorCatalogRoute, putErrorCatalogRoute } from './source/error-catalog.ts';
import { sourceEventsRoute } from './source/events.ts';
import { sourceOrganizationRoutes } from './source/organizations.ts';
import { sourcePartnerPlanRoutes } from './source/partner-plans.ts';
import { sourcePartnerRoutes } from './source/partners.ts';
import { sourcePlanRoutes } from './source/plans.ts';
import { getSourceUsageRoute, sourceUsageRoute } from './source/usage.ts';
import { listWebhookDeliveriesRoute, retryWebhookDeliveryRoute } from './source/webhooks/deliveries.ts';
import {
  createWebhookRoute,
  deleteWebhookRoute,
  getWebhookRoute,
  listWebhooksRoute,
  pingWebhookRoute,
} from './source/webhooks/subscriptions.ts';

const asRoutes = (...routes: unknown[]) => routes as RouteDef[];

export const partnerRoutes: RouteDef[] = asRoutes(
  login,
  logout,
  getMe,
  changePassword,
  listTokens,
  createToken,
  revokeToken,
  listPartnersRoute,
  getPartnerRoute,
  createPartnerRoute,
  updatePartnerRoute,
  listUsersRoute,
  getUserRoute,
  createUserRoute,
  updateUserRoute,
  deleteUserRoute,
  listOrganizationsRoute,
  getOrganizationRoute,
  listPlansRoute,
  getPlanRoute,
  listSourceKeysRoute,
  createSourceKeyRoute,
  revokeSourceKeyRoute,
  psaKindsRoute,
  listConnectionsRoute,
  getConnectionRoute,
  createConnectionRoute,
  updateCredentialsRoute,
  checkConnectionRoute,
  revokeConnectionRoute,
  resetConnectionRoute,
  defaultConnectionRoute,
  pickListsRoute,
  productsRoute,
  companySuggestionsRoute,
  companiesRoute,
  listPlanLinksRoute,
  setPlanLinkRoute,
  deletePlanLinkRoute,
  ...orgLinkRoutes,
  ...ticketSettingsRoutes,
  ...snoozeRoutesList,
  ...eventLogRoutes,
  ...alertRoutes,
  ...billingRoutes,
  dashboardRoute,
);

export const sourceApiRoutes: RouteDef[] = [
  ...sourcePartnerRoutes,
  ...sourcePlanRoutes,
  ...sourceOrganizationRoutes,
  ...sourcePartnerPlanRoutes,
  sourceEventsRoute as unknown as RouteDef,
  getErrorCatalogRoute as unknown as RouteDef,
  putErrorCatalogRoute as unknown as RouteDef,
  sourceUsageRoute as unknown as RouteDef,
  getSourceUsageRoute as unknown as RouteDef,
  createWebhookRoute as unknown as RouteDef,
  listWebhooksRoute as unknown as RouteDef,
  getWebhookRoute as unknown as RouteDef,
  deleteWebhookRoute as unknown as RouteDef,
  pingWebhookRoute as unknown as RouteDef,
  listWebhookDeliveriesRoute as unknown as RouteDef,
  retryWebhookDeliveryRoute as unknown as RouteDef,
];

export const allRoutes: RouteDef[] = [...partnerRoutes, ...sourceApiRoutes];
