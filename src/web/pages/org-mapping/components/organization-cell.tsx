// An organization's name, its id on the vendor platform and the way to its ticket settings: the
// first cell of every row of the mapping lists.
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

export function OrganizationCell({
  organization,
}: {
  organization: { id: string; name: string; externalId: string };
}) {
  return (
    <>
      <Text size="sm" fw={500}>
        {organization.name}
      </Text>
      <Text size="xs" c="dimmed">
        {organization.externalId} ·{' '}
        <Anchor
          component={Link}
          to={`/organizations/${organization.id}/ticket-settings`}
          size="xs"
          aria-label={`Ticket settings of ${organization.name}`}
        >
          Ticket settings
        </Anchor>
      </Text>
    </>
  );
}
