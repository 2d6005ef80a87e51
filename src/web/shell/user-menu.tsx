// Who is signed in, as a menu of what is about them: their personal access tokens.
import { Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { roleLabels } from '../auth/permissions.ts';
import { useCurrentUser } from '../auth/current-user.tsx';

export function UserMenu() {
  const { user } = useCurrentUser();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton px={6} py={2} style={{ borderRadius: 6 }}>
          <Group gap={6} wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="sm">
              <Text size="sm">{user.email}</Text>
              <Text size="xs" c="dimmed">
                {roleLabels[user.role]}
              </Text>
            </Stack>
            <Text size="sm" hiddenFrom="sm">
              Account
            </Text>
            {/* Says "this opens something": the trigger is otherwise plain text. */}
            <Text size="xs" aria-hidden>
              ▾
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{roleLabels[user.role]}</Menu.Label>
        <Menu.Item component={Link} to="/account/tokens">
          My tokens
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
