// A field of the hub's own behaviour (yes/no, a number of minutes, one of a few choices). Empty
// means inherited; the placeholder and the line under it say the value it inherits.
import { NumberInput, Select } from '@mantine/core';
import type { TicketField } from '../../../client/types.ts';
import type { FieldContext } from './field-context.ts';
import { effectiveLine, FieldSummary } from './field-status.tsx';

const yesNo = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

export function BehaviourField({ field, ctx }: { field: TicketField; ctx: FieldContext }) {
  const e = ctx.effective.get(field.name);
  const value = ctx.values[field.name];
  if (!ctx.canEdit) return <FieldSummary field={field} e={e} here={ctx.here} own={value} />;
  const common = {
    label: field.label,
    description: [field.help, effectiveLine(field, e, ctx.here)].filter(Boolean).join(' '),
    error: ctx.errors[field.name],
    placeholder: 'Inherit',
  };
  if (field.type === 'integer')
    return (
      <NumberInput
        {...common}
        // The hub checks the range and says so on the field; the input does not clamp silently.
        allowDecimal={false}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => ctx.set(field.name, typeof v === 'number' ? v : undefined)}
      />
    );
  const data = field.type === 'boolean' ? yesNo : field.choices;
  return (
    <Select
      {...common}
      data={data}
      clearable
      value={value === undefined ? null : String(value)}
      onChange={(v) =>
        ctx.set(field.name, v === null ? undefined : field.type === 'boolean' ? v === 'true' : v)
      }
      comboboxProps={{ withinPortal: true }}
    />
  );
}
