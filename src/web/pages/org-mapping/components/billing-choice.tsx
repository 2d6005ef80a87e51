// Where each plan of an organization bills on the chosen company: one of the company's billing
// records carrying the plan's product, a new line on one of its agreements / contracts / invoices,
// not at all, or (left as it is) the only record that carries the product.
import { Select, Stack, Text } from '@mantine/core';
import type { BillingTargets, LinkBody, OrgLinkView } from '../../../client/types.ts';

type Plan = OrgLinkView['plans'][number];
export type BillingChoices = Record<string, string>;

const AUTOMATIC = 'auto';
const NONE = 'none';

/** The link body's billing list from the choices; "automatic" plans are left out, as the API wants. */
export function billingRequests(choices: BillingChoices): NonNullable<LinkBody['billing']> {
  return Object.entries(choices).flatMap<NonNullable<LinkBody['billing']>[number]>(([planId, v]) => {
    if (v === AUTOMATIC) return [];
    if (v === NONE) return [{ planId, targetId: null }];
    if (v.startsWith('t:')) return [{ planId, targetId: v.slice(2) }];
    return [{ planId, createOn: v.slice(2) }];
  });
}

export function BillingChoice({
  plans,
  productOf,
  targets,
  choices,
  onChange,
}: {
  plans: Plan[];
  /** The product each plan maps to on this connection (null: unmapped here). */
  productOf: (planId: string) => string | null;
  targets: BillingTargets;
  choices: BillingChoices;
  onChange: (c: BillingChoices) => void;
}) {
  if (plans.length === 0)
    return (
      <Text size="sm" c="dimmed">
        The organization uses no plan yet: nothing to bill.
      </Text>
    );
  return (
    <Stack gap="xs">
      {plans.map((p) => {
        const product = productOf(p.id);
        const carrying = targets.targets.filter((t) => product !== null && t.productId === product);
        const data = [
          { value: AUTOMATIC, label: 'The only record with this plan’s product, if exactly one has it' },
          ...carrying.map((t) => ({ value: `t:${t.id}`, label: `${t.label} (now ${t.quantity})` })),
          ...targets.parents.map((par) => ({ value: `p:${par.id}`, label: `Add a new line on ${par.name}` })),
          { value: NONE, label: 'Do not bill this plan' },
        ];
        return (
          <Select
            key={p.id}
            label={`${p.name} bills into`}
            description={
              product === null ? 'This plan is not mapped on this connection: map it first.' : undefined
            }
            data={data}
            value={choices[p.id] ?? AUTOMATIC}
            onChange={(v) => onChange({ ...choices, [p.id]: v ?? AUTOMATIC })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        );
      })}
    </Stack>
  );
}
