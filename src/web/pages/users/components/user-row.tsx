// One user in the list: who, which partner, role, last sign-in. A manager whose role covers this
// user's may change the role (to those it may grant) and remove them; nobody changes themselves.
import { Badge, Button, Select, Table, Text } from '@mantine/core';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { assignableRoles, roleLabels, type PartnerRole } from '../../../auth/permissions.ts';
import type { User } from '../../../client/types.ts';
import { useChangeRole, useRemoveUser } from '../../../hooks/use-users.ts';
import { ConfirmDestructive } from '../../../ui/confirm-destructive.tsx';
import { formatWhen } from '../../../ui/format-when.ts';
import { notify } from '../../../ui/notify.ts';
import { errorMessage } from '../../../ui/states.tsx';

export function UserRow({ person, partnerName }: { person: User; partnerName: string }) {
  const { user: me } = useCurrentUser();
  const roles = assignableRoles(me);
  const change = useChangeRole();
  const remove = useRemoveUser();
  const manageable = person.id !== me.id && (roles as string[]).includes(person.role);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {person.name}
          {person.id === me.id && ' (you)'}
        </Text>
        <Text size="xs" c="dimmed">
          {person.email}
        </Text>
      </Table.Td>
      <Table.Td>{partnerName}</Table.Td>
      <Table.Td>
        {manageable ? (
          <Select
            aria-label={`Role of ${person.name}`}
            size="xs"
            w={190}
            data={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
            value={person.role}
            allowDeselect={false}
            disabled={change.isPending}
            onChange={(role) =>
              role &&
              role !== person.role &&
              change.mutate(
                { id: person.id, role: role as PartnerRole },
                {
                  onSuccess: () =>
                    notify({ message: `${person.name} is now ${roleLabels[role as PartnerRole]}.` }),
                  onError: (err) =>
                    notify({ color: 'red', title: 'Role not changed', message: errorMessage(err) }),
                },
              )
            }
          />
        ) : (
          <Badge variant="light" color={person.role === 'viewer' ? 'gray' : 'blue'}>
            {roleLabels[person.role]}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {person.lastSignInAt ? (
          formatWhen(person.lastSignInAt)
        ) : (
          <Text size="sm" c="dimmed">
            {person.mustChangePassword ? 'not yet (invited)' : 'never'}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {manageable && (
          <ConfirmDestructive
            title={`Remove ${person.name}?`}
            consequences={
              <>
                {person.name} ({person.email}) can no longer sign in: their sessions and personal access
                tokens end now. What they changed stays, and the audit log still names them.
              </>
            }
            confirmLabel={`Remove ${person.name}`}
            onConfirm={() =>
              remove.mutateAsync(person.id).then(() => notify({ message: `${person.name} is removed.` }))
            }
          >
            {(open) => (
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={open}
                aria-label={`Remove ${person.name}`}
              >
                Remove
              </Button>
            )}
          </ConfirmDestructive>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
