// The result of a permission check: the PSA user the hub signed in as, then each permission the hub
// needs, granted, missing or not verified (the PSA cannot be asked without a write), and for a
// missing or unverified one how to grant or check it in the PSA.
import { Alert, List, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ConnectionCheck } from '../../../client/types.ts';

export function PermissionList({ check }: { check: Pick<ConnectionCheck, 'identity' | 'permissions'> }) {
  const missing = check.permissions.filter((p) => !p.ok);
  const unverified = check.permissions.filter((p) => p.ok && !p.verified);
  return (
    <Stack gap="xs" aria-live="polite">
      <Text size="sm">
        Signed in to the PSA as <b>{check.identity.user}</b>
        {check.identity.tenant ? ` (tenant ${check.identity.tenant})` : ''}
        {check.identity.version ? `, version ${check.identity.version}` : ''}.
      </Text>
      {missing.length === 0 && unverified.length > 0 ? (
        <Alert
          color="blue"
          variant="light"
          title={`No permission is missing; ${unverified.length} could not be verified`}
        >
          The PSA cannot be asked about these without making a change: check them in the PSA (below).
        </Alert>
      ) : missing.length === 0 ? (
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
        {check.permissions.map((p) => {
          const state = !p.ok ? 'missing' : p.verified ? 'granted' : 'unverified';
          const look = {
            granted: { color: 'green', mark: '✓', text: 'dimmed', words: ' — granted' },
            missing: { color: 'red', mark: '✕', text: 'red.8', words: ` — missing. ${p.fix ?? ''}` },
            unverified: {
              color: 'gray',
              mark: '?',
              text: 'dimmed',
              words: ` — not verified. ${p.fix ?? ''}`,
            },
          }[state];
          return (
            <List.Item
              key={p.permission}
              icon={
                <ThemeIcon size={18} radius="xl" color={look.color} aria-hidden>
                  <span style={{ fontSize: 11 }}>{look.mark}</span>
                </ThemeIcon>
              }
            >
              <Text size="sm" span fw={500}>
                {p.label}
              </Text>
              <Text size="sm" span c={look.text}>
                {look.words}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
