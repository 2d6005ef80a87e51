// One change set: whose it is (organization, PSA company, connection), its state and what holds it,
// and per line the plan, the billing record, the usage, current → desired, the difference, the
// reason in words and, for a hand edit in the PSA, both numbers and when the hub last wrote.
import { Anchor, Badge, Box, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatWhen } from '../../../ui/format-when.ts';
import { ScrollTable } from '../../../ui/scroll-table.tsx';
import type { ChangeSet, ChangeSetLine } from '../billing-types.ts';
import {
  causeLabels,
  formatDifference,
  formatNumber,
  holdExplanations,
  holdLabels,
  stateLooks,
} from './billing-words.ts';

export function HoldBadges({ held }: { held: ChangeSet['held'] }) {
  return (
    <>
      {held.map((h) => (
        <Badge key={h} color="orange" variant="outline" title={holdExplanations[h]}>
          {holdLabels[h]}
        </Badge>
      ))}
    </>
  );
}

export function ChangeSetCard({
  changeSet: cs,
  selectable,
  selected,
  onToggle,
}: {
  changeSet: ChangeSet;
  /** The user may decide it and it is pending. */
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
}) {
  const look = stateLooks[cs.state];
  const headingId = `change-set-${cs.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group align="flex-start" wrap="nowrap" gap="sm">
            {selectable && (
              <Checkbox
                mt={4}
                checked={selected}
                onChange={onToggle}
                aria-label={`Select the change set of ${cs.organization.name}`}
              />
            )}
            <div>
              <Text fw={600} id={headingId}>
                {cs.organization.name}
              </Text>
              <Text size="sm" c="dimmed">
                {cs.company} in {cs.connection.name}
              </Text>
            </div>
          </Group>
          <Group gap={6} style={{ flexShrink: 0 }}>
            <Badge color={look.color} variant="light">
              {look.label}
            </Badge>
            {cs.state === 'pending' && <HoldBadges held={cs.held} />}
          </Group>
        </Group>
        {cs.held.length > 0 && cs.state === 'pending' && (
          <Text size="sm">Waits because {cs.held.map((h) => holdExplanations[h]).join('; ')}.</Text>
        )}
        {cs.error && (
          <Text size="sm" c="red.9" role="note">
            {cs.error}
          </Text>
        )}
        <Stack gap="xs" hiddenFrom="sm">
          {cs.lines.map((l) => (
            <LineBlock key={`${l.plan.id}-${l.targetId}`} line={l} />
          ))}
        </Stack>
        <Box visibleFrom="sm">
          <ScrollTable label={`Lines of the change set of ${cs.organization.name}`}>
            <Table miw={820} verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Plan</Table.Th>
                  <Table.Th>Billing record</Table.Th>
                  <Table.Th ta="right">Usage</Table.Th>
                  <Table.Th>Current → desired</Table.Th>
                  <Table.Th ta="right">Difference</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cs.lines.map((l) => (
                  <LineRow key={`${l.plan.id}-${l.targetId}`} line={l} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Box>
        <Group gap="md" justify="space-between">
          <Text size="xs" c="dimmed">
            Made by {causeLabels[cs.cause] ?? cs.cause} {formatWhen(cs.createdAt)}
            {cs.checkedAt !== cs.createdAt && `, still wanted ${formatWhen(cs.checkedAt)}`}
            {cs.decidedAt && `; decided ${formatWhen(cs.decidedAt)}`}
            {cs.decidedHow === 'auto' && ' (no rule held it)'}
            {cs.appliedAt && `; applied ${formatWhen(cs.appliedAt)}`}
            {cs.state !== 'pending' &&
              cs.held.length > 0 &&
              `. It was held: ${cs.held.map((h) => holdLabels[h].toLowerCase()).join(', ')}`}
          </Text>
          <Anchor component={Link} size="xs" to={`/billing/history?organization=${cs.organization.id}`}>
            Billing history of {cs.organization.name}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** On a phone: one line as a block instead of a table row. */
function LineBlock({ line: l }: { line: ChangeSetLine }) {
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {l.plan.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {l.target}
        </Text>
        <Text size="sm">
          {l.current == null ? 'record gone' : formatNumber(l.current)} → <b>{formatNumber(l.desired)}</b> (
          {formatDifference(l.difference)}), usage {formatNumber(l.usage)}
        </Text>
        <LineNotes line={l} />
      </Stack>
    </Paper>
  );
}

function LineRow({ line: l }: { line: ChangeSetLine }) {
  return (
    <Table.Tr>
      <Table.Td>{l.plan.name}</Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{l.target}</Table.Td>
      <Table.Td ta="right">{formatNumber(l.usage)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {l.current == null ? 'record gone' : formatNumber(l.current)} → <b>{formatNumber(l.desired)}</b>
        {l.after != null && l.after !== l.desired && (
          <Text size="xs" c="dimmed">
            the PSA now holds {formatNumber(l.after)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{formatDifference(l.difference)}</Table.Td>
      <Table.Td>
        <LineNotes line={l} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Why the line changes, what else it writes, a hand edit, its holds and the PSA's answer. */
function LineNotes({ line: l }: { line: ChangeSetLine }) {
  const extras = [
    l.write?.unitPrice != null && `unit price ${formatNumber(l.write.unitPrice)}`,
    l.write?.unitCost != null && `unit cost ${formatNumber(l.write.unitCost)}`,
    l.write?.description != null && `description “${l.write.description}”`,
  ].filter(Boolean);
  return (
    <Stack gap={2}>
      <Text size="sm">{l.reason}</Text>
      {extras.length > 0 && (
        <Text size="xs" c="dimmed">
          Also writes {extras.join(', ')}
        </Text>
      )}
      {l.drift && (
        <Text size="xs" c="red.9">
          Edited in the PSA: it holds {formatNumber(l.drift.psaQuantity)}, the hub wrote{' '}
          {formatNumber(l.drift.hubQuantity)} {formatWhen(l.drift.hubWroteAt)}.
        </Text>
      )}
      {l.held.length > 0 && (
        <Group gap={4}>
          <HoldBadges held={l.held} />
        </Group>
      )}
      {l.outcome && (
        <Text size="xs" c={l.outcome === 'ok' ? undefined : 'red.9'}>
          {l.outcome === 'ok' ? 'Written' : 'Failed'}
          {l.writtenAt ? ` ${formatWhen(l.writtenAt)}` : ''}
          {l.answer ? `: ${l.answer}` : ''}
        </Text>
      )}
    </Stack>
  );
}
