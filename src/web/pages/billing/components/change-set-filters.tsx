// The change sets' filters, as the API has them: state, connection, organization and held reason.
// No state chosen shows the pending ones first, then the rest.
import { Button, Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useConnections } from '../../../hooks/use-connections.ts';
import type { ChangeSetState, HoldReason } from '../billing-types.ts';
import { useOrganization, useOrganizationSearch } from '../use-billing-history.ts';
import { holdLabels, stateLooks } from './billing-words.ts';

export const changeSetFilterNames = ['state', 'connectionId', 'organizationId', 'held'] as const;
export type ChangeSetFilterName = (typeof changeSetFilterNames)[number];

const states = Object.entries(stateLooks).map(([value, l]) => ({ value, label: l.label })) as {
  value: ChangeSetState;
  label: string;
}[];
const holds = Object.entries(holdLabels).map(([value, label]) => ({ value, label })) as {
  value: HoldReason;
  label: string;
}[];

export function ChangeSetFilterBar({
  values,
  set,
  clear,
}: {
  values: Partial<Record<ChangeSetFilterName, string>>;
  set: (name: ChangeSetFilterName, value: string | null) => void;
  clear: () => void;
}) {
  const { partner } = useCurrentUser();
  const connections = useConnections(partner?.id);
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Filter change sets">
      <Select
        label="State"
        placeholder="Pending first, then the rest"
        clearable
        w={{ base: '100%', xs: 230 }}
        data={states}
        value={values.state ?? null}
        onChange={(v) => set('state', v)}
      />
      <Select
        label="Connection"
        placeholder={connections.isPending ? 'Loading…' : 'Any'}
        clearable
        w={{ base: '100%', xs: 210 }}
        data={(connections.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={values.connectionId ?? null}
        onChange={(v) => set('connectionId', v)}
        nothingFoundMessage="No connection"
      />
      <OrganizationSelect value={values.organizationId ?? null} onChange={(v) => set('organizationId', v)} />
      <Select
        label="Held because"
        placeholder="Any reason"
        clearable
        w={{ base: '100%', xs: 190 }}
        data={holds}
        value={values.held ?? null}
        onChange={(v) => set('held', v)}
      />
      <Button variant="subtle" onClick={clear}>
        Clear filters
      </Button>
    </Group>
  );
}

/** A searchable choice of organization, searched by the hub (name, id or domain). */
export function OrganizationSelect({
  value,
  onChange,
  label = 'Organization',
  w = 240,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  w?: number;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useOrganizationSearch(q);
  const chosen = useOrganization(value);
  const data = (found.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (chosen.data && !data.some((d) => d.value === chosen.data.id))
    data.unshift({ value: chosen.data.id, label: chosen.data.name });
  return (
    <Select
      label={label}
      placeholder="Any — type to search"
      searchable
      clearable
      w={{ base: '100%', xs: w }}
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isPending ? 'Searching…' : 'No organization matches'}
    />
  );
}
