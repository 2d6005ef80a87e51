// The billing routes of the Partner API, in the order the OpenAPI document lists them.
import { billingHistoryRoute, billingReportRoute, organizationUsageRoute } from './billing-history.ts';
import { getPlanLinkRulesRoute, setOrganizationRulesRoute, setPlanLinkRulesRoute } from './billing-rules.ts';
import { getBillingRunRoute, syncBillingRoute } from './billing-runs.ts';
import { companyFieldsRoute, getBillingSettingsRoute, setBillingSettingsRoute } from './billing-settings.ts';
import {
  approveChangeSetsRoute,
  getChangeSetRoute,
  listChangeSetsRoute,
  rejectChangeSetsRoute,
} from './change-sets.ts';

export const billingRoutes = [
  getBillingSettingsRoute,
  setBillingSettingsRoute,
  companyFieldsRoute,
  getPlanLinkRulesRoute,
  setPlanLinkRulesRoute,
  setOrganizationRulesRoute,
  listChangeSetsRoute,
  getChangeSetRoute,
  approveChangeSetsRoute,
  rejectChangeSetsRoute,
  syncBillingRoute,
  getBillingRunRoute,
  billingHistoryRoute,
  organizationUsageRoute,
  billingReportRoute,
];
