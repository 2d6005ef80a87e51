// One partner: what it is, how many users it has and its PSA connections, with links to both.
import { Anchor, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { Partner } from '../../../client/types.ts';
import { useConnections } from '../../../hooks/use-connections.ts';
import { useUsers } from '../../../hooks/use-users.ts';
import { formatWhen } from '../../../ui/format-when.ts';
import { ErrorState, LoadingState } from '../../../ui/states.tsx';
import { StatusBadge } from '../../connection/components/connection-health.tsx';
import { kindLabels } from './partner-kinds.ts';

export function PartnerDetail({ partner, parentName }: { partner: Partner; parentName: string | null }) {
  const users = useUsers({ partnerId: partner.id });
  const connections = useConnections(partner.id);
  const userCount = users.data?.pages.flatMap((p) => p.items).length ?? 0;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="partner-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="partner-heading">
            {partner.name}
          </Title>
          <Text size="sm" c="dimmed">
            {kindLabels[partner.kind]}
            {parentName ? ` under ${parentName}` : ''} · since {formatWhen(partner.createdAt)}
            {partner.externalId ? ` · platform id ${partner.externalId}` : ''}
          </Text>
        </div>
        <div>
          <Title order={3} size="h5">
            Users
          </Title>
          {users.isPending ? (
            <LoadingState what="its users" />
          ) : users.isError ? (
            <ErrorState what="its users" error={users.error} onRetry={() => void users.refetch()} />
          ) : (
            <Group gap="xs">
              <Text size="sm">
                {userCount === 0
                  ? 'No users yet.'
                  : `${userCount}${users.hasNextPage ? '+' : ''} user${userCount === 1 ? '' : 's'}.`}
              </Text>
              <Anchor component={Link} to={`/users?partnerId=${partner.id}`} size="sm">
                See its users
              </Anchor>
            </Group>
          )}
        </div>
        <div>
          <Title order={3} size="h5">
            Connections
          </Title>
          {connections.isPending ? (
            <LoadingState what="its connections" />
          ) : connections.isError ? (
            <ErrorState
              what="its connections"
              error={connections.error}
              onRetry={() => void connections.refetch()}
            />
          ) : connections.data.length === 0 ? (
            <Text size="sm">No PSA connected yet; its users connect one under Integrations.</Text>
          ) : (
            <Table>
              <VisuallyHidden component="caption">PSA connections of {partner.name}</VisuallyHidden>
              <Table.Tbody>
                {connections.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/connections/${c.id}`} size="sm">
                        {c.name}
                      </Anchor>
                      {c.isDefault && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          (default)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge connection={c} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
