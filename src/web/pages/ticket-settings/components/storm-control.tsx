// Storm control of a connection: past a cap of new tickets per PSA company per hour, alerts join one
// digest ticket; when many organizations fail with the same error class within minutes, they join
// one incident ticket on the catch-all company.
import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { MappingSettings } from '../../../client/types.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { notify } from '../../../ui/notify.ts';
import { PermissionGate } from '../../../ui/permission-gate.tsx';
import { ErrorState, errorMessage, LoadingState } from '../../../ui/states.tsx';
import { useMappingSettings, useSaveStormControl, type StormControl } from '../use-storm-control.ts';

export function StormControlPanel({ connectionId }: { connectionId: string }) {
  const settings = useMappingSettings(connectionId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="storm-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="storm-heading">
          Storm control
        </Title>
        <Text size="sm" c="dimmed">
          Keeps a burst of failures from flooding the PSA: past the cap, a company’s alerts join one digest
          ticket; many organizations failing the same way at once make one incident ticket.
        </Text>
        {settings.isPending ? (
          <LoadingState what="storm control" />
        ) : settings.isError ? (
          <ErrorState what="storm control" error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <PermissionGate permission="manage_integrations" fallback={<Summary s={settings.data} />}>
            <StormForm connectionId={connectionId} current={settings.data} />
          </PermissionGate>
        )}
        {settings.data && !settings.data.catchAll && settings.data.incidentOrganizations > 0 && (
          <Text size="sm">
            Incident tickets go to the catch-all company, which is not set: choose it in{' '}
            <Anchor component={Link} to={`/connections/${connectionId}/organizations`} underline="always">
              organization mapping
            </Anchor>
            .
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Summary({ s }: { s: MappingSettings }) {
  return (
    <Text size="sm">
      At most {s.maxTicketsPerCompanyHour} new tickets per company per hour;{' '}
      {s.incidentOrganizations > 0
        ? `one incident ticket when ${s.incidentOrganizations} organizations fail the same way within ${s.incidentWindowMinutes} minutes.`
        : 'incident grouping is off.'}
    </Text>
  );
}

function StormForm({ connectionId, current }: { connectionId: string; current: MappingSettings }) {
  const save = useSaveStormControl(connectionId);
  const [storm, setStorm] = useState<StormControl>({
    maxTicketsPerCompanyHour: current.maxTicketsPerCompanyHour,
    incidentOrganizations: current.incidentOrganizations,
    incidentWindowMinutes: current.incidentWindowMinutes,
  });
  const errors = fieldErrors(save.error);
  const num = (name: keyof StormControl) => ({
    value: storm[name],
    error: errors[name],
    allowDecimal: false,
    onChange: (v: string | number) =>
      setStorm((s) => ({ ...s, [name]: typeof v === 'number' ? v : s[name] })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { current, storm },
      { onSuccess: () => notify({ color: 'green', message: 'Saved storm control' }) },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Storm control">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label="New tickets per company per hour"
            description="1–1000; the rest join a digest ticket."
            {...num('maxTicketsPerCompanyHour')}
          />
          <NumberInput
            label="Organizations that make an incident"
            description="Failing with one error class; 0 turns incidents off."
            {...num('incidentOrganizations')}
          />
          <NumberInput
            label="Incident window (minutes)"
            description="1–240."
            {...num('incidentWindowMinutes')}
          />
        </SimpleGrid>
        {save.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert" title="Not saved">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" variant="light" loading={save.isPending}>
            Save storm control
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
