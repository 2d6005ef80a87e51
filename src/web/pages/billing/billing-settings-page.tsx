// A connection's billing: Sync now with its progress, the settings (a form for a billing manager, a
// summary for everyone else) and the billing rules of each mapped plan.
import { Alert, Anchor, Breadcrumbs, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useConnection } from '../../hooks/use-connections.ts';
import { PermissionGate } from '../../ui/permission-gate.tsx';
import { ErrorState, LoadingState } from '../../ui/states.tsx';
import { BillingSettingsForm, BillingSettingsSummary } from './components/billing-settings-form.tsx';
import { BillingHeader } from './components/billing-nav.tsx';
import { PlanRules } from './components/plan-rules.tsx';
import { SyncNow } from './components/sync-now.tsx';
import { useBillingSettings } from './use-billing-settings.ts';

export function BillingSettingsPage() {
  const { id = '' } = useParams();
  const connection = useConnection(id);
  const settings = useBillingSettings(id);
  if (connection.isPending) return <LoadingState what="the connection" />;
  if (connection.isError)
    return (
      <ErrorState what="the connection" error={connection.error} onRetry={() => void connection.refetch()} />
    );
  const c = connection.data;
  const revoked = c.status === 'revoked';
  return (
    <Stack maw={1100}>
      <BillingHeader
        title={`Billing of ${c.name}`}
        intro="How this connection keeps the quantities on the PSA’s billing records in step with the usage: when it writes, what waits for a person, and how usage becomes a quantity."
      />
      <Breadcrumbs>
        <Anchor component={Link} to="/billing/settings">
          Settings and sync
        </Anchor>
        <Anchor component={Link} to={`/connections/${c.id}`}>
          Connection {c.name}
        </Anchor>
      </Breadcrumbs>
      {revoked && (
        <Alert color="gray" title="Disconnected">
          This connection is disconnected: nothing is synced and its settings cannot change.
        </Alert>
      )}
      <PermissionGate permission="manage_billing">
        <Section id="sync" title="Sync now">
          <SyncNow
            connectionId={c.id}
            disabledReason={
              revoked
                ? 'A disconnected connection is not synced.'
                : settings.data?.mode === 'off'
                  ? 'Billing is off for this connection: set the mode to preview or automatic first.'
                  : undefined
            }
          />
        </Section>
      </PermissionGate>
      <Section id="settings" title="Settings">
        {settings.isPending ? (
          <LoadingState what="the billing settings" />
        ) : settings.isError ? (
          <ErrorState
            what="the billing settings"
            error={settings.error}
            onRetry={() => void settings.refetch()}
          />
        ) : (
          <PermissionGate
            permission="manage_billing"
            fallback={<BillingSettingsSummary settings={settings.data} />}
          >
            {revoked ? (
              <BillingSettingsSummary settings={settings.data} />
            ) : (
              <BillingSettingsForm
                key={settings.data.updatedAt ?? 'defaults'}
                connectionId={c.id}
                settings={settings.data}
              />
            )}
          </PermissionGate>
        )}
        {settings.data?.updatedAt && (
          <Text size="xs" c="dimmed">
            Last changed {new Date(settings.data.updatedAt).toLocaleString()}.
          </Text>
        )}
      </Section>
      <Section id="rules" title="Rules per plan">
        <PlanRules connection={c} />
      </Section>
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-heading`}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`${id}-heading`}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
