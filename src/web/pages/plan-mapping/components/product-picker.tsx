// Choosing the PSA product a plan bills as: the connection's catalog searched on the hub (with the
// hub's note when only part of it can be mapped), inactive products offered — and mapped — only when
// asked, and the hub's own reason on the field when it refuses.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  ScrollArea,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { PlanLinkRow } from '../../../client/types.ts';
import { useProducts, useSetPlanLink } from '../../../hooks/use-plan-links.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { notify } from '../../../ui/notify.ts';
import { ErrorState, errorMessage, LoadingState } from '../../../ui/states.tsx';

/** More than this many matches: the picker asks for a narrower search instead of a long list. */
const SHOWN = 50;

export function ProductPicker({
  connectionId,
  row,
  onClose,
}: {
  connectionId: string;
  row: PlanLinkRow;
  onClose: () => void;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [withInactive, setWithInactive] = useState(false);
  const [chosen, setChosen] = useState<string | null>(row.link?.productId ?? null);
  const products = useProducts(connectionId, q, true);
  const save = useSetPlanLink(connectionId);
  const matching = (products.data?.items ?? []).filter((p) => withInactive || !p.inactive);
  const shown = matching.slice(0, SHOWN);
  const chosenProduct = products.data?.items.find((p) => p.id === chosen);
  const refusal = save.error ? (fieldErrors(save.error).productId ?? errorMessage(save.error)) : null;
  const submit = async () => {
    if (!chosen) return;
    // Choosing an inactive product is only possible after asking to see them: that is the explicit ask.
    const allowInactive = chosenProduct?.inactive === true;
    const saved = await save
      .mutateAsync({ planId: row.plan.id, productId: chosen, allowInactive })
      .catch(() => null);
    if (!saved) return;
    notify({ color: 'green', message: `${row.plan.name} now bills as ${saved.productName}.` });
    onClose();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Product of ${row.plan.name}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <TextInput
          label="Search the PSA’s products"
          description="By name or code"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-autofocus
        />
        {products.data?.note && (
          <Text size="sm" c="dimmed">
            {products.data.note}
          </Text>
        )}
        <Checkbox
          label="Show inactive products"
          checked={withInactive}
          onChange={(e) => setWithInactive(e.currentTarget.checked)}
        />
        {products.isPending ? (
          <LoadingState what="the PSA’s products" />
        ) : products.isError ? (
          <ErrorState
            what="the PSA’s products"
            error={products.error}
            onRetry={() => void products.refetch()}
          />
        ) : shown.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">
            {q
              ? `No ${withInactive ? '' : 'active '}product matches “${q}”. Try another word or part of the code${withInactive ? '' : ', or show inactive products'}.`
              : 'The PSA has no active product. Add one in the PSA, or show inactive products.'}
          </Text>
        ) : (
          <Radio.Group label="Product" value={chosen} onChange={setChosen} error={refusal}>
            <ScrollArea.Autosize mah={320} type="auto" mt="xs">
              <Stack gap={6}>
                {shown.map((p) => (
                  <Radio
                    key={p.id}
                    value={p.id}
                    label={p.name}
                    description={[p.code, p.inactive ? 'inactive' : null, `id ${p.id}`]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Radio.Group>
        )}
        {matching.length > SHOWN && (
          <Text size="xs" c="dimmed">
            Showing {SHOWN} of {matching.length} matches: type more of the name to narrow them.
          </Text>
        )}
        {products.data && !products.data.complete && (
          <Alert color="yellow" title="Not every product was read">
            The PSA has more products than the hub reads at once. Search by name or code to find the one you
            want.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={() => void submit()}
            loading={save.isPending}
            disabled={!chosen || chosen === row.link?.productId}
          >
            {chosenProduct ? `Map to ${chosenProduct.name}` : 'Map to the chosen product'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
