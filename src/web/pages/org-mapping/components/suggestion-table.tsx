// The organizations not linked yet, each with the PSA companies auto-match suggests (score and
// reason). Select many and confirm them at once; each is linked or refused with the hub's reason.
import {
  Alert,
  Badge,
  Box,
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
import { useState } from 'react';
import type { SuggestionRow } from '../../../client/types.ts';
import { useConfirmLinks } from '../../../hooks/use-org-mapping.ts';
import { notify } from '../../../ui/notify.ts';
import { PermissionGate } from '../../../ui/permission-gate.tsx';
import { ScrollTable } from '../../../ui/scroll-table.tsx';
import { errorMessage } from '../../../ui/states.tsx';
import { OrgActions } from './org-actions.tsx';
import { OrganizationCell } from './organization-cell.tsx';
import { percent } from './state-words.ts';

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
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
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
  const canWrite = live;
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
      {canWrite && (
        <PermissionGate permission="manage_integrations">
          <Group gap="sm">
            <Button disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
              Confirm {chosen.length} selected
            </Button>
            <Text size="sm" c="dimmed">
              Each selected organization is linked to its first suggestion.
            </Text>
          </Group>
        </PermissionGate>
      )}
      <Stack gap="xs" hiddenFrom="sm">
        {rows.map((r) => {
          const best = r.suggestions[0];
          return (
            <Paper
              key={r.organization.id}
              withBorder
              p="sm"
              radius="sm"
              component="article"
              aria-label={r.organization.name}
            >
              <Stack gap={6}>
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  {canWrite && best && (
                    <PermissionGate permission="manage_integrations">
                      <Checkbox
                        mt={2}
                        aria-label={`Select ${r.organization.name} → ${best.companyName}`}
                        checked={selected.has(r.organization.id)}
                        onChange={(e) => toggle(r.organization.id, e.currentTarget.checked)}
                      />
                    </PermissionGate>
                  )}
                  <div>
                    <OrganizationCell organization={r.organization} />
                  </div>
                </Group>
                <SuggestionCell row={r} />
                {canWrite && (
                  <PermissionGate permission="manage_integrations">
                    <OrgActions
                      connectionId={connectionId}
                      organization={r.organization}
                      state="unlinked"
                      companyName={null}
                      onLink={() => onLink(r)}
                    />
                  </PermissionGate>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <Box visibleFrom="sm">
        <ScrollTable label="Organizations not linked, with suggested companies">
          <Table miw={760} verticalSpacing={8}>
            <Table.Thead>
              <Table.Tr>
                {canWrite && (
                  <PermissionGate permission="manage_integrations">
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
                  </PermissionGate>
                )}
                <Table.Th>Organization</Table.Th>
                <Table.Th>Suggested company</Table.Th>
                {canWrite && (
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
                const best = r.suggestions[0];
                return (
                  <Table.Tr key={r.organization.id}>
                    {canWrite && (
                      <PermissionGate permission="manage_integrations">
                        <Table.Td>
                          {best && (
                            <Checkbox
                              aria-label={`Select ${r.organization.name} → ${best.companyName}`}
                              checked={selected.has(r.organization.id)}
                              onChange={(e) => toggle(r.organization.id, e.currentTarget.checked)}
                            />
                          )}
                        </Table.Td>
                      </PermissionGate>
                    )}
                    <Table.Td>
                      <OrganizationCell organization={r.organization} />
                    </Table.Td>
                    <Table.Td>
                      <SuggestionCell row={r} />
                    </Table.Td>
                    {canWrite && (
                      <PermissionGate permission="manage_integrations">
                        <Table.Td>
                          <OrgActions
                            connectionId={connectionId}
                            organization={r.organization}
                            state="unlinked"
                            companyName={null}
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
