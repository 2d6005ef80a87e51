// Alerts: one per organization × condition × resource, latest first, with its ticket and what still
// waits. Filters from the API; retry one, or reprocess a selection (ticked rows, or all that match).
import {
  Badge,
  Button,
  Checkbox,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import type { Alert } from '../../client/types.ts';
import { useAlerts, useReprocessAlerts, useRetryAlert, type AlertFilters } from '../../hooks/use-alerts.ts';
import { formatWhen } from '../../ui/format-when.ts';
import { notify } from '../../ui/notify.ts';
import { PermissionGate } from '../../ui/permission-gate.tsx';
import { ListStates } from '../../ui/list-states.tsx';
import { errorMessage } from '../../ui/states.tsx';
import { useUrlFilters } from '../../ui/use-url-filters.ts';
import { AlertDetail } from './components/alert-detail.tsx';
import { AlertFilterBar, alertFilterNames } from './components/alert-filters.tsx';

function apiFilters(values: Partial<Record<(typeof alertFilterNames)[number], string>>): AlertFilters {
  const { waiting, dead, status, q } = values;
  return {
    ...(status ? { status: status as AlertFilters['status'] } : {}),
    ...(q ? { q } : {}),
    ...(waiting ? { waiting: waiting === 'true' } : {}),
    ...(dead ? { dead: dead === 'true' } : {}),
  };
}

export function AlertsPage() {
  const filters = useUrlFilters(alertFilterNames);
  const query = apiFilters(filters.values);
  const alerts = useAlerts(query);
  const reprocess = useReprocessAlerts();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const items = alerts.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.keys(filters.values).length > 0;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const run = (selection: { alertIds: string[] } | AlertFilters) =>
    reprocess.mutate(selection, {
      onSuccess: (r) => {
        setSelected(new Set());
        notify({
          message: `${r.selected} alert(s) selected; ${r.queued} with ticket writes left are queued.`,
        });
      },
      onError: (err) => notify({ color: 'red', title: 'Not reprocessed', message: errorMessage(err) }),
    });
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          Alerts
        </Title>
        <Text c="dimmed">
          What the vendor platform reported, the ticket behind each alert, and what still waits.
        </Text>
      </div>
      <AlertFilterBar {...filters} />
      <PermissionGate permission="manage_integrations">
        <Group gap="xs">
          <Button
            size="xs"
            disabled={selected.size === 0}
            loading={reprocess.isPending}
            onClick={() => run({ alertIds: [...selected] })}
          >
            Reprocess {selected.size} selected
          </Button>
          <Button size="xs" variant="default" disabled={items.length === 0} onClick={() => run(query)}>
            Reprocess all that match the filters
          </Button>
        </Group>
      </PermissionGate>
      <ListStates
        query={alerts}
        what="alerts"
        count={items.length}
        filtered={filtered}
        noMatch="No alert matches these filters"
        onClearFilters={filters.clear}
        empty={{
          title: 'No alerts yet',
          next: 'Alerts appear when the vendor platform reports a failure for one of your organizations (Source API, POST /api/v1/source/events).',
        }}
      >
        {() => (
          <>
            <ScrollArea type="auto">
              <Table striped highlightOnHover miw={900}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <VisuallyHidden>Select</VisuallyHidden>
                    </Table.Th>
                    <Table.Th>Organization</Table.Th>
                    <Table.Th>Condition</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Last event</Table.Th>
                    <Table.Th>Ticket</Table.Th>
                    <Table.Th>Waiting</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((a) => (
                    <AlertRow
                      key={a.id}
                      alert={a}
                      selected={selected.has(a.id)}
                      onToggle={() => toggle(a.id)}
                      onOpen={() => setOpen(a.id)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {alerts.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void alerts.fetchNextPage()}
                loading={alerts.isFetchingNextPage}
              >
                Load more
              </Button>
            )}
          </>
        )}
      </ListStates>
      <AlertDetail id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function AlertRow({
  alert,
  selected,
  onToggle,
  onOpen,
}: {
  alert: Alert;
  selected: boolean;
  onToggle: () => void;
  onOpen: () => void;
}) {
  const retry = useRetryAlert();
  const label = `${alert.condition} for ${alert.organization.name}`;
  return (
    <Table.Tr>
      <Table.Td>
        <PermissionGate permission="manage_integrations">
          <Checkbox checked={selected} onChange={onToggle} aria-label={`Select ${label}`} />
        </PermissionGate>
      </Table.Td>
      <Table.Td>{alert.organization.name}</Table.Td>
      <Table.Td>
        <Text size="sm">{alert.condition}</Text>
        <Text size="xs" c="dimmed">
          {alert.resource}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge color={alert.status === 'failing' ? 'red' : 'green'} variant="light">
          {alert.status}
        </Badge>
        {alert.deadAt && (
          <Badge color="red" variant="outline" ml={4}>
            stopped
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{alert.lastEventAt ? formatWhen(alert.lastEventAt) : '—'}</Table.Td>
      <Table.Td>{alert.ticket ? `#${alert.ticket.number ?? alert.ticket.id}` : 'none yet'}</Table.Td>
      <Table.Td>
        <Text size="sm">
          {alert.pendingWrites > 0 ? `${alert.pendingWrites}: ${alert.waitingReason ?? ''}` : '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="default" onClick={onOpen} aria-label={`Details of ${label}`}>
            Details
          </Button>
          <PermissionGate permission="manage_integrations">
            {(alert.deadAt || alert.pendingWrites > 0) && (
              <Button
                size="xs"
                variant="light"
                loading={retry.isPending}
                aria-label={`Retry ${label}`}
                onClick={() =>
                  retry.mutate(alert.id, {
                    onSuccess: (r) =>
                      notify({
                        message: r.queued > 0 ? 'Queued: the hub tries again now.' : 'Nothing left to write.',
                      }),
                    onError: (err) =>
                      notify({ color: 'red', title: 'Not retried', message: errorMessage(err) }),
                  })
                }
              >
                Retry
              </Button>
            )}
          </PermissionGate>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
