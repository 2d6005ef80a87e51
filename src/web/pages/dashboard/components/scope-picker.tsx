// Whose figures the dashboard counts: everything the user sees (its partner and those below it; an
// operator: every partner), or one partner's part of the tree. Shown only when there is a choice.
import { Select } from '@mantine/core';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { usePartners } from '../../../hooks/use-partners.ts';

const ALL = 'all';

export function ScopePicker({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (partnerId: string | null) => void;
}) {
  const { partner } = useCurrentUser();
  const partners = usePartners(true);
  const others = (partners.data ?? []).filter((p) => p.id !== partner?.id);
  // A partner with none below it has nothing to choose; a failed list leaves the default view.
  if (others.length === 0) return null;
  return (
    <Select
      label="Partner"
      data={[
        { value: ALL, label: partner ? `${partner.name} and those below` : 'All partners' },
        ...others.map((p) => ({ value: p.id, label: p.name })),
      ]}
      value={value ?? ALL}
      onChange={(v) => onChange(v && v !== ALL ? v : null)}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No partner has that name"
      w={{ base: '100%', xs: 280 }}
    />
  );
}
