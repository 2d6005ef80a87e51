// The partners the user sees as an indented tree: each under its parent, by name. A partner whose
// parent the user may not see (its own, for a reseller) is a root.
import { Badge, Group, UnstyledButton, Text } from '@mantine/core';
import type { Partner } from '../../../client/types.ts';
import { kindLabels } from './partner-kinds.ts';

export function PartnerTree({
  partners,
  selected,
  onSelect,
}: {
  partners: Partner[];
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const ids = new Set(partners.map((p) => p.id));
  const childrenOf = (parentId: string | null) =>
    partners.filter((p) =>
      parentId === null ? !p.parentId || !ids.has(p.parentId) : p.parentId === parentId,
    );
  const branch = (parentId: string | null, depth: number) => {
    const kids = childrenOf(parentId);
    if (kids.length === 0) return null;
    return (
      <ul style={{ listStyle: 'none', margin: 0, paddingLeft: depth === 0 ? 0 : 20 }}>
        {kids.map((p) => (
          <li key={p.id}>
            <UnstyledButton
              onClick={() => onSelect(p.id)}
              aria-current={p.id === selected ? 'true' : undefined}
              w="100%"
              px="sm"
              py={6}
              style={{
                borderRadius: 6,
                background: p.id === selected ? 'var(--mantine-color-blue-light)' : undefined,
              }}
            >
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" fw={p.id === selected ? 600 : 400} truncate>
                  {p.name}
                </Text>
                <Badge size="sm" variant="light" color="gray" style={{ flexShrink: 0 }}>
                  {kindLabels[p.kind]}
                </Badge>
              </Group>
            </UnstyledButton>
            {branch(p.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return <nav aria-label="Partner tree">{branch(null, 0)}</nav>;
}
