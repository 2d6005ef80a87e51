// The user list's filters, as the API has them: text (name or e-mail), partner and role.
import { Select } from '@mantine/core';
import { FilterBar } from '../../../ui/filter-bar.tsx';
import { partnerRoles, roleLabels } from '../../../auth/permissions.ts';
import type { Partner } from '../../../client/types.ts';

export const userFilterNames = ['q', 'partnerId', 'role'] as const;
export type UserFilterName = (typeof userFilterNames)[number];

export function UserFilterBar({
  values,
  set,
  clear,
  partners,
}: {
  values: Partial<Record<UserFilterName, string>>;
  set: (name: UserFilterName, value: string | null) => void;
  clear: () => void;
  partners: Partner[];
}) {
  return (
    <FilterBar
      label="Filter users"
      cols={{ base: 1, xs: 3 }}
      search={values.q}
      filtered={Object.keys(values).length > 0}
      placeholder="Name or e-mail"
      onSearch={(v) => set('q', v)}
      onClear={clear}
    >
      <Select
        label="Partner"
        placeholder="Any"
        clearable
        searchable
        disabled={partners.length < 2}
        value={values.partnerId ?? null}
        onChange={(v) => set('partnerId', v)}
        data={partners.map((p) => ({ value: p.id, label: p.name }))}
      />
      <Select
        label="Role"
        placeholder="Any"
        clearable
        value={values.role ?? null}
        onChange={(v) => set('role', v)}
        data={partnerRoles.map((r) => ({ value: r, label: roleLabels[r] }))}
      />
    </FilterBar>
  );
}
