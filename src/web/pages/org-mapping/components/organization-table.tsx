// The organizations of a connection in one state (or all), a page at a time: where each is linked,
// the link's health with its reason, and the row's controls. A table on a wide screen, cards on a
// narrow one — one of the two, never both; rows are memoised so "Show 50 more" draws only the new ones.
import { Badge, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { memo } from 'react';
import type { OrgMappingRow } from '../../../client/types.ts';
import { formatWhen } from '../../../ui/format-when.ts';
import { useCan } from '../../../ui/permission-gate.tsx';
import { ScrollTable } from '../../../ui/scroll-table.tsx';
import { useWide } from '../../../ui/use-wide.ts';
import { OrgActions } from './org-actions.tsx';
import { OrganizationCell } from './organization-cell.tsx';
import { healthLabels, methodLabels, stateLabels } from './state-words.ts';
import { useOrgActions, type OrgRowActions } from './use-org-actions.tsx';

interface RowProps {
  row: OrgMappingRow;
  connectionId: string;
  /** The row's write controls, or null for a viewer or a disconnected connection. */
  actions: OrgRowActions | null;
  onLink: (row: OrgMappingRow) => void;
}

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
  const wide = useWide();
  const { actions, dialog } = useOrgActions(connectionId);
  const writable = useCan('manage_integrations') && live ? actions : null;
  const Row = wide ? TableRow : CardRow;
  const list = rows.map((r) => (
    <Row key={r.organization.id} row={r} connectionId={connectionId} actions={writable} onLink={onLink} />
  ));
  return (
    <>
      {wide ? (
        <ScrollTable label="Organizations and their PSA companies">
          <Table miw={760} verticalSpacing={8}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Organization</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>PSA company</Table.Th>
                {writable && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{list}</Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Stack gap="xs">{list}</Stack>
      )}
      {dialog}
    </>
  );
}

function Actions({ row, actions, onLink }: Omit<RowProps, 'connectionId'> & { actions: OrgRowActions }) {
  return (
    <OrgActions
      organization={row.organization}
      state={row.state}
      companyName={row.link?.companyName ?? null}
      actions={actions}
      onLink={() => onLink(row)}
    />
  );
}

const TableRow = memo(function TableRow({ row: r, connectionId, actions, onLink }: RowProps) {
  const s = stateLabels[r.state];
  return (
    <Table.Tr>
      <Table.Td>
        <OrganizationCell organization={r.organization} />
        <Inactive row={r} />
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
      {actions && (
        <Table.Td>
          <Actions row={r} actions={actions} onLink={onLink} />
        </Table.Td>
      )}
    </Table.Tr>
  );
});

const CardRow = memo(function CardRow({ row: r, connectionId, actions, onLink }: RowProps) {
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={r.organization.name}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <OrganizationCell organization={r.organization} />
            <Inactive row={r} />
          </div>
          <Badge miw="max-content" color={stateLabels[r.state].color} variant="light">
            {stateLabels[r.state].label}
          </Badge>
        </Group>
        {r.link && <LinkCell row={r} connectionId={connectionId} />}
        {actions && <Actions row={r} actions={actions} onLink={onLink} />}
      </Stack>
    </Paper>
  );
});

function Inactive({ row }: { row: OrgMappingRow }) {
  if (row.organization.active) return null;
  return (
    <Badge miw="max-content" size="xs" variant="outline" color="gray">
      inactive
    </Badge>
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
    </>
  );
}
