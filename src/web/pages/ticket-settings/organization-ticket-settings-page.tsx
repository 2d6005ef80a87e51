// An organization's ticket overrides on the connection it is linked to: every field shows what its
// tickets get and where that comes from (the connection, a partner default, the PSA); a field set
// here overrides it for this organization only. And the organization's own snooze.
import { Anchor, Breadcrumbs, Button, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { can } from '../../auth/permissions.ts';
import { useConnection } from '../../hooks/use-connections.ts';
import { useOrganization } from '../../hooks/use-organization.ts';
import { usePickLists } from '../../hooks/use-pick-lists.ts';
import { usePsaKinds } from '../../hooks/use-psa-kinds.ts';
import {
  useOrganizationTicketSettings,
  useSaveOrganizationTicketSettings,
} from '../../hooks/use-ticket-settings.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { PickListsBar } from './components/pick-lists-bar.tsx';
import { SettingsForm } from './components/settings-form.tsx';
import { SnoozePanel } from './components/snooze-panel.tsx';

export function OrganizationTicketSettingsPage() {
  const { id = '' } = useParams();
  const org = useOrganization(id);
  const settings = useOrganizationTicketSettings(id);
  if (org.isPending || settings.isPending) return <LoadingState what="the organization’s ticket settings" />;
  if (org.isError)
    return <ErrorState what="the organization" error={org.error} onRetry={() => void org.refetch()} />;
  if (settings.isError)
    return (
      <ErrorState what="the ticket settings" error={settings.error} onRetry={() => void settings.refetch()} />
    );
  const connectionId = settings.data.connectionId;
  return (
    <Stack maw={1040}>
      <Breadcrumbs>
        <Anchor component={Link} to="/integrations">
          Integrations
        </Anchor>
        {connectionId && (
          <Anchor component={Link} to={`/connections/${connectionId}/organizations`}>
            Organizations
          </Anchor>
        )}
        <Text>{org.data.name}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1} size="h2">
          Ticket settings of {org.data.name}
        </Title>
        <Text c="dimmed">
          What this organization’s tickets get. Empty fields inherit the connection’s settings; set one to
          override it for this organization only.
        </Text>
      </div>
      {connectionId ? (
        <Linked orgName={org.data.name} orgId={id} connectionId={connectionId} />
      ) : (
        <EmptyState
          title="Not linked to a PSA company"
          next="Its tickets have nowhere to go yet. Link the organization to a company on its connection’s organization mapping, then come back to override settings."
          action={
            <Button component={Link} to="/integrations" variant="light">
              Go to integrations
            </Button>
          }
        />
      )}
      <SnoozePanel target={{ organizationId: id }} noun="the organization" />
    </Stack>
  );
}

function Linked({ orgName, orgId, connectionId }: { orgName: string; orgId: string; connectionId: string }) {
  const { user } = useCurrentUser();
  const connection = useConnection(connectionId);
  const kinds = usePsaKinds();
  const settings = useOrganizationTicketSettings(orgId);
  const lists = usePickLists(connectionId);
  const save = useSaveOrganizationTicketSettings(orgId);
  if (connection.isPending || kinds.isPending || lists.isPending)
    return <LoadingState what="the PSA’s pick lists" />;
  if (connection.isError)
    return (
      <ErrorState what="the connection" error={connection.error} onRetry={() => void connection.refetch()} />
    );
  if (kinds.isError)
    return <ErrorState what="the PSAs" error={kinds.error} onRetry={() => void kinds.refetch()} />;
  if (lists.isError)
    return (
      <ErrorState what="the PSA’s pick lists" error={lists.error} onRetry={() => void lists.refetch()} />
    );
  const kind = kinds.data.find((k) => k.kind === connection.data.kind);
  if (!kind || !settings.data) return null;
  return (
    <>
      <Text size="sm">
        Linked through{' '}
        <Anchor component={Link} to={`/connections/${connectionId}/ticket-settings`} underline="always">
          {connection.data.name}
        </Anchor>{' '}
        ({kind.label}).
      </Text>
      <PickListsBar connectionId={connectionId} fetchedAt={lists.data.fetchedAt} />
      <SettingsForm
        key={`${orgId}:${connectionId}`}
        title={`ticket settings of ${orgName}`}
        fields={kind.ticketFields}
        own={settings.data.own}
        effective={settings.data.effective}
        lists={lists.data.lists}
        form="ids"
        here="organization"
        canEdit={can(user, 'manage_integrations')}
        save={save}
      />
    </>
  );
}
