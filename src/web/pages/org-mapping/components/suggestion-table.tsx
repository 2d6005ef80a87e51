// The organizations not linked yet, each with the PSA companies auto-match suggests (score and
// reason). Select many and confirm them at once; each is linked or refused with the hub's reason.
import {
  Alert,
  Badge,
  Paper,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { memo, useCallback, useState } from 'react';
import type { SuggestionRow } from '../../../client/types.ts';
import { useConfirmLinks } from '../../../hooks/use-org-mapping.ts';
import { notify } from '../../../ui/notify.ts';
import { useCan } from '../../../ui/permission-gate.tsx';
import { ScrollTable } from '../../../ui/scroll-table.tsx';
import { useWide } from '../../../ui/use-wide.ts';
import { errorMessage } from '../../../ui/states.tsx';
import { OrgActions } from './org-actions.tsx';
import { OrganizationCell } from './organization-cell.tsx';
import { percent } from './state-words.ts';
import { useOrgActions, type OrgRowActions } from './use-org-actions.tsx';

type Refusal = { name: string; message: string };

export function SuggestionTable({
  connectionId,
  rows,
  live,
  onLink,
}: {
  connectionId: string;
  rows: SuggestionRow[];
  live: boolean;
  onLink: (row: SuggestionRow) => void;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const confirm = useConfirmLinks(connectionId);
  const selectable = rows.filter((r) => r.suggestions.length > 0);
  const chosen = selectable.filter((r) => selected.has(r.organization.id));
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const allOn = selectable.length > 0 && chosen.length === selectable.length;
  const submit = async () => {
    const answer = await confirm
      .mutateAsync(
        chosen.map((r) => ({ organizationId: r.organization.id, companyId: r.suggestions[0]!.companyId })),
      )
      .catch(() => null);
    if (!answer) return;
    const names = new Map(chosen.map((r) => [r.organization.id, r.organization.name]));
    setRefusals(
      answer.results
        .filter((r) => r.status === 'refused')
        .map((r) => ({ name: names.get(r.organizationId) ?? r.organizationId, message: r.message ?? '' })),
    );
    notify({
      color: answer.counts.refused ? 'yellow' : 'green',
      message: `${answer.counts.linked} linked${answer.counts.refused ? `, ${answer.counts.refused} refused` : ''}.`,
    });
    setSelected(new Set());
    setConfirming(false);
  };
  const wide = useWide();
  const { actions, dialog } = useOrgActions(connectionId);
  const writable = useCan('manage_integrations') && live ? actions : null;
  const Row = wide ? TableRow : CardRow;
  const list = rows.map((r) => (
    <Row
      key={r.organization.id}
      row={r}
      checked={selected.has(r.organization.id)}
      onToggle={toggle}
      actions={writable}
      onLink={onLink}
    />
  ));
  return (
    <Stack gap="sm">
      {refusals.length > 0 && (
        <Alert
          color="yellow"
          title="Some suggestions were not linked"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setRefusals([])}
        >
          <List size="sm">
            {refusals.map((r) => (
              <List.Item key={r.name}>
                {r.name}: {r.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {writable && (
        <Group gap="sm">
          <Button disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
            Confirm {chosen.length} selected
          </Button>
          <Text size="sm" c="dimmed">
            Each selected organization is linked to its first suggestion.
          </Text>
        </Group>
      )}
      {wide ? (
        <ScrollTable label="Organizations not linked, with suggested companies">
          <Table miw={760} verticalSpacing={8}>
            <Table.Thead>
              <Table.Tr>
                {writable && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Select every organization with a suggestion"
                      checked={allOn}
                      indeterminate={chosen.length > 0 && !allOn}
                      disabled={selectable.length === 0}
                      onChange={(e) =>
                        setSelected(
                          new Set(e.currentTarget.checked ? selectable.map((r) => r.organization.id) : []),
                        )
                      }
                    />
                  </Table.Th>
                )}
                <Table.Th>Organization</Table.Th>
                <Table.Th>Suggested company</Table.Th>
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
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Link ${chosen.length} ${chosen.length === 1 ? 'organization' : 'organizations'}?`}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack>
          <Text size="sm">
            Each is linked to its suggested company; one the hub refuses is listed with the reason.
          </Text>
          <List size="sm" spacing={2}>
            {chosen.slice(0, 20).map((r) => (
              <List.Item key={r.organization.id}>
                {r.organization.name} → {r.suggestions[0]!.companyName} ({percent(r.suggestions[0]!)})
              </List.Item>
            ))}
          </List>
          {chosen.length > 20 && (
            <Text size="sm" c="dimmed">
              and {chosen.length - 20} more.
            </Text>
          )}
          {confirm.isError && (
            <Alert color="red" role="alert" title="Nothing was linked">
              {errorMessage(confirm.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button onClick={() => void submit()} loading={confirm.isPending}>
              Link {chosen.length} {chosen.length === 1 ? 'organization' : 'organizations'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

interface RowProps {
  row: SuggestionRow;
  checked: boolean;
  onToggle: (organizationId: string, on: boolean) => void;
  /** The row's write controls, or null for a viewer or a disconnected connection. */
  actions: OrgRowActions | null;
  onLink: (row: SuggestionRow) => void;
}

function Select({ row, checked, onToggle }: Pick<RowProps, 'row' | 'checked' | 'onToggle'>) {
  const best = row.suggestions[0];
  if (!best) return null;
  return (
    <Checkbox
      aria-label={`Select ${row.organization.name} → ${best.companyName}`}
      checked={checked}
      onChange={(e) => onToggle(row.organization.id, e.currentTarget.checked)}
    />
  );
}

function Actions({ row, actions, onLink }: Pick<RowProps, 'row' | 'onLink'> & { actions: OrgRowActions }) {
  return (
    <OrgActions
      organization={row.organization}
      state="unlinked"
      companyName={null}
      actions={actions}
      onLink={() => onLink(row)}
    />
  );
}

const TableRow = memo(function TableRow({ row, checked, onToggle, actions, onLink }: RowProps) {
  return (
    <Table.Tr>
      {actions && (
        <Table.Td>
          <Select row={row} checked={checked} onToggle={onToggle} />
        </Table.Td>
      )}
      <Table.Td>
        <OrganizationCell organization={row.organization} />
      </Table.Td>
      <Table.Td>
        <SuggestionCell row={row} />
      </Table.Td>
      {actions && (
        <Table.Td>
          <Actions row={row} actions={actions} onLink={onLink} />
        </Table.Td>
      )}
    </Table.Tr>
  );
});

const CardRow = memo(function CardRow({ row, checked, onToggle, actions, onLink }: RowProps) {
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={row.organization.name}>
      <Stack gap={6}>
        <Group gap="sm" align="flex-start" wrap="nowrap">
          {actions && <Select row={row} checked={checked} onToggle={onToggle} />}
          <div>
            <OrganizationCell organization={row.organization} />
          </div>
        </Group>
        <SuggestionCell row={row} />
        {actions && <Actions row={row} actions={actions} onLink={onLink} />}
      </Stack>
    </Paper>
  );
});

function SuggestionCell({ row }: { row: SuggestionRow }) {
  const best = row.suggestions[0];
  if (!best)
    return (
      <Text size="sm" c="dimmed">
        No likely company: link it by hand, or skip it.
      </Text>
    );
  return (
    <div>
      <Group gap={6}>
        <Text size="sm">{best.companyName}</Text>
        <Badge
          miw="max-content"
          size="sm"
          variant="light"
          color={best.safeToLink ? 'green' : best.score >= 0.9 ? 'blue' : 'gray'}
        >
          {percent(best)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {best.reason}
        {row.suggestions.length > 1 ? ` · ${row.suggestions.length - 1} more under Link` : ''}
      </Text>
    </div>
  );
}
