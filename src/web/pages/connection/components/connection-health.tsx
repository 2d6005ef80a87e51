// A connection's health in plain words: connected or failing since when, the last success, the last
// error as the PSA gave it, what keeps it from opening tickets (missing permissions, ticket settings
// not set) and how much of the hour's API budget the hub has used.
import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import type { Connection } from '../../../client/types.ts';
import { BudgetMeter } from '../../../ui/budget-meter.tsx';
import { formatWhen } from '../../../ui/format-when.ts';

export function StatusBadge({ connection }: { connection: Connection }) {
  if (connection.status === 'connected' && connection.warnings.length > 0)
    return <Badge color="yellow">Connected, needs attention</Badge>;
  if (connection.status === 'connected') return <Badge color="green">Connected</Badge>;
  if (connection.status === 'failing') return <Badge color="red">Failing</Badge>;
  return <Badge color="gray">Disconnected</Badge>;
}

export function ConnectionHealth({ connection }: { connection: Connection }) {
  const budget = connection.budget;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <StatusBadge connection={connection} />
        {connection.isDefault && (
          <Badge variant="outline" title="Tickets of organizations not linked to a PSA go here">
            Default
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {connection.failingSince
          ? `Failing since ${formatWhen(connection.failingSince)}.`
          : connection.status === 'connected'
            ? 'Working.'
            : null}{' '}
        Last success: {connection.lastSuccessAt ? formatWhen(connection.lastSuccessAt) : 'none yet'}.
      </Text>
      {connection.warnings.map((w) => (
        <Alert
          key={w.message}
          color="yellow"
          variant="light"
          p="xs"
          title={w.kind === 'missing_permission' ? 'Missing permission' : 'Tickets blocked'}
        >
          <Text size="sm">{w.message}</Text>
          {w.fix && <Text size="sm">How to fix: {w.fix}</Text>}
        </Alert>
      ))}
      {connection.lastError && connection.status === 'failing' && (
        <Alert color="red" variant="light" p="xs" title="Last error, as the PSA gave it">
          <Text size="sm">{connection.lastError}</Text>
        </Alert>
      )}
      {budget && (
        <BudgetMeter requestsThisHour={budget.requestsThisHour} hourlyAllowance={budget.hourlyAllowance} />
      )}
    </Stack>
  );
}
