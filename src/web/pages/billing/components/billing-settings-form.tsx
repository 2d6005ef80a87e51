// A connection's billing settings, as a form for a billing manager and as a summary for everyone
// else: mode, approval thresholds, drift policy, schedule (its fields follow its kind) and the PSA
// company fields backup statistics are written into.
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { notify } from '../../../ui/notify.ts';
import { errorMessage } from '../../../ui/states.tsx';
import type { BillingSettings, BillingSettingsInput, Schedule } from '../billing-types.ts';
import { useSaveBillingSettings } from '../use-billing-settings.ts';
import { StatsFieldsInputs, StatsFieldsSummary } from './stats-fields.tsx';
import {
  describeSchedule,
  driftPolicies,
  formatHour,
  formatOffset,
  modes,
  scheduleKinds,
  utcOffsets,
} from './settings-words.ts';

const hours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: formatHour(h) }));
const days = [
  ...Array.from({ length: 28 }, (_, d) => ({ value: String(d + 1), label: String(d + 1) })),
  { value: 'last', label: 'The last day of the month' },
];
const offsets = utcOffsets.map((m) => ({ value: String(m), label: formatOffset(m) }));
const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : fallback);

export function BillingSettingsSummary({ settings: s }: { settings: BillingSettings }) {
  const mode = modes.find((m) => m.value === s.mode);
  const drift = driftPolicies.find((d) => d.value === s.driftPolicy);
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={false}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={200}>Mode</Table.Th>
          <Table.Td>
            {mode?.label}: {mode?.means}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Approval threshold</Table.Th>
          <Table.Td>
            Over {s.approvalThresholdPercent} % of the current quantity
            {s.approvalThresholdUnits != null ? `, or over ${s.approvalThresholdUnits} units` : ''}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Hand edits in the PSA</Table.Th>
          <Table.Td>
            {drift?.label}: {drift?.means}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Schedule</Table.Th>
          <Table.Td>{describeSchedule(s.schedule)}</Table.Td>
        </Table.Tr>
        <StatsFieldsSummary chosen={s.statsFields} />
      </Table.Tbody>
    </Table>
  );
}

export function BillingSettingsForm({
  connectionId,
  settings,
}: {
  connectionId: string;
  settings: BillingSettings;
}) {
  const save = useSaveBillingSettings(connectionId);
  const [mode, setMode] = useState(settings.mode);
  const [percent, setPercent] = useState<string | number>(settings.approvalThresholdPercent);
  const [units, setUnits] = useState<string | number>(settings.approvalThresholdUnits ?? '');
  const [driftPolicy, setDriftPolicy] = useState(settings.driftPolicy);
  const [schedule, setSchedule] = useState<Schedule>(settings.schedule);
  const [stats, setStats] = useState(settings.statsFields);
  const errors = fieldErrors(save.error);
  const statsChanged = (Object.keys(stats) as (keyof typeof stats)[]).some(
    (k) => stats[k] !== settings.statsFields[k],
  );
  const patch = (p: Partial<Schedule>) => setSchedule((s) => ({ ...s, ...p }));

  const submit = () => {
    const body: BillingSettingsInput = {
      mode,
      approvalThresholdPercent: num(percent, settings.approvalThresholdPercent),
      approvalThresholdUnits: typeof units === 'number' ? units : null,
      driftPolicy,
      schedule,
      // Only sent when changed: checking them asks the PSA for its fields.
      ...(statsChanged ? { statsFields: stats } : {}),
    };
    save.mutate(body, {
      onSuccess: () => notify({ message: 'Billing settings saved.' }),
    });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="lg">
        <Radio.Group
          label="Mode"
          value={mode}
          onChange={(v) => setMode(v as typeof mode)}
          error={errors.mode}
        >
          <Stack gap="xs" mt={6}>
            {modes.map((m) => (
              <Radio key={m.value} value={m.value} label={m.label} description={m.means} />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Approval threshold (percent)"
            description="A change larger than this share of the current quantity waits for a person (not for a line at 0)."
            suffix=" %"
            min={0}
            max={100000}
            value={percent}
            onChange={setPercent}
            error={errors.approvalThresholdPercent}
          />
          <NumberInput
            label="Approval threshold (units)"
            description="A change larger than this many units waits too. Empty: no limit in units."
            min={0}
            value={units}
            onChange={setUnits}
            error={errors.approvalThresholdUnits}
          />
        </SimpleGrid>
        <Radio.Group
          label="Hand edits in the PSA"
          description="When the PSA’s quantity is not what the hub last wrote there."
          value={driftPolicy}
          onChange={(v) => setDriftPolicy(v as typeof driftPolicy)}
          error={errors.driftPolicy}
        >
          <Stack gap="xs" mt={6}>
            {driftPolicies.map((d) => (
              <Radio key={d.value} value={d.value} label={d.label} description={d.means} />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label="Schedule"
          value={schedule.kind}
          onChange={(v) => patch({ kind: v as Schedule['kind'] })}
          error={errors.kind}
        >
          <Stack gap="xs" mt={6}>
            {scheduleKinds.map((k) => (
              <Radio key={k.value} value={k.value} label={k.label} description={k.means} />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {schedule.kind === 'on_change' ? (
            <>
              <NumberInput
                label="Wait after the last change (minutes)"
                description="Usage changing in bursts is synced once it settles."
                min={0}
                max={1440}
                allowDecimal={false}
                value={schedule.debounceMinutes}
                onChange={(v) => patch({ debounceMinutes: num(v, 0) })}
                error={errors.debounceMinutes}
              />
              <NumberInput
                label="At most one write per line every (hours)"
                description="A line changed more often waits until the interval has passed."
                min={0}
                max={744}
                allowDecimal={false}
                value={schedule.minIntervalHours}
                onChange={(v) => patch({ minIntervalHours: num(v, 0) })}
                error={errors.minIntervalHours}
              />
            </>
          ) : (
            <>
              {schedule.kind === 'monthly' && (
                <Select
                  label="Day of the month"
                  description="Up to the 28th, or the month’s last day."
                  data={days}
                  allowDeselect={false}
                  value={String(schedule.dayOfMonth)}
                  onChange={(v) => v && patch({ dayOfMonth: v === 'last' ? 'last' : Number(v) })}
                  error={errors.dayOfMonth}
                />
              )}
              <Select
                label="Hour"
                description="In your time, as the offset below says."
                data={hours}
                allowDeselect={false}
                value={String(schedule.hour)}
                onChange={(v) => v && patch({ hour: Number(v) })}
                error={errors.hour}
              />
              <Select
                label="Your offset from UTC"
                description="Summer time is not followed: change it when your clocks change."
                data={offsets}
                searchable
                allowDeselect={false}
                value={String(schedule.utcOffsetMinutes)}
                onChange={(v) => v && patch({ utcOffsetMinutes: Number(v) })}
                error={errors.utcOffsetMinutes}
              />
            </>
          )}
        </SimpleGrid>
        <StatsFieldsInputs connectionId={connectionId} value={stats} onChange={setStats} errors={errors} />
        {save.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert" title="Not saved">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save billing settings
          </Button>
          {mode === 'auto' && settings.mode !== 'auto' && (
            <Text size="sm" fw={500}>
              From then on the hub writes changes to the PSA without asking, except the holds.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
