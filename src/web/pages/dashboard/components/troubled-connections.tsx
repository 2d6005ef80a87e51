// Connections that fail, each with since when and the PSA's last error, and a link to its page where
// it can be checked or given new credentials. When none fails, a sentence says so.
import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DashboardConnection } from '../../../client/types.ts';
import { formatWhen } from '../../../ui/format-when.ts';

export function TroubledConnections({
  connections,
  kindLabel,
  showPartner,
}: {
  connections: DashboardConnection[];
  kindLabel: (kind: string) => string;
  showPartner: boolean;
}) {
  const failing = connections.filter((c) => c.status === 'failing');
  if (failing.length === 0)
    return (
      <Text size="sm">
        {connections.length === 1
          ? 'The connection is working.'
          : `All ${connections.length} connections are working.`}
      </Text>
    );
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {failing.map((c) => (
        <li key={c.id}>
          <Anchor component={Link} to={`/connections/${c.id}`} fw={600}>
            {c.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {kindLabel(c.kind)}
            {showPartner ? ` · ${c.partner.name}` : ''}
            {c.failingSince ? ` · failing since ${formatWhen(c.failingSince)}` : ' · failing'}
          </Text>
          <Text size="sm">{c.lastError ? `Last error: ${c.lastError}` : 'No error was recorded.'}</Text>
        </li>
      ))}
    </Stack>
  );
}
