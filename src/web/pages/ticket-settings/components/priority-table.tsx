// The severity → priority table: one row per alert severity, the PSA priority it gets, and where
// that priority comes from.
import { Table, Text } from '@mantine/core';
import type { TicketField } from '../../../client/types.ts';
import { ScrollTable } from '../../billing/components/scroll-table.tsx';
import { effectiveText, sourceText } from '../settings-values.ts';
import type { FieldContext } from './field-context.ts';
import { PickField } from './pick-field.tsx';

export function PriorityTable({ fields, ctx }: { fields: TicketField[]; ctx: FieldContext }) {
  // Partner defaults have no effective view: they are resolved on each connection.
  const withEffective = ctx.effective.size > 0;
  return (
    <ScrollTable label="Priority per alert severity">
      <Table miw={ctx.canEdit ? 640 : 0} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Alert severity</Table.Th>
            <Table.Th>{ctx.canEdit ? 'Priority set here' : 'Priority'}</Table.Th>
            {withEffective && <Table.Th>Tickets get</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f) => {
            const e = ctx.effective.get(f.name);
            const value = ctx.values[f.name];
            return (
              <Table.Tr key={f.name}>
                <Table.Th scope="row" fw={500}>
                  {f.label}
                </Table.Th>
                <Table.Td miw={240}>
                  {ctx.canEdit ? (
                    <PickField
                      field={f}
                      ctx={ctx}
                      label={f.label}
                      value={typeof value === 'string' ? value : undefined}
                      onChange={(v) => ctx.set(f.name, v)}
                      error={ctx.errors[f.name]}
                      showEffective={false}
                      hideLabel
                    />
                  ) : (
                    <Text size="sm">
                      {typeof value !== 'string' ? 'inherited' : ctx.form === 'names' ? value : 'set here'}
                    </Text>
                  )}
                </Table.Td>
                {withEffective && (
                  <Table.Td>
                    <Text size="sm">{effectiveText(f, e)}</Text>
                    {e && (
                      <Text size="xs" c="dimmed">
                        {sourceText(e.source, ctx.here)}
                      </Text>
                    )}
                    {e?.problem && (
                      <Text size="xs" c="red.8">
                        {e.problem}
                      </Text>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
