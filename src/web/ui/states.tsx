// Loading, empty and error states. Each says what is happening or what to do next, never only
// "Error" or "No data".
import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { isApiError } from '../client/api-error.ts';

export function LoadingState({ what }: { what: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">Loading {what}…</Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ title, next, action }: { title: string; next: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="xs" ta="center">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Text c="dimmed" maw={520}>
          {next}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}

/** What went wrong in the hub's own words, and a way to try again. */
export function ErrorState({ what, error, onRetry }: { what: string; error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" title={`Could not load ${what}`} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 403 && error.code === 'forbidden')
      return `${error.message}. Ask an owner of your partner for a role that may do this.`;
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong; try again.';
}
