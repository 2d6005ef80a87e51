// A list of bearer tokens as the hub lists them (name, first characters, created, last used,
// expires; never the token itself), each with a confirmed Revoke. Used for personal access tokens
// and for Source API keys, which have the same shape.
import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BearerToken } from '../client/types.ts';
import { ConfirmDestructive } from './confirm-destructive.tsx';
import { ScrollTable } from './scroll-table.tsx';
import { formatWhen } from './format-when.ts';

export function BearerTokenTable({
  caption,
  tokens,
  consequences,
  onRevoke,
}: {
  caption: string;
  tokens: BearerToken[];
  /** What revoking this one stops, for the confirmation. */
  consequences: (token: BearerToken) => ReactNode;
  onRevoke: (token: BearerToken) => Promise<unknown>;
}) {
  return (
    <ScrollTable label={caption}>
      <Table striped miw={720}>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Starts with</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.name}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {t.prefix}…
                </Text>
              </Table.Td>
              <Table.Td>{formatWhen(t.createdAt)}</Table.Td>
              <Table.Td>{t.lastUsedAt ? formatWhen(t.lastUsedAt) : 'never'}</Table.Td>
              <Table.Td>{t.expiresAt ? formatWhen(t.expiresAt) : 'never'}</Table.Td>
              <Table.Td>
                <ConfirmDestructive
                  title={`Revoke ${t.name}?`}
                  consequences={consequences(t)}
                  confirmLabel={`Revoke ${t.name}`}
                  onConfirm={() => onRevoke(t)}
                >
                  {(open) => (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={open}
                      aria-label={`Revoke ${t.name}`}
                    >
                      Revoke
                    </Button>
                  )}
                </ConfirmDestructive>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
