// A connection's ticket settings: where its tickets go, statuses, priorities per severity, the hub's
// behaviour and per-condition overrides, each with its effective value and source; storm control;
// its snooze; and the next step after connecting (plan mapping). The connect wizard lands here.
import { Alert, Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation, useParams } from 'react-router';
import type { ConnectionCheck } from '../../client/types.ts';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { can } from '../../auth/permissions.ts';
import { useConnection } from '../../hooks/use-connections.ts';
import { usePickLists } from '../../hooks/use-pick-lists.ts';
import { usePsaKinds } from '../../hooks/use-psa-kinds.ts';
import {
  useConnectionTicketSettings,
  useSaveConnectionTicketSettings,
} from '../../hooks/use-ticket-settings.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { PermissionList } from '../connection/components/permission-list.tsx';
import { PickListsBar } from './components/pick-lists-bar.tsx';
import { SettingsForm } from './components/settings-form.tsx';
import { SnoozePanel } from './components/snooze-panel.tsx';
import { StormControlPanel } from './components/storm-control.tsx';

interface ArrivedFromWizard {
  justConnected?: boolean;
  identity?: ConnectionCheck['identity'];
  permissions?: ConnectionCheck['permissions'];
}

export function ConnectionTicketSettingsPage() {
  const { id = '' } = useParams();
  const arrived = (useLocation().state ?? {}) as ArrivedFromWizard;
  const { user } = useCurrentUser();
  const connection = useConnection(id);
  const kinds = usePsaKinds();
  const settings = useConnectionTicketSettings(id);
  const lists = usePickLists(id);
  const save = useSaveConnectionTicketSettings(id);
  if (connection.isPending || kinds.isPending) return <LoadingState what="the connection" />;
  if (connection.isError)
    return (
      <ErrorState what="the connection" error={connection.error} onRetry={() => void connection.refetch()} />
    );
  if (kinds.isError)
    return <ErrorState what="the PSAs" error={kinds.error} onRetry={() => void kinds.refetch()} />;
  const c = connection.data;
  const kind = kinds.data.find((k) => k.kind === c.kind);
  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to="/integrations">
        Integrations
      </Anchor>
      <Anchor component={Link} to={`/connections/${c.id}`}>
        {c.name}
      </Anchor>
      <Text>Ticket settings</Text>
    </Breadcrumbs>
  );
  if (c.status === 'revoked' || !kind)
    return (
      <Stack maw={1040}>
        {crumbs}
        <EmptyState
          title="This connection is disconnected"
          next="Its ticket settings no longer apply. Connect the PSA again from the integrations page."
          action={
            <Button component={Link} to="/integrations" variant="light">
              Go to integrations
            </Button>
          }
        />
      </Stack>
    );
  const next = (
    <Button component={Link} to={`/connections/${c.id}/plans`}>
      Next: map plans
    </Button>
  );
  return (
    <Stack maw={1040}>
      {crumbs}
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Ticket settings
          </Title>
          <Text c="dimmed">
            {c.name} ({kind.label}): where the hub’s tickets go and how they behave. Organizations inherit
            these unless they override them; empty fields inherit your{' '}
            <Anchor component={Link} to={`/ticket-defaults?kind=${c.kind}`} underline="always">
              partner defaults
            </Anchor>
            .
          </Text>
        </div>
        {next}
      </Group>
      {arrived.justConnected && (
        <Alert color="green" title={`Connected to ${kind.label}`}>
          <Stack gap="xs">
            <Text size="sm">
              The credentials work and are stored encrypted. Choose where tickets go below, then map plans.
            </Text>
            {arrived.identity && arrived.permissions && (
              <PermissionList check={{ identity: arrived.identity, permissions: arrived.permissions }} />
            )}
          </Stack>
        </Alert>
      )}
      {settings.isPending || lists.isPending ? (
        <LoadingState what="the ticket settings and the PSA’s pick lists" />
      ) : settings.isError ? (
        <ErrorState
          what="the ticket settings"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : lists.isError ? (
        <ErrorState what="the PSA’s pick lists" error={lists.error} onRetry={() => void lists.refetch()} />
      ) : (
        <>
          <PickListsBar connectionId={c.id} fetchedAt={lists.data.fetchedAt} />
          <SettingsForm
            key={c.id}
            title={`ticket settings of ${c.name}`}
            fields={kind.ticketFields}
            own={settings.data.own}
            effective={settings.data.effective}
            lists={lists.data.lists}
            form="ids"
            here="connection"
            canEdit={can(user, 'manage_integrations')}
            save={save}
          />
        </>
      )}
      <StormControlPanel connectionId={c.id} />
      <SnoozePanel target={{ connectionId: c.id }} noun="the connection (every organization on it)" />
      <Paper withBorder p="md">
        <Group justify="space-between">
          <Text size="sm">
            Next, map your plans to {kind.label} products, then organizations to companies.
          </Text>
          {next}
        </Group>
      </Paper>
    </Stack>
  );
}
