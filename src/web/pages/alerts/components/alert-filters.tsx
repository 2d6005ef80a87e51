// The alert list's filters, as the API has them: status, waiting, stopped, and text.
import { Select } from '@mantine/core';
import { FilterBar } from '../../../ui/filter-bar.tsx';

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
  return (
    <FilterBar
      label="Filter alerts"
      cols={{ base: 2, sm: 4 }}
      search={values.q}
      filtered={Object.keys(values).length > 0}
      placeholder="Condition, resource, organization"
      onSearch={(v) => set('q', v)}
      onClear={clear}
    >
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
    </FilterBar>
  );
}
