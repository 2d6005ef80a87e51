// What comes after connecting, each a page of its own: ticket settings, plan mapping, organization
// mapping. Ticket settings say whether they are done, from the connection's effective view (which
// names a required field left empty as a problem).
import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useConnectionTicketSettings } from '../../../hooks/use-ticket-settings.ts';

export function NextSteps({ connectionId }: { connectionId: string }) {
  const settings = useConnectionTicketSettings(connectionId);
  const problems = settings.data?.effective.filter((e) => e.problem).length ?? 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="next-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="next-heading">
          Next steps
        </Title>
        <List size="sm" spacing={6} type="ordered">
          <List.Item>
            <Group gap="xs">
              <Anchor component={Link} to={`/connections/${connectionId}/ticket-settings`}>
                Ticket settings
              </Anchor>
              <Text span size="sm" c="dimmed">
                board or queue, statuses, priorities
              </Text>
              {settings.data &&
                (problems ? (
                  <Badge color="orange" variant="light">
                    {problems} to fix
                  </Badge>
                ) : (
                  <Badge color="green" variant="light">
                    Ready
                  </Badge>
                ))}
            </Group>
          </List.Item>
          <List.Item>
            <Group gap="xs">
              <Anchor component={Link} to={`/connections/${connectionId}/plans`}>
                Plan mapping
              </Anchor>
              <Text span size="sm" c="dimmed">
                your plans → PSA products
              </Text>
            </Group>
          </List.Item>
          <List.Item>
            <Group gap="xs">
              <Anchor component={Link} to={`/connections/${connectionId}/organizations`}>
                Organization mapping
              </Anchor>
              <Text span size="sm" c="dimmed">
                your organizations → PSA companies
              </Text>
            </Group>
          </List.Item>
        </List>
      </Stack>
    </Paper>
  );
}
