// The alert list's filters, as the API has them: status, waiting, stopped, and text.
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

export const alertFilterNames = ['status', 'waiting', 'dead', 'q'] as const;
export type AlertFilterName = (typeof alertFilterNames)[number];

export function AlertFilterBar({
  values,
  set,
  clear,
}: {
  values: Partial<Record<AlertFilterName, string>>;
  set: (name: AlertFilterName, value: string | null) => void;
  clear: () => void;
}) {
  const [q, setQ] = useState(values.q ?? '');
  const setSearch = useDebouncedCallback((v: string) => set('q', v.trim() || null), 300);
  return (
    <Stack gap="xs" role="search" aria-label="Filter alerts">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Select
          label="Status"
          placeholder="Any"
          clearable
          value={values.status ?? null}
          onChange={(v) => set('status', v)}
          data={[
            { value: 'failing', label: 'Failing' },
            { value: 'resolved', label: 'Resolved' },
            { value: 'cancelled', label: 'Cancelled' },
          ]}
        />
        <Select
          label="Ticket writes"
          placeholder="Any"
          clearable
          value={values.waiting ?? null}
          onChange={(v) => set('waiting', v)}
          data={[
            { value: 'true', label: 'Some still waiting' },
            { value: 'false', label: 'None waiting' },
          ]}
        />
        <Select
          label="Stopped"
          placeholder="Any"
          clearable
          value={values.dead ?? null}
          onChange={(v) => set('dead', v)}
          data={[
            { value: 'true', label: 'Stopped after failing' },
            { value: 'false', label: 'Not stopped' },
          ]}
        />
        <TextInput
          label="Search"
          placeholder="Condition, resource, organization"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setSearch(e.currentTarget.value);
          }}
        />
      </SimpleGrid>
      <Group>
        <Button
          variant="subtle"
          onClick={() => {
            setQ('');
            clear();
          }}
        >
          Clear filters
        </Button>
      </Group>
    </Stack>
  );
}
