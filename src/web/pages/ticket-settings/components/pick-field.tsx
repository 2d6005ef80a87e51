// One pick-list field: its choices are the PSA's items (under the item chosen for the field it
// depends on); left empty, the value is inherited, and the placeholder says what from.
import { Select, TextInput } from '@mantine/core';
import type { TicketField } from '../../../client/types.ts';
import { optionsFor, parentId } from '../settings-values.ts';
import type { FieldContext } from './field-context.ts';
import { effectiveLine, FieldSummary } from './field-status.tsx';

export function PickField({
  field,
  ctx,
  value,
  onChange,
  error,
  label = field.label,
  showEffective = true,
  hideLabel = false,
}: {
  field: TicketField;
  ctx: FieldContext;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  error?: string | undefined;
  label?: string;
  showEffective?: boolean;
  /** In a table whose row already names the field: the label is for assistive technology only. */
  hideLabel?: boolean;
}) {
  const e = showEffective ? ctx.effective.get(field.name) : undefined;
  if (!ctx.canEdit) return <FieldSummary field={field} e={e} here={ctx.here} own={value} />;
  const description = (showEffective && effectiveLine(field, e, ctx.here)) || undefined;
  const shownError = error ?? (showEffective ? (e?.problem ?? undefined) : undefined);
  if (!ctx.lists)
    return (
      <TextInput
        label={label}
        description={description ?? 'The name as it is in the PSA; empty inherits it.'}
        placeholder="Inherit"
        value={value ?? ''}
        onChange={(ev) => onChange(ev.currentTarget.value || undefined)}
        error={shownError}
      />
    );
  const parent = parentId(field, ctx.values, ctx.effective, ctx.fields, ctx.lists, ctx.form);
  const data = optionsFor(field, ctx.lists, parent, ctx.form);
  // A stored value no longer in the list still shows, so the partner sees what to replace.
  if (value && !data.some((o) => o.value === value))
    data.unshift({ value, label: `${value} (not available)` });
  const parentField = field.dependsOn ? ctx.fields.get(field.dependsOn) : undefined;
  return (
    <Select
      {...(hideLabel ? { 'aria-label': label } : { label })}
      description={description}
      placeholder={
        parentField && parent === null ? `Choose the ${parentField.label.toLowerCase()} first` : 'Inherit'
      }
      data={data}
      value={value ?? null}
      onChange={(v) => onChange(v ?? undefined)}
      clearable
      searchable
      withAsterisk={field.required && showEffective}
      nothingFoundMessage="No such item in the PSA; refresh the pick lists if it was just added."
      error={shownError}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
