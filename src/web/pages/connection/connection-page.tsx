// One connection: health, the credentials' non-secret fields, the permission check, actions, and the
// next steps (ticket settings, mapping) that have pages of their own.
import { Alert, Anchor, Breadcrumbs, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { ConnectionCheck } from '../../client/types.ts';
import { useConnection } from '../../hooks/use-connections.ts';
import { usePsaKinds } from '../../hooks/use-psa-kinds.ts';
import { ErrorState, errorMessage, LoadingState } from '../../ui/states.tsx';
import { formatWhen } from '../../ui/format-when.ts';
import { ConnectionActions } from './components/connection-actions.tsx';
import { ConnectionHealth } from './components/connection-health.tsx';
import { NextSteps } from './components/next-steps.tsx';
import { PermissionList } from './components/permission-list.tsx';
import { ConnectionBilling } from '../billing/components/connection-billing.tsx';

interface ArrivedFromWizard {
  justConnected?: boolean;
  identity?: ConnectionCheck['identity'];
  permissions?: ConnectionCheck['permissions'];
}

export function ConnectionPage() {
  const { id = '' } = useParams();
  const arrived = (useLocation().state ?? {}) as ArrivedFromWizard;
  const connection = useConnection(id);
  const kinds = usePsaKinds();
  const [check, setCheck] = useState<{
    result: Pick<ConnectionCheck, 'identity' | 'permissions'> | null;
    error: unknown;
  } | null>(
    arrived.identity && arrived.permissions
      ? { result: { identity: arrived.identity, permissions: arrived.permissions }, error: null }
      : null,
  );
  if (connection.isPending || kinds.isPending) return <LoadingState what="the connection" />;
  if (connection.isError)
    return (
      <ErrorState what="the connection" error={connection.error} onRetry={() => void connection.refetch()} />
    );
  if (kinds.isError)
    return <ErrorState what="the PSAs" error={kinds.error} onRetry={() => void kinds.refetch()} />;
  const c = connection.data;
  const kind = kinds.data.find((k) => k.kind === c.kind);
  const fields = kind?.credentials.filter((f) => !f.secret) ?? [];
  return (
    <Stack maw={960}>
      <Breadcrumbs>
        <Anchor component={Link} to="/integrations">
          Integrations
        </Anchor>
        <Text>{c.name}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1} size="h2">
          {c.name}
        </Title>
        <Text c="dimmed">
          {kind?.label ?? c.kind} at {c.siteUrl}
        </Text>
      </div>
      {arrived.justConnected && (
        <Alert color="green" title={`Connected to ${kind?.label ?? c.kind}`}>
          The credentials work and are stored encrypted. Next, choose the ticket settings and map plans and
          organizations.
        </Alert>
      )}
      {c.status !== 'revoked' && <NextSteps connectionId={c.id} />}
      {c.status === 'revoked' && (
        <Alert color="gray" title="Disconnected">
          Disconnected {c.revokedAt ? formatWhen(c.revokedAt) : ''}. Its history stays in the event log;
          connect the PSA again from the integrations page.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="health-heading">
          <Stack gap="sm">
            <Title order={2} size="h4" id="health-heading">
              Health
            </Title>
            <ConnectionHealth connection={c} />
            {kind && c.status !== 'revoked' && (
              <ConnectionActions
                connection={c}
                kind={kind}
                onChecked={(result, error) => setCheck({ result, error })}
              />
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="credentials-heading">
          <Stack gap="sm">
            <Title order={2} size="h4" id="credentials-heading">
              Credentials
            </Title>
            <Table variant="vertical" layout="fixed" withTableBorder={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={160}>{kind?.siteUrl.label ?? 'Site'}</Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.siteUrl}</Table.Td>
                </Table.Tr>
                {fields.map((f) => (
                  <Table.Tr key={f.name}>
                    <Table.Th>{f.label}</Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {c.credentialHints[f.name] ?? '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              Secrets (
              {kind?.credentials
                .filter((f) => f.secret)
                .map((f) => f.label)
                .join(', ') || 'none'}
              ) are stored encrypted and never shown.
            </Text>
          </Stack>
        </Paper>
      </SimpleGrid>
      {(check?.result || check?.error != null) && (
        <Paper withBorder p="md" component="section" aria-labelledby="check-heading">
          <Stack gap="sm">
            <Title order={2} size="h4" id="check-heading">
              Permissions
            </Title>
            {check.result && <PermissionList check={check.result} />}
            {check.error != null && (
              <Alert color="red" role="alert" title="The check failed">
                {errorMessage(check.error)}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
      <ConnectionBilling connectionId={c.id} />
    </Stack>
  );
}
