// The severity → priority table: one row per alert severity, the PSA priority set here, and what
// tickets get with where it comes from. Two columns, so it fits a phone without scrolling sideways.
import { Table, Text } from '@mantine/core';
import type { TicketField } from '../../../client/types.ts';
import { effectiveText, sourceText } from '../settings-values.ts';
import type { FieldContext } from './field-context.ts';
import { PickField } from './pick-field.tsx';

export function PriorityTable({ fields, ctx }: { fields: TicketField[]; ctx: FieldContext }) {
  return (
    <Table verticalSpacing="xs" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="40%">Alert severity</Table.Th>
          <Table.Th>Priority</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((f) => {
          const e = ctx.effective.get(f.name);
          const value = ctx.values[f.name];
          const own = typeof value === 'string' ? value : undefined;
          return (
            <Table.Tr key={f.name}>
              <Table.Th scope="row" fw={500}>
                {f.label}
              </Table.Th>
              <Table.Td>
                {ctx.canEdit ? (
                  <PickField
                    field={f}
                    ctx={ctx}
                    label={f.label}
                    value={own}
                    onChange={(v) => ctx.set(f.name, v)}
                    error={ctx.errors[f.name]}
                    showEffective={false}
                    hideLabel
                  />
                ) : (
                  !e && <Text size="sm">{own ?? 'inherited'}</Text>
                )}
                {/* Partner defaults have no effective view: they are resolved on each connection. */}
                {e && (
                  <Text size="xs" c="dimmed" mt={ctx.canEdit ? 4 : 0}>
                    {ctx.canEdit ? 'Now: ' : ''}
                    <Text span size={ctx.canEdit ? 'xs' : 'sm'} c="var(--mantine-color-text)">
                      {effectiveText(f, e)}
                    </Text>{' '}
                    — {sourceText(e.source, ctx.here)}
                  </Text>
                )}
                {e?.problem && (
                  <Text size="xs" c="red.8">
                    {e.problem}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
