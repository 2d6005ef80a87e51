// The ticket settings of one level (a connection, an organization, a partner's defaults), rendered
// from the PSA kind's field descriptions: where tickets go, statuses, the severity → priority table,
// which alerts open tickets (minimum severity, conditions off), the hub's behaviour, and overrides
// per condition. Each field shows its effective value and where
// it comes from; a refused save puts the hub's message on the field it names.
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { EffectiveField, TicketField } from '../../../client/types.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { notify } from '../../../ui/notify.ts';
import { errorMessage } from '../../../ui/states.tsx';
import { fieldsToSave, type Draft, type Level, type Lists, type ValueForm } from '../settings-values.ts';
import { BehaviourField } from './behaviour-field.tsx';
import { ConditionListField } from './condition-list-field.tsx';
import { ConditionOverrides } from './condition-overrides.tsx';
import type { FieldContext } from './field-context.ts';
import { PickField } from './pick-field.tsx';
import { PriorityTable } from './priority-table.tsx';

export interface SaveState {
  mutate: (fields: Draft, opts: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

export function SettingsForm({
  title,
  fields,
  own,
  effective = [],
  lists,
  form,
  here,
  canEdit,
  save,
}: {
  /** Names what is being saved, e.g. "ticket settings of Contoso". */
  title: string;
  fields: TicketField[];
  own: Draft;
  effective?: EffectiveField[];
  lists: Lists | null;
  form: ValueForm;
  here: Level;
  canEdit: boolean;
  save: SaveState;
}) {
  const [values, setValues] = useState<Draft>(own);
  const [dirty, setDirty] = useState(false);
  const byName = useMemo(() => new Map(fields.map((f) => [f.name, f])), [fields]);
  const eff = useMemo(() => new Map(effective.map((e) => [e.field, e])), [effective]);
  const ctx: FieldContext = {
    fields: byName,
    values,
    set: (name, value) => {
      setValues((v) => ({ ...v, [name]: value }));
      setDirty(true);
    },
    effective: eff,
    lists,
    form,
    here,
    errors: fieldErrors(save.error, 'body/fields/'),
    canEdit,
  };
  const group = (g: TicketField['group']) => fields.filter((f) => f.group === g);
  const pickGrid = (list: TicketField[]) => (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {list.map((f) => (
        <PickField
          key={f.name}
          field={f}
          ctx={ctx}
          value={typeof values[f.name] === 'string' ? (values[f.name] as string) : undefined}
          onChange={(v) => ctx.set(f.name, v)}
          error={ctx.errors[f.name]}
        />
      ))}
    </SimpleGrid>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(fieldsToSave(values), {
      onSuccess: () => {
        setDirty(false);
        notify({ color: 'green', message: `Saved the ${title}` });
      },
    });
  };
  const conditions = group('conditions')[0];
  const problems = effective.filter((e) => e.problem);
  return (
    <form onSubmit={submit} aria-label={title}>
      <Stack>
        {problems.length > 0 && (
          <Alert
            color="orange"
            title={`${problems.length} setting${problems.length === 1 ? ' needs' : 's need'} attention`}
          >
            <Stack gap={2}>
              {problems.map((p) => (
                <Text key={p.field} size="sm">
                  {p.label}: {p.problem}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <Section id="placement" title="Where tickets go">
          {pickGrid(group('placement'))}
        </Section>
        <Section id="statuses" title="Statuses">
          {pickGrid(group('status'))}
        </Section>
        <Section id="priorities" title="Priority per alert severity">
          <PriorityTable fields={group('priority')} ctx={ctx} />
        </Section>
        <Section id="events" title="Which alerts open tickets">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {group('events').map((f) =>
              f.type === 'conditionList' ? (
                <ConditionListField key={f.name} field={f} ctx={ctx} />
              ) : (
                <BehaviourField key={f.name} field={f} ctx={ctx} />
              ),
            )}
          </SimpleGrid>
        </Section>
        <Section id="behaviour" title="Repeats, reopening and closed tickets">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {group('behaviour').map((f) => (
              <BehaviourField key={f.name} field={f} ctx={ctx} />
            ))}
          </SimpleGrid>
        </Section>
        {conditions && (
          <Section id="conditions" title={conditions.label}>
            <ConditionOverrides ctx={ctx} field={conditions} />
          </Section>
        )}
        {canEdit && (
          <Paper withBorder p="md">
            <Stack gap="xs">
              {save.error != null && (
                <Alert color="red" role="alert" title="Not saved">
                  {errorMessage(save.error)}
                </Alert>
              )}
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {dirty ? 'Unsaved changes.' : 'Empty fields are inherited.'}
                </Text>
                <Group gap="xs">
                  <Button
                    variant="default"
                    disabled={!dirty || save.isPending}
                    onClick={() => {
                      setValues(own);
                      setDirty(false);
                      save.reset();
                    }}
                  >
                    Discard changes
                  </Button>
                  <Button type="submit" loading={save.isPending}>
                    Save ticket settings
                  </Button>
                </Group>
              </Group>
            </Stack>
          </Paper>
        )}
      </Stack>
    </form>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-heading`}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`${id}-heading`}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
