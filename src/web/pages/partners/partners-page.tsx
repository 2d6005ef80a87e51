// The partner tree: my partner and those below it (operators: every partner), the chosen one's
// users and connections, and, for operators, a new partner below it. The choice is in the address.
import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { usePartners } from '../../hooks/use-partners.ts';
import { PermissionGate } from '../../ui/permission-gate.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { useUrlFilters } from '../../ui/use-url-filters.ts';
import { CreatePartner } from './components/create-partner.tsx';
import { PartnerDetail } from './components/partner-detail.tsx';
import { PartnerTree } from './components/partner-tree.tsx';

export function PartnersPage() {
  const { partner: mine } = useCurrentUser();
  const partners = usePartners(true);
  const { values, set } = useUrlFilters(['partner'] as const);
  const list = partners.data ?? [];
  const chosen = list.find((p) => p.id === (values.partner ?? mine?.id)) ?? list[0];
  return (
    <Stack maw={1200}>
      <div>
        <Title order={1} size="h2">
          Partners
        </Title>
        <Text c="dimmed">
          {mine ? `${mine.name} and the partners below it.` : 'Every partner of the vendor platform.'} Choose
          one to see its users and connections.
        </Text>
      </div>
      {partners.isPending ? (
        <LoadingState what="partners" />
      ) : partners.isError ? (
        <ErrorState what="partners" error={partners.error} onRetry={() => void partners.refetch()} />
      ) : !chosen ? (
        <EmptyState
          title="No partners yet"
          next="The vendor platform creates partners through the Source API (PUT /api/v1/source/partners/{externalId}); they appear here as soon as it does."
        />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="xs" radius="md">
              <PartnerTree partners={list} selected={chosen.id} onSelect={(id) => set('partner', id)} />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack>
              <PartnerDetail
                partner={chosen}
                parentName={list.find((p) => p.id === chosen.parentId)?.name ?? null}
              />
              <PermissionGate
                permission="operator"
                fallback={
                  <Text size="sm" c="dimmed">
                    New partners come from the vendor platform, or an operator creates them.
                  </Text>
                }
              >
                <CreatePartner
                  key={chosen.id}
                  parent={chosen}
                  onCreated={(created) => set('partner', created.id)}
                />
              </PermissionGate>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
