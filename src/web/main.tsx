// The portal's entry: providers (Mantine, TanStack Query, the router) around the routes.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { isApiError } from './api/api-error.ts';
import { AppRoutes } from './app-routes.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

// The hub's Content-Security-Policy allows style tags only with this response's nonce; Mantine puts
// it on the style tags it writes (its CSS variables). Absent under `npm run dev`.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
const getStyleNonce = nonce && !nonce.startsWith('__') ? () => nonce : undefined;
// Mantine's modals lock page scroll with react-remove-scroll, whose style tag takes its nonce from here.
if (getStyleNonce) setNonce(getStyleNonce());

const queryClient = new QueryClient({
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
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
