// When the PSA's pick lists were read, and a way to read them again (a board or status just added
// in the PSA shows up without waiting for the cache).
import { Alert, Button, Group, Text } from '@mantine/core';
import { useRefreshPickLists } from '../../../hooks/use-pick-lists.ts';
import { formatWhen } from '../../../ui/format-when.ts';
import { errorMessage } from '../../../ui/states.tsx';

export function PickListsBar({
  connectionId,
  fetchedAt,
}: {
  connectionId: string;
  fetchedAt: string | null;
}) {
  const refresh = useRefreshPickLists(connectionId);
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed">
        {fetchedAt
          ? `Choices read from the PSA ${formatWhen(fetchedAt)}.`
          : 'Choices not read from the PSA yet.'}
      </Text>
      <Button size="xs" variant="light" loading={refresh.isPending} onClick={() => refresh.mutate()}>
        Refresh pick lists
      </Button>
      {refresh.isError && (
        <Alert color="red" role="alert" title="The PSA’s lists could not be read" w="100%">
          {errorMessage(refresh.error)}
        </Alert>
      )}
    </Group>
  );
}
