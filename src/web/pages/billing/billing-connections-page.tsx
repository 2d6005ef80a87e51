// Which connection's billing to set: the partner's connections, each with a link to its billing.
// An operator first picks the partner.
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useConnections } from '../../hooks/use-connections.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { PartnerPicker } from '../integrations/components/partner-picker.tsx';
import { usePartnerScope } from '../integrations/use-partner-scope.ts';
import { BillingHeader } from './components/billing-nav.tsx';
import { BillingModeBadge } from './components/connection-billing.tsx';

export function BillingConnectionsPage() {
  const scope = usePartnerScope();
  const connections = useConnections(scope.partnerId);
  const live = (connections.data ?? []).filter((c) => c.status !== 'revoked');
  return (
    <Stack maw={960}>
      <BillingHeader
        title="Billing settings and sync"
        intro="Each PSA connection has its own billing mode, schedule and rules. Choose one."
      />
      {scope.mustChoose && <PartnerPicker value={scope.partnerId} onChange={scope.choose} />}
      {scope.mustChoose && !scope.partnerId ? null : connections.isPending ? (
        <LoadingState what="connections" />
      ) : connections.isError ? (
        <ErrorState what="connections" error={connections.error} onRetry={() => void connections.refetch()} />
      ) : live.length === 0 ? (
        <EmptyState
          title="No PSA is connected"
          next="Billing writes to a connected PSA. Connect ConnectWise PSA, Autotask or HaloPSA first."
          action={
            <Anchor component={Link} to="/integrations">
              Go to integrations
            </Anchor>
          }
        />
      ) : (
        <Stack gap="sm">
          {live.map((c) => (
            <Paper key={c.id} withBorder p="md">
              <Group justify="space-between">
                <div>
                  <Anchor component={Link} to={`/billing/settings/${c.id}`} fw={600}>
                    Billing of {c.name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {c.siteUrl}
                  </Text>
                </div>
                <Group gap={6}>
                  {c.isDefault && <Badge variant="light">Default PSA</Badge>}
                  <BillingModeBadge connectionId={c.id} />
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
