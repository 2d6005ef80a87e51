// Overrides per alert condition: for alerts of one condition (e.g. backup.failed), other placement,
// statuses or priorities than the rest. Each condition lists only the fields it overrides.
import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { TicketField } from '../../../client/types.ts';
import { conditionsOf, type Conditions } from '../settings-values.ts';
import type { FieldContext } from './field-context.ts';
import { PickField } from './pick-field.tsx';

export function ConditionOverrides({ ctx, field }: { ctx: FieldContext; field: TicketField }) {
  const conditions = conditionsOf(ctx.values);
  const picks = [...ctx.fields.values()].filter((f) => f.type === 'pick');
  const [newKey, setNewKey] = useState('');
  const put = (next: Conditions) => ctx.set('conditions', next);
  const keys = Object.keys(conditions);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {field.help}
      </Text>
      {keys.length === 0 && (
        <Text size="sm">
          No overrides: alerts of every condition get the settings above.
          {ctx.canEdit && ' Add a condition below to place its tickets differently.'}
        </Text>
      )}
      {keys.map((key) => {
        const override = conditions[key] ?? {};
        const sub: FieldContext = { ...ctx, values: { ...ctx.values, ...override } };
        const unused = picks.filter((p) => !(p.name in override));
        const setOne = (name: string, value: string | undefined) =>
          put({ ...conditions, [key]: { ...override, [name]: value ?? '' } });
        const removeOne = (name: string) => {
          const rest = { ...override };
          delete rest[name];
          put({ ...conditions, [key]: rest });
        };
        return (
          <Paper key={key} withBorder p="sm" component="section" aria-label={`Overrides for ${key}`}>
            <Stack gap="xs">
              <Group justify="space-between" gap="xs">
                <Title order={4} size="h6" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {key}
                </Title>
                {ctx.canEdit && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Remove condition ${key}`}
                    onClick={() => {
                      const rest = { ...conditions };
                      delete rest[key];
                      put(rest);
                    }}
                  >
                    Remove condition
                  </Button>
                )}
              </Group>
              {Object.keys(override).length === 0 && (
                <Text size="sm" c="dimmed">
                  Nothing overridden yet.
                </Text>
              )}
              {Object.entries(override).map(([name, value]) => {
                const def = ctx.fields.get(name);
                if (!def) return null;
                return (
                  <Group key={name} align="flex-end" wrap="nowrap" gap="xs">
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <PickField
                        field={def}
                        ctx={sub}
                        value={value || undefined}
                        onChange={(v) => setOne(name, v)}
                        error={ctx.errors[`conditions/${key}/${name}`]}
                        showEffective={false}
                      />
                    </div>
                    {ctx.canEdit && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={`Remove the ${def.label} override of ${key}`}
                        onClick={() => removeOne(name)}
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                );
              })}
              {ctx.canEdit && unused.length > 0 && (
                <Select
                  label={`Override another field for ${key}`}
                  placeholder="Choose a field"
                  data={unused.map((p) => ({ value: p.name, label: p.label }))}
                  value={null}
                  onChange={(name) => name && setOne(name, undefined)}
                  comboboxProps={{ withinPortal: true }}
                  maw={360}
                />
              )}
            </Stack>
          </Paper>
        );
      })}
      {ctx.canEdit && (
        <Group align="flex-end" gap="xs">
          <TextInput
            label="New condition"
            description="The alert condition key the vendor platform sends, e.g. backup.failed."
            value={newKey}
            onChange={(e) => setNewKey(e.currentTarget.value)}
            error={ctx.errors.conditions}
            maw={360}
            style={{ flex: 1 }}
          />
          <Button
            variant="light"
            disabled={!newKey.trim() || newKey.trim() in conditions}
            onClick={() => {
              put({ ...conditions, [newKey.trim()]: {} });
              setNewKey('');
            }}
          >
            Add condition
          </Button>
        </Group>
      )}
    </Stack>
  );
}
