// The result of a permission check: the PSA user the hub signed in as, then each permission the hub
// needs, granted or missing, and for a missing one how to grant it in the PSA.
import { Alert, List, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ConnectionCheck } from '../../../client/types.ts';

export function PermissionList({ check }: { check: Pick<ConnectionCheck, 'identity' | 'permissions'> }) {
  const missing = check.permissions.filter((p) => !p.ok);
  return (
    <Stack gap="xs" aria-live="polite">
      <Text size="sm">
        Signed in to the PSA as <b>{check.identity.user}</b>
        {check.identity.tenant ? ` (tenant ${check.identity.tenant})` : ''}
        {check.identity.version ? `, version ${check.identity.version}` : ''}.
      </Text>
      {missing.length === 0 ? (
        <Alert color="green" variant="light" title="Every permission the hub needs is granted" />
      ) : (
        <Alert
          color="yellow"
          variant="light"
          title={`${missing.length} permission(s) missing: the hub cannot do everything yet`}
        >
          Grant them in the PSA, then check again.
        </Alert>
      )}
      <List spacing={6} size="sm" center>
        {check.permissions.map((p) => (
          <List.Item
            key={p.permission}
            icon={
              <ThemeIcon size={18} radius="xl" color={p.ok ? 'green' : 'red'} aria-hidden>
                <span style={{ fontSize: 11 }}>{p.ok ? '✓' : '✕'}</span>
              </ThemeIcon>
            }
          >
            <Text size="sm" span fw={500}>
              {p.label}
            </Text>
            <Text size="sm" span c={p.ok ? 'dimmed' : 'red.8'}>
              {p.ok ? ' — granted' : ` — missing. ${p.fix ?? ''}`}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
