// Every page of the portal and its address. A new page: a folder under pages/, a line here, and a
// nav item in shell/navigation.ts if it is a section of its own.
import { Navigate, Route, Routes } from 'react-router';
import { RequireSession } from './auth/require-session.tsx';
import { ConnectWizardPage } from './pages/connect/connect-wizard-page.tsx';
import { ConnectionPage } from './pages/connection/connection-page.tsx';
import { IntegrationsPage } from './pages/integrations/integrations-page.tsx';
import { NotFoundPage } from './pages/not-found/not-found-page.tsx';
import { PortalShell } from './shell/app-shell.tsx';

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
        <Route index element={<Navigate to="/integrations" replace />} />
        <Route path="integrations" element={<IntegrationsPage />} />
        <Route path="integrations/connect/:kind" element={<ConnectWizardPage />} />
        <Route path="connections/:id" element={<ConnectionPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
