// A maintenance window for a connection or an organization: alerts are still recorded, ticket
// writes wait until it ends. Ending it early sends the waiting writes out.
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useEndSnooze, useSetSnooze, useSnooze, type SnoozeTarget } from '../../../hooks/use-snoozes.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { formatWhen } from '../../../ui/format-when.ts';
import { PermissionGate } from '../../../ui/permission-gate.tsx';
import { ErrorState, errorMessage, LoadingState } from '../../../ui/states.tsx';

/** A datetime-local value (the browser's local time) two hours from now. */
function inTwoHours(): string {
  const d = new Date(Date.now() + 2 * 3600_000);
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function SnoozePanel({ target, noun }: { target: SnoozeTarget; noun: string }) {
  const snooze = useSnooze(target);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="snooze-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="snooze-heading">
          Snooze (maintenance window)
        </Title>
        <Text size="sm" c="dimmed">
          While {noun} is snoozed, alerts are still recorded but no ticket is opened, noted or resolved; the
          waiting writes go out when the window ends.
        </Text>
        {snooze.isPending ? (
          <LoadingState what="the snooze" />
        ) : snooze.isError ? (
          <ErrorState what="the snooze" error={snooze.error} onRetry={() => void snooze.refetch()} />
        ) : snooze.data.current ? (
          <Current target={target} current={snooze.data.current} />
        ) : (
          <>
            <Text size="sm">Not snoozed: ticket writes go out as alerts arrive.</Text>
            <PermissionGate permission="manage_integrations">
              <SnoozeForm target={target} />
            </PermissionGate>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Current({
  target,
  current,
}: {
  target: SnoozeTarget;
  current: { startsAt: string; endsAt: string; reason: string };
}) {
  const end = useEndSnooze(target);
  return (
    <Alert color="yellow" title={`Snoozed until ${formatWhen(current.endsAt)}`}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          Since {formatWhen(current.startsAt)}
          {current.reason ? `: ${current.reason}` : ''}
        </Text>
        <PermissionGate permission="manage_integrations">
          <Button size="xs" variant="light" loading={end.isPending} onClick={() => end.mutate()}>
            End snooze now
          </Button>
        </PermissionGate>
        {end.isError && (
          <Text size="sm" c="red.8" role="alert">
            {errorMessage(end.error)}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function SnoozeForm({ target }: { target: SnoozeTarget }) {
  const set = useSetSnooze(target);
  const [until, setUntil] = useState(inTwoHours);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(set.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const endsAt = new Date(until);
    set.mutate({
      endsAt: Number.isNaN(endsAt.getTime()) ? until : endsAt.toISOString(),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  };
  return (
    <form onSubmit={submit} aria-label="Snooze ticket writes">
      <Stack gap="xs">
        <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            type="datetime-local"
            label="Snooze until"
            description="Your local time; at most 30 days."
            required
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
            error={errors.endsAt}
            miw={220}
          />
          <TextInput
            label="Reason"
            description="Shown to your team, e.g. “Tenant migration”."
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            miw={220}
          />
        </Group>
        {set.isError && !errors.endsAt && (
          <Text size="sm" c="red.8" role="alert">
            {errorMessage(set.error)}
          </Text>
        )}
        <Group>
          <Button type="submit" variant="light" loading={set.isPending}>
            Snooze ticket writes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
