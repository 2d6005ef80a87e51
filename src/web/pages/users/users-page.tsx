// Users of my partner and the partners below it: who has which role where and when they last
// signed in; searched and filtered by the hub, paged by cursor. Owners and super admins invite,
// change roles and remove, within the roles they may grant.
import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { UserFilters } from '../../hooks/use-users.ts';
import { useUsers } from '../../hooks/use-users.ts';
import { usePartners } from '../../hooks/use-partners.ts';
import { PermissionGate } from '../../ui/permission-gate.tsx';
import { ListStates } from '../../ui/list-states.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { useUrlFilters } from '../../ui/use-url-filters.ts';
import { InviteUser } from './components/invite-user.tsx';
import { UserFilterBar, userFilterNames } from './components/user-filters.tsx';
import { UserRow } from './components/user-row.tsx';

export function UsersPage() {
  const filters = useUrlFilters(userFilterNames);
  const { q, partnerId, role } = filters.values;
  const query: UserFilters = {
    ...(q ? { q } : {}),
    ...(partnerId ? { partnerId } : {}),
    ...(role ? { role: role as NonNullable<UserFilters['role']> } : {}),
  };
  const users = useUsers(query);
  const partners = usePartners(true);
  const partnerList = partners.data ?? [];
  const partnerName = (id: string | null) => partnerList.find((p) => p.id === id)?.name ?? '—';
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.keys(filters.values).length > 0;
  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Users
          </Title>
          <Text c="dimmed">
            People of your partner and the partners below it, and what their role lets them do.
          </Text>
        </div>
        <PermissionGate
          permission="manage_users"
          fallback={
            <Text size="sm" c="dimmed" maw={360}>
              Owners and super admins invite users and change roles.
            </Text>
          }
        >
          <InviteUser partners={partnerList} />
        </PermissionGate>
      </Group>
      <UserFilterBar {...filters} partners={partnerList} />
      <ListStates
        query={users}
        what="users"
        count={items.length}
        filtered={filtered}
        noMatch="No user matches these filters"
        onClearFilters={filters.clear}
        empty={{
          title: 'No users yet',
          next: 'An owner or super admin invites people here; each gets a one-time password to sign in with.',
        }}
      >
        {() => (
          <>
            <ScrollTable label="Users">
              <Table striped miw={820}>
                <VisuallyHidden component="caption">Users</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>User</Table.Th>
                    <Table.Th>Partner</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Last sign-in</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((u) => (
                    <UserRow key={u.id} person={u} partnerName={partnerName(u.partnerId)} />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {users.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void users.fetchNextPage()}
                loading={users.isFetchingNextPage}
              >
                Load more
              </Button>
            )}
          </>
        )}
      </ListStates>
    </Stack>
  );
}
