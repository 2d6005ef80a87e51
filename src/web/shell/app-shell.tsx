// The frame around every signed-in page: the hub's name, the sections the user's role may use, who
// is signed in (a menu: my tokens) and a sign-out button. On a phone the navigation folds behind a burger button.
import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { can } from '../auth/permissions.ts';
import { useCurrentUser } from '../auth/current-user.tsx';
import { useSignOut } from '../hooks/use-session.ts';
import { navItems } from './navigation.ts';
import { UserMenu } from './user-menu.tsx';

export function PortalShell() {
  const [opened, { toggle, close }] = useDisclosure();
  const { user, partner } = useCurrentUser();
  const signOut = useSignOut();
  const location = useLocation();
  const items = navItems.filter((i) => !i.permission || can(user, i.permission));
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Show navigation" />
            <Title order={1} size="h4">
              psa-hub
            </Title>
            {partner && (
              <Text size="sm" c="dimmed" visibleFrom="xs" truncate>
                {partner.name}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <UserMenu />
            <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            variant="filled"
            active={location.pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
