// A mapping the hub accepted with a warning (a product inactive in the PSA, a company another
// organization also uses): a small badge and the hub's own words, shown where the mapping is listed.
import { Badge, Group, Text } from '@mantine/core';

export function LinkWarning({ text }: { text: string }) {
  return (
    <Group gap={6} mt={2} wrap="nowrap" align="flex-start">
      <Badge size="xs" color="yellow" variant="light" miw="max-content">
        Warning
      </Badge>
      <Text size="xs">{text}</Text>
    </Group>
  );
}
