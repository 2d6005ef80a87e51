// What comes after connecting. Ticket settings and mapping get pages of their own; until they exist,
// this says so rather than pretending.
import { List, Paper, Stack, Text, Title } from '@mantine/core';

export function NextSteps({ connectionId }: { connectionId: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="next-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="next-heading">
          Next steps
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>
            Ticket settings (board or queue, statuses, priorities): not in the portal yet; use{' '}
            <Text span ff="monospace" size="xs">
              PUT /api/v1/connections/{connectionId}/ticket-settings
            </Text>
            .
          </List.Item>
          <List.Item>
            Plan and organization mapping: not in the portal yet; use the plan-links and org-links endpoints
            in the <a href="/api/docs">API reference</a>.
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          These pages are not in the portal yet. Until they are, set them through the Partner API (the{' '}
          <a href="/api/docs">API reference</a> lists the ticket-settings, plan-links and org-links endpoints
          of connection{' '}
          <Text span ff="monospace" size="xs">
            {connectionId}
          </Text>
          ).
        </Text>
      </Stack>
    </Paper>
  );
}
