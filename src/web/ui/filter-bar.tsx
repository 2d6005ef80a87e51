// A list's filter bar: a search box that asks the hub only once typing pauses, the list's own
// selects (children), and "Clear filters" while any filter is set. The values live in the address
// (use-url-filters.ts).
import { Button, Group, SimpleGrid, Stack, TextInput, type SimpleGridProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';

export function FilterBar({
  label,
  cols,
  search,
  filtered,
  placeholder,
  onSearch,
  onClear,
  children,
}: {
  /** What is filtered, for screen readers: "Filter alerts". */
  label: string;
  /** Columns per screen width, as SimpleGrid takes them. */
  cols: SimpleGridProps['cols'];
  /** The search in the address now. */
  search: string | undefined;
  /** Whether any filter is set (then "Clear filters" shows). */
  filtered: boolean;
  placeholder: string;
  onSearch: (q: string | null) => void;
  onClear: () => void;
  children: ReactNode;
}) {
  const [q, setQ] = useState(search ?? '');
  const send = useDebouncedCallback((v: string) => onSearch(v.trim() || null), 300);
  return (
    <Stack gap="xs" role="search" aria-label={label}>
      <SimpleGrid cols={cols} spacing="sm">
        <TextInput
          label="Search"
          placeholder={placeholder}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            send(e.currentTarget.value);
          }}
        />
        {children}
      </SimpleGrid>
      {filtered && (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setQ('');
              onClear();
            }}
          >
            Clear filters
          </Button>
        </Group>
      )}
    </Stack>
  );
}
