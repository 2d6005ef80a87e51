// The chart pictures, loaded on first use; until then a placeholder of their height keeps the
// panel from jumping.
import { Skeleton } from '@mantine/core';
import { lazy, Suspense, type ComponentProps } from 'react';

const Bars = lazy(() => import('./chart-pictures.tsx').then((m) => ({ default: m.TicketsBars })));
const Line = lazy(() => import('./chart-pictures.tsx').then((m) => ({ default: m.SuccessLine })));
const placeholder = <Skeleton h={220} aria-hidden />;

export const TicketsBars = (props: ComponentProps<typeof Bars>) => (
  <Suspense fallback={placeholder}>
    <Bars {...props} />
  </Suspense>
);

export const SuccessLine = (props: ComponentProps<typeof Line>) => (
  <Suspense fallback={placeholder}>
    <Line {...props} />
  </Suspense>
);
