// Every page of the portal and its address. A new page: a folder under pages/, a lazy line and a
// route here, and a nav item in shell/navigation.ts if it is a section of its own. Pages load on
// first visit, so the sign-in page does not wait for code it does not use.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireSession } from './auth/require-session.tsx';
import { PortalShell } from './shell/app-shell.tsx';
import { LoadingState } from './ui/states.tsx';

const IntegrationsPage = lazy(() =>
  import('./pages/integrations/integrations-page.tsx').then((m) => ({ default: m.IntegrationsPage })),
);
const ConnectWizardPage = lazy(() =>
  import('./pages/connect/connect-wizard-page.tsx').then((m) => ({ default: m.ConnectWizardPage })),
);
const ConnectionPage = lazy(() =>
  import('./pages/connection/connection-page.tsx').then((m) => ({ default: m.ConnectionPage })),
);
const AlertsPage = lazy(() =>
  import('./pages/alerts/alerts-page.tsx').then((m) => ({ default: m.AlertsPage })),
);
const EventLogPage = lazy(() =>
  import('./pages/event-log/event-log-page.tsx').then((m) => ({ default: m.EventLogPage })),
);
const ChangeSetsPage = lazy(() =>
  import('./pages/billing/change-sets-page.tsx').then((m) => ({ default: m.ChangeSetsPage })),
);
const BillingConnectionsPage = lazy(() =>
  import('./pages/billing/billing-connections-page.tsx').then((m) => ({ default: m.BillingConnectionsPage })),
);
const BillingSettingsPage = lazy(() =>
  import('./pages/billing/billing-settings-page.tsx').then((m) => ({ default: m.BillingSettingsPage })),
);
const BillingHistoryPage = lazy(() =>
  import('./pages/billing/billing-history-page.tsx').then((m) => ({ default: m.BillingHistoryPage })),
);
const UsersPage = lazy(() => import('./pages/users/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const PartnersPage = lazy(() =>
  import('./pages/partners/partners-page.tsx').then((m) => ({ default: m.PartnersPage })),
);
const AccountTokensPage = lazy(() =>
  import('./pages/account-tokens/account-tokens-page.tsx').then((m) => ({ default: m.AccountTokensPage })),
);
const SourceKeysPage = lazy(() =>
  import('./pages/source-keys/source-keys-page.tsx').then((m) => ({ default: m.SourceKeysPage })),
);
const DashboardPage = lazy(() =>
  import('./pages/dashboard/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })),
);
const PlanMappingPage = lazy(() =>
  import('./pages/plan-mapping/plan-mapping-page.tsx').then((m) => ({ default: m.PlanMappingPage })),
);
const OrgMappingPage = lazy(() =>
  import('./pages/org-mapping/org-mapping-page.tsx').then((m) => ({ default: m.OrgMappingPage })),
);
const ConnectionTicketSettingsPage = lazy(() =>
  import('./pages/ticket-settings/connection-ticket-settings-page.tsx').then((m) => ({
    default: m.ConnectionTicketSettingsPage,
  })),
);
const OrganizationTicketSettingsPage = lazy(() =>
  import('./pages/ticket-settings/organization-ticket-settings-page.tsx').then((m) => ({
    default: m.OrganizationTicketSettingsPage,
  })),
);
const TicketDefaultsPage = lazy(() =>
  import('./pages/ticket-settings/ticket-defaults-page.tsx').then((m) => ({ default: m.TicketDefaultsPage })),
);
const NotFoundPage = lazy(() =>
  import('./pages/not-found/not-found-page.tsx').then((m) => ({ default: m.NotFoundPage })),
);

const page = (element: ReactNode) => (
  <Suspense fallback={<LoadingState what="the page" />}>{element}</Suspense>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route
        element={
          <RequireSession>
            <PortalShell />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/dashboard" replace />} />
        <Route path="dashboard" element={page(<DashboardPage />)} />
        <Route path="integrations" element={page(<IntegrationsPage />)} />
        <Route path="integrations/connect/:kind" element={page(<ConnectWizardPage />)} />
        <Route path="connections/:id" element={page(<ConnectionPage />)} />
        <Route path="alerts" element={page(<AlertsPage />)} />
        <Route path="event-log" element={page(<EventLogPage />)} />
        <Route path="billing" element={page(<ChangeSetsPage />)} />
        <Route path="billing/settings" element={page(<BillingConnectionsPage />)} />
        <Route path="billing/settings/:id" element={page(<BillingSettingsPage />)} />
        <Route path="billing/history" element={page(<BillingHistoryPage />)} />
        <Route path="users" element={page(<UsersPage />)} />
        <Route path="partners" element={page(<PartnersPage />)} />
        <Route path="account/tokens" element={page(<AccountTokensPage />)} />
        <Route path="source-keys" element={page(<SourceKeysPage />)} />
        <Route path="connections/:id/plans" element={page(<PlanMappingPage />)} />
        <Route path="connections/:id/organizations" element={page(<OrgMappingPage />)} />
        <Route path="connections/:id/ticket-settings" element={page(<ConnectionTicketSettingsPage />)} />
        <Route path="organizations/:id/ticket-settings" element={page(<OrganizationTicketSettingsPage />)} />
        <Route path="ticket-defaults" element={page(<TicketDefaultsPage />)} />
        <Route path="*" element={page(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}
