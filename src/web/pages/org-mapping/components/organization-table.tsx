// The organizations of a connection in one state (or all), a page at a time: where each is linked,
// the link's health with its reason, and the row's controls.
import { Badge, Box, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { OrgMappingRow } from '../../../client/types.ts';
import { PermissionGate } from '../../../ui/permission-gate.tsx';
import { ScrollTable } from '../../../ui/scroll-table.tsx';
import { formatWhen } from '../../../ui/format-when.ts';
import { LinkWarning } from '../../../ui/link-warning.tsx';
import { OrgActions } from './org-actions.tsx';
import { OrganizationCell } from './organization-cell.tsx';
import { healthLabels, methodLabels, stateLabels } from './state-words.ts';

export function OrganizationTable({
  connectionId,
  rows,
  live,
  onLink,
}: {
  connectionId: string;
  rows: OrgMappingRow[];
  live: boolean;
  onLink: (row: OrgMappingRow) => void;
}) {
  return (
    <>
      <Stack gap="xs" hiddenFrom="sm">
        {rows.map((r) => (
          <Paper
            key={r.organization.id}
            withBorder
            p="sm"
            radius="sm"
            component="article"
            aria-label={r.organization.name}
          >
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <OrganizationCell organization={r.organization} />
                </div>
                <Badge miw="max-content" color={stateLabels[r.state].color} variant="light">
                  {stateLabels[r.state].label}
                </Badge>
              </Group>
              {r.link && <LinkCell row={r} connectionId={connectionId} />}
              {live && (
                <PermissionGate permission="manage_integrations">
                  <OrgActions
                    connectionId={connectionId}
                    organization={r.organization}
                    state={r.state}
                    companyName={r.link?.companyName ?? null}
                    onLink={() => onLink(r)}
                  />
                </PermissionGate>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Box visibleFrom="sm">
        <ScrollTable label="Organizations and their PSA companies">
          <Table miw={760} verticalSpacing={8}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Organization</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>PSA company</Table.Th>
                {live && (
                  <PermissionGate permission="manage_integrations">
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </PermissionGate>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const s = stateLabels[r.state];
                return (
                  <Table.Tr key={r.organization.id}>
                    <Table.Td>
                      <OrganizationCell organization={r.organization} />
                      {!r.organization.active && (
                        <Badge miw="max-content" size="xs" variant="outline" color="gray">
                          inactive
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge miw="max-content" color={s.color} variant="light">
                        {s.label}
                      </Badge>
                      {r.skippedAt && (
                        <Text size="xs" c="dimmed">
                          since {formatWhen(r.skippedAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <LinkCell row={r} connectionId={connectionId} />
                    </Table.Td>
                    {live && (
                      <PermissionGate permission="manage_integrations">
                        <Table.Td>
                          <OrgActions
                            connectionId={connectionId}
                            organization={r.organization}
                            state={r.state}
                            companyName={r.link?.companyName ?? null}
                            onLink={() => onLink(r)}
                          />
                        </Table.Td>
                      </PermissionGate>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Box>
    </>
  );
}

function LinkCell({ row, connectionId }: { row: OrgMappingRow; connectionId: string }) {
  const l = row.link;
  if (!l)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  if (l.connectionId !== connectionId)
    return (
      <Text size="sm" c="dimmed">
        Linked on another connection
      </Text>
    );
  return (
    <>
      <Group gap={6}>
        <Text size="sm">{l.companyName}</Text>
        <Badge miw="max-content" size="sm" variant="dot" color={l.health === 'ok' ? 'green' : 'red'}>
          {healthLabels[l.health]}
        </Badge>
      </Group>
      <Text size="xs" c={l.health === 'ok' ? 'dimmed' : 'red.9'}>
        {l.healthDetail ?? `${methodLabels[l.method]}, ${formatWhen(l.linkedAt)}`}
        {l.healthCheckedAt ? ` · checked ${formatWhen(l.healthCheckedAt)}` : ''}
      </Text>
      {l.billing.length > 0 && (
        <Text size="xs" c="dimmed">
          Bills into {l.billing.map((b) => b.targetLabel).join(', ')}
        </Text>
      )}
      {l.warning && <LinkWarning text={l.warning} />}
    </>
  );
}
