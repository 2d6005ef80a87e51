// One PSA: its connection of this partner with health and actions, or an invitation to connect it.
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Connection, ConnectionCheck, PsaKind } from '../../../client/types.ts';
import { PermissionGate } from '../../../ui/permission-gate.tsx';
import { errorMessage } from '../../../ui/states.tsx';
import { ConnectionActions } from '../../connection/components/connection-actions.tsx';
import { ConnectionHealth } from '../../connection/components/connection-health.tsx';
import { PermissionList } from '../../connection/components/permission-list.tsx';

export function PsaKindCard({
  kind,
  connection,
  partnerId,
}: {
  kind: PsaKind;
  connection: Connection | undefined;
  partnerId: string;
}) {
  const [check, setCheck] = useState<{ result: ConnectionCheck | null; error: unknown } | null>(null);
  const headingId = `psa-${kind.kind}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3" id={headingId}>
            {kind.label}
          </Title>
        </Group>
        {connection ? (
          <>
            <Text size="sm">
              <Anchor component={Link} to={`/connections/${connection.id}`} fw={500}>
                {connection.name}
              </Anchor>{' '}
              <Text span c="dimmed" size="sm">
                {connection.siteUrl}
              </Text>
            </Text>
            <ConnectionHealth connection={connection} />
            <ConnectionActions
              connection={connection}
              kind={kind}
              onChecked={(result, error) => setCheck({ result, error })}
            />
            {check?.result && <PermissionList check={check.result} />}
            {check?.error != null && (
              <Alert color="red" role="alert" title="The check failed">
                {errorMessage(check.error)}
              </Alert>
            )}
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              Not connected. Connect {kind.label} and the hub opens tickets and writes billing quantities
              there.
            </Text>
            <PermissionGate
              permission="manage_integrations"
              fallback={
                <Text size="sm" c="dimmed">
                  Your role is read only: ask an admin or owner of your partner to connect it.
                </Text>
              }
            >
              <Group>
                <Button component={Link} to={`/integrations/connect/${kind.kind}?partner=${partnerId}`}>
                  Connect {kind.label}
                </Button>
              </Group>
            </PermissionGate>
          </>
        )}
      </Stack>
    </Card>
  );
}
