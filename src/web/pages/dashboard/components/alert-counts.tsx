// Alerts that want attention, by state: each a number, its meaning in words, and a link to the alert
// list filtered to exactly those.
import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Dashboard } from '../../../client/types.ts';

const states = [
  {
    key: 'open',
    label: 'Open',
    meaning: 'failing, with a ticket the hub keeps up to date',
    to: '/alerts?status=failing&waiting=false&dead=false',
  },
  {
    key: 'waiting',
    label: 'Waiting',
    meaning: 'ticket writes wait for something: a link to a PSA, a PSA that answers',
    to: '/alerts?waiting=true&dead=false',
  },
  {
    key: 'dead',
    label: 'Stopped',
    meaning: 'the PSA refused them until someone retries',
    to: '/alerts?dead=true',
  },
] as const;

export function AlertCounts({ alerts }: { alerts: Dashboard['alerts'] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
      {states.map((s) => (
        <Paper key={s.key} withBorder p="sm" radius="md">
          <Text size="sm" fw={600}>
            {s.label}
          </Text>
          <Text fz={32} fw={700} lh={1.2}>
            {alerts[s.key].toLocaleString()}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {s.meaning}
          </Text>
          <Anchor component={Link} to={s.to} size="sm">
            {`See ${s.label.toLowerCase()} alerts`}
          </Anchor>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
