// Each connection's API budget this hour: how many requests the hub sent of the most it sends.
import { Anchor, Stack } from '@mantine/core';
import { Link } from 'react-router';
import type { DashboardConnection } from '../../../client/types.ts';
import { BudgetMeter } from '../../../ui/budget-meter.tsx';

export function ApiBudgets({
  connections,
  kindLabel,
}: {
  connections: DashboardConnection[];
  kindLabel: (kind: string) => string;
}) {
  return (
    <Stack gap="md">
      {connections.map((c) => (
        <Stack key={c.id} gap={2}>
          <Anchor component={Link} to={`/connections/${c.id}`} size="sm" fw={600}>
            {`${c.name} (${kindLabel(c.kind)})`}
          </Anchor>
          <BudgetMeter
            requestsThisHour={c.requestsThisHour}
            hourlyAllowance={c.hourlyAllowance}
            label="This hour"
          />
        </Stack>
      ))}
    </Stack>
  );
}
