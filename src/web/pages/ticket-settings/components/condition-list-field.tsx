// A list of alert condition keys (the conditions that open no ticket): typed one at a time, Enter
// or a comma adds it, Backspace removes the last. Empty means inherited.
import { TagsInput } from '@mantine/core';
import type { TicketField } from '../../../client/types.ts';
import type { FieldContext } from './field-context.ts';
import { effectiveLine, FieldSummary } from './field-status.tsx';

export function ConditionListField({ field, ctx }: { field: TicketField; ctx: FieldContext }) {
  const e = ctx.effective.get(field.name);
  const value = ctx.values[field.name];
  if (!ctx.canEdit) return <FieldSummary field={field} e={e} here={ctx.here} own={value} />;
  const list = Array.isArray(value) ? (value as string[]) : [];
  return (
    <TagsInput
      label={field.label}
      description={[field.help, effectiveLine(field, e, ctx.here)].filter(Boolean).join(' ')}
      error={ctx.errors[field.name]}
      placeholder={list.length ? 'Add a condition' : 'Inherit (type a condition, then Enter)'}
      value={list}
      splitChars={[',', ' ']}
      clearable
      onChange={(v) => ctx.set(field.name, v.length ? v : undefined)}
    />
  );
}
