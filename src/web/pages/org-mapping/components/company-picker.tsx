// Picks the PSA company to link an organization to: the auto-match suggestions first (score and
// reason), then any company found by searching the connection's company directory on the hub.
import { Checkbox, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { PsaCompany, Suggestion } from '../../../client/types.ts';
import { useCompanies } from '../../../hooks/use-org-mapping.ts';
import { ErrorState, LoadingState } from '../../../ui/states.tsx';
import { percent } from './state-words.ts';

export interface PickedCompany {
  id: string;
  name: string;
  fromSuggestion: boolean;
}

export function CompanyPicker({
  connectionId,
  suggestions,
  value,
  onChange,
  error,
}: {
  connectionId: string;
  suggestions: Suggestion[];
  value: PickedCompany | null;
  onChange: (c: PickedCompany) => void;
  error?: string | null;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [inactive, setInactive] = useState(false);
  const companies = useCompanies(connectionId, q, inactive);
  const suggested = new Set(suggestions.map((s) => s.companyId));
  const found = (companies.data?.items ?? []).filter((c) => !suggested.has(c.id));
  const byId = new Map<string, PickedCompany>([
    ...suggestions.map(
      (s) => [s.companyId, { id: s.companyId, name: s.companyName, fromSuggestion: true }] as const,
    ),
    ...found.map((c) => [c.id, { id: c.id, name: c.name, fromSuggestion: false }] as const),
  ]);
  return (
    <Stack gap="sm">
      <TextInput
        label="Search the PSA’s companies"
        description="Part of the name, or the company’s id in the PSA"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-autofocus
      />
      <Checkbox
        label="Include inactive, deleted and prospect companies"
        checked={inactive}
        onChange={(e) => setInactive(e.currentTarget.checked)}
      />
      <Radio.Group
        label="Company"
        value={value?.id ?? null}
        onChange={(id) => {
          const c = byId.get(id);
          if (c) onChange(c);
        }}
        error={error}
      >
        <ScrollArea.Autosize mah={280} type="auto" mt="xs">
          <Stack gap={6}>
            {suggestions.map((s) => (
              <Radio
                key={s.companyId}
                value={s.companyId}
                label={`${s.companyName} (suggested, ${percent(s)})`}
                description={s.reason}
              />
            ))}
            {companies.isPending ? (
              <LoadingState what="the PSA’s companies" />
            ) : companies.isError ? (
              <ErrorState
                what="the PSA’s companies"
                error={companies.error}
                onRetry={() => void companies.refetch()}
              />
            ) : (
              found.map((c) => <Radio key={c.id} value={c.id} label={c.name} description={describe(c)} />)
            )}
          </Stack>
        </ScrollArea.Autosize>
      </Radio.Group>
      {companies.data && (
        <Text size="xs" c="dimmed" role="status">
          {companies.data.total === 0
            ? q
              ? `No company matches “${q}”.${inactive ? '' : ' Try including inactive companies.'}`
              : 'The PSA has no active company.'
            : companies.data.total > companies.data.items.length
              ? `Showing ${companies.data.items.length} of ${companies.data.total} companies: type more of the name to narrow them.`
              : `${companies.data.total} ${companies.data.total === 1 ? 'company' : 'companies'} found.`}
        </Text>
      )}
    </Stack>
  );
}

function describe(c: PsaCompany) {
  const marks = [c.deleted && 'deleted', !c.active && 'inactive', c.prospect && 'prospect'].filter(Boolean);
  return [`id ${c.id}`, ...marks].join(' · ');
}
