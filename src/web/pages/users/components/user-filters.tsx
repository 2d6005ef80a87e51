// The user list's filters, as the API has them: text (name or e-mail), partner and role.
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
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
  const [q, setQ] = useState(values.q ?? '');
  const setSearch = useDebouncedCallback((v: string) => set('q', v.trim() || null), 300);
  return (
    <Stack gap="xs" role="search" aria-label="Filter users">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <TextInput
          label="Search"
          placeholder="Name or e-mail"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setSearch(e.currentTarget.value);
          }}
        />
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
      </SimpleGrid>
      {Object.keys(values).length > 0 && (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setQ('');
              clear();
            }}
          >
            Clear filters
          </Button>
        </Group>
      )}
    </Stack>
  );
}
