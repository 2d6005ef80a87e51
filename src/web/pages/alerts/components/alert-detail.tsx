// One alert in a drawer: its state, why writes wait, its tickets, the events behind it and the
// writes the hub made for it.
import { Alert, Badge, Drawer, List, Stack, Table, Text, Title } from '@mantine/core';
import { useAlert } from '../../../hooks/use-alerts.ts';
import { formatWhen } from '../../../ui/format-when.ts';
import { ErrorState, LoadingState } from '../../../ui/states.tsx';
import { OutcomeBadge } from '../../event-log/components/outcome-badge.tsx';

export function AlertDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const alert = useAlert(id);
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title="Alert"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {alert.isPending ? (
        <LoadingState what="the alert" />
      ) : alert.isError ? (
        <ErrorState what="the alert" error={alert.error} onRetry={() => void alert.refetch()} />
      ) : (
        <Stack>
          <div>
            <Text fw={600}>{alert.data.condition}</Text>
            <Text size="sm" c="dimmed">
              {alert.data.resource} · {alert.data.organization.name}
            </Text>
          </div>
          <Badge color={alert.data.status === 'failing' ? 'red' : 'green'} variant="light">
            {alert.data.status}
          </Badge>
          {alert.data.waitingReason && (
            <Alert color="yellow" title={`${alert.data.pendingWrites} ticket write(s) waiting`}>
              {alert.data.waitingReason}
            </Alert>
          )}
          {alert.data.noTicketReason && (
            <Alert color="gray" title="No ticket for this failure">
              {alert.data.noTicketReason}
            </Alert>
          )}
          <Title order={3} size="h5">
            Tickets
          </Title>
          {alert.data.tickets.length === 0 ? (
            <Text size="sm">No ticket yet.</Text>
          ) : (
            <List size="sm">
              {alert.data.tickets.map((t) => (
                <List.Item key={`${t.episode}-${t.id}`}>
                  Episode {t.episode}: ticket {t.number ?? t.id}
                </List.Item>
              ))}
            </List>
          )}
          <Title order={3} size="h5">
            Events ({alert.data.events.length})
          </Title>
          <List size="sm">
            {alert.data.events.slice(0, 20).map((e) => (
              <List.Item key={e.id}>
                {formatWhen(e.occurredAt)}: {e.status}
                {e.errorCode ? ` (${e.errorCode})` : ''}
                {e.message ? ` — ${e.message}` : ''}
              </List.Item>
            ))}
          </List>
          <Title order={3} size="h5">
            Writes to the PSA
          </Title>
          {alert.data.deliveries.length === 0 ? (
            <Text size="sm">None yet.</Text>
          ) : (
            <Table>
              <Table.Tbody>
                {alert.data.deliveries.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{formatWhen(d.at)}</Table.Td>
                    <Table.Td>{d.action}</Table.Td>
                    <Table.Td>
                      <OutcomeBadge outcome={d.outcome} />
                    </Table.Td>
                    <Table.Td>{d.answer ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
