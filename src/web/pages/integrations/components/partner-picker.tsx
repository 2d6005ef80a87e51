// For operators, and users who see partners below their own: the partner whose data a page shows.
import { Select } from '@mantine/core';
import { usePartners } from '../../../hooks/use-partners.ts';
import { ErrorState } from '../../../ui/states.tsx';

export function PartnerPicker({
  value,
  onChange,
  description = 'You are an operator: choose the partner whose integrations you want to see.',
}: {
  value: string | undefined;
  onChange: (id: string | null) => void;
  description?: string;
}) {
  const partners = usePartners(true);
  if (partners.isError)
    return <ErrorState what="partners" error={partners.error} onRetry={() => void partners.refetch()} />;
  return (
    <Select
      label="Partner"
      description={description}
      placeholder={partners.isPending ? 'Loading partners…' : 'Choose a partner'}
      searchable
      data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
      value={value ?? null}
      onChange={onChange}
      nothingFoundMessage="No partner has that name. The vendor platform creates partners through the Source API."
      maw={420}
    />
  );
}
