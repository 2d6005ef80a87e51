// Integrations: a card per PSA the hub connects to, each with this partner's connection to it.
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useConnections } from '../../hooks/use-connections.ts';
import { usePsaKinds } from '../../hooks/use-psa-kinds.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { PartnerPicker } from './components/partner-picker.tsx';
import { PsaKindCard } from './components/psa-kind-card.tsx';
import { usePartnerScope } from './use-partner-scope.ts';

export function IntegrationsPage() {
  const scope = usePartnerScope();
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          Integrations
        </Title>
        <Text c="dimmed">
          The PSAs the hub writes tickets and billing to, and how each connection is doing.
        </Text>
      </div>
      {scope.mustChoose && <PartnerPicker value={scope.partnerId} onChange={scope.choose} />}
      {scope.partnerId ? (
        <PsaCards partnerId={scope.partnerId} />
      ) : (
        <EmptyState
          title="No partner chosen"
          next="Choose a partner above to see and manage its PSA connections."
        />
      )}
    </Stack>
  );
}

function PsaCards({ partnerId }: { partnerId: string }) {
  const kinds = usePsaKinds();
  const connections = useConnections(partnerId);
  if (kinds.isPending || connections.isPending) return <LoadingState what="integrations" />;
  if (kinds.isError)
    return <ErrorState what="the PSAs" error={kinds.error} onRetry={() => void kinds.refetch()} />;
  if (connections.isError)
    return (
      <ErrorState what="connections" error={connections.error} onRetry={() => void connections.refetch()} />
    );
  const live = connections.data.filter((c) => c.partnerId === partnerId && c.status !== 'revoked');
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
      {kinds.data.map((kind) => (
        <PsaKindCard
          key={kind.kind}
          kind={kind}
          partnerId={partnerId}
          connection={live.find((c) => c.kind === kind.kind)}
        />
      ))}
    </SimpleGrid>
  );
}
