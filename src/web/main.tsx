// The portal's entry: providers (Mantine, TanStack Query, the router) around the routes.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { isApiError } from './client/api-error.ts';
import { AppRoutes } from './app-routes.tsx';
import { meKey } from './hooks/use-session.ts';
import { cssVariablesResolver, theme } from './theme.ts';

// The hub's Content-Security-Policy allows style tags only with this response's nonce; Mantine puts
// it on the style tags it writes (its CSS variables). Absent under `npm run dev`.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
const getStyleNonce = nonce && !nonce.startsWith('__') ? () => nonce : undefined;
// Mantine's modals lock page scroll with react-remove-scroll, whose style tag takes its nonce from here.
if (getStyleNonce) setNonce(getStyleNonce());

// A session that ended (expired, or signed out elsewhere) turns any call into 401: show the sign-in
// page instead of an error. A 403 asking for the password change re-reads the session, which then
// shows the change form.
const onApiError = (error: unknown) => {
  if (!isApiError(error)) return;
  if (error.status === 401 && error.code === 'unauthenticated') queryClient.setQueryData(meKey, null);
  if (error.code === 'password_change_required') void queryClient.invalidateQueries({ queryKey: meKey });
};

// Toasts come after the first page (they follow something the user did), so their code loads apart
// from the first route's; the store they read is the one ui/notify.ts writes to.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // A refusal will not change by asking again; a network blip may.
      retry: (count, error) => (!isApiError(error) || error.status === 0 || error.status >= 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      {...(getStyleNonce ? { getStyleNonce } : {})}
    >
      <Suspense fallback={null}>
        <Notifications />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
