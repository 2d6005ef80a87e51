// What can be done to a live connection, only for roles that manage integrations: even checking
// calls the PSA and rewrites the connection's health. The destructive ones say what they will do first.
import { Button, Divider, Group, List, Stack } from '@mantine/core';
import type { Connection, ConnectionCheck, PsaKind } from '../../../client/types.ts';
import { useCheckConnection, useConnectionAction } from '../../../hooks/use-connections.ts';
import { ConfirmDestructive } from '../../../ui/confirm-destructive.tsx';
import { notify } from '../../../ui/notify.ts';
import { PermissionGate } from '../../../ui/permission-gate.tsx';
import { EditCredentials } from './edit-credentials.tsx';

export function ConnectionActions({
  connection,
  kind,
  onChecked,
}: {
  connection: Connection;
  kind: PsaKind;
  onChecked: (check: ConnectionCheck | null, error: unknown) => void;
}) {
  const check = useCheckConnection(connection.id);
  const makeDefault = useConnectionAction(connection.id, 'default');
  const reset = useConnectionAction(connection.id, 'reset');
  const revoke = useConnectionAction(connection.id, 'revoke');
  const runCheck = () =>
    check.mutate(undefined, {
      onSuccess: (answer) => onChecked(answer, null),
      onError: (err) => onChecked(null, err),
    });
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <PermissionGate permission="manage_integrations">
          <Button size="xs" variant="light" onClick={runCheck} loading={check.isPending}>
            Check permissions
          </Button>
          <EditCredentials connection={connection} kind={kind} />
          {!connection.isDefault && (
            <Button
              size="xs"
              variant="default"
              loading={makeDefault.isPending}
              onClick={() =>
                makeDefault.mutate(undefined, {
                  onSuccess: () => notify({ message: `${connection.name} is now the default PSA` }),
                  onError: (err) => notify({ color: 'red', title: 'Not made default', message: err.message }),
                })
              }
            >
              Make default
            </Button>
          )}
        </PermissionGate>
      </Group>
      <PermissionGate permission="manage_integrations">
        <Divider label="Reset or disconnect" labelPosition="left" />
        <Group gap="xs">
          <ConfirmDestructive
            title={`Reset the configuration of ${connection.name}?`}
            confirmLabel="Reset configuration"
            onConfirm={() => reset.mutateAsync()}
            consequences={
              <Stack gap="xs">
                <span>This clears:</span>
                <List size="sm">
                  <List.Item>
                    the connection’s ticket settings (board or queue, statuses, priorities…),
                  </List.Item>
                  <List.Item>every organization’s override of them.</List.Item>
                </List>
                <span>
                  The connection and its credentials stay. Until ticket settings are chosen again, the hub
                  opens no tickets in {kind.label}.
                </span>
              </Stack>
            }
          >
            {(open) => (
              <Button size="xs" variant="default" color="red" onClick={open}>
                Reset configuration
              </Button>
            )}
          </ConfirmDestructive>
          <ConfirmDestructive
            title={`Disconnect ${connection.name}?`}
            confirmLabel={`Disconnect ${kind.label}`}
            onConfirm={() => revoke.mutateAsync()}
            consequences={
              <Stack gap="xs">
                <span>The stored credentials are destroyed and the hub stops writing to {kind.label}:</span>
                <List size="sm">
                  <List.Item>no tickets are opened, noted or resolved there,</List.Item>
                  <List.Item>no billing quantities are written there,</List.Item>
                  <List.Item>its organizations are unlinked from their {kind.label} companies.</List.Item>
                </List>
                <span>The event log keeps its history. To connect again you type the credentials anew.</span>
              </Stack>
            }
          >
            {(open) => (
              <Button size="xs" color="red" variant="light" onClick={open}>
                Disconnect
              </Button>
            )}
          </ConfirmDestructive>
        </Group>
      </PermissionGate>
    </Stack>
  );
}
