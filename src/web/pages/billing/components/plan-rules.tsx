// The billing rules of each plan mapped on the connection, with their effective values (what is set
// and what follows the defaults), and a billing manager's editor for one plan's rules.
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Connection } from '../../../client/types.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { notify } from '../../../ui/notify.ts';
import { PermissionGate } from '../../../ui/permission-gate.tsx';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../../ui/states.tsx';
import type { BillingRules, BillingRulesReply, PlanLink } from '../billing-types.ts';
import { usePlanLinks, usePlanRules, useSavePlanRules } from '../use-billing-rules.ts';
import { formatNumber } from './billing-words.ts';
import { ScrollTable } from '../../../ui/scroll-table.tsx';

const roundings = [
  { value: 'up', label: 'Up' },
  { value: 'nearest', label: 'To the nearest' },
  { value: 'down', label: 'Down' },
];

export const placeholders = [
  { name: '{plan}', means: 'the plan’s name' },
  { name: '{quantity}', means: 'the quantity billed' },
  { name: '{unit}', means: 'the plan’s unit (seat, GB…)' },
  { name: '{usage}', means: 'the usage before the rules' },
  { name: '{date}', means: 'the day the usage last changed' },
];

export function PlanRules({ connection }: { connection: Connection }) {
  const links = usePlanLinks(connection.id);
  const mapped = (links.data ?? []).filter((l) => l.link !== null);
  const rules = usePlanRules(
    connection.id,
    mapped.map((l) => l.plan.id),
  );
  const [editing, setEditing] = useState<PlanLink | null>(null);
  if (links.isPending) return <LoadingState what="the mapped plans" />;
  if (links.isError)
    return <ErrorState what="the mapped plans" error={links.error} onRetry={() => void links.refetch()} />;
  if (mapped.length === 0)
    return (
      <EmptyState
        title="No plan is mapped on this connection"
        next="Rules apply to a plan mapped to a PSA product. Map the plans first."
        action={
          <Button component={Link} to={`/connections/${connection.id}/plans`} variant="light">
            Map the plans
          </Button>
        }
      />
    );
  const editingRules = editing ? rules[mapped.indexOf(editing)]?.data : undefined;
  return (
    <>
      <ScrollTable label="Billing rules per plan">
        <Table miw={900} fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Plan → product</Table.Th>
              <Table.Th>Multiplier</Table.Th>
              <Table.Th>Included</Table.Th>
              <Table.Th>Rounding</Table.Th>
              <Table.Th>Minimum</Table.Th>
              <Table.Th>Unit price / cost</Table.Th>
              <Table.Th>Description</Table.Th>
              <PermissionGate permission="manage_billing">
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </PermissionGate>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mapped.map((l, i) => {
              const r = rules[i]!;
              return (
                <Table.Tr key={l.plan.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {l.plan.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {l.link!.productName}
                      {l.link!.productCode ? ` (${l.link!.productCode})` : ''}
                    </Text>
                  </Table.Td>
                  {r.isPending ? (
                    <Table.Td colSpan={6}>
                      <Text size="sm" c="dimmed">
                        Loading the rules…
                      </Text>
                    </Table.Td>
                  ) : r.isError ? (
                    <Table.Td colSpan={6}>
                      <Text size="sm" c="red.9">
                        Could not load the rules: {errorMessage(r.error)}
                      </Text>
                    </Table.Td>
                  ) : (
                    <RuleCells reply={r.data} />
                  )}
                  <PermissionGate permission="manage_billing">
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={!r.data || connection.status === 'revoked'}
                        onClick={() => setEditing(l)}
                        aria-label={`Edit the rules of ${l.plan.name}`}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  </PermissionGate>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Text size="xs" c="dimmed">
        Applied in this order: the usage times the multiplier, less what is included, rounded to the step, at
        least the minimum. <i>default</i> marks a value not set for this plan. An organization’s own overrides
        are set on its link.
      </Text>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Billing rules of ${editing.plan.name}` : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing && editingRules && (
          <RulesForm
            connection={connection}
            plan={editing}
            reply={editingRules}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </>
  );
}

function Value({ set, children }: { set: boolean; children: React.ReactNode }) {
  return (
    <Group gap={4}>
      <span style={{ whiteSpace: 'nowrap' }}>{children}</span>
      {!set && (
        <Text span size="xs" c="dimmed" fs="italic">
          default
        </Text>
      )}
    </Group>
  );
}

function RuleCells({ reply }: { reply: BillingRulesReply }) {
  const { rules, effective: e } = reply;
  const has = (k: keyof BillingRules) => rules[k] !== undefined;
  return (
    <>
      <Table.Td>
        <Value set={has('multiplier')}>× {formatNumber(e.multiplier)}</Value>
      </Table.Td>
      <Table.Td>
        <Value set={has('includedQuantity')}>{formatNumber(e.includedQuantity)}</Value>
      </Table.Td>
      <Table.Td>
        <Value set={has('rounding') || has('step')}>
          {roundings.find((r) => r.value === e.rounding)?.label ?? e.rounding} to {formatNumber(e.step)}
        </Value>
      </Table.Td>
      <Table.Td>
        <Value set={has('minimum')}>{formatNumber(e.minimum)}</Value>
      </Table.Td>
      <Table.Td>
        {e.unitPrice == null && e.unitCost == null ? (
          <Text size="sm" c="dimmed">
            as the PSA has them
          </Text>
        ) : (
          `${e.unitPrice == null ? 'PSA’s' : formatNumber(e.unitPrice)} / ${e.unitCost == null ? 'PSA’s' : formatNumber(e.unitCost)}`
        )}
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        {e.descriptionTemplate ?? (
          <Text size="sm" c="dimmed">
            as the PSA has it
          </Text>
        )}
      </Table.Td>
    </>
  );
}

function RulesForm({
  connection,
  plan,
  reply,
  onDone,
}: {
  connection: Connection;
  plan: PlanLink;
  reply: BillingRulesReply;
  onDone: () => void;
}) {
  const save = useSavePlanRules(connection.id, plan.plan.id);
  const r = reply.rules;
  const e = reply.effective;
  const [multiplier, setMultiplier] = useState<string | number>(r.multiplier ?? '');
  const [included, setIncluded] = useState<string | number>(r.includedQuantity ?? '');
  const [rounding, setRounding] = useState<string | null>(r.rounding ?? null);
  const [step, setStep] = useState<string | number>(r.step ?? '');
  const [minimum, setMinimum] = useState<string | number>(r.minimum ?? '');
  const [unitPrice, setUnitPrice] = useState<string | number>(r.unitPrice ?? '');
  const [unitCost, setUnitCost] = useState<string | number>(r.unitCost ?? '');
  const [template, setTemplate] = useState(r.descriptionTemplate ?? '');
  const templateRef = useRef<HTMLTextAreaElement>(null);
  const errors = fieldErrors(save.error);
  const costRefused = connection.kind === 'autotask';

  const insert = (name: string) => {
    const el = templateRef.current;
    const at = el?.selectionStart ?? template.length;
    const end = el?.selectionEnd ?? at;
    setTemplate(template.slice(0, at) + name + template.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + name.length, at + name.length);
    });
  };

  const submit = () => {
    const body: BillingRules = {
      ...(typeof multiplier === 'number' ? { multiplier } : {}),
      ...(typeof included === 'number' ? { includedQuantity: included } : {}),
      ...(rounding ? { rounding: rounding as BillingRules['rounding'] } : {}),
      ...(typeof step === 'number' ? { step } : {}),
      ...(typeof minimum === 'number' ? { minimum } : {}),
      ...(typeof unitPrice === 'number' ? { unitPrice } : {}),
      ...(typeof unitCost === 'number' && !costRefused ? { unitCost } : {}),
      ...(template.trim() ? { descriptionTemplate: template } : {}),
    };
    save.mutate(body, {
      onSuccess: () => {
        notify({ message: `Rules of ${plan.plan.name} saved; they apply from the next sync.` });
        onDone();
      },
    });
  };
  /** An empty field follows the default: the effective value shows it when nothing is set. */
  const dflt = (key: keyof BillingRules, v: string | number | null) =>
    r[key] === undefined && v !== null ? `Default: ${v}` : 'Default';

  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Text size="sm">
          Leave a field empty to follow the default (shown in it). The rules replace this plan’s rules as a
          whole and apply from the next sync.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Multiplier"
            description="Usage × this: 0.2 bills 1 per 5 units."
            placeholder={dflt('multiplier', e.multiplier)}
            min={0}
            decimalScale={6}
            value={multiplier}
            onChange={setMultiplier}
            error={errors.multiplier}
          />
          <NumberInput
            label="Included quantity"
            description="Subtracted from the usage."
            placeholder={dflt('includedQuantity', e.includedQuantity)}
            min={0}
            value={included}
            onChange={setIncluded}
            error={errors.includedQuantity}
          />
          <Select
            label="Rounding"
            description="Which way a quantity between two steps goes."
            placeholder={dflt('rounding', roundings.find((x) => x.value === e.rounding)?.label ?? e.rounding)}
            data={roundings}
            clearable
            value={rounding}
            onChange={setRounding}
            error={errors.rounding}
          />
          <NumberInput
            label="Step"
            description="Round to multiples of this: 50 bills blocks of 50."
            placeholder={dflt('step', e.step)}
            min={0}
            value={step}
            onChange={setStep}
            error={errors.step}
          />
          <NumberInput
            label="Minimum"
            description="Never bill less than this."
            placeholder={dflt('minimum', e.minimum)}
            min={0}
            value={minimum}
            onChange={setMinimum}
            error={errors.minimum}
          />
          <NumberInput
            label="Unit price"
            description="Empty: left as the PSA has it."
            min={0}
            decimalScale={4}
            value={unitPrice}
            onChange={setUnitPrice}
            error={errors.unitPrice}
          />
          <NumberInput
            label="Unit cost"
            description={
              costRefused
                ? 'Autotask does not let an integration set a contract service’s cost.'
                : 'Empty: left as the PSA has it.'
            }
            min={0}
            decimalScale={4}
            disabled={costRefused}
            value={costRefused ? '' : unitCost}
            onChange={setUnitCost}
            error={errors.unitCost}
          />
        </SimpleGrid>
        <Textarea
          ref={templateRef}
          label="Description template"
          description="Empty: the description stays as the PSA has it."
          autosize
          minRows={2}
          maxLength={500}
          value={template}
          onChange={(ev) => setTemplate(ev.currentTarget.value)}
          error={errors.descriptionTemplate}
        />
        <Stack gap={4}>
          <Text size="xs" c="dimmed" id="placeholders-help">
            Insert a placeholder at the cursor:
          </Text>
          <Group gap={6} role="group" aria-labelledby="placeholders-help">
            {placeholders.map((p) => (
              <Button
                key={p.name}
                size="compact-xs"
                variant="light"
                onClick={() => insert(p.name)}
                title={p.means}
                aria-label={`Insert ${p.name}: ${p.means}`}
              >
                <Code bg="transparent">{p.name}</Code>
              </Button>
            ))}
          </Group>
          {connection.kind === 'halopsa' && (
            <Text size="xs" c="dimmed">
              A Halo licence holds a count only: a price or description on a licence fails that write.
            </Text>
          )}
        </Stack>
        {save.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert" title="Not saved">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Badge variant="transparent" c="dimmed" fw={400} tt="none">
            {Object.keys(reply.rules).length === 0
              ? 'All defaults now'
              : `${Object.keys(reply.rules).length} set now`}
          </Badge>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save rules
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
