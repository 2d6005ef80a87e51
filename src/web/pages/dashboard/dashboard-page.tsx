// The dashboard: what needs attention and how the hub has been doing, for the user's partner and
// those below it (operators: every partner), or one partner of those (?partner=…). Alerts by state, tickets and PSA writes per day, failing
// connections and the API budget. A partner with no PSA yet is told to connect one.
import { Anchor, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useDashboard } from '../../hooks/use-dashboard.ts';
import { usePsaKinds } from '../../hooks/use-psa-kinds.ts';
import { PermissionGate } from '../../ui/permission-gate.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { useUrlFilters } from '../../ui/use-url-filters.ts';
import { AlertCounts } from './components/alert-counts.tsx';
import { ApiBudgets } from './components/api-budgets.tsx';
import { DashboardSection } from './components/dashboard-section.tsx';
import { DeliveryRateChart } from './components/delivery-rate-chart.tsx';
import { TicketsChart } from './components/tickets-chart.tsx';
import { TroubledConnections } from './components/troubled-connections.tsx';

const periods = ['14', '30'] as const;
// Only users with partners below them (and operators) get the picker: its Select loads when needed,
// keeping the landing page's own code small.
const ScopePicker = lazy(() =>
  import('./components/scope-picker.tsx').then((m) => ({ default: m.ScopePicker })),
);

export function DashboardPage() {
  const filters = useUrlFilters(['days', 'partner']);
  const days = filters.values.days === '30' ? 30 : 14;
  const partnerId = filters.values.partner;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            Dashboard
          </Title>
          <Text c="dimmed">What needs attention, and how tickets and PSA writes have gone.</Text>
        </div>
        <Group align="flex-end" wrap="wrap">
          <Suspense fallback={null}>
            <ScopePicker value={partnerId} onChange={(id) => filters.set('partner', id)} />
          </Suspense>
          <div role="group" aria-label="Period">
            <SegmentedControl
              value={String(days)}
              onChange={(v) => filters.set('days', v === '14' ? null : v)}
              data={periods.map((p) => ({ value: p, label: `Last ${p} days` }))}
            />
          </div>
        </Group>
      </Group>
      <Figures partnerId={partnerId} days={days} />
    </Stack>
  );
}

function Figures({ partnerId, days }: { partnerId: string | undefined; days: number }) {
  const { partner } = useCurrentUser();
  const dashboard = useDashboard(partnerId, days);
  const kinds = usePsaKinds();
  if (dashboard.isPending) return <LoadingState what="the dashboard" />;
  if (dashboard.isError)
    return (
      <Stack gap="xs">
        <ErrorState what="the dashboard" error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        {/* A partner out of reach (an old or shared link): back to what the user does see. */}
        {partnerId && (
          <div>
            <Anchor component={Link} to="/dashboard">
              Show the dashboard of every partner you see
            </Anchor>
          </div>
        )}
      </Stack>
    );
  const { alerts, daily, connections } = dashboard.data;
  const kindLabel = (kind: string) => kinds.data?.find((k) => k.kind === kind)?.label ?? kind;
  const anyAlert = alerts.open + alerts.waiting + alerts.dead > 0;
  // A connection of a partner below the user's is named with its partner.
  const showPartner = connections.some((c) => c.partner.id !== partner?.id);
  if (connections.length === 0)
    return (
      <Stack>
        <EmptyState
          title="Connect a PSA to get started"
          next="The hub opens tickets and writes billing into your PSA (ConnectWise PSA, Autotask or HaloPSA). Once one is connected, alerts, tickets and the PSA's health show here."
          action={
            <PermissionGate
              permission="manage_integrations"
              fallback={<Text size="sm">Ask an admin or owner of your partner to connect one.</Text>}
            >
              <Button component={Link} to="/integrations">
                Connect a PSA
              </Button>
            </PermissionGate>
          }
        />
        {anyAlert && (
          <DashboardSection
            title="Alerts"
            description="Alerts the hub has, though no PSA is connected to ticket them."
          >
            <AlertCounts alerts={alerts} />
          </DashboardSection>
        )}
      </Stack>
    );
  return (
    <Stack>
      <DashboardSection
        title="Alerts"
        description="Alerts that are failing or whose ticket writes are held up."
      >
        <AlertCounts alerts={alerts} />
      </DashboardSection>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <DashboardSection
          title="Tickets per day"
          description="Tickets the hub opened (or reopened) and resolved in a PSA, by UTC day."
        >
          <TicketsChart daily={daily} />
        </DashboardSection>
        <DashboardSection
          title="PSA writes that succeeded"
          description="The share of writes to a PSA that went through, by UTC day."
        >
          <DeliveryRateChart daily={daily} />
        </DashboardSection>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <DashboardSection title="Connections in trouble">
          <TroubledConnections connections={connections} kindLabel={kindLabel} showPartner={showPartner} />
        </DashboardSection>
        <DashboardSection
          title="API budget"
          description="Requests the hub sent to each PSA this hour, of the most it sends."
        >
          <ApiBudgets connections={connections} kindLabel={kindLabel} />
        </DashboardSection>
      </SimpleGrid>
    </Stack>
  );
}
