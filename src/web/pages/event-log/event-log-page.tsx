// The event log: every write the hub made to a PSA, newest first, with the PSA's answer; filters
// from the API, a detail drawer with a retry, and a CSV export of what the filters select.
import { Anchor, Button, Group, ScrollArea, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { deliveriesCsvUrl, useDeliveries, type DeliveryFilters } from '../../hooks/use-deliveries.ts';
import { formatWhen } from '../../ui/format-when.ts';
import { ListStates } from '../../ui/list-states.tsx';
import { useUrlFilters } from '../../ui/use-url-filters.ts';
import { DeliveryDetail } from './components/delivery-detail.tsx';
import { actionLabels, DeliveryFilterBar, deliveryFilterNames } from './components/delivery-filters.tsx';
import { OutcomeBadge } from './components/outcome-badge.tsx';

export function EventLogPage() {
  const filters = useUrlFilters(deliveryFilterNames);
  const query = filters.values as DeliveryFilters;
  const deliveries = useDeliveries(query);
  const [open, setOpen] = useState<string | null>(null);
  const filtered = Object.keys(filters.values).length > 0;
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Event log
          </Title>
          <Text c="dimmed">Every write the hub made to a PSA, and what the PSA answered.</Text>
        </div>
        <Anchor href={deliveriesCsvUrl(query)} download>
          Export CSV of this view
        </Anchor>
      </Group>
      <DeliveryFilterBar {...filters} />
      <ListStates
        query={deliveries}
        what="the event log"
        count={items.length}
        filtered={filtered}
        noMatch="Nothing matches these filters"
        onClearFilters={filters.clear}
        empty={{
          title: 'The hub has written nothing to a PSA yet',
          next: 'Writes appear here once a PSA is connected, its organizations are linked and the vendor platform sends alerts.',
        }}
      >
        {() => (
          <>
            <ScrollArea type="auto">
              <Table striped highlightOnHover miw={860}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Organization</Table.Th>
                    <Table.Th>PSA</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Outcome</Table.Th>
                    <Table.Th>PSA’s answer</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Details</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{formatWhen(d.at)}</Table.Td>
                      <Table.Td>{d.organization.name}</Table.Td>
                      <Table.Td>{d.connection?.name ?? '—'}</Table.Td>
                      <Table.Td>{actionLabels[d.action] ?? d.action}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <OutcomeBadge outcome={d.outcome} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {d.answer ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setOpen(d.id)}
                          aria-label={`Details of the ${d.action} for ${d.organization.name}`}
                        >
                          Details
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {deliveries.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void deliveries.fetchNextPage()}
                loading={deliveries.isFetchingNextPage}
              >
                Load more
              </Button>
            )}
          </>
        )}
      </ListStates>
      <DeliveryDetail id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
