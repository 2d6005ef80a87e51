// The event log's filters, as the API has them: outcome, PSA, action, time range and text.
import { Select, TextInput } from '@mantine/core';
import { FilterBar } from '../../../ui/filter-bar.tsx';

export const deliveryFilterNames = ['outcome', 'psa', 'action', 'from', 'to', 'q'] as const;
export type DeliveryFilterName = (typeof deliveryFilterNames)[number];

const outcomes = [
  { value: 'ok', label: 'Written' },
  { value: 'failed', label: 'Failed, will be retried' },
  { value: 'dead', label: 'Stopped after failing' },
];
const psas = [
  { value: 'connectwise', label: 'ConnectWise PSA' },
  { value: 'autotask', label: 'Autotask PSA' },
  { value: 'halopsa', label: 'HaloPSA' },
];
export const actionLabels: Record<string, string> = {
  create: 'Ticket created',
  note: 'Note added',
  resolve: 'Ticket resolved',
  reopen: 'Ticket reopened',
  cancel: 'Ticket cancelled',
};
const actions = [
  { value: 'create', label: 'Ticket created' },
  { value: 'note', label: 'Note added' },
  { value: 'resolve', label: 'Ticket resolved' },
  { value: 'reopen', label: 'Ticket reopened' },
  { value: 'cancel', label: 'Ticket cancelled' },
];

/** datetime-local (the user's time) ↔ the API's ISO timestamps. */
const toLocal = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const toIso = (local: string) => (local ? new Date(local).toISOString() : null);

export function DeliveryFilterBar({
  values,
  set,
  clear,
}: {
  values: Partial<Record<DeliveryFilterName, string>>;
  set: (name: DeliveryFilterName, value: string | null) => void;
  clear: () => void;
}) {
  return (
    <FilterBar
      label="Filter the event log"
      cols={{ base: 2, md: 3 }}
      search={values.q}
      filtered={Object.keys(values).length > 0}
      placeholder="PSA answer, organization, ticket"
      onSearch={(v) => set('q', v)}
      onClear={clear}
    >
      <Select
        label="Outcome"
        placeholder="Any"
        data={outcomes}
        value={values.outcome ?? null}
        onChange={(v) => set('outcome', v)}
        clearable
      />
      <Select
        label="PSA"
        placeholder="Any"
        data={psas}
        value={values.psa ?? null}
        onChange={(v) => set('psa', v)}
        clearable
      />
      <Select
        label="Action"
        placeholder="Any"
        data={actions}
        value={values.action ?? null}
        onChange={(v) => set('action', v)}
        clearable
      />
      <TextInput
        label="From"
        type="datetime-local"
        value={toLocal(values.from)}
        onChange={(e) => set('from', toIso(e.currentTarget.value))}
      />
      <TextInput
        label="Until"
        type="datetime-local"
        value={toLocal(values.to)}
        onChange={(e) => set('to', toIso(e.currentTarget.value))}
      />
    </FilterBar>
  );
}
