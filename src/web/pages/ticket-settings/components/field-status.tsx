// Under a field: its effective value and where it comes from, so a partner sees what a ticket gets
// without knowing the inheritance rules.
import { Text } from '@mantine/core';
import type { EffectiveField, TicketField } from '../../../client/types.ts';
import { effectiveText, sourceText, type Level } from '../settings-values.ts';

export function effectiveLine(field: TicketField, e: EffectiveField | undefined, here: Level): string | null {
  if (!e) return null;
  // An empty pick field is not "the hub's default": nothing is sent and the PSA decides.
  if (field.type === 'pick' && e.value === null) return 'Now: not set';
  return `Now: ${effectiveText(field, e)} — ${sourceText(e.source, here)}`;
}

/** The read-only form of a field, for roles that may not change it. */
export function FieldSummary({
  field,
  e,
  here,
  own,
}: {
  field: TicketField;
  e: EffectiveField | undefined;
  here: Level;
  own: unknown;
}) {
  return (
    <div>
      <Text size="sm" fw={500}>
        {field.label}
      </Text>
      <Text size="sm">
        {e ? effectiveText(field, e) : own === undefined ? 'inherited' : String(own)}
        {e && !(field.type === 'pick' && e.value === null) && (
          <Text span size="xs" c="dimmed">
            {' '}
            — {sourceText(e.source, here)}
          </Text>
        )}
      </Text>
      {e?.problem && (
        <Text size="xs" c="red.8">
          {e.problem}
        </Text>
      )}
    </div>
  );
}
