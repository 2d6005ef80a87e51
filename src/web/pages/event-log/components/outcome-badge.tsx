import { Badge } from '@mantine/core';

const looks: Record<string, { color: string; label: string }> = {
  ok: { color: 'green', label: 'Written' },
  failed: { color: 'yellow', label: 'Failed, retrying' },
  dead: { color: 'red', label: 'Stopped' },
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const look = looks[outcome] ?? { color: 'gray', label: outcome };
  return (
    <Badge color={look.color} variant="light">
      {look.label}
    </Badge>
  );
}
