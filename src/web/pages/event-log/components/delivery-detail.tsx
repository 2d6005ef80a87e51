// One delivery in a drawer: what was sent (without secrets), what the PSA answered, the alert it was
// for, and a retry when it did not go through.
import { Alert, Button, Code, Drawer, Stack, Table, Text, Title } from '@mantine/core';
import { useDelivery, useRetryDelivery } from '../../../hooks/use-deliveries.ts';
import { formatWhen } from '../../../ui/format-when.ts';
import { notify } from '../../../ui/notify.ts';
import { PermissionGate } from '../../../ui/permission-gate.tsx';
import { ErrorState, errorMessage, LoadingState } from '../../../ui/states.tsx';
import { actionLabels } from './delivery-filters.tsx';
import { OutcomeBadge } from './outcome-badge.tsx';

export function DeliveryDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const delivery = useDelivery(id);
  const retry = useRetryDelivery();
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title="Delivery"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {delivery.isPending ? (
        <LoadingState what="the delivery" />
      ) : delivery.isError ? (
        <ErrorState what="the delivery" error={delivery.error} onRetry={() => void delivery.refetch()} />
      ) : (
        <Stack>
          <Table variant="vertical" layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>When</Table.Th>
                <Table.Td>{formatWhen(delivery.data.at)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Outcome</Table.Th>
                <Table.Td>
                  <OutcomeBadge outcome={delivery.data.outcome} /> attempt {delivery.data.attempt},{' '}
                  {delivery.data.durationMs} ms
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Organization</Table.Th>
                <Table.Td>{delivery.data.organization.name}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>PSA</Table.Th>
                <Table.Td>
                  {delivery.data.connection?.name ?? 'a connection you do not see, or one removed'}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Td>
                  {actionLabels[delivery.data.action] ?? delivery.data.action}
                  {delivery.data.ticketId ? `, ticket ${delivery.data.ticketId}` : ''}
                </Table.Td>
              </Table.Tr>
              {delivery.data.alert && (
                <Table.Tr>
                  <Table.Th>Alert</Table.Th>
                  <Table.Td>
                    {delivery.data.alert.condition} · {delivery.data.alert.resource}
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <div>
            <Title order={3} size="h5">
              The PSA’s answer
            </Title>
            <Text size="sm">{delivery.data.answer ?? 'none'}</Text>
          </div>
          <div>
            <Title order={3} size="h5">
              What was sent
            </Title>
            <Code
              block
              tabIndex={0}
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              aria-label="What was sent, as JSON"
            >
              {JSON.stringify(delivery.data.request, null, 2)}
            </Code>
          </div>
          {delivery.data.outcome !== 'ok' && (
            <PermissionGate permission="manage_integrations">
              {retry.isError && (
                <Alert color="red" role="alert" title="Not retried">
                  {errorMessage(retry.error)}
                </Alert>
              )}
              <Button
                loading={retry.isPending}
                onClick={() =>
                  retry.mutate(delivery.data.id, {
                    onSuccess: (r) =>
                      notify({
                        message:
                          r.queued > 0
                            ? 'Queued: the hub tries the write again now.'
                            : 'Nothing left to write for it.',
                      }),
                  })
                }
              >
                Retry this write
              </Button>
            </PermissionGate>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
