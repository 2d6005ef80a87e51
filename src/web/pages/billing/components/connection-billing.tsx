// The connection's billing at a glance, for the connection page and the billing chooser: its mode
// and schedule, and the way to its billing settings, rules and Sync now.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../../../ui/states.tsx';
import { useBillingSettings } from '../use-billing-settings.ts';
import { describeSchedule, modes } from './settings-words.ts';

const modeColors = { off: 'gray', preview: 'yellow', auto: 'green' } as const;

export function BillingModeBadge({ connectionId }: { connectionId: string }) {
  const settings = useBillingSettings(connectionId);
  if (!settings.data) return null;
  const mode = modes.find((m) => m.value === settings.data.mode);
  return (
    <Badge color={modeColors[settings.data.mode]} variant="light">
      Billing: {mode?.label ?? settings.data.mode}
    </Badge>
  );
}

export function ConnectionBilling({ connectionId }: { connectionId: string }) {
  const settings = useBillingSettings(connectionId);
  const mode = settings.data && modes.find((m) => m.value === settings.data.mode);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="billing-heading">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="billing-heading">
            Billing
          </Title>
          <BillingModeBadge connectionId={connectionId} />
        </Group>
        <Text size="sm">
          {settings.isPending
            ? 'Loading the billing settings…'
            : settings.isError
              ? `The billing settings could not be read: ${errorMessage(settings.error)}`
              : `${mode?.means ?? ''} ${describeSchedule(settings.data.schedule)}.`}
        </Text>
        <Group gap="md">
          <Anchor component={Link} to={`/billing/settings/${connectionId}`} size="sm">
            Billing settings, rules and sync
          </Anchor>
          <Anchor component={Link} to={`/billing?connectionId=${connectionId}`} size="sm">
            Change sets of this connection
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
