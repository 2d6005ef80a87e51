// Which PSA company custom field each backup statistic is written into (at most daily), picked from
// the fields the PSA has. A PSA that cannot list them says why; the choice then stays as it is.
import { Alert, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { errorMessage } from '../../../ui/states.tsx';
import type { BillingSettings, CompanyField } from '../billing-types.ts';
import { useCompanyFields } from '../use-billing-settings.ts';

type Stats = BillingSettings['statsFields'];

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
type Stat = keyof Stats;

const stats: { name: Stat; label: string; fits: CompanyField['type'][] }[] = [
  { name: 'protectedItems', label: 'Protected items', fits: ['number', 'text'] },
  { name: 'storageGb', label: 'Storage (GB)', fits: ['number', 'text'] },
  { name: 'lastSuccessAt', label: 'Last successful backup', fits: ['date', 'text'] },
];

export function StatsFieldsSummary({ chosen }: { chosen: Stats }) {
  return (
    <Table.Tr>
      <Table.Th>Backup statistics</Table.Th>
      <Table.Td>
        {stats.every((s) => chosen[s.name] === null)
          ? 'Not written to the PSA'
          : stats
              .map(
                (s) => `${s.label}: ${chosen[s.name] === null ? 'not written' : `field ${chosen[s.name]}`}`,
              )
              .join('; ')}
      </Table.Td>
    </Table.Tr>
  );
}

export function StatsFieldsInputs({
  connectionId,
  value,
  onChange,
  errors,
}: {
  connectionId: string;
  value: Stats;
  onChange: (v: Stats) => void;
  errors: Record<string, string>;
}) {
  const fields = useCompanyFields(connectionId, true);
  const unavailable = fields.isError;
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={500}>
          Backup statistics on the PSA company
        </Text>
        <Text size="xs" c="dimmed">
          The hub writes each statistic into the company custom field chosen here, at most once a day. None
          chosen: not written.
        </Text>
      </div>
      {unavailable && (
        <Alert color="yellow" title="The PSA’s company fields could not be read">
          {sentence(errorMessage(fields.error))} The fields chosen stay as they are until they can be read;
          try again later, or ask the PSA’s administrator whether the integration’s API member may read
          company custom fields.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {stats.map((s) => {
          const fitting = (fields.data ?? []).filter((f) => s.fits.includes(f.type));
          const current = value[s.name];
          const data = fitting.map((f) => ({ value: f.id, label: `${f.name} (${f.type})` }));
          if (current && !data.some((d) => d.value === current))
            data.unshift({ value: current, label: `Field ${current}` });
          return (
            <Select
              key={s.name}
              label={s.label}
              placeholder={fields.isPending ? 'Reading the PSA’s fields…' : 'Not written'}
              description={`A ${s.fits.join(' or ')} field`}
              data={data}
              clearable
              disabled={unavailable || fields.isPending}
              value={current}
              onChange={(v) => onChange({ ...value, [s.name]: v })}
              error={errors[s.name]}
              nothingFoundMessage="The PSA has no such field"
            />
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
